import Foundation
import PharmGraphTestSupport
import Testing

/// The queries of PathTests (whose paths and signs are worked out by hand in its comment), through the binary.
@Suite("paths, effects, causes and claims, end to end")
struct PathsEndToEndTests {
    @Test("--relations: a comma-separated list, spaces trimmed; provenance keeps it as given; effects' default and named targets")
    func relationsAndTargets() throws {
        let both = try pharmgraph("paths", "valid/example.yaml", "ketamine", "analgesia", "--relations", "inhibits, activates", "--format", "json")
        #expect(both.status == 0)
        #expect(both.stdout.contains(#""total" : 1,"#))
        #expect(both.stdout.contains(#""relations" : "inhibits, activates","#))
        let one = try pharmgraph("paths", "valid/example.yaml", "ketamine", "analgesia", "--relations", "inhibits")
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("no determinate effect of ketamine on analgesia: none (no path)\n0 paths: 0 positive, 0 negative, 0 unknown\n"))
        let unknown = try pharmgraph("effects", "valid/example.yaml", "ketamine", "--targets", "nobody")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: --targets: unknown node 'nobody'"))
        let network = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: network) }
        try "a\tactivates\tb\n".write(toFile: network + "/n.sif", atomically: true, encoding: .utf8)
        let none = try pharmgraph("effects", network + "/n.sif", "a")
        #expect(none.status == 1)
        #expect(none.stderr == "error: the graph has no node of kind 'effect' or 'condition'; name the targets with --targets kind:K\n")
        // Import options change the answer, so provenance records them.
        let mapped = try pharmgraph("paths", "import/small.sif", "A", "C", "--relation-map", "pp=activates", "--format", "json")
        #expect(mapped.status == 0)
        #expect(mapped.stdout.contains(#""relation_map" : "pp=activates""#))
        // causes selects drugs with --sources, and its errors say so.
        let source = try pharmgraph("causes", "valid/example.yaml", "analgesia", "--sources", "nobody")
        #expect(source.status == 1)
        #expect(source.stderr.hasPrefix("error: --sources: unknown node 'nobody'"))
        let noDrug = try pharmgraph("causes", network + "/n.sif", "b")
        #expect(noDrug.status == 1)
        #expect(noDrug.stderr == "error: the graph has no node of kind 'drug'; name the drugs with --sources kind:K\n")
    }

    @Test("paths: text, JSON and TSV")
    func paths() throws {
        let text = try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos")
        #expect(text.status == 0)
        expectGolden(text.stdout, "paths-signed.txt")
        let json = try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--format", "json")
        expectGolden(json.stdout, "paths-signed.json")
        let tsv = try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--format", "tsv")
        expectGolden(tsv.stdout, "paths-signed.tsv")
        #expect(tsv.stderr.hasPrefix("4 paths: 2 positive, 1 negative, 1 unknown; verdict: mixed (established)\n"))
        let raw = try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--raw")
        #expect(raw.stdout.hasSuffix("\n4 paths: 2 positive, 1 negative, 1 unknown; verdict: mixed\n"))
    }

    @Test("paths --format json: provenance names the network and its node table, without id or version")
    func networkProvenance() throws {
        let run = try pharmgraph(
            "paths", "import/contexts.tsv", "A", "C", "--nodes", "import/nodes.csv", "--context-column", "dose", "--where", "dose=low",
            "--format", "json")
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? String == "pharmgraph-paths/2")
        let provenance = try #require(object["provenance"] as? [String: Any])
        let inputs = try #require(provenance["inputs"] as? [[String: Any]])
        #expect(inputs.count == 2)
        #expect(inputs.allSatisfy { $0["id"] is NSNull && $0["version"] is NSNull && ($0["sha256"] as? String)?.count == 64 })
        #expect(inputs[0]["sha256"] as? String != inputs[1]["sha256"] as? String)
        let options = try #require(provenance["options"] as? [String: String])
        #expect(options["where"] == "dose=low" && options["from"] == "A" && options["to"] == "C")
        #expect(options["context_columns"] == "dose")
        // dose=low leaves out C -> D (high) of the 4 edges.
        let filter = try #require(object["filter"] as? [String: Any])
        #expect(filter["terms"] as? [String: String] == ["dose": "low"])
        #expect(filter["edges_removed"] as? Int == 1 && filter["edges"] as? Int == 4)
    }

    @Test("paths: context filter, limit 0, shortest, k and sign")
    func options() throws {
        // The graph tags one edge dose=anesthetic: subanesthetic matches no edge and is an error, no longer a silent filter.
        let unused = try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--where", "dose=subanesthetic", "--limit", "0")
        #expect(unused.status == 1 && unused.stdout.isEmpty)
        #expect(unused.stderr == "error: --where: no edge has the context value 'subanesthetic' for 'dose'; did you mean 'anesthetic'?\n")
        #expect(
            try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--where", "dose=anesthetic", "--limit", "0", "--raw").stdout
                == "4 paths: 2 positive, 1 negative, 1 unknown; verdict: mixed\n--where dose=anesthetic left out 0 of 11 edges\n")
        #expect(
            try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--shortest", "--raw").stdout == """
                +  drug-a -inhibits-| r1 -inhibits-| e-pos  [ref | ref]
                ?  drug-a -activates-> r2 -modulates-o e-pos  [ref | ref]
                2 paths: 1 positive, 0 negative, 1 unknown; verdict: positive

                """)
        #expect(
            try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--shortest").stdout == """
                +  drug-a -inhibits-| r1 -inhibits-| e-pos  [ref | ref]
                ?  drug-a -activates-> r2 -modulates-o e-pos  [ref | ref]
                drug-a produces e-pos: positive, probable; 1 positive path in 1 mechanism
                2 paths: 1 positive, 0 negative, 1 unknown
                tiers: established 0+ 0- 1?; probable 1+ 0- 0?
                + 1 unsigned route
                mechanisms: 2 distinct (1 positive, 1 unknown)
                headline: drug-a -inhibits-| r1 -inhibits-| e-pos

                """)
        #expect(
            try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--sign", "negative").stdout == """
                -  drug-a -activates-> r2 -activates-> p1 -inhibits-| e-pos  [ref | ref | ref]
                drug-a reduces e-pos: negative, established; 1 negative path in 1 mechanism
                1 path: 0 positive, 1 negative, 0 unknown

                """)
        #expect(
            try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-none", "--limit", "0").stdout
                == "no determinate effect of drug-a on e-none: none (no path)\n0 paths: 0 positive, 0 negative, 0 unknown\n"
                + "no path: 'e-none' is not reachable from 'drug-a'\n")
    }

    @Test("an empty answer says why, in text and JSON; an answer with paths has no explanation")
    func emptyAnswers() throws {
        let ketamine = Repository.path("Graphs/ketamine.yaml")
        // A stated no-effect edge explains the empty answer (naloxone → analgesia has a path since issue 12).
        let text = try pharmgraph("paths", ketamine, "hcn-channels", "ketamine-cystitis")
        #expect(text.status == 0)
        #expect(
            text.stdout == """
                no determinate effect of hcn-channels on ketamine-cystitis: none (no path)
                0 paths: 0 positive, 0 negative, 0 unknown
                unasserted conditions left out 13 edges (--where condition=chronic-pain includes 4, condition=hypoxia 1, \
                condition=neuropathic-pain 2, condition=nmdar-hyperstimulation 6); the default dose range \
                subanesthetic–anesthetic left out 1 edge (--where dose=supratherapeutic includes them)
                no path: the graph states that 'hcn-channels' has no effect on 'ketamine-cystitis' \
                (hcn-channels -no_effect-o ketamine-cystitis [xie2021])

                """)
        let json = try pharmgraph("paths", "paths/empty.yaml", "drug", "e-far", "--max-length", "3", "--format", "json")
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? String == "pharmgraph-paths/2")
        let explanation = try #require(object["explanation"] as? [String: String])
        #expect(explanation["reason"] == "too_long")
        #expect(explanation["text"] == "no path within the maximum length: the shortest path has 4 steps, more than the maximum length 3")
        let same = try pharmgraph("paths", "paths/empty.yaml", "drug", "drug", "--limit", "0")
        #expect(same.stdout.hasSuffix("no path: the source and the target are the same node, 'drug', and a path never returns to its start\n"))
        let found = try pharmgraph("paths", "paths/empty.yaml", "drug", "e-far", "--format", "json")
        #expect(!found.stdout.contains("explanation"))
        #expect(try pharmgraph("paths", "paths/empty.yaml", "drug", "e-far", "--raw").stdout.split(separator: "\n").count == 2)
    }

    @Test("effects and causes")
    func reach() throws {
        let effects = try pharmgraph("effects", "paths/signed.yaml", "drug-a")
        #expect(effects.status == 0)
        expectGolden(effects.stdout, "effects-signed.txt")
        let json = try pharmgraph("effects", "paths/signed.yaml", "drug-a", "--format", "json")
        expectGolden(json.stdout, "effects-signed.json")
        let causes = try pharmgraph("causes", "paths/signed.yaml", "e-none")
        expectGolden(causes.stdout, "causes-signed.txt")
        // The verdict column is tiered; --raw prints the raw counts' verdicts and no caveat line. Since the
        // re-curation (issue 12) no ketamine.yaml answer has a caveat, so paths/caveat.yaml holds one: two
        // established paths reduce pain, the one that produces it rests on a probable edge.
        let tiered = try pharmgraph("effects", "paths/caveat.yaml", "drug")
        #expect(tiered.stdout.contains("\n  pain    reduces  established    1   2   0\n"))
        // The caveat names only the shared edges weaker than the verdict's (established) tier.
        #expect(
            tiered.stdout.hasSuffix(
                """
                      weaker evidence of the other sign (produces): 1 path (probable), all through
                          drug -activates-> weak-target

                """))
        let raw = try pharmgraph("effects", "paths/caveat.yaml", "drug", "--raw")
        #expect(raw.stdout == "effect  verdict     +     -     ?  shortest path\npain    mixed        1     2     0  drug -inhibits-| r1 -activates-> pain\n")
        // ketamine → hyperalgesia holds under neuropathic pain, a condition context: reached when the query asserts
        // it, and otherwise only listed among the targets other contexts reach.
        let ketamine = Repository.path("Graphs/ketamine.yaml")
        let neuropathic = try pharmgraph("effects", ketamine, "ketamine", "--targets", "hyperalgesia", "--where", "condition=neuropathic-pain")
        #expect(neuropathic.stdout.contains("\n  hyperalgesia  reduces  established    0   6   0\n"))
        let plain = try pharmgraph("effects", ketamine, "ketamine", "--targets", "hyperalgesia").stdout
        #expect(plain.hasPrefix("ketamine reaches no effect or condition within 6 steps\n"))
        #expect(plain.contains("\n  hyperalgesia  reduces, established (--where condition=neuropathic-pain)\n"))
    }

    @Test("check: unmet claims are errors with the contradicting paths, exit 1")
    func claims() throws {
        #expect(try pharmgraph("check", "--strict", "paths/signed.yaml").status == 0)
        let failing = try pharmgraph("check", "paths/claims-fail.yaml")
        #expect(failing.status == 1)
        expectGolden(failing.stderr, "check-claims-fail.stderr")
    }

    @Test("batch: one summary row per query; a malformed line is an error at its line")
    func batch() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "drug-a\te-pos\n# a comment\ndrug-b\te-none\n".write(toFile: directory + "/q.tsv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["paths", fixtures + "/paths/signed.yaml", "--batch", "q.tsv", "--limit", "1"], in: directory)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                from\tto\ttotal\tpositive\tnegative\tunknown\tverdict\tshortest\tpartial\traw_verdict\tcertainty
                drug-a\te-pos\t4\t2\t1\t1\tmixed\t2\tno\tmixed\testablished
                drug-b\te-none\t1\t1\t0\t0\tpositive\t1\tno\tpositive\testablished

                """)
        try "drug-a\te-pos\ndrug-b\n".write(toFile: directory + "/bad.tsv", atomically: true, encoding: .utf8)
        let bad = try Binary.run(["paths", fixtures + "/paths/signed.yaml", "--batch", "bad.tsv"], in: directory)
        #expect(bad.status == 1)
        #expect(bad.stderr == "bad.tsv:2:1: error: expected FROM<TAB>TO[<TAB>OPTIONS], found 1 field(s)\ndrug-b\n^\n")
        try "drug-a\te-poss\n".write(toFile: directory + "/unknown.tsv", atomically: true, encoding: .utf8)
        let unknown = try Binary.run(["paths", fixtures + "/paths/signed.yaml", "--batch", "unknown.tsv"], in: directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "unknown.tsv:1:8: error: TO: unknown node 'e-poss'; did you mean 'e-pos'?\ndrug-a\te-poss\n      \t^\n")
    }

    @Test("paths --render draws the paths, of a curated graph or an imported network")
    func render() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Binary.run(
            ["paths", fixtures + "/paths/signed.yaml", "drug-a", "e-pos", "--render", "p.svg", "--limit", "0"], in: directory)
        #expect(run.status == 0)
        // Graphviz writes '-' in SVG text as '&#45;'.
        let svg = try String(contentsOfFile: directory + "/p.svg", encoding: .utf8).replacingOccurrences(of: "&#45;", with: "-")
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Paths from drug-a to e-pos, at most 6 steps: 4 (2 +, 1 -, 1 ?), verdict mixed, established"))
        // An imported network is drawn too: its path's edges and ends, titled with its name.
        let imported = try Binary.run(
            ["paths", fixtures + "/import/small.sif", "A", "C", "--render", "n.dot"], in: directory)
        #expect(imported.status == 0)
        let dot = try String(contentsOfFile: directory + "/n.dot", encoding: .utf8)
        #expect(dot.contains("small.sif (sif network)"))
        #expect(dot.contains("\"A\" -> \"B\""))
    }

    @Test("errors: unknown nodes exit 1 with a suggestion; bad options exit 64")
    func errors() throws {
        let unknown = try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-poss")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: TO: unknown node 'e-poss'; did you mean 'e-pos'?\n")
        #expect(try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--limit", "-1").status == 64)
        #expect(try pharmgraph("paths", "paths/signed.yaml", "drug-a", "e-pos", "--where", "dose").status == 64)
        #expect(try pharmgraph("paths", "paths/signed.yaml", "drug-a").status == 64)
        #expect(try pharmgraph("paths", "import/small.sif", "A", "D", "--relation-map", "x=activate").status == 64)
        let broken = try pharmgraph("paths", "import/wrong-columns.tsv", "A", "B")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("import/wrong-columns.tsv:3:1: error: expected 3 columns as in the header, found 2"))
    }

    @Test("imported networks: every positioned diagnostic has its source line and caret; trailing commas are refused")
    func importedCarets() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let item = "{\"metanode_kinds\": [\"Gene\"],\n \"nodes\": [{\"kind\": \"Gene\", \"identifier\": \"a\"},\n  {\"kind\": \"Gene\"}],\n \"edges\": []}\n"
        try item.write(toFile: directory + "/het.json", atomically: true, encoding: .utf8)
        let bad = try Binary.run(["paths", "het.json", "Gene::a", "Gene::a"], in: directory)
        #expect(bad.status == 1)
        #expect(
            bad.stderr == """
                het.json:3:3: error: hetionet json: nodes[1]: expected 'kind' and 'identifier'
                  {"kind": "Gene"}],
                  ^

                """)
        let commas = #"{"metanode_kinds": ["Gene"], "nodes": [{"kind": "Gene", "identifier": "a", "name": "n",},], "edges": [],}"#
        try commas.write(toFile: directory + "/commas.json", atomically: true, encoding: .utf8)
        let refused = try Binary.run(["paths", "commas.json", "Gene::a", "Gene::a"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr == "commas.json:1:87: error: invalid JSON: trailing comma before '}'\n\(commas)\n" + String(repeating: " ", count: 86) + "^\n")
        try "a\tinhibits\tb\nc\tinhibits\n".write(toFile: directory + "/old.sif", atomically: true, encoding: .utf8)
        try "a\tinhibits\tb\n".write(toFile: directory + "/new.sif", atomically: true, encoding: .utf8)
        let diff = try Binary.run(["diff", "old.sif", "new.sif"], in: directory)
        #expect(diff.status == 2)
        #expect(
            diff.stderr.contains(
                "old.sif:2:3: error: expected source, relation and target, found 2 fields (relation 'inhibits' has no target)\nc\tinhibits\n \t^\n"))
    }
}
