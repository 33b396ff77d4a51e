/// A target an `effects` query reaches only in a context it leaves out: when it asserts a condition, or names an
/// ordinal level outside the range it covers (docs/queries.md, "Contexts").
public struct ConditionalReach: Sendable {
    /// The context term that opens the target.
    public internal(set) var key: String
    public internal(set) var value: String
    /// `.condition` or `.ordinal`.
    public internal(set) var kind: ContextDeclaration.Kind
    /// The target's answer with that term added: counts, and the tiered verdict after the feedback analysis.
    public internal(set) var report: TargetReport

    init(key: String, value: String, kind: ContextDeclaration.Kind, report: TargetReport) {
        (self.key, self.value, self.kind, self.report) = (key, value, kind, report)
    }

    /// The verdict: the assessment's (tiered, after feedback), else the raw counts'.
    public var verdict: Verdict { report.assessment?.verdict ?? report.counts.verdict }
}

extension PathEngine {
    /// The targets of `query` (an `effects` query) missing from its complete answer `reached`, but reached when one
    /// term of `contextOpenings` is added: one `reach` per such term, assessed and with the feedback analysis as
    /// `effects` does, under one explanation's budget each; `stopped` counts the terms whose search stopped early.
    ///
    /// In the order of the terms, then of each answer's targets; nothing for a partial answer.
    public func conditionalReach(
        _ query: PathQuery, reached: [TargetReport], partial: Bool
    ) throws(QueryError) -> (reaches: [ConditionalReach], stopped: Int) {
        guard !partial else { return ([], 0) }
        let seen = Set(reached.map(\.target))
        let probe = Self.probe(query)
        var reaches: [ConditionalReach] = []
        var stopped = 0
        for (key, value, kind) in contextOpenings(query.traversal) {
            var opened = probe
            opened.traversal.filter.required[key] = value
            var (reports, stop) = try reach(opened, assess: true)
            if stop {
                stopped += 1
                continue
            }
            try assessFeedback(opened, reports: &reports, partial: false)
            for report in reports where !seen.contains(report.target) {
                reaches.append(ConditionalReach(key: key, value: value, kind: kind, report: report))
            }
        }
        return (reaches, stopped)
    }
}
