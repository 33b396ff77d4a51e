/// A file that uses a format-2 feature says `format: 2` in its header.
enum FormatCheck: DocumentCheck {
    enum Message {
        static func needsFormat(_ feature: String, version: Int, file: Int) -> String {
            "\(feature) needs format \(version), but this file is format \(file); add 'format: \(version)' to its header, or run 'pharmgraph fmt --upgrade' to migrate it"
        }
    }

    /// Edge, node and claim fields that format 2 added.
    static let edgeFields = ["exact", "exposure_of", "loss_of_function", "correlational", "importance"]
    static let nodeFields = ["context"]
    static let claimFields = ["avoid", "certainty"]
    /// Relations that format 2 added.
    static let relations: Set<Relation> = [.indication, .comparedWith]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        let document = context.document
        guard !document.formatUnreadable, !context.upgrading else { return [] }
        let file = document.format?.value ?? 1
        guard file < 2 else { return [] }
        var out: [Diagnostic] = []
        func need(_ feature: String, at location: SourceLocation?) {
            guard let location else { return }
            out.append(Diagnostic(.error, Message.needsFormat(feature, version: 2, file: file), at: location))
        }
        need("section 'contexts'", at: document.contextsLocation)
        for node in document.nodes {
            for field in nodeFields { need("node field '\(field)'", at: node.fieldLocations[field]) }
        }
        for edge in document.edges {
            if let relation = edge.relation, relations.contains(relation.value) {
                need("relation '\(relation.value.name)'", at: relation.location)
            }
            for field in edgeFields { need("edge field '\(field)'", at: edge.fieldLocations[field]) }
        }
        for claim in document.claims {
            for field in claimFields { need("claim field '\(field)'", at: claim.fieldLocations[field]) }
        }
        return out
    }
}
