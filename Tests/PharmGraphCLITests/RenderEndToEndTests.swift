import Foundation
import PharmGraphTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

private func isWellFormedXML(_ data: Data) -> Bool {
    XMLParser(data: data).parse()
}

/// Files in `directory`, sorted.
private func listing(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
}

@Suite("pharmgraph render, end to end")
struct RenderEndToEndTests {
    @Test("SVG, PNG, PDF and JSON by extension, written to files")
    func formats() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["out.svg", "out.png", "out.pdf", "out.json", "out.dot"] {
            let run = try pharmgraph("render", "valid/example.yaml", "-o", directory + "/" + name)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(name): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        let svg = try Data(contentsOf: URL(fileURLWithPath: directory + "/out.svg"))
        #expect(isWellFormedXML(svg))
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("class=\"cluster legend\""))
        #expect(text.contains("Example mechanism graph"))
        let png = try Data(contentsOf: URL(fileURLWithPath: directory + "/out.png"))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let pdf = try Data(contentsOf: URL(fileURLWithPath: directory + "/out.pdf"))
        #expect(String(decoding: pdf.prefix(4), as: UTF8.self) == "%PDF")
        let json = try Data(contentsOf: URL(fileURLWithPath: directory + "/out.json"))
        #expect((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["name"] as? String == "example")
        #expect(try listing(directory) == ["out.dot", "out.json", "out.pdf", "out.png", "out.svg"])
    }

    @Test("-o - with --format dot writes the deterministic DOT text to stdout")
    func dotToStdout() throws {
        let run = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "dot")
        #expect(run.status == 0)
        #expect(Golden.compare(run.stdout, to: "Tests/PharmGraphCLITests/Golden/render-example.dot") == .matches)
        let again = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "dot")
        #expect(again.stdout == run.stdout)
        let svg = try pharmgraph("render", "valid/example.yaml", "-o", "-")
        #expect(svg.status == 0)
        #expect(svg.stdout.hasPrefix("<?xml"))
    }

    @Test("options: cluster, rank direction, no legend, focus, paths, where")
    func options() throws {
        let clustered = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--cluster-by", "system", "--rankdir", "TB",
            "--no-legend")
        #expect(clustered.status == 0)
        #expect(clustered.stdout.contains("subgraph \"cluster_system_1\""))
        #expect(clustered.stdout.contains("label=\"glutamatergic\""))
        #expect(clustered.stdout.contains("rankdir=\"TB\""))
        #expect(!clustered.stdout.contains("legend"))

        let focus = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--focus", "NMDAR", "--depth", "1",
            "--direction", "out")
        #expect(focus.status == 0)
        #expect(focus.stdout.contains("Neighbourhood of NMDA receptor: depth 1, downstream"))
        #expect(focus.stdout.contains("\"nmdar\" -> \"pain-signalling\""))
        #expect(!focus.stdout.contains("\"ketamine\" ["))

        let paths = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--paths", "ketamine", "analgesia", "--no-caption")
        #expect(paths.status == 0, "\(paths.stderr)")
        #expect(paths.stdout.contains("Paths from Ketamine to Analgesia, at most 6 steps: 1 (1 +, 0 -, 0 ?), net positive"))
        #expect(paths.stdout.contains(#"1. net + positive: Ketamine ⊣ NMDA receptor → Pain signalling ⊣ Analgesia\l"#))
        #expect(!paths.stdout.contains("gut-microbiome"))

        let filtered = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--paths", "ketamine", "analgesia", "--where",
            "region=spinal-cord")
        #expect(filtered.status == 0)
        #expect(filtered.stdout.contains("at most 6 steps: 1 (1 +, 0 -, 0 ?)"))
        #expect(filtered.stdout.contains("Where region=spinal-cord"))
        // A value no edge uses is an error, not a drawing of nothing.
        let typo = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--paths", "ketamine", "analgesia", "--where",
            "region=hippocampus")
        #expect(typo.status == 1 && typo.stdout.isEmpty)
        #expect(
            typo.stderr
                == "error: --where: no edge has the context value 'hippocampus' for 'region'; the edges use the values 'spinal-cord'\n")
        let pathSVG = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--paths", "ketamine", "analgesia", "--max-length", "2")
        #expect(pathSVG.status == 0)
        #expect(isWellFormedXML(Data(pathSVG.stdout.utf8)))
    }

    @Test("above the node limit the default engine is sfdp, and stderr says so")
    func largeGraphUsesSfdp() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var lines = ["id: big", "title: Big", "version: \"1\"", "references:", "  r: {citation: R}", "nodes:"]
        for i in 0..<200 { lines.append("  - {id: n\(i), kind: process}") }
        lines.append("edges:")
        for i in 0..<200 { lines.append("  - {from: n\(i), relation: activates, to: n\((i + 1) % 200), refs: [r]}") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/big.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["render", "big.yaml", "-o", "big.svg"], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr == "note: 200 nodes is more than 150; laying out with sfdp (use --engine dot to insist)\n")
        #expect(isWellFormedXML(try Data(contentsOf: URL(fileURLWithPath: directory + "/big.svg"))))
        let forced = try Binary.run(["render", "big.yaml", "-o", "-", "--format", "dot", "--engine", "neato"], in: directory)
        #expect(forced.stderr.isEmpty)
        #expect(forced.stdout.contains("layout=\"neato\""))
    }

    @Test("an unknown engine or format is a usage error listing the valid choices")
    func usageErrors() throws {
        let engine = try pharmgraph("render", "valid/example.yaml", "-o", "x.svg", "--engine", "bogus")
        #expect(engine.status == 64)
        // Typed options: ArgumentParser's message, the same for every command (docs/decisions.md, "Options").
        #expect(engine.stderr.contains("The value 'bogus' is invalid for '--engine <engine>'"))
        #expect(engine.stderr.contains("- dot\n  - neato\n  - fdp\n  - sfdp\n  - circo\n  - twopi\n"))
        let format = try pharmgraph("render", "valid/example.yaml", "-o", "x.svg", "--format", "gif")
        #expect(format.status == 64)
        #expect(format.stderr.contains("The value 'gif' is invalid for '--format <format>'"))
        #expect(format.stderr.contains("- svg\n  - png\n  - pdf\n  - dot\n  - json\n  - html\n"))
        let ext = try pharmgraph("render", "valid/example.yaml", "-o", "x.gif")
        #expect(ext.status == 64)
        #expect(ext.stderr.contains("cannot tell the format of 'x.gif' from its extension; use --format svg, png, pdf, dot, json, html"))
        #expect(try pharmgraph("render", "valid/example.yaml", "-o", "x.svg", "--rankdir", "RL").status == 64)
        #expect(try pharmgraph("render", "valid/example.yaml", "-o", "x.svg", "--paths", "ketamine").status == 64)
        #expect(try pharmgraph("render", "valid/example.yaml", "-o", "x.svg", "--where", "dose").status == 64)
        #expect(try pharmgraph("render", "valid/example.yaml").status == 64)
        #expect(!FileManager.default.fileExists(atPath: fixtures + "/x.svg"))
        let help = try pharmgraph("render", "--help")
        #expect(help.stdout.contains("Examples:"))
        #expect(!help.stdout.contains("benchmark"))
    }

    @Test("bad input: a broken graph file or an unknown node fails with a message and writes nothing")
    func badInput() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/out.svg"
        try "precious".write(toFile: out, atomically: true, encoding: .utf8)
        let broken = try pharmgraph("render", "diagnostics/unknown-node.yaml", "-o", out)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("diagnostics/unknown-node.yaml:11:44: error: unknown node 'target-bb'"))
        let unknown = try pharmgraph("render", "valid/example.yaml", "-o", out, "--focus", "nmdr")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: unknown node 'nmdr'; did you mean 'nmdar'?\n")
        let missing = try pharmgraph("render", "missing.yaml", "-o", out)
        #expect(missing.status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "precious")
        #expect(try listing(directory) == ["out.svg"])
    }

    @Test("an unwritable output leaves no partial file and does not clobber what is there")
    func unwritable() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let noDirectory = try Binary.run(["render", fixtures + "/valid/example.yaml", "-o", "missing/out.svg"], in: directory)
        #expect(noDirectory.status == 1)
        #expect(noDirectory.stderr.contains("error: cannot write 'missing/out.svg'"))
        #expect(try listing(directory).isEmpty)

        try FileManager.default.createDirectory(atPath: directory + "/taken.svg", withIntermediateDirectories: false)
        try "keep".write(toFile: directory + "/taken.svg/inside", atomically: true, encoding: .utf8)
        let isDirectory = try Binary.run(["render", fixtures + "/valid/example.yaml", "-o", "taken.svg"], in: directory)
        #expect(isDirectory.status == 1)
        #expect(isDirectory.stderr == "error: cannot write 'taken.svg': is a directory\n")
        #expect(try listing(directory) == ["taken.svg"])
        #expect(try listing(directory + "/taken.svg") == ["inside"])
    }

    /// Skipped, and reported as skipped with this reason, when run as root; the tests above still run.
    @Test(
        "a read-only directory: the old output is kept and nothing is left beside it",
        .enabled(if: getuid() != 0, "permissions do not bind root, so this cannot be tested as root"))
    func readOnlyDirectory() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let locked = directory + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        try "old".write(toFile: locked + "/out.svg", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        let readOnly = try Binary.run(["render", fixtures + "/valid/example.yaml", "-o", "locked/out.svg"], in: directory)
        #expect(readOnly.status == 1)
        #expect(try String(contentsOfFile: locked + "/out.svg", encoding: .utf8) == "old")
        #expect(try listing(locked) == ["out.svg"])
    }

    @Test("an existing output is replaced whole on success")
    func replaces() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "old".write(toFile: directory + "/out.svg", atomically: true, encoding: .utf8)
        let run = try Binary.run(["render", fixtures + "/valid/example.yaml", "-o", "out.svg"], in: directory)
        #expect(run.status == 0)
        #expect(isWellFormedXML(try Data(contentsOf: URL(fileURLWithPath: directory + "/out.svg"))))
        #expect(try listing(directory) == ["out.svg"])
    }

    @Test("the hidden benchmark flag reports time and memory on stderr")
    func benchmark() throws {
        let run = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--benchmark-repeat", "3")
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("benchmark: first_ms="))
        #expect(run.stderr.contains(" renders=3 "))
        #expect(run.stderr.contains(" rss_end_kb="))
    }
}
