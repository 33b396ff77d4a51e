import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// The reading line of a query with several sources names (or counts) only the sources that have a path.
@Suite("Reading line: the sources with a path")
struct ReadingSourcesTests {
    /// The reading line of `paths` from `from` to `to` on `graph`, assessed as the CLI does.
    func line(_ graph: Graph, _ from: [String], _ to: String, limit: Int = 20) throws -> String {
        let engine = PathEngine(graph: graph)
        let network = engine.network
        let query = PathQuery(
            sources: try from.map { try #require(network.index(of: $0)) }, targets: [try #require(network.index(of: to))])
        var result = try engine.paths(query, limit: limit)
        try engine.assess(query, &result)
        return PathsReport(network: network, query: query, result: result, shown: limit, provenance: Provenance(inputs: []))
            .readingLine
    }

    @Test("ket, esk and li to seiz: the only edge on is ket's exposure, so only ket is named (ContextSemanticsTests' graph)")
    func exposureScoped() throws {
        let graph = ContextSemanticsTests.graph()
        #expect(try line(graph, ["ket", "esk", "li"], "seiz") == "ket causes or worsens seiz: positive, established; 2 positive paths in 1 mechanism")
        #expect(try line(graph, ["ket", "esk", "li"], "seiz", limit: 0) == (try line(graph, ["ket", "esk", "li"], "seiz")))
        // Without exposure_of, lithium walks gsk -| seiz too.
        let open = ContextSemanticsTests.graph(exposureOf: nil)
        #expect(try line(open, ["ket", "esk", "li"], "seiz").hasPrefix("ket, esk, li cause or worsen seiz: "))
    }

    @Test("five drugs, two with a path: named, not counted; an abstention names them too; none with a path names all")
    func counted() throws {
        // d1 -| c, d2 -| m -> c; d3 reaches only m2 (no way on); d4 -> x, whose edge to c needs an unasserted condition; d5 alone.
        let condition = ContextDeclaration(key: "condition", kind: .condition, values: ["hyper"])
        let nodes =
            ["d1", "d2", "d3", "d4", "d5"].map { Node(id: $0, kind: .drug) } + [
                Node(id: "m", kind: .process), Node(id: "m2", kind: .process), Node(id: "x", kind: .process),
                Node(id: "c", kind: .condition),
            ]
        var edges = [
            Edge(from: "d1", relation: .inhibits, to: "c"), Edge(from: "d2", relation: .inhibits, to: "m"),
            Edge(from: "m", relation: .activates, to: "c"), Edge(from: "d3", relation: .activates, to: "m2"),
            Edge(from: "d4", relation: .activates, to: "x"),
            Edge(from: "x", relation: .activates, to: "c", context: ["condition": "hyper"]),
        ]
        func made() -> Graph {
            Graph(id: "t", title: "T", version: "1", format: 2, contexts: [condition], nodes: nodes, edges: edges)
        }
        let all = ["d1", "d2", "d3", "d4", "d5"]
        #expect(try line(made(), all, "c") == "d1, d2 relieve or prevent c: negative, established; 2 negative paths in 2 mechanisms")
        // Four with a path: counted, not named (d1, d3 and d5 -| c are one mechanism).
        edges += [Edge(from: "d3", relation: .inhibits, to: "c"), Edge(from: "d5", relation: .inhibits, to: "c")]
        #expect(try line(made(), all, "c") == "4 nodes relieve or prevent c: negative, established; 4 negative paths in 2 mechanisms")
        // One reaching source: singular.
        #expect(try line(made(), ["d4", "d5"], "c") == "d5 relieves or prevents c: negative, established; 1 negative path in 1 mechanism")
        // A mixed answer names the sources with a path.
        edges.append(Edge(from: "d2", relation: .activates, to: "c"))
        #expect(try line(made(), ["d2", "d4"], "c") == "no determinate effect of d2 on c: mixed (1 positive, 1 negative paths)")
        // No source has a path: the answer is about all of them.
        #expect(try line(made(), ["d4", "m2"], "c") == "no determinate effect of d4, m2 on c: none (no path)")
    }

    @Test("past the enumeration bound the sources come from a search back from the targets, alike")
    func searchedBack() throws {
        let graph = ContextSemanticsTests.graph()
        let engine = PathEngine(graph: graph)
        let network = engine.network
        let sources = try ["li", "esk", "ket"].map { try #require(network.index(of: $0)) }
        let query = PathQuery(sources: sources, targets: [try #require(network.index(of: "seiz"))])
        let listed = try engine.paths(query, limit: 100)
        let byPaths = try engine.reachingSources(query, paths: listed.paths)
        let bySearch = try engine.reachingSources(query, paths: nil)
        #expect(byPaths == bySearch)
        #expect(bySearch.map { $0.map { network.nodeIDs[$0] } } == ["ket"])
    }
}
