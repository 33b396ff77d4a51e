import Foundation
import PharmGraphTestSupport
import Testing

/// `--where` checked against the graph, the edges it left out, and `--context-column` (docs/queries.md, "Context filters").
@Suite("Context filters end to end")
struct FilterEndToEndTests {
    private let ketamine = Repository.path("Graphs/ketamine.yaml")

    @Test(
        "a key or value no edge uses is an error with a suggestion, exit 1, nothing on stdout",
        arguments: [
            (["dos=subanesthetic"], "error: --where: no edge has the context key 'dos'; did you mean 'dose'?\n"),
            (
                ["dose=subanesthtic"],
                "error: --where: no edge has the context value 'subanesthtic' for 'dose'; did you mean 'subanesthetic'?\n"
            ),
            (
                ["dos=x", "dose=subanesthtic"],
                "error: --where: no edge has the context key 'dos'; did you mean 'dose'?\n"
                    + "error: --where: no edge has the context value 'subanesthtic' for 'dose'; did you mean 'subanesthetic'?\n"
            ),
        ])
    func typos(_ terms: [String], _ expected: String) throws {
        let filters = terms.flatMap { ["--where", $0] }
        let commands: [[String]] = [
            ["paths", ketamine, "ketamine", "antidepressant-effect"],
            ["paths", ketamine, "ketamine", "antidepressant-effect", "--format", "json"],
            ["effects", ketamine, "ketamine"],
            ["causes", ketamine, "depression", "--format", "json"],
            ["render", ketamine, "-o", "-", "--format", "dot"],
        ]
        for command in commands {
            let run = try Binary.run(command + filters, in: fixtures)
            #expect(run.status == 1, "\(command)")
            #expect(run.stdout.isEmpty, "\(command)")
            #expect(run.stderr == expected, "\(command)")
        }
    }

    @Test("diff: a term that neither version can match is trouble (exit 2); one either version uses is fine")
    func diff() throws {
        let typo = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--where", "dose=anesthtic")
        #expect(typo.status == 2 && typo.stdout.isEmpty)
        #expect(typo.stderr == "error: --where: no edge has the context value 'anesthtic' for 'dose'; did you mean 'anesthetic'?\n")
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--where", "dos=anesthetic").status == 2)
        // anesthetic is used only by the old version, subanesthetic only by the new one.
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--where", "dose=anesthetic").status == 1)
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--where", "dose=subanesthetic").status == 1)
    }

    @Test("paths, effects and causes say how many edges the filter left out, in text and JSON")
    func removedCount() throws {
        // dose is ordinal in the ketamine graph: --where dose=subanesthetic leaves out the edges that hold from anesthetic
        // dose up; the conditions it does not assert are left out too, and a second line says so.
        let line = "--where dose=subanesthetic left out 7 of 228 edges\n"
        let conditions =
            "unasserted conditions left out 13 edges (--where condition=chronic-pain includes 4, condition=hypoxia 1, "
            + "condition=neuropathic-pain 2, condition=nmdar-hyperstimulation 6)\n"
        let paths = try pharmgraph(
            "paths", ketamine, "ketamine", "antidepressant-effect", "--where", "dose=subanesthetic", "--limit", "0", "--raw")
        #expect(paths.status == 0)
        // The counts of the re-curated graph (issue 12); binds is not walked.
        #expect(paths.stdout == "67 paths: 48 positive, 0 negative, 19 unknown; verdict: positive\n" + line + conditions)
        let tsv = try pharmgraph("paths", ketamine, "ketamine", "analgesia", "--where", "dose=subanesthetic", "--format", "tsv")
        #expect(tsv.stderr.contains("\n" + line + conditions))
        // The reading of effects and causes wraps the conditions line at 100 columns.
        let wrapped =
            "unasserted conditions left out 13 edges (--where condition=chronic-pain includes 4,\n"
            + "condition=hypoxia 1, condition=neuropathic-pain 2, condition=nmdar-hyperstimulation 6)\n"
        let effects = try pharmgraph("effects", ketamine, "ketamine", "--where", "dose=subanesthetic")
        #expect(effects.status == 0 && effects.stdout.hasSuffix("\n" + line + wrapped))
        let causes = try pharmgraph("causes", ketamine, "depression", "--where", "dose=anesthetic")
        #expect(causes.stdout.hasSuffix("\n--where dose=anesthetic left out 1 of 228 edges\n" + wrapped))
        // Without --where, the ketamine graph's declared defaults still leave edges out, and the output says so.
        #expect(try pharmgraph("effects", ketamine, "ketamine").stdout.contains("\nunasserted conditions left out 13 edges"))
        for command in [["paths", ketamine, "ketamine", "analgesia"], ["effects", ketamine, "ketamine"], ["causes", ketamine, "depression"]] {
            let plain = try Binary.run(command + ["--format", "json"], in: fixtures)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
            let defaults = try #require(object["filter"] as? [String: Any], "\(command)")
            #expect(defaults["terms"] as? [String: String] == [:] && defaults["edges_removed"] as? Int == 0)
            #expect((defaults["defaults"] as? [[String: Any]])?.compactMap { $0["key"] as? String } == ["condition", "dose"])
            let filtered = try Binary.run(command + ["--format", "json", "--where", "dose=subanesthetic"], in: fixtures)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [String: Any])
            let filter = try #require(json["filter"] as? [String: Any], "\(command)")
            #expect(filter["terms"] as? [String: String] == ["dose": "subanesthetic"])
            #expect(filter["edges_removed"] as? Int == 7 && filter["edges"] as? Int == 228)
        }
        // A graph that declares no contexts (paths/signed.yaml, one undeclared dose edge): no filter line and no JSON
        // field without --where; with it, the one line.
        let undeclared = "paths/signed.yaml"
        for command in [["paths", undeclared, "drug-a", "e-pos"], ["effects", undeclared, "drug-a"], ["causes", undeclared, "e-pos"]] {
            #expect(try !Binary.run(command, in: fixtures).stdout.contains("left out"))
            let plain = try Binary.run(command + ["--format", "json"], in: fixtures)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
            #expect(object["filter"] == nil)
            let filtered = try Binary.run(command + ["--where", "dose=anesthetic"], in: fixtures)
            #expect(filtered.stdout.hasSuffix("\n--where dose=anesthetic left out 0 of 11 edges\n"))
        }
    }

    @Test("--context-column: a TSV column becomes a context that --where filters on")
    func contextColumn() throws {
        let table = "import/contexts.tsv"
        let map = ["--relation-map", "1=activates,-1=inhibits"]
        // A -> B (human) -| C (mouse) -> D, and A -| D (human).
        let all = try Binary.run(["paths", table, "A", "D", "--context-column", "Species", "--raw"] + map, in: fixtures)
        #expect(all.stdout.hasSuffix("2 paths: 0 positive, 2 negative, 0 unknown; verdict: negative\n"))
        let human = try Binary.run(
            ["paths", table, "A", "D", "--context-column", "Species", "--where", "Species=human", "--raw"] + map, in: fixtures)
        #expect(human.status == 0)
        #expect(
            human.stdout == """
                -  A --1-| D
                1 path: 0 positive, 1 negative, 0 unknown; verdict: negative
                --where Species=human left out 1 of 4 edges

                """)
        // Unnamed, the column is no context: --where says so rather than filtering nothing.
        let unnamed = try Binary.run(["paths", table, "A", "D", "--where", "Species=human"] + map, in: fixtures)
        #expect(unnamed.status == 1 && unnamed.stdout.isEmpty)
        // Its unread columns are warned about first (docs/formats.md, "Richer TSV/CSV").
        #expect(unnamed.stderr.contains("import/contexts.tsv:1:27: warning: column 'Species' is not read"))
        #expect(
            unnamed.stderr.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("error:") }.joined(separator: "\n")
                == """
                error: --where: no edge has the context key 'Species'; no edge has a context
                note: a column of a TSV/CSV network is a context key only when named with --context-column

                """)
        // A named column the header lacks is an error at 1:1 with the header's columns.
        let missing = try Binary.run(["stats", table, "--context-column", "species", "--context-column", "Route"], in: fixtures)
        #expect(missing.status == 1)
        #expect(
            missing.stderr.hasPrefix(
                "import/contexts.tsv:1:1: error: no context column 'Route' in the header (found 'source', 'interaction', 'target', 'Species', 'dose')\n"
            ))
        let twice = try Binary.run(["stats", table, "--context-column", "dose", "--context-column", "Dose"], in: fixtures)
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("Error: --context-column 'Dose' is given twice"))
    }
}
