import Foundation

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
    /// Whether each node's steps in have the same neighbours as its steps out (undirected, no node cut),
    /// so that a breadth-first search towards the targets may read `forward` instead of `reverse`.
    let symmetric: Bool
    private let lazyReverse: LazyCSR

    /// The steps into each node, walked backwards (each mirrors a forward step, with its sign and edges),
    /// built on first use: a query whose searches only need distances never builds it when `symmetric`.
    var reverse: CSR { lazyReverse.value }

    /// The steps a breadth-first search from the targets walks back along: `reverse`, or `forward` when
    /// `symmetric` (the same neighbours per node, in another order, which distances do not depend on).
    var backward: CSR { symmetric ? forward : reverse }

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

    /// Builds the forward steps now; the reverse ones are built on first use (`reverse`).
    init(network: Network, options: TraversalOptions) {
        nodeCount = network.nodeCount
        forward = Self.build(network: network, options: options, reverse: false)
        symmetric = options.undirected && options.cut.isEmpty
        lazyReverse = LazyCSR { Self.build(network: network, options: options, reverse: true) }
    }

    /// Per edge, which of its steps a query may take: bit 0 the step along it, bit 1 the step against it.
    private static func stepFlags(network: Network, options: TraversalOptions) -> [UInt8] {
        let n = network.nodeCount
        let m = network.edgeCount
        // Which labels are usable, once per label rather than per edge.
        // `binds` is walked only when the query names it (docs/queries.md, "Verdicts").
        let labelUsable = network.labels.map { label in
            label.traversable && (options.labels?.contains(label.name) ?? (label.relation != .binds))
        }
        // Which contexts (a curated graph's scopes) are admitted, once per distinct one rather than per edge.
        let (contextUsable, edgeContexts) = network.contextAdmission(options)
        let sources = options.reversed ? network.edgeTargets : network.edgeSources
        let targets = options.reversed ? network.edgeSources : network.edgeTargets
        let bothWays = network.edgeBothWays
        let undirected = options.undirected
        // A step from -> to in the walked direction enters `to`, or `from` when the graph is walked reversed.
        var isCut = [Bool](repeating: false, count: options.cut.isEmpty ? 0 : n)
        for node in options.cut { isCut[Int(node)] = true }
        let hasCut = !options.cut.isEmpty
        let reversed = options.reversed
        var flags = [UInt8](repeating: 0, count: m)
        flags.withUnsafeMutableBufferPointer { flags in
            for e in 0..<m where labelUsable[Int(network.edgeLabels[e])] && contextUsable[Int(edgeContexts[e])] {
                let (s, t) = (Int(sources[e]), Int(targets[e]))
                var f: UInt8 = 0
                if !hasCut || !isCut[reversed ? s : t] { f = 1 }
                if undirected || bothWays[e], !hasCut || !isCut[reversed ? t : s] { f |= 2 }
                flags[e] = f
            }
        }
        if let ceiling = options.ceiling, let graph = network.graph {
            for e in 0..<m where flags[e] != 0 && graph.edges[e].effectiveCertainty > ceiling { flags[e] = 0 }
        }
        return flags
    }

    /// One direction's CSR, merged, by counting sort straight from the edge arrays.
    ///
    /// Steps keep input order: at each node, the steps along edges first, in edge order, then those against them.
    private static func build(network: Network, options: TraversalOptions, reverse: Bool) -> CSR {
        let n = network.nodeCount
        let m = network.edgeCount
        let flags = stepFlags(network: network, options: options)
        let labelSign = network.labels.map(\.sign.stepValue)
        // A step is placed at its walked source (at its walked target in the reverse CSR): `at` holds the
        // ends of the edges whose step along them is placed at the edge's first end.
        let along = options.reversed != reverse ? network.edgeTargets : network.edgeSources
        let other = options.reversed != reverse ? network.edgeSources : network.edgeTargets
        var offsets = [Int32](repeating: 0, count: n + 1)
        var total = 0
        offsets.withUnsafeMutableBufferPointer { offsets in
            flags.withUnsafeBufferPointer { flags in
                along.withUnsafeBufferPointer { along in
                    other.withUnsafeBufferPointer { other in
                        // Degrees at offsets[u + 1], then their running sums.
                        for e in 0..<m where flags[e] != 0 {
                            let f = flags[e]
                            if f & 1 != 0 { offsets[Int(along[e]) + 1] &+= 1 }
                            if f & 2 != 0 { offsets[Int(other[e]) + 1] &+= 1 }
                        }
                    }
                }
            }
            var running = 0
            for u in 0...n {
                running += Int(offsets[u])
                precondition(running <= Int(Int32.max), "StepGraph: more steps than an Int32 indexes")
                offsets[u] = Int32(truncatingIfNeeded: running)
            }
            total = running
        }
        // Raw buffers, owned by the CSR in the end (every element is written below, so none is initialized first).
        let neighbors: UnsafeMutableBufferPointer<Int32> = allocateHuge(max(total, 1))
        let edges: UnsafeMutableBufferPointer<Int32> = allocateHuge(max(total, 1))
        let signs: UnsafeMutableBufferPointer<Int8> = allocateHuge(max(total, 1))
        var cursor = offsets
        cursor.withUnsafeMutableBufferPointer { cursor in
            flags.withUnsafeBufferPointer { flags in
                along.withUnsafeBufferPointer { along in
                    other.withUnsafeBufferPointer { other in
                        network.edgeLabels.withUnsafeBufferPointer { labels in
                            labelSign.withUnsafeBufferPointer { labelSign in
                                // Every label of one sign (an unsigned network): the signs are filled in order, not per step.
                                let uniform = labelSign.dropFirst().allSatisfy { $0 == labelSign.first }
                                if uniform { signs.initialize(repeating: labelSign.first ?? 0) }
                                /// Places the steps of flag `bit`, each at its edge's end in `ends` and leading to the one in `to`.
                                func place(_ bit: UInt8, at ends: UnsafeBufferPointer<Int32>, to: UnsafeBufferPointer<Int32>) {
                                    for e in 0..<m where flags[e] & bit != 0 {
                                        let at = Int(ends[e])
                                        let k = Int(cursor[at])
                                        cursor[at] = Int32(truncatingIfNeeded: k + 1)
                                        neighbors[k] = to[e]
                                        edges[k] = Int32(truncatingIfNeeded: e)
                                        if !uniform { signs[k] = labelSign[Int(labels[e])] }
                                    }
                                }
                                place(1, at: along, to: other)
                                place(2, at: other, to: along)
                            }
                        }
                    }
                }
            }
        }
        let used = (
            UnsafeMutableBufferPointer(rebasing: neighbors[..<total]), UnsafeMutableBufferPointer(rebasing: signs[..<total]),
            UnsafeMutableBufferPointer(rebasing: edges[..<total])
        )
        return CSR(Self.merge(offsets: offsets, neighbors: used.0, signs: used.1, edges: used.2, nodeCount: n))
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
        // Written up to the merged count and its end, the only part read.
        let memberOffsets: UnsafeMutableBufferPointer<Int32> = allocateHuge(total + 1)
        var write = 0
        var largest = 1
        for u in 0..<n { largest = max(largest, Int(offsets[u + 1] - offsets[u])) }
        // Scratch for one node: each step's merged step (counted from the node's first), then, for a node with
        // parallel steps, where each merged step's next edge goes and the node's edges as they were.
        let group = UnsafeMutableBufferPointer<Int32>.allocate(capacity: largest)
        let fill = UnsafeMutableBufferPointer<Int32>.allocate(capacity: largest)
        let nodeEdges = UnsafeMutableBufferPointer<Int32>.allocate(capacity: largest)
        defer { (group.deallocate(), fill.deallocate(), nodeEdges.deallocate()) }
        slot.withUnsafeMutableBufferPointer { slot in
            for u in 0..<n {
                let first = write
                merged[u] = Int32(truncatingIfNeeded: first)
                let (start, end) = (Int(offsets[u]), Int(offsets[u + 1]))
                var parallel = false
                for k in start..<end {
                    let key = 3 * Int(neighbors[k]) + Int(signs[k]) + 1
                    let g = Int(slot[key])
                    if g < first {
                        slot[key] = Int32(truncatingIfNeeded: write)
                        neighbors[write] = neighbors[k]
                        signs[write] = signs[k]
                        group[k - start] = Int32(truncatingIfNeeded: write - first)
                        write += 1
                    } else {
                        parallel = true
                        group[k - start] = Int32(truncatingIfNeeded: g - first)
                    }
                }
                // No parallel steps (the usual node): each step stands for its own edge.
                guard parallel else {
                    for k in start..<end { memberOffsets[first + k - start] = Int32(truncatingIfNeeded: k) }
                    continue
                }
                // The merged steps' sizes, then where each one's edges start in the node's range.
                let count = write - first
                for j in 0..<count { fill[j] = 0 }
                for j in 0..<(end - start) { fill[Int(group[j])] &+= 1 }
                var at = Int32(truncatingIfNeeded: start)
                for j in 0..<count {
                    let size = fill[j]
                    memberOffsets[first + j] = at
                    fill[j] = at
                    at &+= size
                }
                for j in 0..<(end - start) { nodeEdges[j] = edges[start + j] }
                for j in 0..<(end - start) {
                    let g = Int(group[j])
                    edges[Int(fill[g])] = nodeEdges[j]
                    fill[g] &+= 1
                }
            }
        }
        merged[n] = Int32(truncatingIfNeeded: write)
        memberOffsets[write] = Int32(truncatingIfNeeded: total)
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
            let backward = backward
            for v in frontier {
                for k in backward.steps(of: Int(v)) {
                    let u = Int(backward.neighbors[k])
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
        // Distances and the two nearest distinct targets do not depend on the order of a node's steps.
        let (offsets, neighbors) = (steps.backward.offsets, steps.backward.neighbors)
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

/// A CSR made on first use, once, whichever thread asks first.
final class LazyCSR: @unchecked Sendable {
    private let lock = NSLock()
    private var made: StepGraph.CSR?
    private var make: (() -> StepGraph.CSR)?

    init(_ make: @escaping () -> StepGraph.CSR) { self.make = make }

    var value: StepGraph.CSR {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let csr = make!()
        (made, make) = (csr, nil)
        return csr
    }
}

/// Memory for `count` elements, uninitialized, freed by `deallocate()`. A block of 2 MiB or more is aligned to
/// 2 MiB and, on Linux, asked for in transparent huge pages (`MADV_HUGEPAGE`): a step graph's buffers (and a network
/// diff's partitioned edges) are written once, at random, and 4 KiB pages cost a fault each (docs/decisions.md, "Huge
/// pages for the step graph").
func allocateHuge<Element: BitwiseCopyable>(_ count: Int) -> UnsafeMutableBufferPointer<Element> {
    let huge = 2 << 20
    let bytes = count * MemoryLayout<Element>.stride
    guard bytes >= huge else { return .allocate(capacity: count) }
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: huge)
    #if os(Linux)
        _ = madvise(raw, bytes, MADV_HUGEPAGE)  // a hint: if the kernel refuses it, the pages are ordinary ones
    #endif
    return UnsafeMutableBufferPointer(start: raw.bindMemory(to: Element.self, capacity: count), count: count)
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
