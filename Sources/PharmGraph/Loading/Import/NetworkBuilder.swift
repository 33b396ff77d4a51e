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
    /// Each edge's references (`PMID:…`, `doi:…`) and evidence text, from a table's evidence columns; empty when it has none.
    private(set) var edgeRefs: [[String]] = []
    private(set) var edgeEvidence: [String?] = []
    /// Whether any edge has references or evidence.
    private var hasEvidence = false
    /// With `mergeDuplicates`, the edge each (source, label, target, context, both ways) was first added as.
    private var edgeKeys: [EdgeKey: Int] = [:]
    /// Whether a repeated edge is merged into the first (its references and evidence joined) rather than added again.
    var mergeDuplicates = false
    /// The number of edges that repeated an earlier one (merged or not), and the first one's index.
    private(set) var duplicates = 0
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
        label(name, relation: relationMap[name] ?? Relation(rawValue: name))
    }

    /// The label `name`, made with `relation` when it is new.
    mutating func label(_ name: String, relation: Relation?) -> Int32 {
        if let l = labelIndex[name] { return l }
        let l = Int32(labels.count)
        labels.append(Network.Label(name: name, relation: relation))
        labelIndex[name] = l
        return l
    }

    /// An edge's identity for `mergeDuplicates`.
    private struct EdgeKey: Hashable {
        let source: Int32
        let label: Int32
        let target: Int32
        let context: Int32
        let bothWays: Bool
    }

    mutating func addEdge(
        _ source: Int32, _ label: Int32, _ target: Int32, bothWays: Bool = false, context: [String: String] = [:], refs: [String] = [],
        evidence: String? = nil
    ) {
        let contextID: Int32
        if context.isEmpty {
            contextID = 0
        } else if let existing = contextIndex[context] {
            contextID = existing
        } else {
            contextID = Int32(contexts.count)
            contextIndex[context] = contextID
            contexts.append(context)
        }
        let key = EdgeKey(source: source, label: label, target: target, context: contextID, bothWays: bothWays)
        if let first = edgeKeys[key] {
            duplicates += 1
            if mergeDuplicates {
                if !refs.isEmpty || evidence != nil { fillEvidence() }
                for ref in refs where !edgeRefs[first].contains(ref) { edgeRefs[first].append(ref) }
                if let evidence, edgeEvidence[first] != evidence {
                    edgeEvidence[first] = edgeEvidence[first].map { $0 + " | " + evidence } ?? evidence
                }
                return
            }
        } else {
            edgeKeys[key] = sources.count
        }
        edgeContexts.append(contextID)
        sources.append(source)
        targets.append(target)
        edgeLabels.append(label)
        self.bothWays.append(bothWays)
        if !refs.isEmpty || evidence != nil || hasEvidence {
            fillEvidence()
            edgeRefs[edgeRefs.count - 1] = refs
            edgeEvidence[edgeEvidence.count - 1] = evidence
        }
    }

    /// Gives every edge so far an entry in the evidence arrays, from the first edge that has evidence on.
    private mutating func fillEvidence() {
        hasEvidence = true
        while edgeRefs.count < sources.count {
            edgeRefs.append([])
            edgeEvidence.append(nil)
        }
    }

    func build() -> Network {
        Network(
            nodeIDs: ids, nodeNames: names, nodeKinds: nodeKinds, kinds: kinds, edgeSources: sources,
            edgeTargets: targets, edgeLabels: edgeLabels, labels: labels,
            edgeContexts: contexts.count > 1 ? edgeContexts : [], contexts: contexts, edgeBothWays: bothWays.contains(true) ? bothWays : [],
            edgeRefs: hasEvidence ? edgeRefs + Array(repeating: [], count: sources.count - edgeRefs.count) : [],
            edgeEvidence: hasEvidence ? edgeEvidence + Array(repeating: nil, count: sources.count - edgeEvidence.count) : [])
    }
}
