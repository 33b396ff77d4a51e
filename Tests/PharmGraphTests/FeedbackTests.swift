import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// `feedback.yaml` and `feedback-large.yaml`, worked out by hand:
///
///     drug → e-bal:   drug -> p -| q -> e-bal (-); the loop p -| q -| p is balanced (p, q coloured apart)   no finding
///     drug → e-loop:  drug -> a -> e-loop (+, 2 steps); drug -> a -> b -> c -| d -> e-loop (-, 5 steps);
///                     the loop a -> b -> c -| d -> a is unbalanced. At maximum length 4: positive by the search,
///                     6 nodes on the way, every simple path counted up to 5 steps: 1 negative → abstains (mixed)
///                     At maximum length 5 the search already covers every path: kept, nothing to count
///     drug → e-kept:  drug -> k -> e-kept (+); the loop k -> l -> m -| n -> k is unbalanced but leaves only by k:
///                     up to 5 steps no negative path → kept, the verdict stands
///     feedback-ring:  drug -> n0 -> e (+), n11 -> e, a ring n0 -> … -> n21 -| n0: 24 nodes on the way, at most 200, so every
///                     simple path is counted (up to 23 steps): drug -> n0 -> e and drug -> n0 -> … -> n11 -> e, both + → kept
///     feedback-large: drug -> n0 -> e (+), a ring n0 -> … -> n249 -| n0: 252 nodes on the way, more than 200 → abstains (unknown)
@Suite("Feedback loops")
struct FeedbackTests {
    func load(_ name: String) throws -> PathEngine {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/\(name)"))
        return PathEngine(graph: try #require(result.graph))
    }

    func assess(_ engine: PathEngine, to target: String, maxLength: Int) throws -> PathReport {
        let query = PathQuery(
            sources: [try #require(engine.network.index(of: "drug"))], targets: [try #require(engine.network.index(of: target))],
            maxLength: maxLength)
        var report = try engine.paths(query)
        try engine.assessFeedback(query, report: &report)
        return report
    }

    func ids(_ engine: PathEngine, _ loops: [[NodeIndex]]) -> [[String]] { loops.map { $0.map { engine.network.nodeIDs[$0] } } }

    @Test("a balanced loop on the way: no finding, the verdict is kept")
    func balanced() throws {
        let engine = try load("feedback.yaml")
        let report = try assess(engine, to: "e-bal", maxLength: 3)
        #expect(report.counts == SignCounts(negative: 1))
        #expect(report.assessment == nil)
    }

    @Test("an unbalanced small loop whose other-sign route lies past the limit: found, resolved, the verdict abstains")
    func otherSign() throws {
        let engine = try load("feedback.yaml")
        let report = try assess(engine, to: "e-loop", maxLength: 4)
        #expect(report.counts == SignCounts(positive: 1))
        let feedback = try #require(report.assessment?.feedback)
        #expect(ids(engine, feedback.loops) == [["a", "b", "c", "d"]])
        #expect(feedback.region == 6)
        guard case let .otherSign(counts, maxLength, path) = feedback.outcome else {
            Issue.record("expected other_sign, got \(feedback.outcome)")
            return
        }
        #expect(counts == SignCounts(positive: 1, negative: 1))
        #expect(maxLength == 5)
        #expect(
            path.map { PathFormatter(network: engine.network).describe($0) }
                == "drug -activates-> a -activates-> b -activates-> c -inhibits-| d -activates-> e-loop")
        #expect(feedback.abstains)
        #expect(report.assessment?.verdict == .mixed)
        #expect(
            feedback.description(network: engine.network).hasPrefix(
                "feedback loop through a, b, c, d (unbalanced): routes of the other sign pass the length limit (1 negative"))
        // At length 5 the search already reached every simple path: mixed by itself, no analysis.
        let full = try assess(engine, to: "e-loop", maxLength: 5)
        #expect(full.counts == SignCounts(positive: 1, negative: 1))
        #expect(full.assessment == nil)
    }

    @Test("an unbalanced loop with no other-sign route at any length: resolved, the verdict stands")
    func kept() throws {
        let engine = try load("feedback.yaml")
        let report = try assess(engine, to: "e-kept", maxLength: 2)
        let feedback = try #require(report.assessment?.feedback)
        #expect(feedback.outcome == .kept(counts: SignCounts(positive: 1), maxLength: 5))
        #expect(!feedback.abstains)
        #expect(report.assessment?.verdict == .positive)
    }

    @Test("a large unbalanced region: not resolved, the verdict abstains and says why")
    func tooLarge() throws {
        let engine = try load("feedback-large.yaml")
        let report = try assess(engine, to: "e", maxLength: 3)
        #expect(report.counts == SignCounts(positive: 1))
        let feedback = try #require(report.assessment?.feedback)
        #expect(feedback.outcome == .tooLarge)
        #expect(feedback.region == 252)
        #expect(feedback.loops.map(\.count) == [250])
        #expect(report.assessment?.verdict == .unknown)
        #expect(feedback.description(network: engine.network).contains("252 nodes lie on the way, too many to count every path (more than 200)"))
    }

    @Test("a mid-sized unbalanced region (24 nodes) is resolved exactly: every simple path counted, the verdict stands")
    func ringResolved() throws {
        let engine = try load("feedback-ring.yaml")
        let report = try assess(engine, to: "e", maxLength: 3)
        #expect(report.counts == SignCounts(positive: 1))
        let feedback = try #require(report.assessment?.feedback)
        #expect(feedback.region == 24)
        #expect(feedback.outcome == .kept(counts: SignCounts(positive: 2), maxLength: 23))
        #expect(report.assessment?.verdict == .positive)
    }

    @Test("effects: a finding per target, only where the verdict is determinate")
    func perTarget() throws {
        let engine = try load("feedback.yaml")
        let targets = try ["e-bal", "e-loop", "e-kept"].map { try #require(engine.network.index(of: $0)) }
        let query = PathQuery(sources: [try #require(engine.network.index(of: "drug"))], targets: targets, maxLength: 4)
        var (reports, partial) = try engine.reach(query)
        try engine.assessFeedback(query, reports: &reports, partial: partial)
        let words = Dictionary(uniqueKeysWithValues: reports.map { (engine.network.nodeIDs[$0.target], $0.assessment?.feedback?.word ?? "-") })
        #expect(words == ["e-bal": "-", "e-loop": "other_sign", "e-kept": "kept"])
    }

    @Test("the ketamine graph: its one loop (ampar, bdnf, protein-synthesis, trkb; all +) is balanced, so no effect gets a finding")
    func ketamine() throws {
        let result = loadGraph(Repository.path("Graphs/ketamine.yaml"))
        let engine = PathEngine(graph: try #require(result.graph))
        let network = engine.network
        let drugs = try ["ketamine", "esketamine", "arketamine"].map { try #require(network.index(of: $0)) }
        let query = PathQuery(sources: drugs, targets: try NodeSelector.resolve("kind:effect", in: network))
        let analysis = FeedbackAnalysis(network: network, steps: engine.steps(for: query.walk), sources: drugs.map(\.rawValue), avoid: [])
        #expect(analysis.loops.isEmpty)
        // The loop is there, balanced: with one of its edges made negative (a clamp would not do it), it would not be.
        let ids = ["ampar", "bdnf", "protein-synthesis", "trkb"]
        let inLoop = network.graph!.edges.filter { ids.contains($0.from) && ids.contains($0.to) }
        #expect(inLoop.count == 6)
        #expect(inLoop.allSatisfy { $0.relation.sign == .positive })
        for drug in drugs {
            var each = query
            each.sources = [drug]
            var (reports, partial) = try engine.reach(each)
            try engine.assessFeedback(each, reports: &reports, partial: partial)
            #expect(reports.allSatisfy { $0.assessment == nil })
        }
    }

    @Test("Tarjan on a chain of a million nodes, closed into one loop and open: no recursion, linear")
    func deepChain() {
        let n = 1_000_000
        let offsets = (0...n).map { Int32($0) }
        var successors = (0..<n).map { Int32($0 + 1) }
        successors[n - 1] = 0
        let closed = StronglyConnected.components(nodeCount: n, offsets: offsets, successors: successors)
        #expect(closed.count == 1)
        // Open: the last node has no successor.
        var open = offsets
        open[n] = Int32(n - 1)
        let chain = StronglyConnected.components(nodeCount: n, offsets: open, successors: Array(successors.prefix(n - 1)))
        #expect(chain.count == n)
        #expect(chain.component[0] == Int32(n - 1) && chain.component[n - 1] == 0)
    }

    @Test("Harary balance: an even number of - edges around a cycle is balanced, an odd number is not")
    func balance() {
        // 0 -> 1 -> 2 -> 0 with signs (+, -, -): balanced; with (+, +, -): unbalanced.
        let offsets: [Int32] = [0, 1, 2, 3]
        let successors: [Int32] = [1, 2, 0]
        let component: [Int32] = [0, 0, 0]
        #expect(
            StronglyConnected.balanced(nodeCount: 3, offsets: offsets, successors: successors, signs: [1, -1, -1], component: component, count: 1)
                == [true])
        #expect(
            StronglyConnected.balanced(nodeCount: 3, offsets: offsets, successors: successors, signs: [1, 1, -1], component: component, count: 1)
                == [false])
    }
}
