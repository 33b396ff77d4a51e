import Foundation
import PharmGraphTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

private func isWellFormedXML(_ data: Data) -> Bool {
    XMLParser(data: data).parse()
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

    @Test("a path figure's DOT: the table of paths, numbers at tails only where needed, edges in the paths' net colours")
    func pathFigure() throws {
        let run = try pharmgraph(
            "render", "paths/signed.yaml", "-o", "-", "--format", "dot", "--paths", "drug-a", "e-pos", "--rankdir", "TB")
        #expect(run.status == 0, "\(run.stderr)")
        expectGolden(run.stdout, "render-paths.dot")
        // The title keeps the title, the version and the caption; the paths are in the table.
        #expect(run.stdout.contains("Paths from drug-a to e-pos, at most 6 steps: 4 (2 +, 1 -, 1 ?), verdict mixed, established"))
        #expect(run.stdout.contains(#""e-pos" -> "legend:paths" [style="invis", class="path-table"]"#))
        #expect(!run.stdout.contains("1. net"))
        // The headline mechanism first (drug-a -| r1 -> p1 -| e-pos), then the other established paths (2 and 3 steps),
        // then the probable drug-a -| r1 -| e-pos.
        let rows = run.stdout.matches(of: #/valign="top">(\d+)</td><td align="left" valign="top"> <font color="[^"]*">([^<]*)</font>/#)
        #expect(rows.map { "\($0.1) \($0.2)" } == ["1 + positive", "2 ? unknown", "3 - negative", "4 + positive"])
        // r1 -| e-pos is on path 4 only, drawn blue (net positive) though inhibits is vermillion elsewhere.
        #expect(run.stdout.contains(##""r1" -> "e-pos" [class="relation-inhibits certainty-probable net-positive", arrowhead="tee", color="#0072B2""##))
        // It is a last step into the effect, the only edge between its ends: no numbers (the rows that step from r1
        // to e-pos take it, as the footnote says); r1 -> p1, in the middle of path 1 only, carries its number.
        #expect(!run.stdout.contains(##"taillabel="4""##))
        #expect(
            run.stdout.contains(
                ##""r1" -> "p1" [class="relation-activates certainty-established net-positive", arrowhead="onormal", color="#0072B2", penwidth="2", taillabel="1""##
            ))
    }

    @Test("a long path table runs in up to 3 columns of 6 rows, its shared first and last node said once")
    func longPathTable() throws {
        let run = try Binary.run([
            "render", Repository.path("Graphs/ketamine.yaml"), "--paths", "ketamine", "antidepressant-effect", "--max-length", "3", "-o", "-",
            "--format", "dot", "--rankdir", "TB",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let table = try #require(run.stdout.split(separator: "\n").first { $0.contains("class=\"path-table\"") && $0.contains("<table") })
        #expect(table.contains("Ketamine … Antidepressant effect, by way of:"))
        #expect(table.contains(">⊣ NMDA receptor ⊣ BDNF →</td>"))
        #expect(!table.contains("Ketamine ⊣ NMDA receptor"))
        // 17 paths: three columns of at most 6 rows (a row holds up to three numbered cells).
        let rows = table.components(separatedBy: "<tr>").dropFirst().filter { $0.contains(#"<td align="right" valign="top">"#) }
        #expect(rows.count == 6)
        #expect(rows.first.map { $0.components(separatedBy: #"<td align="right" valign="top">"#).count - 1 } == 3)
    }

    @Test("the ketamine path figure fits a 16:9 slide at 8 pt: left to right, its table and legend in a column beside the drawing")
    func pathFigureFitsSlide() throws {
        let svg = try slidePathFigure("ketamine", "antidepressant-effect", maxLength: "3")
        // One column of rows, the key wrapped.
        #expect(svg.contains(">unnumbered X → Y: the rows with X → Y<"))
    }

    @Test("the ketamine analgesia path figure at 4 steps fits a 16:9 slide at 8 pt: its labels wrapped narrower (the narrow round)")
    func analgesiaFigureFitsSlide() throws {
        let svg = try slidePathFigure("ketamine", "analgesia", maxLength: "4")
        // Every one of the 17 paths is listed; "Local anesthesia" is on two lines (12 characters, not 16).
        #expect(svg.contains("at most 4 steps: 17 (17 +") && svg.contains(">17<"))
        #expect(svg.contains(">Local<") && svg.contains(">anesthesia<") && !svg.contains(">Local anesthesia<"))
    }

    /// The SVG of the path figure of Graphs/ketamine.yaml from `from` to `to`, after expecting of its layout report:
    /// left to right, no node overlap, a legend of at most 15 % and labels of at least 8 pt on a 16:9 slide.
    private func slidePathFigure(_ from: String, _ to: String, maxLength: String) throws -> String {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = directory + "/layout.json"
        let run = try Binary.run([
            "render", Repository.path("Graphs/ketamine.yaml"), "--paths", from, to, "--max-length", maxLength, "-o",
            directory + "/path.svg", "--report", report,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        #expect(json["rankdir"] as? String == "LR")
        #expect((json["overlaps"] as? [String: Any])?["count"] as? Int == 0)
        #expect(try #require(json["legend_share"] as? Double) <= 0.15)
        let pages = try #require((json["labels"] as? [String: Any])?["pages"] as? [[String: Any]])
        let slide = try #require(pages.first { $0["name"] as? String == "16:9 slide" })
        #expect(try #require(slide["smallest_pt"] as? Double) >= 8)
        return try String(contentsOfFile: directory + "/path.svg", encoding: .utf8)
    }

    @Test("--via and --avoid narrow a path figure as they narrow paths; without --paths, or naming no node, they are errors")
    func viaAndAvoid() throws {
        let via = try pharmgraph("render", "paths/signed.yaml", "-o", "-", "--format", "dot", "--paths", "drug-a", "e-pos", "--via", "r2")
        #expect(via.status == 0, "\(via.stderr)")
        #expect(via.stdout.contains("Paths from drug-a to e-pos through r2, at most 6 steps: 2 (0 +, 1 -, 1 ?), verdict negative"))
        #expect(!via.stdout.contains(#""drug-a" -> "r1""#))
        let avoid = try pharmgraph("render", "paths/signed.yaml", "-o", "-", "--format", "dot", "--paths", "drug-a", "e-pos", "--avoid", "r2")
        #expect(avoid.status == 0, "\(avoid.stderr)")
        #expect(avoid.stdout.contains("Paths from drug-a to e-pos, avoiding r2, at most 6 steps: 2 (2 +, 0 -, 0 ?), verdict positive"))
        #expect(!avoid.stdout.contains(#""drug-a" -> "r2""#))
        let alone = try pharmgraph("render", "paths/signed.yaml", "-o", "-", "--format", "dot", "--via", "r2")
        #expect(alone.status == 64 && alone.stderr.contains("--via and --avoid need --paths"))
        let unknown = try pharmgraph("render", "paths/signed.yaml", "-o", "-", "--format", "dot", "--paths", "drug-a", "e-pos", "--via", "r9")
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown node 'r9'") && unknown.stdout.isEmpty)
    }

    @Test("options: cluster, rank direction, no legend, focus, paths, where")
    func options() throws {
        let clustered = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--cluster-by", "system", "--rankdir", "LR",
            "--no-legend")
        #expect(clustered.status == 0)
        #expect(clustered.stdout.contains("subgraph \"cluster_system_1\""))
        #expect(clustered.stdout.contains("label=\"glutamatergic\""))
        #expect(clustered.stdout.contains("rankdir=\"LR\""))
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
        #expect(paths.stdout.contains("Paths from Ketamine to Analgesia, at most 6 steps: 1 (1 +, 0 -, 0 ?), verdict positive, established"))
        #expect(paths.stdout.contains(">Ketamine ⊣ NMDA receptor → Pain signalling ⊣ Analgesia</td>"))
        #expect(!paths.stdout.contains("gut-microbiome"))

        let filtered = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--paths", "ketamine", "analgesia", "--where",
            "region=spinal-cord")
        #expect(filtered.status == 0)
        #expect(filtered.stdout.contains("at most 6 steps: 1 (1 +, 0 -, 0 ?)"))
        #expect(filtered.stdout.contains("Where region=spinal-cord"))
        // Whole and focus renders say so in their title block too.
        let whole = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "dot", "--where", "region=spinal-cord")
        #expect(whole.status == 0)
        #expect(whole.stdout.contains("version 1.0.0<br/>Where region=spinal-cord<br/>"))
        let around = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--where", "region=spinal-cord", "--focus", "nmdar")
        #expect(around.status == 0)
        #expect(around.stdout.contains("both directions<br/>Where region=spinal-cord<br/>"))
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
        // Two kinds, so that dot would layer the figure.
        for i in 0..<200 { lines.append("  - {id: n\(i), kind: \(i == 0 ? "drug" : "process")}") }
        lines.append("edges:")
        for i in 0..<200 { lines.append("  - {from: n\(i), relation: activates, to: n\((i + 1) % 200), refs: [r]}") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: directory + "/big.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["render", "big.yaml", "-o", "big.svg"], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr == "note: 200 nodes is more than 150; laying out with sfdp, so the figure is not layered by kind (use --engine dot to insist)\n")
        let flat = try Binary.run(["render", "big.yaml", "-o", "-", "--format", "dot", "--layering", "none"], in: directory)
        #expect(flat.stderr == "note: 200 nodes is more than 150; laying out with sfdp (use --engine dot to insist)\n")
        // sfdp keeps no ranks: no anchors are drawn.
        let sfdp = try Binary.run(["render", "big.yaml", "-o", "-", "--format", "dot"], in: directory)
        #expect(sfdp.stdout.contains("layout=\"sfdp\"") && !sfdp.stdout.contains("layer-anchor"))
        let dot = try Binary.run(["render", "big.yaml", "-o", "-", "--format", "dot", "--engine", "dot"], in: directory)
        #expect(dot.stdout.contains("layout=\"dot\"") && dot.stdout.contains("layer-anchor"))
        #expect(isWellFormedXML(try Data(contentsOf: URL(fileURLWithPath: directory + "/big.svg"))))
        let forced = try Binary.run(["render", "big.yaml", "-o", "-", "--format", "dot", "--engine", "neato"], in: directory)
        #expect(forced.stderr.isEmpty)
        #expect(forced.stdout.contains("layout=\"neato\""))
    }

    @Test("by default: top to bottom, layered by kind, a drug family in one box; --expand-forms and --layering none undo it")
    func layersAndForms() throws {
        let plain = try pharmgraph("render", "render/families.yaml", "-o", "-", "--format", "dot")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains(#"rankdir="TB""#))
        #expect(plain.stdout.contains(#"class="layer-anchor""#))
        #expect(plain.stdout.contains(#"class="kind-drug drug-family""#))
        #expect(plain.stdout.contains(#"taillabel="rac, S""#))
        #expect(!plain.stdout.contains(#""esdrugamine" ["#))
        #expect(!plain.stdout.contains("relation-has_component"))

        let expanded = try pharmgraph("render", "render/families.yaml", "-o", "-", "--format", "dot", "--expand-forms")
        #expect(expanded.status == 0, "\(expanded.stderr)")
        for form in ["esdrugamine", "ardrugamine", "nordrugamine", "s-nordrugamine"] {
            #expect(expanded.stdout.contains("\"\(form)\" [label="), "\(form)")
        }
        #expect(expanded.stdout.contains(#""drugamine" -> "esdrugamine" [class="relation-has_component"#))
        #expect(!expanded.stdout.contains("taillabel") && !expanded.stdout.contains("drug-family"))
        #expect(expanded.stdout.contains(#"class="layer-anchor""#))

        let flat = try pharmgraph("render", "render/layers.yaml", "-o", "-", "--format", "dot", "--layering", "none", "--rankdir", "LR")
        #expect(flat.status == 0, "\(flat.stderr)")
        #expect(flat.stdout.contains(#"rankdir="LR""#))
        #expect(!flat.stdout.contains("layer-anchor") && !flat.stdout.contains("constraint="))
        let layered = try pharmgraph("render", "render/layers.yaml", "-o", "-", "--format", "dot", "--layering", "kind")
        #expect(
            layered.stdout.contains(
                ##""receptor" -> "effect" [class="relation-inhibits certainty-established layer-reversed", arrowtail="tee", color="#D55E00", penwidth="2""##
            ))

        let bad = try pharmgraph("render", "render/layers.yaml", "-o", "-", "--layering", "rank")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'rank'") && bad.stderr.contains("kind") && bad.stderr.contains("none"))

        // Images too: PNG from the layered, collapsed default and from the expanded, unlayered drawing.
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, extra) in [("default.png", [String]()), ("expanded.png", ["--expand-forms", "--layering", "none"])] {
            let run = try Binary.run(["render", fixtures + "/render/families.yaml", "-o", directory + "/" + name] + extra, in: directory)
            #expect(run.status == 0 && run.stderr.isEmpty, "\(name): \(run.stderr)")
            let png = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        }
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
