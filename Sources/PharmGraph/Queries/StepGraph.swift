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
    /// Only edges at least this firm (a missing certainty is established); `nil` for all.
    /// The verdict semantics count evidence tiers with it (docs/queries.md, "Verdicts").
    var ceiling: Certainty? = nil
    /// Nodes no step may enter (in the edges' own direction): the clamped nodes of `PathQuery.interventions`, sorted.
    var cut: [Int32] = []
    /// The `exposure_of` drugs whose scoped edges may be walked: those of the query's drug ends' families
    /// (set by the engine per query, `PathEngine.exposureParts`).
    var exposures: Set<String> = []
    /// Walk every exposure-scoped edge, whatever the drug ends (an empty answer's explanation only).
    var unscoped = false

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
    /// The steps out of each node.
    let forward: CSR
    /// The steps into each node, walked backwards (each mirrors a forward step, with its sign and edges).
    let reverse: CSR

    /// One direction's steps as compressed adjacency, in memory it owns for the graph's
    /// lifetime, so that searches read raw buffers without nesting `withUnsafeBufferPointer`.
    /// Sendable: the memory is written once, before the buffers are made, and never again.
    struct CSR: @unchecked Sendable {
        /// `offsets[u]..<offsets[u+1]` index the steps of `u`.
        let offsets: UnsafeBufferPointer<Int32>
        let neighbors: UnsafeBufferPointer<Int32>
        /// The step's sign: +1, -1, or 0 (unknown).
        let signs: UnsafeBufferPointer<Int8>
        /// The edges each step stands for (`members(k)` indexes `memberEdges`), in input order.
        let memberOffsets: UnsafeBufferPointer<Int32>
        let memberEdges: UnsafeBufferPointer<Int32>
        /// Keeps the buffers alive.
        private let storage: [AnyObject]

        /// Takes ownership of the merged buffers (built in place, so never copied) and copies `offsets`.
        fileprivate init(_ merged: Merged) {
            let offsets = FrozenArray(merged.offsets)
            let neighbors = FrozenArray(adopting: merged.neighbors, count: merged.count)
            let signs = FrozenArray(adopting: merged.signs, count: merged.count)
            let memberOffsets = FrozenArray(adopting: merged.memberOffsets, count: merged.count + 1)
            let memberEdges = FrozenArray(adopting: merged.memberEdges, count: merged.memberEdges.count)
            (self.offsets, self.neighbors, self.signs) = (offsets.buffer, neighbors.buffer, signs.buffer)
            (self.memberOffsets, self.memberEdges) = (memberOffsets.buffer, memberEdges.buffer)
            storage = [offsets, neighbors, signs, memberOffsets, memberEdges]
        }

        /// The step indices of node `u`.
        func steps(of u: Int) -> Range<Int> { Int(offsets[u])..<Int(offsets[u + 1]) }

        /// The positions in `memberEdges` of step `k`'s edges.
        func members(_ k: Int) -> Range<Int> { Int(memberOffsets[k])..<Int(memberOffsets[k + 1]) }

        /// How many parallel edges step `k` stands for.
        func multiplicity(_ k: Int) -> Int { Int(memberOffsets[k + 1] - memberOffsets[k]) }
    }

    init(network: Network, options: TraversalOptions) {
        let n = network.nodeCount
        let m = network.edgeCount
        // Which labels are usable, once per label rather than per edge.
        // `binds` is walked only when the query names it (docs/queries.md, "Verdicts").
        let labelUsable = network.labels.map { label in
            label.traversable && (options.labels?.contains(label.name) ?? (label.relation != .binds))
        }
        let labelSign = network.labels.map(\.sign.stepValue)
        // Which contexts (a curated graph's scopes) are admitted, once per distinct one rather than per edge.
        let (contextUsable, edgeContexts) = network.contextAdmission(options)
        var admissible = [Bool](repeating: false, count: m)
        for e in 0..<m {
            admissible[e] = labelUsable[Int(network.edgeLabels[e])] && contextUsable[Int(edgeContexts[e])]
        }
        if let ceiling = options.ceiling, let graph = network.graph {
            for e in 0..<m where admissible[e] { admissible[e] = graph.edges[e].effectiveCertainty <= ceiling }
        }
        let sources = options.reversed ? network.edgeTargets : network.edgeSources
        let targets = options.reversed ? network.edgeSources : network.edgeTargets
        let bothWays = network.edgeBothWays
        let edgeSigns = network.edgeLabels.map { labelSign[Int($0)] }
        let undirected = options.undirected
        // A step from -> to in the walked direction enters `to`, or `from` when the graph is walked reversed.
        var isCut = [Bool](repeating: false, count: options.cut.isEmpty ? 0 : n)
        for node in options.cut { isCut[Int(node)] = true }
        let hasCut = !options.cut.isEmpty
        let entered = options.reversed ? { (from: Int32, _: Int32) in from } : { (_: Int32, to: Int32) in to }
        func keeps(_ from: Int32, _ to: Int32) -> Bool { !hasCut || !isCut[Int(entered(from, to))] }
        /// One direction's CSR, merged; built one at a time so that only one unmerged copy is alive.
        func build(reverse: Bool) -> CSR {
            var degree = [Int32](repeating: 0, count: n + 1)
            for e in 0..<m where admissible[e] {
                if keeps(sources[e], targets[e]) { degree[Int(reverse ? targets[e] : sources[e])] += 1 }
                if undirected || bothWays[e], keeps(targets[e], sources[e]) { degree[Int(reverse ? sources[e] : targets[e])] += 1 }
            }
            var offsets = [Int32](repeating: 0, count: n + 1)
            var running: Int32 = 0
            for u in 0..<n {
                offsets[u] = running
                running += degree[u]
            }
            offsets[n] = running
            var cursor = offsets
            let total = Int(running)
            // Raw buffers, owned by the CSR in the end: a nested function writing captured arrays
            // pays a uniqueness check per write, and an array would be copied into the CSR.
            let neighbors = UnsafeMutableBufferPointer<Int32>.allocate(capacity: total)
            let edges = UnsafeMutableBufferPointer<Int32>.allocate(capacity: total)
            let signs = UnsafeMutableBufferPointer<Int8>.allocate(capacity: total)
            neighbors.initialize(repeating: 0)
            edges.initialize(repeating: 0)
            signs.initialize(repeating: 0)
            cursor.withUnsafeMutableBufferPointer { cursor in
                func add(_ from: Int32, _ to: Int32, _ e: Int) {
                    let (at, other) = reverse ? (Int(to), from) : (Int(from), to)
                    let k = Int(cursor[at])
                    cursor[at] += 1
                    neighbors[k] = other
                    edges[k] = Int32(e)
                    signs[k] = edgeSigns[e]
                }
                // Steps keep input order: forward steps first, in edge order, then backward ones.
                for e in 0..<m where admissible[e] && keeps(sources[e], targets[e]) { add(sources[e], targets[e], e) }
                for e in 0..<m where admissible[e] && (undirected || bothWays[e]) && keeps(targets[e], sources[e]) {
                    add(targets[e], sources[e], e)
                }
            }
            return CSR(Self.merge(offsets: offsets, neighbors: neighbors, signs: signs, edges: edges, nodeCount: n))
        }
        self.nodeCount = n
        forward = build(reverse: false)
        reverse = build(reverse: true)
    }

    /// A CSR whose parallel same-sign steps are merged: `count` steps, in buffers of the unmerged size.
    fileprivate typealias Merged = (
        offsets: [Int32], count: Int, neighbors: UnsafeMutableBufferPointer<Int32>, signs: UnsafeMutableBufferPointer<Int8>,
        memberOffsets: UnsafeMutableBufferPointer<Int32>, memberEdges: UnsafeMutableBufferPointer<Int32>
    )

    /// One CSR with its parallel same-sign steps merged, each at its first one's place, in place.
    ///
    /// A node's merged steps own exactly its steps' edges, so their member lists fill the
    /// node's own range of the edge array, in input order within each merged step; merged
    /// steps are never more than the steps read, so they are compacted over the same arrays.
    private static func merge(
        offsets: [Int32], neighbors: UnsafeMutableBufferPointer<Int32>, signs: UnsafeMutableBufferPointer<Int8>,
        edges: UnsafeMutableBufferPointer<Int32>, nodeCount n: Int
    ) -> Merged {
        let total = neighbors.count
        // slot[3 * neighbour + sign + 1]: the merged step of the current node, if made (≥ its first).
        var slot = [Int32](repeating: -1, count: 3 * n)
        var merged = [Int32](repeating: 0, count: n + 1)
        // At most one merged step per step, plus the end.
        let memberOffsets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: total + 1)
        memberOffsets.initialize(repeating: 0)
        var members = 0
        var write = 0
        var sizes: [Int32] = []
        var groupOfStep: [Int] = []
        var fill: [Int32] = []
        var nodeEdges: [Int32] = []
        slot.withUnsafeMutableBufferPointer { slot in
            for u in 0..<n {
                let first = write
                merged[u] = Int32(first)
                let range = Int(offsets[u])..<Int(offsets[u + 1])
                sizes.removeAll(keepingCapacity: true)
                groupOfStep.removeAll(keepingCapacity: true)
                for k in range {
                    let key = 3 * Int(neighbors[k]) + Int(signs[k]) + 1
                    var g = Int(slot[key])
                    if g < first {
                        g = write
                        slot[key] = Int32(g)
                        neighbors[write] = neighbors[k]
                        signs[write] = signs[k]
                        write += 1
                        sizes.append(0)
                    }
                    sizes[g - first] += 1
                    groupOfStep.append(g - first)
                }
                if sizes.count == range.count {
                    for k in range {
                        memberOffsets[members] = Int32(k)
                        members += 1
                    }
                    continue
                }
                fill.removeAll(keepingCapacity: true)
                var at = offsets[u]
                for size in sizes {
                    memberOffsets[members] = at
                    members += 1
                    fill.append(at)
                    at += size
                }
                nodeEdges.removeAll(keepingCapacity: true)
                nodeEdges.append(contentsOf: edges[range])
                for (j, g) in groupOfStep.enumerated() {
                    edges[Int(fill[g])] = nodeEdges[j]
                    fill[g] += 1
                }
            }
        }
        merged[n] = Int32(write)
        memberOffsets[members] = Int32(total)
        return (write == total ? offsets : merged, write, neighbors, signs, memberOffsets, edges)
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
                for k in reverse.steps(of: Int(v)) {
                    let u = Int(reverse.neighbors[k])
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
        // The second label's target, and the level a node was last queued at.
        var secondTarget = [Int32](repeating: -1, count: n)
        var queued = [Int32](repeating: -1, count: n)
        var frontier: [Int32] = []
        for g in goals where distance[Int(g)] != 0 && !(avoid?[Int(g)] ?? false) {
            distance[Int(g)] = 0
            nearest[Int(g)] = g
            queued[Int(g)] = 0
            frontier.append(g)
        }
        let avoided = avoid ?? [Bool](repeating: false, count: n)
        var level: Int32 = 0
        var next: [Int32] = []
        // Level by level; a node labelled at this level passes on each label it got here, in
        // one scan of its predecessors (both labels often arrive at the same level).
        let (offsets, neighbors) = (steps.reverse.offsets, steps.reverse.neighbors)
        while !frontier.isEmpty, level < limit {
            let here = level
            level += 1
            next.removeAll(keepingCapacity: true)
            for v in frontier {
                let vi = Int(v)
                let first: Int32 = distance[vi] == here ? nearest[vi] : -1
                let other: Int32 = second[vi] == here ? secondTarget[vi] : -1
                for k in Int(offsets[vi])..<Int(offsets[vi + 1]) {
                    let u = Int(neighbors[k])
                    if avoided[u] || second[u] != Int32.max { continue }
                    for i in 0..<2 {
                        let target = i == 0 ? first : other
                        if target < 0 { continue }
                        if nearest[u] < 0 {
                            distance[u] = level
                            nearest[u] = target
                        } else if nearest[u] != target, second[u] == Int32.max {
                            second[u] = level
                            secondTarget[u] = target
                        } else {
                            continue
                        }
                        if queued[u] != level {
                            queued[u] = level
                            next.append(Int32(u))
                        }
                    }
                }
            }
            swap(&frontier, &next)
        }
        self.distance = distance
        self.nearest = nearest
        self.second = second
    }
}

/// Memory this object owns and frees, read as a raw buffer: hot loops index it without the
/// closure `withUnsafeBufferPointer` needs for every array.
final class FrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>

    /// Takes ownership of `memory` (allocated, initialized), of which the first `count` elements are used.
    init(adopting memory: UnsafeMutableBufferPointer<Element>, count: Int) {
        buffer = UnsafeBufferPointer(rebasing: memory[..<count])
        allocation = memory
    }

    /// Copies `array`.
    convenience init(_ array: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = memory.initialize(from: array)
        self.init(adopting: memory, count: array.count)
    }

    /// What `deinit` frees: the whole allocation, which may be longer than `buffer`.
    private let allocation: UnsafeMutableBufferPointer<Element>

    deinit { allocation.deallocate() }
}
