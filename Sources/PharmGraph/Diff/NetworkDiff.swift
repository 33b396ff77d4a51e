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

        // Each new edge cancels one equal old edge, the earliest still uncancelled; what is left is the difference.
        let (removedEdges, addedEdges) = EdgeMultisetMatch.unmatched(
            old: old, new: new, nodeMap: nodeMap, labelMap: labelMap)
        edgesAdded = addedEdges
        edgesRemoved = removedEdges
    }
}
