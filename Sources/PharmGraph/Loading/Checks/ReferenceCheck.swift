/// Cited keys exist; defined references are cited.
enum ReferenceCheck: DocumentCheck {
    enum Message {
        static func unknown(_ key: String, suggestion: String) -> String {
            suggestion.isEmpty ? "unknown reference '\(key)'; add it under 'references:'" : "unknown reference '\(key)'\(suggestion)"
        }
        static func unused(_ key: String) -> String { "reference '\(key)' is never cited" }
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let keys = context.referenceKeys
        let cited = context.document.edges.flatMap(\.refs) + context.document.claims.flatMap(\.refs)
        for ref in cited where !keys.contains(ref.value) {
            let suggestion = Suggestion.clause(for: ref.value, in: keys.sorted())
            out.append(Diagnostic(.error, Message.unknown(ref.value, suggestion: suggestion), at: ref.location))
        }
        let used = Set(cited.map(\.value))
        for reference in context.document.references where !used.contains(reference.key.value) {
            out.append(Diagnostic(.warning, Message.unused(reference.key.value), at: reference.key.location))
        }
        return out
    }
}
