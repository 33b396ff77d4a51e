/// Path counts by sign, and the verdict they give.
public struct SignCounts: Sendable, Equatable, Codable {
    public var positive: Int = 0
    public var negative: Int = 0
    public var unknown: Int = 0

    public init(positive: Int = 0, negative: Int = 0, unknown: Int = 0) {
        self.positive = positive
        self.negative = negative
        self.unknown = unknown
    }

    public var total: Int { positive + negative + unknown }

    /// positive or negative when every path of known sign agrees; mixed when both occur;
    /// unknown when only unknown-sign paths exist; none when there is no path.
    public var verdict: Verdict {
        switch (positive > 0, negative > 0) {
        case (true, true): .mixed
        case (true, false): .positive
        case (false, true): .negative
        case (false, false): unknown > 0 ? .unknown : .none
        }
    }

    mutating func add(_ sign: Int8) {
        switch sign {
        case 1: positive += 1
        case -1: negative += 1
        default: unknown += 1
        }
    }

    public static func + (a: SignCounts, b: SignCounts) -> SignCounts {
        SignCounts(positive: a.positive + b.positive, negative: a.negative + b.negative, unknown: a.unknown + b.unknown)
    }
}

/// One simple path: its nodes, the edges between them, and its net sign.
public struct NetworkPath: Sendable, Equatable {
    /// Node integer ids, source first.
    public let nodes: [Int32]
    /// Edge indices; `edges[i]` joins `nodes[i]` and `nodes[i + 1]`.
    public let edges: [Int32]
    public let sign: Sign

    public var length: Int { edges.count }

    init(nodes: UnsafeMutablePointer<Int32>, edges: UnsafeMutablePointer<Int32>, length: Int, sign: Int8) {
        self.nodes = Array(UnsafeBufferPointer(start: nodes, count: length + 1))
        self.edges = Array(UnsafeBufferPointer(start: edges + 1, count: length))
        self.sign = Sign(stepValue: sign)
    }

    public init(nodes: [Int32], edges: [Int32], sign: Sign) {
        self.nodes = nodes
        self.edges = edges
        self.sign = sign
    }
}

/// The outcome of a path query: exact counts, and the paths kept for display.
public struct PathReport: Sendable {
    public var counts: SignCounts
    /// The paths kept, shortest first (at most the query's limit).
    public var paths: [NetworkPath]
    /// Whether the search stopped at its timeout, so the counts are lower bounds.
    public var partial: Bool
    public var verdict: Verdict { counts.verdict }
}

/// Per target: counts by sign and one shortest path.
public struct TargetReport: Sendable {
    public let target: Int32
    public var counts: SignCounts
    public var shortest: NetworkPath
}

/// Counts every path and keeps the first `limit` of each length.
struct CollectingVisitor: PathVisitor {
    var counts = SignCounts()
    let limit: Int
    var kept: [[NetworkPath]]

    init(limit: Int, maxLength: Int) {
        self.limit = limit
        kept = Array(repeating: [], count: maxLength + 1)
    }

    mutating func visit(
        target: Int32, length: Int, sign: Int8, nodes: UnsafeMutablePointer<Int32>, edges: UnsafeMutablePointer<Int32>
    ) {
        counts.add(sign)
        if kept[length].count < limit {
            kept[length].append(NetworkPath(nodes: nodes, edges: edges, length: length, sign: sign))
        }
    }

    var acceptsCounts: Bool { true }
    func wantsEachPath(length: Int) -> Bool { kept[length].count < limit }

    mutating func count(length: Int, positive: Int, negative: Int, unknown: Int) {
        counts.positive += positive
        counts.negative += negative
        counts.unknown += unknown
    }

    /// The kept paths, shortest first, at most `limit`.
    var shortestFirst: [NetworkPath] { Array(kept.joined().prefix(limit)) }
}

/// Keeps every path (for k-shortest ranking).
struct AllPathsVisitor: PathVisitor {
    var paths: [NetworkPath] = []
    var counts = SignCounts()
    let cap: Int
    var overflowed = false

    mutating func visit(
        target: Int32, length: Int, sign: Int8, nodes: UnsafeMutablePointer<Int32>, edges: UnsafeMutablePointer<Int32>
    ) {
        counts.add(sign)
        if paths.count < cap {
            paths.append(NetworkPath(nodes: nodes, edges: edges, length: length, sign: sign))
        } else {
            overflowed = true
        }
    }
}

/// Counts per target node and keeps the first shortest path to each.
struct PerTargetVisitor: PathVisitor {
    var reports: [Int32: TargetReport] = [:]

    mutating func visit(
        target: Int32, length: Int, sign: Int8, nodes: UnsafeMutablePointer<Int32>, edges: UnsafeMutablePointer<Int32>
    ) {
        if var report = reports[target] {
            report.counts.add(sign)
            if length < report.shortest.length {
                report.shortest = NetworkPath(nodes: nodes, edges: edges, length: length, sign: sign)
            }
            reports[target] = report
        } else {
            var counts = SignCounts()
            counts.add(sign)
            reports[target] = TargetReport(
                target: target, counts: counts,
                shortest: NetworkPath(nodes: nodes, edges: edges, length: length, sign: sign))
        }
    }
}
