import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// The curated graphs in Graphs/: they load clean, their claims hold, and key facts of the
/// article are there as the article states them.
@Suite("Curated ketamine graphs")
struct CuratedGraphTests {
    static let files = ["Graphs/ketamine.yaml", "Graphs/ketamine-overview.yaml"]

    private func graph(_ file: String) throws -> Graph {
        let result = loadGraph(Repository.path(file))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.headline))")
        return try #require(result.graph)
    }

    @Test("each loads with no error or warning, and every claim holds", arguments: files)
    func clean(_ file: String) throws {
        let graph = try graph(file)
        #expect(ClaimVerifier.verify(graph).isEmpty)
        #expect(graph.edges.allSatisfy { !$0.refs.isEmpty })
    }

    @Test("ketamine is a noncompetitive NMDAR antagonist, with its references")
    func nmdar() throws {
        let graph = try graph("Graphs/ketamine.yaml")
        let edge = try #require(graph.edges.first { $0.from == "ketamine" && $0.to == "nmdar" })
        #expect(edge.relation == .inhibits)
        #expect(edge.action == .noncompetitiveAntagonist)
        #expect(edge.direct == true)
        #expect(edge.refs.contains("zanos2018"))
        #expect(edge.evidence?.contains("noncompetitive inhibitor") == true)
    }

    @Test("naloxone has no effect on ketamine analgesia: a no_effect edge, and the analgesia stands without the opioid receptors")
    func naloxone() throws {
        let graph = try graph("Graphs/ketamine.yaml")
        let edge = try #require(graph.edges.first { $0.from == "naloxone" && $0.to == "analgesia" })
        #expect(edge.relation == .noEffect)
        #expect(edge.refs.contains("zanos2018b"))
        #expect(graph.reference("zanos2018b")?.doi != nil)
        // Naloxone antagonises the opioid receptors, so the finding means: ketamine's analgesia does not rest on them.
        #expect(graph.edges.contains { $0.from == "naloxone" && $0.relation == .inhibits && $0.to == "opioid-receptors" })
        let engine = PathEngine(graph: graph)
        let network = engine.network
        let ketamine = try #require(network.index(of: "ketamine"))
        let analgesia = try #require(network.index(of: "analgesia"))
        let opioid = try #require(network.index(of: "opioid-receptors"))
        let query = PathQuery(sources: [ketamine], targets: [analgesia], avoid: [opioid])
        var report = try engine.paths(query, limit: 1_000)
        try engine.assess(query, &report)
        let assessment = try #require(report.assessment)
        #expect(assessment.verdict == .positive)
        #expect(assessment.certainty == .established)
    }

    @Test("racemic ketamine has both enantiomers; esketamine is the more potent at the NMDAR")
    func enantiomers() throws {
        let graph = try graph("Graphs/ketamine.yaml")
        let components = graph.edges.filter { $0.from == "ketamine" && $0.relation == .hasComponent }.map(\.to)
        #expect(Set(components) == ["esketamine", "arketamine"])
        #expect(graph.edges.contains { $0.from == "ketamine" && $0.relation == .hasMetabolite && $0.to == "norketamine" })
        let es = try #require(graph.edges.first { $0.from == "esketamine" && $0.to == "nmdar" })
        let ar = try #require(graph.edges.first { $0.from == "arketamine" && $0.to == "nmdar" })
        #expect(try #require(es.strength) > (try #require(ar.strength)))
    }

    @Test("the two graphs share node ids for shared concepts, so they diff by meaning")
    func sharedIDs() throws {
        let full = Set(try graph("Graphs/ketamine.yaml").nodes.map(\.id))
        let overview = Set(try graph("Graphs/ketamine-overview.yaml").nodes.map(\.id))
        for id in ["ketamine", "nmdar", "analgesia", "bdnf"] where overview.contains(id) {
            #expect(full.contains(id), "\(id)")
        }
        #expect(full.intersection(overview).count >= 10)
    }
}
