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
        let perSource = targets.count
        var done: (@Sendable (Int) -> Void)?
        if let progress { done = { _ in progress(perSource) } }
        let answers: [Result<[PairVerdict], PathEngine.QueryError>] = ParallelMap.map(sources.count, threads: jobs, done: done) { index in
            do throws(PathEngine.QueryError) {
                return .success(try answer(sources[index], on: engine))
            } catch {
                return .failure(error)
            }
        }
        var rows: [PairVerdict] = []
        var failures: [(source: String, error: PathEngine.QueryError)] = []
        for (index, answer) in answers.enumerated() {
            switch answer {
            case let .success(pairs):
                rows += pairs
            case let .failure(error):
                switch error {
                case .pathCountOverflow, .shortestPathCountOverflow:
                    failures.append((engine.network.nodeIDs[sources[index]], error))
                case .patternTooShort, .unknownKind, .unknownLabel, .maxLengthOutOfRange, .nodeOutOfRange, .patternLongerThanMaxLength:
                    throw error
                }
            }
        }
        return Outcome(rows: rows, failures: failures)
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
