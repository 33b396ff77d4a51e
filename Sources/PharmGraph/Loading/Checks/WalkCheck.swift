/// Edges that no query can walk: the edge's declared context and its target node's context admit no common
/// value (docs/graph-format.md, "Contexts"); judged by the queries' own admission (`EdgeScope.contradictions`).
enum WalkCheck: DocumentCheck {
    enum Message {
        static func neverWalked(edge: String, target: String) -> String {
            "this edge can never be walked: its context \(edge) contradicts its target's context \(target)"
        }
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        guard context.document.contextsLocation != nil else { return [] }
        let declarations = Dictionary(
            context.document.contexts.compactMap(\.declaration).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Diagnostic] = []
        for edge in context.document.edges {
            guard let to = edge.to?.value, let node = context.nodes[to], !node.context.isEmpty else { continue }
            let target = dictionary(node.context)
            let exact = Set(edge.exact.map(\.value))
            let keys = EdgeScope.contradictions(context: edge.context, exact: exact, target: target, declarations: declarations)
            for key in keys {
                guard let entry = edge.contextEntries.first(where: { $0.key.value == key }), let kind = declarations[key]?.kind
                else { continue }
                let mine = described(key, entry.value.value, kind: kind, exact: exact.contains(key))
                let theirs = described(key, target[key]!, kind: kind, exact: false)
                out.append(Diagnostic(.warning, Message.neverWalked(edge: mine, target: theirs), at: entry.value.location))
            }
        }
        return out
    }

    /// `'dose: sub' (at sub only)`, `'dose: anes' (from anes up)`, `'condition: stress'`.
    private static func described(_ key: String, _ value: String, kind: ContextDeclaration.Kind, exact: Bool) -> String {
        let pair = "'\(key): \(value)'"
        switch kind {
        case .ordinal: return pair + (exact ? " (at \(value) only)" : " (from \(value) up)")
        case .categorical, .condition: return pair
        }
    }
}

extension RawContext {
    /// The declaration as the model has it; `nil` without a readable `type` (an error already).
    var declaration: ContextDeclaration? {
        guard let kind else { return nil }
        return ContextDeclaration(
            key: key.value, kind: kind.value, values: values.map(\.value), defaults: defaults.map { $0.map(\.value) },
            exposure: exposure?.value ?? false, description: description, location: key.location)
    }
}
