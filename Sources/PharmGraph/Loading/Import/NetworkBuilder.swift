/// Accumulates nodes and edges from an importer into a `Network`.
struct NetworkBuilder {
    private(set) var ids: [String] = []
    private(set) var names: [String] = []
    private(set) var nodeKinds: [Int32] = []
    private(set) var kinds: [String] = []
    /// Node ids to their nodes, looked up by the ids' bytes.
    private var index = ByteInterner(capacity: 1024)
    private var kindIndex = ByteInterner()
    private(set) var sources: [Int32] = []
    private(set) var targets: [Int32] = []
    private(set) var edgeLabels: [Int32] = []
    /// Whether each edge may be walked both ways, filled only from the first such edge on (none is before).
    private(set) var bothWays: [Bool] = []
    private(set) var labels: [Network.Label] = []
    private var labelIndex = ByteInterner()
    /// The label last looked up by its bytes: a table's rows often repeat it (Hetionet's are grouped by it).
    private var lastLabel: Int32 = -1
    /// The distinct edge contexts, the empty one first, and each edge's index into them.
    private(set) var contexts: [[String: String]] = [[:]]
    private var contextIndex: [[String: String]: Int32] = [[:]: 0]
    /// Each edge's context, filled only from the first edge with one on (all are 0 before).
    private(set) var edgeContexts: [Int32] = []
    /// Each edge's references (`PMID:…`, `doi:…`) and evidence text, from a table's evidence columns; empty when it has none.
    private(set) var edgeRefs: [[String]] = []
    private(set) var edgeEvidence: [String?] = []
    /// Whether any edge has references or evidence.
    private var hasEvidence = false
    /// With `mergeDuplicates`, the edge each (source, label, target, context, both ways) was first added as.
    private var edgeKeys: [EdgeKey: Int] = [:]
    /// Whether repeated edges are looked for (`duplicates`, `mergeDuplicates`); a SIF file's are not.
    var tracksDuplicates = true
    /// Whether a repeated edge is merged into the first (its references and evidence joined) rather than added again.
    var mergeDuplicates = false
    /// The number of edges that repeated an earlier one (merged or not), and the first one's index.
    private(set) var duplicates = 0
    let relationMap: [String: Relation]
    /// When true, only nodes added with `addNode` exist (a node table was given).
    var closed = false

    init(relationMap: [String: Relation]) { self.relationMap = relationMap }

    func node(_ id: String) -> Int32? { index.find(id) }

    /// The node whose id has these bytes, if any.
    func node(bytes id: UnsafeRawBufferPointer) -> Int32? { index.find(id) }

    /// Makes room for `count` edges in all.
    mutating func reserveEdges(_ count: Int) {
        sources.reserveCapacity(count)
        targets.reserveCapacity(count)
        edgeLabels.reserveCapacity(count)
    }

    mutating func kind(_ name: String) -> Int32 {
        let (k, added) = kindIndex.intern(name)
        if added { kinds.append(name) }
        return k
    }

    /// Adds (or renames and re-kinds) a node.
    @discardableResult
    mutating func addNode(_ id: String, name: String?, kind: String?) -> Int32 {
        let (n, added) = index.intern(id)
        guard added else {
            if let name { names[Int(n)] = name }
            if let kind { nodeKinds[Int(n)] = self.kind(kind) }
            return n
        }
        ids.append(id)
        names.append(name ?? id)
        nodeKinds.append(self.kind(kind ?? Self.kind(fromID: id)))
        return n
    }

    /// The node for an id seen in an edge; `nil` when the node table does not list it.
    mutating func endpoint(_ id: String) -> Int32? {
        if let n = index.find(id) { return n }
        if closed { return nil }
        return addNode(id, name: nil, kind: nil)
    }

    /// The node for an id's bytes seen in an edge (UTF-8); `nil` when the node table does not list it.
    mutating func endpoint(bytes id: UnsafeRawBufferPointer) -> Int32? {
        if closed { return index.find(id) }
        let (n, added) = index.intern(id)
        if added { addEndpoint(id) }
        return n
    }

    /// The nodes for a source's and a target's id bytes seen in an edge, as `endpoint(bytes:)` each, the source first
    /// (their look-ups overlap).
    mutating func endpoints(bytes source: UnsafeRawBufferPointer, _ target: UnsafeRawBufferPointer) -> (Int32?, Int32?) {
        if closed { return (index.find(source), index.find(target)) }
        let (s, t) = index.intern(source, target)
        if s.added { addEndpoint(source) }
        if t.added { addEndpoint(target) }
        return (s.id, t.id)
    }

    /// A node first seen in an edge, by its id's bytes: named by its id, of the id's kind.
    private mutating func addEndpoint(_ id: UnsafeRawBufferPointer) {
        let text = String(decoding: id, as: UTF8.self)
        ids.append(text)
        names.append(text)
        nodeKinds.append(kind(Self.kind(fromID: text)))
    }

    /// Hetionet-style ids `Kind::identifier` carry their kind; others are of kind `node`.
    static func kind(fromID id: String) -> String {
        // An ASCII id (the usual one) by its bytes: a Foundation search per new node cost more than the interning.
        let ascii = id.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var i = 0
            while i + 1 < bytes.count {
                if bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: ":") { return String(decoding: bytes[..<i], as: UTF8.self) }
                i += 1
            }
            return "node"
        }
        if let kind = ascii ?? nil { return kind }
        if let range = id.range(of: "::") { return String(id[..<range.lowerBound]) }
        return "node"
    }

    mutating func label(_ name: String) -> Int32 {
        label(name, relation: relationMap[name] ?? Relation(rawValue: name))
    }

    /// The label `name`, made with `relation` when it is new.
    mutating func label(_ name: String, relation: Relation?) -> Int32 {
        let (l, added) = labelIndex.intern(name)
        if added { labels.append(Network.Label(name: name, relation: relation)) }
        return l
    }

    /// The label whose name has these bytes (UTF-8), mapped as `label(_:)` maps it when it is new.
    mutating func label(bytes name: UnsafeRawBufferPointer) -> Int32 {
        if lastLabel >= 0, labelIndex.isKey(name, of: lastLabel) { return lastLabel }
        lastLabel = labelIndex.find(name) ?? label(String(decoding: name, as: UTF8.self))
        return lastLabel
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
        if !tracksDuplicates {
            // Not looked for.
        } else if let first = edgeKeys[key] {
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
        if contextID != 0 || !edgeContexts.isEmpty {
            while edgeContexts.count < sources.count { edgeContexts.append(0) }
            edgeContexts.append(contextID)
        }
        if bothWays || !self.bothWays.isEmpty {
            while self.bothWays.count < sources.count { self.bothWays.append(false) }
            self.bothWays.append(bothWays)
        }
        // A streamed file's edges are not counted before: grown four times over, not doubled, they are copied less.
        if sources.count == sources.capacity { reserveEdges(max(1024, 4 * sources.count)) }
        sources.append(source)
        targets.append(target)
        edgeLabels.append(label)
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
            edgeContexts: edgeContexts.isEmpty ? [] : edgeContexts + Array(repeating: 0, count: sources.count - edgeContexts.count),
            contexts: contexts,
            edgeBothWays: bothWays.isEmpty ? [] : bothWays + Array(repeating: false, count: sources.count - bothWays.count),
            edgeRefs: hasEvidence ? edgeRefs + Array(repeating: [], count: sources.count - edgeRefs.count) : [],
            edgeEvidence: hasEvidence ? edgeEvidence + Array(repeating: nil, count: sources.count - edgeEvidence.count) : [])
    }
}
