/// Which edges a query may use, and in which direction.
public struct TraversalOptions: Hashable, Sendable {
    /// Traverse every edge both ways.
    public var undirected: Bool
    /// Only edges with these label names (relations, or imported labels); `nil` means all.
    public var labels: Set<String>?
    /// Leave out edges whose context conflicts.
    public var filter: ContextFilter
    /// Walk every edge against its direction (to search from effects back to causes).
    var reversed = false

    public init(undirected: Bool = false, labels: Set<String>? = nil, filter: ContextFilter = ContextFilter()) {
        self.undirected = undirected
        self.labels = labels
        self.filter = filter
    }
}

extension ContextFilter: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(required) }
}

/// The steps a query may take, as compressed adjacency (CSR), forward and reverse.
///
/// A step is an admissible edge in a direction it may be walked: forward always,
/// backward too for undirected queries and for edges marked both-ways.
struct StepGraph: Sendable {
    let nodeCount: Int
    /// `offsets[u]..<offsets[u+1]` index the steps out of `u`.
    let offsets: [Int32]
    let neighbors: [Int32]
    let edges: [Int32]
    /// The step's sign: +1, -1, or 0 (unknown).
    let signs: [Int8]
    let reverseOffsets: [Int32]
    let reverseNeighbors: [Int32]
    /// The sign of each reverse step (the sign of the step it mirrors).
    let reverseSigns: [Int8]
    /// The edge of each reverse step.
    let reverseEdges: [Int32]

    init(network: Network, options: TraversalOptions) {
        let n = network.nodeCount
        let m = network.edgeCount
        // Which labels are usable, once per label rather than per edge.
        let labelUsable = network.labels.map { label in
            label.traversable && (options.labels?.contains(label.name) ?? true)
        }
        let labelSign = network.labels.map(\.sign.stepValue)
        let contextUsable = network.contexts.map { options.filter.admits($0) }
        var admissible = [Bool](repeating: false, count: m)
        var outDegree = [Int32](repeating: 0, count: n + 1)
        var inDegree = [Int32](repeating: 0, count: n + 1)
        let sources = options.reversed ? network.edgeTargets : network.edgeSources
        let targets = options.reversed ? network.edgeSources : network.edgeTargets
        let bothWays = network.edgeBothWays
        for e in 0..<m {
            guard labelUsable[Int(network.edgeLabels[e])], contextUsable[Int(network.edgeContexts[e])] else { continue }
            admissible[e] = true
            let s = Int(sources[e])
            let t = Int(targets[e])
            outDegree[s] += 1
            inDegree[t] += 1
            if options.undirected || bothWays[e] {
                outDegree[t] += 1
                inDegree[s] += 1
            }
        }
        func prefixSums(_ degrees: [Int32]) -> [Int32] {
            var offsets = [Int32](repeating: 0, count: n + 1)
            var running: Int32 = 0
            for u in 0..<n {
                offsets[u] = running
                running += degrees[u]
            }
            offsets[n] = running
            return offsets
        }
        let offsets = prefixSums(outDegree)
        let reverseOffsets = prefixSums(inDegree)
        var cursor = offsets
        var reverseCursor = reverseOffsets
        let total = Int(offsets[n])
        var neighbors = [Int32](repeating: 0, count: total)
        var edges = [Int32](repeating: 0, count: total)
        var signs = [Int8](repeating: 0, count: total)
        var reverseNeighbors = [Int32](repeating: 0, count: total)
        var reverseSigns = [Int8](repeating: 0, count: total)
        var reverseEdges = [Int32](repeating: 0, count: total)
        func add(_ from: Int32, _ to: Int32, _ e: Int, _ sign: Int8) {
            let k = Int(cursor[Int(from)])
            cursor[Int(from)] += 1
            neighbors[k] = to
            edges[k] = Int32(e)
            signs[k] = sign
            let r = Int(reverseCursor[Int(to)])
            reverseCursor[Int(to)] += 1
            reverseNeighbors[r] = from
            reverseSigns[r] = sign
            reverseEdges[r] = Int32(e)
        }
        // Steps keep input order: forward steps first, in edge order, then backward ones.
        for e in 0..<m where admissible[e] {
            add(sources[e], targets[e], e, labelSign[Int(network.edgeLabels[e])])
        }
        for e in 0..<m where admissible[e] && (options.undirected || bothWays[e]) {
            add(targets[e], sources[e], e, labelSign[Int(network.edgeLabels[e])])
        }
        self.nodeCount = n
        self.offsets = offsets
        self.neighbors = neighbors
        self.edges = edges
        self.signs = signs
        self.reverseOffsets = reverseOffsets
        self.reverseNeighbors = reverseNeighbors
        self.reverseSigns = reverseSigns
        self.reverseEdges = reverseEdges
    }

    /// The fewest steps from each node to any node in `goals`, up to `limit`
    /// (`Int32.max` beyond it), never passing through `avoid`.
    func distances(to goals: [Int32], limit: Int, avoid: [Bool]?) -> [Int32] {
        var distance = [Int32](repeating: Int32.max, count: nodeCount)
        var frontier: [Int32] = []
        for g in goals where distance[Int(g)] != 0 && !(avoid?[Int(g)] ?? false) {
            distance[Int(g)] = 0
            frontier.append(g)
        }
        var level: Int32 = 0
        while !frontier.isEmpty, level < limit {
            level += 1
            var next: [Int32] = []
            for v in frontier {
                for k in Int(reverseOffsets[Int(v)])..<Int(reverseOffsets[Int(v) + 1]) {
                    let u = Int(reverseNeighbors[k])
                    if distance[u] == Int32.max, !(avoid?[u] ?? false) {
                        distance[u] = level
                        next.append(Int32(u))
                    }
                }
            }
            frontier = next
        }
        return distance
    }
}
