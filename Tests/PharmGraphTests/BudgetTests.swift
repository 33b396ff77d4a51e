import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func loadNetwork(_ text: String, name: String) throws -> Network {
    let result = NetworkInput.load(data: Data(text.utf8), path: name, format: nil, import: ImportOptions())
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    return try #require(result.network)
}

private func nodes(_ network: Network, _ names: String...) throws -> [NodeIndex] {
    try names.flatMap { try NodeSelector.resolve($0, in: network) }
}

/// A SIF complete digraph on `n` nodes `n0`…; the sign of `a → b` is negative when `(a + b)` is divisible by 3.
private func completeDigraph(_ n: Int) -> String {
    var lines: [String] = []
    for a in 0..<n {
        for b in 0..<n where a != b {
            lines.append("n\(a)\t\((a + b) % 3 == 0 ? "inhibits" : "activates")\tn\(b)")
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

/// Every simple edge sequence from `from` to any of `to` of at most `maxLength` edges, counted by
/// sign the slow way (one edge at a time, as networkx's `all_simple_edge_paths` walks a
/// MultiDiGraph); a path may pass through one target on its way to another.
private func bruteForce(_ edges: [(String, Int, String)], from: String, to: Set<String>, maxLength: Int) -> SignCounts {
    var counts = SignCounts()
    func walk(_ node: String, _ visited: Set<String>, _ sign: Int, _ length: Int) {
        if to.contains(node), length > 0 {
            counts = counts + SignCounts(positive: sign > 0 ? 1 : 0, negative: sign < 0 ? 1 : 0)
        }
        guard length < maxLength else { return }
        for (a, s, b) in edges where a == node && !visited.contains(b) {
            walk(b, visited.union([b]), sign * s, length + 1)
        }
    }
    walk(from, [from], 1, 0)
    return counts
}

/// A fixed pseudo-random multigraph on 12 nodes `v0`…, by a linear congruential generator: (from, sign, to).
private func randomMultigraph() -> [(String, Int, String)] {
    var state: UInt64 = 12345
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    var edges: [(String, Int, String)] = []
    for _ in 0..<40 {
        let a = next(12)
        let b = next(12)
        if a != b { edges.append(("v\(a)", next(2) == 0 ? 1 : -1, "v\(b)")) }
    }
    return edges
}

/// An engine on `paths/dense.yaml` and the query d → e within 14 steps (about 2.4·10¹¹ paths) under `maxWork`.
private func denseQuery(maxWork: Int) throws -> (PathEngine, PathQuery) {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/dense.yaml"))
    let engine = PathEngine(graph: try #require(result.graph))
    var query = PathQuery(sources: try nodes(engine.network, "d"), targets: try nodes(engine.network, "e"), maxLength: 14)
    query.maxWork = maxWork
    return (engine, query)
}

@Suite("Work budget, partial results and parallel edges")
struct BudgetTests {
    @Test("a claim no search can finish is a positioned error, not a pass")
    func undecidedClaim() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/dense.yaml"))
        let graph = try #require(result.graph)
        let diagnostics = ClaimVerifier.verify(graph, limits: SearchLimits(maxWork: 100_000))
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect((diagnostic.line, diagnostic.column) == (238, 5))
        #expect(diagnostic.message.hasPrefix("claim 'd' -> 'e' could not be decided: the search stopped at its work budget (100000 search steps)"))
        #expect(diagnostic.message.contains("lower bounds, so the verdict is undetermined (expected positive)"))
    }

    @Test("the budget is deterministic: the same partial counts every time, and the work stays within it")
    func deterministic() throws {
        let (engine, query) = try denseQuery(maxWork: 50_000)
        let first = try engine.paths(query, limit: 5)
        let second = try engine.paths(query, limit: 5)
        #expect(first.partial && first.stop == .workBudget)
        #expect(first.finding == .undetermined)
        #expect(first.counts.total > 0)
        #expect(first.counts == second.counts)
        #expect(first.work == 50_000)
        #expect(first.paths.count == 5)
        // Reach (effects), reach back (causes) and k shortest stop the same way.
        let reach = try engine.reach(query)
        #expect(reach.partial)
        let back = try engine.reachBack(query)
        #expect(back.partial)
        // --k ranks only up to the first length with k paths (14 of length 2), but its totals
        // cover every path up to 14 steps, so it stops at the budget as `paths` does.
        let k = try engine.kShortest(query, k: 3)
        #expect(k.partial && k.stop == .workBudget && k.finding == .undetermined)
        #expect(k.work == 50_000)
        #expect(k.paths.count == 3 && k.paths.allSatisfy { $0.length == 2 })
        #expect(k.counts.total >= 14)
        #expect(try engine.kShortest(query, k: 3).counts == k.counts)
    }

    @Test("a partial result keeps at most `limit` paths, the shortest found first")
    func partialKeepsLimit() throws {
        let (engine, query) = try denseQuery(maxWork: 50_000)
        for limit in [1, 7, 100, 20_000] {
            let report = try engine.paths(query, limit: limit)
            #expect(report.partial)
            #expect(report.paths.count == min(limit, report.counts.total))
            #expect(report.paths.map(\.length) == report.paths.map(\.length).sorted())
        }
        // The kept paths are the first found of the shortest lengths: a larger limit only adds to them.
        let few = try engine.paths(query, limit: 7)
        let more = try engine.paths(query, limit: 100)
        #expect(few.paths == Array(more.paths.prefix(7)))
    }

    @Test("a deadline is honoured while parallel-edge paths are expanded and ranked, not only by the search")
    func deadlineWhileBuilding() throws {
        // 1,000 A→B and 1,000 B→C edges: one step sequence standing for 10^6 paths.
        let ab = "A\tactivates" + String(repeating: "\tB", count: 1_000) + "\n"
        let bc = "B\tinhibits" + String(repeating: "\tC", count: 1_000) + "\n"
        let network = try loadNetwork(ab + bc, name: "parallel.sif")
        let engine = PathEngine(network: network)
        var query = PathQuery(sources: try nodes(network, "A"), targets: try nodes(network, "C"))
        let complete = try engine.paths(query, limit: 100_000)
        #expect(!complete.partial && complete.paths.count == 100_000)
        // A deadline already past: the search itself does a handful of steps and never reads the
        // clock, so only the expansion of the 10^6 combinations can notice it (no timing involved).
        query.deadline = ContinuousClock.now - .seconds(1)
        let report = try engine.paths(query, limit: 100_000)
        #expect(report.partial && report.stop == .timeout && report.finding == .undetermined)
        #expect(!report.paths.isEmpty && report.paths.count < 100_000)
        #expect(report.paths == Array(complete.paths.prefix(report.paths.count)))
        let k = try engine.kShortest(query, k: 100_000)
        #expect(k.partial && k.stop == .timeout)
        #expect(k.paths.count < 100_000)
    }

    @Test("--k: the k best by length then ids are the first of all paths so sorted, and the totals are the full counts")
    func kShortestMatchesAllPaths() throws {
        // The pseudo-random multigraph of `severalTargets`, with parallel edges.
        let text = randomMultigraph().map { "\($0.0)\t\($0.1 > 0 ? "activates" : "inhibits")\t\($0.2)" }
        let network = try loadNetwork(text.joined(separator: "\n") + "\n", name: "random.sif")
        let engine = PathEngine(network: network)
        let ids = network.nodeIndices.map { network.node($0).id }
        var compared = 0
        for (source, target) in [("v0", "v5"), ("v6", "v2"), ("v9", "v8")]
        where network.index(of: source) != nil && network.index(of: target) != nil {
            for maxLength in [3, 6] {
                let query = PathQuery(
                    sources: try nodes(network, source), targets: try nodes(network, target), maxLength: maxLength)
                let all = try engine.paths(query, limit: 100_000)
                // Stable: paths with the same nodes (parallel edges) stay in the order found.
                let sorted = all.paths.enumerated().sorted { a, b in
                    let ka = a.element.nodes.map { ids[Int($0.rawValue)] }
                    let kb = b.element.nodes.map { ids[Int($0.rawValue)] }
                    if a.element.length != b.element.length { return a.element.length < b.element.length }
                    if ka != kb { return ka.lexicographicallyPrecedes(kb) }
                    return a.offset < b.offset
                }.map(\.element)
                for k in [1, 2, 5, 50] {
                    let report = try engine.kShortest(query, k: k)
                    #expect(!report.partial)
                    #expect(report.counts == all.counts, "\(source) → \(target) ≤ \(maxLength), k \(k)")
                    #expect(report.paths == Array(sorted.prefix(k)))
                    compared += report.paths.count
                }
            }
        }
        #expect(compared > 50)
    }

    @Test("a partial claim that its paths already refute fails; mixed is settled once both signs occur")
    func decidedEarly() throws {
        // A complete digraph on 12 nodes with both signs, as a curated graph with three claims.
        var yaml = "id: k12\ntitle: K12\nversion: \"1\"\nreferences:\n  ref: {citation: Test.}\nnodes:\n"
        for a in 0..<12 { yaml += "  - {id: n\(a), kind: process}\n" }
        yaml += "edges:\n"
        for a in 0..<12 {
            for b in 0..<12 where a != b {
                yaml += "  - {from: n\(a), relation: \((a + b) % 3 == 0 ? "inhibits" : "activates"), to: n\(b), refs: [ref]}\n"
            }
        }
        yaml += "claims:\n"
        yaml += "  - {from: n0, to: n1, expect: positive, max_length: 11}\n"
        yaml += "  - {from: n0, to: n1, expect: mixed, max_length: 11}\n"
        yaml += "  - {from: n0, to: n1, expect: none, max_length: 11}\n"
        let result = GraphLoader.load(text: yaml, path: "k12.yaml")
        let graph = try #require(result.graph)
        let engine = PathEngine(graph: graph)
        var query = PathQuery(sources: try nodes(engine.network, "n0"), targets: try nodes(engine.network, "n1"), maxLength: 11)
        query.maxWork = 20_000
        let report = try engine.paths(query, limit: 0)
        #expect(report.partial && report.counts.positive > 0 && report.counts.negative > 0)
        let diagnostics = ClaimVerifier.verify(graph, engine: engine, limits: SearchLimits(maxWork: 20_000))
        // positive and none are ruled out by the paths found; mixed holds whatever the rest are.
        #expect(diagnostics.map(\.line) == [153, 155])
        #expect(diagnostics.allSatisfy { $0.message.contains("already rule it out") })
    }

    @Test("below the only target the search does not expand: the answer is complete and cheap")
    func noExpansionBelowTheTarget() throws {
        // s -> t, and below t a complete digraph of 12 nodes that all lead back to t.
        var lines = ["s\tactivates\tt"]
        for a in 0..<12 {
            lines.append("t\tactivates\tc\(a)")
            lines.append("c\(a)\tactivates\tt")
            for b in 0..<12 where a != b { lines.append("c\(a)\tactivates\tc\(b)") }
        }
        let network = try loadNetwork(lines.joined(separator: "\n") + "\n", name: "below.sif")
        let engine = PathEngine(network: network)
        var query = PathQuery(sources: try nodes(network, "s"), targets: try nodes(network, "t"), maxLength: 12)
        query.maxWork = 1_000
        let report = try engine.paths(query, limit: 10)
        #expect(!report.partial)
        #expect(report.counts == SignCounts(positive: 1))
        // One step into t, then leaving t and s: a handful of turns, not the 12! walks below t.
        #expect(report.work < 10)
    }

    @Test("a complete 30-node digraph under a budget is undetermined, with both signs found")
    func completeDigraphIsUndetermined() throws {
        let network = try loadNetwork(completeDigraph(30), name: "complete30.sif")
        let engine = PathEngine(network: network)
        var query = PathQuery(sources: try nodes(network, "n0"), targets: try nodes(network, "n1"), maxLength: 29)
        query.maxWork = 200_000
        let report = try engine.paths(query, limit: 0)
        #expect(report.partial)
        #expect(report.finding == .undetermined)
        #expect(report.finding.rawValue == "undetermined")
        // Not "1 path, positive": the budget went to paths that end at the target.
        #expect(report.counts.total > 1_000)
        #expect(report.counts.positive > 0 && report.counts.negative > 0)
    }

    @Test("10^6 parallel A→B and 10^6 B→C edges: exactly 10^12 paths, and the k shortest at once")
    func millionParallelEdges() throws {
        // SIF: one line per source with its million targets.
        let ab = "A\tactivates" + String(repeating: "\tB", count: 1_000_000) + "\n"
        let bc = "B\tinhibits" + String(repeating: "\tC", count: 1_000_000) + "\n"
        let network = try loadNetwork(ab + bc, name: "parallel.sif")
        #expect(network.edgeCount == 2_000_000)
        let engine = PathEngine(network: network)
        var query = PathQuery(sources: try nodes(network, "A"), targets: try nodes(network, "C"))
        query.maxWork = 1_000
        let report = try engine.paths(query, limit: 3)
        #expect(!report.partial)
        #expect(report.counts == SignCounts(negative: 1_000_000_000_000))
        // The stored paths expand the parallel edges, last hop fastest: edges 0, 1_000_000…
        #expect(report.paths.map(\.edges) == [[0, 1_000_000], [0, 1_000_001], [0, 1_000_002]])
        let k = try engine.kShortest(query, k: 2)
        #expect(!k.partial && k.paths.count == 2 && k.counts.total == 1_000_000_000_000)
        let shortest = try engine.shortest(query, limit: 1)
        #expect(shortest.counts == report.counts)
        let reach = try engine.reach(query)
        #expect(reach.reports.map(\.counts) == [report.counts])
    }

    @Test("counts past 64 bits are an error, not a wrapped number")
    func overflow() throws {
        // Five hops of 10,000 parallel edges: 10^20 paths.
        var text = ""
        for hop in 0..<5 { text += "n\(hop)\tactivates" + String(repeating: "\tn\(hop + 1)", count: 10_000) + "\n" }
        let network = try loadNetwork(text, name: "overflow.sif")
        let engine = PathEngine(network: network)
        let query = PathQuery(sources: try nodes(network, "n0"), targets: try nodes(network, "n5"))
        #expect(throws: PathEngine.QueryError.pathCountOverflow) { try engine.paths(query, limit: 0) }
        #expect(throws: PathEngine.QueryError.shortestPathCountOverflow) { try engine.shortest(query, limit: 0) }
    }

    @Test("parallel edges of mixed signs count as edge sequences, as a one-edge-at-a-time walk does")
    func parallelMatchesBruteForce() throws {
        // A small multigraph: parallel edges of both signs, interleaved, some in both directions.
        let edges: [(String, Int, String)] = [
            ("a", 1, "b"), ("a", -1, "c"), ("a", 1, "b"), ("b", 1, "c"), ("a", -1, "b"), ("c", 1, "d"),
            ("b", -1, "d"), ("c", 1, "d"), ("b", 1, "c"), ("c", -1, "b"), ("d", 1, "a"), ("b", -1, "d"),
            ("c", -1, "d"), ("a", 1, "d"),
        ]
        let text = edges.map { "\($0.0)\t\($0.1 > 0 ? "activates" : "inhibits")\t\($0.2)" }.joined(separator: "\n") + "\n"
        let network = try loadNetwork(text, name: "multi.sif")
        let engine = PathEngine(network: network)
        for (from, to) in [("a", "d"), ("a", "c"), ("b", "a"), ("c", "b")] {
            for maxLength in 1...4 {
                let query = PathQuery(sources: try nodes(network, from), targets: try nodes(network, to), maxLength: maxLength)
                let expected = bruteForce(edges, from: from, to: [to], maxLength: maxLength)
                let bulk = try engine.paths(query, limit: 0)
                let walked = try engine.paths(query, limit: 1_000)
                #expect(bulk.counts == expected, "\(from) → \(to) ≤ \(maxLength)")
                #expect(walked.counts == expected)
                // Every stored path is a distinct edge sequence, and there is one per path.
                #expect(walked.paths.count == expected.total)
                #expect(Set(walked.paths.map(\.edges)).count == expected.total)
            }
        }
    }

    @Test("several targets, some on the way to others: the pruning never loses a path")
    func severalTargets() throws {
        let edges = randomMultigraph()
        let text = edges.map { "\($0.0)\t\($0.1 > 0 ? "activates" : "inhibits")\t\($0.2)" }.joined(separator: "\n") + "\n"
        let network = try loadNetwork(text, name: "random.sif")
        let engine = PathEngine(network: network)
        var found = 0
        for targets in [["v1", "v2", "v3"], ["v5", "v7"], ["v0", "v4", "v8", "v11"]] {
            for source in ["v0", "v6", "v9"] where network.index(of: source) != nil {
                let present = targets.filter { network.index(of: $0) != nil }
                for maxLength in [3, 6] {
                    let query = PathQuery(
                        sources: try nodes(network, source), targets: try present.flatMap { try nodes(network, $0) },
                        maxLength: maxLength)
                    let expected = bruteForce(edges, from: source, to: Set(present), maxLength: maxLength)
                    found += expected.total
                    #expect(try engine.paths(query, limit: 0).counts == expected, "\(source) → \(present) ≤ \(maxLength)")
                    #expect(try engine.paths(query, limit: 100_000).counts == expected)
                    let perTarget = try engine.reach(query).reports.map(\.counts).reduce(SignCounts(), +)
                    #expect(perTarget == expected)
                }
            }
        }
        // The graph is not trivially empty of paths.
        #expect(found > 100)
    }
}
