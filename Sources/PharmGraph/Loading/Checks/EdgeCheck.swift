/// Edges name existing nodes, actions agree with relations, and no edge repeats or contradicts another.
enum EdgeCheck: DocumentCheck {
    enum Message {
        static func unknownNode(_ name: String, field: String, suggestion: String) -> String {
            "unknown node '\(name)' in '\(field)'\(suggestion)"
        }
        static func actionContradicts(_ action: Action, _ relation: Relation) -> String {
            "action '\(action.name)' (sign \(action.sign.symbol)) contradicts relation '\(relation.name)' (sign \(relation.sign.symbol))"
        }
        static func duplicate(_ edge: String, first: SourceLocation) -> String {
            "duplicate edge \(edge); first at line \(first.line)"
        }
        static func contradiction(_ here: Relation, _ there: Relation, _ edge: String, first: SourceLocation) -> String {
            "edge \(edge) '\(here.name)' (\(here.sign.symbol)) contradicts '\(there.name)' (\(there.sign.symbol)) at line \(first.line) in the same context"
        }
        static let noReferences = "edge has no references"
    }

    /// Edges with the same key hold in the same circumstances: same context, read the same way.
    private struct Key: Hashable {
        var from: String
        var to: String
        var context: [String: String]
        var exact: Set<String>
        var exposureOf: String?
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [Key: [(relation: Relation, location: SourceLocation)]] = [:]
        for edge in context.document.edges {
            for (field, end) in [("from", edge.from), ("to", edge.to)] {
                guard let end, context.nodes[end.value] == nil else { continue }
                let suggestion = context.nodeSuggestion(for: end.value)
                out.append(
                    Diagnostic(.error, Message.unknownNode(end.value, field: field, suggestion: suggestion), at: end.location))
            }
            if let action = edge.action, let relation = edge.relation, !action.value.isCompatible(with: relation.value) {
                out.append(
                    Diagnostic(.error, Message.actionContradicts(action.value, relation.value), at: action.location))
            }
            if edge.refs.isEmpty {
                out.append(Diagnostic(.warning, Message.noReferences, at: edge.location))
            }
            guard let from = edge.from?.value, let to = edge.to?.value, let relation = edge.relation?.value else {
                continue
            }
            let key = Key(
                from: from, to: to, context: edge.context, exact: Set(edge.exact.map(\.value)),
                exposureOf: edge.exposureOf?.value)
            let name = "'\(from)' -> '\(to)'"
            let earlier = seen[key, default: []]
            if let twin = earlier.first(where: { $0.relation == relation }) {
                out.append(
                    Diagnostic(
                        .warning, Message.duplicate("'\(from)' \(relation.name) '\(to)'", first: twin.location),
                        at: edge.location))
            } else if relation.sign.isDefinite,
                let opposite = earlier.first(where: { $0.relation.sign.isDefinite && $0.relation.sign != relation.sign })
            {
                out.append(
                    Diagnostic(
                        .warning, Message.contradiction(relation, opposite.relation, name, first: opposite.location),
                        at: edge.location))
            }
            seen[key, default: []].append((relation, edge.location))
        }
        return out
    }
}
