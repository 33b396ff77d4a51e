/// Graph and node ids are kebab-case; reference keys are simple words.
enum IdentifierCheck: DocumentCheck {
    enum Message {
        static func notKebab(_ what: String, _ id: String) -> String {
            let fixed = kebabCased(id)
            let hint = fixed.isEmpty ? "" : ", e.g. '\(fixed)'"
            return "\(what) '\(id)' is not kebab-case; use lowercase letters and digits joined by single hyphens\(hint)"
        }
        static func badReferenceKey(_ key: String) -> String {
            "reference key '\(key)' must start with a letter or digit and contain only letters, digits, '_', '.' and '-'"
        }
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let id = context.document.id, !isKebabCase(id.value) {
            out.append(Diagnostic(.error, Message.notKebab("graph id", id.value), at: id.location))
        }
        for node in context.document.nodes {
            if let id = node.id, !isKebabCase(id.value) {
                out.append(Diagnostic(.error, Message.notKebab("node id", id.value), at: id.location))
            }
        }
        for reference in context.document.references where !isReferenceKey(reference.key.value) {
            out.append(Diagnostic(.error, Message.badReferenceKey(reference.key.value), at: reference.key.location))
        }
        return out
    }

    static func isReferenceKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, isASCIILetter(first) || ("0"..."9").contains(first)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "-"
        }
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
}
