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

    static func + (a: SignCounts, b: SignCounts) -> SignCounts {
        SignCounts(positive: a.positive + b.positive, negative: a.negative + b.negative, unknown: a.unknown + b.unknown)
    }
}

/// One simple path: its nodes, the edges between them, and its net sign.
public struct NetworkPath: Sendable, Equatable {
    /// Nodes, source first.
    public let nodes: [NodeIndex]
    /// Edges; `edges[i]` joins `nodes[i]` and `nodes[i + 1]`.
    public let edges: [EdgeIndex]
    public let sign: Sign

    public var length: Int { edges.count }

    public init(nodes: [NodeIndex], edges: [EdgeIndex], sign: Sign) {
        self.nodes = nodes
        self.edges = edges
        self.sign = sign
    }

    /// A path as the search holds it, in integer ids.
    init(nodes: [Int32], edges: [Int32], sign: Sign) {
        self.init(nodes: nodes.map { NodeIndex(rawValue: $0) }, edges: edges.map { EdgeIndex(rawValue: $0) }, sign: sign)
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
    /// What the paths mean under the verdict semantics, when assessed.
    public var assessment: Assessment? = nil
    /// With several sources, those that have a path (in query order), when the assessment found out; `nil` otherwise.
    public var reachingSources: [NodeIndex]? = nil
    /// The verdict of the counts found, partial or not; see `finding`.
    public var verdict: Verdict { counts.verdict }
    /// The raw counts' verdict, or undetermined when the search stopped early.
    public var finding: Finding { Finding(counts, partial: partial) }
    /// The tiered verdict (the raw one when not assessed), or undetermined when the search stopped early.
    public var tieredFinding: Finding { partial ? .undetermined : .verdict(assessment?.verdict ?? counts.verdict) }

    public init(counts: SignCounts, paths: [NetworkPath], partial: Bool, stop: SearchStop? = nil, work: Int = 0) {
        self.counts = counts
        self.paths = paths
        self.partial = partial
        self.stop = stop
        self.work = work
    }
}

/// Per target: counts by sign and one shortest path.
public struct TargetReport: Sendable {
    public let target: NodeIndex
    public var counts: SignCounts
    public var shortest: NetworkPath
    /// What the paths mean under the verdict semantics, when assessed.
    public var assessment: Assessment? = nil

    /// The verdict reported: the assessment's (tiered, or after feedback), else the raw counts'; undetermined when partial
    /// (a reach is partial as a whole, so the caller says).
    func finding(partial: Bool) -> Finding {
        partial ? .undetermined : .verdict(assessment?.verdict ?? counts.verdict)
    }
}

/// Reads the clock every 256 paths built or ranked, to stop at a deadline while the paths of one
/// search step are expanded (reading it per path would cost more than building one).
struct BuildDeadline {
    let deadline: ContinuousClock.Instant?
    private var ticks = 0
    /// Whether the deadline has been seen to pass.
    private(set) var passed = false

    init(_ deadline: ContinuousClock.Instant?) { self.deadline = deadline }

    /// Counts one more path; `true` once the deadline has passed.
    mutating func tick() -> Bool {
        guard let deadline, !passed else { return passed }
        ticks &+= 1
        if ticks & 0xFF == 0, ContinuousClock.now >= deadline { passed = true }
        return passed
    }
}

/// Counts every path and keeps the first `limit` found, shortest first: at most `limit` in all.
struct CollectingVisitor: PathVisitor {
    var counts = SignCounts()
    let limit: Int
    /// Kept paths by length, each length in the order found.
    private var kept: [[NetworkPath]]
    private var keptCount = 0
    /// The longest length with a kept path (0 when none).
    private var longest = 0
    private var clock: BuildDeadline

    init(limit: Int, maxLength: Int, deadline: ContinuousClock.Instant? = nil) {
        self.limit = limit
        kept = Array(repeating: [], count: maxLength + 1)
        clock = BuildDeadline(deadline)
    }

    mutating func visit(_ path: FoundPath) -> Bool {
        guard counts.add(path.sign, weight: path.weight) else { return false }
        // A path enters ahead of every longer kept one, behind every kept one no longer than it.
        guard limit > 0, keptCount < limit || path.length < longest else { return true }
        let room = limit - kept[0...path.length].reduce(0) { $0 + $1.count }
        guard room > 0 else { return true }
        let more = path.expand(limit: room, clock: &clock)
        kept[path.length] += more
        keptCount += more.count
        longest = max(longest, path.length)
        while keptCount > limit {
            let drop = min(kept[longest].count, keptCount - limit)
            kept[longest].removeLast(drop)
            keptCount -= drop
            while longest > 0, kept[longest].isEmpty { longest -= 1 }
        }
        return true
    }

    var acceptsCounts: Bool { true }
    var timedOut: Bool { clock.passed }
    func wantsEachPath(length: Int) -> Bool {
        keptCount < limit || length < longest
    }

    mutating func count(length: Int, _ more: SignCounts) -> Bool { counts.add(more) }

    /// The kept paths, shortest first, at most `limit`.
    var shortestFirst: [NetworkPath] { Array(kept.joined()) }
}

/// What `kShortest` ranks a path by, in order: length, weakest certainty (established first),
/// references (more first), node ids; computed once per path, so ranking and sorting are cheap.
struct PathRank {
    let length: Int
    let certainty: Certainty
    let references: Int
    /// Each node's place among the node ids sorted as strings.
    let names: [Int32]
    /// The order found, which breaks the remaining ties: first found first.
    let order: Int

    /// Whether `a` ranks before `b`.
    static func before(_ a: PathRank, _ b: PathRank) -> Bool {
        if a.length != b.length { return a.length < b.length }
        if a.certainty != b.certainty { return a.certainty < b.certainty }
        if a.references != b.references { return a.references > b.references }
        if a.names != b.names { return a.names.lexicographicallyPrecedes(b.names) }
        return a.order < b.order
    }
}

/// Counts every path and keeps the `k` first by a ranking whose first key is the length.
struct RankingVisitor: PathVisitor {
    var counts = SignCounts()
    let k: Int
    /// How many parallel-edge combinations of one step sequence are ranked.
    let expansions: Int
    /// A path's rank, given the order it was found in.
    let rank: (NetworkPath, Int) -> PathRank
    /// The best (at most) `k` so far, as a heap whose root ranks last.
    private var heap: [(path: NetworkPath, rank: PathRank)] = []
    private var found = 0
    private var clock: BuildDeadline

    init(k: Int, expansions: Int, rank: @escaping (NetworkPath, Int) -> PathRank, deadline: ContinuousClock.Instant? = nil) {
        self.k = k
        self.expansions = expansions
        self.rank = rank
        clock = BuildDeadline(deadline)
    }

    mutating func visit(_ path: FoundPath) -> Bool {
        guard counts.add(path.sign, weight: path.weight) else { return false }
        guard wantsEachPath(length: path.length) else { return true }
        for candidate in path.expand(limit: min(path.weight, expansions), clock: &clock) {
            if clock.tick() { break }
            found += 1
            let entry = (path: candidate, rank: rank(candidate, found))
            if heap.count < k {
                heap.append(entry)
                siftUp(heap.count - 1)
            } else if PathRank.before(entry.rank, heap[0].rank) {
                heap[0] = entry
                siftDown(0)
            }
        }
        return true
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard PathRank.before(heap[parent].rank, heap[child].rank) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            var last = parent
            for child in (2 * parent + 1)...(2 * parent + 2)
            where child < heap.count && PathRank.before(heap[last].rank, heap[child].rank) {
                last = child
            }
            if last == parent { return }
            heap.swapAt(parent, last)
            parent = last
        }
    }

    /// The kept paths, best first.
    var kept: [NetworkPath] { heap.sorted { PathRank.before($0.rank, $1.rank) }.map(\.path) }

    var acceptsCounts: Bool { true }
    var timedOut: Bool { clock.passed }
    /// A path longer than the k-th kept one cannot enter.
    func wantsEachPath(length: Int) -> Bool { heap.count < k || length <= heap[0].rank.length }

    mutating func count(length: Int, _ more: SignCounts) -> Bool { counts.add(more) }
}

/// Counts per target node and keeps the first shortest path to each; with `keep`, also every
/// path of each target that has at most `keep` (within `budget` paths in all), for the verdict semantics.
struct PerTargetVisitor: PathVisitor {
    /// A target reached: its report, and its paths while all of them are kept.
    private struct Entry {
        var report: TargetReport
        var kept: [NetworkPath] = []
        /// It has more paths than could be kept.
        var dropped = false
    }

    /// Per node, its place in `entries` plus one (0: not reached), so a path's target is found without hashing.
    private var slots: [Int32]
    /// The targets reached, in the order first reached.
    private var entries: [Entry] = []
    /// The most paths kept per target (0: none).
    var keep = 0
    /// The most paths kept in all.
    var budget = 0

    /// A visitor of a search on `nodeCount` nodes.
    init(nodeCount: Int) { slots = [Int32](repeating: 0, count: nodeCount) }

    /// One report per target reached, in the order first reached.
    var reports: [TargetReport] { entries.map(\.report) }
    /// Every path of each target whose paths were all kept.
    var kept: [Int32: [NetworkPath]] {
        guard keep > 0 else { return [:] }
        var all: [Int32: [NetworkPath]] = [:]
        for entry in entries where !entry.dropped { all[entry.report.target.rawValue] = entry.kept }
        return all
    }

    mutating func visit(_ path: FoundPath) -> Bool {
        let t = Int(path.target)
        var slot = Int(slots[t]) - 1
        if slot < 0 {
            var counts = SignCounts()
            _ = counts.add(path.sign, weight: path.weight)
            entries.append(Entry(report: TargetReport(target: NodeIndex(rawValue: path.target), counts: counts, shortest: path.first)))
            slot = entries.count - 1
            slots[t] = Int32(entries.count)
        } else {
            guard entries[slot].report.counts.add(path.sign, weight: path.weight) else { return false }
            if path.length < entries[slot].report.shortest.length { entries[slot].report.shortest = path.first }
        }
        if keep > 0, !entries[slot].dropped {
            let held = entries[slot].kept.count
            if held + path.weight > keep || path.weight > budget {
                entries[slot].dropped = true
                budget += held
                entries[slot].kept = []
            } else {
                var clock = BuildDeadline(nil)
                entries[slot].kept += path.expand(limit: path.weight, clock: &clock)
                budget -= path.weight
            }
        }
        return true
    }
}
