import Foundation
import PharmGraphTestSupport
import Testing

/// `--do`, `--contrast` and the feedback lines, run through the binary on the hand-worked fixtures of
/// InterventionTests and FeedbackTests.
@Suite("Interventions, contrasts and feedback, end to end")
struct InterventionEndToEndTests {
    let clampLine = "interventions: do(x = -): edges into them cut; their paths count with the clamp's sign\n"

    @Test("effects --do without a drug: the clamp's paths, with its sign")
    func effectsClampAlone() throws {
        let run = try pharmgraph("effects", "paths/intervention.yaml", "--do", "x=-")
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                do(x = -) reaches 2 effects and conditions within 6 steps
                  effect  reading   certainty      +   -   ?

                Therapeutic effects (1)
                  e       produces  established    1   0   0
                      x -inhibits-| e
                      1 mechanism, 1 path

                Adverse effects (1)
                  f       reduces   established    0   1   0
                      x -activates-> f
                      1 mechanism, 1 path

                """ + clampLine)
        let raw = try pharmgraph("effects", "paths/intervention.yaml", "--do", "x=-", "--raw")
        #expect(
            raw.stdout == """
                effect  verdict     +     -     ?  shortest path
                e       positive     1     0     0  x -inhibits-| e
                f       negative     0     1     0  x -activates-> f

                """ + clampLine)
    }

    @Test("effects DRUG --do: the drug's paths in the cut graph, and the clamp's")
    func effectsWithDrug() throws {
        let run = try pharmgraph("effects", "paths/intervention.yaml", "drug", "--do", "x=negative", "--format", "json")
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["interventions"] as? [[String: String]]) == [["node": "x", "sign": "negative"]])
        let rows = try #require(json["reached"] as? [[String: Any]])
        #expect(rows.map { "\($0["id"]!) \($0["verdict"]!)" } == ["e mixed", "f negative"])
        let options = try #require((json["provenance"] as? [String: Any])?["options"] as? [String: String])
        #expect(options["do"] == "x=negative")
    }

    @Test("paths --do: the clamp's paths join FROM's; JSON records the interventions")
    func paths() throws {
        let run = try pharmgraph("paths", "paths/intervention.yaml", "drug", "e", "--do", "r=+")
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                -  drug -inhibits-| y -activates-> e  [ref | ref]
                -  r -activates-> x -inhibits-| e  [ref | ref]
                drug reduces e: negative, established; 2 negative paths in 2 mechanisms
                2 paths: 0 positive, 2 negative, 0 unknown
                headline: drug -inhibits-| y -activates-> e
                interventions: do(r = +): edges into them cut; their paths count with the clamp's sign

                """)
        let json = try pharmgraph("paths", "paths/intervention.yaml", "drug", "e", "--do", "r=+", "--format", "json")
        #expect(json.stdout.contains("\"interventions\" : [\n    {\n      \"node\" : \"r\",\n      \"sign\" : \"positive\"\n    }\n  ]"))
    }

    @Test(
        "bad --do terms: malformed is a usage error (64); an unknown node (with a suggestion), both signs or a clamped TO exit 1",
        arguments: [
            (["x=up"], 64, "Error: --do: invalid intervention 'x=up': the sign 'up' is not +, -, positive or negative\n"),
            (["x"], 64, "Error: --do: invalid intervention 'x': expected NODE=+ or NODE=-\n"),
            (["xx=-"], 1, "error: --do: unknown node 'xx'; did you mean 'x'?\n"),
            (["x=+", "x=-"], 1, "error: --do: 'x' is clamped both ways, by 'x=+' and 'x=-'\n"),
            (["e=-"], 1, "error: TO 'e' is clamped by --do: every edge into it is cut, so no path reaches it\n"),
        ])
    func badTerms(terms: [String], status: Int32, message: String) throws {
        let run = try Binary.run(["paths", "paths/intervention.yaml", "drug", "e"] + terms.flatMap { ["--do", $0] }, in: fixtures)
        #expect(run.status == status)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(message))
    }

    @Test("effects needs DRUG or --do")
    func effectsNeedsASource() throws {
        let run = try pharmgraph("effects", "paths/intervention.yaml")
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: give DRUG, or --do NODE=+|- (or both)\n"))
    }

    @Test("effects --contrast: the changed verdicts with the paths deciding them, the rest counted")
    func contrast() throws {
        let run = try pharmgraph("effects", "paths/contrast.yaml", "drug", "--contrast", "dose=low,high")
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                effect  low                    high
                e-flip  positive, established  negative, established
                  dose=low: drug -activates-> a -activates-> e-flip
                  dose=high: drug -activates-> a -inhibits-| e-flip
                e-high  none                   negative, established
                  dose=high: drug -inhibits-| e-high
                1 effect keeps its verdict under every value of dose (low, high)

                """)
        let json = try pharmgraph("effects", "paths/contrast.yaml", "drug", "--contrast", "dose=low,high", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? String == "pharmgraph-contrast/1")
        #expect(object["unchanged"] as? Int == 1)
        let changed = try #require(object["changed"] as? [[String: Any]])
        let verdicts = changed.map { target in
            (target["contexts"] as? [[String: Any]] ?? []).map { "\($0["value"]!)=\($0["verdict"]!)" }
        }
        #expect(verdicts == [["low=positive", "high=negative"], ["low=none", "high=negative"]])
        let certainties = changed.map { target in (target["contexts"] as? [[String: Any]] ?? []).map { $0["certainty"] as? String } }
        #expect(certainties == [["established", "established"], [nil, "established"]])
    }

    @Test(
        "bad --contrast terms: a value no edge uses exits 1 with a suggestion; malformed or clashing with --where is a usage error",
        arguments: [
            (["--contrast", "dose=low,hihg"], 1, "error: --contrast: no edge has the context value 'hihg' for 'dose'; did you mean 'high'?\n"),
            (["--contrast", "dos=low,high"], 1, "error: --contrast: no edge has the context key 'dos'; did you mean 'dose'?\n"),
            (["--contrast", "dose=low"], 64, "Error: --contrast: invalid term 'dose=low': expected at least two non-empty values, comma-separated\n"),
            (["--contrast", "dose=low,low"], 64, "Error: --contrast: invalid term 'dose=low,low': a value is repeated\n"),
            (["--contrast", "dose=low,high", "--where", "dose=low"], 64, "Error: --contrast and --where both set 'dose'; give one\n"),
        ])
    func badContrast(arguments: [String], status: Int32, message: String) throws {
        let run = try Binary.run(["effects", "paths/contrast.yaml", "drug"] + arguments, in: fixtures)
        #expect(run.status == status)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(message))
    }

    @Test("feedback: paths and effects say when a loop makes the verdict abstain, in text and JSON")
    func feedback() throws {
        let paths = try pharmgraph("paths", "paths/feedback.yaml", "drug", "e-loop", "--max-length", "4")
        #expect(paths.status == 0)
        #expect(paths.stdout.contains("no determinate effect of drug on e-loop: mixed (a feedback loop, below)\n1 path: 1 positive, 0 negative, 0 unknown\n"))
        // --raw is the text before the verdict semantics: the count verdict, no feedback line.
        let raw = try pharmgraph("paths", "paths/feedback.yaml", "drug", "e-loop", "--max-length", "4", "--raw")
        #expect(raw.stdout == "+  drug -activates-> a -activates-> e-loop  [ref | ref]\n1 path: 1 positive, 0 negative, 0 unknown; verdict: positive\n")
        #expect(paths.stdout.contains("feedback loop through a, b, c, d (unbalanced): routes of the other sign pass the length limit"))
        let json = try pharmgraph("paths", "paths/feedback.yaml", "drug", "e-loop", "--max-length", "4", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "mixed" && object["raw_verdict"] as? String == "positive")
        #expect(object["reading"] as? String == "no determinate effect: a feedback loop" && object["stance"] as? String == "abstains")
        let feedback = try #require(object["feedback"] as? [String: Any])
        #expect(feedback["outcome"] as? String == "other_sign")
        #expect(feedback["abstains"] as? Bool == true)
        let loops = try #require(feedback["loops"] as? [[String: Any]])
        #expect(loops.map { $0["nodes"] as? [String] } == [["a", "b", "c", "d"]])
        #expect(loops.map { $0["size"] as? Int } == [4])
        let effects = try pharmgraph("effects", "paths/feedback-large.yaml", "drug", "--max-length", "3")
        #expect(effects.stdout.contains("\n  e       no determinate effect  established    1   0   0\n"))
        #expect(effects.stdout.contains("\n      a feedback loop on the way: not determinate by path counting (see below)\n"))
        #expect(!effects.stdout.contains("unsigned"))
        let reachJSON = try pharmgraph("effects", "paths/feedback-large.yaml", "drug", "--max-length", "3", "--format", "json")
        #expect(reachJSON.stdout.contains("\"reading\" : \"no determinate effect: a feedback loop\""))
        #expect(reachJSON.stdout.contains("\"verdict\" : \"unknown\"") && reachJSON.stdout.contains("\"feedback\""))
        #expect(
            effects.stdout.contains(
                "e: feedback loop through n0, n1, n10, n100, n101, n102, … (250 nodes) (unbalanced): routes of the other sign may pass"))
    }
}
