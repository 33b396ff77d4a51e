import PharmGraphTestSupport
import Testing

@testable import PharmGraph

@Suite("stats")
struct StatisticsTests {
    @Test("counts of the documented example, worked out by hand")
    func example() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/valid/example.yaml"))
        let graph = try #require(result.graph)
        let stats = GraphStatistics(graph)
        #expect(stats.nodes == 5)
        #expect(stats.edges == 4)
        #expect(stats.nodesByKind == ["drug": 1, "receptor": 1, "process": 1, "microbiome": 1, "effect": 1])
        #expect(stats.edgesByRelation["inhibits"] == 2)
        #expect(stats.edgesByRelation["activates"] == 1)
        #expect(stats.edgesByRelation["modulates"] == 1)
        #expect(stats.edgesByRelation["binds"] == 0)
        #expect(stats.edgesBySign == ["positive": 1, "negative": 2, "unknown": 1, "none": 0])
        #expect(stats.edgesByCertainty == ["established": 3, "probable": 0, "hypothesized": 1])
        #expect(stats.references.total == 1)
        #expect(stats.references.cited == 1)
        #expect(stats.references.unused.isEmpty)
        #expect(stats.claims.count == 1)
        #expect(stats.claims.first?.via == "nmdar")
        #expect(stats.claims.first?.where == ["dose": "subanesthetic"])
        #expect(stats.isolatedNodes.isEmpty)
    }

    @Test("unused references and isolated nodes are listed")
    func warningsCounted() throws {
        let unused = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics/unused-reference.yaml"))
        let references = GraphStatistics(try #require(unused.graph)).references
        #expect(references.total == 2)
        #expect(references.cited == 1)
        #expect(references.unused == ["ref1999"])
        let isolated = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics/isolated-node.yaml"))
        #expect(GraphStatistics(try #require(isolated.graph)).isolatedNodes == ["lonely-d"])
    }
}
