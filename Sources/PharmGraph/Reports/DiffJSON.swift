/// The `--format json` document of a diff: schema `pharmgraph-diff/1`, documented in docs/diff.md.
struct DiffJSON: Encodable, Sendable {
    static let schema = "pharmgraph-diff/1"

    /// A value of a field: null (absent), string, boolean, array (lists) or object (mappings).
    struct Value: Encodable, Sendable, Equatable {
        let value: DiffValue

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .absent: try container.encodeNil()
            case let .text(text): try container.encode(text)
            case let .flag(flag): try container.encode(flag)
            case let .list(items): try container.encode(items)
            case let .map(entries): try container.encode(entries)
            }
        }
    }

    /// *change*: `field`, `old`, `new`, and for lists `added` and `removed`.
    struct Change: Encodable, Sendable, Equatable {
        var field: String
        var old: Value
        var new: Value
        var added: [String]?
        var removed: [String]?

        init(_ change: FieldChange) {
            field = change.field
            old = Value(value: change.old)
            new = Value(value: change.new)
            if change.old.isList || change.new.isList {
                added = change.addedItems
                removed = change.removedItems
            }
        }

        init(field: String, old: String, new: String) {
            self.field = field
            self.old = Value(value: .text(old))
            self.new = Value(value: .text(new))
        }
    }

    /// *node*: a curated node's fields as given, or a network node's `id`, `name`, `kind`.
    struct NodeItem: Encodable, Sendable, Equatable {
        var id: String
        var kind: String
        var name: String?
        var label: String?
        var synonyms: [String]?
        var xrefs: [String: String]?
        var system: String?
        var description: String?
        var role: String?
        var valence: String?
        var context: [String: String]?

        init(_ node: Node) {
            id = node.id
            kind = node.kind.rawValue
            label = node.label
            synonyms = node.synonyms.isEmpty ? nil : node.synonyms
            xrefs = node.xrefs.isEmpty ? nil : node.xrefs
            system = node.system
            description = node.description
            role = node.role?.rawValue
            valence = node.valence?.rawValue
            context = node.context.isEmpty ? nil : node.context
        }

        init(_ network: Network, _ n: NodeIndex) {
            let node = network.node(n)
            id = node.id
            name = node.label
            kind = node.kind
        }
    }

    /// Why two nodes of different ids were paired: `by` label or xref.
    struct Evidence: Encodable, Sendable, Equatable {
        var by: String
        var label: String?
        var namespace: String?
        var identifier: String?
    }

    struct Rename: Encodable, Sendable, Equatable {
        var oldID: String
        var newID: String
        var evidence: Evidence?
        var changes: [Change]

        enum CodingKeys: String, CodingKey {
            case evidence, changes
            case oldID = "old_id"
            case newID = "new_id"
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(oldID, forKey: .oldID)
            try container.encode(newID, forKey: .newID)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(changes, forKey: .changes)
        }
    }

    /// An item (node by `id`, reference by `key`) and its field changes.
    struct Changed: Encodable, Sendable, Equatable {
        var id: String?
        var key: String?
        var changes: [Change]
    }

    struct Nodes: Encodable, Sendable, Equatable {
        var added: [NodeItem]
        var removed: [NodeItem]
        var renamed: [Rename]
        var changed: [Changed]
    }

    /// *edge*: a curated edge's fields as given, or a network edge's `from`, `label`, `to`.
    struct EdgeItem: Encodable, Sendable, Equatable {
        var from: String
        var to: String
        var relation: String?
        var label: String?
        var sign: String?
        var refs: [String]?
        var action: String?
        var evidence: String?
        var direct: Bool?
        var certainty: String?
        var context: [String: String]?
        var exact: [String]?
        var exposureOf: String?
        var strength: String?
        var importance: String?
        var lossOfFunction: Bool?
        var correlational: Bool?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case from, to, relation, label, sign, refs, action, evidence, direct, certainty, context, exact, strength
            case importance, correlational, note
            case exposureOf = "exposure_of"
            case lossOfFunction = "loss_of_function"
        }

        init(_ edge: Edge) {
            from = edge.from
            to = edge.to
            relation = edge.relation.rawValue
            sign = edge.sign.rawValue
            refs = edge.refs
            action = edge.action?.rawValue
            evidence = edge.evidence
            direct = edge.direct
            certainty = edge.certainty?.rawValue
            context = edge.context.isEmpty ? nil : edge.context
            exact = edge.exact.isEmpty ? nil : edge.exact
            exposureOf = edge.exposureOf
            strength = edge.strength?.rawValue
            importance = edge.importance?.rawValue
            lossOfFunction = edge.lossOfFunction ? true : nil
            correlational = edge.correlational ? true : nil
            note = edge.note
        }

        init(_ network: Network, _ e: EdgeIndex) {
            let edge = network.edge(e)
            from = network.node(edge.from).id
            label = edge.label.name
            to = network.node(edge.to).id
        }
    }

    struct EdgeChange: Encodable, Sendable, Equatable {
        var from: String
        var to: String
        var signFlip: Bool
        var old: EdgeItem
        var new: EdgeItem
        var changes: [Change]

        enum CodingKeys: String, CodingKey {
            case from, to, old, new, changes
            case signFlip = "sign_flip"
        }
    }

    struct Edges: Encodable, Sendable, Equatable {
        var added: [EdgeItem]
        var removed: [EdgeItem]
        var changed: [EdgeChange]
    }

    struct ReferenceItem: Encodable, Sendable, Equatable {
        var key: String
        var citation: String
        var doi: String?
        var pmid: String?
        var url: String?
    }

    struct References: Encodable, Sendable, Equatable {
        var added: [ReferenceItem]
        var removed: [ReferenceItem]
        var changed: [Changed]
    }

    /// *claim*: `where` and `refs` always, `certainty`, `via`, `avoid`, `max_length` and `note` when given.
    struct ClaimItem: Encodable, Sendable, Equatable {
        var from: String
        var to: String
        var expect: String
        var `where`: [String: String]
        var refs: [String]
        var certainty: String?
        var via: String?
        var avoid: [String]?
        var maxLength: Int?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case from, to, expect, `where`, refs, certainty, via, avoid, note
            case maxLength = "max_length"
        }

        init(_ claim: Claim) {
            from = claim.from
            to = claim.to
            expect = claim.expect.rawValue
            self.where = claim.context
            refs = claim.refs
            certainty = claim.certainty?.rawValue
            via = claim.via
            avoid = claim.avoid.isEmpty ? nil : claim.avoid
            maxLength = claim.maxLength
            note = claim.note
        }
    }

    struct ClaimChange: Encodable, Sendable, Equatable {
        var old: ClaimItem
        var new: ClaimItem
        var changes: [Change]
    }

    struct Claims: Encodable, Sendable, Equatable {
        var added: [ClaimItem]
        var removed: [ClaimItem]
        var changed: [ClaimChange]
    }

    /// `old` and `new`: the path as given, the type, counts, and a graph's id and version.
    struct SideItem: Encodable, Sendable, Equatable {
        var path: String
        var type: String
        var nodes: Int
        var edges: Int
        var id: String?
        var version: String?

        init(_ side: DiffReport.Side) {
            path = side.name
            switch side.content {
            case let .graph(graph):
                (type, nodes, edges, id, version) = ("graph", graph.nodes.count, graph.edges.count, graph.id, graph.version)
            case let .network(network):
                (type, nodes, edges) = ("network", network.nodeCount, network.edgeCount)
            }
        }
    }

    struct Summary: Encodable, Sendable, Equatable {
        struct Group: Encodable, Sendable, Equatable {
            var added: Int
            var removed: Int
            var changed: Int
            var renamed: Int?
            var signFlips: Int?

            enum CodingKeys: String, CodingKey {
                case added, removed, changed, renamed
                case signFlips = "sign_flips"
            }
        }

        struct Verdicts: Encodable, Sendable, Equatable {
            var newlyReachable: Int
            var noLongerReachable: Int
            var changed: Int
            var claimOutcomes: Int
            var undetermined: Int

            enum CodingKeys: String, CodingKey {
                case changed, undetermined
                case newlyReachable = "newly_reachable"
                case noLongerReachable = "no_longer_reachable"
                case claimOutcomes = "claim_outcomes"
            }
        }

        var header: Int
        var nodes: Group
        var edges: Group
        var references: Group
        var claims: Group
        var verdicts: Verdicts?

        enum CodingKeys: String, CodingKey { case header, nodes, edges, references, claims, verdicts }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(header, forKey: .header)
            try container.encode(nodes, forKey: .nodes)
            try container.encode(edges, forKey: .edges)
            try container.encode(references, forKey: .references)
            try container.encode(claims, forKey: .claims)
            try container.encode(verdicts, forKey: .verdicts)
        }
    }

    /// *pair*: a drug × target pair whose verdict changed, with the paths gained and lost.
    struct Pair: Encodable, Sendable, Equatable {
        struct Side: Encodable, Sendable, Equatable {
            var verdict: String
            var positive: Int
            var negative: Int
            var unknown: Int
        }

        struct Path: Encodable, Sendable, Equatable {
            var nodes: [String]
            var relations: [String]
            var sign: String
        }

        var source: String
        var target: String
        var old: Side
        var new: Side
        var gained: [Path]
        var lost: [Path]
        var gainedCount: Int
        var lostCount: Int
        var partial: Bool

        enum CodingKeys: String, CodingKey {
            case source, target, old, new, gained, lost, partial
            case gainedCount = "gained_count"
            case lostCount = "lost_count"
        }

        init(_ pair: VerdictDiff.Pair) {
            func side(_ counts: SignCounts, _ finding: Finding) -> Side {
                Side(verdict: finding.rawValue, positive: counts.positive, negative: counts.negative, unknown: counts.unknown)
            }
            func path(_ path: DiffPath) -> Path { Path(nodes: path.nodes, relations: path.relations, sign: path.sign.rawValue) }
            source = pair.source
            target = pair.target
            old = side(pair.old, pair.oldFinding)
            new = side(pair.new, pair.newFinding)
            gained = pair.gained.map(path)
            lost = pair.lost.map(path)
            gainedCount = pair.gainedCount
            lostCount = pair.lostCount
            partial = pair.partial
        }
    }

    struct ClaimOutcome: Encodable, Sendable, Equatable {
        struct Side: Encodable, Sendable, Equatable {
            var expect: String
            var verdict: String
            var holds: Bool
        }

        var claim: ClaimItem
        var old: Side
        var new: Side
    }

    struct Verdicts: Encodable, Sendable, Equatable {
        var maxLength: Int
        var `where`: [String: String]
        var pairsCompared: Int
        var partial: Bool
        var newlyReachable: [Pair]
        var noLongerReachable: [Pair]
        var changed: [Pair]
        var undetermined: [Pair]
        var claims: [ClaimOutcome]

        enum CodingKeys: String, CodingKey {
            case `where`, partial, changed, undetermined, claims
            case maxLength = "max_length"
            case pairsCompared = "pairs_compared"
            case newlyReachable = "newly_reachable"
            case noLongerReachable = "no_longer_reachable"
        }
    }

    var schema = DiffJSON.schema
    var schemaVersion = DiffJSON.schema
    var provenance: Provenance
    var mode: String
    var old: SideItem
    var new: SideItem
    var differences: Bool
    var summary: Summary
    var verdicts: Verdicts?
    /// `nil` (null) for networks.
    var header: [Change]?
    var nodes: Nodes
    var edges: Edges
    var references: References?
    var claims: Claims?

    enum CodingKeys: String, CodingKey {
        case schema, provenance, mode, old, new, differences, summary, verdicts, header, nodes, edges, references, claims
        case schemaVersion = "schema_version"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(provenance, forKey: .provenance)
        try container.encode(mode, forKey: .mode)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(differences, forKey: .differences)
        try container.encode(summary, forKey: .summary)
        // The documented nulls: no verdicts compared; header, references and claims of networks.
        try container.encode(verdicts, forKey: .verdicts)
        try container.encode(header, forKey: .header)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(edges, forKey: .edges)
        try container.encode(references, forKey: .references)
        try container.encode(claims, forKey: .claims)
    }

    init(_ report: DiffReport) {
        provenance = report.provenance
        old = SideItem(report.old)
        new = SideItem(report.new)
        differences = report.hasDifferences
        let c = report.counts
        summary = Summary(
            header: c.headerFields,
            nodes: Summary.Group(added: c.nodesAdded, removed: c.nodesRemoved, changed: c.nodesChanged, renamed: c.nodesRenamed),
            edges: Summary.Group(added: c.edgesAdded, removed: c.edgesRemoved, changed: c.edgesChanged, signFlips: c.signFlips),
            references: Summary.Group(added: c.referencesAdded, removed: c.referencesRemoved, changed: c.referencesChanged),
            claims: Summary.Group(added: c.claimsAdded, removed: c.claimsRemoved, changed: c.claimsChanged),
            verdicts: report.verdicts.map {
                Summary.Verdicts(
                    newlyReachable: $0.newlyReachable.count, noLongerReachable: $0.noLongerReachable.count, changed: $0.changed.count,
                    claimOutcomes: $0.claimOutcomes.count, undetermined: $0.undetermined.count)
            })
        verdicts = report.verdicts.map { diff in
            Verdicts(
                maxLength: diff.maxLength, where: report.filter.required, pairsCompared: diff.pairsCompared, partial: diff.partial,
                newlyReachable: diff.newlyReachable.map(Pair.init), noLongerReachable: diff.noLongerReachable.map(Pair.init),
                changed: diff.changed.map(Pair.init), undetermined: diff.undetermined.map(Pair.init),
                claims: diff.claimOutcomes.map { outcome in
                    ClaimOutcome(
                        claim: ClaimItem(outcome.new),
                        old: ClaimOutcome.Side(expect: outcome.old.expect.rawValue, verdict: outcome.oldVerdict.rawValue, holds: outcome.oldHolds),
                        new: ClaimOutcome.Side(expect: outcome.new.expect.rawValue, verdict: outcome.newVerdict.rawValue, holds: outcome.newHolds))
                })
        }
        switch report.changes {
        case let .graph(diff):
            mode = "graph"
            header = diff.header.map(Change.init)
            nodes = Nodes(
                added: diff.nodesAdded.map(NodeItem.init), removed: diff.nodesRemoved.map(NodeItem.init),
                renamed: diff.nodesRenamed.map { change in
                    let evidence: Evidence? =
                        switch change.rename {
                        case let .label(label)?: Evidence(by: "label", label: label)
                        case let .xref(namespace, identifier)?: Evidence(by: "xref", namespace: namespace, identifier: identifier)
                        case nil: nil
                        }
                    return Rename(oldID: change.old.id, newID: change.new.id, evidence: evidence, changes: change.changes.map(Change.init))
                },
                changed: diff.nodesChanged.map { Changed(id: $0.new.id, changes: $0.changes.map(Change.init)) })
            edges = Edges(
                added: diff.edgesAdded.map(EdgeItem.init), removed: diff.edgesRemoved.map(EdgeItem.init),
                changed: diff.edgesChanged.map {
                    EdgeChange(
                        from: $0.new.from, to: $0.new.to, signFlip: $0.isSignFlip, old: EdgeItem($0.old), new: EdgeItem($0.new),
                        changes: $0.changes.map(Change.init))
                })
            func reference(_ r: Reference) -> ReferenceItem {
                ReferenceItem(key: r.key, citation: r.citation, doi: r.doi, pmid: r.pmid, url: r.url)
            }
            references = References(
                added: diff.referencesAdded.map(reference), removed: diff.referencesRemoved.map(reference),
                changed: diff.referencesChanged.map { Changed(key: $0.new.key, changes: $0.changes.map(Change.init)) })
            claims = Claims(
                added: diff.claimsAdded.map(ClaimItem.init), removed: diff.claimsRemoved.map(ClaimItem.init),
                changed: diff.claimsChanged.map { ClaimChange(old: ClaimItem($0.old), new: ClaimItem($0.new), changes: $0.changes.map(Change.init)) })
        case let .network(diff):
            mode = "network"
            let (old, new) = (diff.old, diff.new)
            nodes = Nodes(
                added: diff.nodesAdded.map { NodeItem(new, $0) }, removed: diff.nodesRemoved.map { NodeItem(old, $0) }, renamed: [],
                changed: diff.nodesChanged.map { pair in
                    var changes: [Change] = []
                    let (a, b) = (old.node(pair.old), new.node(pair.new))
                    if a.label != b.label { changes.append(Change(field: "name", old: a.label, new: b.label)) }
                    if a.kind != b.kind { changes.append(Change(field: "kind", old: a.kind, new: b.kind)) }
                    return Changed(id: b.id, changes: changes)
                })
            edges = Edges(added: diff.edgesAdded.map { EdgeItem(new, $0) }, removed: diff.edgesRemoved.map { EdgeItem(old, $0) }, changed: [])
        }
    }

    /// The document as pretty, key-sorted JSON.
    func encoded() throws(EncodingError) -> String { try ReportJSON.encode(self) }
}
