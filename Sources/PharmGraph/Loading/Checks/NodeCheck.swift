/// Node ids are unique; kinds are known; `role` and `valence` fit the kind; nodes have edges.
enum NodeCheck: DocumentCheck {
    enum Message {
        static func duplicateId(_ id: String, first: SourceLocation) -> String {
            "duplicate node id '\(id)'; first defined at line \(first.line), column \(first.column)"
        }
        static func unknownKind(_ kind: String, suggestion: String) -> String {
            suggestion.isEmpty ? "unknown kind '\(kind)'; declare new kinds under 'kinds:'" : "unknown kind '\(kind)'\(suggestion)"
        }
        static func roleNotDrug(_ kind: String) -> String {
            "'role' applies only to drugs, not to a node of kind '\(kind)'"
        }
        static func valenceNotEffect(_ kind: String) -> String {
            "'valence' applies only to effects, not to a node of kind '\(kind)'"
        }
        static func effectWithoutValence(_ id: String) -> String {
            "effect '\(id)' is missing required field 'valence' (therapeutic, adverse or neutral)"
        }
        static func isolated(_ id: String) -> String { "node '\(id)' has no edges" }
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let document = context.document
        var declared = Set(document.kindOrder.map(\.value))
        declared.formUnion(NodeKind.wellKnown.map(\.kind.rawValue))
        let linked = Set(
            document.edges.flatMap { [$0.from?.value, $0.to?.value] }.compactMap { $0 })
        var seen: [String: SourceLocation] = [:]
        for node in document.nodes {
            if let id = node.id {
                if let first = seen[id.value] {
                    out.append(Diagnostic(.error, Message.duplicateId(id.value, first: first), at: id.location))
                } else {
                    seen[id.value] = id.location
                    if !linked.contains(id.value) {
                        out.append(Diagnostic(.warning, Message.isolated(id.value), at: id.location))
                    }
                }
            }
            guard let kind = node.kind else { continue }
            if !declared.contains(kind.value.rawValue) {
                let suggestion = Suggestion.clause(for: kind.value.rawValue, in: declared.sorted())
                out.append(
                    Diagnostic(.warning, Message.unknownKind(kind.value.rawValue, suggestion: suggestion), at: kind.location))
            }
            if let role = node.role, kind.value != .drug {
                out.append(Diagnostic(.error, Message.roleNotDrug(kind.value.rawValue), at: role.location))
            }
            if let valence = node.valence, kind.value != .effect {
                out.append(Diagnostic(.error, Message.valenceNotEffect(kind.value.rawValue), at: valence.location))
            }
            if kind.value == .effect, !node.valenceGiven {
                out.append(
                    Diagnostic(.error, Message.effectWithoutValence(node.id?.value ?? "?"), at: node.location))
            }
        }
        return out
    }
}
