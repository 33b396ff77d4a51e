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

    /// Adds `weight` paths of one sign; `false` (and no change) when the total would pass 64 bits.
    mutating func add(_ sign: Int8, weight: Int = 1) -> Bool {
        add(SignCounts(positive: sign == 1 ? weight : 0, negative: sign == -1 ? weight : 0, unknown: sign == 0 ? weight : 0))
    }

    /// Adds `other`; `false` (and no change) when the total would pass 64 bits.
    mutating func add(_ other: SignCounts) -> Bool {
        let (p, o1) = positive.addingReportingOverflow(other.positive)
        let (m, o2) = negative.addingReportingOverflow(other.negative)
        let (q, o3) = unknown.addingReportingOverflow(other.unknown)
        let (pm, o4) = p.addingReportingOverflow(m)
        let (_, o5) = pm.addingReportingOverflow(q)
        if o1 || o2 || o3 || o4 || o5 { return false }
        self = SignCounts(positive: p, negative: m, unknown: q)
        return true
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

    public init(nodes: [Int32], edges: [Int32], sign: Sign) {
        self.nodes = nodes
        self.edges = edges
        self.sign = sign
    }
}

/// Why a search stopped before it was complete.
public enum SearchStop: String, Sendable, Equatable {
    /// It used its work budget (`PathQuery.maxWork`).
    case workBudget = "work budget"
    /// It reached its timeout or deadline.
    case timeout
}

/// What a query concludes: a verdict, or undetermined when the search stopped early
/// (its counts are then lower bounds, and the verdict they give so far may be wrong).
public enum Finding: Sendable, Equatable, Hashable, RawRepresentable {
    case verdict(Verdict)
    case undetermined

    public init?(rawValue: String) {
        if rawValue == "undetermined" {
            self = .undetermined
        } else if let verdict = Verdict(rawValue: rawValue) {
            self = .verdict(verdict)
        } else {
            return nil
        }
    }

    /// The verdict's name, or `undetermined`.
    public var rawValue: String {
        switch self {
        case let .verdict(verdict): verdict.rawValue
        case .undetermined: "undetermined"
        }
    }

    /// The verdict of `counts`, or undetermined when they are partial.
    public init(_ counts: SignCounts, partial: Bool) {
        self = partial ? .undetermined : .verdict(counts.verdict)
    }
}

/// The outcome of a path query: exact counts (lower bounds when partial), and the paths kept for display.
public struct PathReport: Sendable {
    public var counts: SignCounts
    /// The paths kept, shortest first (at most the query's limit).
    public var paths: [NetworkPath]
    /// Whether the search stopped early (see `stop`), so the counts are lower bounds.
    public var partial: Bool
    /// Why it stopped early, when it did.
    public var stop: SearchStop? = nil
    /// The work the search did, in search steps (see `PathQuery.maxWork`).
    public var work: Int = 0
    /// The verdict of the counts found, partial or not; see `finding`.
    public var verdict: Verdict { counts.verdict }
    /// The verdict, or undetermined when the search stopped early.
    public var finding: Finding { Finding(counts, partial: partial) }
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

    mutating func visit(_ path: FoundPath) -> Bool {
        guard counts.add(path.sign, weight: path.weight) else { return false }
        if kept[path.length].count < limit {
            kept[path.length] += path.expand(limit: limit - kept[path.length].count)
        }
        return true
    }

    var acceptsCounts: Bool { true }
    func wantsEachPath(length: Int) -> Bool { kept[length].count < limit }

    mutating func count(length: Int, _ more: SignCounts) -> Bool { counts.add(more) }

    /// The kept paths, shortest first, at most `limit`.
    var shortestFirst: [NetworkPath] { Array(kept.joined().prefix(limit)) }
}

/// Counts every path and keeps the `k` first by a ranking whose first key is the length.
struct RankingVisitor: PathVisitor {
    var counts = SignCounts()
    let k: Int
    /// How many parallel-edge combinations of one step sequence are ranked.
    let expansions: Int
    let precedes: (NetworkPath, NetworkPath) -> Bool
    /// Ranked best first; at most `k`.
    var kept: [NetworkPath] = []

    mutating func visit(_ path: FoundPath) -> Bool {
        guard counts.add(path.sign, weight: path.weight) else { return false }
        guard wantsEachPath(length: path.length) else { return true }
        for candidate in path.expand(limit: min(path.weight, expansions)) {
            let index = kept.partitioningIndex { precedes(candidate, $0) }
            if index < k {
                kept.insert(candidate, at: index)
                if kept.count > k { kept.removeLast() }
            }
        }
        return true
    }

    var acceptsCounts: Bool { true }
    /// A path longer than the k-th kept one cannot enter.
    func wantsEachPath(length: Int) -> Bool { kept.count < k || length <= kept[kept.count - 1].length }

    mutating func count(length: Int, _ more: SignCounts) -> Bool { counts.add(more) }
}

extension Array {
    /// The first index whose element satisfies `belongs`, which must hold for a suffix.
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Counts per target node and keeps the first shortest path to each.
struct PerTargetVisitor: PathVisitor {
    var reports: [Int32: TargetReport] = [:]

    mutating func visit(_ path: FoundPath) -> Bool {
        if var report = reports[path.target] {
            guard report.counts.add(path.sign, weight: path.weight) else { return false }
            if path.length < report.shortest.length { report.shortest = path.first }
            reports[path.target] = report
        } else {
            var counts = SignCounts()
            _ = counts.add(path.sign, weight: path.weight)
            reports[path.target] = TargetReport(target: path.target, counts: counts, shortest: path.first)
        }
        return true
    }
}
