/// Reads typed values out of a composed YAML node tree, collecting a diagnostic for
/// every value of the wrong shape instead of stopping at the first.
struct TreeReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: path, line: node.mark.line, column: node.mark.column)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    /// A word for the node's shape, for "expected X, found Y" messages.
    static func shape(of node: YAMLNode) -> String {
        switch node.content {
        case .scalar: isNull(node) ? "nothing" : "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// Whether the node is an empty plain scalar or YAML's null.
    static func isNull(_ node: YAMLNode) -> Bool {
        guard case let .scalar(text, plain: true) = node.content else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// The fields of a mapping, checked against the allowed and required names.
    ///
    /// Unknown fields are errors with a suggestion; missing required fields are
    /// errors at the mapping.
    mutating func fields(
        of node: YAMLNode, what: String, allowed: [String], required: [String]
    ) -> [String: (key: YAMLNode, value: YAMLNode)]? {
        guard case let .mapping(mapping) = node.content else {
            error("expected \(what) as a mapping, found \(Self.shape(of: node))", at: location(of: node))
            return nil
        }
        var result: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        // A misspelt required field is reported once, as the misspelling.
        var suggested: Set<String> = []
        for (key, value) in mapping {
            guard case let .scalar(name, _) = key.content else {
                error("expected a field name in \(what), found \(Self.shape(of: key))", at: location(of: key))
                continue
            }
            guard allowed.contains(name) else {
                let suggestion = Suggestion.closest(to: name, in: allowed)
                if let suggestion { suggested.insert(suggestion) }
                error(
                    "unknown field '\(name)' in \(what)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    at: location(of: key))
                continue
            }
            result[name] = (key, value)
        }
        for name in required where result[name] == nil && !suggested.contains(name) {
            error("\(what) is missing required field '\(name)'", at: location(of: node))
        }
        for name in required {
            if let value = result[name]?.value, Self.isNull(value) {
                error("field '\(name)' in \(what) has no value", at: location(of: value))
                result[name] = nil
            }
        }
        return result
    }

    /// A text value; `nil` (with an error) for lists and mappings, `nil` (silently) for null.
    mutating func text(_ node: YAMLNode?, field: String) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        guard case let .scalar(text, _) = node.content else {
            error("expected text for '\(field)', found \(Self.shape(of: node))", at: location(of: node))
            return nil
        }
        return text
    }

    mutating func locatedText(_ node: YAMLNode?, field: String) -> Located<String>? {
        guard let node, let value = text(node, field: field) else { return nil }
        return Located(value: value, location: location(of: node))
    }

    /// A list of texts; a lone text is an error (write `[x]`).
    mutating func textList(_ node: YAMLNode?, field: String) -> [Located<String>] {
        guard let node, !Self.isNull(node) else { return [] }
        guard case let .sequence(sequence) = node.content else {
            error("expected a list for '\(field)', found \(Self.shape(of: node))", at: location(of: node))
            return []
        }
        return sequence.compactMap { locatedText($0, field: field) }
    }

    /// A mapping of text to text with the position of every key and value, in file order.
    mutating func locatedMap(_ node: YAMLNode?, field: String) -> [LocatedEntry] {
        guard let node, !Self.isNull(node) else { return [] }
        guard case let .mapping(mapping) = node.content else {
            error("expected a mapping for '\(field)', found \(Self.shape(of: node))", at: location(of: node))
            return []
        }
        var result: [LocatedEntry] = []
        for (key, value) in mapping {
            guard let name = locatedText(key, field: field) else { continue }
            guard let text = locatedText(value, field: "\(field).\(name.value)") else {
                if Self.isNull(value) {
                    error("'\(field)' entry '\(name.value)' has no value", at: location(of: value))
                }
                continue
            }
            result.append(LocatedEntry(key: name, value: text))
        }
        return result
    }

    /// A `true`/`false` value with its position.
    mutating func locatedBool(_ node: YAMLNode?, field: String) -> Located<Bool>? {
        guard let node, let value = bool(node, field: field) else { return nil }
        return Located(value: value, location: location(of: node))
    }

    /// One of a closed set of names, with a suggestion when it is not.
    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ node: YAMLNode?, field: String, what: String, as type: E.Type = E.self
    ) -> Located<E>? where E.RawValue == String {
        guard let located = locatedText(node, field: field) else { return nil }
        if let value = E(rawValue: located.value) { return Located(value: value, location: located.location) }
        let names = E.allCases.map(\.rawValue)
        let advice =
            (E.self as? any AdvisedVocabulary.Type)?.advice(for: located.value)
            ?? Suggestion.clause(for: located.value, in: names)
        error("unknown \(what) '\(located.value)'" + advice, at: located.location)
        return nil
    }

    mutating func bool(_ node: YAMLNode?, field: String) -> Bool? {
        guard let node, let value = text(node, field: field) else { return nil }
        switch value {
        case "true": return true
        case "false": return false
        default:
            error("expected 'true' or 'false' for '\(field)', found '\(value)'", at: location(of: node))
            return nil
        }
    }

    mutating func positiveInt(_ node: YAMLNode?, field: String, maximum: Int) -> Int? {
        guard let node, let value = text(node, field: field) else { return nil }
        guard let number = Int(value), (1...maximum).contains(number) else {
            error("expected a whole number from 1 to \(maximum) for '\(field)', found '\(value)'", at: location(of: node))
            return nil
        }
        return number
    }
}
