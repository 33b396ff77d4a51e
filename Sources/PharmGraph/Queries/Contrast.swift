/// One effects query run under each value of a context key (`effects --contrast KEY=V1,V2,…`), and the
/// targets whose verdict changes between them (docs/queries.md, "Contrasts").
public struct Contrast: Sendable {
    public let key: String
    public let values: [String]
    /// Per value, in order: the filter used, the targets reached, and whether the search stopped early.
    public let runs: [Run]
    /// The targets reached under some value whose verdict is not the same under all, in the order first reached.
    public let changed: [NodeIndex]
    /// How many targets reached under some value keep one verdict under all.
    public let unchanged: Int

    /// One value's answer.
    public struct Run: Sendable {
        public let value: String
        public let filter: ContextFilter
        public let reports: [TargetReport]
        public let partial: Bool

        /// The report of `target`, if reached.
        func report(_ target: NodeIndex) -> TargetReport? { reports.first { $0.target == target } }

        /// The verdict for `target`: `none` when not reached, undetermined when partial.
        public func finding(_ target: NodeIndex) -> Finding {
            guard let report = report(target) else { return partial ? .undetermined : .verdict(.none) }
            return report.finding(partial: partial)
        }
    }
}

extension TargetReport {
    /// The path that decides the verdict: the assessment's headline, else the shortest.
    var deciding: NetworkPath { assessment?.headline ?? shortest }
}

extension PathEngine {
    /// Runs `query` (an `effects` query: `reach`, with the feedback analysis) once per value of `key`, each time with
    /// the query's filter and `key=value` added, and compares the verdicts.
    public func contrast(_ query: PathQuery, key: String, values: [String]) throws(QueryError) -> Contrast {
        var runs: [Contrast.Run] = []
        for value in values {
            var each = query
            each.traversal.filter.required[key] = value
            var (reports, partial) = try reach(each, assess: true)
            try assessFeedback(each, reports: &reports, partial: partial)
            runs.append(Contrast.Run(value: value, filter: each.traversal.filter, reports: reports, partial: partial))
        }
        var order: [NodeIndex] = []
        var seen = Set<NodeIndex>()
        for run in runs {
            for report in run.reports where seen.insert(report.target).inserted { order.append(report.target) }
        }
        let changed = order.filter { target in Set(runs.map { $0.finding(target) }).count > 1 }
        return Contrast(key: key, values: values, runs: runs, changed: changed, unchanged: order.count - changed.count)
    }
}
