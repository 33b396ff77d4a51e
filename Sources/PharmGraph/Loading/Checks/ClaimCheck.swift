/// Claims name existing nodes, in `from`, `to`, `via` and `avoid`.
enum ClaimCheck: DocumentCheck {
    static func run(_ context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for claim in context.document.claims {
            let named = [("from", claim.from), ("to", claim.to), ("via", claim.via)] + claim.avoid.map { ("avoid", $0) }
            for (field, end) in named {
                guard let end, context.nodes[end.value] == nil else { continue }
                let message = EdgeCheck.Message.unknownNode(
                    end.value, field: field, suggestion: context.nodeSuggestion(for: end.value))
                out.append(Diagnostic(.error, message, at: end.location))
            }
        }
        return out
    }
}
