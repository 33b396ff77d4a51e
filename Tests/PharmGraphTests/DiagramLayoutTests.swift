import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func load(_ relative: String) throws -> Graph {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/" + relative))
    return try #require(result.graph, "\(result.diagnostics)")
}

private func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(Golden.compare(text, to: "Tests/PharmGraphTests/Golden/render/\(name)") == .matches, sourceLocation: sourceLocation)
}

/// The DOT lines of the drawn edges between `from` and `to` (anchors and the legend left out).
private func edges(_ dot: String, _ from: String, _ to: String) -> [Substring] {
    dot.split(separator: "\n").filter { $0.hasPrefix("  \"\(from)\" -> \"\(to)\" [") && !$0.contains("layer-anchor") }
}

/// The value of attribute `name` in one DOT statement line, as written (quotes left out).
private func attribute(_ name: String, in line: Substring) -> String? {
    guard let start = line.range(of: " \(name)=\"") ?? line.range(of: "[\(name)=\"") else { return nil }
    var value = ""
    var escaped = false
    for c in line[start.upperBound...] {
        if escaped {
            value.append(c)
            escaped = false
        } else if c == "\\" {
            value.append(c)
            escaped = true
        } else if c == "\"" {
            return value
        } else {
            value.append(c)
        }
    }
    return nil
}

@Suite("diagram layers by kind")
struct DiagramLayerTests {
    @Test("kinds map to the five layers; any kind not listed is a mediator")
    func kinds() {
        let layers: [(NodeKind, Int)] = [
            (.drug, 0), (.receptor, 1), (.channel, 1), (.transporter, 1), (.enzyme, 1), (.molecule, 2), (.protein, 2),
            (.pathway, 2), ("cell", 2), (.process, 3), (.region, 3), (.effect, 4), (.condition, 4),
        ]
        for (kind, layer) in layers { #expect(DiagramLayers.layer(of: kind) == layer, "\(kind)") }
    }

    @Test("ranks by layer; anchors and rank=same hold them; an edge against the order is written head first (golden)")
    func golden() throws {
        let graph = try load("render/layers.yaml")
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        expectGolden(dot, "layers.dot")
        // One anchor per rank, chained in order.
        #expect(!dot.contains("\"layer:5\""))
        for rank in 0...4 { #expect(dot.contains("  \"layer:\(rank)\" [class=\"layer-anchor\"")) }
        for rank in 0..<4 { #expect(dot.contains("  \"layer:\(rank)\" -> \"layer:\(rank + 1)\" [class=\"layer-anchor\", style=\"invis\", weight=\"100\"]")) }
        // Each node in its layer's rank, beside the rank's anchor: the enzyme with the receptor, the condition with the effect.
        #expect(dot.contains("  subgraph \"layer:rank:1\" {\n    graph [rank=\"same\"];\n    \"layer:1\";\n    \"receptor\";\n    \"enzyme\";\n  }"))
        #expect(dot.contains("  subgraph \"layer:rank:4\" {\n    graph [rank=\"same\"];\n    \"layer:4\";\n    \"effect\";\n    \"condition\";\n  }"))
        // The two back edges, and only they, are written head first (dir=back, class layer-reversed), so that
        // dot ranks and orders them with the others; no edge is left out of the ranking.
        #expect(!dot.contains("constraint="))
        let reversed = dot.split(separator: "\n").filter { $0.contains("layer-reversed") }
        #expect(reversed.count == 2)
        #expect(edges(dot, "effect", "receptor").isEmpty && edges(dot, "condition", "drug").isEmpty)
        for (from, to) in [("receptor", "effect"), ("drug", "condition")] {
            let line = try #require(edges(dot, from, to).first, "\(from) <- \(to)")
            #expect(attribute("dir", in: line) == "back")
            #expect(attribute("class", in: line)?.hasSuffix(" layer-reversed") == true)
        }
        #expect(edges(dot, "drug", "receptor").first.map { attribute("dir", in: $0) } == .some(nil))
        // Polylines and a longer crossing minimisation (docs/rendering.md, "Layers": measured there).
        #expect(dot.contains(#"splines="polyline", mclimit="10""#))
        // Every node has an edge out (a cycle), yet the legend hangs below the last rank, not below the drug.
        #expect(edges(dot, "effect", "legend:kind:0").count == 1 && edges(dot, "condition", "legend:kind:0").count == 1)
        #expect(dot.components(separatedBy: "-> \"legend:kind:0\"").count == 3)
    }

    @Test("inside clusters: each cluster's own chain of anchors, tied level with the global one (golden)")
    func clusters() throws {
        let graph = try load("render/layers.yaml")
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(clusterBySystem: true)).dot
        expectGolden(dot, "layers-clustered.dot")
        #expect(dot.contains("subgraph \"cluster_system_1\"") && dot.contains("subgraph \"cluster_system_2\""))
        #expect(!dot.contains("newrank"))
        // The inside cluster spans ranks 1 to 3: its anchors and rank=same subgraphs are inside it (four spaces).
        #expect(dot.contains("\n    \"layer:cluster_system_2:1\" -> \"layer:cluster_system_2:2\" [class=\"layer-anchor\""))
        #expect(
            dot.contains(
                "\n    subgraph \"layer:cluster_system_2:rank:1\" {\n      graph [rank=\"same\"];\n      \"layer:cluster_system_2:1\";\n      \"enzyme\";\n    }"
            ))
        // Tied (top level, heavy) from the global anchor of its first rank.
        #expect(dot.contains(#"\#n  "layer:1" -> "layer:cluster_system_2:1" [class="layer-anchor", style="invis", weight="1000", minlen="0"]"#))
        #expect(dot.split(separator: "\n").filter { $0.contains(#"weight="1000""#) }.count == 2)
        #expect(edges(dot, "receptor", "effect").first.map { attribute("dir", in: $0) } == "back")
    }

    @Test("no anchors with --layering none, under an engine other than dot, or when one layer is drawn")
    func inactive() throws {
        let graph = try load("render/layers.yaml")
        for options in [DiagramOptions(layering: .none), DiagramOptions(engine: "sfdp"), DiagramOptions(engine: "neato")] {
            let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot
            #expect(!dot.contains("layer-anchor"), "\(options)")
            // The legend's rows are its own rank=same subgraphs; there are no others.
            let ranks = dot.components(separatedBy: "rank=\"same\"").count - 1
            #expect(!dot.contains("constraint=") && ranks == dot.components(separatedBy: "subgraph \"legend:row:").count - 1, "\(options)")
            #expect(!dot.contains("layer-reversed") && !dot.contains("splines=") && !dot.contains("mclimit="), "\(options)")
        }
        let one = DiagramSelection.neighbourhood(of: "enzyme", depth: 0, direction: .both, in: graph)
        #expect(!PathwayDiagram(graph: graph, selection: one).dot.contains("layer-anchor"))
    }

    @Test("a layer spans its longest chain of edges; cycles broken in drawing order; a wide rank stays one rank")
    func ranks() {
        let nodes: [(id: String, kind: NodeKind)] = [("d", .drug), ("p1", .process), ("p2", .process), ("p3", .process), ("e", .effect)]
        let chain = DiagramLayers(
            nodes: nodes, edges: [("d", "p1"), ("p1", "p2"), ("p2", "p3"), ("p3", "p1"), ("p3", "e")], layering: .kind, engine: "dot")
        #expect(chain.ranks == ["d": 0, "p1": 1, "p2": 2, "p3": 3, "e": 4])
        #expect(chain.rankCount == 5)
        // Against the ranks: written head first, its ends' attributes swapped and its direction reversed.
        let look: [DOTAttribute] = [.literal("class", "c"), .literal("arrowhead", "tee"), .text("taillabel", "S"), .literal("dir", "both")]
        #expect(
            chain.edge(from: "p3", to: "p1", look)
                == .edge(
                    .literal("p1"), .literal("p3"),
                    [.literal("class", "c layer-reversed"), .literal("arrowtail", "tee"), .text("headlabel", "S"), .literal("dir", "both")]))
        #expect(
            chain.edge(from: "p3", to: "p1", [])
                == .edge(.literal("p1"), .literal("p3"), [.literal("class", "layer-reversed"), .literal("dir", "back")]))
        #expect(chain.edge(from: "p1", to: "p2", look) == .edge(.literal("p1"), .literal("p2"), look))
        // Along a rank (a loop): no rank constraint.
        #expect(chain.edge(from: "p1", to: "p1", []) == .edge(.literal("p1"), .literal("p1"), [.literal("constraint", "false")]))
        // An edge along a rank cannot be a rank constraint either.
        let flat = DiagramLayers(nodes: [("a", .receptor), ("b", .channel), ("d", .drug)], edges: [("a", "b")], layering: .kind, engine: "dot")
        #expect(flat.ranks == ["d": 0, "a": 1, "b": 2])

        // A wide rank stays one rank (dealing it over several made more crossings).
        let wide = [("d", NodeKind.drug)] + (0..<30).map { ("t\($0)", NodeKind.receptor) } + [("e", .effect)]
        let one = DiagramLayers(nodes: wide.map { (id: $0.0, kind: $0.1) }, edges: [], layering: .kind, engine: "dot")
        #expect((0..<30).allSatisfy { one.ranks["t\($0)"] == 1 })
        #expect(one.ranks["e"] == 2 && one.rankCount == 3)
    }

    @Test("a rank width deals a wider row over consecutive ranks, as evenly as it allows, in drawing order, inside its layer")
    func rankWidth() {
        let wide = [("d", NodeKind.drug)] + (0..<7).map { ("t\($0)", NodeKind.receptor) } + [("e", .effect)]
        let nodes = wide.map { (id: $0.0, kind: $0.1) }
        let four = DiagramLayers(nodes: nodes, edges: [("d", "t0"), ("t6", "e")], layering: .kind, engine: "dot", rankWidth: 4)
        // 7 targets at most 4 a rank: 4 and 3, in drawing order; the effect after both.
        #expect((0..<4).allSatisfy { four.ranks["t\($0)"] == 1 } && (4..<7).allSatisfy { four.ranks["t\($0)"] == 2 })
        #expect(four.ranks["d"] == 0 && four.ranks["e"] == 3 && four.rankCount == 4)
        // 7 at most 3 a rank: 3, 3 and 1 would be uneven; dealt 3, 3, 1 is what 3 allows (ceil(7/3) = 3 ranks of 3).
        let three = DiagramLayers(nodes: nodes, edges: [], layering: .kind, engine: "dot", rankWidth: 3)
        #expect((1...3).map { r in (0..<7).filter { three.ranks["t\($0)"] == r }.count } == [3, 3, 1])
        // 7 at most 6: two ranks, 4 and 3 (not 6 and 1).
        let six = DiagramLayers(nodes: nodes, edges: [], layering: .kind, engine: "dot", rankWidth: 6)
        #expect((1...2).map { r in (0..<7).filter { six.ranks["t\($0)"] == r }.count } == [4, 3])
        // A bound no row reaches, or none, changes nothing; a bound of 0 counts as 1.
        let loose = DiagramLayers(nodes: nodes, edges: [], layering: .kind, engine: "dot", rankWidth: 8)
        #expect(loose.ranks == DiagramLayers(nodes: nodes, edges: [], layering: .kind, engine: "dot").ranks && loose.rankCount == 3)
        let zero = DiagramLayers(nodes: nodes, edges: [], layering: .kind, engine: "dot", rankWidth: 0)
        #expect(zero.rankCount == 9 && Set((0..<7).map { zero.ranks["t\($0)"]! }).count == 7)
        // The DOT: one rank=same group per rank, each with its anchor.
        let graph = Graph(
            id: "g", title: "t", version: "1", nodes: nodes.map { Node(id: $0.id, kind: $0.kind) },
            edges: (0..<7).flatMap { [Edge(from: "d", relation: .inhibits, to: "t\($0)"), Edge(from: "t\($0)", relation: .activates, to: "e")] })
        var options = DiagramOptions()
        options.rankWidth = 4
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot
        #expect(dot.contains(#"subgraph "layer:rank:2""#) && dot.contains(#"subgraph "layer:rank:3""#))
        #expect(!PathwayDiagram(graph: graph, selection: .whole(graph)).dot.contains(#"subgraph "layer:rank:3""#))
    }

    @Test("chained: a detour through an earlier layer puts its end a rank later; free nodes even out the layer's ranks")
    func chained() {
        // The glutamatergic panel's K2,2: Ca2+ influx upregulates two molecules that both activate central sensitization.
        let kinds: [(String, NodeKind)] = [
            ("r", .receptor), ("ca", .process), ("pg", .molecule), ("no", .molecule), ("cs", .process), ("p1", .process),
            ("p2", .process), ("p3", .process), ("e", .effect),
        ]
        let nodes = kinds.map { (id: $0.0, kind: $0.1) }
        let edges: [(from: String, to: String)] = [
            ("r", "ca"), ("ca", "pg"), ("ca", "no"), ("pg", "cs"), ("no", "cs"), ("r", "p1"), ("r", "p2"), ("r", "p3"), ("cs", "e"),
        ]
        #expect(DiagramLayers.chains(edges, layerOf: ["ca": 3, "pg": 2, "no": 2, "cs": 3]).map { "\($0.from)>\($0.to)" } == ["ca>cs"])
        // By default one process rank holds all five.
        let plain = DiagramLayers(nodes: nodes, edges: edges, layering: .kind, engine: "dot")
        #expect(Set(["ca", "cs", "p1", "p2", "p3"].map { plain.ranks[$0]! }).count == 1)
        // Chained: central sensitization a rank after Ca2+ influx, and the free processes dealt 3 and 2 (the last ones moved).
        let chained = DiagramLayers(nodes: nodes, edges: edges, layering: .kind, engine: "dot", chained: true)
        let first = chained.ranks["ca"]!
        #expect(chained.ranks["cs"] == first + 1)
        #expect(["p1", "p2"].map { chained.ranks[$0] } == [first, first] && chained.ranks["p3"] == first + 1)
        #expect(chained.ranks["e"] == first + 2 && chained.rankCount == plain.rankCount + 1)
        // A layer without detours is as before.
        let none = [("r", "ca"), ("r", "cs"), ("cs", "e")].map { (from: $0.0, to: $0.1) }
        #expect(
            DiagramLayers(nodes: nodes, edges: none, layering: .kind, engine: "dot", chained: true).ranks
                == DiagramLayers(nodes: nodes, edges: none, layering: .kind, engine: "dot").ranks)
        var options = DiagramOptions()
        options.set(.chained)
        #expect(options.packed && options.chained)
        options.set(.plain)
        #expect(!options.packed && !options.chained)
    }

    @Test("anchor names never collide with node ids")
    func anchorPrefix() {
        #expect(DiagramLayers.prefix(avoiding: ["a", "b"]) == "layer:")
        #expect(DiagramLayers.prefix(avoiding: ["layer:0", "b"]) == "_layer:")
        #expect(DiagramLayers.prefix(avoiding: ["layer:x", "_layer:1"]) == "__layer:")
    }
}

@Suite("diagram drug families")
struct DiagramFormTests {
    @Test("a form's badge: X of a synonym (X)-ROOT or X-ROOT, else the label without the root's, else the label")
    func badges() {
        let root = Node(id: "ketamine", label: "Ketamine", kind: .drug)
        #expect(DiagramForms.badge(of: Node(id: "e", label: "Esketamine", kind: .drug, synonyms: ["(S)-ketamine"]), root: root) == "S")
        #expect(DiagramForms.badge(of: Node(id: "a", label: "Arketamine", kind: .drug, synonyms: ["x", "R-ketamine"]), root: root) == "R")
        #expect(DiagramForms.badge(of: Node(id: "n", label: "Norketamine", kind: .drug), root: root) == "Nor")
        #expect(DiagramForms.badge(of: Node(id: "s", label: "(S)-norketamine", kind: .drug, synonyms: ["esnorketamine"]), root: root) == "(S)-nor")
        #expect(DiagramForms.badge(of: Node(id: "h", label: "Hydroxy-ketamine", kind: .drug), root: root) == "Hydroxy")
        #expect(DiagramForms.badge(of: Node(id: "m", label: "Morphine", kind: .drug), root: root) == "Morphine")
        #expect(DiagramForms.badge(of: Node(id: "k", label: "KETAMINE", kind: .drug), root: root) == "KETAMINE")
    }

    @Test("one node per family, badges naming the forms, parallel edges merged, structural edges inside left out (golden)")
    func golden() throws {
        let graph = try load("render/families.yaml")
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        expectGolden(dot, "families.dot")
        for form in ["esdrugamine", "ardrugamine", "nordrugamine", "s-nordrugamine"] {
            #expect(!dot.contains("\"\(form)\" ["), "\(form)")
            #expect(!dot.contains("\"\(form)\" ->") && !dot.contains("-> \"\(form)\""), "\(form)")
        }
        #expect(!dot.contains("relation-has_component") && !dot.contains("relation-has_metabolite"))
        let family = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  \"drugamine\" [") })
        #expect(attribute("label", in: family) == "Drugamine")
        #expect(attribute("class", in: family) == "kind-drug drug-family")
        #expect(
            attribute("tooltip", in: family)?.hasSuffix(
                #"forms drawn here: Drugamine (rac), Esdrugamine (S), Ardrugamine (R), Nordrugamine (Nor), (S)-nordrugamine ((S)-nor)"#)
                == true)
        // rac and S state the same established inhibition: one edge; R's is probable: its own edge.
        let toTarget = edges(dot, "drugamine", "target")
        #expect(toTarget.count == 2)
        #expect(toTarget.compactMap { attribute("taillabel", in: $0) } == ["rac, S", "R"])
        #expect(
            attribute("tooltip", in: toTarget[0])
                == #"Drugamine inhibits Target\ncertainty: established\nrefs: r\n\nEsdrugamine inhibits Target\ncertainty: established\nrefs: r"#)
        #expect(attribute("labelfontsize", in: toTarget[0]) == "10")
        #expect(edges(dot, "drugamine", "second").compactMap { attribute("taillabel", in: $0) } == ["Nor, (S)-nor"])
        // The root's own edge has no badge; an edge into a form carries the badge at its head.
        #expect(edges(dot, "drugamine", "effect").map { attribute("taillabel", in: $0) } == [nil])
        #expect(edges(dot, "other", "drugamine").compactMap { attribute("headlabel", in: $0) } == ["S"])
        // The legend explains the badges drawn.
        #expect(dot.contains(#"class="legend-badge""#))
        #expect(dot.contains("rac, S, R, Nor, …"))
    }

    @Test("--expand-forms draws every form and structural edge, with no badge")
    func expanded() throws {
        let graph = try load("render/families.yaml")
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(expandForms: true)).dot
        for node in graph.nodes { #expect(dot.contains("  \"\(node.id)\" [label="), "\(node.id)") }
        let drawn = dot.split(separator: "\n").filter { $0.contains("\" -> \"") && !$0.contains("layer-anchor") && !$0.contains("legend") }
        #expect(drawn.count == graph.edges.count)
        #expect(!dot.contains("taillabel") && !dot.contains("headlabel") && !dot.contains("legend-badge"))
        #expect(!dot.contains("drug-family"))
    }

    @Test("paths through a form draw on the family's node; a merged edge carries every path number through it")
    func paths() throws {
        let graph = try load("render/families.yaml")
        // 1: Drugamine ⊣ Target → Effect; 2: Drugamine → Esdrugamine ⊣ Target → Effect.
        let selection = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [4, 10], sign: .negative), DiagramSelection.Path(edges: [0, 5, 10], sign: .negative)],
            ends: ["drugamine", "effect"], in: graph)
        var builder = DiagramBuilder(graph: graph, selection: selection, options: DiagramOptions())
        let dot = builder.build().text
        #expect(builder.drawnCount == 3)
        let merged = try #require(edges(dot, "drugamine", "target").first)
        #expect(edges(dot, "drugamine", "target").count == 1)
        // Every path drawn uses both edges: no numbers (docs/rendering.md, "Path figures"), the badge alone.
        #expect(attribute("taillabel", in: merged) == "rac, S")
        #expect(attribute("headlabel", in: merged) == nil)
        #expect(edges(dot, "target", "effect").map { attribute("taillabel", in: $0) } == [nil])
        #expect(attribute("class", in: merged)?.hasSuffix(" net-negative") == true)
        #expect(!dot.contains("\"esdrugamine\""))

        // A third path misses the merged edge. Every path starts at the family's node and ends at Effect, and each
        // edge is the only one drawn between its ends: first and last steps, which each table row begins or ends
        // with, so they carry no numbers (the badge alone).
        let firstSteps = DiagramSelection.paths(
            [
                DiagramSelection.Path(edges: [4, 10], sign: .negative), DiagramSelection.Path(edges: [0, 5, 10], sign: .negative),
                DiagramSelection.Path(edges: [9], sign: .positive),
            ], ends: ["drugamine", "effect"], in: graph)
        let stepped = PathwayDiagram(graph: graph, selection: firstSteps).dot
        #expect(attribute("taillabel", in: try #require(edges(stepped, "drugamine", "target").first)) == "rac, S")
        #expect(edges(stepped, "drugamine", "effect").map { attribute("taillabel", in: $0) } == [nil])
        #expect(edges(stepped, "target", "effect").map { attribute("taillabel", in: $0) } == [nil])
        // A chain (Target has one path edge in and one out, on the same paths) carries its numbers once, on its last
        // edge: with a path from Other the paths start at two nodes (no first steps), and Drugamine ⊣ Target → Effect
        // is such a chain for path 1 (the root's own edge: no badge).
        let chain = DiagramSelection.paths(
            [
                DiagramSelection.Path(edges: [4, 10], sign: .negative), DiagramSelection.Path(edges: [9], sign: .positive),
                DiagramSelection.Path(edges: [11], sign: .negative),
            ], ends: ["drugamine", "effect"], in: graph)
        let chained = PathwayDiagram(graph: graph, selection: chain).dot
        #expect(attribute("taillabel", in: try #require(edges(chained, "drugamine", "target").first)) == nil)
        #expect(edges(chained, "target", "effect").map { attribute("taillabel", in: $0) } == ["1"])
        #expect(edges(chained, "drugamine", "effect").map { attribute("taillabel", in: $0) } == ["2"])

        // A fourth path starts at Target and a fifth (Other ⊣ Esdrugamine) ends at the family's node: the paths start
        // and end at several nodes, so there are no first or last steps, and the numbers follow the badge, at the tail,
        // since the family's node is counted with its drawn edges (two leave it), not with its forms' and the
        // structural edges inside it.
        let three = DiagramSelection.paths(
            [
                DiagramSelection.Path(edges: [4, 10], sign: .negative), DiagramSelection.Path(edges: [0, 5, 10], sign: .negative),
                DiagramSelection.Path(edges: [9], sign: .positive), DiagramSelection.Path(edges: [10], sign: .positive),
                DiagramSelection.Path(edges: [11], sign: .negative),
            ], ends: ["drugamine", "effect"], in: graph)
        let numbered = PathwayDiagram(graph: graph, selection: three).dot
        let badged = try #require(edges(numbered, "drugamine", "target").first)
        #expect(attribute("taillabel", in: badged) == "rac, S · 1, 2")
        #expect(attribute("headlabel", in: badged) == nil)
        #expect(edges(numbered, "drugamine", "effect").map { attribute("taillabel", in: $0) } == ["3"])
        #expect(edges(numbered, "target", "effect").map { attribute("taillabel", in: $0) } == ["1, 2, 4"])

        // Floated (`floatingLabels`): the badge and the numbers one xlabel, tail first, in the end labels' font (golden).
        var floatingOptions = DiagramOptions()
        floatingOptions.floatingLabels = .all
        let floating = PathwayDiagram(graph: graph, selection: three, options: floatingOptions).dot
        expectGolden(floating, "path-floating-labels.dot")
        let floated = try #require(edges(floating, "drugamine", "target").first)
        #expect(attribute("xlabel", in: floated) == "rac, S · 1, 2")
        #expect(attribute("taillabel", in: floated) == nil && attribute("labelangle", in: floated) == nil)
        #expect(attribute("fontsize", in: floated) == "10")
        #expect(edges(floating, "drugamine", "effect").map { attribute("xlabel", in: $0) } == ["3"])
        // Only the edges named float.
        floatingOptions.floatingLabels = .edges([DiagramOptions.EdgeEnds(from: "drugamine", to: "effect")])
        let someFloat = PathwayDiagram(graph: graph, selection: three, options: floatingOptions).dot
        #expect(edges(someFloat, "drugamine", "effect").map { attribute("xlabel", in: $0) } == ["3"])
        #expect(attribute("taillabel", in: try #require(edges(someFloat, "drugamine", "target").first)) == "rac, S · 1, 2")
        // Head and tail labels join tail first; an edge with an xlabel (a context label) keeps its end labels.
        let both: [DOTAttribute] = [.text("headlabel", "4"), .text("taillabel", "S"), .literal("labelangle", "30")]
        #expect(DiagramBuilder.floated(both).map(\.name) == ["xlabel", "fontsize", "fontcolor"])
        #expect(DiagramBuilder.floated(both).first?.value == DOTValue.text("S · 4"))
        let context: [DOTAttribute] = [.text("xlabel", "HPC"), .text("taillabel", "S")]
        #expect(DiagramBuilder.floated(context) == context)
        #expect(DiagramBuilder.floated([.literal("color", "red")]) == [.literal("color", "red")])
        // Flipped: the end labels on the other side of the edge, the angle negated (Graphviz's −25° when not given).
        #expect(DiagramBuilder.flipped(both) == [.text("headlabel", "4"), .text("taillabel", "S"), .literal("labelangle", "-30")])
        #expect(DiagramBuilder.flipped([.text("taillabel", "S")]) == [.text("taillabel", "S"), .literal("labelangle", "25")])
        #expect(DiagramBuilder.flipped(context + [.literal("labelangle", "-30")]).last == .literal("labelangle", "30"))
        #expect(DiagramBuilder.flipped([.literal("color", "red")]) == [.literal("color", "red")])
        // Inlined (`inlineAll`): badges, numbers and the context as one HTML-like `label`, wrapped at 10 characters
        // after a comma, ink then grey; the end labels and the xlabel go.
        let inlined = DiagramBuilder.inlined(
            [.text("taillabel", "S"), .literal("labelangle", "30"), .text("xlabel", "HPC"), .literal("color", "red")],
            lines: ["rac, S, R, (S)-nor", "1, 4, 6, 8, 11–14"], context: "sub, HPC")
        #expect(inlined.map(\.name) == ["color", "label"])
        #expect(
            inlined.last?.value
                == .html(
                    markup: ##"<font point-size="10"><font color="#333333">rac, S, R,</font><br/><font color="#333333">(S)-nor</font><br/>"##
                        + ##"<font color="#333333">1, 4, 6,</font><br/><font color="#333333">8, 11–14</font><br/>"##
                        + ##"<font color="#6B6B6B">sub, HPC</font></font>"##))
        #expect(DiagramBuilder.inlined([.literal("color", "red")], lines: [], context: nil) == [.literal("color", "red")])
        let hostileInlined = DiagramBuilder.inlined([], lines: [#"a\b & <c>"#], context: #"</font>"#)
        #expect(hostileInlined.first?.value.raw.contains(#"a\\b &amp; &lt;c&gt;"#) == true)
        #expect(hostileInlined.first?.value.raw.contains("&lt;/font&gt;") == true)
        var inlineOptions = DiagramOptions()
        inlineOptions.floatingLabels = .inlineEdges([DiagramOptions.EdgeEnds(from: "drugamine", to: "target")])
        let inlineDOT = PathwayDiagram(graph: graph, selection: three, options: inlineOptions).dot
        let inlineEdge = try #require(edges(inlineDOT, "drugamine", "target").first)
        #expect(attribute("taillabel", in: inlineEdge) == nil && inlineEdge.contains("label=<"))
        #expect(attribute("taillabel", in: try #require(edges(inlineDOT, "target", "effect").first)) == "1, 2, 4")
        var flipOptions = DiagramOptions()
        flipOptions.floatingLabels = .flipEdges([DiagramOptions.EdgeEnds(from: "target", to: "effect")])
        let flipDOT = PathwayDiagram(graph: graph, selection: three, options: flipOptions).dot
        #expect(attribute("labelangle", in: try #require(edges(flipDOT, "target", "effect").first)) == "-30")
        // Only those edges: the others keep their side.
        let unflipped = edges(flipDOT, "drugamine", "target").filter { attribute("taillabel", in: $0) != nil }
        #expect(!unflipped.isEmpty && unflipped.allSatisfy { attribute("labelangle", in: $0) == "30" })
        #expect(attribute("taillabel", in: try #require(edges(flipDOT, "target", "effect").first)) == "1, 2, 4")

        // Hostile text stays escaped once, floated or in the path table's note.
        let hostileFloated = DiagramBuilder.floated([.text("taillabel", #"a\b & <c>"#), .text("headlabel", "\"4\"")])
        #expect(hostileFloated.first?.value == DOTValue.text(#"a\b & <c> · "4""#))
        var noted = three
        noted.pathsNote = #"2 of 3 paths drawn; pharmgraph paths <b>&"x" y"#
        let notedDOT = PathwayDiagram(graph: graph, selection: noted).dot
        #expect(notedDOT.contains("2 of 3 paths drawn; pharmgraph paths &lt;b&gt;&amp;&quot;x&quot; y"))
        #expect(!notedDOT.contains("<b>&"))

        // The badge is user text, escaped once, and the numbers follow it.
        var builder3 = DiagramBuilder(graph: graph, selection: three, options: DiagramOptions())
        _ = builder3.build()
        let hostile = builder3.pathStyled([.text("taillabel", #"a\b & <c>"#)], edge: graph.edges[9], numbers: [3])
        #expect(hostile.first { $0.name == "taillabel" }?.value == DOTValue.text(#"a\b & <c> · 3"#))

        // A path that ends at a form: the table hangs below the family's node, no node of the form is made.
        let toForm = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [4, 10], sign: .negative), DiagramSelection.Path(edges: [0], sign: .none)],
            ends: ["drugamine", "effect"], in: graph)
        let table = PathwayDiagram(graph: graph, selection: toForm).dot
        #expect(edges(table, "drugamine", "legend:paths").count == 1)
        #expect(!table.contains("\"esdrugamine\""))

        // A path through the enantiomer alone: drawn from the family with the badge S.
        let one = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [0, 5], sign: .negative)], ends: ["drugamine", "target"], in: graph)
        let only = PathwayDiagram(graph: graph, selection: one).dot
        let line = try #require(edges(only, "drugamine", "target").first)
        #expect(attribute("taillabel", in: line) == "S")
        #expect(attribute("class", in: try #require(only.split(separator: "\n").first { $0.hasPrefix("  \"drugamine\" [") })) == "kind-drug drug-family")
    }

    @Test("left to right, a path figure's table and legend stand in one column after the drawing (golden)")
    func pathColumn() throws {
        let graph = try load("render/families.yaml")
        let three = DiagramSelection.paths(
            [
                DiagramSelection.Path(edges: [4, 10], sign: .negative), DiagramSelection.Path(edges: [0, 5, 10], sign: .negative),
                DiagramSelection.Path(edges: [9], sign: .positive),
            ], ends: ["drugamine", "effect"], in: graph)
        let dot = PathwayDiagram(graph: graph, selection: three, options: DiagramOptions(rankDirection: .leftToRight)).dot
        expectGolden(dot, "path-column-LR.dot")
        // The table three ranks after the paths' last node: after the legend's node kinds and glyph starts, in its texts' rank.
        #expect(edges(dot, "effect", "legend:paths").map { attribute("minlen", in: $0) } == ["3"])
        let table = try #require(dot.split(separator: "\n").first { $0.contains("class=\"path-table\"") && $0.contains("<table") })
        // The sign's symbol alone, said in the key; the key wrapped; no padding.
        #expect(table.contains(##"<font color="#D55E00">-</font> </td>"##) && !table.contains("- negative</font>"))
        #expect(table.contains("net sign: + positive, - negative<br/>→ increases, ⊣ decreases,<br/>"))
        #expect(table.contains(#"cellpadding="0""#))
        // The notes under the glyphs' texts (a start point in the glyphs' column), not under the node kinds.
        #expect(dot.contains(#""legend:notes:start" -> "legend:notes" [style="invis", minlen="1"]"#))
        #expect(dot.contains(#""legend:notes:start" -> "legend:relation:inhibits:start" [style="invis", minlen="0"]"#))
        // Each sample text after an empty lead, the glyph ending at the text's port; kinds and texts low.
        let activates = try #require(dot.split(separator: "\n").first { $0.contains("\"legend:relation:activates\" [") })
        #expect(activates.contains(#"<td width="40"></td><td port="text" width="5"></td>"#) && attribute("height", in: activates) == "0.2")
        let glyph = try #require(dot.split(separator: "\n").first { $0.contains(#""legend:relation:activates:start" -> "legend:relation:activates""#) })
        #expect(attribute("headport", in: glyph) == "text:w")
        let kind = try #require(dot.split(separator: "\n").first { $0.contains("\"legend:kind:0\" [") })
        #expect(attribute("height", in: kind) == "0.3")

        // Without the legend, the table is the next rank; top to bottom, the table of before (words, padding 2).
        var bare = DiagramOptions(rankDirection: .leftToRight)
        bare.legend = false
        let alone = PathwayDiagram(graph: graph, selection: three, options: bare).dot
        #expect(edges(alone, "effect", "legend:paths").map { attribute("minlen", in: $0) } == [nil])
        let down = PathwayDiagram(graph: graph, selection: three).dot
        #expect(down.contains("- negative</font></td>") && down.contains(#"cellpadding="2""#) && !down.contains("text:w"))
    }

    @Test("left to right, a path figure's node labels wrap at 16 characters; the table's rows at 38, a lone last arrow kept on its line")
    func pathColumnWrapping() throws {
        let graph = try load("render/families.yaml")
        var builder = DiagramBuilder(graph: graph, selection: .whole(graph), options: DiagramOptions(rankDirection: .leftToRight))
        _ = builder.build()
        #expect(!builder.pathColumn)
        let one = DiagramSelection.paths([DiagramSelection.Path(edges: [9], sign: .positive)], ends: ["drugamine", "effect"], in: graph)
        var column = DiagramBuilder(graph: graph, selection: one, options: DiagramOptions(rankDirection: .leftToRight))
        _ = column.build()
        #expect(column.pathColumn)
        #expect(LabelWrapping.wrapped("NMDARs on GABAergic interneurons", width: DiagramBuilder.columnLabelWidth) == "NMDARs on\nGABAergic\ninterneurons")
        var other = DiagramOptions(rankDirection: .leftToRight)
        other.engine = "neato"
        var neato = DiagramBuilder(graph: graph, selection: one, options: other)
        _ = neato.build()
        #expect(!neato.pathColumn)
    }

    @Test("focus: the forms drawn join their root's node; a form drawn without its root stays itself")
    func focus() throws {
        let graph = try load("render/families.yaml")
        let around = DiagramSelection.neighbourhood(of: "target", depth: 1, direction: .in, in: graph)
        #expect(around.nodes.map { graph.nodes[$0].id } == ["drugamine", "esdrugamine", "ardrugamine", "target"])
        let dot = PathwayDiagram(graph: graph, selection: around).dot
        #expect(edges(dot, "drugamine", "target").compactMap { attribute("taillabel", in: $0) } == ["rac, S", "R"])
        #expect(PathwayDiagram(graph: graph, selection: around).nodeCount == 2)

        let alone = DiagramSelection.neighbourhood(of: "esdrugamine", depth: 1, direction: .out, in: graph)
        let own = PathwayDiagram(graph: graph, selection: alone).dot
        #expect(own.contains("  \"esdrugamine\" [label=\"Esdrugamine\", class=\"kind-drug\""))
        #expect(!own.contains("taillabel"))
        // The focus (highlighted) is the family's node when a form is focused inside it.
        let both = DiagramSelection.neighbourhood(of: "esdrugamine", depth: 1, direction: .both, in: graph)
        let family = try #require(PathwayDiagram(graph: graph, selection: both).dot.split(separator: "\n").first { $0.hasPrefix("  \"drugamine\" [") })
        #expect(attribute("penwidth", in: family) == "3")
    }
}

@Suite("slide fit: rank direction and width")
struct DiagramFitTests {
    private func candidate(_ direction: DiagramOptions.RankDirection, _ width: Int?, _ label: Double, _ crossings: Int) -> DiagramFit.Candidate {
        DiagramFit.Candidate(rankDirection: direction, rankWidth: width, smallestLabel: label, crossings: crossings)
    }

    @Test("of the candidates with labels of at least 8 pt, the fewest crossings win; then the larger label; then the earlier")
    func fitting() {
        // The ketamine summary's measured candidates: only the first fits a slide, however few the others cross.
        let summary = [candidate(.leftToRight, nil, 8.22, 3), candidate(.leftToRight, 6, 5.66, 2), candidate(.topToBottom, 4, 6.61, 1)]
        #expect(DiagramFit.best(summary) == 0)
        // The monoaminergic panel: narrower ranks cross less and still fit.
        let panel = [candidate(.leftToRight, nil, 10, 16), candidate(.leftToRight, 4, 8.14, 6), candidate(.leftToRight, 2, 7.9, 2)]
        #expect(DiagramFit.best(panel) == 1)
        // A first candidate that does not fit loses to a later one that does.
        #expect(DiagramFit.best([candidate(.topToBottom, nil, 6, 0), candidate(.leftToRight, nil, 8, 9)]) == 1)
        // Equal crossings: the larger label; equal both (within a hundredth of a point): the earlier.
        #expect(DiagramFit.best([candidate(.leftToRight, nil, 8.5, 3), candidate(.topToBottom, nil, 9.5, 3)]) == 1)
        #expect(DiagramFit.best([candidate(.leftToRight, nil, 9.5, 3), candidate(.topToBottom, nil, 9.505, 3)]) == 0)
        #expect(DiagramFit.best([]) == nil)
    }

    @Test("when none fits, the largest label among those crossing no more than the first")
    func noneFits() {
        // The ketamine path figure's measured candidates: wider labels only with more crossings, so the first stays.
        let path = [candidate(.topToBottom, nil, 5.49, 1), candidate(.topToBottom, 6, 6.14, 3), candidate(.topToBottom, 4, 6.19, 8)]
        #expect(DiagramFit.best(path) == 0)
        let better = [candidate(.topToBottom, nil, 5.49, 4), candidate(.topToBottom, 6, 6.14, 3), candidate(.leftToRight, nil, 7.0, 5)]
        #expect(DiagramFit.best(better) == 1)
    }
}

@Suite("slide fit: the packed round")
struct DiagramFitRoundsTests {
    /// `fitted` over measured layouts named `TB|LR-width-packed`, with the names it laid out.
    private func fitted(_ measured: [String: (Double, Int)], preferred: DiagramOptions.RankDirection = .leftToRight) -> (
        chosen: String, tried: [String]
    ) {
        var tried: [String] = []
        let make: (DiagramOptions.RankDirection, Int?, DiagramFit.Round) -> String = { direction, width, round in
            "\(direction.rawValue)-\(width.map(String.init) ?? "all")-\(round.rawValue)"
        }
        let measure: (String) -> (smallestLabel: Double, crossings: Int)? = { name in
            tried.append(name)
            guard let fit = measured[name] else { return nil }
            return (smallestLabel: fit.0, crossings: fit.1)
        }
        let chosen = DiagramFit.fits(preferred: preferred, make: make, measure: measure)[0].dot
        return (chosen, tried)
    }

    @Test("a first round with a fitting layout that crosses nowhere is drawn without the packed round")
    func noSecondRound() {
        let result = fitted(["LR-all-plain": (10, 0), "LR-all-packed": (11, 0)])
        #expect(result.chosen == "LR-all-plain")
        #expect(result.tried.count == 10)
        #expect(!result.tried.contains { $0.hasSuffix("packed") })
    }

    @Test("a crossing or unfitting first round is laid out again packed; the packed layout wins when it crosses less or fits")
    func packedRound() {
        // The glutamatergic panel's first two: 3 crossings at 8.04 pt; packed, 8.76 pt.
        var measured: [String: (Double, Int)] = ["LR-all-plain": (8.04, 3), "LR-6-plain": (7.83, 3), "LR-6-packed": (8.18, 2)]
        var result = fitted(measured)
        // The best packed one still crosses: a third, chained round and a fourth, narrow one (their layouts unmeasured
        // here, never chosen).
        #expect(result.tried.count == 40)
        #expect(result.chosen == "LR-6-packed")
        // Equal crossings and labels: the plain layout, tried first, stays.
        measured["LR-6-packed"] = (8.04, 3)
        measured["LR-all-packed"] = (8.045, 3)
        result = fitted(measured)
        #expect(result.chosen == "LR-all-plain")
        // Nothing fits plainly: packed, it does.
        result = fitted(["TB-all-plain": (7.5, 1), "TB-all-packed": (8.1, 1)], preferred: .topToBottom)
        #expect(result.chosen == "TB-all-packed")
    }

    @Test("a third round splits the layers by structure when packing leaves a crossing; it wins only when it is better")
    func chainedRound() {
        // The glutamatergic panel: 3 crossings at 8.76 pt packed; chained, none at 8.81.
        var measured: [String: (Double, Int)] = ["LR-all-plain": (8.04, 3), "LR-all-packed": (8.76, 3), "LR-all-chained": (8.81, 0)]
        #expect(fitted(measured).chosen == "LR-all-chained")
        // Chained but too small for a slide: the packed one stays.
        measured["LR-all-chained"] = (7.74, 0)
        #expect(fitted(measured).chosen == "LR-all-packed")
        // A packed round that fits without crossing needs no third.
        let result = fitted(["LR-all-plain": (8.04, 3), "LR-all-packed": (8.5, 0)])
        #expect(result.chosen == "LR-all-packed" && !result.tried.contains { $0.hasSuffix("chained") })
    }

    @Test("a fourth round wraps a path figure's labels narrower when the others leave a crossing or no fit; it wins only when better")
    func narrowRound() {
        // The analgesia path figure at 4 steps: 7.6 pt at best before; narrow, 8.2 pt.
        var measured: [String: (Double, Int)] = ["LR-all-plain": (7.0, 2), "LR-all-packed": (7.6, 2), "LR-all-narrow": (8.2, 2)]
        #expect(fitted(measured).chosen == "LR-all-narrow")
        // Narrow but smaller: the packed one stays.
        measured["LR-all-narrow"] = (7.5, 2)
        #expect(fitted(measured).chosen == "LR-all-packed")
        // A chained round that fits without crossing needs no fourth.
        let result = fitted(["LR-all-plain": (7.0, 2), "LR-all-packed": (7.6, 2), "LR-all-chained": (8.1, 0)])
        #expect(result.chosen == "LR-all-chained" && !result.tried.contains { $0.hasSuffix("narrow") })
    }

    @Test("the narrow round wraps a left-to-right path figure's node labels at 12 characters instead of 16")
    func narrowLabels() throws {
        let graph = try load("render/families.yaml")
        let second = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [2, 7], sign: .positive)], ends: ["drugamine", "second"], in: graph)
        var options = DiagramOptions(rankDirection: .leftToRight)
        options.set(.narrow)
        #expect(options.packed && options.narrowLabels && !options.chained)
        let narrow = PathwayDiagram(graph: graph, selection: second, options: options).dot
        options.set(.packed)
        #expect(!options.narrowLabels)
        let packed = PathwayDiagram(graph: graph, selection: second, options: options).dot
        #expect(narrow.contains(#"label="Second\ntarget""#) && !narrow.contains(#"label="Second target""#))
        #expect(packed.contains(#"label="Second target""#))
        // Top to bottom (no path column), the narrow round draws what the packed one does: it is not laid out again.
        var down = DiagramOptions(rankDirection: .topToBottom)
        down.set(.narrow)
        var downPacked = DiagramOptions(rankDirection: .topToBottom)
        downPacked.set(.packed)
        #expect(
            PathwayDiagram(graph: graph, selection: second, options: down).dot
                == PathwayDiagram(graph: graph, selection: second, options: downPacked).dot)
    }

    @Test("packed writes the closer node and rank separations, for panels left to right too")
    func packedAttributes() throws {
        let graph = try load("render/families.yaml")
        var options = DiagramOptions()
        #expect(PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot.contains(#"nodesep="0.25", ranksep="0.45""#))
        options.packed = true
        // Top to bottom with a legend, whose sample glyphs are a node separation long: not packed.
        #expect(PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot.contains(#"nodesep="0.25", ranksep="0.45""#))
        options.legend = false
        #expect(PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot.contains(#"nodesep="0.06", ranksep="0.3""#))
        options.legend = true
        options.rankDirection = .leftToRight
        #expect(PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot.contains(#"nodesep="0.06", ranksep="0.3""#))
        let panels = DiagramPanels(graph: graph, filter: ContextFilter())
        let panel = try #require(panels.panels.first)
        #expect(PathwayDiagram(panel: panel, of: panels, options: options).dot.contains(#"nodesep="0.06", ranksep="0.3""#))
        options.packed = false
        #expect(PathwayDiagram(panel: panel, of: panels, options: options).dot.contains(#"nodesep="0.1", ranksep="0.45""#))
    }
}

@Suite("concentrated edges for a figure not fitted to a slide")
struct DiagramConcentrateTests {
    private func measured(_ crossings: Int, overlaps: Int = 0, unrouted: Int = 0) -> DiagramFit.Measured {
        DiagramFit.Measured(crossings: crossings, overlaps: overlaps, unrouted: unrouted)
    }

    @Test("the fewest crossings win among layouts with every edge routed and no more overlaps than the plain one; ties keep the earlier")
    func fewestCrossings() {
        // The ketamine graph's measured layouts: plain and concentrated, unbounded ranks and at most 6 a rank.
        #expect(DiagramFit.fewestCrossings([measured(644), measured(595), measured(658), measured(565)]) == 3)
        // A concentrated layout that lost an edge, or overlaps more, never wins however few it crosses.
        #expect(DiagramFit.fewestCrossings([measured(644), measured(515, unrouted: 3)]) == 0)
        #expect(DiagramFit.fewestCrossings([measured(644, overlaps: 1), measured(600, overlaps: 2), measured(620, overlaps: 1)]) == 2)
        #expect(DiagramFit.fewestCrossings([measured(4), measured(4), measured(5)]) == 0)
        #expect(DiagramFit.fewestCrossings([]) == nil)
    }

    @Test("an edge written again between the same two nodes the same way gets a tail port on the flow's side")
    func repeatedEdges() {
        let hidden = [DOTAttribute.literal("style", "invis")]
        let statements: [DOTStatement] = [
            .node(.literal("a"), []),
            .edge(.literal("a"), .literal("b"), [.literal("arrowhead", "tee")]),
            .edge(.literal("a"), .literal("b"), [.literal("arrowhead", "odiamond")]),
            .edge(.literal("b"), .literal("a"), hidden),
            .edge(.literal("a"), .literal("b"), [.literal("tailport", "w")]),
            .edge(.literal("a"), .literal("c"), []),
        ]
        let down = DiagramLayers.concentrated(statements, rankDirection: .topToBottom)
        #expect(down[0] == statements[0] && down[1] == statements[1] && down[5] == statements[5])
        #expect(down[2] == .edge(.literal("a"), .literal("b"), [.literal("tailport", "s"), .literal("arrowhead", "odiamond")]))
        // The other direction is another pair; a port already given stays.
        #expect(down[3] == statements[3] && down[4] == statements[4])
        let across = DiagramLayers.concentrated(statements, rankDirection: .leftToRight)
        #expect(across[2] == .edge(.literal("a"), .literal("b"), [.literal("tailport", "e"), .literal("arrowhead", "odiamond")]))
    }

    @Test("concentrate is written for a layered figure under dot, not with --layering none nor for a path figure")
    func written() throws {
        let graph = try load("render/families.yaml")
        var options = DiagramOptions()
        options.concentrate = true
        #expect(PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot.contains(#"concentrate="true""#))
        #expect(!PathwayDiagram(graph: graph, selection: .whole(graph)).dot.contains("concentrate"))
        var flat = options
        flat.layering = .none
        #expect(!PathwayDiagram(graph: graph, selection: .whole(graph), options: flat).dot.contains("concentrate"))
        let paths = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [4, 10], sign: .negative), DiagramSelection.Path(edges: [0, 5, 10], sign: .negative)],
            ends: ["drugamine", "effect"], in: graph)
        #expect(!PathwayDiagram(graph: graph, selection: paths, options: options).dot.contains("concentrate"))
    }

    @Test("settled: a figure whose edge labels overlap flips, floats, then inlines, the colliding edges' labels, then all, if that has fewer overlaps")
    func settledLabels() {
        let colliding: Set = [DiagramOptions.EdgeEnds(from: "a", to: "b")]
        var made: [String] = []
        /// `settled` with the plain figure measured `plain`, the colliding edges floated `some`, all floated `all`, the
        /// colliding edges inlined `inlineSome`, all inlined `inlineAll` and the colliding edges' end labels flipped
        /// `flip` (each: label on a slide, crossings, overlaps).
        func settled(
            _ plain: (Double, Int, Int), some: (Double, Int, Int), all: (Double, Int, Int),
            inlineSome: (Double, Int, Int) = (0, 0, 99), inlineAll: (Double, Int, Int) = (0, 0, 99), flip: (Double, Int, Int) = (0, 0, 99)
        ) -> String {
            let measured = ["plain": plain, "some": some, "all": all, "inlineSome": inlineSome, "inlineAll": inlineAll, "flip": flip]
            let floated = { (float: DiagramOptions.LabelFloat) -> String in
                let name =
                    switch float {
                    case .all: "all"
                    case .edges(colliding): "some"
                    case .inlineAll: "inlineAll"
                    case .inlineEdges(colliding): "inlineSome"
                    case .flipEdges(colliding): "flip"
                    default: "wrong"
                    }
                made.append(name)
                return name
            }
            let measure = { (name: String) in
                measured[name].map { DiagramFit.LabelFit(smallestLabel: $0.0, crossings: $0.1, labelOverlaps: $0.2, edges: colliding) }
            }
            return DiagramFit.settled("plain", floated: floated, measure: measure)
        }
        #expect(settled((8.17, 2, 12), some: (8.17, 2, 4), all: (8.17, 2, 5)) == "some")
        #expect(made == ["flip", "some", "all", "inlineSome", "inlineAll"])
        // The colliding edges' end labels on the other side of their edges, tried first: it moves no node.
        made = []
        #expect(settled((8.17, 2, 3), some: (8.17, 2, 1), all: (8.17, 2, 1), flip: (8.17, 2, 0)) == "flip")
        #expect(made == ["flip"])
        #expect(settled((8.17, 2, 3), some: (8.17, 2, 1), all: (8.17, 2, 2), flip: (8.17, 2, 1)) == "flip")
        #expect(settled((8.17, 2, 12), some: (8.17, 2, 4), all: (8.17, 2, 1)) == "all")
        // No overlap: nothing floated is made.
        made = []
        #expect(settled((8.17, 2, 0), some: (8.17, 2, 0), all: (8.17, 2, 0)) == "plain")
        #expect(made.isEmpty)
        // Fewer overlaps, but a smaller label under 8 pt (the labels widen the drawing), or more crossings, or no fewer
        // overlaps.
        #expect(settled((8.17, 0, 15), some: (7.45, 0, 0), all: (7.45, 0, 0), inlineSome: (7.9, 0, 0)) == "plain")
        #expect(settled((8.17, 0, 15), some: (8.17, 1, 0), all: (8.17, 1, 0)) == "plain")
        #expect(settled((8.17, 0, 3), some: (8.17, 0, 3), all: (8.17, 0, 3)) == "plain")
        // Within Graphviz's rounding of the label.
        #expect(settled((8.17, 0, 3), some: (8.165, 0, 1), all: (8.17, 0, 2)) == "some")
        #expect(settled((7.5, 0, 3), some: (7.495, 0, 1), all: (7.5, 0, 2)) == "some")
        // But never under 8 pt for a figure that fits a slide, however near the first's label is.
        #expect(settled((8.005, 0, 3), some: (7.996, 0, 1), all: (7.996, 0, 1)) == "plain")
        // Inlined, with fewer overlaps and still 8 pt: a smaller label that still fits a slide is taken; the search
        // stops at a candidate without overlaps.
        made = []
        #expect(settled((9.5, 0, 5), some: (9.5, 0, 4), all: (9.5, 0, 4), inlineSome: (8.2, 0, 0)) == "inlineSome")
        #expect(made == ["flip", "some", "all", "inlineSome"])
        #expect(settled((9.5, 0, 5), some: (9.5, 0, 4), all: (9.5, 0, 4), inlineSome: (8.2, 0, 2), inlineAll: (8.0, 0, 1)) == "inlineAll")
        // Another candidate that fits and crosses no more: as it is, then floated, when the chosen one's labels still
        // overlap; the earlier wins a tie.
        let second = { (plain: (Double, Int, Int), other: (Double, Int, Int), floatedOther: (Double, Int, Int)) -> String in
            let measured = ["plain": plain, "other": other, "other-floated": floatedOther]
            return DiagramFit.settled(
                ["plain", "other"], floated: { i, float in i == 1 && float == .all ? "other-floated" : "none" },
                measure: { measured[$0].map { DiagramFit.LabelFit(smallestLabel: $0.0, crossings: $0.1, labelOverlaps: $0.2) } })
        }
        #expect(second((8.5, 1, 3), (8.1, 1, 0), (8.1, 1, 0)) == "other")
        #expect(second((8.5, 1, 3), (8.1, 1, 2), (8.1, 1, 0)) == "other-floated")
        #expect(second((8.5, 1, 3), (7.9, 1, 0), (8.1, 2, 0)) == "plain")
        // The alternates: only when the chosen fits; those that fit and cross no more, fewest crossings, then largest label.
        let candidates = [
            DiagramFit.Candidate(rankDirection: .leftToRight, rankWidth: nil, smallestLabel: 8.2, crossings: 2),
            DiagramFit.Candidate(rankDirection: .topToBottom, rankWidth: nil, smallestLabel: 9, crossings: 3),
            DiagramFit.Candidate(rankDirection: .leftToRight, rankWidth: 6, smallestLabel: 8.1, crossings: 1),
            DiagramFit.Candidate(rankDirection: .leftToRight, rankWidth: 4, smallestLabel: 8.6, crossings: 1),
            DiagramFit.Candidate(rankDirection: .leftToRight, rankWidth: 3, smallestLabel: 7.9, crossings: 0),
        ]
        #expect(DiagramFit.alternates(to: 0, among: candidates) == [3, 2])
        #expect(DiagramFit.alternates(to: 4, among: candidates) == [])
        #expect(DiagramFit.alternates(to: 9, among: candidates) == [])

        // Under 8 pt before: no smaller, and nothing inlined (inlined labels take room).
        made = []
        #expect(settled((7.5, 0, 5), some: (7.4, 0, 0), all: (7.5, 0, 2), inlineSome: (7.5, 0, 1)) == "all")
        #expect(made == ["flip", "some", "all"])
    }
}
