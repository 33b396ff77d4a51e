/// How a verdict reads to a pharmacologist: words that know whether the target is a condition or an effect
/// (docs/queries.md, "Reading verdicts").
///
/// A − verdict on a condition *relieves/prevents* it and a + verdict *causes/worsens* it; on an effect (or any
/// other node) a + verdict *produces* it and a − verdict *reduces* it. `mixed`, `unknown`, `none` and a partial
/// search are abstentions: "no determinate effect: …".
struct Reading: Sendable, Equatable {
    /// Which way the drug acts on the target.
    enum Stance: String, Sendable, CaseIterable {
        /// A + verdict: causes/worsens a condition, produces an effect.
        case drives
        /// A − verdict: relieves/prevents a condition, reduces an effect.
        case counters
        /// No determinate verdict.
        case abstains
    }

    /// What the target is, for the words: a curated condition, a curated effect (with its valence), or anything else.
    enum Subject: Sendable, Equatable {
        case condition
        case effect(Valence?)
        /// Any other node, and every node of an imported network (no curated kinds or valence).
        case other
    }

    let finding: Finding
    let subject: Subject

    init(_ finding: Finding, subject: Subject) {
        self.finding = finding
        self.subject = subject
    }

    /// The subject of a node: curated `condition` and `effect` nodes; everything else (and imported networks) is `other`.
    static func subject(of node: NodeIndex, in network: Network) -> Subject {
        guard let graph = network.graph else { return .other }
        let node = graph.nodes[Int(node.rawValue)]
        switch node.kind {
        case .condition: return .condition
        case .effect: return .effect(node.valence)
        default: return .other
        }
    }

    /// The subject shared by a set of nodes: theirs when they agree (an effect's valence only when all share it), else `other`.
    static func subject(of nodes: [NodeIndex], in network: Network) -> Subject {
        let subjects = nodes.map { subject(of: $0, in: network) }
        guard let first = subjects.first else { return .other }
        if subjects.allSatisfy({ $0 == first }) { return first }
        if subjects.allSatisfy({ if case .effect = $0 { true } else { false } }) { return .effect(nil) }
        return .other
    }

    /// Whether the finding is a prediction (positive or negative) rather than an abstention.
    static func isDeterminate(_ finding: Finding) -> Bool {
        finding == .verdict(.positive) || finding == .verdict(.negative)
    }

    var stance: Stance {
        switch finding {
        case .verdict(.positive): .drives
        case .verdict(.negative): .counters
        case .verdict(.mixed), .verdict(.unknown), .verdict(.none), .undetermined: .abstains
        }
    }

    /// The valence of an effect, if it has one.
    var valence: Valence? {
        if case let .effect(valence) = subject { return valence }
        return nil
    }

    /// The short phrase of a table column: `relieves/prevents`, `causes/worsens`, `produces`, `reduces`, `no determinate effect`.
    var word: String {
        switch (stance, subject) {
        case (.drives, .condition): "causes/worsens"
        case (.counters, .condition): "relieves/prevents"
        case (.drives, _): "produces"
        case (.counters, _): "reduces"
        case (.abstains, _): "no determinate effect"
        }
    }

    /// Why an abstention abstains, in words; `nil` for a determinate finding.
    var reason: String? {
        switch finding {
        case .verdict(.positive), .verdict(.negative): nil
        case .verdict(.mixed): "evidence of both signs"
        case .verdict(.unknown): "only unsigned routes"
        case .verdict(.none): "no path"
        case .undetermined: "the search stopped early"
        }
    }

    /// The phrase JSON carries as `reading`: the word, and for an abstention its reason (`no determinate effect: only unsigned routes`).
    var phrase: String { reason.map { "\(word): \($0)" } ?? word }

    /// The JSON phrase of a finding with this assessment: a verdict a feedback loop makes abstain says so.
    func phrase(_ assessment: Assessment?) -> String {
        assessment?.feedback?.abstains == true ? "\(word): a feedback loop" : phrase
    }

    /// The verb of a sentence (`relieves or prevents`), third person singular or, with `plural`, plural; `nil` for an abstention.
    func verb(plural: Bool = false) -> String? {
        switch (stance, subject) {
        case (.drives, .condition): plural ? "cause or worsen" : "causes or worsens"
        case (.counters, .condition): plural ? "relieve or prevent" : "relieves or prevents"
        case (.drives, _): plural ? "produce" : "produces"
        case (.counters, _): plural ? "reduce" : "reduces"
        case (.abstains, _): nil
        }
    }

    /// The phrase of the other sign than the finding's, for a caveat: a + caveat of a − verdict on a condition is `causes/worsens`.
    func phrase(of sign: Sign) -> String {
        switch sign {
        case .positive: Reading(.verdict(.positive), subject: subject).word
        case .negative: Reading(.verdict(.negative), subject: subject).word
        case .unknown, .none: "unsigned"
        }
    }
}

/// The groups `effects` lists its rows in, in this order (docs/queries.md, "Reading verdicts").
enum ReadingGroup: Int, Sendable, CaseIterable, Comparable {
    case conditionsCountered
    case conditionsDriven
    case conditionsUndecided
    case therapeutic
    case adverse
    case neutral
    /// Curated effects without a valence.
    case effects
    /// Every other node, and every node of an imported network.
    case other

    /// The group of a row.
    init(_ reading: Reading) {
        switch reading.subject {
        case .condition:
            switch reading.stance {
            case .counters: self = .conditionsCountered
            case .drives: self = .conditionsDriven
            case .abstains: self = .conditionsUndecided
            }
        case let .effect(valence):
            switch valence {
            case .therapeutic: self = .therapeutic
            case .adverse: self = .adverse
            case .neutral: self = .neutral
            case nil: self = .effects
            }
        case .other: self = .other
        }
    }

    /// The title over the group's rows; `subject` names the drugs (`ketamine`), `plural` when several; `imported` for a network.
    func title(subject: String, plural: Bool, imported: Bool) -> String {
        switch self {
        case .conditionsCountered: "Conditions \(subject) \(plural ? "relieve or prevent" : "relieves or prevents")"
        case .conditionsDriven: "Conditions \(subject) \(plural ? "cause or worsen" : "causes or worsens")"
        case .conditionsUndecided: "Conditions without a determinate effect"
        case .therapeutic: "Therapeutic effects"
        case .adverse: "Adverse effects"
        case .neutral: "Neutral effects"
        case .effects: "Effects without a stated valence"
        case .other: imported ? "Nodes reached" : "Other nodes reached"
        }
    }

    static func < (a: ReadingGroup, b: ReadingGroup) -> Bool { a.rawValue < b.rawValue }
}

extension PathsReport {
    /// The summary in words, above the counts line: `ketamine relieves or prevents depression: negative, established;
    /// 112 negative paths in 4 mechanisms`, or for an abstention `no determinate effect of ketamine on hyperalgesia: mixed (…)`.
    /// Of several sources, it names those that have a path (all of them when none has, or when that is not known).
    var readingLine: String {
        let reading = Reading(result.tieredFinding, subject: Reading.subject(of: targets, in: network))
        let reaching = result.reachingSources.flatMap { $0.isEmpty ? nil : $0 } ?? sources
        let (from, plural) = Self.naming(reaching, in: network)
        let to = Self.naming(targets, in: network).text
        let c = result.counts
        let assessment = result.assessment
        guard let verb = reading.verb(plural: plural) else {
            let detail =
                switch reading.finding {
                case _ where assessment?.feedback?.abstains == true: "a feedback loop, below"
                case .verdict(.mixed): Self.mixedDetail(c, assessment: assessment)
                case .verdict(.unknown): "only unsigned routes"
                case .verdict(.positive), .verdict(.negative), .verdict(.none): "no path"
                case .undetermined: "the search stopped early"
                }
            return "no determinate effect of \(from) on \(to): \(reading.finding.rawValue) (\(detail))"
        }
        let sign: Sign = reading.stance == .drives ? .positive : .negative
        var text = "\(from) \(verb) \(to): \(reading.finding.rawValue)"
        if let certainty = assessment?.certainty { text += ", \(certainty.rawValue)" }
        text += "; \(Plural.count(sign == .positive ? c.positive : c.negative, "\(sign.rawValue) path"))"
        if let count = readingMechanisms { text += " in \(Plural.count(count, "mechanism"))" }
        return text
    }

    /// The paths a `mixed` verdict weighs: the top tier's when there are several tiers (`1 positive, 1 negative established paths`).
    static func mixedDetail(_ counts: SignCounts, assessment: Assessment?) -> String {
        guard let tiers = assessment?.tiers, tiers.count > 1,
            let top = tiers.first(where: { $0.counts.positive + $0.counts.negative > 0 })
        else { return "\(counts.positive) positive, \(counts.negative) negative paths" }
        return "\(top.counts.positive) positive, \(top.counts.negative) negative \(top.certainty.rawValue) paths"
    }

    /// How many mechanisms the reading line names: those of a determinate verdict's sign (`nil` for an abstention or none listed).
    var readingMechanisms: Int? {
        let reading = Reading(result.tieredFinding, subject: .other)
        guard reading.stance != .abstains, let mechanisms = result.assessment?.mechanisms else { return nil }
        let sign: Sign = reading.stance == .drives ? .positive : .negative
        return mechanisms.filter { $0.sign == sign }.count
    }

    /// Up to three ids (escaped), else `N nodes`; plural when several.
    static func naming(_ nodes: [NodeIndex], in network: Network) -> (text: String, plural: Bool) {
        if nodes.count <= 3 { return (nodes.map { DisplayText.escaped(network.nodeIDs[$0]) }.joined(separator: ", "), nodes.count > 1) }
        return (Plural.count(nodes.count, "node"), true)
    }

    /// The paths, the reading line, then the summary as `text(hints:)` (which stays today's layout, for `--raw`).
    public func readingText(hints: LimitHints = .library) -> String {
        let formatter = PathFormatter(network: network)
        return shown.map { formatter.line($0) + "\n" }.joined() + readingLine + "\n"
            + summaryLines(hints: hints, showing: true, underReading: true)
    }
}
