import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func load(_ relative: String) throws -> Graph {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/" + relative))
    return try #require(result.graph, "\(result.diagnostics)")
}

/// The DOT lines of edges, as written: `"from" -> "to" [...]`, the layers' invisible anchor edges left out.
private func edgeLines(_ dot: String) -> [Substring] {
    dot.split(separator: "\n").filter { $0.contains("\" -> \"") && !$0.contains("class=\"layer-anchor\"") }
}

@Suite("DOT writer")
struct DOTWriterTests {
    @Test("displayed text: backslashes doubled, line breaks as \\n, & as &amp;, quotes escaped only when written")
    func textEscaping() {
        let value = DOTValue.text("a\\b \"q\" & x\r\ny\rz\n")
        #expect(value.raw == #"a\\b "q" &amp; x\ny\nz\n"#)
        #expect(value.written == #""a\\b \"q\" &amp; x\ny\nz\n""#)
        #expect(!value.isHTML)
    }

    @Test("a trailing backslash cannot escape the closing quote")
    func trailingBackslash() {
        #expect(DOTValue.text("end\\").written == #""end\\""#)
        #expect(DOTValue.text("end\\\"").written == #""end\\\"""#)
        #expect(DOTValue.literal("a\\").written == #""a\\""#)
    }

    @Test("tooltips: each backslash written as four, since Graphviz unescapes tooltips twice")
    func tooltip() {
        #expect(DOTValue.tooltip("a\\G\nb & c").raw == #"a\\\\G\nb &amp; c"#)
        #expect(DOTValue.tooltip("plain").raw == "plain")
    }

    @Test("control characters become control pictures; tabs and non-ASCII stay")
    func controls() {
        #expect(DOTValue.text("a\u{7}b\u{7F}c\td é 中").raw == "a\u{2407}b\u{2421}c\td é 中")
        #expect(DOTValue.text("\u{FFFE}").raw == "\u{FFFD}")
    }

    @Test("HTML-like text: & < > \" become entities, line breaks <br/>, backslashes doubled")
    func html() {
        #expect(DOTValue.html(escaping: "<b>A & \"B\"</b>\nC") == "&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt;<br/>C")
        #expect(DOTValue.html(escaping: #"\N \\ x\"#) == #"\\N \\\\ x\\"#)
        let value = DOTValue.html(markup: "x <font color=\"red\">y</font>")
        #expect(value.written == "<x <font color=\"red\">y</font>>")
        #expect(value.isHTML)
    }

    @Test("lines: each ends in its justification escape; a break inside a line keeps it")
    func lines() {
        let value = DOTValue.lines([("Title", .centred), ("a\nb\\", .left), ("r", .right)])
        #expect(value.raw == #"Title\na\lb\\\lr\r"#)
    }

    @Test("a graph is written in order, one statement per line")
    func graphText() {
        var graph = DOTGraph(name: .literal("g"))
        graph.attributes = [.literal("rankdir", "LR")]
        graph.nodeDefaults = [.literal("shape", "box")]
        graph.statements = [
            .node(.literal("a"), [.text("label", "A \"1\"")]),
            .subgraph(DOTSubgraph(name: .literal("cluster_x"), attributes: [.text("label", "X")], statements: [.node(.literal("b"), [])])),
            .edge(.literal("a"), .literal("b"), [.literal("arrowhead", "tee")]),
        ]
        #expect(
            graph.text == """
                digraph "g" {
                  graph [rankdir="LR"];
                  node [shape="box"];
                  "a" [label="A \\"1\\""];
                  subgraph "cluster_x" {
                    graph [label="X"];
                    "b";
                  }
                  "a" -> "b" [arrowhead="tee"];
                }

                """)
    }

    @Test("every relation has its own glyph: arrowheads and line styles differ")
    func glyphsDiffer() {
        let looks = Relation.allCases.map { relation in
            DOTStyle.edge(relation, certainty: .established).filter { $0.name != "color" && $0.name != "class" }
        }
        #expect(Set(looks).count == Relation.allCases.count)
        let inhibits = DOTStyle.edge(.inhibits, certainty: .established)
        #expect(inhibits.contains(.literal("arrowhead", "tee")))
        #expect(DOTStyle.edge(.activates, certainty: .established).contains(.literal("arrowhead", "onormal")))
        #expect(DOTStyle.edge(.modulates, certainty: .established).contains(.literal("arrowhead", "odiamond")))
        #expect(DOTStyle.edge(.binds, certainty: .established).contains(.literal("style", "dashed")))
        #expect(DOTStyle.edge(.noEffect, certainty: .established).contains(.literal("style", "dotted")))
    }

    @Test("certainty is visible without colour: established bold, probable thin, hypothesized dashed")
    func certainty() {
        let established = DOTStyle.edge(.activates, certainty: .established)
        let probable = DOTStyle.edge(.activates, certainty: .probable)
        let hypothesized = DOTStyle.edge(.activates, certainty: .hypothesized)
        #expect(established.contains(.literal("penwidth", "2")))
        #expect(probable.contains(.literal("penwidth", "1")))
        #expect(!probable.contains { $0.name == "style" })
        #expect(hypothesized.contains(.literal("style", "dashed")))
    }

    @Test("node kinds differ in shape or outline, not only in fill")
    func kindsDiffer() {
        let kinds = NodeKind.wellKnown.map(\.kind).filter { $0 != .effect }
        let looks = kinds.map { kind in
            let look = DOTStyle.node(kind: kind, valence: nil)
            return "\(look.shape) \(look.styles) \(look.peripheries)"
        }
        #expect(Set(looks).count == kinds.count)
        let valences = Valence.allCases.map { valence in
            let look = DOTStyle.node(kind: .effect, valence: valence)
            return "\(look.styles) \(look.peripheries)"
        }
        #expect(Set(valences).count == Valence.allCases.count)
    }
}

@Suite("diagram DOT")
struct DiagramTests {
    @Test("the example: every edge drawn, every inhibits edge a tee, the legend lists the relations drawn")
    func example() throws {
        let graph = try load("valid/example.yaml")
        let diagram = PathwayDiagram(graph: graph, selection: .whole(graph))
        let edges = edgeLines(diagram.dot).filter { !$0.contains("legend") }
        #expect(edges.count == graph.edges.count)
        let inhibits = edges.filter { $0.contains("relation-inhibits") }
        #expect(inhibits.count == graph.edges.filter { $0.relation == .inhibits }.count)
        #expect(inhibits.allSatisfy { $0.contains(#"arrowhead="tee""#) })
        let legendRelations = diagram.dot.split(separator: "\n")
            .filter { $0.contains("class=\"legend-relation\"") && $0.contains("shape=\"plaintext\"") }
        #expect(legendRelations.count == 3)
        for name in ["activates", "inhibits", "modulates"] {
            #expect(legendRelations.contains { $0.contains("\"legend:relation:\(name)\" [label=<") && $0.contains("\(name) <font") })
        }
        #expect(diagram.nodeCount == 5)
        #expect(diagram.dot.contains("label=\"Example mechanism graph\\nversion 1.0.0\\n\""))
    }

    @Test("the same input gives the same text")
    func deterministic() throws {
        let graph = try load("render/hostile-labels.yaml")
        let options = DiagramOptions(clusterBySystem: true)
        let first = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot
        for _ in 0..<5 {
            #expect(PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot == first)
        }
    }

    @Test("--no-legend draws no legend; --cluster-by system draws one cluster per system")
    func options() throws {
        let graph = try load("render/hostile-labels.yaml")
        let plain = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(legend: false)).dot
        #expect(!plain.contains("legend"))
        #expect(!plain.contains("cluster"))
        let clustered = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(clusterBySystem: true)).dot
        #expect(clustered.components(separatedBy: "subgraph \"cluster_system_").count - 1 == 1)
        #expect(clustered.contains(#"label="sys \"one\" \\""#))
    }

    @Test("focus: depth and direction pick the neighbourhood")
    func neighbourhood() throws {
        let graph = try load("valid/example.yaml")
        let out1 = DiagramSelection.neighbourhood(of: "ketamine", depth: 1, direction: .out, in: graph)
        #expect(out1.nodes.map { graph.nodes[$0].id } == ["ketamine", "nmdar", "gut-microbiome"])
        #expect(out1.edges == [0, 3])
        #expect(out1.highlighted == ["ketamine"])
        let in2 = DiagramSelection.neighbourhood(of: "pain-signalling", depth: 2, direction: .in, in: graph)
        #expect(in2.nodes.map { graph.nodes[$0].id } == ["ketamine", "nmdar", "pain-signalling"])
        let both0 = DiagramSelection.neighbourhood(of: "nmdar", depth: 0, direction: .both, in: graph)
        #expect(both0.nodes.map { graph.nodes[$0].id } == ["nmdar"])
        #expect(both0.edges.isEmpty)
        let both1 = DiagramSelection.neighbourhood(of: "nmdar", depth: 1, direction: .both, in: graph)
        #expect(both1.nodes.map { graph.nodes[$0].id } == ["ketamine", "nmdar", "pain-signalling"])
        #expect(both1.edges == [0, 1])
    }

    @Test("the one neighbourhood walk: several seeds, each direction, depth by depth")
    func walk() {
        // 0 → 1 → 2 → 3, 4 → 1, 5 alone.
        let edges: [(from: Int32, to: Int32)] = [(0, 1), (1, 2), (2, 3), (4, 1)]
        func depths(_ seeds: [Int], _ steps: Int, _ direction: DiagramSelection.Direction) -> [Int] {
            NeighbourhoodWalk.depths(nodeCount: 6, edges: edges, seeds: seeds, steps: steps, direction: direction)
        }
        #expect(depths([1], 9, .out) == [-1, 0, 1, 2, -1, -1])
        #expect(depths([1], 9, .in) == [1, 0, -1, -1, 1, -1])
        #expect(depths([1], 1, .both) == [1, 0, 1, -1, 1, -1])
        #expect(depths([0, 3], 1, .both) == [0, 1, 1, 0, -1, -1])
        #expect(depths([2, 2], 0, .both) == [-1, -1, 0, -1, -1, -1])
        #expect(depths([], 5, .both) == [Int](repeating: -1, count: 6))
    }

    @Test("where: edges of another context are left out, and nodes left with no edge")
    func filter() throws {
        let graph = try load("valid/example.yaml")
        let kept = DiagramSelection.whole(graph, filter: ContextFilter(["region": "spinal-cord"]))
        #expect(kept.edges == [0, 1, 2, 3])
        let cut = DiagramSelection.whole(graph, filter: ContextFilter(["region": "hippocampus"]))
        #expect(cut.edges == [0, 2, 3])
        #expect(cut.nodes.count == 5)
        #expect(cut.captions == ["Where region=hippocampus"])
        let focus = DiagramSelection.neighbourhood(
            of: "nmdar", depth: 1, direction: .out, in: graph, filter: ContextFilter(["region": "hippocampus"]))
        #expect(focus.nodes.map { graph.nodes[$0].id } == ["nmdar"])
    }

    @Test("paths: the union of the paths is drawn, listed in a table under the drawing; one path: no numbers on edges")
    func paths() throws {
        let graph = try load("valid/example.yaml")
        let selection = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [0, 1, 2], sign: .positive)], ends: ["ketamine", "analgesia"], in: graph)
        #expect(selection.nodes.map { graph.nodes[$0].id } == ["ketamine", "nmdar", "pain-signalling", "analgesia"])
        #expect(selection.highlighted == ["ketamine", "analgesia"])
        let dot = PathwayDiagram(graph: graph, selection: selection).dot
        // The path is a row of the table, not a line of the title.
        #expect(dot.contains(#"<td align="left" balign="left" valign="top">Ketamine ⊣ NMDA receptor → Pain signalling ⊣ Analgesia</td>"#))
        #expect(!dot.contains(#"\l"#))
        #expect(dot.contains(#""analgesia" -> "legend:paths" [style="invis", class="path-table"]"#))
        #expect(!dot.contains("unnumbered edges"))
        let edges = edgeLines(dot).filter { !$0.contains("legend") }
        #expect(edges.count == 3)
        // No path numbers (the drawn context's xlabel is no number).
        #expect(edges.allSatisfy { !$0.contains("taillabel=") && !$0.contains("headlabel=") && !$0.contains(" label=") })
        #expect(edges.allSatisfy { $0.contains(##"color="#0072B2""##) && $0.contains("net-positive") })
        #expect(dot.contains(#""ketamine" [label="Ketamine""#) && dot.contains(#"penwidth="3""#))
        #expect(dot.contains("edge colour: net sign of the paths through it"))
        // Outside a path figure: no table, the relation's own colour, no colour line in the legend.
        let whole = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        #expect(!whole.contains("path-table") && !whole.contains("net-") && !whole.contains("edge colour"))
        #expect(whole.contains(##""ketamine" -> "nmdar" [class="relation-inhibits certainty-established", arrowhead="tee", color="#D55E00""##))
    }

    @Test("paths: a last step, the only edge between its ends, has no numbers though another path passes both ends; the footnote says which rows take it")
    func lastStepShared() throws {
        let graph = try load("paths/signed.yaml")
        // drug-a -| r1 -| e-pos; drug-a -| r1 -> p1 -| e-pos; drug-a -> r2 -> p1 -| e-pos.
        let selection = DiagramSelection.paths(
            [
                DiagramSelection.Path(edges: [0, 5], sign: .positive), DiagramSelection.Path(edges: [0, 2, 10], sign: .positive),
                DiagramSelection.Path(edges: [1, 3, 10], sign: .negative),
            ],
            ends: ["drug-a", "e-pos"], in: graph)
        let dot = PathwayDiagram(graph: graph, selection: selection, options: DiagramOptions(rankDirection: .topToBottom)).dot
        let edges = edgeLines(dot).filter { !$0.contains("legend") }
        func line(_ from: String, _ to: String) throws -> Substring {
            try #require(edges.first { $0.hasPrefix(#"  "\#(from)" -> "\#(to)""#) })
        }
        for (from, to) in [("r1", "e-pos"), ("p1", "e-pos"), ("drug-a", "r2")] {
            #expect(try !line(from, to).contains("taillabel=") && !line(from, to).contains("headlabel="))
        }
        // Path 2 passes r1 and e-pos without r1 -| e-pos: not "on every path", but only path 1's row names them in turn.
        #expect(!dot.contains("unnumbered edges are on every path"))
        #expect(dot.contains("unnumbered X → Y: the rows with X → Y"))
        let rows = dot.matches(of: #/valign="top">([^<]*)</td></tr>/#).map { String($0.1) }
        #expect(rows.filter { $0.contains("R1 ⊣ E-pos") || $0.contains("r1 ⊣ e-pos") }.count == 1)
    }

    @Test("paths: numbers at tails only on edges some paths miss; colour by net sign; arrowheads grouped at a shared head")
    func pathNumbers() throws {
        let graph = try load("paths/signed.yaml")
        // drug-a -| r1 -> p1 -> e-mixed (negative) and drug-a -> r2 -> p1 -> e-mixed (positive).
        let selection = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [0, 2, 4], sign: .negative), DiagramSelection.Path(edges: [1, 3, 4], sign: .positive)],
            ends: ["drug-a", "e-mixed"], in: graph)
        let dot = PathwayDiagram(graph: graph, selection: selection, options: DiagramOptions(rankDirection: .topToBottom)).dot
        let edges = edgeLines(dot).filter { !$0.contains("legend") }
        func line(_ from: String, _ to: String) throws -> Substring {
            try #require(edges.first { $0.hasPrefix(#"  "\#(from)" -> "\#(to)""#) })
        }
        // Shared by both paths: no number, and purple (mixed).
        let shared = try line("p1", "e-mixed")
        #expect(!shared.contains("label=") && shared.contains(##"color="#CC79A7""##) && shared.contains("net-unknown"))
        // On one path each: its number at the tail, in its path's colour, whatever the relation's sign; but a first
        // step (every table row begins with it), the only edge between its ends, carries none.
        let firstStep = try line("drug-a", "r1")
        #expect(!firstStep.contains("label=") && firstStep.contains(##"color="#D55E00""##))
        let first = try line("r1", "p1")
        #expect(first.contains(##"taillabel="1""##) && first.contains(##"labelfontsize="10""##) && first.contains(##"color="#D55E00""##))
        let second = try line("r2", "p1")
        #expect(second.contains(##"taillabel="2""##) && second.contains(##"color="#0072B2""##) && second.contains(##"arrowhead="onormal""##))
        #expect(dot.contains("unnumbered X → Y: the rows with X → Y"))
        // Two rows, each with its number and net sign.
        #expect(dot.contains(##"<td align="right" valign="top">1</td><td align="left" valign="top"> <font color="#D55E00">- negative</font></td>"##))
        #expect(dot.contains(##"<td align="right" valign="top">2</td><td align="left" valign="top"> <font color="#0072B2">+ positive</font></td>"##))
        // Three path edges into e-pos: one samehead group per glyph and colour.
        let into = DiagramSelection.paths(
            [
                DiagramSelection.Path(edges: [0, 5], sign: .positive), DiagramSelection.Path(edges: [1, 9], sign: .unknown),
                DiagramSelection.Path(edges: [1, 3, 10], sign: .negative),
            ], ends: ["drug-a", "e-pos"], in: graph)
        let heads = edgeLines(PathwayDiagram(graph: graph, selection: into).dot).filter { $0.contains(#"-> "e-pos""#) }
        #expect(heads.count == 3)
        let groups = heads.compactMap { $0.firstMatch(of: #/samehead="(h\d)"/#).map { String($0.1) } }
        #expect(groups.count == 3 && Set(groups).count == 3)
    }

    @Test("paths: a bar and loss-of-function arrows of one relation and net sign do not meet at one point of their head")
    func mixedHeads() throws {
        let graph = try load("render/mixed-heads.yaml")
        // drug ⊣ t1 ⊣ relief and drug ⊣ t2 ⊣ relief (loss of function), drug ⊣ t3 → p ⊣ relief (a bar), drug → m → relief:
        // positive; drug → q ⊣ relief: negative.
        let positive = [[0, 4], [1, 5], [2, 6, 7], [3, 8]].map { DiagramSelection.Path(edges: $0, sign: .positive) }
        func heads(_ paths: [DiagramSelection.Path]) -> [Substring] {
            let selection = DiagramSelection.paths(paths, ends: ["drug", "relief"], in: graph)
            return edgeLines(PathwayDiagram(graph: graph, selection: selection).dot).filter { $0.contains(#"-> "relief""#) }
        }
        func group(_ head: Substring) -> String? { head.firstMatch(of: #/samehead="(h\d)"/#).map { String($0.1) } }
        let mixed = { (head: Substring) in head.hasPrefix(#"  "p""#) || head.contains(#"arrowtail="tee""#) }
        let four = heads(positive)
        #expect(four.count == 4 && four.filter { $0.contains(#"arrowtail="tee""#) }.count == 2)
        for head in four {
            if mixed(head) {
                // The bar and the loss-of-function arrows: each edge its own point, no port.
                #expect(group(head) == nil && !head.contains("headport="))
            } else {
                // The one group joined: its own point, and no port (a single joined group gets none).
                #expect(group(head) == "h1" && !head.contains("headport="))
            }
        }
        // With a negative group too: the joined groups numbered without the one left out, each on its own port.
        let five = heads(positive + [DiagramSelection.Path(edges: [9, 10], sign: .negative)])
        #expect(five.count == 5)
        for head in five where mixed(head) { #expect(group(head) == nil && !head.contains("headport=")) }
        #expect(five.first { $0.hasPrefix(#"  "m""#) }.map { group($0) == "h1" && $0.contains(#"headport="nw""#) } == true)
        #expect(five.first { $0.hasPrefix(#"  "q""#) }.map { group($0) == "h2" && $0.contains(#"headport="ne""#) } == true)
    }
}
