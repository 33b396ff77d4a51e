/// A compact, query-ready form of a graph: integer node ids, edge arrays and CSR adjacency.
///
/// Curated graphs and imported networks (SIF, TSV, Hetionet JSON) both become a
/// `Network`; every path query runs on one. Memory grows with the numbers of
/// nodes and edges only.
public struct Network: Sendable {
    /// How an edge label behaves in path queries.
    struct Label: Sendable, Equatable {
        /// The relation name, or an imported network's own label (e.g. `CbG`, `1`).
        var name: String
        /// The curated relation, when the label is one.
        var relation: Relation?
        /// The sign used when the edge is traversed.
        var sign: Sign
        /// Whether paths may use the edge (`no_effect` never is).
        var traversable: Bool
    }

    /// Node ids, names and kinds, by integer id (read through `node(_:)`).
    let nodeIDs: [String]
    let nodeNames: [String]
    let nodeKinds: [Int32]
    /// The node kinds, in order of first appearance.
    public let kinds: [String]

    /// Edges, in input order: endpoints, label, context and direction (read through `edge(_:)`).
    let edgeSources: [Int32]
    let edgeTargets: [Int32]
    let edgeLabels: [Int32]
    /// The distinct edge labels.
    let labels: [Label]
    /// Index into `contexts`; 0 is the empty context.
    let edgeContexts: [Int32]
    let contexts: [[String: String]]
    /// Edges that may be traversed both ways (Hetionet `direction: both`).
    let edgeBothWays: [Bool]

    /// An imported edge's references (`PMID:…`, `doi:…`, from a table's evidence columns); empty when the input had none.
    let edgeRefs: [[String]]
    /// An imported edge's evidence text; empty when the input had none.
    let edgeEvidence: [String?]

    /// The curated graph this network was made from, if any; edge `i` is `graph.edges[i]`.
    public let graph: Graph?
    /// Where a curated graph's edges hold under its declared contexts; empty for an imported network.
    let scopes: ContextScopes

    let nodeIndex: [String: Int32]
    let kindIndex: [String: Int32]

    init(
        nodeIDs: [String], nodeNames: [String], nodeKinds: [Int32], kinds: [String], edgeSources: [Int32],
        edgeTargets: [Int32], edgeLabels: [Int32], labels: [Label], edgeContexts: [Int32] = [],
        contexts: [[String: String]] = [[:]], edgeBothWays: [Bool] = [], graph: Graph? = nil,
        scopes: ContextScopes = .none, edgeRefs: [[String]] = [], edgeEvidence: [String?] = []
    ) {
        self.edgeRefs = edgeRefs
        self.edgeEvidence = edgeEvidence
        self.nodeIDs = nodeIDs
        self.nodeNames = nodeNames
        self.nodeKinds = nodeKinds
        self.kinds = kinds
        self.edgeSources = edgeSources
        self.edgeTargets = edgeTargets
        self.edgeLabels = edgeLabels
        self.labels = labels
        self.edgeContexts = edgeContexts.isEmpty ? [Int32](repeating: 0, count: edgeSources.count) : edgeContexts
        self.contexts = contexts
        self.edgeBothWays = edgeBothWays.isEmpty ? [Bool](repeating: false, count: edgeSources.count) : edgeBothWays
        self.graph = graph
        self.scopes = scopes
        var index: [String: Int32] = [:]
        index.reserveCapacity(nodeIDs.count)
        for (i, id) in nodeIDs.enumerated() { index[id] = Int32(i) }
        nodeIndex = index
        var kindIndex: [String: Int32] = [:]
        for (i, kind) in kinds.enumerated() { kindIndex[kind] = Int32(i) }
        self.kindIndex = kindIndex
    }

    public var nodeCount: Int { nodeIDs.count }
    public var edgeCount: Int { edgeSources.count }

    /// The integer id of a node id.
    func node(_ id: String) -> Int32? { nodeIndex[id] }

    /// The kind of node `n`.
    func kind(of n: Int32) -> String { kinds[Int(nodeKinds[Int(n)])] }

    /// The context of edge `e`.
    func context(of e: Int32) -> [String: String] { contexts[Int(edgeContexts[Int(e)])] }

    /// The references of edge `e`: a curated edge's keys, an imported edge's `PMID:…` and `doi:…` entries.
    func refs(of e: Int32) -> [String] {
        if let graph { return graph.edges[Int(e)].refs }
        return edgeRefs.isEmpty ? [] : edgeRefs[Int(e)]
    }

    /// The label of edge `e`.
    func label(of e: Int32) -> Label { labels[Int(edgeLabels[Int(e)])] }
}

extension Network.Label {
    /// The label of a curated relation.
    init(relation: Relation) {
        name = relation.rawValue
        self.relation = relation
        // `binds` is traversed with unknown sign; `no_effect`, `indication` and `compared_with` never.
        sign = relation == .binds ? .unknown : relation.sign
        traversable = ![.noEffect, .indication, .comparedWith].contains(relation)
    }

    /// An imported label with the relation it maps to; unmapped labels are traversed with unknown sign.
    init(name: String, relation: Relation?) {
        if let relation {
            var label = Network.Label(relation: relation)
            label.name = name
            self = label
        } else {
            self = Network.Label(name: name, relation: nil, sign: .unknown, traversable: true)
        }
    }
}

extension Network {
    /// The network of a curated graph: node kinds as declared, one label per relation.
    ///
    /// Precondition: every edge names nodes of the graph, as in any graph `GraphLoader` returns.
    public init(_ graph: Graph) {
        var kinds: [String] = []
        var kindIndex: [String: Int32] = [:]
        var nodeKinds: [Int32] = []
        nodeKinds.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            let kind = node.kind.rawValue
            if kindIndex[kind] == nil {
                kindIndex[kind] = Int32(kinds.count)
                kinds.append(kind)
            }
            nodeKinds.append(kindIndex[kind]!)
        }
        let labels = Relation.allCases.map(Label.init(relation:))
        let labelIndex = Dictionary(uniqueKeysWithValues: Relation.allCases.enumerated().map { ($1, Int32($0)) })
        var index: [String: Int32] = [:]
        for (i, node) in graph.nodes.enumerated() { index[node.id] = Int32(i) }
        for edge in graph.edges {
            precondition(
                index[edge.from] != nil && index[edge.to] != nil,
                "Network(graph): edge '\(edge.from)' -> '\(edge.to)' names a node the graph lacks")
        }
        var contexts: [[String: String]] = [[:]]
        var contextIndex: [[String: String]: Int32] = [[:]: 0]
        var edgeContexts: [Int32] = []
        for edge in graph.edges {
            if let existing = contextIndex[edge.context] {
                edgeContexts.append(existing)
            } else {
                contextIndex[edge.context] = Int32(contexts.count)
                edgeContexts.append(Int32(contexts.count))
                contexts.append(edge.context)
            }
        }
        self.init(
            nodeIDs: graph.nodes.map(\.id), nodeNames: graph.nodes.map(\.displayLabel), nodeKinds: nodeKinds,
            kinds: kinds, edgeSources: graph.edges.map { index[$0.from]! }, edgeTargets: graph.edges.map { index[$0.to]! },
            edgeLabels: graph.edges.map { labelIndex[$0.relation]! }, labels: labels, edgeContexts: edgeContexts,
            contexts: contexts, graph: graph, scopes: ContextScopes(graph, nodeIndex: index))
    }
}
