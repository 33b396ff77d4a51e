import Foundation
import PharmGraph
import PharmGraphRender
import PharmGraphTestSupport
import Testing

/// The layout report of `dot` laid out in-process with `engine`.
private func report(_ dot: String, engine: LayoutEngine) throws -> LayoutReport {
    try LayoutReport(json: try Renderer.render(dot: dot, engine: engine, format: .json).data)
}

/// Nodes pinned at `positions` (inches) and drawn as small boxes, with straight edges, for neato.
private func pinned(_ positions: [String: (Double, Double)], edges: [(String, String)]) -> String {
    var lines = ["digraph G {", "node [shape=box, width=0.4, height=0.3, fixedsize=true];"]
    lines += positions.keys.sorted().map { name in "\(name) [pos=\"\(positions[name]!.0),\(positions[name]!.1)!\"];" }
    lines += edges.map { "\($0.0) -> \($0.1);" }
    return (lines + ["}"]).joined(separator: "\n")
}

@Suite("Layout report on Graphviz's own layouts")
struct LayoutReportRenderTests {
    @Test("neato with pinned nodes: an X of two edges crosses once; a node placed on another overlaps it")
    func pinnedX() throws {
        let x = try report(
            pinned(["a": (0, 0), "b": (3, 3), "c": (0, 3), "d": (3, 0)], edges: [("a", "b"), ("c", "d")]), engine: .neato)
        #expect(x.crossings == 1)
        #expect(x.overlaps.isEmpty)
        #expect(x.nodeCount == 4 && x.edgeCount == 2)

        let parallel = try report(
            pinned(["a": (0, 0), "b": (3, 0), "c": (0, 1), "d": (3, 1), "e": (0.1, 0.05)], edges: [("a", "b"), ("c", "d")]),
            engine: .neato)
        #expect(parallel.crossings == 0)
        #expect(parallel.overlaps.map { [$0.first, $0.second] } == [["a", "e"]])
    }

    @Test("neato with pinned nodes: K3,3 drawn straight in two rows has 9 crossings, three of them at one point")
    func pinnedK33() throws {
        let top = ["a1": (0.0, 2.0), "a2": (1.0, 2.0), "a3": (2.0, 2.0)]
        let bottom = ["b1": (0.0, 0.0), "b2": (1.0, 0.0), "b3": (2.0, 0.0)]
        let edges = top.keys.sorted().flatMap { a in bottom.keys.sorted().map { b in (a, b) } }
        let layout = try report(pinned(top.merging(bottom) { a, _ in a }, edges: edges), engine: .neato)
        // Every pair of top nodes and every pair of bottom nodes: one crossing, C(3,2)² = 9.
        #expect(layout.crossings == 9)
        #expect(layout.overlaps.isEmpty)
    }

    @Test("dot: K3,3 in two ranks has 9 crossings whatever the order; a tree has none")
    func dotLayouts() throws {
        let k33 = try report("digraph { {a1 a2 a3} -> {b1 b2 b3} }", engine: .dot)
        #expect(k33.crossings == 9)
        #expect(k33.overlaps.isEmpty)
        let tree = try report("digraph { a -> b; a -> c; b -> d; b -> e; c -> f; c -> g }", engine: .dot)
        #expect(tree.crossings == 0)
        #expect(tree.overlaps.isEmpty)
        #expect(tree.engine == nil && tree.rankDirection == "TB")
        #expect(tree.text.hasPrefix("layout: engine not recorded, rankdir TB; 7 nodes and 6 edges measured"))
    }

    @Test("a pathway diagram: the legend cluster is found and left out, every graph node is measured")
    func diagram() throws {
        let path = Repository.path("Tests/PharmGraphTests/Fixtures/valid/example.yaml")
        let graph = try #require(GraphLoader.load(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path).graph)
        let diagram = PathwayDiagram(graph: graph, selection: .whole(graph))
        let layout = try LayoutReport(json: try Renderer.render(dot: diagram.dot, engine: .dot, format: .json).data)
        #expect(layout.nodeCount == diagram.nodeCount)
        #expect(layout.edgeCount == graph.edges.count)
        let share = try #require(layout.legendShare)
        #expect(share > 0 && share < 1)
        #expect(layout.overlaps.isEmpty)
        #expect(layout.layerOrder.layeredNodes == diagram.nodeCount)
        #expect(layout.smallestLabel != nil)
        #expect(layout.engine == "dot" && layout.rankDirection == "TB")

        let bare = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(legend: false))
        #expect(try LayoutReport(json: try Renderer.render(dot: bare.dot, engine: .dot, format: .json).data).legendShare == nil)
    }

    @Test("one layout for several formats: the JSON of render(formats:) is the JSON rendered alone")
    func formats() throws {
        let dot = "digraph { a -> b; b -> c; a -> c }"
        let both = try Renderer.render(dot: dot, engine: .dot, formats: [.svg, .json])
        #expect(both.images.count == 2)
        #expect(String(decoding: both.images[0], as: UTF8.self).contains("<svg"))
        #expect(both.images[1] == (try Renderer.render(dot: dot, engine: .dot, format: .json).data))
        let text = try Renderer.render(dot: dot, engine: .dot, formats: [.dot])
        #expect(text.images == [Data(dot.utf8)])
    }

    /// The layout report of the fixture `render/label-overlaps/NAME.dot`, laid out by dot.
    private func labelFixture(_ name: String) throws -> LayoutReport {
        let path = Repository.path("Tests/PharmGraphTests/Fixtures/render/label-overlaps/\(name).dot")
        return try report(String(contentsOfFile: path, encoding: .utf8), engine: .dot)
    }

    @Test("edge label overlaps on dot's layouts: two tail labels side by side, a head label on its node, labels apart, the legend's")
    func labelOverlaps() throws {
        let tails = try labelFixture("tails-collide")
        #expect(
            tails.labelOverlaps.map { [$0.label, $0.other, "\($0.node)"] } == [
                ["first tail label", "second tail label", "false"], ["first tail label", "a", "true"], ["second tail label", "a", "true"],
            ])
        let head = try labelFixture("head-on-node")
        #expect(head.labelOverlaps.map { [$0.label, $0.other, "\($0.node)"] } == [["head label", "b", "true"]])
        #expect(head.text.contains("edge label overlaps: 1 (0 with a label, 1 with a node: \"head label\" & node b)"))
        let apart = try labelFixture("apart")
        #expect(apart.labelOverlaps.isEmpty)
        #expect(apart.text.contains("edge label overlaps: 0\n"))
        #expect(try labelFixture("legend-only").labelOverlaps.isEmpty)
    }
}
