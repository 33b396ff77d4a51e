/// Accumulates nodes and edges from an importer into a `Network`.
struct NetworkBuilder {
    private(set) var ids: [String] = []
    private(set) var names: [String] = []
    private(set) var nodeKinds: [Int32] = []
    private(set) var kinds: [String] = []
    private var index: [String: Int32] = [:]
    private var kindIndex: [String: Int32] = [:]
    private(set) var sources: [Int32] = []
    private(set) var targets: [Int32] = []
    private(set) var edgeLabels: [Int32] = []
    private(set) var bothWays: [Bool] = []
    private(set) var labels: [Network.Label] = []
    private var labelIndex: [String: Int32] = [:]
    /// The distinct edge contexts, the empty one first, and each edge's index into them.
    private(set) var contexts: [[String: String]] = [[:]]
    private var contextIndex: [[String: String]: Int32] = [[:]: 0]
    private(set) var edgeContexts: [Int32] = []
    let relationMap: [String: Relation]
    /// When true, only nodes added with `addNode` exist (a node table was given).
    var closed = false

    init(relationMap: [String: Relation]) { self.relationMap = relationMap }

    func node(_ id: String) -> Int32? { index[id] }

    mutating func kind(_ name: String) -> Int32 {
        if let k = kindIndex[name] { return k }
        let k = Int32(kinds.count)
        kinds.append(name)
        kindIndex[name] = k
        return k
    }

    /// Adds (or renames and re-kinds) a node.
    @discardableResult
    mutating func addNode(_ id: String, name: String?, kind: String?) -> Int32 {
        if let n = index[id] {
            if let name { names[Int(n)] = name }
            if let kind { nodeKinds[Int(n)] = self.kind(kind) }
            return n
        }
        let n = Int32(ids.count)
        index[id] = n
        ids.append(id)
        names.append(name ?? id)
        nodeKinds.append(self.kind(kind ?? Self.kind(fromID: id)))
        return n
    }

    /// The node for an id seen in an edge; `nil` when the node table does not list it.
    mutating func endpoint(_ id: String) -> Int32? {
        if let n = index[id] { return n }
        if closed { return nil }
        return addNode(id, name: nil, kind: nil)
    }

    /// Hetionet-style ids `Kind::identifier` carry their kind; others are of kind `node`.
    static func kind(fromID id: String) -> String {
        if let range = id.range(of: "::") { return String(id[..<range.lowerBound]) }
        return "node"
    }

    mutating func label(_ name: String) -> Int32 {
        if let l = labelIndex[name] { return l }
        let l = Int32(labels.count)
        labels.append(Network.Label(name: name, relation: relationMap[name] ?? Relation(rawValue: name)))
        labelIndex[name] = l
        return l
    }

    mutating func addEdge(_ source: Int32, _ label: Int32, _ target: Int32, bothWays: Bool = false, context: [String: String] = [:]) {
        if context.isEmpty {
            edgeContexts.append(0)
        } else if let existing = contextIndex[context] {
            edgeContexts.append(existing)
        } else {
            contextIndex[context] = Int32(contexts.count)
            edgeContexts.append(Int32(contexts.count))
            contexts.append(context)
        }
        sources.append(source)
        targets.append(target)
        edgeLabels.append(label)
        self.bothWays.append(bothWays)
    }

    func build() -> Network {
        Network(
            nodeIDs: ids, nodeNames: names, nodeKinds: nodeKinds, kinds: kinds, edgeSources: sources,
            edgeTargets: targets, edgeLabels: edgeLabels, labels: labels,
            edgeContexts: contexts.count > 1 ? edgeContexts : [], contexts: contexts, edgeBothWays: bothWays.contains(true) ? bothWays : [])
    }
}
