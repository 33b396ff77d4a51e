extension ReachReport {
    /// The text a pharmacologist reads (docs/queries.md, "Reading verdicts"): `effects` in groups (conditions
    /// relieved, caused, undecided; therapeutic, adverse, neutral effects), `causes` in drugs that drive the
    /// outcome, drugs that counter it and drugs with no determinate effect; each row with its reading, certainty,
    /// raw counts, headline path and caveats. `text(hints:)` keeps today's table (`--raw`).
    public func readingText(hints: LimitHints = .library) -> String {
        ReadingLayout(report: self).text(hints: hints)
    }

    /// The rows in the order the reading text lists them: `effects` by group, `causes` by stance, then family and strength.
    var readingOrder: [TargetReport] {
        ReadingLayout(report: self).sections.flatMap { $0.rows.map(\.report) }
    }
}

/// One row of the reading text.
struct ReadingRow {
    let report: TargetReport
    let reading: Reading
    /// `causes`: the strength of the first effect edge of the row's path.
    let strength: Strength?
    /// Inherited rows: the enantiomer's own finding (`nil` inside: no path of its own).
    let own: Finding??
}

/// The layout of `ReachReport.readingText`: sections of rows in aligned columns, details indented under each.
struct ReadingLayout {
    let report: ReachReport
    let forms: DrugForms
    /// The width the text is laid out for.
    static let width = 100
    /// The indent of a row's detail lines, and of a wrapped path's further lines.
    static let detail = 6
    static let continuation = 10

    struct Section {
        let title: String
        let rows: [ReadingRow]
    }

    init(report: ReachReport) {
        self.report = report
        forms = DrugForms(network: report.network)
    }

    var network: Network { report.network }
    var isEffects: Bool { report.direction == .effects }

    /// The ids of the start nodes, for sentences: up to three, else `N drugs`/`N nodes`.
    func naming(_ nodes: [NodeIndex], noun: String) -> (text: String, plural: Bool) {
        let named = PathsReport.naming(nodes, in: network)
        return nodes.count <= 3 ? named : (Plural.count(nodes.count, noun), true)
    }

    /// The subject of `effects` sentences and titles: the drugs, or without any (`effects --do` alone) the clamps, `do(c = -)`.
    func subject(_ drugs: [NodeIndex]) -> (text: String, plural: Bool) {
        guard drugs.isEmpty else { return naming(drugs, noun: "drug") }
        let clamps = report.interventions.map { "do(\(DisplayText.escaped(network.nodeIDs[$0.node])) = \($0.sign.symbol))" }
        return (clamps.joined(separator: ", "), clamps.count > 1)
    }

    /// The path a row shows: the assessment's headline, else the shortest.
    func path(_ report: TargetReport) -> NetworkPath { report.assessment?.headline ?? report.shortest }

    func rows(_ reports: [TargetReport], partial: Bool, own: [NodeIndex: Finding]? = nil) -> [ReadingRow] {
        let goal = Reading.subject(of: report.start, in: network)
        return reports.map { target in
            let subject = isEffects ? Reading.subject(of: target.target, in: network) : goal
            return ReadingRow(
                report: target, reading: Reading(target.finding(partial: partial), subject: subject),
                strength: isEffects ? nil : forms.firstStrength(path(target)), own: own.map { $0[target.target] })
        }
    }

    /// The sections of the main answer.
    var sections: [Section] { sections(rows(report.reached, partial: report.partial), drugs: report.start) }

    /// The rows in sections; `drugs` name the subject of `effects` titles (the racemate for inherited rows).
    func sections(_ rows: [ReadingRow], drugs: [NodeIndex]) -> [Section] {
        if isEffects {
            let (drugs, plural) = subject(drugs)
            return ReadingGroup.allCases.compactMap { group in
                let members = rows.filter { ReadingGroup($0.reading) == group }
                guard !members.isEmpty else { return nil }
                let title = group.title(subject: drugs, plural: plural, imported: network.graph == nil)
                return Section(title: "\(title) (\(members.count))", rows: members)
            }
        }
        let goal = naming(report.start, noun: "target").text
        let family = Dictionary(uniqueKeysWithValues: rows.map { ($0.report.target, forms.family(of: $0.report.target)) })
        return Reading.Stance.allCases.compactMap { stance in
            let members = rows.filter { $0.reading.stance == stance }.sorted { a, b in
                let (fa, fb) = (network.nodeIDs[family[a.report.target]!], network.nodeIDs[family[b.report.target]!])
                if fa != fb { return fa < fb }
                let (sa, sb) = (Self.rank(a.strength), Self.rank(b.strength))
                if sa != sb { return sa > sb }
                return network.nodeIDs[a.report.target] < network.nodeIDs[b.report.target]
            }
            guard let first = members.first else { return nil }
            let title =
                if let verb = first.reading.verb(plural: true) { "Drugs that \(verb) \(goal)" } else {
                    "Drugs with no determinate effect on \(goal)"
                }
            return Section(title: "\(title) (\(members.count))", rows: members)
        }
    }

    /// Strong 3, moderate 2, weak 1, unstated 0.
    static func rank(_ strength: Strength?) -> Int {
        switch strength {
        case .strong: 3
        case .moderate: 2
        case .weak: 1
        case nil: 0
        }
    }

    func text(hints: LimitHints) -> String {
        let main = sections
        let inherited = report.inherited.map { inheritance in
            let rows = rows(inheritance.reached, partial: inheritance.partial, own: inheritance.own)
            return (inheritance, sections(rows, drugs: [inheritance.racemate]))
        }
        let all = (main + (inherited?.1 ?? [])).flatMap(\.rows)
        let columns = Columns(rows: all, layout: self)
        // An empty answer says why instead of printing a bare column header.
        let empty = report.emptyAnswerText.map { Self.wrappedWords($0) }
        var lines = [heading] + (empty ?? []) + (empty == nil || !all.isEmpty ? [columns.header] : [])
        for section in main { lines += [""] + sectionLines(section, columns) }
        lines += conditionalLines(hints: hints)
        if let (inheritance, parts) = inherited {
            let racemate = DisplayText.escaped(network.nodeIDs[inheritance.racemate])
            let drug = DisplayText.escaped(network.nodeIDs[report.start[0]])
            let count = Plural.count(inheritance.reached.count, "target")
            lines.append("")
            lines += Self.wrappedWords(
                "Inherited from the racemate \(racemate): what the graph states of \(racemate) itself (paths through none "
                    + "of its forms), for the \(count) \(drug)'s own paths do not decide the same way")
            if parts.isEmpty { lines.append("  (none: \(drug)'s own paths decide every target \(racemate) reaches the same way)") }
            for section in parts { lines += [""] + sectionLines(section, columns) }
            if inheritance.partial {
                lines.append("partial: the racemate's search stopped early; its rows are lower bounds")
            }
        }
        var out = lines.joined(separator: "\n") + "\n"
        if report.partial {
            out += "partial: the search stopped at its work budget or timeout (\(hints.boundOptions)); "
            out += LimitHints.lowerBoundNote + "; nodes not listed may still be reached\n"
        }
        if let filter = report.filter {
            // The reading keeps to its width: the defaults line names every left-out value, so it is wrapped.
            let words = filter.line(hints: hints).split(separator: "\n").flatMap { Self.wrappedWords(String($0)) }
            out += words.joined(separator: "\n") + "\n"
        }
        out += report.closingLines
        return out
    }

    /// The most targets "Only in other contexts" lists; the rest are counted.
    static let conditionalShown = 20

    /// "Only in other contexts": one line per target reached only with a context term added, with each such term's
    /// reading and certainty and the `--where` that opens it (docs/queries.md, "Contexts"); none when there is none.
    func conditionalLines(hints: LimitHints) -> [String] {
        let reaches = report.conditional
        guard isEffects, !reaches.isEmpty || report.conditionalStopped > 0 else { return [] }
        var order: [NodeIndex] = []
        // Per target, per term: the words of its reading, then `(--where k=v)` kept whole.
        var terms: [NodeIndex: [[String]]] = [:]
        for reach in reaches {
            if terms[reach.report.target] == nil { order.append(reach.report.target) }
            let reading = Reading(.verdict(reach.verdict), subject: Reading.subject(of: reach.report.target, in: network))
            var text = reading.phrase(reach.report.assessment)
            if Reading.isDeterminate(reading.finding), reach.report.assessment?.feedback?.abstains != true,
                let certainty = reach.report.assessment?.certainty
            {
                text += ", " + certainty.rawValue
            }
            let term = DisplayText.escaped(reach.key) + "=" + DisplayText.escaped(reach.value)
            let words = text.split(separator: " ").map(String.init) + ["(\(hints.contextFilter) \(term))"]
            terms[reach.report.target, default: []].append(words)
        }
        let width = order.prefix(Self.conditionalShown).map { DisplayText.escaped(network.nodeIDs[$0]).count }.max() ?? 0
        var lines = [""]
        lines += Self.wrappedWords(
            "Only in other contexts (\(order.count)): targets reached only with a condition asserted or another level named")
        for target in order.prefix(Self.conditionalShown) {
            let id = DisplayText.escaped(network.nodeIDs[target])
            let each = terms[target]!
            // One line when it fits; else one term a line under the first, each broken at spaces (never inside its `--where`).
            let head = "  " + id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            let indent = String(repeating: " ", count: head.count)
            let parts = each.enumerated().map { i, words in i == each.count - 1 ? words : words.dropLast() + [words.last! + ";"] }
            let whole = head + parts.map { $0.joined(separator: " ") }.joined(separator: " ")
            guard whole.count > Self.width else {
                lines.append(whole)
                continue
            }
            for (i, words) in parts.enumerated() {
                var line = (i == 0 ? head : indent) + words[0]
                for word in words.dropFirst() {
                    if line.count + 1 + word.count > Self.width {
                        lines.append(line)
                        line = indent + word
                    } else {
                        line += " " + word
                    }
                }
                lines.append(line)
            }
        }
        if order.count > Self.conditionalShown { lines.append("  … and \(order.count - Self.conditionalShown) more") }
        if report.conditionalStopped > 0 {
            lines.append(
                "  (the search of \(Plural.count(report.conditionalStopped, "other context")) stopped at an explanation's budget: "
                    + "targets it reaches may be missing)")
        }
        return lines
    }

    var heading: String {
        let within = "within \(Plural.count(report.maxLength, "step"))"
        if isEffects {
            let (drugs, plural) = subject(report.start)
            let curated = network.graph != nil && report.reached.allSatisfy { Reading.subject(of: $0.target, in: network) != .other }
            let n = report.reached.count
            let what = curated ? (n == 1 ? "effect or condition" : "effects and conditions") : (n == 1 ? "node" : "nodes")
            let count = n == 0 ? (curated ? "no effect or condition" : "no node") : "\(n) \(what)"
            return "\(drugs) \(plural ? "reach" : "reaches") \(count) \(within)"
        }
        let goal = naming(report.start, noun: "target").text
        let count = report.reached.count
        return "\(count == 0 ? "no drug" : Plural.count(count, "drug")) \(count <= 1 ? "reaches" : "reach") \(goal) \(within)"
    }

    /// The column widths of every row, main and inherited, so the parts line up.
    struct Columns {
        var id: Int
        var word: Int?
        var certainty: Int?
        var count: Int
        var strength: Int?

        init(rows: [ReadingRow], layout: ReadingLayout) {
            let network = layout.network
            id = max(layout.isEffects ? 6 : 4, rows.map { DisplayText.escaped(network.nodeIDs[$0.report.target]).count }.max() ?? 0)
            word = layout.isEffects ? max(7, rows.map(\.reading.word.count).max() ?? 0) : nil
            let assessed = rows.contains { $0.report.assessment != nil }
            certainty = assessed ? max(9, rows.map { ($0.report.assessment?.certainty?.rawValue ?? "-").count }.max() ?? 0) : nil
            let largest = rows.map { max($0.report.counts.positive, $0.report.counts.negative, $0.report.counts.unknown) }.max() ?? 0
            count = max(3, String(largest).count)
            strength = layout.isEffects ? nil : 8
        }

        func pad(_ text: String, _ n: Int) -> String { text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0) }
        func right(_ text: String) -> String { String(repeating: " ", count: max(0, count - text.count)) + text }

        /// The fields of a row, joined by two spaces (trailing spaces cut).
        func line(id: String, word: String?, certainty: String?, counts: [String], strength: String?) -> String {
            var fields = ["  " + pad(id, self.id)]
            if let width = self.word { fields.append(pad(word ?? "", width)) }
            if let width = self.certainty { fields.append(pad(certainty ?? "-", width)) }
            fields.append(counts.map(right).joined(separator: " "))
            if let width = self.strength { fields.append(pad(strength ?? "-", width)) }
            var text = fields.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }

        var header: String {
            line(
                id: word == nil ? "drug" : "effect", word: "reading", certainty: "certainty", counts: ["+", "-", "?"],
                strength: "first-edge strength")
        }
    }

    /// A section: its title, then each row and its details.
    func sectionLines(_ section: Section, _ columns: Columns) -> [String] {
        var lines = [section.title]
        for row in section.rows {
            let c = row.report.counts
            let certainty = row.report.assessment.map { $0.certainty?.rawValue ?? "-" }
            lines.append(
                columns.line(
                    id: DisplayText.escaped(network.nodeIDs[row.report.target]), word: row.reading.word, certainty: certainty,
                    counts: [c.positive, c.negative, c.unknown].map(String.init), strength: row.strength?.rawValue))
            lines += details(row).map { String(repeating: " ", count: Self.detail) + $0 }
        }
        return lines
    }

    /// The indented lines under a row: the path, attribution, mechanisms, the abstention's reason, caveats, unsigned routes.
    func details(_ row: ReadingRow) -> [String] {
        let shown = path(row.report)
        var lines = wrapped(shown)
        let via = forms.via(shown)
        if !via.isEmpty { lines.append("via " + via.map { DisplayText.escaped(network.nodeIDs[$0]) }.joined(separator: ", ")) }
        let c = row.report.counts
        let assessment = row.report.assessment
        if let assessment {
            if let mechanisms = assessment.mechanisms {
                var text = "\(Plural.count(mechanisms.count, "mechanism")), \(Plural.count(c.total, "path"))"
                var byForm: [NodeIndex: Int] = [:]
                for mechanism in mechanisms { for form in Set(mechanism.via) { byForm[form, default: 0] += 1 } }
                let forms = byForm.keys.sorted { network.nodeIDs[$0] < network.nodeIDs[$1] }
                if !forms.isEmpty {
                    // At most three forms, so the line stays short; JSON lists every mechanism's `via`.
                    let named = forms.prefix(3).map { "\(byForm[$0]!) via \(DisplayText.escaped(network.nodeIDs[$0]))" }
                    text += " (" + (named + (forms.count > 3 ? ["…"] : [])).joined(separator: ", ") + ")"
                }
                lines.append(text)
            } else {
                lines.append("\(Plural.count(c.total, "path")), too many to group into mechanisms")
            }
        }
        switch row.reading.finding {
        case _ where assessment?.feedback?.abstains == true:
            lines.append("a feedback loop on the way: not determinate by path counting (see below)")
        case .verdict(.mixed):
            if let assessment, let top = assessment.tiers.first {
                var text = "both signs in the best evidence (\(top.certainty.rawValue)): "
                text += "\(top.counts.positive) positive, \(top.counts.negative) negative"
                if !assessment.decidingEdges.isEmpty { text += "; it turns on " + edges(assessment.decidingEdges) }
                lines += Self.wrappedDetail(text)
            } else {
                lines.append("both signs: \(c.positive) positive, \(c.negative) negative")
            }
        case .verdict(.unknown):
            let routes = assessment?.unsignedRoutes ?? c.unknown
            lines.append("only unsigned routes (\(Plural.count(routes, "path"))); they never decide")
        case .verdict(.positive), .verdict(.negative), .verdict(.none), .undetermined: break
        }
        if let assessment {
            for caveat in assessment.caveats {
                var text = "weaker evidence of the other sign (\(row.reading.phrase(of: caveat.sign))): "
                text += "\(Plural.count(caveat.paths, "path")) (\(caveat.certainty.rawValue))"
                text += caveat.sharedEdges.isEmpty ? ", sharing no weaker edge" : ", all through " + edges(caveat.sharedEdges)
                lines += Self.wrappedDetail(text)
            }
            if assessment.unsignedRoutes > 0, row.reading.finding != .verdict(.unknown) {
                lines.append("+ \(Plural.count(assessment.unsignedRoutes, "unsigned route"))")
            }
            if assessment.correlational { lines.append("rests on a correlational edge") }
        }
        if let own = row.own {
            let drug = DisplayText.escaped(network.nodeIDs[report.start[0]])
            let theirs = own.map { finding in
                let reading = Reading(finding, subject: row.reading.subject)
                return reading.reason.map { "\(reading.word) (\($0))" } ?? reading.word
            }
            lines.append("\(drug)'s own paths: \(theirs ?? "no path")")
        }
        return lines
    }

    /// `a -activates-> b and c -inhibits-| d`; edges of one relation into one node from several sources (the drug's
    /// step taken by each of its forms) as one: `ketamine/esketamine -activates-> r`.
    func edges(_ list: [EdgeIndex]) -> String {
        let formatter = PathFormatter(network: network)
        var steps: [(hop: String, to: String, from: [String])] = []
        for e in list {
            let edge = network.edge(e)
            let (from, hop, to) = (
                DisplayText.escaped(network.nodeIDs[edge.from]), formatter.hop(e, from: edge.from), DisplayText.escaped(network.nodeIDs[edge.to])
            )
            if let i = steps.firstIndex(where: { $0.hop == hop && $0.to == to }) {
                if !steps[i].from.contains(from) { steps[i].from.append(from) }
            } else {
                steps.append((hop, to, [from]))
            }
        }
        return steps.map { "\($0.from.joined(separator: "/")) \($0.hop) \($0.to)" }.joined(separator: " and ")
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word stands alone).
    static func wrappedWords(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        return lines + [current]
    }

    /// A detail line in lines of at most `width` once indented, broken at spaces but never inside an edge
    /// (`a -activates-> b` stays whole); further lines indented more.
    static func wrappedDetail(_ text: String) -> [String] {
        let indent = String(repeating: " ", count: continuation - detail)
        var units: [String] = []
        var joinNext = false
        for word in text.split(separator: " ").map(String.init) {
            let hop = word.count > 2 && word.hasPrefix("-") && word.contains { $0.isLetter }
            if hop || joinNext, let last = units.popLast() { units.append(last + " " + word) } else { units.append(word) }
            joinNext = hop
        }
        var lines: [String] = []
        var current = ""
        for word in units {
            if !current.isEmpty, detail + current.count + 1 + word.count > width {
                lines.append(current)
                current = indent
            }
            current += (current.isEmpty || current == indent ? "" : " ") + word
        }
        return lines + [current]
    }

    /// The path's text in lines of at most `width`, broken before a hop (further lines indented more).
    func wrapped(_ path: NetworkPath) -> [String] {
        let formatter = PathFormatter(network: network)
        let names = path.nodes.map { DisplayText.escaped(network.nodeIDs[$0]) }
        var pieces = [names[0]]
        for (i, e) in path.edges.enumerated() { pieces.append("\(formatter.hop(e, from: path.nodes[i])) \(names[i + 1])") }
        var lines: [String] = []
        var current = pieces[0]
        for piece in pieces.dropFirst() {
            // `current` holds the further lines' extra indent itself.
            if Self.detail + current.count + 1 + piece.count > Self.width {
                lines.append(current)
                current = String(repeating: " ", count: Self.continuation - Self.detail) + piece
            } else {
                current += " " + piece
            }
        }
        return lines + [current]
    }
}

/// A JSON string written as `null` when absent (rather than left out).
typealias JSONNullable = JSONOptional<String>

/// A JSON value written as `null` when absent (rather than left out).
struct JSONOptional<Value: Encodable & Sendable & Equatable>: Encodable, Sendable, Equatable {
    var value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

extension ReachReport {
    /// The inherited rows in JSON: the racemate's id, whether its search was partial, and its rows (each with `own_verdict`).
    struct InheritedJSON: Encodable, Sendable, Equatable {
        var racemate: String
        var partial: Bool
        var reached: [Row]
    }

    func inheritedJSON(_ layout: ReadingLayout) -> InheritedJSON? {
        inherited.map { inheritance in
            InheritedJSON(
                racemate: network.nodeIDs[inheritance.racemate], partial: inheritance.partial,
                reached: inheritance.reached.map { report in
                    var row = row(report, partial: inheritance.partial, layout: layout)
                    row.ownVerdict = inheritance.own[report.target]?.rawValue ?? Verdict.none.rawValue
                    return row
                })
        }
    }

    /// Fills a JSON row's reading fields: `reading`, `stance`, `valence`, and for `causes` the first edge's `strength`.
    func read(_ row: inout Row, _ report: TargetReport, partial: Bool, layout: ReadingLayout) {
        guard let reading = layout.rows([report], partial: partial).first?.reading else { return }
        row.reading = reading.phrase(report.assessment)
        row.stance = reading.stance.rawValue
        row.valence = JSONNullable(reading.valence?.rawValue)
        if direction == .causes { row.strength = JSONNullable(layout.forms.firstStrength(layout.path(report))?.rawValue) }
    }
}
