/// The semantic differences between two versions of a curated graph.
///
/// Nodes are matched by id, with probable renames detected; edges by their
/// endpoints and then paired by relation and context; references by key; claims
/// by their query. Order in the files is not a difference, and lists such as
/// synonyms and refs compare as sets. Everything is listed in a stable order:
/// added and changed items in the new file's order, removed items in the old's.
/// See docs/diff.md.
struct GraphDiff: Sendable {
    let old: Graph
    let new: Graph
    /// Header fields that differ: `format`, `id`, `title`, `version`, `description`, `sources`, `kinds`, `contexts`.
    let header: [FieldChange]
    let referencesAdded: [Reference]
    let referencesRemoved: [Reference]
    let referencesChanged: [ReferenceChange]
    let nodesAdded: [Node]
    let nodesRemoved: [Node]
    /// Nodes whose id changed: an id that disappeared while another appeared with the same label or a shared xref.
    let nodesRenamed: [NodeChange]
    /// Nodes with the same id and other fields changed.
    let nodesChanged: [NodeChange]
    let edgesAdded: [Edge]
    /// Removed edges as in the old file (old node ids).
    let edgesRemoved: [Edge]
    let edgesChanged: [EdgeChange]
    let claimsAdded: [Claim]
    let claimsRemoved: [Claim]
    let claimsChanged: [ClaimChange]
    /// Old node id → new node id, for renamed nodes.
    let renames: [String: String]
    /// Every claim of either file, paired where they match (for comparing outcomes).
    let claimPairs: [(old: Claim?, new: Claim?)]
    /// For each new edge, the index of the old edge it is paired with (for diagrams).
    let edgePartners: [Int?]

    /// Whether the graphs mean the same.
    var isEmpty: Bool {
        header.isEmpty && referencesAdded.isEmpty && referencesRemoved.isEmpty && referencesChanged.isEmpty
            && nodesAdded.isEmpty && nodesRemoved.isEmpty && nodesRenamed.isEmpty && nodesChanged.isEmpty
            && edgesAdded.isEmpty && edgesRemoved.isEmpty && edgesChanged.isEmpty && claimsAdded.isEmpty
            && claimsRemoved.isEmpty && claimsChanged.isEmpty
    }

    /// The sign flips among the changed edges.
    var signFlips: [EdgeChange] { edgesChanged.filter(\.isSignFlip) }

    init(old: Graph, new: Graph) {
        self.old = old
        self.new = new
        header = Self.compareHeaders(old, new)

        let references = Self.matchReferences(old.references, new.references)
        referencesAdded = references.added
        referencesRemoved = references.removed
        referencesChanged = references.changed

        let nodes = NodeMatching(old: old.nodes, new: new.nodes)
        nodesAdded = nodes.added
        nodesRemoved = nodes.removed
        nodesRenamed = nodes.renamed
        nodesChanged = nodes.changed
        renames = nodes.renames

        let edges = EdgeMatching(old: old.edges, new: new.edges, renames: renames)
        edgesAdded = edges.added
        edgesRemoved = edges.removed
        edgesChanged = edges.changed
        edgePartners = edges.partnerOfNew

        let claims = ClaimMatching(old: old.claims, new: new.claims, renames: renames)
        claimsAdded = claims.added
        claimsRemoved = claims.removed
        claimsChanged = claims.changed
        claimPairs = claims.pairs
    }

    static func compareHeaders(_ old: Graph, _ new: Graph) -> [FieldChange] {
        var comparison = FieldComparison()
        comparison.compare("format", .text(String(old.format)), .text(String(new.format)))
        comparison.compare("id", .text(old.id), .text(new.id))
        comparison.compare("title", .text(old.title), .text(new.title))
        comparison.compare("version", .text(old.version), .text(new.version))
        comparison.compare("description", DiffValue(old.description), DiffValue(new.description))
        comparison.compare("sources", DiffValue(old.sources), DiffValue(new.sources))
        func kinds(_ graph: Graph) -> DiffValue {
            DiffValue(Dictionary(graph.kinds.map { ($0.kind.rawValue, $0.description) }, uniquingKeysWith: { a, _ in a }))
        }
        comparison.compare("kinds", kinds(old), kinds(new))
        func contexts(_ graph: Graph) -> DiffValue {
            DiffValue(Dictionary(graph.contexts.map { ($0.key, $0.summary) }, uniquingKeysWith: { a, _ in a }))
        }
        comparison.compare("contexts", contexts(old), contexts(new))
        return comparison.changes
    }

    static func matchReferences(_ old: [Reference], _ new: [Reference]) -> (
        added: [Reference], removed: [Reference], changed: [ReferenceChange]
    ) {
        let oldByKey = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let newKeys = Set(new.map(\.key))
        var added: [Reference] = []
        var changed: [ReferenceChange] = []
        for reference in new {
            guard let before = oldByKey[reference.key] else {
                added.append(reference)
                continue
            }
            var comparison = FieldComparison()
            comparison.compare("citation", .text(before.citation), .text(reference.citation))
            comparison.compare("doi", DiffValue(before.doi), DiffValue(reference.doi))
            comparison.compare("pmid", DiffValue(before.pmid), DiffValue(reference.pmid))
            comparison.compare("url", DiffValue(before.url), DiffValue(reference.url))
            if !comparison.changes.isEmpty {
                changed.append(ReferenceChange(old: before, new: reference, changes: comparison.changes))
            }
        }
        return (added, old.filter { !newKeys.contains($0.key) }, changed)
    }
}

/// A reference whose fields changed (same key).
struct ReferenceChange: Sendable {
    let old: Reference
    let new: Reference
    /// `citation`, `doi`, `pmid`, `url`.
    let changes: [FieldChange]
}

/// A node changed in place, or renamed (and perhaps changed).
struct NodeChange: Sendable {
    /// Why a new id is taken for a rename of an old one.
    enum RenameEvidence: Sendable, Equatable {
        /// The same label (compared without case).
        case label(String)
        /// A cross-reference both share.
        case xref(namespace: String, identifier: String)
    }

    let old: Node
    let new: Node
    /// Set exactly when the id changed.
    let rename: RenameEvidence?
    /// Fields other than the id, in the order of docs/graph-format.md.
    let changes: [FieldChange]

    static func compare(_ old: Node, _ new: Node) -> [FieldChange] {
        var comparison = FieldComparison()
        comparison.compare("label", DiffValue(old.label), DiffValue(new.label))
        comparison.compare("kind", .text(old.kind.rawValue), .text(new.kind.rawValue))
        comparison.compare("synonyms", DiffValue(old.synonyms), DiffValue(new.synonyms))
        comparison.compare("xrefs", DiffValue(old.xrefs), DiffValue(new.xrefs))
        comparison.compare("system", DiffValue(old.system), DiffValue(new.system))
        comparison.compare("description", DiffValue(old.description), DiffValue(new.description))
        comparison.compare("role", DiffValue(old.role), DiffValue(new.role))
        comparison.compare("valence", DiffValue(old.valence), DiffValue(new.valence))
        comparison.compare("context", DiffValue(old.context), DiffValue(new.context))
        return comparison.changes
    }
}

/// An edge of the old graph paired with one of the new (same endpoints, after renames) that differs from it.
struct EdgeChange: Sendable {
    /// As in the old file (old node ids).
    let old: Edge
    let new: Edge
    /// `relation`, `action`, `context`, `exact`, `exposure_of`, `certainty`, `strength`, `importance`,
    /// `loss_of_function`, `correlational`, `direct`, `refs`, `evidence`, `note`, in that order.
    let changes: [FieldChange]
    /// The index of the new edge in the new graph.
    let index: Int

    /// The relation's sign went from + to − or from − to +.
    var isSignFlip: Bool {
        old.sign.isDefinite && new.sign.isDefinite && old.sign != new.sign
    }

    static func compare(_ old: Edge, _ new: Edge) -> [FieldChange] {
        var comparison = FieldComparison()
        comparison.compare("relation", .text(old.relation.rawValue), .text(new.relation.rawValue))
        comparison.compare("action", DiffValue(old.action), DiffValue(new.action))
        comparison.compare("context", DiffValue(old.context), DiffValue(new.context))
        comparison.compare("exact", DiffValue(old.exact), DiffValue(new.exact))
        comparison.compare("exposure_of", DiffValue(old.exposureOf), DiffValue(new.exposureOf))
        // A missing certainty means established, so only the effective value counts.
        comparison.compare("certainty", .text(old.effectiveCertainty.rawValue), .text(new.effectiveCertainty.rawValue))
        comparison.compare("strength", DiffValue(old.strength), DiffValue(new.strength))
        comparison.compare("importance", DiffValue(old.importance), DiffValue(new.importance))
        // false is the same as absent.
        comparison.compare("loss_of_function", DiffValue(old.lossOfFunction ? true : nil), DiffValue(new.lossOfFunction ? true : nil))
        comparison.compare("correlational", DiffValue(old.correlational ? true : nil), DiffValue(new.correlational ? true : nil))
        comparison.compare("direct", DiffValue(old.direct), DiffValue(new.direct))
        comparison.compare("refs", DiffValue(old.refs), DiffValue(new.refs))
        comparison.compare("evidence", DiffValue(old.evidence), DiffValue(new.evidence))
        comparison.compare("note", DiffValue(old.note), DiffValue(new.note))
        return comparison.changes
    }
}

/// A claim paired with one of the other file (same from and to, after renames) that differs from it.
struct ClaimChange: Sendable {
    let old: Claim
    let new: Claim
    /// `expect`, `certainty`, `where`, `via`, `avoid`, `max_length`, `refs`, `note`.
    let changes: [FieldChange]

    static func compare(_ old: Claim, _ new: Claim, renames: [String: String]) -> [FieldChange] {
        var comparison = FieldComparison()
        comparison.compare("expect", .text(old.expect.rawValue), .text(new.expect.rawValue))
        comparison.compare("certainty", DiffValue(old.certainty), DiffValue(new.certainty))
        comparison.compare("where", DiffValue(old.context), DiffValue(new.context))
        comparison.compare("via", DiffValue(old.via.map { renames[$0] ?? $0 }), DiffValue(new.via))
        comparison.compare("avoid", DiffValue(old.avoid.map { renames[$0] ?? $0 }), DiffValue(new.avoid))
        comparison.compare("max_length", DiffValue(old.maxLength.map(String.init)), DiffValue(new.maxLength.map(String.init)))
        comparison.compare("refs", DiffValue(old.refs), DiffValue(new.refs))
        comparison.compare("note", DiffValue(old.note), DiffValue(new.note))
        return comparison.changes
    }
}

extension ContextDeclaration {
    /// The declaration in one line, for diffs: `ordinal: low < high; default: low; exposure`.
    var summary: String {
        let separator = kind == .ordinal ? " < " : ", "
        var parts = ["\(kind.rawValue): \(values.joined(separator: separator))"]
        if let defaults { parts.append("default: \(defaults.joined(separator: ", "))") }
        if exposure { parts.append("exposure") }
        if let description { parts.append("description: \(description)") }
        return parts.joined(separator: "; ")
    }
}
