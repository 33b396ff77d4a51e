/// The `--format json` document of a diff: schema `pharmgraph-diff/1`, documented in docs/diff.md.
public struct DiffJSON: Encodable, Sendable {
    public static let schema = "pharmgraph-diff/1"

    /// A value of a field: null (absent), string, boolean, array (lists) or object (mappings).
    public struct Value: Encodable, Sendable, Equatable {
        public let value: DiffValue

        public func encode(to encoder: Encoder) throws {
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
    public struct Change: Encodable, Sendable, Equatable {
        public var field: String
        public var old: Value
        public var new: Value
        public var added: [String]?
        public var removed: [String]?

        public init(_ change: FieldChange) {
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
    public struct NodeItem: Encodable, Sendable, Equatable {
        public var id: String
        public var kind: String
        public var name: String?
        public var label: String?
        public var synonyms: [String]?
        public var xrefs: [String: String]?
        public var system: String?
        public var description: String?
        public var role: String?
        public var valence: String?

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
        }

        init(_ network: Network, _ n: NodeIndex) {
            let node = network.node(n)
            id = node.id
            name = node.label
            kind = node.kind
        }
    }

    /// Why two nodes of different ids were paired: `by` label or xref.
    public struct Evidence: Encodable, Sendable, Equatable {
        public var by: String
        public var label: String?
        public var namespace: String?
        public var identifier: String?
    }

    public struct Rename: Encodable, Sendable, Equatable {
        public var oldID: String
        public var newID: String
        public var evidence: Evidence?
        public var changes: [Change]

        enum CodingKeys: String, CodingKey {
            case evidence, changes
            case oldID = "old_id"
            case newID = "new_id"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(oldID, forKey: .oldID)
            try container.encode(newID, forKey: .newID)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(changes, forKey: .changes)
        }
    }

    /// An item (node by `id`, reference by `key`) and its field changes.
    public struct Changed: Encodable, Sendable, Equatable {
        public var id: String?
        public var key: String?
        public var changes: [Change]
    }

    public struct Nodes: Encodable, Sendable, Equatable {
        public var added: [NodeItem]
        public var removed: [NodeItem]
        public var renamed: [Rename]
        public var changed: [Changed]
    }

    /// *edge*: a curated edge's fields as given, or a network edge's `from`, `label`, `to`.
    public struct EdgeItem: Encodable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var relation: String?
        public var label: String?
        public var sign: String?
        public var refs: [String]?
        public var action: String?
        public var evidence: String?
        public var direct: Bool?
        public var certainty: String?
        public var context: [String: String]?
        public var strength: String?
        public var note: String?

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
            strength = edge.strength?.rawValue
            note = edge.note
        }

        init(_ network: Network, _ e: EdgeIndex) {
            let edge = network.edge(e)
            from = network.node(edge.from).id
            label = edge.label.name
            to = network.node(edge.to).id
        }
    }

    public struct EdgeChange: Encodable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var signFlip: Bool
        public var old: EdgeItem
        public var new: EdgeItem
        public var changes: [Change]

        enum CodingKeys: String, CodingKey {
            case from, to, old, new, changes
            case signFlip = "sign_flip"
        }
    }

    public struct Edges: Encodable, Sendable, Equatable {
        public var added: [EdgeItem]
        public var removed: [EdgeItem]
        public var changed: [EdgeChange]
    }

    public struct ReferenceItem: Encodable, Sendable, Equatable {
        public var key: String
        public var citation: String
        public var doi: String?
        public var pmid: String?
        public var url: String?
    }

    public struct References: Encodable, Sendable, Equatable {
        public var added: [ReferenceItem]
        public var removed: [ReferenceItem]
        public var changed: [Changed]
    }

    /// *claim*: `where` and `refs` always, `via`, `max_length` and `note` when given.
    public struct ClaimItem: Encodable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var expect: String
        public var `where`: [String: String]
        public var refs: [String]
        public var via: String?
        public var maxLength: Int?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case from, to, expect, `where`, refs, via, note
            case maxLength = "max_length"
        }

        init(_ claim: Claim) {
            from = claim.from
            to = claim.to
            expect = claim.expect.rawValue
            self.where = claim.context
            refs = claim.refs
            via = claim.via
            maxLength = claim.maxLength
            note = claim.note
        }
    }

    public struct ClaimChange: Encodable, Sendable, Equatable {
        public var old: ClaimItem
        public var new: ClaimItem
        public var changes: [Change]
    }

    public struct Claims: Encodable, Sendable, Equatable {
        public var added: [ClaimItem]
        public var removed: [ClaimItem]
        public var changed: [ClaimChange]
    }

    /// `old` and `new`: the path as given, the type, counts, and a graph's id and version.
    public struct SideItem: Encodable, Sendable, Equatable {
        public var path: String
        public var type: String
        public var nodes: Int
        public var edges: Int
        public var id: String?
        public var version: String?

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

    public struct Summary: Encodable, Sendable, Equatable {
        public struct Group: Encodable, Sendable, Equatable {
            public var added: Int
            public var removed: Int
            public var changed: Int
            public var renamed: Int?
            public var signFlips: Int?

            enum CodingKeys: String, CodingKey {
                case added, removed, changed, renamed
                case signFlips = "sign_flips"
            }
        }

        public struct Verdicts: Encodable, Sendable, Equatable {
            public var newlyReachable: Int
            public var noLongerReachable: Int
            public var changed: Int
            public var claimOutcomes: Int
            public var undetermined: Int

            enum CodingKeys: String, CodingKey {
                case changed, undetermined
                case newlyReachable = "newly_reachable"
                case noLongerReachable = "no_longer_reachable"
                case claimOutcomes = "claim_outcomes"
            }
        }

        public var header: Int
        public var nodes: Group
        public var edges: Group
        public var references: Group
        public var claims: Group
        public var verdicts: Verdicts?

        enum CodingKeys: String, CodingKey { case header, nodes, edges, references, claims, verdicts }

        public func encode(to encoder: Encoder) throws {
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
    public struct Pair: Encodable, Sendable, Equatable {
        public struct Side: Encodable, Sendable, Equatable {
            public var verdict: String
            public var positive: Int
            public var negative: Int
            public var unknown: Int
        }

        public struct Path: Encodable, Sendable, Equatable {
            public var nodes: [String]
            public var relations: [String]
            public var sign: String
        }

        public var source: String
        public var target: String
        public var old: Side
        public var new: Side
        public var gained: [Path]
        public var lost: [Path]
        public var gainedCount: Int
        public var lostCount: Int
        public var partial: Bool

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

    public struct ClaimOutcome: Encodable, Sendable, Equatable {
        public struct Side: Encodable, Sendable, Equatable {
            public var expect: String
            public var verdict: String
            public var holds: Bool
        }

        public var claim: ClaimItem
        public var old: Side
        public var new: Side
    }

    public struct Verdicts: Encodable, Sendable, Equatable {
        public var maxLength: Int
        public var `where`: [String: String]
        public var pairsCompared: Int
        public var partial: Bool
        public var newlyReachable: [Pair]
        public var noLongerReachable: [Pair]
        public var changed: [Pair]
        public var undetermined: [Pair]
        public var claims: [ClaimOutcome]

        enum CodingKeys: String, CodingKey {
            case `where`, partial, changed, undetermined, claims
            case maxLength = "max_length"
            case pairsCompared = "pairs_compared"
            case newlyReachable = "newly_reachable"
            case noLongerReachable = "no_longer_reachable"
        }
    }

    public var schema = DiffJSON.schema
    public var schemaVersion = DiffJSON.schema
    public var provenance: Provenance
    public var mode: String
    public var old: SideItem
    public var new: SideItem
    public var differences: Bool
    public var summary: Summary
    public var verdicts: Verdicts?
    /// `nil` (null) for networks.
    public var header: [Change]?
    public var nodes: Nodes
    public var edges: Edges
    public var references: References?
    public var claims: Claims?

    enum CodingKeys: String, CodingKey {
        case schema, provenance, mode, old, new, differences, summary, verdicts, header, nodes, edges, references, claims
        case schemaVersion = "schema_version"
    }

    public func encode(to encoder: Encoder) throws {
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

    public init(_ report: DiffReport) {
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
    public func encoded() throws(EncodingError) -> String { try ReportJSON.encode(self) }
}
