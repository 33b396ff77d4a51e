import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

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

    @Test("the drawn graph shows each imported label that is not the relation drawn, after the selection")
    func labelled() throws {
        let network = try small()
        let graph = network.labelled(network.drawingGraph(title: "small"))
        #expect(graph.edges.map { $0.context["label"] } == [nil, nil, nil, "pp"])
        #expect(graph.nodes == network.drawingGraph().nodes)
        let part = network.labelled(network.drawingGraph(edges: [3, 0]), edges: [3, 0])
        #expect(part.edges.map { $0.context["label"] } == ["pp", nil])
        let tsv = Repository.path("Tests/PharmGraphTests/Fixtures/import/signed.tsv")
        let mapped = try #require(
            NetworkInput.load(data: try Data(contentsOf: URL(fileURLWithPath: tsv)), path: tsv, import: ImportOptions(relationMap: ["1": .activates]))
                .network)
        let drawn = mapped.labelled(mapped.drawingGraph())
        #expect(drawn.edges.map(\.relation) == [.activates, .modulates, .activates, .modulates])
        #expect(drawn.edges.map { $0.context["label"] } == ["1", "-1", "1", "-1"])
        let dot = PathwayDiagram(graph: drawn, selection: .whole(drawn, filter: ContextFilter()), options: DiagramOptions()).dot
        #expect(dot.contains("tooltip=\"A activates B\\ncertainty: established\\ncontext: label=1\""))
        let curated = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/valid/example.yaml"))
        let example = try #require(curated.graph)
        #expect(Network(example).labelled(example) == example)
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
