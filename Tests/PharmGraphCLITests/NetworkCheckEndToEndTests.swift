import Foundation
import PharmGraphTestSupport
import Testing

/// Imported networks end to end: where `check` files each diagnostic, totals, empty and malformed tables, drawing limits.
@Suite("Imported networks: check's files and totals, malformed tables, render limits and labels, end to end")
struct NetworkCheckEndToEndTests {
    private let directory: String
    private let sif = fixtures + "/import/small.sif"
    private let badNodes = fixtures + "/import/short-row-nodes.tsv"

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    private func run(_ arguments: String..., input: String = "") throws -> RunResult {
        try Binary.run(arguments, in: directory, input: input)
    }

    /// The `files` of a check JSON report as (path, errors, messages).
    private func files(_ json: String) throws -> [(path: String, errors: Int, messages: [String])] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        return files.map { file in
            let diagnostics = file["diagnostics"] as? [[String: Any]] ?? []
            return (file["path"] as? String ?? "", file["errors"] as? Int ?? -1, diagnostics.map { $0["message"] as? String ?? "" })
        }
    }

    @Test("check: a node table's errors are under the table's own entry and name, once; a missing table is named")
    func nodeTableEntry() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: sif, toPath: path("one.sif"))
        try FileManager.default.copyItem(atPath: sif, toPath: path("two.sif"))
        let json = try run("check", "one.sif", "two.sif", "--nodes", badNodes, "--format", "json")
        #expect(json.status == 1)
        let entries = try files(json.stdout)
        #expect(entries.map(\.path) == [badNodes, "one.sif", "two.sif"])
        #expect(entries[0].errors == 1)
        #expect(entries[0].messages == ["expected 3 columns as in the header, found 2"])
        #expect(entries[1].messages.allSatisfy { $0.hasPrefix("unknown node") })
        #expect(!entries[1].messages.isEmpty)

        let text = try run("check", "one.sif", "--nodes", badNodes)
        #expect(text.stderr.hasPrefix("\(badNodes):3:1: error: expected 3 columns as in the header, found 2\nB\tBeta\n^\n"))
        #expect(text.stderr.components(separatedBy: "found 2\n").count == 2)
        #expect(text.stderr.hasSuffix("checked 2 files: \(1 + entries[1].errors) errors, 0 warnings\n"))

        let missing = try run("check", "one.sif", "--nodes", "absent.tsv", "--format", "json")
        #expect(missing.status == 1)
        let unread = try files(missing.stdout)
        #expect(unread.map(\.path) == ["absent.tsv", "one.sif"])
        #expect(unread[0].messages == ["cannot read file: no such file"])
        #expect(unread[1].errors == 0)
        let missingText = try run("check", "one.sif", "--nodes", "absent.tsv")
        #expect(missingText.stderr == "absent.tsv: error: cannot read file: no such file\nchecked 2 files: 1 error, 0 warnings\n")
    }

    @Test("check: totals count every row error, though only the first 100 are printed")
    func totalsAboveTheCap() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rows = "source\ttarget\trelation\n" + String(repeating: "a\tb\n", count: 250)
        try rows.write(toFile: path("many.tsv"), atomically: true, encoding: .utf8)
        let text = try run("check", "many.tsv")
        #expect(text.status == 1)
        #expect(text.stderr.components(separatedBy: "error: expected 3 columns").count == 101)
        #expect(text.stderr.hasSuffix("many.tsv: error: 150 more errors not shown\nchecked 1 file: 250 errors, 0 warnings\n"))
        let json = try run("check", "many.tsv", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["errors"] as? Int == 250)
        let file = try #require((report["files"] as? [[String: Any]])?.first)
        #expect(file["errors"] as? Int == 250)
        let diagnostics = try #require(file["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 101)
        #expect(diagnostics.last?["count"] as? Int == 150)
    }
}

extension NetworkCheckEndToEndTests {
    @Test("an empty or blank SIF is an error in every command, from a file, a .gz or stdin")
    func emptySIF() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "".write(toFile: path("empty.sif"), atomically: true, encoding: .utf8)
        try "\n \t\n\n".write(toFile: path("blank.sif"), atomically: true, encoding: .utf8)
        let made = try Program.run("/bin/sh", ["-c", "gzip -c empty.sif > empty.sif.gz"], in: directory)
        try #require(made.status == 0, "gzip is missing: \(made.stderr)")
        let message = "error: file is empty; expected lines of source, relation and target"
        for name in ["empty.sif", "blank.sif", "empty.sif.gz"] {
            let checked = try run("check", name)
            #expect(checked.status == 1, "\(name)")
            #expect(checked.stderr.hasPrefix("\(name):1:1: \(message)\n"), "\(name): \(checked.stderr)")
        }
        let stdin = try run("check", "-", "--input-format", "sif")
        #expect(stdin.status == 1)
        #expect(stdin.stderr.hasPrefix("-:1:1: \(message)\n"))
        let render = try run("render", "empty.sif", "-o", "out.svg")
        #expect(render.status == 1)
        #expect(render.stderr.hasPrefix("empty.sif:1:1: \(message)\n"))
        #expect(!FileManager.default.fileExists(atPath: path("out.svg")))
        #expect(try run("stats", "blank.sif").status == 1)
        try FileManager.default.copyItem(atPath: sif, toPath: path("small.sif"))
        let diff = try run("diff", "empty.sif", "small.sif")
        #expect(diff.status == 2)
        #expect(diff.stderr.contains("empty.sif:1:1: \(message)"))
    }

    @Test("a CSV field whose quote is not closed on its line is an error at the quote")
    func unclosedQuote() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "source,interaction,target\nA,1,\"B\nC,1,D\n".write(toFile: path("uq.csv"), atomically: true, encoding: .utf8)
        let checked = try run("check", "uq.csv")
        #expect(checked.status == 1)
        #expect(
            checked.stderr
                == "uq.csv:2:5: error: unterminated quoted field: no closing '\"' on this line\nA,1,\"B\n    ^\nchecked 1 file: 1 error, 0 warnings\n"
        )
        #expect(try run("stats", "uq.csv").status == 1)
    }
}

extension NetworkCheckEndToEndTests {
    @Test("render shows each imported label in its edge's tooltip, whole, by --focus, by --paths and in paths --render")
    func importedLabels() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tsv = fixtures + "/import/signed.tsv"
        let whole = try run("render", tsv, "-o", "-", "--format", "dot", "--relation-map", "1=activates")
        #expect(whole.status == 0)
        #expect(whole.stdout.contains(#"tooltip="A activates B\ncertainty: established\ncontext: label=1""#))
        #expect(whole.stdout.contains(#"tooltip="B modulates C\ncertainty: established\ncontext: label=-1""#))
        let focus = try run("render", fixtures + "/input/hetionet.json", "-o", "-", "--format", "dot", "--focus", "Ketamine")
        #expect(focus.stdout.contains(#"tooltip="Ketamine modulates GRIN1\ncertainty: established\ncontext: label=CbG""#))
        let paths = try run("render", sif, "-o", "-", "--format", "dot", "--paths", "A", "E")
        #expect(paths.stdout.contains(#"context: label=pp""#))
        let rendered = try run("paths", sif, "A", "E", "--render", "p.dot")
        #expect(rendered.status == 0)
        #expect(try String(contentsOfFile: path("p.dot"), encoding: .utf8).contains(#"context: label=pp""#))
        // The shown label is not context: --where cannot match it, and says so.
        let filtered = try run("render", tsv, "-o", "-", "--format", "dot", "--relation-map", "1=activates", "--where", "label=1")
        #expect(filtered.status == 1 && filtered.stdout.isEmpty)
        #expect(filtered.stderr.contains("warning: relation '-1' has no mapping"))
        #expect(filtered.stderr.contains("\nerror: --where: no edge has the context key 'label'; no edge has a context\n"))
    }
}

extension NetworkCheckEndToEndTests {
    @Test("render refuses, before layout, to draw more than 1,500 nodes of a network by --focus or --paths")
    func drawnSizeLimit() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A hub with 1,600 targets, and 40 disjoint chains of 40 nodes from s to t.
        var rows = (0..<1600).map { "hub\tactivates\tn\($0)" }
        for c in 0..<40 {
            let chain = ["s"] + (0..<40).map { "c\(c)x\($0)" } + ["t"]
            rows += zip(chain, chain.dropFirst()).map { "\($0)\tactivates\t\($1)" }
        }
        try (rows.joined(separator: "\n") + "\n").write(toFile: path("big.sif"), atomically: true, encoding: .utf8)

        let focus = try run("render", "big.sif", "--focus", "hub", "--depth", "1", "-o", "focus.svg")
        #expect(focus.status == 1)
        #expect(
            focus.stderr
                == "big.sif: error: the neighbourhood of 'hub' within 1 step would draw 1601 nodes, more than the 1500 render draws from a network\n"
                + "  hint: lower --depth, follow one --direction (in or out), or draw --paths FROM TO\n")
        #expect(!FileManager.default.fileExists(atPath: path("focus.svg")))
        let small = try run("render", "big.sif", "--focus", "s", "--depth", "2", "-o", "-", "--format", "dot")
        #expect(small.status == 0, "\(small.stderr)")

        let paths = try run("render", "big.sif", "--paths", "s", "t", "--max-length", "41", "-o", "paths.svg")
        #expect(paths.status == 1)
        #expect(
            paths.stderr
                == "big.sif: error: the paths from 's' to 't' would draw 1602 nodes, more than the 1500 render draws from a network\n"
                + "  hint: lower --max-length\n")
        #expect(!FileManager.default.fileExists(atPath: path("paths.svg")))

        let printed = try run("paths", "big.sif", "s", "t", "--max-length", "41", "--limit", "40", "--render", "printed.svg")
        #expect(printed.status == 1)
        #expect(printed.stderr.hasSuffix("  hint: lower --limit or --max-length\n"))
        #expect(!FileManager.default.fileExists(atPath: path("printed.svg")))
    }
}
