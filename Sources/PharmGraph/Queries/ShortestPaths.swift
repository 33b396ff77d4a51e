/// Counts every shortest path between two node sets, by sign, with a bidirectional BFS.
///
/// Both sides grow layer by layer, the cheaper frontier first, and count the
/// shortest paths reaching each node by sign (a shortest path is always simple).
/// When a layer reaches nodes the other side has reached, those nodes are the
/// middles of every shortest path, and the counts of the two sides multiply.
struct ShortestPathCounter {
    let steps: StepGraph
    let avoid: Set<Int32>

    /// Per node reached: its distance and the shortest paths to it by sign.
    struct Side {
        var distance: [Int32: Int32] = [:]
        var counts: [Int32: (positive: Int, negative: Int, unknown: Int)] = [:]
        var frontier: [Int32] = []
        var depth: Int32 = 0
    }

    /// The shortest length (nil when none within `maxLength`), its counts, and the middle layer.
    func run(sources: [Int32], targets: [Int32], maxLength: Int) throws(PathEngine.QueryError) -> (length: Int, counts: SignCounts, forward: Side, backward: Side, middle: [Int32])? {
        var forward = Side()
        var backward = Side()
        for s in sources where !avoid.contains(s) && forward.distance[s] == nil {
            forward.distance[s] = 0
            forward.counts[s] = (1, 0, 0)
            forward.frontier.append(s)
        }
        for t in targets where !avoid.contains(t) && backward.distance[t] == nil {
            backward.distance[t] = 0
            backward.counts[t] = (1, 0, 0)
            backward.frontier.append(t)
        }
        // A source that is also a target would be a path of length 0, which is not a path;
        // such nodes still start and end longer paths.
        while !forward.frontier.isEmpty, !backward.frontier.isEmpty, Int(forward.depth + backward.depth) < maxLength {
            let expandForward = cost(forward.frontier, reverse: false) <= cost(backward.frontier, reverse: true)
            let middle: [Int32]
            if expandForward {
                middle = try grow(&forward, other: backward, reverse: false)
            } else {
                middle = try grow(&backward, other: forward, reverse: true)
            }
            if !middle.isEmpty {
                var total = SignCounts()
                for m in middle {
                    let a = forward.counts[m]!
                    let b = backward.counts[m]!
                    let positive = try add(mul(a.positive, b.positive), mul(a.negative, b.negative))
                    let negative = try add(mul(a.positive, b.negative), mul(a.negative, b.positive))
                    let all = try mul(add(add(a.positive, a.negative), a.unknown), add(add(b.positive, b.negative), b.unknown))
                    total = SignCounts(
                        positive: try add(total.positive, positive), negative: try add(total.negative, negative),
                        unknown: try add(total.unknown, all - positive - negative))
                }
                return (Int(forward.depth + backward.depth), total, forward, backward, middle)
            }
        }
        return nil
    }

    private func cost(_ frontier: [Int32], reverse: Bool) -> Int {
        var total = 0
        for v in frontier {
            total += reverse
                ? Int(steps.reverseOffsets[Int(v) + 1] - steps.reverseOffsets[Int(v)])
                : Int(steps.offsets[Int(v) + 1] - steps.offsets[Int(v)])
        }
        return total
    }

    /// Counts beyond 64 bits are an error rather than a wrong answer.
    private func add(_ a: Int, _ b: Int) throws(PathEngine.QueryError) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw PathEngine.QueryError(description: "more shortest paths than a 64-bit count holds") }
        return sum
    }

    private func mul(_ a: Int, _ b: Int) throws(PathEngine.QueryError) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw PathEngine.QueryError(description: "more shortest paths than a 64-bit count holds") }
        return product
    }

    /// Grows `side` by one layer; returns the new nodes the other side has reached at its current depth.
    private func grow(_ side: inout Side, other: Side, reverse: Bool) throws(PathEngine.QueryError) -> [Int32] {
        let depth = side.depth + 1
        var next: [Int32] = []
        for u in side.frontier {
            let c = side.counts[u]!
            let range = reverse
                ? Int(steps.reverseOffsets[Int(u)])..<Int(steps.reverseOffsets[Int(u) + 1])
                : Int(steps.offsets[Int(u)])..<Int(steps.offsets[Int(u) + 1])
            for k in range {
                let w = reverse ? steps.reverseNeighbors[k] : steps.neighbors[k]
                let sign = reverse ? steps.reverseSigns[k] : steps.signs[k]
                if avoid.contains(w) { continue }
                if let known = side.distance[w], known != depth { continue }
                if side.distance[w] == nil {
                    side.distance[w] = depth
                    side.counts[w] = (0, 0, 0)
                    next.append(w)
                }
                var e = side.counts[w]!
                switch sign {
                case 1:
                    e.positive = try add(e.positive, c.positive)
                    e.negative = try add(e.negative, c.negative)
                    e.unknown = try add(e.unknown, c.unknown)
                case -1:
                    e.positive = try add(e.positive, c.negative)
                    e.negative = try add(e.negative, c.positive)
                    e.unknown = try add(e.unknown, c.unknown)
                default:
                    e.unknown = try add(e.unknown, add(add(c.positive, c.negative), c.unknown))
                }
                side.counts[w] = e
            }
        }
        side.frontier = next
        side.depth = depth
        return next.filter { other.distance[$0] == other.depth }
    }
}

extension ShortestPathCounter {
    /// Up to `limit` of the shortest paths found by `run`, built from its two sides.
    func paths(
        forward: Side, backward: Side, middle: [Int32], limit: Int
    ) -> [NetworkPath] {
        var out: [NetworkPath] = []
        for m in middle where out.count < limit {
            // Prefixes end at m and walk back to a source; suffixes start at m and walk to a target.
            var prefixes: [(nodes: [Int32], edges: [Int32], sign: Int8)] = [([m], [], 1)]
            for _ in 0..<Int(forward.distance[m]!) {
                var longer: [(nodes: [Int32], edges: [Int32], sign: Int8)] = []
                for p in prefixes {
                    let u = p.nodes[0]
                    let want = forward.distance[u]! - 1
                    for k in Int(steps.reverseOffsets[Int(u)])..<Int(steps.reverseOffsets[Int(u) + 1]) {
                        let v = steps.reverseNeighbors[k]
                        guard forward.distance[v] == want, longer.count < limit else { continue }
                        longer.append(([v] + p.nodes, [steps.reverseEdges[k]] + p.edges, Self.times(p.sign, steps.reverseSigns[k])))
                    }
                }
                prefixes = longer
            }
            var suffixes: [(nodes: [Int32], edges: [Int32], sign: Int8)] = [([m], [], 1)]
            for _ in 0..<Int(backward.distance[m]!) {
                var longer: [(nodes: [Int32], edges: [Int32], sign: Int8)] = []
                for p in suffixes {
                    let u = p.nodes[p.nodes.count - 1]
                    let want = backward.distance[u]! - 1
                    for k in Int(steps.offsets[Int(u)])..<Int(steps.offsets[Int(u) + 1]) {
                        let v = steps.neighbors[k]
                        guard backward.distance[v] == want, longer.count < limit else { continue }
                        longer.append((p.nodes + [v], p.edges + [steps.edges[k]], Self.times(p.sign, steps.signs[k])))
                    }
                }
                suffixes = longer
            }
            for p in prefixes {
                for s in suffixes where out.count < limit {
                    let sign = Self.times(p.sign, s.sign)
                    out.append(
                        NetworkPath(
                            nodes: p.nodes + s.nodes.dropFirst(), edges: p.edges + s.edges,
                            sign: sign == 1 ? .positive : sign == -1 ? .negative : .unknown))
                }
            }
        }
        return out
    }

    static func times(_ a: Int8, _ b: Int8) -> Int8 { a == 0 || b == 0 ? 0 : a * b }
}
