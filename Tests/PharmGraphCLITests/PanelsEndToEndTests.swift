import Foundation
import PharmGraphTestSupport
import Testing

private let panelsGraph = "render/panels.yaml"

@Suite("pharmgraph render --panels, --summary and the figure size options, end to end")
struct PanelsEndToEndTests {
    @Test("--panels system writes one figure per system and the shared legend into a new directory")
    func panels() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/panels"
        let run = try pharmgraph("render", panelsGraph, "--panels", "system", "-o", out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty && run.stdout.isEmpty, "\(run.stderr)")
        #expect(try listing(out) == ["drugs.svg", "glutamatergic.svg", "legend.svg", "no-system.svg", "opioid.svg"])
        for name in try listing(out) {
            let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            #expect(text.hasPrefix("<?xml") && text.hasSuffix("</svg>\n"), "\(name)")
            #expect(text.contains("class=\"cluster legend\"") == (name == "legend.svg"), "\(name)")
        }
        let glutamatergic = try String(contentsOfFile: out + "/glutamatergic.svg", encoding: .utf8)
        #expect(glutamatergic.contains("System: glutamatergic, with the drugs acting on it and the effects it acts on"))
        #expect(glutamatergic.contains("panels=system"))

        // --format picks the extension; an empty directory is used; --no-legend leaves the legend file out.
        let png = directory + "/png"
        try FileManager.default.createDirectory(atPath: png, withIntermediateDirectories: false)
        let pngs = try pharmgraph("render", panelsGraph, "--panels", "system", "-o", png, "--format", "png", "--no-legend")
        #expect(pngs.status == 0, "\(pngs.stderr)")
        #expect(try listing(png) == ["drugs.png", "glutamatergic.png", "no-system.png", "opioid.png"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png + "/opioid.png"))
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("--panels refuses a file, a non-empty directory, a missing parent and stdout, and leaves nothing behind")
    func panelsRefused() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/file"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
        let onFile = try pharmgraph("render", panelsGraph, "--panels", "system", "-o", file)
        #expect(onFile.status == 1)
        #expect(onFile.stderr == "error: \(file): is not a directory\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep")

        let full = directory + "/full"
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: false)
        try Data("old".utf8).write(to: URL(fileURLWithPath: full + "/drugs.svg"))
        let onFull = try pharmgraph("render", panelsGraph, "--panels", "system", "-o", full)
        #expect(onFull.status == 1)
        #expect(onFull.stderr.contains("is not empty; give a new or empty directory"))
        #expect(try listing(full) == ["drugs.svg"])
        #expect(try String(contentsOfFile: full + "/drugs.svg", encoding: .utf8) == "old")

        let orphan = directory + "/missing/panels"
        let noParent = try pharmgraph("render", panelsGraph, "--panels", "system", "-o", orphan)
        #expect(noParent.status == 1)
        #expect(noParent.stderr.contains("its parent directory does not exist"))
        #expect(try listing(directory) == ["file", "full"])

        let stdout = try pharmgraph("render", panelsGraph, "--panels", "system", "-o", "-")
        #expect(stdout.status == 64)
        #expect(stdout.stderr.contains("--panels writes several files: -o names a directory, not a stream"))
    }

    @Test("--summary draws the overview: summary edges classed, bundled by sign, signed by the verdict")
    func summary() throws {
        let run = try pharmgraph("render", panelsGraph, "--summary", "-o", "-", "--format", "dot")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""nmdar" -> "antidepressant" [class="summary relation-inhibits"#))
        #expect(run.stdout.contains(#""opioid-receptors" -> "analgesia" [class="summary relation-activates"#))
        #expect(!run.stdout.contains(#""nmdar" -> "depression""#))
        #expect(run.stdout.contains(#"size="13.33,7.5""#) && run.stdout.contains("summary=true"))
        // Blocking the NMDAR produces the antidepressant effect: drawn as loss of function, bundled as such.
        #expect(run.stdout.contains(#"dir="both", arrowtail="tee", arrowhead="onormal""#) && run.stdout.contains(#"samehead="inhibits-lof""#))
        #expect(run.stdout.contains("Not drawn: 1 condition, mediators"))
        // Top to bottom draws this small summary's labels larger on a slide than left to right (docs/rendering.md, "Size").
        #expect(run.stdout.contains(#"rankdir="TB""#) && !run.stdout.contains(#"nodesep="0.06""#))
        let down = try pharmgraph("render", panelsGraph, "--summary", "-o", "-", "--format", "dot", "--rankdir", "TB")
        #expect(down.stdout.contains(#"rankdir="TB""#))
        let svg = try pharmgraph("render", panelsGraph, "--summary", "-o", "-", "--cluster-by", "system")
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.components(separatedBy: "class=\"edge summary relation&#45;").count - 1 == 2)
        let network = try pharmgraph("render", "import/small.sif", "--summary", "-o", "-", "--format", "dot")
        #expect(network.status == 1)
        #expect(network.stderr == "import/small.sif: error: --summary draws a curated graph; this input is a network\n")
    }

    @Test("Graphs/ketamine.yaml: the summary and every panel fit a 16:9 slide at 8 pt or more; the focus legend is at most 15 %")
    func slideFit() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graph = Repository.path("Graphs/ketamine.yaml")
        func report(_ path: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        }
        func slideLabel(_ object: [String: Any]) -> Double? {
            let pages = (object["labels"] as? [String: Any])?["pages"] as? [[String: Any]]
            return pages?.first { $0["name"] as? String == "16:9 slide" }?["smallest_pt"] as? Double
        }
        let summary = try pharmgraph("render", graph, "--summary", "-o", directory + "/summary.svg", "--report", directory + "/summary.json")
        #expect(summary.status == 0, "\(summary.stderr)")
        let measured = try report(directory + "/summary.json")
        #expect((slideLabel(measured) ?? 0) >= 8, "\(measured["labels"] ?? "")")
        #expect((measured["legend_share"] as? Double ?? 1) <= 0.15)
        #expect((measured["overlaps"] as? [String: Any])?["count"] as? Int == 0)

        let panels = try pharmgraph(
            "render", graph, "--panels", "system", "-o", directory + "/panels", "--no-legend", "--report", directory + "/panel.json")
        #expect(panels.status == 0, "\(panels.stderr)")
        let reports = try listing(directory).filter { $0.hasPrefix("panel-") }
        #expect(reports.count == 15)
        for name in reports { #expect((slideLabel(try report(directory + "/" + name)) ?? 0) >= 8, "\(name)") }

        let focus = try pharmgraph(
            "render", graph, "--focus", "nmdar", "--depth", "1", "-o", directory + "/focus.svg", "--report", directory + "/focus.json")
        #expect(focus.status == 0, "\(focus.stderr)")
        #expect((try report(directory + "/focus.json")["legend_share"] as? Double ?? 1) <= 0.15)
    }

    @Test("--panels and --summary: usage errors")
    func slideUsage() throws {
        for arguments in [
            ["--panels", "system", "--summary", "-o", "x"], ["--summary", "--focus", "nmdar", "-o", "x.svg"],
            ["--panels", "system", "--paths", "ketamine", "analgesia", "-o", "x"], ["--summary", "--max-work", "5", "-o", "x.svg"],
            ["--panels", "organ", "-o", "x"],
        ] {
            let run = try Binary.run(["render", panelsGraph] + arguments, in: fixtures)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
        }
    }

    @Test("--size, --dpi, --title, --no-title and --font-size reach the DOT; defaults: a slide for paths, none for the whole graph")
    func sizeOptions() throws {
        let run = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--size", "5.5,4", "--dpi", "150", "--title", "Ketamine, in short",
            "--font-size", "14")
        #expect(run.status == 0, "\(run.stderr)")
        let dot = run.stdout
        #expect(dot.contains(#"size="5.5,4""#) && dot.contains(#"dpi="150""#))
        #expect(dot.contains("Ketamine, in short<br/>version 1.0.0") && !dot.contains("Example mechanism graph<br/>"))
        #expect(dot.contains(#"node [fontname="Helvetica", fontsize="14""#))
        #expect(dot.contains(#"edge [fontname="Helvetica", fontsize="11.45""#))
        let whole = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "dot").stdout
        #expect(!whole.contains(#", size=""#) && !whole.contains("dpi="))
        let paths = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "dot", "--paths", "ketamine", "analgesia").stdout
        #expect(paths.contains(#"size="13.33,7.5""#))
        let untitled = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "dot", "--no-title", "--no-caption").stdout
        #expect(!untitled.contains("labelloc") && !untitled.contains("version 1.0.0"))

        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rendered = try pharmgraph("paths", "valid/example.yaml", "ketamine", "analgesia", "--render", directory + "/p.dot", "--size", "8,6")
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(try String(contentsOfFile: directory + "/p.dot", encoding: .utf8).contains(#"size="8,6""#))
        let diff = try pharmgraph(
            "diff", "valid/example.yaml", "valid/example.yaml", "--render", directory + "/d.dot", "--title", "No change", "--dpi", "200")
        #expect(diff.status == 0, "\(diff.stderr)")
        let diffDot = try String(contentsOfFile: directory + "/d.dot", encoding: .utf8)
        #expect(diffDot.contains("No change<br/>no differences") && diffDot.contains(#"dpi="200""#))
    }

    @Test("bad --size, --dpi and --font-size values, and the options without --render, are usage errors")
    func sizeErrors() throws {
        let cases: [([String], String)] = [
            (["--size", "0,5"], "--size: the width and height must be more than 0 and at most 1000 inches; got '0,5'"),
            (["--size", "-3,5"], "--size: the width and height must be more than 0 and at most 1000 inches; got '-3,5'"),
            (["--size", "13.33"], "--size takes the width and height in inches as W,H, e.g. 13.33,7.5; got '13.33'"),
            (["--size", "a,b"], "--size takes the width and height in inches as W,H, e.g. 13.33,7.5; got 'a,b'"),
            (["--size", "1e3,5"], "--size takes the width and height in inches as W,H, e.g. 13.33,7.5; got '1e3,5'"),
            (["--dpi", "0"], "--dpi must be a number more than 0 and at most 1200; got '0'"),
            (["--dpi", "-96"], "--dpi must be a number more than 0 and at most 1200; got '-96'"),
            (["--dpi", "nan"], "--dpi must be a number more than 0 and at most 1200; got 'nan'"),
            (["--font-size", "0"], "--font-size must be a number of points more than 0 and at most 100; got '0'"),
            (["--font-size", "big"], "--font-size must be a number of points more than 0 and at most 100; got 'big'"),
            (["--title", "T", "--no-title"], "give --title or --no-title, not both"),
            (["--dpi", "150"], "--dpi sets the resolution of PNG output; this figure is svg"),
        ]
        for (arguments, message) in cases {
            let run = try Binary.run(["render", "valid/example.yaml", "-o", "x.svg"] + arguments, in: fixtures)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let paths = try pharmgraph("paths", "valid/example.yaml", "ketamine", "analgesia", "--size", "5,5")
        #expect(paths.status == 64)
        #expect(paths.stderr.contains("--size needs --render"))
        let diff = try pharmgraph("diff", "valid/example.yaml", "valid/example.yaml", "--font-size", "12")
        #expect(diff.status == 2)  // diff's usage errors are trouble, 2
        #expect(diff.stderr.contains("--font-size needs --render"))
    }
}
