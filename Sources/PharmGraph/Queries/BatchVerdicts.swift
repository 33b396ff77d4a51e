import Foundation

/// One pair's answer in a batch (`verdicts`, `paths --batch`): its two ends, counts and verdict under the verdict semantics.
public struct PairVerdict: Sendable {
    /// The ends: node ids (`verdicts`) or the names as written (`paths --batch`).
    public var from: String
    public var to: String
    /// The line of the batch file it answers (`paths --batch` only).
    public var line: Int?
    public var counts: SignCounts
    /// A shortest path, when one is known.
    public var shortest: NetworkPath?
    /// The search stopped early: the counts are lower bounds and the verdict is undetermined.
    public var partial: Bool
    /// The verdict semantics' fields (absent when partial).
    public var assessment: Assessment?

    /// The answer of a `paths` query; its shortest path is the shortest it kept.
    public init(from: String, to: String, line: Int? = nil, _ report: PathReport) {
        self.from = from
        self.to = to
        self.line = line
        counts = report.counts
        shortest = report.paths.min { $0.length < $1.length }
        partial = report.partial
        assessment = report.assessment
    }

    /// One target of a search from one source.
    init(from: String, to: String, _ report: TargetReport, partial: Bool) {
        self.from = from
        self.to = to
        counts = report.counts
        shortest = report.shortest
        self.partial = partial
        assessment = partial ? nil : report.assessment
    }

    /// The tiered verdict (the raw one when not assessed), or undetermined when partial.
    public var finding: Finding { partial ? .undetermined : .verdict(assessment?.verdict ?? counts.verdict) }
}

/// Every source × target pair with a path, each with its verdict (`pharmgraph verdicts`; docs/queries.md, "Batch verdicts").
///
/// Each source is one search to all the targets (as `effects` runs it: the counts, the tiers, the feedback), so a
/// pair's answer is the same as `paths SOURCE TARGET` gives. The sources are shared out among `jobs` threads on one
/// engine (its index is read-only; its caches are locked); the pairs come back sorted bytewise by (source id, target
/// id), so the answer is the same for any number of jobs.
public struct BatchVerdicts: Sendable {
    /// Distinct, in bytewise order of their ids.
    public let sources: [NodeIndex]
    public let targets: [NodeIndex]
    /// The query every source runs (its sources are replaced): length, traversal, budget.
    public var template: PathQuery
    /// How many threads search at once (at least 1).
    public var jobs: Int

    /// The most jobs `verdicts` runs.
    public static let largestJobs = 256

    /// The batch of `sources` × `targets` on `network`, running `template`'s options.
    public init(sources: [NodeIndex], targets: [NodeIndex], template: PathQuery, jobs: Int = 1, network: Network) {
        let ids = network.nodeIDs
        self.sources = Array(Set(sources)).sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        self.targets = Array(Set(targets)).sorted { $0.rawValue < $1.rawValue }
        self.template = template
        self.jobs = max(1, jobs)
    }

    /// How many pairs the batch looks at (those without a path give no row).
    public var pairCount: Int { sources.count * targets.count }

    /// What a batch gives: the pairs with a path, sorted, and the sources whose own search failed.
    public struct Outcome: Sendable {
        public var rows: [PairVerdict]
        /// A source whose count went past 64 bits, with why, in source order: its pairs have no row, the others do.
        public var failures: [(source: String, error: PathEngine.QueryError)]
    }

    /// The pairs with a path, sorted; `progress` is told of each source's pairs as they are done (from any thread).
    ///
    /// A count past 64 bits fails that source alone; any other error is the query's, the same for every source, and is thrown.
    public func run(on engine: PathEngine, progress: (@Sendable (Int) -> Void)? = nil) throws(PathEngine.QueryError) -> Outcome {
        let results = BatchResults(count: sources.count)
        let work = { @Sendable () in
            while let index = results.next() {
                if results.stopped { return }
                do throws(PathEngine.QueryError) {
                    results.store(try self.answer(self.sources[index], on: engine), at: index)
                } catch {
                    results.fail(error, at: index)
                }
                progress?(self.targets.count)
            }
        }
        let threads = min(jobs, sources.count)
        if threads <= 1 {
            work()
        } else {
            let group = DispatchGroup()
            for _ in 0..<threads {
                group.enter()
                let thread = Thread {
                    work()
                    group.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            group.wait()
        }
        let (rows, failures) = try results.collected()
        return Outcome(rows: rows, failures: failures.map { (engine.network.nodeIDs[sources[$0.index]], $0.error) })
    }

    /// One source's pairs, sorted by target id.
    func answer(_ source: NodeIndex, on engine: PathEngine) throws(PathEngine.QueryError) -> [PairVerdict] {
        var query = template
        query.sources = [source]
        query.targets = targets
        var (reports, partial) = try engine.reach(query, assess: true)
        try engine.assessFeedback(query, reports: &reports, partial: partial)
        let ids = engine.network.nodeIDs
        let from = ids[source]
        return reports.map { PairVerdict(from: from, to: ids[$0.target], $0, partial: partial) }
            .sorted { $0.to.utf8.lexicographicallyPrecedes($1.to.utf8) }
    }
}

/// The answers of a batch's sources as threads finish them, and the next source to take.
private final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[PairVerdict]?]
    private var taken = 0
    /// The failure of the first source (in order) whose error is the query's.
    private var failure: (index: Int, error: PathEngine.QueryError)?
    /// The sources whose own count overflowed.
    private var overflows: [(index: Int, error: PathEngine.QueryError)] = []

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next source's index, or `nil` when all are taken.
    func next() -> Int? {
        lock.withLock {
            guard taken < slots.count else { return nil }
            taken += 1
            return taken - 1
        }
    }

    /// A query error was met: the other sources would meet it too.
    var stopped: Bool { lock.withLock { failure != nil } }

    func store(_ rows: [PairVerdict], at index: Int) { lock.withLock { slots[index] = rows } }

    func fail(_ error: PathEngine.QueryError, at index: Int) {
        lock.withLock {
            switch error {
            case .pathCountOverflow, .shortestPathCountOverflow:
                overflows.append((index, error))
            case .patternTooShort, .unknownKind, .unknownLabel, .maxLengthOutOfRange, .nodeOutOfRange, .patternLongerThanMaxLength:
                if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
            }
        }
    }

    /// Every row in source order and the overflowed sources in order; the first source's query error, if any.
    func collected() throws(PathEngine.QueryError) -> (rows: [PairVerdict], overflows: [(index: Int, error: PathEngine.QueryError)]) {
        if let failure { throw failure.error }
        return (slots.flatMap { $0 ?? [] }, overflows.sorted { $0.index < $1.index })
    }
}
