import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// The reading fixture: `rac` (racemate) has_component `s-form` (strong on `rec`) and `r-form` (moderate), has_metabolite
/// `met` (weak); every form inhibits `rec`, which activates `cond-a` and `eff-low` and inhibits `eff-ther`; `agonist`
/// activates `rec`; `rac` alone activates `cond-b`, and `eff-adv` directly and through `p -| eff-adv`; `s-form`
/// activates `cond-c` (which `rac` inhibits) and modulates `eff-neu`.
private func readingEngine() throws -> PathEngine {
    let path = "Tests/PharmGraphTests/Fixtures/paths/reading.yaml"
    let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path(path)))
    return PathEngine(network: try #require(NetworkInput.load(data: data, path: path).network))
}

private func node(_ id: String, _ network: Network) throws -> NodeIndex { try #require(network.index(of: id)) }

/// The edge from `from` to `to` (the first, in file order).
private func edge(_ from: String, _ to: String, _ network: Network) throws -> EdgeIndex {
    let graph = try #require(network.graph)
    let i = try #require(graph.edges.firstIndex { $0.from == from && $0.to == to })
    return EdgeIndex(rawValue: Int32(i))
}

/// The lines of `text` whose fields (split on spaces) start with `id`.
private func row(_ id: String, in text: String) -> [String]? {
    text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == id }
}

@Suite("Reading verdicts: valence wording, groups, causes, enantiomers, strength")
struct ReadingTests {
    @Test(
        "the wording table: conditions relieve/prevent or cause/worsen, effects are produced or reduced, abstentions say why",
        arguments: [
            (Finding.verdict(.negative), Reading.Subject.condition, "relieves/prevents", "relieves or prevents", Reading.Stance.counters),
            (.verdict(.positive), .condition, "causes/worsens", "causes or worsens", .drives),
            (.verdict(.positive), .effect(.therapeutic), "produces", "produces", .drives),
            (.verdict(.negative), .effect(.adverse), "reduces", "reduces", .counters),
            (.verdict(.positive), .other, "produces", "produces", .drives),
            (.verdict(.negative), .other, "reduces", "reduces", .counters),
        ])
    func wording(finding: Finding, subject: Reading.Subject, word: String, verb: String, stance: Reading.Stance) {
        let reading = Reading(finding, subject: subject)
        #expect(reading.word == word && reading.phrase == word && reading.reason == nil)
        #expect(reading.verb() == verb && reading.stance == stance)
    }

    @Test("abstentions: mixed, unknown, none and a partial search read as no determinate effect, with the reason")
    func abstentions() {
        let cases: [(Finding, String)] = [
            (.verdict(.mixed), "no determinate effect: evidence of both signs"),
            (.verdict(.unknown), "no determinate effect: only unsigned routes"),
            (.verdict(.none), "no determinate effect: no path"),
            (.undetermined, "no determinate effect: the search stopped early"),
        ]
        for (finding, phrase) in cases {
            for subject in [Reading.Subject.condition, .effect(.neutral), .other] {
                let reading = Reading(finding, subject: subject)
                #expect(reading.phrase == phrase && reading.word == "no determinate effect")
                #expect(reading.stance == .abstains && reading.verb() == nil)
            }
        }
        #expect(Reading(.verdict(.negative), subject: .condition).verb(plural: true) == "relieve or prevent")
        #expect(Reading(.verdict(.negative), subject: .condition).phrase(of: .positive) == "causes/worsens")
        #expect(Reading(.verdict(.positive), subject: .effect(.adverse)).phrase(of: .negative) == "reduces")
    }

    @Test("groups: conditions by stance, effects by valence; imported networks have one group and no valence")
    func groups() throws {
        #expect(ReadingGroup(Reading(.verdict(.negative), subject: .condition)) == .conditionsCountered)
        #expect(ReadingGroup(Reading(.verdict(.positive), subject: .condition)) == .conditionsDriven)
        #expect(ReadingGroup(Reading(.verdict(.mixed), subject: .condition)) == .conditionsUndecided)
        #expect(ReadingGroup(Reading(.verdict(.negative), subject: .effect(.therapeutic))) == .therapeutic)
        #expect(ReadingGroup(Reading(.verdict(.mixed), subject: .effect(.adverse))) == .adverse)
        #expect(ReadingGroup(Reading(.verdict(.positive), subject: .effect(.neutral))) == .neutral)
        #expect(ReadingGroup(Reading(.verdict(.positive), subject: .effect(nil))) == .effects)
        #expect(ReadingGroup(Reading(.verdict(.positive), subject: .other)) == .other)
        let engine = try readingEngine()
        let network = engine.network
        #expect(Reading.subject(of: try node("cond-a", network), in: network) == .condition)
        #expect(Reading.subject(of: try node("eff-adv", network), in: network) == .effect(.adverse))
        #expect(Reading.subject(of: try node("rec", network), in: network) == .other)
        #expect(Reading.subject(of: [try node("eff-adv", network), try node("eff-ther", network)], in: network) == .effect(nil))
        #expect(Reading.subject(of: [try node("eff-adv", network), try node("cond-a", network)], in: network) == .other)
        let imported = try #require(NetworkInput.load(data: Data("a\tinhibits\tb\n".utf8), path: "n.sif").network)
        let b = try node("b", imported)
        #expect(Reading.subject(of: b, in: imported) == .other)
        let (reached, partial) = try PathEngine(network: imported).reach(PathQuery(sources: [try node("a", imported)], targets: [b]))
        let report = ReachReport(
            network: imported, direction: .effects, start: [try node("a", imported)], maxLength: 6, reached: reached,
            partial: partial, provenance: Provenance(inputs: []))
        #expect(
            report.readingText()
                == "a reaches 1 node within 6 steps\n  effect  reading    +   -   ?\n\nNodes reached (1)\n  b       reduces    0   1   0\n      a -inhibits-| b\n"
        )
    }

    @Test("effects: the groups in order, rows in the engine's order within each; today's table is unchanged")
    func effects() throws {
        let engine = try readingEngine()
        let network = engine.network
        let rac = try node("rac", network)
        let query = PathQuery(
            sources: [rac], targets: try NodeSelector.resolve("kind:effect", in: network) + NodeSelector.resolve("kind:condition", in: network))
        let (reached, partial) = try engine.reach(query)
        let report = ReachReport(
            network: network, direction: .effects, start: [rac], maxLength: 6, reached: reached, partial: partial, provenance: Provenance(inputs: []))
        let text = report.readingText()
        let titles = text.split(separator: "\n").filter { $0.first?.isUppercase == true }
        #expect(
            titles == [
                "Conditions rac relieves or prevents (1)", "Conditions rac causes or worsens (1)",
                "Conditions without a determinate effect (1)", "Therapeutic effects (1)", "Adverse effects (2)", "Neutral effects (1)",
            ])
        #expect(row("cond-c", in: text) == ["cond-c", "no", "determinate", "effect", "1", "1", "0"])
        #expect(text.contains("\n      both signs: 1 positive, 1 negative\n"))
        #expect(
            text.contains(
                "\n      rac -has_component-> s-form -modulates-o eff-neu\n      via s-form\n      only unsigned routes (1 path); they never decide\n"))
        // No assessment: no certainty column.
        #expect(text.split(separator: "\n")[1] == "  effect    reading                  +   -   ?")
        #expect(report.text().hasPrefix("effect    verdict     +     -     ?  shortest path\ncond-b    positive     1     0     0  rac -activates-> cond-b\n"))
    }

    @Test("an assessment is shown: certainty, headline (not the shortest), mechanisms with their forms, caveats, unsigned routes")
    func assessment() throws {
        let engine = try readingEngine()
        let network = engine.network
        let (rac, rec, condA, effAdv) = (try node("rac", network), try node("rec", network), try node("cond-a", network), try node("eff-adv", network))
        let (sForm, rForm) = (try node("s-form", network), try node("r-form", network))
        let headline = NetworkPath(nodes: [rac, rec, condA], edges: [try edge("rac", "rec", network), try edge("rec", "cond-a", network)], sign: .negative)
        let shortest = NetworkPath(
            nodes: [rac, sForm, rec, condA],
            edges: [try edge("rac", "s-form", network), try edge("s-form", "rec", network), try edge("rec", "cond-a", network)],
            sign: .negative)
        var relieved = TargetReport(target: condA, counts: SignCounts(negative: 4, unknown: 2), shortest: shortest)
        relieved.assessment = Assessment(
            verdict: .negative, rawVerdict: .negative, certainty: .established, tiers: [.init(certainty: .established, counts: SignCounts(negative: 4))],
            caveats: [.init(sign: .positive, certainty: .hypothesized, paths: 3, sharedEdges: [try edge("rac", "p", network)])],
            unsignedRoutes: 2,
            mechanisms: [
                .init(nodes: [rec, condA], sign: .negative, certainty: .established, paths: 2, via: [sForm]),
                .init(nodes: [rec, condA], sign: .negative, certainty: .established, paths: 2, via: [rForm]),
            ],
            headline: headline, correlational: true)
        let direct = NetworkPath(nodes: [rac, effAdv], edges: [try edge("rac", "eff-adv", network)], sign: .positive)
        var mixed = TargetReport(target: effAdv, counts: SignCounts(positive: 1, negative: 1), shortest: direct)
        mixed.assessment = Assessment(
            verdict: .mixed, rawVerdict: .mixed, certainty: .probable, tiers: [.init(certainty: .probable, counts: SignCounts(positive: 1, negative: 1))],
            decidingEdges: [try edge("rac", "eff-adv", network)], mechanisms: nil)
        let report = ReachReport(
            network: network, direction: .effects, start: [rac], maxLength: 6, reached: [relieved, mixed], partial: false,
            provenance: Provenance(inputs: []))
        let text = report.readingText()
        #expect(row("cond-a", in: text) == ["cond-a", "relieves/prevents", "established", "0", "4", "2"])
        #expect(
            text.contains(
                """

                      rac -inhibits-| rec -activates-> cond-a
                      2 mechanisms, 6 paths (1 via r-form, 1 via s-form)
                      weaker evidence of the other sign (causes/worsens): 3 paths (hypothesized), all through
                          rac -activates-> p
                      + 2 unsigned routes
                      rests on a correlational edge

                """))
        #expect(row("eff-adv", in: text) == ["eff-adv", "no", "determinate", "effect", "probable", "1", "1", "0"])
        #expect(
            text.contains(
                "\n      rac -activates-> eff-adv\n      2 paths, too many to group into mechanisms\n"
                    + "      both signs in the best evidence (probable): 1 positive, 1 negative; it turns on\n"
                    + "          rac -activates-> eff-adv\n"))
        #expect(text.split(separator: "\n")[1] == "  effect   reading                certainty      +   -   ?")
        // The reading follows the assessment's verdict, not the raw counts'.
        var tiered = relieved
        tiered.counts = SignCounts(positive: 3, negative: 4)
        #expect(tiered.finding(partial: false) == .verdict(.negative))
        #expect(tiered.finding(partial: true) == .undetermined)
        // paths: the sentence, with certainty and mechanisms of the verdict's sign.
        var result = PathReport(counts: SignCounts(negative: 4, unknown: 2), paths: [headline], partial: false)
        result.assessment = relieved.assessment
        let paths = PathsReport(
            network: network, query: PathQuery(sources: [rac], targets: [condA]), result: result, shown: 1, provenance: Provenance(inputs: []))
        #expect(paths.readingLine == "rac relieves or prevents cond-a: negative, established; 4 negative paths in 2 mechanisms")
        #expect(paths.readingText().hasSuffix("\n" + paths.readingLine + "\n" + paths.summaryLines(showing: true, underReading: true)))
        // Under the reading line, the counts line leaves out the verdict it states, and the mechanisms line its count.
        #expect(paths.summaryLines(showing: true, underReading: true).hasPrefix("6 paths: 0 positive, 4 negative, 2 unknown (showing 1)\n"))
        #expect(paths.summaryLines(showing: true).hasPrefix("6 paths: 0 positive, 4 negative, 2 unknown; verdict: negative (established) (showing 1)\n"))
        #expect(paths.summaryLines(showing: true).contains("\nmechanisms: 2 distinct\n"))
        #expect(!paths.summaryLines(showing: true, underReading: true).contains("mechanisms:"))
    }

    @Test("enantiomers inherit the racemate's own statements where their own paths do not decide the same way")
    func inheritance() throws {
        let engine = try readingEngine()
        let network = engine.network
        let forms = DrugForms(network: network)
        let ids = { (nodes: [NodeIndex]) in nodes.map { network.nodeIDs[$0] } }
        #expect(ids(forms.racemates(of: try node("s-form", network))) == ["rac"])
        let (met, rac) = (try node("met", network), try node("rac", network))
        #expect(forms.racemates(of: met).isEmpty && forms.racemates(of: rac).isEmpty)
        #expect(ids(forms.forms(of: try node("rac", network))) == ["met", "r-form", "s-form"])
        #expect(network.nodeIDs[forms.family(of: try node("met", network))] == "rac")
        #expect(network.nodeIDs[forms.family(of: try node("agonist", network))] == "agonist")
        let targets = try NodeSelector.resolve("kind:effect", in: network) + NodeSelector.resolve("kind:condition", in: network)
        func inherited(_ drug: String) throws -> Inheritance? {
            let query = PathQuery(sources: [try node(drug, network)], targets: targets)
            let (own, partial) = try engine.reach(query)
            return try engine.inherited(query, own: own, ownPartial: partial)
        }
        // s-form decides cond-a, eff-ther and eff-low as rac does (not inherited); it has no path to cond-b or eff-adv,
        // and its own cond-c is positive where rac's own is negative.
        let s = try #require(try inherited("s-form"))
        #expect(network.nodeIDs[s.racemate] == "rac" && !s.partial)
        #expect(ids(s.reached.map(\.target)) == ["cond-b", "cond-c", "eff-adv"])
        #expect(s.reached.map(\.counts) == [SignCounts(positive: 1), SignCounts(negative: 1), SignCounts(positive: 1, negative: 1)])
        #expect(s.own == [try node("cond-c", network): .verdict(.positive)])
        // r-form has no path of its own to cond-c: inherited with no own finding.
        let r = try #require(try inherited("r-form"))
        #expect(ids(r.reached.map(\.target)) == ["cond-b", "cond-c", "eff-adv"] && r.own.isEmpty)
        for drug in ["met", "rac", "agonist"] { #expect(try inherited(drug) == nil) }
    }

    @Test("causes: drivers, then counters, then abstentions; a family's forms by first-edge strength, then id")
    func causes() throws {
        let engine = try readingEngine()
        let network = engine.network
        let condA = try node("cond-a", network)
        let (reached, partial) = try engine.reachBack(PathQuery(sources: try NodeSelector.resolve("kind:drug", in: network), targets: [condA]))
        let report = ReachReport(
            network: network, direction: .causes, start: [condA], maxLength: 6, reached: reached, partial: partial, provenance: Provenance(inputs: []))
        #expect(report.readingOrder.map { network.nodeIDs[$0.target] } == ["agonist", "s-form", "r-form", "met", "rac"])
        let forms = DrugForms(network: network)
        #expect(report.readingOrder.map { forms.firstStrength($0.shortest) } == [nil, .strong, .moderate, .weak, nil])
        let text = report.readingText()
        #expect(text.contains("\nDrugs that cause or worsen cond-a (1)\n  agonist"))
        #expect(text.contains("\nDrugs that relieve or prevent cond-a (4)\n  s-form "))
        #expect(row("met", in: text) == ["met", "0", "1", "0", "weak"])
        // A structural first hop is attribution: the strength is the first effect edge's.
        let via = NetworkPath(
            nodes: [try node("rac", network), try node("s-form", network), try node("rec", network)],
            edges: [try edge("rac", "s-form", network), try edge("s-form", "rec", network)], sign: .negative)
        #expect(forms.firstStrength(via) == .strong && forms.via(via).map { network.nodeIDs[$0] } == ["s-form"])
        let stopped = ReachReport(
            network: network, direction: .causes, start: [condA], maxLength: 6, reached: reached, partial: true, provenance: Provenance(inputs: []))
        #expect(stopped.readingText().contains("\nDrugs with no determinate effect on cond-a (5)\n"))
    }
}
