/// Graph and node ids are kebab-case; reference keys are simple words; xrefs match their namespace.
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
        static func unknownNamespace(_ name: String, suggestion: String) -> String {
            "unknown xref namespace '\(name)'\(suggestion) Its ids go unchecked; the known namespaces are: \(XrefNamespace.known.map(\.name).joined(separator: ", "))"
        }
        static func malformed(_ id: String, _ namespace: XrefNamespace, written: String) -> String {
            let shown = written == namespace.name ? "'\(written)'" : "'\(written)' (\(namespace.name))"
            if let local = namespace.unprefixed(id), namespace.accepts(local) {
                return "xref '\(id)' repeats its namespace \(shown): write the local id '\(local)'"
            }
            return "'\(id)' is not a \(shown) id; expected one like '\(namespace.example)' (pattern \(namespace.pattern))"
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
        for node in context.document.nodes {
            out += xrefDiagnostics(node.xrefEntries)
        }
        for reference in context.document.references where !isReferenceKey(reference.key.value) {
            out.append(Diagnostic(.error, Message.badReferenceKey(reference.key.value), at: reference.key.location))
        }
        return out
    }

    /// An unknown namespace is a warning (its ids go unchecked); a malformed id is an error at the id.
    static func xrefDiagnostics(_ entries: [LocatedEntry]) -> [Diagnostic] {
        entries.compactMap { entry in
            let written = entry.key.value
            guard let namespace = XrefNamespace.named(written) else {
                let names = XrefNamespace.known.flatMap { [$0.name] + $0.synonyms }
                let clause = Suggestion.clause(for: written, in: names)
                let suggestion = clause.isEmpty ? "." : clause
                return Diagnostic(.warning, Message.unknownNamespace(written, suggestion: suggestion), at: entry.key.location)
            }
            guard !namespace.accepts(entry.value.value) else { return nil }
            return Diagnostic(.error, Message.malformed(entry.value.value, namespace, written: written), at: entry.value.location)
        }
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
