/// Checks a graph's claims against its paths: each claim's verdict must be what the paths give.
enum ClaimVerifier {
    enum Message {
        static func unmet(_ claim: Claim, verdict: Verdict, counts: SignCounts, partial: Bool = false) -> String {
            var text = "claim '\(claim.from)' -> '\(claim.to)'"
            if let via = claim.via { text += " via '\(via)'" }
            if partial {
                text += " expects \(claim.expect.rawValue), but the paths found before the search stopped already rule it out"
                text += " (at least \(counts.positive) positive"
            } else {
                text += " expects \(claim.expect.rawValue), but the paths give \(verdict.rawValue)"
                text += " (\(counts.positive) positive"
            }
            text += ", \(counts.negative) negative, \(counts.unknown) unknown"
            text += " within \(claim.maxLength ?? PathQuery.defaultMaxLength) steps)"
            return text
        }

        static func tooWeak(_ claim: Claim, certainty: Certainty, wanted: Certainty) -> String {
            var text = "claim '\(claim.from)' -> '\(claim.to)'"
            if let via = claim.via { text += " via '\(via)'" }
            text += " expects \(claim.expect.rawValue) with at least \(wanted.rawValue) certainty,"
            text += " but its firmest signed paths are \(certainty.rawValue)"
            return text
        }

        static func undecided(_ claim: Claim, report: PathReport) -> String {
            let counts = report.counts
            var text = "claim '\(claim.from)' -> '\(claim.to)'"
            if let via = claim.via { text += " via '\(via)'" }
            text += " could not be decided: the search stopped at its \(stopWords(report)) after finding"
            text += " \(counts.positive) positive, \(counts.negative) negative, \(counts.unknown) unknown"
            text += " within \(claim.maxLength ?? PathQuery.defaultMaxLength) steps;"
            text += " those are lower bounds, so the verdict is undetermined (expected \(claim.expect.rawValue))"
            return text
        }

        static func stopWords(_ report: PathReport) -> String {
            switch report.stop {
            case .workBudget?: "work budget (\(report.work) search steps)"
            case .timeout?, nil: "timeout"
            }
        }
    }

    /// How many contradicting paths a diagnostic lists.
    static let listedPaths = 5

    /// One error per unmet claim, at the claim, with the paths that contradict it as notes; and
    /// one per claim that the search could not decide within `limits` (each claim has its own budget).
    ///
    /// A search stopped early still decides a claim its paths so far refute (a negative path
    /// refutes `positive`), and `mixed` once both signs are found; anything else is undecided.
    static func verify(_ graph: Graph, engine: PathEngine? = nil, limits: SearchLimits = .standard) -> [Diagnostic] {
        let engine = engine ?? PathEngine(graph: graph)
        let network = engine.network
        let formatter = PathFormatter(network: network)
        var out: [Diagnostic] = []
        for claim in graph.claims {
            guard var query = query(for: claim, in: network) else { continue }
            limits.apply(to: &query)
            let location = claim.location ?? SourceLocation(file: graph.id, line: 1, column: 1)
            var report: PathReport
            do {
                report = try engine.paths(query, limit: 1_000)
            } catch {
                out.append(Diagnostic(.error, "claim '\(claim.from)' -> '\(claim.to)': \(error.description)", at: location))
                continue
            }
            if report.partial {
                // Partial counts settle a claim only where tiers cannot change it: one certainty level in the graph.
                let decided = VerdictRules.levels(of: network).count == 1 ? decidedEarly(claim.expect, report.counts) : nil
                switch decided {
                case true?: continue
                case false?:
                    out.append(unmet(claim, report: report, at: location, formatter: formatter))
                    continue
                case nil:
                    out.append(Diagnostic(.error, Message.undecided(claim, report: report), at: location))
                    continue
                }
            }
            var why: String?
            do {
                try engine.assess(query, &report)
                try engine.assessFeedback(query, report: &report)
                if report.counts.total == 0, let reason = try engine.explain(query, result: report) {
                    why = reason.description(sources: query.sources, targets: query.targets, network: network)
                }
            } catch {
                out.append(Diagnostic(.error, "claim '\(claim.from)' -> '\(claim.to)': \(error.description)", at: location))
                continue
            }
            guard let assessment = report.assessment else { continue }
            if assessment.verdict != claim.expect {
                out.append(unmet(claim, report: report, at: location, formatter: formatter, why: why))
            } else if let wanted = claim.certainty, let certainty = assessment.certainty, certainty > wanted {
                let text = AssessmentText(network: network)
                var notes = assessment.headline.map { ["its best path: \(formatter.describe($0))"] } ?? []
                notes += assessment.caveats.map { "caveat: " + text.caveat($0, enumerated: assessment.enumerated) }
                out.append(Diagnostic(.error, Message.tooWeak(claim, certainty: certainty, wanted: wanted), at: location, notes: notes))
            }
        }
        return out
    }

    /// The error of a claim whose verdict differs, with the paths that contradict it and, when
    /// assessed, the tier that decides, the deciding edges of a mixed verdict and the caveats.
    /// `why`: what explains an empty answer (`PathEngine.explain`), when it is one.
    static func unmet(
        _ claim: Claim, report: PathReport, at location: SourceLocation, formatter: PathFormatter, why: String? = nil
    ) -> Diagnostic {
        let assessment = report.assessment
        let verdict = assessment?.verdict ?? report.verdict
        var paths = report.paths
        if let assessment, let certainty = assessment.certainty {
            // Only the deciding tier's paths contradict the tiered verdict.
            let rules = VerdictRules(network: formatter.network, places: [])
            paths = paths.filter { rules.tier(of: $0) == certainty }
        }
        let contradicting = contradictions(of: claim.expect, in: paths)
        var notes = contradicting.prefix(listedPaths).map { "\(signWord($0.sign)) path: \(formatter.describe($0))" }
        let total = assessment == nil ? contradictionCount(of: claim.expect, in: report.counts) : contradicting.count
        if total > notes.count { notes.append("and \(total - notes.count) more") }
        if report.counts.total == 0 { notes.append(why ?? "no path within the maximum length") }
        if claim.expect == .mixed {
            if report.counts.positive == 0 { notes.append("no positive path") }
            if report.counts.negative == 0 { notes.append("no negative path") }
        }
        if let assessment {
            let text = AssessmentText(network: formatter.network)
            if let certainty = assessment.certainty, assessment.tiers.count > 1 {
                notes.append("the verdict is that of the \(certainty.rawValue) paths, the firmest with a sign")
            }
            notes += text.lines(assessment).filter { $0.hasPrefix("deciding:") || $0.hasPrefix("caveat:") }
            if assessment.verdict == .unknown { notes.append("unsigned routes never decide a verdict") }
            if let feedback = assessment.feedback, feedback.abstains { notes.append(feedback.description(network: formatter.network)) }
        }
        return Diagnostic(
            .error, Message.unmet(claim, verdict: verdict, counts: report.counts, partial: report.partial), at: location, notes: notes)
    }

    /// Whether partial counts already settle `expected`: true (it holds), false (it fails), nil (undecided).
    static func decidedEarly(_ expected: Verdict, _ counts: SignCounts) -> Bool? {
        if expected == .mixed { return counts.verdict == .mixed ? true : nil }
        return contradictionCount(of: expected, in: counts) > 0 ? false : nil
    }

    /// The path query a claim stands for; `nil` when it names a node the network lacks.
    static func query(for claim: Claim, in network: Network) -> PathQuery? {
        guard let from = network.index(of: claim.from), let to = network.index(of: claim.to) else { return nil }
        return PathQuery(
            sources: [from], targets: [to], maxLength: claim.maxLength ?? PathQuery.defaultMaxLength,
            via: claim.via.flatMap(network.index(of:)).map { [$0] }, avoid: claim.avoid.compactMap(network.index(of:)),
            traversal: TraversalOptions(filter: ContextFilter(claim.context)))
    }

    /// The paths that speak against `expected`.
    static func contradictions(of expected: Verdict, in paths: [NetworkPath]) -> [NetworkPath] {
        switch expected {
        case .positive: paths.filter { $0.sign == .negative }
        case .negative: paths.filter { $0.sign == .positive }
        case .unknown, .none: paths.filter { $0.sign != .unknown || expected == .none }
        case .mixed: []
        }
    }

    /// How many paths in all speak against `expected`.
    static func contradictionCount(of expected: Verdict, in counts: SignCounts) -> Int {
        switch expected {
        case .positive: counts.negative
        case .negative: counts.positive
        case .unknown: counts.positive + counts.negative
        case .none: counts.total
        case .mixed: 0
        }
    }

    private static func signWord(_ sign: Sign) -> String {
        switch sign {
        case .positive: "positive"
        case .negative: "negative"
        case .unknown, .none: "unknown-sign"
        }
    }
}
