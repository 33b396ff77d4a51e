import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// The empty answers of `empty.yaml`, worked out by hand (edge numbers are file order, from 0):
///
///     drug → drug:      the same node                                          same_node
///     drug → e-far:     drug -> a -> b -> c -> e-far, 4 steps (e0 e1 e2 e3)   too_long at maximum length 3
///     drug → e-ctx:     drug -| r -| e-ctx (e4 [dose: high], e5 [region: brain])
///                       where dose=low: cut by dose=low alone                  filtered (1 path; dose=low)
///                       where dose=low, region=gut: cut only by both together  filtered (1 path; no term)
///     drug → e-back:    only e-back -> drug (e6)                               reverse_only
///     drug → e-noeff:   drug no_effect e-noeff (e7)                            no_effect
///     drug → e-gated:   drug no_effect e-gated (e8 [dose: high]); where dose=low it does not hold: unreachable
///     drug → e-island:  e-island -> c (e9) leads away from drug                unreachable
///     drug → e-far, sign negative, maximum length 1, budget 20 steps: the longer search stops   unsettled
@Suite("Why an empty answer is empty")
struct EmptyAnswerTests {
    let engine: PathEngine

    init() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/empty.yaml"))
        engine = PathEngine(graph: try #require(result.graph))
    }

    func node(_ id: String) throws -> NodeIndex { try #require(engine.network.index(of: id)) }

    func query(_ to: String, maxLength: Int = 6, where filter: [String: String] = [:]) throws -> PathQuery {
        var query = PathQuery(sources: [try node("drug")], targets: [try node(to)], maxLength: maxLength)
        query.traversal.filter = ContextFilter(filter)
        return query
    }

    func explain(_ query: PathQuery) throws -> EmptyReason? {
        try engine.explain(query, result: try engine.paths(query))
    }

    func text(_ reason: EmptyReason?, _ query: PathQuery) -> String? {
        reason?.description(sources: query.sources, targets: query.targets, network: engine.network)
    }

    @Test("an answer with paths has no explanation")
    func notEmpty() throws {
        #expect(try explain(query("e-far")) == nil)
        #expect(try explain(query("e-ctx")) == nil)
    }

    @Test("FROM equal to TO")
    func sameNode() throws {
        let q = try query("drug")
        let reason = try explain(q)
        #expect(reason == .sameNode(try node("drug")))
        #expect(reason?.word == "same_node")
        #expect(text(reason, q) == "no path: the source and the target are the same node, 'drug', and a path never returns to its start")
    }

    @Test("a no_effect edge from the source to the target, only where the context filter admits it")
    func noEffect() throws {
        let q = try query("e-noeff")
        let reason = try explain(q)
        #expect(reason == .noEffect(EdgeIndex(rawValue: 7)))
        #expect(text(reason, q) == "no path: the graph states that 'drug' has no effect on 'e-noeff' (drug -no_effect-o e-noeff [ref])")
        #expect(try explain(query("e-gated")) == .noEffect(EdgeIndex(rawValue: 8)))
        let gated = try explain(query("e-gated", where: ["dose": "low"]))
        // The filter is one of the query's constraints: "unreachable" says it holds under them.
        #expect(gated == .unreachable(.init(undirected: false, relations: nil, constrained: true)))
    }

    @Test("the context filter: the term that cuts the paths, or none alone")
    func filtered() throws {
        let one = try query("e-ctx", where: ["dose": "low"])
        let reason = try explain(one)
        #expect(reason == .filtered(paths: 1, atLeast: false, terms: [.init(key: "dose", value: "low", paths: 1)]))
        #expect(text(reason, one) == "no path under the context filter: without it there is 1 path; without dose=low alone there is 1 path")
        let both = try query("e-ctx", where: ["dose": "low", "region": "gut"])
        #expect(try explain(both) == .filtered(paths: 1, atLeast: false, terms: []))
    }

    @Test("the maximum length: the shortest path is longer")
    func tooLong() throws {
        let q = try query("e-far", maxLength: 3)
        let reason = try explain(q)
        #expect(reason == .tooLong(shortest: 4, maxLength: 3))
        #expect(text(reason, q) == "no path within the maximum length: the shortest path has 4 steps, more than the maximum length 3")
    }

    @Test("paths only in the reverse direction: the shortest such path and how many")
    func reverseOnly() throws {
        let q = try query("e-back")
        let reason = try explain(q)
        guard case let .reverseOnly(path, count)? = reason else {
            Issue.record("expected reverse_only, got \(String(describing: reason))")
            return
        }
        #expect(count == 1)
        #expect(path.edges == [EdgeIndex(rawValue: 6)])
        #expect(
            text(reason, q)
                == "no path from 'drug' to 'e-back', but 'e-back' reaches 'drug': 1 shortest path of 1 step, e.g. e-back -activates-> drug")
    }

    @Test("unreachable, with the traversal in the words")
    func unreachable() throws {
        let q = try query("e-island")
        let reason = try explain(q)
        #expect(reason == .unreachable(.init(undirected: false, relations: nil, constrained: false)))
        #expect(text(reason, q) == "no path: 'e-island' is not reachable from 'drug'")
        var only = try query("e-far")
        only.traversal.labels = ["inhibits"]
        let restricted = try explain(only)
        #expect(restricted == .unreachable(.init(undirected: false, relations: ["inhibits"], constrained: false)))
        #expect(text(restricted, only) == "no path: 'e-far' is not reachable from 'drug' (walking only the relations inhibits)")
    }

    @Test("a longer search that stops at the budget settles nothing")
    func unsettled() throws {
        var q = try query("e-far", maxLength: 1)
        q.sign = .negative
        q.maxWork = 20
        #expect(try explain(q) == .unsettled(maxLength: 1))
        q.maxWork = nil
        // A signed query has no fast shortest-path count: it is searched only a few lengths further
        // (`constrainedLookahead`), so finding nothing there settles nothing either.
        #expect(try explain(q) == .unsettled(maxLength: 1))
        // Unconstrained, the search to the largest length settles it.
        q.sign = nil
        q.maxLength = 1
        #expect(try explain(q) == .tooLong(shortest: 4, maxLength: 1))
    }

    @Test("a partial answer is not explained")
    func partial() throws {
        let q = try query("e-far")
        let stopped = PathReport(counts: SignCounts(), paths: [], partial: true, stop: .workBudget)
        #expect(try engine.explain(q, result: stopped) == nil)
    }
}
