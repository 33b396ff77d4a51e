/// The differences between two networks as sets: nodes by id, edges as (source, label, target).
///
/// This is the diff of imported networks (SIF, TSV, CSV, Hetionet JSON), which carry no
/// attributes. Edges are a multiset: a triple listed twice in the old network and once in
/// the new is one removal (the later occurrence). An edge that may be walked both ways
/// matches a both-ways edge with the same label in either orientation.
struct NetworkDiff: Sendable {
    /// A node in both networks whose name or kind differs.
    struct NodePair: Sendable, Equatable {
        let old: NodeIndex
        let new: NodeIndex
    }

    let old: Network
    let new: Network
    /// Old nodes whose id the new network lacks, in old order.
    let nodesRemoved: [NodeIndex]
    /// New nodes whose id the old network lacks, in new order.
    let nodesAdded: [NodeIndex]
    /// Nodes whose name or kind changed, in new order.
    let nodesChanged: [NodePair]
    /// Old edges, in old order.
    let edgesRemoved: [EdgeIndex]
    /// New edges, in new order.
    let edgesAdded: [EdgeIndex]

    var isEmpty: Bool {
        nodesRemoved.isEmpty && nodesAdded.isEmpty && nodesChanged.isEmpty && edgesRemoved.isEmpty && edgesAdded.isEmpty
    }

    init(old: Network, new: Network) {
        self.old = old
        self.new = new
        // One id space: old node numbers, then the new network's own nodes after them.
        var nodeMap = [Int32](repeating: 0, count: new.nodeCount)
        var added: [NodeIndex] = []
        var changed: [NodePair] = []
        var present = [Bool](repeating: false, count: old.nodeCount)
        var next = Int32(old.nodeCount)
        for n in 0..<new.nodeCount {
            if let o = old.node(new.nodeIDs[n]) {
                nodeMap[n] = o
                present[Int(o)] = true
                if old.nodeNames[Int(o)] != new.nodeNames[n] || old.kind(of: o) != new.kind(of: Int32(n)) {
                    changed.append(NodePair(old: NodeIndex(o), new: NodeIndex(n)))
                }
            } else {
                nodeMap[n] = next
                next += 1
                added.append(NodeIndex(n))
            }
        }
        nodesAdded = added
        nodesChanged = changed
        nodesRemoved = old.nodeIndices.filter { !present[$0] }

        var labelIndex: [String: Int32] = [:]
        for (i, label) in old.labels.enumerated() where labelIndex[label.name] == nil { labelIndex[label.name] = Int32(i) }
        var nextLabel = Int32(old.labels.count)
        let labelMap = new.labels.map { label -> Int32 in
            if let l = labelIndex[label.name] { return l }
            labelIndex[label.name] = nextLabel
            nextLabel += 1
            return nextLabel - 1
        }

        func key(_ source: Int32, _ label: Int32, _ target: Int32, bothWays: Bool) -> EdgeKey {
            let (s, t) = bothWays && target < source ? (target, source) : (source, target)
            return EdgeKey(
                ends: UInt64(UInt32(bitPattern: s)) << 32 | UInt64(UInt32(bitPattern: t)),
                tag: UInt32(bitPattern: label) << 1 | (bothWays ? 1 : 0))
        }
        // Each new edge cancels one equal old edge, the earliest still uncancelled; what is left is the difference.
        var table = EdgeTable(capacity: old.edgeCount)
        var slots = [Int32](repeating: 0, count: old.edgeCount)
        for e in 0..<old.edgeCount {
            slots[e] = table.insert(key(old.edgeSources[e], old.edgeLabels[e], old.edgeTargets[e], bothWays: old.edgeBothWays[e]))
        }
        var addedEdges: [EdgeIndex] = []
        for e in 0..<new.edgeCount {
            let k = key(
                nodeMap[Int(new.edgeSources[e])], labelMap[Int(new.edgeLabels[e])], nodeMap[Int(new.edgeTargets[e])],
                bothWays: new.edgeBothWays[e])
            if !table.cancel(k) { addedEdges.append(EdgeIndex(e)) }
        }
        table.startReplay()
        var removedEdges: [EdgeIndex] = []
        for e in 0..<old.edgeCount where !table.replay(slot: slots[e]) { removedEdges.append(EdgeIndex(e)) }
        edgesAdded = addedEdges
        edgesRemoved = removedEdges
    }
}

/// An edge in the shared id space of a network diff.
private struct EdgeKey: Equatable {
    /// Source in the high 32 bits, target in the low (ordered for both-ways edges).
    let ends: UInt64
    /// The label, shifted left, with the both-ways bit.
    let tag: UInt32
}

/// A multiset of old edges, by open addressing with a multiplicative hash (far faster than
/// `Dictionary` here, which dominated the diff of large networks).
private struct EdgeTable {
    private var ends: [UInt64]
    private var tags: [UInt32]
    /// Old edges with the key.
    private var total: [Int32]
    /// Old edges with the key not yet cancelled by a new edge.
    private var left: [Int32]
    private let mask: Int
    private static let empty = UInt32.max

    init(capacity: Int) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        ends = Array(repeating: 0, count: size)
        tags = Array(repeating: Self.empty, count: size)
        total = Array(repeating: 0, count: size)
        left = Array(repeating: 0, count: size)
        mask = size - 1
    }

    private func home(_ key: EdgeKey) -> Int {
        let mixed = (key.ends ^ UInt64(key.tag) &* 0xD6E8_FEB8_6659_FD93) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    /// Counts one old edge; returns its slot.
    mutating func insert(_ key: EdgeKey) -> Int32 {
        var i = home(key)
        while tags[i] != Self.empty {
            if tags[i] == key.tag && ends[i] == key.ends { break }
            i = (i + 1) & mask
        }
        ends[i] = key.ends
        tags[i] = key.tag
        total[i] += 1
        left[i] += 1
        return Int32(i)
    }

    /// Cancels one old edge equal to `key`; false when none is left.
    mutating func cancel(_ key: EdgeKey) -> Bool {
        var i = home(key)
        while tags[i] != Self.empty {
            if tags[i] == key.tag && ends[i] == key.ends {
                guard left[i] > 0 else { return false }
                left[i] -= 1
                return true
            }
            i = (i + 1) & mask
        }
        return false
    }

    /// Prepares to walk the old edges again: per key, how many were cancelled.
    mutating func startReplay() {
        for i in total.indices { total[i] -= left[i] }
    }

    /// Whether the old edge at `slot` (next in file order among its equals) was cancelled.
    mutating func replay(slot: Int32) -> Bool {
        let i = Int(slot)
        guard total[i] > 0 else { return false }
        total[i] -= 1
        return true
    }
}
