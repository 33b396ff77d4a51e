import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// `intervention.yaml` and `contrast.yaml`, worked out by hand (edges in file order, from 0):
///
///     intervention.yaml: e0 drug -> r, e1 r -> x, e2 x -| e, e3 up -> x, e4 drug -| y, e5 y -> e, e6 x -> f
///     effects drug:                e: drug -> r -> x -| e (-), drug -| y -> e (-)      negative (2)
///                                  f: drug -> r -> x -> f (+)                          positive (1)
///     effects --do x=- (no drug):  x is the source, at -: e: (-)(x -| e) = +           positive (1)
///                                                        f: (-)(x -> f) = -            negative (1)
///     effects drug --do x=-:       e0..e3's r -> x and up -> x are cut (edges into x); drug's paths: drug -| y -> e (-);
///                                  x's: x -| e (+), x -> f (-)                         e mixed (1+, 1-), f negative (1)
///     paths drug e --do r=+:       drug -> r cut; drug -| y -> e (-), r -> x -| e (+)(+)(-) = -   negative (2)
///     paths r f --do r=-:          FROM is the clamped node: r -> x -> f, (-)(+)(+) = -            negative (1)
@Suite("Interventions and contrasts")
struct InterventionTests {
    func load(_ name: String) throws -> PathEngine {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/\(name)"))
        return PathEngine(graph: try #require(result.graph))
    }

    func node(_ engine: PathEngine, _ id: String) throws -> NodeIndex { try #require(engine.network.index(of: id)) }

    func counts(_ reports: [TargetReport], _ engine: PathEngine) -> [String: SignCounts] {
        Dictionary(uniqueKeysWithValues: reports.map { (engine.network.nodeIDs[$0.target], $0.counts) })
    }

    func effects(_ engine: PathEngine, drug: [String], clamps: [(String, Sign)]) throws -> [String: SignCounts] {
        var query = PathQuery(
            sources: try drug.map { try node(engine, $0) }, targets: try ["e", "f"].map { try node(engine, $0) })
        query.interventions = try clamps.map { Intervention(node: try node(engine, $0.0), sign: $0.1) }
        let (reports, partial) = try engine.reach(query)
        #expect(!partial)
        return counts(reports, engine)
    }

    @Test("without an intervention: the drug's own paths")
    func baseline() throws {
        let engine = try load("intervention.yaml")
        #expect(try effects(engine, drug: ["drug"], clamps: []) == ["e": SignCounts(negative: 2), "f": SignCounts(positive: 1)])
    }

    @Test("a clamp alone: its paths, each sign multiplied by the clamp's")
    func clampAlone() throws {
        let engine = try load("intervention.yaml")
        #expect(try effects(engine, drug: [], clamps: [("x", .negative)]) == ["e": SignCounts(positive: 1), "f": SignCounts(negative: 1)])
        #expect(try effects(engine, drug: [], clamps: [("x", .positive)]) == ["e": SignCounts(negative: 1), "f": SignCounts(positive: 1)])
    }

    @Test("a drug and a clamp: the drug's paths in the cut graph, plus the clamp's with its sign")
    func drugAndClamp() throws {
        let engine = try load("intervention.yaml")
        #expect(
            try effects(engine, drug: ["drug"], clamps: [("x", .negative)])
                == ["e": SignCounts(positive: 1, negative: 1), "f": SignCounts(negative: 1)])
    }

    @Test("every edge into a clamped node is cut; paths from FROM and from the clamp both count")
    func cut() throws {
        let engine = try load("intervention.yaml")
        var query = PathQuery(sources: [try node(engine, "drug")], targets: [try node(engine, "e")])
        query.interventions = [Intervention(node: try node(engine, "r"), sign: .positive)]
        let report = try engine.paths(query)
        #expect(report.counts == SignCounts(negative: 2))
        let formatter = PathFormatter(network: engine.network)
        #expect(Set(report.paths.map(formatter.describe)) == ["drug -inhibits-| y -activates-> e", "r -activates-> x -inhibits-| e"])
        // FROM may be the clamped node itself.
        var from = PathQuery(sources: [try node(engine, "r")], targets: [try node(engine, "f")])
        from.interventions = [Intervention(node: try node(engine, "r"), sign: .negative)]
        #expect(try engine.paths(from).counts == SignCounts(negative: 1))
        #expect(try engine.paths(from).paths.map(\.sign) == [.negative])
    }

    @Test("shortest and k shortest take the clamp's sign too (the BFS starts a clamped source at -)")
    func shortest() throws {
        let engine = try load("intervention.yaml")
        var query = PathQuery(sources: [try node(engine, "drug")], targets: [try node(engine, "f")])
        query.interventions = [Intervention(node: try node(engine, "x"), sign: .negative)]
        let shortest = try engine.shortest(query)
        #expect(shortest.counts == SignCounts(negative: 1))
        #expect(shortest.paths.map(\.sign) == [.negative])
        #expect(try engine.kShortest(query, k: 3).counts == SignCounts(negative: 1))
        // A clamped target is cut off: nothing reaches it.
        var into = PathQuery(sources: [try node(engine, "drug")], targets: [try node(engine, "x")])
        into.interventions = query.interventions
        #expect(try engine.paths(into).counts.total == 0)
        #expect(try engine.shortest(into).counts.total == 0)
    }

    @Test("causes (reachBack): the clamp cuts the edges into its node, and starts nothing")
    func reachBack() throws {
        let engine = try load("intervention.yaml")
        var query = PathQuery(sources: [try node(engine, "drug"), try node(engine, "up")], targets: [try node(engine, "f")])
        #expect(try engine.reachBack(query).reports.map { engine.network.nodeIDs[$0.target] }.sorted() == ["drug", "up"])
        query.interventions = [Intervention(node: try node(engine, "x"), sign: .negative)]
        #expect(try engine.reachBack(query).reports.isEmpty)
    }

    @Test("terms: NODE=+|-, parsed and resolved; a malformed term, an unknown node and a node clamped both ways are errors")
    func terms() throws {
        let engine = try load("intervention.yaml")
        let network = engine.network
        #expect(try Intervention.Term(parsing: "x=-").sign == .negative)
        #expect(try Intervention.Term(parsing: "x=positive").sign == .positive)
        #expect(throws: Intervention.ParseError.malformed("x")) { try Intervention.Term(parsing: "x") }
        #expect(throws: Intervention.ParseError.malformed("=+")) { try Intervention.Term(parsing: "=+") }
        #expect(throws: Intervention.ParseError.sign("x=up", word: "up")) { try Intervention.Term(parsing: "x=up") }
        let resolved = try Intervention.resolve([Intervention.Term(parsing: "y=+"), Intervention.Term(parsing: "x=-")], in: network)
        #expect(resolved == [Intervention(node: try node(engine, "x"), sign: .negative), Intervention(node: try node(engine, "y"), sign: .positive)])
        #expect(throws: Intervention.ResolutionError.node(term: "xx=-", .unknownNode("xx", suggestion: "x"))) {
            try Intervention.resolve([Intervention.Term(parsing: "xx=-")], in: network)
        }
        #expect(throws: Intervention.ResolutionError.conflicting(node: "x", first: "x=+", second: "x=-")) {
            try Intervention.resolve([Intervention.Term(parsing: "x=+"), Intervention.Term(parsing: "x=-")], in: network)
        }
    }

    /// contrast.yaml: e-flip positive at dose=low, negative at dose=high; e-high none, then negative; e-same positive under both.
    @Test("contrast: the verdicts that change between doses, the path deciding each; the rest counted")
    func contrast() throws {
        let engine = try load("contrast.yaml")
        let targets = try ["e-flip", "e-same", "e-high"].map { try node(engine, $0) }
        let query = PathQuery(sources: [try node(engine, "drug")], targets: targets)
        let answer = try engine.contrast(query, key: "dose", values: ["low", "high"])
        #expect(answer.changed.map { engine.network.nodeIDs[$0] } == ["e-flip", "e-high"])
        #expect(answer.unchanged == 1)
        let flip = try node(engine, "e-flip")
        #expect(answer.runs.map { $0.finding(flip) } == [.verdict(.positive), .verdict(.negative)])
        let high = try node(engine, "e-high")
        #expect(answer.runs.map { $0.finding(high) } == [.verdict(.none), .verdict(.negative)])
        let formatter = PathFormatter(network: engine.network)
        #expect(
            answer.runs.compactMap { $0.report(flip).map { formatter.describe($0.deciding) } } == [
                "drug -activates-> a -activates-> e-flip", "drug -activates-> a -inhibits-| e-flip",
            ])
    }
}
