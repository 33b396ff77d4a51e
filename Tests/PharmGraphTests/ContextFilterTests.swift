import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

@Suite("Context filters checked against a network")
struct ContextFilterTests {
    private func ketamine() throws -> Network {
        Network(try #require(loadGraph(Repository.path("Graphs/ketamine.yaml")).graph))
    }

    /// A network of three edges: dose low, dose high, and one without context.
    private func small() -> Network {
        var builder = NetworkBuilder(relationMap: [:])
        let a = builder.addNode("a", name: nil, kind: nil)
        let b = builder.addNode("b", name: nil, kind: nil)
        let label = builder.label("activates")
        builder.addEdge(a, label, b, context: ["dose": "low"])
        builder.addEdge(a, label, b, context: ["dose": "high", "route": "iv"])
        builder.addEdge(b, label, a)
        return builder.build()
    }

    @Test("a key no edge uses is an error with the closest key used")
    func unknownKey() throws {
        let network = try ketamine()
        let filter = ContextFilter(["dos": "subanesthetic"])
        #expect(throws: ContextFilter.FilterError.self) { try filter.check(against: network) }
        let problems = filter.problems(against: [network])
        guard case let .unknownKey(key, suggestion, known)? = problems.first else {
            Issue.record("expected an unknown key, got \(problems)")
            return
        }
        #expect(problems.count == 1)
        #expect(key == "dos" && suggestion == "dose" && known.contains("dose") && known == known.sorted())
        #expect(problems[0].description == "no edge has the context key 'dos'; did you mean 'dose'?")
    }

    @Test("a value no edge uses for the key is an error with the closest value used")
    func unknownValue() throws {
        let problems = ContextFilter(["dose": "subanesthtic"]).problems(against: [try ketamine()])
        #expect(
            problems == [
                .unknownValue(
                    key: "dose", value: "subanesthtic", suggestion: "subanesthetic",
                    known: ["anesthetic", "subanesthetic", "supratherapeutic"])
            ])
        #expect(problems[0].description == "no edge has the context value 'subanesthtic' for 'dose'; did you mean 'subanesthetic'?")
    }

    @Test("without a close match the keys or values used are listed; a network without contexts says so")
    func listsWhatIsUsed() throws {
        let network = small()
        #expect(
            ContextFilter(["species": "human"]).problems(against: [network]).map(\.description) == [
                "no edge has the context key 'species'; the edges use the keys 'dose', 'route'"
            ])
        #expect(
            ContextFilter(["dose": "anesthetic"]).problems(against: [network]).map(\.description) == [
                "no edge has the context value 'anesthetic' for 'dose'; the edges use the values 'high', 'low'"
            ])
        let bare = NetworkBuilder(relationMap: [:]).build()
        #expect(
            ContextFilter(["dose": "low"]).problems(against: [bare])
                == [.unknownKey("dose", suggestion: nil, known: [])])
        #expect(ContextFilter(["dose": "low"]).problems(against: [bare])[0].description.hasSuffix("; no edge has a context"))
    }

    @Test("every bad term is reported, in key order; a good filter and no filter pass")
    func severalTerms() throws {
        let network = small()
        let problems = ContextFilter(["route": "oral", "dos": "low", "dose": "low"]).problems(against: [network])
        #expect(
            problems == [
                .unknownKey("dos", suggestion: "dose", known: ["dose", "route"]),
                .unknownValue(key: "route", value: "oral", suggestion: nil, known: ["iv"]),
            ])
        try ContextFilter(["dose": "low", "route": "iv"]).check(against: network)
        try ContextFilter().check(against: network)
    }

    @Test("a key or value used by either of two networks passes (diff)")
    func eitherNetwork() throws {
        var builder = NetworkBuilder(relationMap: [:])
        let x = builder.addNode("x", name: nil, kind: nil)
        builder.addEdge(x, builder.label("inhibits"), x, context: ["species": "mouse"])
        let other = builder.build()
        let filter = ContextFilter(["species": "mouse", "dose": "high"])
        #expect(filter.problems(against: [small()]).count == 1)
        #expect(filter.problems(against: [other]).count == 1)
        try filter.check(against: [small(), other])
    }

    @Test("the edges a filter removes are counted over the whole network")
    func removedCount() throws {
        let network = small()
        #expect(ContextFilter(["dose": "low"]).removedEdgeCount(in: network) == 1)
        #expect(ContextFilter(["dose": "low", "route": "oral"]).removedEdgeCount(in: network) == 1)
        #expect(ContextFilter(["route": "oral"]).removedEdgeCount(in: network) == 1)
        #expect(ContextFilter().removedEdgeCount(in: network) == 0)
        let summary = try #require(FilterSummary(ContextFilter(["dose": "high"]), in: network))
        #expect(summary.edgesRemoved == 1 && summary.edges == 3)
        #expect(summary.line() == "the context filter dose=high left out 1 of 3 edges")
        let words = LimitHints(workBudget: "", boundOptions: "", contextFilter: "--where")
        #expect(summary.line(hints: words) == "--where dose=high left out 1 of 3 edges")
        #expect(FilterSummary(ContextFilter(), in: network) == nil)
        // Ketamine's graph: dose is ordinal and subanesthetic its lowest level, so the filter leaves out the edges that
        // hold from a higher dose: tagged with another dose, or into an effect that occurs from another dose on.
        let graph = try #require(loadGraph(Repository.path("Graphs/ketamine.yaml")).graph)
        let ketamine = Network(graph)
        let expected = graph.edges.filter { edge in
            [edge.context["dose"], graph.node(edge.to)?.context["dose"]].contains { $0 != nil && $0 != "subanesthetic" }
        }.count
        #expect(expected > 0)
        #expect(ContextFilter(["dose": "subanesthetic"]).removedEdgeCount(in: ketamine) == expected)
    }
}
