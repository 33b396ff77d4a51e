import Foundation
import PharmGraphTestSupport
import Testing

/// `effects` and `causes` as a pharmacologist reads them, on `paths/reading.yaml` (a racemate `rac`, its
/// enantiomers `s-form` and `r-form`, its metabolite `met`, and `agonist`; worked by hand in the fixture's comments).
@Suite("reading verdicts, end to end")
struct ReadingEndToEndTests {
    static let graph = "paths/reading.yaml"

    func json(_ arguments: String...) throws -> [String: Any] {
        let run = try Binary.run(arguments + ["--format", "json"], in: fixtures)
        #expect(run.status == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test("effects of an enantiomer: grouped rows, then what it inherits from its racemate")
    func effects() throws {
        let run = try pharmgraph("effects", Self.graph, "s-form")
        #expect(run.status == 0)
        expectGolden(run.stdout, "effects-reading.txt")
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let object = try json("effects", Self.graph, "s-form")
        let rows = try #require(object["reached"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
        #expect(byID["cond-a"]?["reading"] as? String == "relieves/prevents" && byID["cond-a"]?["stance"] as? String == "counters")
        #expect(byID["cond-a"]?["valence"] is NSNull && byID["cond-a"]?["verdict"] as? String == "negative")
        #expect(byID["cond-c"]?["reading"] as? String == "causes/worsens" && byID["cond-c"]?["stance"] as? String == "drives")
        #expect(byID["eff-ther"]?["reading"] as? String == "produces" && byID["eff-ther"]?["valence"] as? String == "therapeutic")
        #expect(byID["eff-low"]?["reading"] as? String == "reduces" && byID["eff-low"]?["valence"] as? String == "adverse")
        #expect(byID["eff-neu"]?["reading"] as? String == "no determinate effect: only unsigned routes")
        #expect(byID["eff-neu"]?["stance"] as? String == "abstains" && byID["eff-neu"]?["verdict"] as? String == "unknown")
        #expect(rows.allSatisfy { $0["strength"] == nil && $0["own_verdict"] == nil })
        let inherited = try #require(object["inherited"] as? [String: Any])
        #expect(inherited["racemate"] as? String == "rac" && inherited["partial"] as? Bool == false)
        let theirs = try #require(inherited["reached"] as? [[String: Any]])
        #expect(theirs.map { $0["id"] as? String } == ["cond-b", "cond-c", "eff-adv"])
        #expect(theirs.map { $0["own_verdict"] as? String } == ["none", "positive", "none"])
        // The racemate's rows are assessed like the enantiomer's own (tiered verdict, certainty), so the two compare alike.
        #expect(theirs.allSatisfy { $0["certainty"] as? String == "established" && $0["raw_verdict"] != nil })
        #expect(theirs.map { $0["reading"] as? String } == ["causes/worsens", "relieves/prevents", "no determinate effect: evidence of both signs"])
    }

    @Test("a metabolite and the racemate inherit nothing")
    func noInheritance() throws {
        for drug in ["met", "rac"] {
            let run = try pharmgraph("effects", Self.graph, drug)
            #expect(run.status == 0 && !run.stdout.contains("Inherited"))
            #expect(try json("effects", Self.graph, drug)["inherited"] == nil)
        }
    }

    @Test("causes: drugs that drive the outcome apart from drugs that counter it; forms by first-edge strength")
    func causes() throws {
        let run = try pharmgraph("causes", Self.graph, "cond-a")
        #expect(run.status == 0)
        expectGolden(run.stdout, "causes-reading.txt")
        let object = try json("causes", Self.graph, "cond-a")
        let rows = try #require(object["reached"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["agonist", "s-form", "r-form", "met", "rac"])
        #expect(rows.map { $0["stance"] as? String } == ["drives", "counters", "counters", "counters", "counters"])
        #expect(rows.map { $0["reading"] as? String } == ["causes/worsens"] + Array(repeating: "relieves/prevents", count: 4))
        #expect(rows.map { $0["strength"] as? String } == [nil, "strong", "moderate", "weak", nil])
        #expect(rows[0]["strength"] is NSNull && rows[4]["strength"] is NSNull)
        let raw = try pharmgraph("causes", Self.graph, "cond-a", "--raw")
        #expect(raw.stdout.hasPrefix("drug     verdict     +     -     ?  shortest path\nagonist  positive     1     0     0  agonist -activates-> rec"))
        let effect = try pharmgraph("causes", Self.graph, "eff-low")
        #expect(effect.stdout.contains("\nDrugs that reduce eff-low (4)\n"))
        #expect(effect.stdout.contains("\nDrugs that produce eff-low (1)\n  agonist"))
        let mixed = try pharmgraph("causes", Self.graph, "eff-adv")
        #expect(mixed.stdout.contains("\nDrugs with no determinate effect on eff-adv (1)\n  rac "))
        #expect(
            mixed.stdout.contains(
                "\n      both signs in the best evidence (established): 1 positive, 1 negative; it turns on\n          rac -activates-> eff-adv\n"))
    }

    @Test("the reading of every ketamine-graph drug and of the main outcomes fits 100 columns")
    func width() throws {
        let ketamine = Repository.path("Graphs/ketamine.yaml")
        let queries =
            ["ketamine", "esketamine", "arketamine", "norketamine", "lithium", "opioids"].map { ["effects", ketamine, $0] }
            + ["depression", "analgesia", "hyperalgesia", "antidepressant-effect"].map { ["causes", ketamine, $0] }
        for query in queries {
            let run = try Binary.run(query, in: fixtures)
            #expect(run.status == 0)
            let long = run.stdout.split(separator: "\n").filter { $0.count > 100 }
            #expect(long.isEmpty, "\(query[2]): \(long)")
        }
        #expect(try Binary.run(["effects", ketamine, "esketamine"], in: fixtures).stdout.contains("\nInherited from the racemate ketamine:"))
        // Five forms of ketamine: the mechanisms line names three, then "…".
        let forms = try Binary.run(["effects", ketamine, "ketamine"], in: fixtures).stdout.split(separator: "\n")
        #expect(forms.contains { $0.contains(" mechanisms, ") && $0.hasSuffix(", …)") && $0.components(separatedBy: " via ").count == 4 })
    }

    @Test("paths: the verdict in words above the counts line")
    func paths() throws {
        let relieves = try pharmgraph("paths", Self.graph, "rac", "cond-a", "--limit", "0")
        #expect(
            relieves.stdout == """
                rac relieves or prevents cond-a: negative, established; 4 negative paths in 1 mechanism
                4 paths: 0 positive, 4 negative, 0 unknown
                headline: rac -inhibits-| rec -activates-> cond-a

                """)
        let causes = try pharmgraph("paths", Self.graph, "agonist", "cond-a", "--limit", "0")
        #expect(causes.stdout.hasPrefix("agonist causes or worsens cond-a: positive, established; 1 positive path in 1 mechanism\n"))
        // JSON carries the reading beside the machine words, as effects rows do.
        let object = try json("paths", Self.graph, "rac", "cond-a")
        #expect(object["reading"] as? String == "relieves/prevents" && object["stance"] as? String == "counters")
        #expect(object["valence"] is NSNull && object["verdict"] as? String == "negative" && object["certainty"] as? String == "established")
        let effect = try json("paths", Self.graph, "s-form", "eff-ther")
        #expect(effect["reading"] as? String == "produces" && effect["valence"] as? String == "therapeutic")
        let mixed = try pharmgraph("paths", Self.graph, "rac", "eff-adv", "--limit", "0")
        #expect(mixed.stdout.hasPrefix("no determinate effect of rac on eff-adv: mixed (1 positive, 1 negative paths)\n"))
    }
}
