import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private let fixture = "render/panels.yaml"

private func load(_ relative: String) throws -> Graph {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/" + relative))
    return try #require(result.graph, "\(result.diagnostics)")
}

/// The ids of a selection's nodes and `from relation to` of its edges.
private func contents(_ selection: DiagramSelection, of graph: Graph) -> (nodes: [String], edges: [String]) {
    (
        selection.nodes.map { graph.nodes[$0].id },
        selection.edges.map { "\(graph.edges[$0].from) \(graph.edges[$0].relation.rawValue) \(graph.edges[$0].to)" }
    )
}

@Suite("panels, the summary and figure size (docs/rendering.md)")
struct PanelTests {
    @Test("one panel per system, in the order systems first occur, the nodes without one last; each with its drugs and effects")
    func panels() throws {
        let graph = try load(fixture)
        let panels = DiagramPanels(graph: graph)
        #expect(panels.panels.map(\.name) == ["drugs", "glutamatergic", "opioid", "no-system"])
        #expect(panels.panels.map(\.system) == ["drugs", "glutamatergic", "Opioid / μ", nil])
        let glutamatergic = contents(panels.panels[1].selection, of: graph)
        // The system's nodes, the drugs acting on them (and the structural edge between them), the effect they act on;
        // not the process without a system (not an effect) nor the opioid receptors.
        #expect(glutamatergic.nodes == ["ketamine", "esketamine", "nmdar", "glutamate-surge", "ampar", "antidepressant"])
        #expect(
            glutamatergic.edges == [
                "ketamine has_component esketamine", "ketamine inhibits nmdar", "esketamine inhibits nmdar",
                "nmdar inhibits glutamate-surge", "glutamate-surge activates ampar", "ampar activates antidepressant",
            ])
        let opioid = contents(panels.panels[2].selection, of: graph)
        #expect(opioid.nodes == ["ketamine", "naloxone", "opioid-receptors", "analgesia"])
        let none = contents(panels.panels[3].selection, of: graph)
        // The nodes without a system; the NMDAR (glutamatergic, not a drug) is not drawn in it, nor naloxone, whose one
        // edge leaves the panel: the caption names it.
        #expect(none.nodes == ["pain-signalling", "antidepressant", "analgesia", "depression"])
        #expect(panels.panels[3].selection.captions.last == "Not drawn, no edge in this panel: Naloxone")
        #expect(panels.panels[1].selection.captions == ["System: glutamatergic, with the drugs acting on it and the effects it acts on"])
    }

    @Test("the glutamatergic panel's DOT text, without a legend (golden)")
    func panelGolden() throws {
        let graph = try load(fixture)
        let panel = DiagramPanels(graph: graph).panels[1]
        let dot = PathwayDiagram(graph: graph, selection: panel.selection, options: DiagramOptions(legend: false, size: .slide)).dot
        #expect(Golden.compare(dot, to: "Tests/PharmGraphTests/Golden/panel-glutamatergic.dot") == .matches)
        #expect(dot.contains(#"size="13.33,7.5""#) && !dot.contains("cluster_legend"))
    }

    @Test("the shared legend lists what every panel draws, and nothing else")
    func sharedLegend() throws {
        let graph = try load(fixture)
        let panels = DiagramPanels(graph: graph)
        let legend = PathwayDiagram(legendOf: panels).dot
        #expect(legend.contains("cluster_legend"))
        for kind in ["drug", "receptor", "process", #"therapeutic\neffect"#, "condition"] {
            #expect(legend.contains("label=\"\(kind)\""), "\(kind)")
        }
        for relation in ["activates", "inhibits", "has_component"] { #expect(legend.contains("relation:\(relation)"), "\(relation)") }
        #expect(!legend.contains("relation:modulates"))
        // No graph node is drawn in it.
        #expect(!graph.nodes.contains { legend.contains("\"\($0.id)\" [") })
    }

    @Test("slugs: ASCII letters and digits, other runs one hyphen, unique, never 'legend'")
    func slugs() {
        #expect(DiagramPanels.slug("Opioid / μ") == "opioid")
        #expect(DiagramPanels.slug("  NMDAR gating (2) ") == "nmdar-gating-2")
        #expect(DiagramPanels.slug("中文") == "system")
        #expect(DiagramPanels.slug("../etc/passwd") == "etc-passwd")
        #expect(DiagramPanels.slug(String(repeating: "a", count: 100)).count == DiagramPanels.longestSlug)
        var used: Set<String> = [DiagramPanels.legendName]
        #expect(DiagramPanels.unique("legend", in: &used) == "legend-2")
        #expect(DiagramPanels.unique("x", in: &used) == "x")
        #expect(DiagramPanels.unique("x", in: &used) == "x-2")
        #expect(DiagramPanels.unique("x", in: &used) == "x-3")
    }

    @Test("summary: the drug families, each effect's headline targets (firmest tier, shortest), signed by the headline paths")
    func summary() throws {
        let graph = try load(fixture)
        let network = Network(graph)
        let summary = try DiagramSummary(network: network, filter: ContextFilter())
        let drawn = contents(summary.selection, of: summary.graph)
        // Esketamine is drawn as its family's first drug; the condition (depression) and the mediators are left out.
        #expect(drawn.nodes == ["ketamine", "naloxone", "nmdar", "opioid-receptors", "antidepressant", "analgesia"])
        // Analgesia's firmest tier (established) has naloxone ⊣ opioid receptors → analgesia (2 steps) and ketamine ⊣ NMDAR →
        // pain signalling ⊣ analgesia (3): the shorter is its headline. Esketamine's probable NMDAR edge merges into
        // ketamine's established one.
        #expect(
            drawn.edges == [
                "ketamine inhibits nmdar", "ketamine activates opioid-receptors", "naloxone inhibits opioid-receptors",
                "nmdar inhibits antidepressant", "opioid-receptors activates analgesia",
            ])
        #expect(summary.graph.edges[0].effectiveCertainty == .established)
        // Every drug edge into the NMDAR inhibits it and its headline rest is negative: loss of function, not a T-bar.
        #expect(summary.graph.edges[3].lossOfFunction && !summary.graph.edges[4].lossOfFunction)
        #expect(summary.omitted == DiagramSummary.Omitted(targets: 0, conditions: 1, drugs: 0, effects: 0))
        #expect(
            summary.selection.captions == [
                "Headline targets per effect: its firmest, shortest paths (≤ 6 steps)", "Not drawn: 1 condition, mediators",
            ])
        // Each summary edge's effect verdict is the path engine's tiered verdict from the drugs, as `paths` gives it.
        let engine = PathEngine(network: network)
        let drugs = ["ketamine", "esketamine", "naloxone"].map { id in NodeIndex(rawValue: Int32(graph.nodes.firstIndex { $0.id == id }!)) }
        for (e, verdict) in summary.verdicts {
            let edge = summary.graph.edges[e]
            var query = PathQuery(sources: drugs, targets: [NodeIndex(rawValue: Int32(graph.nodes.firstIndex { $0.id == edge.to }!))])
            query.avoid = ["analgesia", "antidepressant", "depression"].filter { $0 != edge.to }.map { id in
                NodeIndex(rawValue: Int32(graph.nodes.firstIndex { $0.id == id }!))
            }
            var report = try engine.paths(query)
            try engine.assess(query, &report)
            try engine.assessFeedback(query, report: &report)
            #expect(verdict.effect == report.tieredFinding, "\(edge.from) → \(edge.to)")
            #expect(DiagramSummary.relation(verdict.sign) == edge.relation)
            #expect(verdict.certainty == .established && verdict.paths == 1)
        }
    }

    @Test("a drug family with fewer than half the targets of the largest is left out, and counted")
    func summaryLeavesOutMinorDrugs() throws {
        let graph = try load("render/summary-minor.yaml")
        let summary = try DiagramSummary(network: Network(graph), filter: ContextFilter())
        let drawn = contents(summary.selection, of: summary.graph)
        #expect(drawn.nodes == ["main", "r1", "r2", "r3", "good", "bad"])
        #expect(summary.omitted.drugs == 1 && summary.omitted.targets == 1)
        // Good's headline: r1 (two established paths of 2 steps), then r2 (one); r3's path is only probable.
        #expect(drawn.edges.filter { $0.hasSuffix(" good") } == ["r1 activates good", "r2 activates good"])
        #expect(summary.selection.captions.last == "Not drawn: 1 weaker target, 1 other drug, mediators")
    }

    @Test("the summary's DOT text (golden): summary edges classed and bundled by sign, no concentrate")
    func summaryGolden() throws {
        let graph = try load(fixture)
        let summary = try DiagramSummary(network: Network(graph), filter: ContextFilter())
        let dot = PathwayDiagram(summary: summary, options: DiagramOptions(size: .slide)).dot
        #expect(Golden.compare(dot, to: "Tests/PharmGraphTests/Golden/summary.dot") == .matches)
        #expect(!dot.contains("concentrate"))
        #expect(dot.components(separatedBy: "class=\"summary ").count - 1 == 2)
        #expect(dot.contains(#"samehead="inhibits-lof""#) && dot.contains(#"sametail="activates""#))
        // The effects are free in their rank: no invisible edges hold them in valence order (they cost crossings).
        #expect(!dot.contains("summary-order"))
    }

    @Test("a summary of an imported network is refused")
    func summaryOfNetwork() throws {
        let result = NetworkInput.load(data: Data("a\tactivates\tb\n".utf8), path: "x.sif", format: nil, import: ImportOptions())
        let network = try #require(result.network)
        #expect(throws: DiagramSummary.Failure.notCurated) { try DiagramSummary(network: network, filter: ContextFilter()) }
    }

    @Test("labels longer than 22 characters wrap at spaces; nothing else changes")
    func wrapping() {
        #expect(LabelWrapping.wrapped("Transient glutamate surge in the prefrontal cortex") == "Transient glutamate\nsurge in the\nprefrontal cortex")
        #expect(LabelWrapping.wrapped("NMDA receptor") == "NMDA receptor")
        #expect(LabelWrapping.wrapped("Supercalifragilisticexpialidocious word") == "Supercalifragilisticexpialidocious\nword")
        #expect(LabelWrapping.wrapped("a  b  c  d  e  f  g  h  i  j") == "a  b  c  d  e  f  g  h \ni  j")
        #expect(LabelWrapping.wrapped("line one\nand a second line that is long") == "line one\nand a second line that\nis long")
        let long = "aaaa bbbb cccc dddd eeee ffff gggg"
        #expect(LabelWrapping.wrapped(long).replacingOccurrences(of: "\n", with: " ") == long)
    }

    @Test("frame: size, dpi, font size and title read from the options, in the pathway and the diff diagram")
    func frame() throws {
        let graph = try load("valid/example.yaml")
        var options = DiagramOptions(caption: "caption")
        options.size = DiagramOptions.Size(width: 5.5, height: 4)
        options.dpi = 150
        options.fontSize = 22
        options.titleText = "My \"title\""
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot
        #expect(dot.contains(#"size="5.5,4""#) && dot.contains(#"dpi="150""#))
        #expect(dot.contains(#"node [fontname="Helvetica", fontsize="22""#) || dot.contains(#"fontsize="22""#))
        #expect(dot.contains(#"fontsize="18""#) && dot.contains(#"fontsize="30""#) && dot.contains(#"point-size="20""#))
        #expect(dot.contains("My &quot;title&quot;<br/>version 1.0.0") && !dot.contains("Example mechanism graph<br/>"))
        options.title = false
        let untitled = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot
        #expect(!untitled.contains("version 1.0.0") && untitled.contains("caption</font>"))
        options.caption = nil
        let bare = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot
        #expect(!bare.contains("labelloc"))
        let plain = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        #expect(!plain.contains(#", size=""#) && !plain.contains("dpi=") && plain.contains(#"fontsize="11""#))

        let new = try load("valid/example.yaml")
        let diff = GraphDiff(old: graph, new: new)
        var figure = DiagramOptions()
        figure.size = .slide
        figure.titleText = "Changes"
        let drawn = try DiffDiagram(diff, names: ("a", "b"), context: nil, figure: figure).dot
        #expect(drawn.contains(#"size="13.33,7.5""#) && drawn.contains("label=\"Changes\\nno differences"))
    }
}
