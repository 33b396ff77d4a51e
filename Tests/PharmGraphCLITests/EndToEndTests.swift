import Foundation
import PharmGraphTestSupport
import Testing

@Suite("pharmgraph binary, end to end")
struct EndToEndTests {
    @Test("the binary was built")
    func binaryExists() {
        #expect(Binary.url != nil)
    }

    @Test("check: a valid file exits 0")
    func checkValid() throws {
        let run = try pharmgraph("check", "valid/example.yaml", "valid/example.json")
        #expect(run.status == 0)
        #expect(run.stderr == "checked 2 files: 0 errors, 0 warnings\n")
    }

    @Test("check: five problems are all printed with positions, exit 1")
    func checkSeveral() throws {
        let run = try pharmgraph("check", "diagnostics/several-problems.yaml")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        expectGolden(run.stderr, "check-several.stderr")
    }

    @Test("check --format json: a stable report on stdout")
    func checkJSON() throws {
        let run = try pharmgraph("check", "--format", "json", "diagnostics/several-problems.yaml", "valid/base.yaml")
        #expect(run.status == 1)
        expectGolden(run.stdout, "check-several.json")
    }

    @Test("check --strict fails on warnings only with --strict")
    func strict() throws {
        #expect(try pharmgraph("check", "diagnostics/unused-reference.yaml").status == 0)
        #expect(try pharmgraph("check", "--strict", "diagnostics/unused-reference.yaml").status == 1)
    }

    @Test("check: missing, empty and non-UTF-8 files are errors")
    func checkBadInput() throws {
        let run = try pharmgraph("check", "missing.yaml", "diagnostics/empty.yaml", "diagnostics/not-utf8.yaml")
        #expect(run.status == 1)
        #expect(run.stderr.contains("missing.yaml: error: cannot read file: no such file\n"))
        #expect(run.stderr.contains("diagnostics/empty.yaml:1:1: error: file is empty\n"))
        #expect(run.stderr.contains("diagnostics/not-utf8.yaml:2:11: error: file is not valid UTF-8: unexpected byte 0xE9\n"))
        #expect(run.stderr.hasSuffix("checked 3 files: 3 errors, 0 warnings\n"))
    }

    @Test("stats: text and JSON")
    func stats() throws {
        let text = try pharmgraph("stats", "valid/example.yaml")
        #expect(text.status == 0)
        expectGolden(text.stdout, "stats-example.txt")
        let json = try pharmgraph("stats", "--format", "json", "valid/example.yaml")
        #expect(json.status == 0)
        expectGolden(json.stdout, "stats-example.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["nodes"] as? Int == 5)
        #expect(object?["edges"] as? Int == 4)
        #expect((object?["edges_by_sign"] as? [String: Int])?["negative"] == 2)
    }

    @Test("stats: a file with errors prints its diagnostics and exits 1")
    func statsErrors() throws {
        let run = try pharmgraph("stats", "diagnostics/unknown-node.yaml")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("diagnostics/unknown-node.yaml:11:44: error: unknown node 'target-bb'"))
    }

    @Test("fmt: --check, rewrite, idempotence, and nothing touched on errors")
    func fmt() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let messy = """
            # keep me
            title: Messy
            id: messy
            version: "2"
            edges:
              - relation: activates
                to: b
                from: a
                refs: [r]
            nodes: [{kind: process, id: b}, {id: a, kind: drug}]
            references: {r: {citation: R}}

            """
        let path = directory + "/messy.yaml"
        try messy.write(toFile: path, atomically: true, encoding: .utf8)
        let checked = try Binary.run(["fmt", "--check", "messy.yaml"], in: directory)
        #expect(checked.status == 1)
        #expect(checked.stderr == "messy.yaml: not in canonical form (run 'pharmgraph fmt messy.yaml')\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == messy)

        let formatted = try Binary.run(["fmt", "messy.yaml"], in: directory)
        #expect(formatted.status == 0)
        let canonical = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            canonical == """
                # keep me
                id: messy
                title: Messy
                version: "2"
                references:
                  r: {citation: R}
                nodes:
                  - {id: b, kind: process}
                  - {id: a, kind: drug}
                edges:
                  - {from: a, relation: activates, to: b, refs: [r]}

                """)
        #expect(try Binary.run(["fmt", "--check", "messy.yaml"], in: directory).status == 0)
        #expect(try Binary.run(["fmt", "messy.yaml"], in: directory).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == canonical)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers == ["messy.yaml"])

        let broken = directory + "/broken.yaml"
        let brokenText = try String(
            contentsOfFile: fixtures + "/diagnostics/several-problems.yaml", encoding: .utf8)
        try brokenText.write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try Binary.run(["fmt", "broken.yaml"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("broken.yaml:9:10: error: duplicate node id 'target-b'"))
        #expect(refused.stderr.contains("broken.yaml has errors; not formatted"))
        #expect(try String(contentsOfFile: broken, encoding: .utf8) == brokenText)
    }

    @Test("--version, --help with examples, and usage errors exit 64")
    func usage() throws {
        let version = try pharmgraph("--version")
        #expect(version.status == 0)
        // The tool, its semantics and the Graphviz it links, as libgvc reports it at run time.
        let lines = version.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty, "\(version.stdout)")
        #expect(lines.first == "pharmgraph 0.1.0")
        #expect(lines.dropFirst().first == "semantics: pharmgraph-semantics/1")
        #expect(lines.dropFirst(2).first?.wholeMatch(of: /Graphviz: [0-9]+\.[0-9]+\.[0-9]+ \(libgvc\)/) != nil, "\(version.stdout)")
        let help = try pharmgraph("check", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        #expect(try pharmgraph("check").status == 64)
        #expect(try pharmgraph("stats", "--format", "xml", "valid/base.yaml").status == 64)
        #expect(try pharmgraph("check", "--bogus", "valid/base.yaml").status == 64)
        #expect(try pharmgraph("frobnicate").status == 64)
    }
}
