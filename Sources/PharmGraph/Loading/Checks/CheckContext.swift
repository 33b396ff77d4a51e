/// What every check needs: the document and its indexes.
struct CheckContext {
    let document: RawDocument
    /// The first definition of each node id.
    let nodes: [String: RawNode]
    /// Reference keys defined in the file.
    let referenceKeys: Set<String>
    /// Whether the document is read for `fmt --upgrade`, which adds the version and the missing context keys.
    let upgrading: Bool

    init(document: RawDocument, upgrading: Bool = false) {
        self.document = document
        self.upgrading = upgrading
        var nodes: [String: RawNode] = [:]
        for node in document.nodes {
            if let id = node.id?.value, nodes[id] == nil { nodes[id] = node }
        }
        self.nodes = nodes
        self.referenceKeys = Set(document.references.map(\.key.value))
    }

    /// A suggestion for an unknown node name: a close id, or the node whose label or synonym it is.
    func nodeSuggestion(for name: String) -> String {
        let lowered = name.lowercased()
        let byName = document.nodes.first { node in
            node.label?.lowercased() == lowered || node.synonyms.contains { $0.lowercased() == lowered }
        }
        if let id = byName?.id?.value { return "; did you mean '\(id)'?" }
        return Suggestion.clause(for: name, in: nodes.keys.sorted())
    }
}

/// One family of semantic checks over a decoded document.
protocol DocumentCheck {
    static func run(_ context: CheckContext) -> [Diagnostic]
}

/// The checks `check` runs, in order.
var documentChecks: [any DocumentCheck.Type] {
    [
        FormatCheck.self, IdentifierCheck.self, NodeCheck.self, EdgeCheck.self, ReferenceCheck.self, ClaimCheck.self,
        ContextCheck.self, WalkCheck.self,
    ]
}

/// Whether `id` is kebab-case: lowercase letters and digits in words joined by single hyphens.
func isKebabCase(_ id: String) -> Bool {
    guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
    return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
}

/// A kebab-case spelling of `id`, for suggestions.
func kebabCased(_ id: String) -> String {
    var out = ""
    for scalar in id.lowercased().unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            out.unicodeScalars.append(scalar)
        } else if !out.isEmpty, !out.hasSuffix("-") {
            out += "-"
        }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out
}
