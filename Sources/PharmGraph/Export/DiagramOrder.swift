/// Crossing minimisation on a layered graph (docs/rendering.md, "Layers"): each edge that spans several ranks
/// becomes a chain through one virtual node per rank between its ends; the nodes of each rank are ordered by
/// barycenter sweeps, down and up, each followed by transposition of neighbours, then by sifting (each node
/// moved to the place in its rank with the fewest crossings); the order with the fewest crossings is kept.
///
/// Used to estimate how many crossings a choice of ranks costs: `DiagramLayers` keeps the ranks whose best
/// order found here crosses least.
struct DiagramOrder {
    /// Each rank's nodes, left to right: indices of real nodes (below the real node count) and of virtual ones.
    private(set) var order: [[Int]]
    /// The crossings of `order`: pairs of edge pieces between the same two adjacent ranks that cross.
    private(set) var crossings: Int
    /// Each node's neighbours on the rank above and on the rank below.
    private let above: [[Int]]
    private let below: [[Int]]

    /// The most sweeps down and up, and the most rounds of sifting.
    static let sweeps = 24
    static let siftRounds = 4

    /// Orders `rankOf.count` real nodes (node `i` in rank `rankOf[i]`, ranks from 0) joined by `edges`; an edge
    /// along a rank or a loop is left out (it is drawn along the rank), and an edge is taken from its upper end.
    init(rankOf: [Int], edges: [(from: Int, to: Int)]) {
        let rankCount = (rankOf.max() ?? -1) + 1
        var rank = rankOf
        var above: [[Int]] = Array(repeating: [], count: rankOf.count)
        var below: [[Int]] = Array(repeating: [], count: rankOf.count)
        var order: [[Int]] = Array(repeating: [], count: rankCount)
        for (node, r) in rankOf.enumerated() { order[r].append(node) }
        for edge in edges where rankOf.indices.contains(edge.from) && rankOf.indices.contains(edge.to) {
            var (upper, lower) = (edge.from, edge.to)
            if rankOf[upper] == rankOf[lower] { continue }
            if rankOf[upper] > rankOf[lower] { swap(&upper, &lower) }
            var previous = upper
            for r in (rankOf[upper] + 1)..<rankOf[lower] {
                let virtual = rank.count
                rank.append(r)
                above.append([])
                below.append([])
                order[r].append(virtual)
                below[previous].append(virtual)
                above[virtual].append(previous)
                previous = virtual
            }
            below[previous].append(lower)
            above[lower].append(previous)
        }
        self.above = above
        self.below = below
        self.order = order
        crossings = Self.crossings(order, below: below)
        // From the given order and from `starts - 1` shuffles of it (a fixed generator: the result is deterministic).
        let given = order
        var best = (order: order, crossings: Int.max)
        var generator = SplitMix(seed: 0x5EED)
        for start in 0..<Self.starts where best.crossings > 0 {
            self.order = start == 0 ? given : given.map { $0.shuffled(using: &generator) }
            crossings = Self.crossings(self.order, below: below)
            minimise()
            if crossings < best.crossings { best = (self.order, crossings) }
        }
        (self.order, crossings) = best
    }

    /// The number of orders the minimisation starts from.
    static let starts = 8

    /// SplitMix64: a small deterministic generator for the shuffled starts.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The crossings of `order` where `below` lists each node's neighbours on the next rank: for each two
    /// adjacent ranks, the pairs of edges whose upper ends and lower ends are in opposite orders (edges that
    /// share an end never cross).
    static func crossings(_ order: [[Int]], below: [[Int]]) -> Int {
        var total = 0
        for r in order.indices.dropLast() {
            var position: [Int: Int] = [:]
            for (i, node) in order[r + 1].enumerated() { position[node] = i }
            let pieces = order[r].enumerated().flatMap { i, node in below[node].compactMap { position[$0].map { (i, $0) } } }
            for a in pieces.indices {
                for b in pieces.indices.dropFirst(a + 1) where pieces[a].0 != pieces[b].0 && pieces[a].1 != pieces[b].1 {
                    if (pieces[a].0 < pieces[b].0) != (pieces[a].1 < pieces[b].1) { total += 1 }
                }
            }
        }
        return total
    }

    private mutating func minimise() {
        var best = order
        var bestCrossings = crossings
        var stale = 0
        for sweep in 0..<Self.sweeps where bestCrossings > 0 && stale < 4 {
            let downwards = sweep % 2 == 0
            for r in downwards ? Array(order.indices.dropFirst()) : Array(order.indices.dropLast().reversed()) {
                sortByBarycenter(r, reference: downwards ? r - 1 : r + 1)
            }
            transpose()
            let count = Self.crossings(order, below: below)
            if count < bestCrossings {
                (best, bestCrossings, stale) = (order, count, 0)
            } else {
                stale += 1
            }
        }
        order = best
        crossings = bestCrossings
        for _ in 0..<Self.siftRounds where crossings > 0 {
            sift()
            transpose()
            let count = Self.crossings(order, below: below)
            guard count < crossings else { break }
            crossings = count
        }
        crossings = Self.crossings(order, below: below)
    }

    /// Sorts rank `r` by the mean position of each node's neighbours on rank `reference`; a node without any
    /// keeps its place (its own position stands in), and equal keys keep their order.
    private mutating func sortByBarycenter(_ r: Int, reference: Int) {
        var position: [Int: Double] = [:]
        for (i, node) in order[reference].enumerated() { position[node] = Double(i) }
        let neighbours = reference < r ? above : below
        let keyed = order[r].enumerated().map { i, node -> (key: Double, index: Int, node: Int) in
            let places = neighbours[node].compactMap { position[$0] }
            return (places.isEmpty ? Double(i) : places.reduce(0, +) / Double(places.count), i, node)
        }
        order[r] = keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.node)
    }

    /// The crossings between the edges of `u` and those of `v` (to both neighbouring ranks) when `u` is left of `v`.
    private func pairCrossings(_ u: Int, _ v: Int, positions: (above: [Int: Int], below: [Int: Int])) -> Int {
        Self.inversions(above[u], above[v], positions.above) + Self.inversions(below[u], below[v], positions.below)
    }

    /// The pairs of `left`'s and `right`'s neighbours in the opposite order by `position`.
    private static func inversions(_ left: [Int], _ right: [Int], _ position: [Int: Int]) -> Int {
        var count = 0
        for a in left {
            guard let pa = position[a] else { continue }
            for b in right { if let pb = position[b], pa > pb { count += 1 } }
        }
        return count
    }

    private func positions(around r: Int) -> (above: [Int: Int], below: [Int: Int]) {
        func index(_ rank: Int) -> [Int: Int] {
            guard order.indices.contains(rank) else { return [:] }
            var position: [Int: Int] = [:]
            for (i, node) in order[rank].enumerated() { position[node] = i }
            return position
        }
        return (index(r - 1), index(r + 1))
    }

    /// Swaps neighbours in a rank while that removes crossings.
    private mutating func transpose() {
        var improved = true
        var rounds = 0
        while improved && rounds < 100 {
            improved = false
            rounds += 1
            for r in order.indices {
                let positions = positions(around: r)
                for i in order[r].indices.dropLast() {
                    let (u, v) = (order[r][i], order[r][i + 1])
                    if pairCrossings(v, u, positions: positions) < pairCrossings(u, v, positions: positions) {
                        order[r].swapAt(i, i + 1)
                        improved = true
                    }
                }
            }
        }
    }

    /// Moves each node, most connected first, to the place in its rank where its edges cross least.
    private mutating func sift() {
        let nodes = order.indices.flatMap { r in order[r].map { (r, $0) } }
            .sorted { a, b in
                let (da, db) = (above[a.1].count + below[a.1].count, above[b.1].count + below[b.1].count)
                return da != db ? da > db : a.1 < b.1
            }
        for (r, node) in nodes {
            let positions = positions(around: r)
            let rest = order[r].filter { $0 != node }
            let current = order[r].firstIndex(of: node)!
            var cost = rest.reduce(0) { $0 + pairCrossings(node, $1, positions: positions) }
            var best = (cost: cost, place: 0)
            var here = current == 0 ? cost : nil
            for (i, other) in rest.enumerated() {
                cost += pairCrossings(other, node, positions: positions) - pairCrossings(node, other, positions: positions)
                if cost < best.cost { best = (cost, i + 1) }
                if i + 1 == current { here = cost }
            }
            if let here, best.cost < here { order[r] = Array(rest[..<best.place]) + [node] + Array(rest[best.place...]) }
        }
    }
}
