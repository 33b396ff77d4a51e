import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphTestSupport
import Testing

/// A network read through the loader: `small.sif` has A→B activates, B⊣C, B⊣D, C-pp-E and a lone F.
private func small() throws -> Network {
    let input = InputLoader.load(Repository.path("Tests/PharmGraphTests/Fixtures/import/small.sif"))
    return try #require(input.network, "\(input.diagnostics)")
}

/// What `stats` and `render` make of an imported network.
@Suite("Imported networks counted and drawn")
struct NetworkViewTests {
    @Test("statistics: nodes per kind, edges per label and sign, isolated nodes")
    func statistics() throws {
        let statistics = NetworkStatistics(try small(), name: "small.sif", format: "sif")
        #expect(statistics.nodes == 6)
        #expect(statistics.edges == 4)
        #expect(statistics.nodesByKind == ["node": 6])
        #expect(statistics.edgesByLabel == ["activates": 1, "inhibits": 2, "pp": 1])
        #expect(statistics.edgesBySign == ["positive": 1, "negative": 2, "unknown": 1, "none": 0])
        #expect(statistics.isolatedNodes == 1)
        #expect(statistics.text.hasPrefix("small.sif (network, sif)\nnodes: 6\n  node             6\nedges: 4\n  by label:\n    inhibits         2\n"))
    }

    @Test("the drawing graph: relations kept, other labels as modulates with the label in the note")
    func drawingGraph() throws {
        let network = try small()
        let graph = network.drawingGraph(title: "small")
        #expect(graph.title == "small")
        #expect(graph.nodes.map(\.id) == network.nodeIndices.map { network.node($0).id })
        #expect(graph.edges.map(\.relation) == [.activates, .inhibits, .inhibits, .modulates])
        #expect(graph.edges.map(\.note) == [nil, nil, nil, "imported label: pp"])
        let part = network.drawingGraph(edges: [3], nodes: [0])
        #expect(part.nodes.map(\.id) == ["A", "C", "E"])
        #expect(part.edges.map(\.from) == ["C"])
    }

    @Test("a curated graph's network draws as the graph itself")
    func curated() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/valid/example.yaml"))
        let graph = try #require(result.graph)
        let drawn = Network(graph).drawingGraph()
        #expect(drawn.nodes == graph.nodes)
        #expect(drawn.edges == graph.edges)
        #expect(drawn.title == graph.title)
    }
}
