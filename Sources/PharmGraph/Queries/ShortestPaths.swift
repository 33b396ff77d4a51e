/// Counts every shortest path between two node sets, by sign, with a bidirectional BFS.
///
/// Both sides grow layer by layer, the cheaper frontier first, and count the
/// shortest paths reaching each node by sign (a shortest path is always simple).
/// When a layer reaches nodes the other side has reached, those nodes are the
/// middles of every shortest path, and the counts of the two sides multiply.
struct ShortestPathCounter {
    let steps: StepGraph
    let avoid: Set<Int32>
    /// The sources that start with another sign than + (clamped nodes), by node.
    var sourceSigns: [Int32: Int8] = [:]

    /// One side's BFS state over flat per-node arrays, reused across queries.
    ///
    /// Only the entries of nodes it reached are set; `reset` clears just those.
    final class Side: @unchecked Sendable {
        // Raw buffers: writes through class-held arrays pay exclusivity and uniqueness checks.
        private let distances: UnsafeMutablePointer<Int32>
        let positive: UnsafeMutablePointer<Int>
        let negative: UnsafeMutablePointer<Int>
        let unknown: UnsafeMutablePointer<Int>
        private var touched: [Int32] = []
        var frontier: [Int32] = []
        var depth: Int32 = 0

        init(nodeCount: Int) {
            let n = max(nodeCount, 1)
            distances = .allocate(capacity: n)
            distances.initialize(repeating: Int32.max, count: n)
            positive = .allocate(capacity: n)
            positive.initialize(repeating: 0, count: n)
            negative = .allocate(capacity: n)
            negative.initialize(repeating: 0, count: n)
            unknown = .allocate(capacity: n)
            unknown.initialize(repeating: 0, count: n)
        }

        deinit {
            distances.deallocate()
            positive.deallocate()
            negative.deallocate()
            unknown.deallocate()
        }

        /// The node's distance from this side's start, if reached.
        func distance(_ v: Int32) -> Int32? {
            let d = distances[Int(v)]
            return d == Int32.max ? nil : d
        }

        func reach(_ v: Int32, at depth: Int32) {
            distances[Int(v)] = depth
            touched.append(v)
        }

        func counts(_ v: Int32) -> (positive: Int, negative: Int, unknown: Int) {
            (positive[Int(v)], negative[Int(v)], unknown[Int(v)])
        }

        func reset() {
            for v in touched {
                distances[Int(v)] = Int32.max
                positive[Int(v)] = 0
                negative[Int(v)] = 0
                unknown[Int(v)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            frontier.removeAll(keepingCapacity: true)
            depth = 0
        }
    }

    /// The shortest length (nil when none within `maxLength`), its counts, and the middle layer.
    ///
    /// `forward` and `backward` must be reset; they hold the two BFS sides afterwards.
    func run(
        sources: [Int32], targets: [Int32], maxLength: Int, forward: Side, backward: Side
    ) throws(PathEngine.QueryError) -> (length: Int, counts: SignCounts, middle: [Int32])? {
        for s in sources where !avoid.contains(s) && forward.distance(s) == nil {
            forward.reach(s, at: 0)
            if sourceSigns[s] == -1 { forward.negative[Int(s)] = 1 } else { forward.positive[Int(s)] = 1 }
            forward.frontier.append(s)
        }
        for t in targets where !avoid.contains(t) && backward.distance(t) == nil {
            backward.reach(t, at: 0)
            backward.positive[Int(t)] = 1
            backward.frontier.append(t)
        }
        while !forward.frontier.isEmpty, !backward.frontier.isEmpty, Int(forward.depth + backward.depth) < maxLength {
            let expandForward = cost(forward.frontier, reverse: false) <= cost(backward.frontier, reverse: true)
            let middle: [Int32]
            if expandForward {
                middle = try grow(forward, other: backward, reverse: false)
            } else {
                middle = try grow(backward, other: forward, reverse: true)
            }
            if !middle.isEmpty {
                var total = SignCounts()
                for m in middle {
                    let a = forward.counts(m)
                    let b = backward.counts(m)
                    let positive = try add(mul(a.positive, b.positive), mul(a.negative, b.negative))
                    let negative = try add(mul(a.positive, b.negative), mul(a.negative, b.positive))
                    let all = try mul(add(add(a.positive, a.negative), a.unknown), add(add(b.positive, b.negative), b.unknown))
                    total = SignCounts(
                        positive: try add(total.positive, positive), negative: try add(total.negative, negative),
                        unknown: try add(total.unknown, all - positive - negative))
                }
                return (Int(forward.depth + backward.depth), total, middle)
            }
        }
        return nil
    }

    private func cost(_ frontier: [Int32], reverse: Bool) -> Int {
        var total = 0
        let csr = reverse ? steps.reverse : steps.forward
        for v in frontier { total += csr.steps(of: Int(v)).count }
        return total
    }

    /// Counts beyond 64 bits are an error rather than a wrong answer.
    private func add(_ a: Int, _ b: Int) throws(PathEngine.QueryError) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .shortestPathCountOverflow }
        return sum
    }

    private func mul(_ a: Int, _ b: Int) throws(PathEngine.QueryError) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw .shortestPathCountOverflow }
        return product
    }

    /// Grows `side` by one layer; returns the new nodes the other side has reached at its current depth.
    private func grow(_ side: Side, other: Side, reverse: Bool) throws(PathEngine.QueryError) -> [Int32] {
        let depth = side.depth + 1
        var next: [Int32] = []
        let csr = reverse ? steps.reverse : steps.forward
        for u in side.frontier {
            let counts = side.counts(u)
            for k in csr.steps(of: Int(u)) {
                let w = csr.neighbors[k]
                let sign = csr.signs[k]
                // A step standing for several parallel edges carries each path that many times.
                let times = csr.multiplicity(k)
                if let known = side.distance(w) {
                    if known != depth { continue }
                } else {
                    if !avoid.isEmpty, avoid.contains(w) { continue }
                    side.reach(w, at: depth)
                    next.append(w)
                }
                let i = Int(w)
                let c =
                    times == 1
                    ? counts : (positive: try mul(counts.positive, times), negative: try mul(counts.negative, times), unknown: try mul(counts.unknown, times))
                switch sign {
                case 1:
                    side.positive[i] = try add(side.positive[i], c.positive)
                    side.negative[i] = try add(side.negative[i], c.negative)
                    side.unknown[i] = try add(side.unknown[i], c.unknown)
                case -1:
                    side.positive[i] = try add(side.positive[i], c.negative)
                    side.negative[i] = try add(side.negative[i], c.positive)
                    side.unknown[i] = try add(side.unknown[i], c.unknown)
                default:
                    side.unknown[i] = try add(side.unknown[i], add(add(c.positive, c.negative), c.unknown))
                }
            }
        }
        side.frontier = next
        side.depth = depth
        return next.filter { other.distance($0) == other.depth }
    }
}

extension ShortestPathCounter {
    /// Up to `limit` of the shortest paths found by `run`, built from its two sides.
    func paths(
        forward: Side, backward: Side, middle: [Int32], limit: Int
    ) -> [NetworkPath] {
        var out: [NetworkPath] = []
        let reverse = steps.reverse
        for m in middle where out.count < limit {
            // Prefixes end at m and walk back to a source; suffixes start at m and walk to a target.
            var prefixes: [(nodes: [Int32], edges: [Int32], sign: Int8)] = [([m], [], 1)]
            for _ in 0..<Int(forward.distance(m)!) {
                var longer: [(nodes: [Int32], edges: [Int32], sign: Int8)] = []
                for p in prefixes {
                    let u = p.nodes[0]
                    let want = forward.distance(u)! - 1
                    for k in reverse.steps(of: Int(u)) {
                        let v = reverse.neighbors[k]
                        guard forward.distance(v) == want else { continue }
                        for i in reverse.members(k) where longer.count < limit {
                            let edge = reverse.memberEdges[i]
                            longer.append(([v] + p.nodes, [edge] + p.edges, Sign.product(p.sign, reverse.signs[k])))
                        }
                    }
                }
                prefixes = longer
            }
            if !sourceSigns.isEmpty {
                prefixes = prefixes.map { ($0.nodes, $0.edges, Sign.product($0.sign, sourceSigns[$0.nodes[0]] ?? 1)) }
            }
            var suffixes: [(nodes: [Int32], edges: [Int32], sign: Int8)] = [([m], [], 1)]
            for _ in 0..<Int(backward.distance(m)!) {
                var longer: [(nodes: [Int32], edges: [Int32], sign: Int8)] = []
                for p in suffixes {
                    let u = p.nodes[p.nodes.count - 1]
                    let want = backward.distance(u)! - 1
                    for k in steps.forward.steps(of: Int(u)) {
                        let v = steps.forward.neighbors[k]
                        guard backward.distance(v) == want else { continue }
                        for i in steps.forward.members(k) where longer.count < limit {
                            longer.append((p.nodes + [v], p.edges + [steps.forward.memberEdges[i]], Sign.product(p.sign, steps.forward.signs[k])))
                        }
                    }
                }
                suffixes = longer
            }
            for p in prefixes {
                for s in suffixes where out.count < limit {
                    let sign = Sign.product(p.sign, s.sign)
                    out.append(
                        NetworkPath(
                            nodes: p.nodes + s.nodes.dropFirst(), edges: p.edges + s.edges,
                            sign: Sign(stepValue: sign)))
                }
            }
        }
        return out
    }
}
