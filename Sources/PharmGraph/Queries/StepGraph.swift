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
/// backward too for undirected queries and for edges marked both-ways. Parallel
/// steps of one sign between the same two nodes are one step that stands for all
/// their edges (its multiplicity), placed where the first of them was, so that
/// parallel edges multiply counts instead of the work.
struct StepGraph: Sendable {
    let nodeCount: Int
    /// `offsets[u]..<offsets[u+1]` index the steps out of `u`.
    let offsets: [Int32]
    let neighbors: [Int32]
    /// The step's sign: +1, -1, or 0 (unknown).
    let signs: [Int8]
    /// The edges each step stands for (`members(k)` indexes `memberEdges`), in input order.
    let memberOffsets: [Int32]
    let memberEdges: [Int32]
    let reverseOffsets: [Int32]
    let reverseNeighbors: [Int32]
    /// The sign of each reverse step (the sign of the step it mirrors).
    let reverseSigns: [Int8]
    /// The edges of each reverse step.
    let reverseMemberOffsets: [Int32]
    let reverseMemberEdges: [Int32]

    /// The positions in `memberEdges` of step `k`'s edges.
    func members(_ k: Int) -> Range<Int> { Int(memberOffsets[k])..<Int(memberOffsets[k + 1]) }

    /// The positions in `reverseMemberEdges` of reverse step `k`'s edges.
    func reverseMembers(_ k: Int) -> Range<Int> { Int(reverseMemberOffsets[k])..<Int(reverseMemberOffsets[k + 1]) }

    /// How many parallel edges step `k` stands for.
    func multiplicity(_ k: Int) -> Int { Int(memberOffsets[k + 1] - memberOffsets[k]) }

    /// How many parallel edges reverse step `k` stands for.
    func reverseMultiplicity(_ k: Int) -> Int { Int(reverseMemberOffsets[k + 1] - reverseMemberOffsets[k]) }

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
        let forward = Self.collapse(offsets: offsets, neighbors: neighbors, signs: signs, edges: edges, nodeCount: n)
        self.offsets = forward.offsets
        self.neighbors = forward.neighbors
        self.signs = forward.signs
        self.memberOffsets = forward.memberOffsets
        self.memberEdges = forward.memberEdges
        let reverse = Self.collapse(
            offsets: reverseOffsets, neighbors: reverseNeighbors, signs: reverseSigns, edges: reverseEdges, nodeCount: n)
        self.reverseOffsets = reverse.offsets
        self.reverseNeighbors = reverse.neighbors
        self.reverseSigns = reverse.signs
        self.reverseMemberOffsets = reverse.memberOffsets
        self.reverseMemberEdges = reverse.memberEdges
    }

    /// One CSR with its parallel same-sign steps merged, each at its first one's place.
    private static func collapse(
        offsets: [Int32], neighbors: [Int32], signs: [Int8], edges: [Int32], nodeCount n: Int
    ) -> (offsets: [Int32], neighbors: [Int32], signs: [Int8], memberOffsets: [Int32], memberEdges: [Int32]) {
        let total = neighbors.count
        // slot[3 * neighbour + sign + 1]: the merged step of the current node, if made (≥ its first).
        var slot = [Int32](repeating: -1, count: 3 * n)
        var groupOf = [Int32](repeating: 0, count: total)
        var merged = [Int32](repeating: 0, count: n + 1)
        var groupNeighbors: [Int32] = []
        var groupSigns: [Int8] = []
        var sizes: [Int32] = []
        for u in 0..<n {
            let first = Int32(groupNeighbors.count)
            merged[u] = first
            for k in Int(offsets[u])..<Int(offsets[u + 1]) {
                let key = 3 * Int(neighbors[k]) + Int(signs[k]) + 1
                var g = slot[key]
                if g < first {
                    g = Int32(groupNeighbors.count)
                    slot[key] = g
                    groupNeighbors.append(neighbors[k])
                    groupSigns.append(signs[k])
                    sizes.append(0)
                }
                sizes[Int(g)] += 1
                groupOf[k] = g
            }
        }
        merged[n] = Int32(groupNeighbors.count)
        if groupNeighbors.count == total {
            return (offsets, neighbors, signs, Array(0...Int32(total)), edges)
        }
        var memberOffsets = [Int32](repeating: 0, count: sizes.count + 1)
        for g in 0..<sizes.count { memberOffsets[g + 1] = memberOffsets[g] + sizes[g] }
        var fill = memberOffsets
        var memberEdges = [Int32](repeating: 0, count: total)
        for k in 0..<total {
            let g = Int(groupOf[k])
            memberEdges[Int(fill[g])] = edges[k]
            fill[g] += 1
        }
        return (merged, groupNeighbors, groupSigns, memberOffsets, memberEdges)
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

/// Per node, the distance to its nearest target, which target that is, and the distance
/// to the nearest other target, each up to a limit (`Int32.max` beyond it).
///
/// With the nearest target already on a path, the second distance still bounds how far
/// the next target is, so the search can leave a node whose only reachable targets are
/// on the path (a two-label BFS: each node keeps its two nearest distinct targets).
struct TargetDistances {
    let distance: [Int32]
    let nearest: [Int32]
    let second: [Int32]

    init(_ steps: StepGraph, to goals: [Int32], limit: Int, avoid: [Bool]?) {
        let n = steps.nodeCount
        var distance = [Int32](repeating: Int32.max, count: n)
        var nearest = [Int32](repeating: -1, count: n)
        var second = [Int32](repeating: Int32.max, count: n)
        var frontier: [(node: Int32, target: Int32)] = []
        for g in goals where distance[Int(g)] != 0 && !(avoid?[Int(g)] ?? false) {
            distance[Int(g)] = 0
            nearest[Int(g)] = g
            frontier.append((g, g))
        }
        var level: Int32 = 0
        while !frontier.isEmpty, level < limit {
            level += 1
            var next: [(node: Int32, target: Int32)] = []
            for (v, target) in frontier {
                for k in Int(steps.reverseOffsets[Int(v)])..<Int(steps.reverseOffsets[Int(v) + 1]) {
                    let u = Int(steps.reverseNeighbors[k])
                    if avoid?[u] ?? false { continue }
                    if nearest[u] < 0 {
                        distance[u] = level
                        nearest[u] = target
                        next.append((Int32(u), target))
                    } else if nearest[u] != target, second[u] == Int32.max {
                        second[u] = level
                        next.append((Int32(u), target))
                    }
                }
            }
            frontier = next
        }
        self.distance = distance
        self.nearest = nearest
        self.second = second
    }
}
