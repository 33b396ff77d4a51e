import Foundation

/// One path in JSON output: `nodes`, `relations`, `sign`, `length`, and for curated graphs `refs`.
struct PathJSON: Encodable, Sendable, Equatable {
    var nodes: [String]
    var relations: [String]
    var sign: String
    var length: Int
    /// Reference keys per hop (curated graphs only).
    var refs: [[String]]?

    init(_ path: NetworkPath, network: Network) {
        let formatter = PathFormatter(network: network)
        nodes = formatter.nodeIDs(path)
        relations = formatter.relations(path)
        sign = path.sign.rawValue
        length = path.length
        refs = network.graph == nil ? nil : formatter.references(path)
    }
}

/// Counts by sign in JSON output.
struct SignCountsJSON: Encodable, Sendable, Equatable {
    var positive: Int
    var negative: Int
    var unknown: Int

    init(_ counts: SignCounts) {
        positive = counts.positive
        negative = counts.negative
        unknown = counts.unknown
    }
}

/// The answer of a path query, ready to be written as text, TSV or JSON (docs/queries.md).
public struct PathsReport: Sendable {
    static let schema = "pharmgraph-paths/2"

    public let network: Network
    public let sources: [NodeIndex]
    public let targets: [NodeIndex]
    public let maxLength: Int
    public let result: PathReport
    /// The paths printed: the first `shown` of the result's.
    public let shown: [NetworkPath]
    public let provenance: Provenance
    /// Why a complete `none` found no path (`PathEngine.explain`), if given.
    public let explanation: EmptyReason?
    /// What the query's context filter left out, when it has one.
    let filter: FilterSummary?
    /// Whether the text is the raw counts' alone, as before the verdict semantics (`--raw`).
    public var raw = false
    /// The paths shown are the k shortest (`PathEngine.kShortest`), so the summary says `showing the k shortest`.
    public var kShortest = false
    /// The query's clamped nodes (`--do`).
    public let interventions: [Intervention]
    /// The answers in the contexts the query leaves out, where they differ (`PathEngine.contextAlternatives`).
    public let alternatives: [EmptyReason.ContextOpening]

    /// `shown`: how many of the result's paths are printed; `explanation`: why there is none;
    /// `alternatives`: what other contexts give, for a non-empty answer.
    public init(
        network: Network, query: PathQuery, result: PathReport, shown: Int, provenance: Provenance, explanation: EmptyReason? = nil,
        alternatives: [EmptyReason.ContextOpening] = []
    ) {
        self.network = network
        sources = query.sources
        targets = query.targets
        maxLength = query.maxLength
        self.result = result
        self.shown = Array(result.paths.prefix(shown))
        self.provenance = provenance
        self.explanation = explanation
        filter = FilterSummary(query.traversal.filter, in: network)
        interventions = query.interventions
        self.alternatives = explanation == nil ? alternatives : []
    }

    /// The explanation in words, if any.
    var explanationText: String? {
        explanation.map { $0.description(sources: sources, targets: targets, network: network) }
    }

    /// `12 paths: 10 positive, 1 negative, 1 unknown; verdict: mixed`; with an assessment, its verdict and certainty;
    /// without `verdict` (under the reading line, which states it), the counts alone.
    static func summary(_ counts: SignCounts, partial: Bool = false, assessment: Assessment? = nil, verdict: Bool = true) -> String {
        let found = "\(Plural.count(counts.total, "path")): \(counts.positive) positive, \(counts.negative) negative, \(counts.unknown) unknown"
        guard verdict else { return partial ? "at least \(found) (so far)" : found }
        if partial { return "at least \(found) (so far); verdict: \(Finding.undetermined.rawValue)" }
        guard let assessment else { return "\(found); verdict: \(counts.verdict.rawValue)" }
        return "\(found); verdict: \(assessment.verdict.rawValue)" + (assessment.certainty.map { " (\($0.rawValue))" } ?? "")
    }

    /// The line that says why a partial result stopped and what its numbers mean.
    public static func partialLine(_ report: PathReport, hints: LimitHints) -> String {
        "partial: " + hints.stopReason(report.stop, work: report.work) + "; " + LimitHints.lowerBoundNote
    }

    /// The summary, and for a partial result why it stopped: the last lines of the text, the stderr of TSV. Under the
    /// reading line (`readingLines`), the counts line leaves out the verdict and the mechanisms line a count it states.
    public func summaryLines(hints: LimitHints = .library, showing: Bool, underReading: Bool = false) -> String {
        let assessment = raw ? nil : result.assessment
        var summary = Self.summary(result.counts, partial: result.partial, assessment: assessment, verdict: !underReading)
        if showing, shown.count < result.counts.total, !shown.isEmpty {
            summary += kShortest ? " (showing the \(shown.count) shortest of \(result.counts.total))" : " (showing \(shown.count))"
        }
        if let assessment {
            var lines = AssessmentText(network: network).lines(assessment)
            if underReading, let stated = readingMechanisms, stated == assessment.mechanisms?.count {
                lines.removeAll { $0.hasPrefix("mechanisms: ") }
            }
            // The one path, printed above, is its own headline.
            if underReading, showing, shown.count == 1, result.counts.total == 1 { lines.removeAll { $0.hasPrefix("headline: ") } }
            summary += lines.map { "\n" + $0 }.joined()
        }
        if result.partial { summary += "\n" + Self.partialLine(result, hints: hints) }
        if let filter { summary += "\n" + filter.line(hints: hints) }
        if let line = Intervention.line(interventions, network: network) { summary += "\n" + line }
        if !raw, let feedback = result.assessment?.feedback { summary += "\n" + feedback.description(network: network) }
        if !alternatives.isEmpty { summary += "\nin other contexts: " + alternatives.map(\.words).joined(separator: "; ") }
        if let explanationText { summary += "\n" + explanationText }
        return summary + "\n"
    }

    /// One line per path, then the summary (and the explanation of an empty answer).
    public func text(hints: LimitHints = .library) -> String {
        let formatter = PathFormatter(network: network)
        return shown.map { formatter.line($0) + "\n" }.joined() + summaryLines(hints: hints, showing: true)
    }

    /// The explanation of an empty answer in JSON: a machine word and the text.
    struct ExplanationJSON: Encodable, Sendable, Equatable {
        var reason: String
        var text: String
    }

    static let tsvHeader = "sign\tlength\tnodes\trelations\trefs"

    /// A header and one row per path; every id, relation and key escaped with `DisplayText.tsv`, so none splits a column or a list.
    public var tsv: String {
        let formatter = PathFormatter(network: network)
        let rows = shown.map { path in
            [
                path.sign.rawValue, String(path.length),
                formatter.nodeIDs(path).map { DisplayText.tsv($0) }.joined(separator: " "),
                formatter.relations(path).map { DisplayText.tsv($0) }.joined(separator: " "),
                formatter.references(path).map { $0.map { DisplayText.tsv($0, also: [","]) }.joined(separator: ",") }
                    .joined(separator: " "),
            ].joined(separator: "\t")
        }
        return ([Self.tsvHeader] + rows).joined(separator: "\n") + "\n"
    }

    /// The header of `paths --batch`: one summary row per query follows.
    public static let batchHeader = "from\tto\ttotal\tpositive\tnegative\tunknown\tverdict\tshortest\tpartial\traw_verdict\tcertainty"

    /// One summary row of `paths --batch` (`BatchVerdictsReport.tsvRow`): the names as given, the counts, the (tiered)
    /// verdict, the shortest length (`-` for none), whether partial, the raw counts' verdict and the verdict's certainty.
    public static func batchRow(from: String, to: String, _ result: PathReport) -> String {
        BatchVerdictsReport.tsvRow(PairVerdict(from: from, to: to, result))
    }

    /// The JSON document of `paths --format json`.
    struct JSON: Encodable, Sendable, Equatable {
        var schemaVersion = PathsReport.schema
        var provenance: Provenance
        var from: [String]
        var to: [String]
        var maxLength: Int
        var total: Int
        var bySign: SignCountsJSON
        var verdict: String
        /// The verdict in words, its stance and the targets' valence, as in `effects` rows (docs/queries.md, "Reading verdicts").
        var reading: String
        var stance: String
        var valence: JSONNullable
        var partial: Bool
        var paths: [PathJSON]
        var explanation: ExplanationJSON?
        /// What the context filter left out (only with a filter).
        var filter: FilterSummary.JSON?
        /// The verdict semantics' fields, beside the others (absent when partial).
        var assessment: AssessmentJSON?
        /// The clamped nodes (only with `--do`).
        var interventions: [InterventionJSON]?
        /// Unbalanced feedback loops on the way (only when found).
        var feedback: FeedbackJSON?
        /// The answers in the contexts the query leaves out, where they differ (only when some do).
        var otherContexts: [ContextJSON]?

        enum CodingKeys: String, CodingKey {
            case provenance, from, to, total, verdict, partial, paths, explanation, filter, interventions, feedback
            case reading, stance, valence
            case schemaVersion = "schema_version"
            case maxLength = "max_length"
            case bySign = "by_sign"
            case otherContexts = "other_contexts"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(schemaVersion, forKey: .schemaVersion)
            try c.encode(provenance, forKey: .provenance)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(maxLength, forKey: .maxLength)
            try c.encode(total, forKey: .total)
            try c.encode(bySign, forKey: .bySign)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(reading, forKey: .reading)
            try c.encode(stance, forKey: .stance)
            try c.encode(valence, forKey: .valence)
            try c.encode(partial, forKey: .partial)
            try c.encode(paths, forKey: .paths)
            try c.encodeIfPresent(explanation, forKey: .explanation)
            try c.encodeIfPresent(filter, forKey: .filter)
            try c.encodeIfPresent(interventions, forKey: .interventions)
            try c.encodeIfPresent(feedback, forKey: .feedback)
            try c.encodeIfPresent(otherContexts, forKey: .otherContexts)
            try assessment?.encode(to: encoder)
        }
    }

    /// One context left out, in JSON: `key`, `value`, `type`, `total`, `by_sign`, `verdict` (tiered), `certainty`,
    /// `raw_verdict`, `partial`.
    struct ContextJSON: Encodable, Sendable, Equatable {
        var key: String
        var value: String
        var type: String
        var total: Int
        var bySign: SignCountsJSON
        var verdict: String
        var certainty: JSONNullable
        var rawVerdict: String
        var partial: Bool

        enum CodingKeys: String, CodingKey {
            case key, value, type, total, verdict, certainty, partial
            case bySign = "by_sign"
            case rawVerdict = "raw_verdict"
        }

        init(_ opening: EmptyReason.ContextOpening) {
            key = opening.key
            value = opening.value
            type = opening.kind.rawValue
            total = opening.counts.total
            bySign = SignCountsJSON(opening.counts)
            verdict = opening.atLeast ? Finding.undetermined.rawValue : opening.verdict.rawValue
            certainty = JSONNullable(opening.atLeast ? nil : opening.certainty?.rawValue)
            rawVerdict = Finding(opening.counts, partial: opening.atLeast).rawValue
            partial = opening.atLeast
        }
    }

    var json: JSON {
        let reading = Reading(result.tieredFinding, subject: Reading.subject(of: targets, in: network))
        return JSON(
            provenance: provenance, from: sources.map { network.nodeIDs[$0] }, to: targets.map { network.nodeIDs[$0] },
            maxLength: maxLength, total: result.counts.total, bySign: SignCountsJSON(result.counts),
            verdict: result.tieredFinding.rawValue, reading: reading.phrase(result.assessment),
            stance: reading.stance.rawValue, valence: JSONNullable(reading.valence?.rawValue), partial: result.partial,
            paths: shown.map { PathJSON($0, network: network) },
            explanation: explanation.map { ExplanationJSON(reason: $0.word, text: explanationText ?? "") }, filter: filter?.json,
            assessment: result.assessment.map { AssessmentJSON($0, network: network) },
            interventions: interventions.isEmpty ? nil : interventions.map { InterventionJSON($0, network: network) },
            feedback: result.assessment?.feedback.map { FeedbackJSON($0, network: network) },
            otherContexts: alternatives.isEmpty ? nil : alternatives.map(ContextJSON.init))
    }
}

/// Every node a query reaches (effects of a drug, or drugs of an effect), each with its verdict and shortest path.
public struct ReachReport: Sendable {
    static let schema = "pharmgraph-reach/2"

    /// `effects` walks forward from the drugs; `causes` walks back from the effects.
    public enum Direction: Sendable { case effects, causes }

    public let network: Network
    public let direction: Direction
    /// The drugs (effects) or the effects (causes) the query starts from.
    public let start: [NodeIndex]
    public let maxLength: Int
    public let reached: [TargetReport]
    /// The search stopped early, so every verdict is undetermined.
    public let partial: Bool
    public let provenance: Provenance
    /// What the query's context filter left out, when it has one.
    let filter: FilterSummary?
    /// Whether the text is the raw counts' alone, as before the verdict semantics (`--raw`).
    public var raw = false
    /// For an enantiomer's `effects`: what it inherits from its racemate (`PathEngine.inherited`).
    public let inherited: Inheritance?
    /// The query's clamped nodes (`--do`).
    public let interventions: [Intervention]
    /// `effects`: the targets reached only in a context the query leaves out (`PathEngine.conditionalReach`).
    public var conditional: [ConditionalReach] = []
    /// How many of those contexts' searches stopped early.
    public var conditionalStopped = 0
    /// Why nothing was reached, for a complete answer with no row (`explainEmpty`).
    public internal(set) var emptyAnswer: EmptyAnswer?

    /// The reason an `effects` or `causes` query reached nothing, with the query's two ends.
    public struct EmptyAnswer: Sendable {
        public let reason: EmptyReason
        /// The query's sources (the drugs) and targets (the effects), in the direction of the paths.
        public let sources: [NodeIndex]
        public let targets: [NodeIndex]
    }

    /// Explains an answer with no row: `reason`, for the search from `sources` to `targets` (`PathEngine.explain`).
    public mutating func explainEmpty(_ reason: EmptyReason?, sources: [NodeIndex], targets: [NodeIndex]) {
        guard reached.isEmpty, !partial, let reason else { return }
        emptyAnswer = EmptyAnswer(reason: reason, sources: sources, targets: targets)
    }

    /// The empty answer in words: the reason, and for `causes` when nothing leads into the effect, that too.
    var emptyAnswerText: String? {
        guard let emptyAnswer else { return nil }
        var text = emptyAnswer.reason.description(sources: emptyAnswer.sources, targets: emptyAnswer.targets, network: network)
        if direction == .causes, case let .unreachable(walk) = emptyAnswer.reason, !walk.undirected {
            let targets = Set(emptyAnswer.targets)
            if !network.edgeIndices.contains(where: { targets.contains(network.edge($0).to) }) {
                text += "; no edge in the graph points into \(EmptyReason.names(emptyAnswer.targets, network))"
            }
        }
        return text
    }

    public init(
        network: Network, direction: Direction, start: [NodeIndex], maxLength: Int, reached: [TargetReport], partial: Bool,
        provenance: Provenance, filter: ContextFilter = ContextFilter(), inherited: Inheritance? = nil,
        interventions: [Intervention] = []
    ) {
        self.network = network
        self.direction = direction
        self.start = start
        self.maxLength = maxLength
        self.reached = reached
        self.partial = partial
        self.provenance = provenance
        self.filter = FilterSummary(filter, in: network)
        self.inherited = inherited
        self.interventions = interventions
    }

    /// One node reached in JSON output.
    struct Row: Encodable, Sendable, Equatable {
        var id: String
        var label: String
        var kind: String
        var verdict: String
        var total: Int
        var bySign: SignCountsJSON
        var shortest: PathJSON
        /// The verdict semantics' fields, beside the others (absent when partial).
        var assessment: AssessmentJSON?
        /// The verdict in words, its stance and the node's valence (docs/queries.md, "Reading verdicts"); `strength`
        /// (`causes`) and `own_verdict` (inherited rows) only there. Filled by `ReachReport.read(_:_:partial:layout:)`.
        var reading = ""
        var stance = ""
        var valence = JSONNullable(nil)
        var strength: JSONNullable?
        var ownVerdict: String?
        /// Unbalanced feedback loops on the way (only when found).
        var feedback: FeedbackJSON?

        enum CodingKeys: String, CodingKey {
            case id, label, kind, verdict, total, shortest, feedback
            case bySign = "by_sign"
            case reading, stance, valence, strength
            case ownVerdict = "own_verdict"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(label, forKey: .label)
            try c.encode(kind, forKey: .kind)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(total, forKey: .total)
            try c.encode(bySign, forKey: .bySign)
            try c.encode(shortest, forKey: .shortest)
            try c.encode(reading, forKey: .reading)
            try c.encode(stance, forKey: .stance)
            try c.encode(valence, forKey: .valence)
            try c.encodeIfPresent(strength, forKey: .strength)
            try c.encodeIfPresent(ownVerdict, forKey: .ownVerdict)
            try c.encodeIfPresent(feedback, forKey: .feedback)
            try assessment?.encode(to: encoder)
        }
    }

    /// The JSON document of `effects` (with `from`) and `causes` (with `to`).
    struct JSON: Encodable, Sendable, Equatable {
        var schemaVersion = ReachReport.schema
        var provenance: Provenance
        var from: [String]?
        var to: [String]?
        var maxLength: Int
        var partial: Bool
        var reached: [Row]
        /// What the context filter left out (only with a filter).
        var filter: FilterSummary.JSON?
        /// For an enantiomer's `effects`: the rows inherited from its racemate.
        var inherited: InheritedJSON?
        /// The clamped nodes (only with `--do`).
        var interventions: [InterventionJSON]?
        /// `effects`: the targets reached only in another context, one entry per target and context (only when some are).
        var conditional: [ConditionalJSON]?
        /// How many other contexts' searches stopped early (only when some did).
        var conditionalStopped: Int?
        /// Why nothing was reached (only for a complete answer with no row).
        var explanation: PathsReport.ExplanationJSON?

        enum CodingKeys: String, CodingKey {
            case provenance, from, to, partial, reached, filter, inherited, interventions, conditional, explanation
            case schemaVersion = "schema_version"
            case maxLength = "max_length"
            case conditionalStopped = "conditional_stopped"
        }
    }

    /// A target reached only in another context, in JSON: `id`, `key`, `value`, `type`, `verdict` (tiered),
    /// `certainty`, `reading`, `total`, `by_sign`.
    struct ConditionalJSON: Encodable, Sendable, Equatable {
        var id: String
        var key: String
        var value: String
        var type: String
        var verdict: String
        var certainty: JSONNullable
        var reading: String
        var total: Int
        var bySign: SignCountsJSON

        enum CodingKeys: String, CodingKey {
            case id, key, value, type, verdict, certainty, reading, total
            case bySign = "by_sign"
        }

        init(_ reach: ConditionalReach, network: Network) {
            id = network.nodeIDs[reach.report.target]
            (key, value, type) = (reach.key, reach.value, reach.kind.rawValue)
            verdict = reach.verdict.rawValue
            let abstains = reach.report.assessment?.feedback?.abstains == true
            certainty = JSONNullable(abstains ? nil : reach.report.assessment?.certainty?.rawValue)
            reading = Reading(.verdict(reach.verdict), subject: Reading.subject(of: reach.report.target, in: network))
                .phrase(reach.report.assessment)
            total = reach.report.counts.total
            bySign = SignCountsJSON(reach.report.counts)
        }
    }

    /// The JSON row of one node reached; `layout` gives its reading (made once per report).
    func row(_ report: TargetReport, partial: Bool, layout: ReadingLayout) -> Row {
        let node = network.node(report.target)
        var row = Row(
            id: node.id, label: node.label, kind: node.kind,
            verdict: finding(report, partial: partial).rawValue, total: report.counts.total,
            bySign: SignCountsJSON(report.counts), shortest: PathJSON(report.shortest, network: network),
            assessment: partial ? nil : report.assessment.map { AssessmentJSON($0, network: network) },
            feedback: report.assessment?.feedback.map { FeedbackJSON($0, network: network) })
        read(&row, report, partial: partial, layout: layout)
        return row
    }

    var json: JSON {
        let layout = ReadingLayout(report: self)
        let rows = (direction == .causes ? readingOrder : reached).map { row($0, partial: partial, layout: layout) }
        let ids = start.map { network.nodeIDs[$0] }
        return JSON(
            provenance: provenance, from: direction == .effects ? ids : nil, to: direction == .causes ? ids : nil,
            maxLength: maxLength, partial: partial, reached: rows, filter: filter?.json, inherited: inheritedJSON(layout),
            interventions: interventions.isEmpty ? nil : interventions.map { InterventionJSON($0, network: network) },
            conditional: conditional.isEmpty ? nil : conditional.map { ConditionalJSON($0, network: network) },
            conditionalStopped: conditionalStopped > 0 ? conditionalStopped : nil,
            explanation: emptyAnswer.map { PathsReport.ExplanationJSON(reason: $0.reason.word, text: emptyAnswerText ?? "") })
    }

    /// A target's verdict: undetermined when partial, else the tiered verdict (the raw one when not assessed).
    func finding(_ report: TargetReport, partial: Bool? = nil) -> Finding {
        report.finding(partial: partial ?? self.partial)
    }

    /// An aligned table (node, verdict, counts, shortest path) and, for a partial search, what it means.
    public func text(hints: LimitHints = .library) -> String {
        let heading = direction == .effects ? "effect" : "drug"
        let formatter = PathFormatter(network: network)
        let ids = reached.map { DisplayText.escaped(network.nodeIDs[$0.target]) }
        let width = max(heading.count, ids.map(\.count).max() ?? 0)
        func pad(_ text: String, _ n: Int) -> String { text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0) }
        func leftPad(_ n: Int) -> String {
            let text = String(n)
            return String(repeating: " ", count: max(0, 5 - text.count)) + text
        }
        let verdictWidth = partial ? Finding.undetermined.rawValue.count : 8
        var lines = [pad(heading, width) + "  " + pad("verdict", verdictWidth) + "    +     -     ?  shortest path"]
        for (report, id) in zip(reached, ids) {
            let c = report.counts
            let counts = [c.positive, c.negative, c.unknown].map(leftPad).joined(separator: " ")
            let finding = raw ? Finding(c, partial: partial).rawValue : self.finding(report).rawValue
            lines.append("\(pad(id, width))  \(pad(finding, verdictWidth)) \(counts)  \(formatter.describe(report.shortest))")
            if !raw, !partial, let assessment = report.assessment, let line = AssessmentText(network: network).targetLine(assessment) {
                lines.append(String(repeating: " ", count: width + 2) + line)
            }
        }
        var out = lines.joined(separator: "\n") + "\n"
        if partial {
            out += "partial: the search stopped at its work budget or timeout (\(hints.boundOptions)); "
            out += LimitHints.lowerBoundNote + "; nodes not listed may still be reached\n"
        }
        if let filter { out += filter.line(hints: hints) + "\n" }
        return out + (raw ? Intervention.line(interventions, network: network).map { $0 + "\n" } ?? "" : closingLines)
    }

    /// The interventions line and each target's feedback finding, closing the text.
    var closingLines: String {
        var out = Intervention.line(interventions, network: network).map { $0 + "\n" } ?? ""
        for report in reached {
            if let feedback = report.assessment?.feedback {
                out += "\(DisplayText.escaped(network.nodeIDs[report.target])): " + feedback.description(network: network) + "\n"
            }
        }
        return out
    }
}
