import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func load(_ name: String) throws -> PathEngine {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/\(name)"))
    return PathEngine(graph: try #require(result.graph))
}

private func ids(_ engine: PathEngine, _ names: String...) throws -> [NodeIndex] {
    try names.flatMap { try NodeSelector.resolve($0, in: engine.network) }
}

/// The paths of `signed.yaml`, worked out by hand (edge numbers are file order, from 0):
///
///     drug-a → e-pos:   drug-a -| r1 -| e-pos               (+)   e0 e5
///                       drug-a -> r2 -modulates- e-pos      (?)   e1 e9
///                       drug-a -| r1 -> p1 -| e-pos         (+)   e0 e2 e10  [dose: anesthetic]
///                       drug-a -> r2 -> p1 -| e-pos         (-)   e1 e3 e10  [dose: anesthetic]
///                       (drug-a no_effect e-pos is never walked)
///     drug-a → e-mixed: drug-a -| r1 -> p1 -> e-mixed       (-)
///                       drug-a -> r2 -> p1 -> e-mixed       (+)
///     drug-a → e-unknown: drug-a -> r2 -modulates- e-unknown (?)
///     drug-a → e-none:  no path;  drug-b → e-none: drug-b -> e-none (+)
@Suite("Path queries on a hand-made graph")
struct PathTests {
    @Test("drug-a to e-pos: two positive, one negative, one unknown: mixed")
    func mixed() throws {
        let engine = try load("signed.yaml")
        let report = try engine.paths(PathQuery(sources: ids(engine, "drug-a"), targets: ids(engine, "e-pos")))
        #expect(report.counts == SignCounts(positive: 2, negative: 1, unknown: 1))
        #expect(report.verdict == .mixed)
        #expect(!report.partial)
        let formatter = PathFormatter(network: engine.network)
        #expect(
            report.paths.map(formatter.describe) == [
                "drug-a -inhibits-| r1 -inhibits-| e-pos",
                "drug-a -activates-> r2 -modulates-o e-pos",
                "drug-a -inhibits-| r1 -activates-> p1 -inhibits-| e-pos",
                "drug-a -activates-> r2 -activates-> p1 -inhibits-| e-pos",
            ])
        #expect(report.paths.map(\.sign) == [.positive, .unknown, .positive, .negative])
    }

    @Test("a context filter leaves out the anesthetic-dose edge: positive")
    func contextFilter() throws {
        let engine = try load("signed.yaml")
        var query = PathQuery(sources: try ids(engine, "drug-a"), targets: try ids(engine, "e-pos"))
        query.traversal.filter = ContextFilter(["dose": "subanesthetic"])
        #expect(try engine.paths(query).counts == SignCounts(positive: 1, negative: 0, unknown: 1))
        query.traversal.filter = ContextFilter(["dose": "anesthetic"])
        #expect(try engine.paths(query).counts == SignCounts(positive: 2, negative: 1, unknown: 1))
        query.traversal.filter = ContextFilter(["region": "hippocampus"])
        #expect(try engine.paths(query).counts.total == 4)
    }

    @Test("filter terms: key=value parsed, malformed and conflicting terms rejected by case")
    func filterTerms() throws {
        #expect(try ContextFilter(terms: ["dose=low", "dose=low", "a=b=c"]) == ContextFilter(["dose": "low", "a": "b=c"]))
        for term in ["dose", "=low", "dose="] {
            #expect(throws: ContextFilter.ParseError.malformed(term)) { try ContextFilter(terms: [term]) }
        }
        #expect(throws: ContextFilter.ParseError.conflicting("dose=high", key: "dose", existing: "low")) {
            try ContextFilter(terms: ["dose=low", "dose=high"])
        }
        #expect(
            ContextFilter.ParseError.conflicting("dose=high", key: "dose", existing: "low").description
                == "invalid filter 'dose=high': 'dose' is already required to be 'low'")
    }

    @Test("verdicts: mixed, unknown, none, positive")
    func verdicts() throws {
        let engine = try load("signed.yaml")
        func verdict(_ from: String, _ to: String) throws -> Verdict {
            try engine.paths(PathQuery(sources: ids(engine, from), targets: ids(engine, to))).verdict
        }
        #expect(try verdict("drug-a", "e-mixed") == .mixed)
        #expect(try verdict("drug-a", "e-unknown") == .unknown)
        #expect(try verdict("drug-a", "e-none") == .none)
        #expect(try verdict("drug-b", "e-none") == .positive)
    }

    @Test("via, avoid, max length, relations and sign filters")
    func constraints() throws {
        let engine = try load("signed.yaml")
        let a = try ids(engine, "drug-a")
        let pos = try ids(engine, "e-pos")
        #expect(try engine.paths(PathQuery(sources: a, targets: pos, via: ids(engine, "r1"))).counts == SignCounts(positive: 2))
        #expect(try engine.paths(PathQuery(sources: a, targets: pos, via: ids(engine, "p1"))).counts == SignCounts(positive: 1, negative: 1))
        #expect(try engine.paths(PathQuery(sources: a, targets: pos, avoid: ids(engine, "r2"))).counts == SignCounts(positive: 2))
        #expect(try engine.paths(PathQuery(sources: a, targets: pos, maxLength: 2)).counts == SignCounts(positive: 1, unknown: 1))
        #expect(try engine.paths(PathQuery(sources: a, targets: pos, maxLength: 1)).counts.total == 0)
        var query = PathQuery(sources: a, targets: pos)
        query.traversal.labels = ["activates", "inhibits"]
        #expect(try engine.paths(query).counts == SignCounts(positive: 2, negative: 1))
        #expect(try engine.paths(PathQuery(sources: a, targets: pos, sign: .negative)).counts == SignCounts(negative: 1))
        #expect(try engine.paths(PathQuery(sources: a, targets: pos, sign: .unknown)).counts == SignCounts(unknown: 1))
    }

    @Test("a path through one target to another counts for both")
    func throughTargets() throws {
        let engine = try load("signed.yaml")
        // drug-a -| r1 (-); drug-a -| r1 -> p1 (-); drug-a -> r2 -> p1 (+)
        let report = try engine.paths(PathQuery(sources: ids(engine, "drug-a"), targets: ids(engine, "r1", "p1")))
        #expect(report.counts == SignCounts(positive: 1, negative: 2))
    }

    @Test("undirected traversal walks edges both ways")
    func undirected() throws {
        let engine = try load("signed.yaml")
        // Directed, e-none is unreachable from drug-a; undirected, it is not (drug-b only joins e-none).
        var query = PathQuery(sources: try ids(engine, "e-mixed"), targets: try ids(engine, "drug-a"), maxLength: 3)
        #expect(try engine.paths(query).counts.total == 0)
        query.traversal.undirected = true
        // e-mixed - p1 - r1 - drug-a and e-mixed - p1 - r2 - drug-a
        let report = try engine.paths(query)
        #expect(report.counts.total == 2)
        #expect(PathFormatter(network: engine.network).describe(report.paths[0]) == "e-mixed <-activates- p1 <-activates- r1 <-inhibits- drug-a")
    }

    @Test("shortest and k shortest")
    func shortest() throws {
        let engine = try load("signed.yaml")
        let query = PathQuery(sources: try ids(engine, "drug-a"), targets: try ids(engine, "e-pos"))
        let shortest = try engine.shortest(query)
        #expect(shortest.counts.total == 2)
        #expect(shortest.paths.allSatisfy { $0.length == 2 })
        // Of the two 2-step paths, the one without the probable edge ranks first... both have one
        // probable-or-better: e5 is probable, e9 is established, so drug-a -> r2 -modulates- e-pos wins.
        let k = try engine.kShortest(query, k: 1)
        #expect(k.paths.count == 1)
        #expect(PathFormatter(network: engine.network).describe(k.paths[0]) == "drug-a -activates-> r2 -modulates-o e-pos")
        // The totals and the verdict cover every path, not only those up to the k-th's length.
        #expect(k.counts == SignCounts(positive: 2, negative: 1, unknown: 1))
        #expect(k.finding == .verdict(.mixed))
    }

    @Test("k shortest: the totals and verdict are those of every path up to the maximum length")
    func kShortestTotals() throws {
        let ketamine = PathEngine(graph: try #require(loadGraph(Repository.path("Graphs/ketamine.yaml")).graph))
        // A mixed example: since the re-curation (issue 12) esketamine → sensorimotor-function is the
        // smallest drug → node pair of the curated graph with paths of both signs.
        let query = PathQuery(
            sources: try ids(ketamine, "esketamine"), targets: try ids(ketamine, "sensorimotor-function"))
        let all = try ketamine.paths(query, limit: 0)
        #expect(all.counts == SignCounts(positive: 3, negative: 1, unknown: 5))
        for k in [1, 3, 25, 100] {
            let report = try ketamine.kShortest(query, k: k)
            #expect(!report.partial)
            #expect(report.counts == all.counts, "k \(k)")
            #expect(report.finding == .verdict(.mixed))
            #expect(report.paths.count == min(k, 9))
        }
        let dense = try load("dense.yaml")
        let d = PathQuery(sources: try ids(dense, "d"), targets: try ids(dense, "e"), maxLength: 4)
        let three = try dense.kShortest(d, k: 3)
        // 14 of length 2, 14·13 of length 3, 14·13·12 of length 4; all positive (dense.yaml has only activations).
        #expect(three.counts == SignCounts(positive: 2_380))
        #expect(three.finding == .verdict(.positive))
        #expect(three.paths.count == 3 && three.paths.allSatisfy { $0.length == 2 })
    }

    @Test("effects and causes: one report per node reached")
    func reach() throws {
        let engine = try load("signed.yaml")
        let effects = try engine.reach(PathQuery(sources: ids(engine, "drug-a"), targets: ids(engine, "kind:effect")))
        let byID = Dictionary(uniqueKeysWithValues: effects.reports.map { (engine.network.node($0.target).id, $0) })
        #expect(Set(byID.keys) == ["e-pos", "e-mixed", "e-unknown"])
        #expect(byID["e-pos"]?.counts == SignCounts(positive: 2, negative: 1, unknown: 1))
        #expect(byID["e-mixed"]?.counts.verdict == .mixed)
        #expect(byID["e-pos"]?.shortest.length == 2)
        let causes = try engine.reachBack(PathQuery(sources: ids(engine, "kind:drug"), targets: ids(engine, "e-none")))
        #expect(causes.reports.map { engine.network.node($0.target).id } == ["drug-b"])
        #expect(PathFormatter(network: engine.network).describe(causes.reports[0].shortest) == "drug-b -activates-> e-none")
        let both = try engine.reachBack(PathQuery(sources: ids(engine, "kind:drug"), targets: ids(engine, "e-pos")))
        #expect(both.reports.map(\.counts) == [SignCounts(positive: 2, negative: 1, unknown: 1)])
    }

    @Test("claims that hold give no diagnostic")
    func claimsPass() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/signed.yaml"))
        #expect(result.diagnostics.isEmpty)
        #expect(ClaimVerifier.verify(try #require(result.graph)).isEmpty)
    }

    @Test("claims that fail are errors at the claim, listing the contradicting paths")
    func claimsFail() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/claims-fail.yaml"))
        let diagnostics = ClaimVerifier.verify(try #require(result.graph))
        #expect(
            diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
                "30:5 claim 'drug-a' -> 'e-mixed' expects positive, but the paths give mixed (1 positive, 1 negative, 0 unknown within 6 steps)",
                "31:5 claim 'drug-a' -> 'e-pos' expects positive, but the paths give mixed (2 positive, 1 negative, 0 unknown within 6 steps)",
                "36:5 claim 'drug-a' -> 'e-none' expects negative, but the paths give none (0 positive, 0 negative, 0 unknown within 6 steps)",
                "37:5 claim 'drug-b' -> 'e-none' expects mixed, but the paths give positive (1 positive, 0 negative, 0 unknown within 6 steps)",
            ])
        // A mixed verdict names the edges the less numerous sign's paths rest on (a tie: the positive ones).
        #expect(
            diagnostics[0].notes == [
                "negative path: drug-a -inhibits-| r1 -activates-> p1 -activates-> e-mixed",
                "deciding: the positive paths all rest on drug-a -activates-> r2 (established); r2 -activates-> p1 (established); p1 -activates-> e-mixed (established)",
            ])
        #expect(
            diagnostics[1].notes == [
                "negative path: drug-a -activates-> r2 -activates-> p1 -inhibits-| e-pos",
                "the verdict is that of the established paths, the firmest with a sign",
                "deciding: the positive paths all rest on drug-a -inhibits-| r1 (established); r1 -activates-> p1 (established); p1 -inhibits-| e-pos (established)",
            ])
        // A claim with no path says why (the empty-answer explanation).
        #expect(diagnostics[2].notes == ["no path: 'e-none' is not reachable from 'drug-a'"])
        #expect(diagnostics[3].notes == ["no negative path"])
    }

    @Test("node selectors: id, label, synonym, kind, and clear errors")
    func selectors() throws {
        let engine = try load("signed.yaml")
        let network = engine.network
        #expect(try NodeSelector.resolve("drug-a", in: network).count == 1)
        #expect(try NodeSelector.resolve("kind:effect", in: network).count == 4)
        #expect(throws: NodeSelector.ResolutionError.unknownNode("drug-c", suggestion: "drug-a")) {
            try NodeSelector.resolve("drug-c", in: network)
        }
        #expect(throws: NodeSelector.ResolutionError.unknownNode("zzzzzzzz", suggestion: nil)) {
            try NodeSelector.resolve("zzzzzzzz", in: network)
        }
        #expect(throws: NodeSelector.ResolutionError.unknownKind("efect", suggestion: "effect")) {
            try NodeSelector.resolve("kind:efect", in: network)
        }
        #expect(
            NodeSelector.ResolutionError.unknownKind("efect", suggestion: "effect").description
                == "no node of kind 'efect'; did you mean 'effect'?")
        let ambiguous = NodeSelector.ResolutionError.ambiguous("x", count: 7, ids: ["a", "b"])
        #expect(ambiguous.isAmbiguous && !NodeSelector.ResolutionError.unknownNode("x", suggestion: nil).isAmbiguous)
        #expect(ambiguous.description == "'x' names 7 nodes ('a', 'b'); give an id")
    }

    @Test("typed indices: node and edge views, index(of:), and the edges of a path")
    func views() throws {
        let engine = try load("signed.yaml")
        let network = engine.network
        let a = try #require(network.index(of: "drug-a"))
        let node = network.node(a)
        #expect(node.index == a && node.id == "drug-a" && node.label == "drug-a" && node.kind == "drug")
        #expect(network.index(of: "no-such-node") == nil)
        #expect(network.nodeIndices.count == network.nodeCount && network.edgeIndices.count == network.edgeCount)
        #expect(!network.contains(NodeIndex(rawValue: -1)) && !network.contains(NodeIndex(rawValue: Int32(network.nodeCount))))
        let first = network.edge(EdgeIndex(rawValue: 0))
        #expect(network.node(first.from).id == "drug-a" && network.node(first.to).id == "r1")
        #expect(first.relation == .inhibits && first.sign == .negative && first.label.name == "inhibits")
        let report = try engine.paths(PathQuery(sources: [a], targets: try ids(engine, "e-pos")))
        for path in report.paths {
            for (i, e) in path.edges.enumerated() {
                #expect(network.edge(e).from == path.nodes[i] && network.edge(e).to == path.nodes[i + 1])
            }
        }
    }

    @Test("a query that cannot run throws the case that says why")
    func queryErrors() throws {
        let engine = try load("signed.yaml")
        let (a, e) = (try ids(engine, "drug-a"), try ids(engine, "e-pos"))
        func query(_ change: (inout PathQuery) -> Void) -> PathQuery {
            var query = PathQuery(sources: a, targets: e)
            change(&query)
            return query
        }
        typealias QueryError = PathEngine.QueryError
        #expect(throws: QueryError.patternTooShort(kinds: 1)) { try engine.paths(query { $0.pattern = ["drug"] }) }
        #expect(throws: QueryError.unknownKind("efect", suggestion: "effect")) {
            try engine.paths(query { $0.pattern = ["drug", "efect"] })
        }
        #expect(throws: QueryError.unknownLabel("inhibit", suggestion: "inhibits")) {
            try engine.paths(query { $0.traversal.labels = ["inhibit"] })
        }
        for length in [0, PathQuery.largestMaxLength + 1] {
            #expect(throws: QueryError.maxLengthOutOfRange(length)) { try engine.paths(query { $0.maxLength = length }) }
            #expect(throws: QueryError.maxLengthOutOfRange(length)) { try PathQuery.check(maxLength: length) }
        }
        #expect(throws: Never.self) { try PathQuery.check(maxLength: PathQuery.largestMaxLength) }
        let outside = NodeIndex(rawValue: Int32(engine.network.nodeCount))
        #expect(throws: QueryError.nodeOutOfRange(outside)) { try engine.reach(query { $0.avoid = [outside] }) }
        #expect(throws: QueryError.patternLongerThanMaxLength(steps: 3, maxLength: 2)) {
            try engine.kShortest(
                query {
                    $0.pattern = ["drug", "receptor", "process", "effect"]
                    $0.maxLength = 2
                }, k: 1)
        }
        // Messages name no command-line option: the CLI adds those.
        let messages = [
            QueryError.patternTooShort(kinds: 0), .unknownKind("k", suggestion: nil), .unknownLabel("l", suggestion: "m"),
            .maxLengthOutOfRange(0), .nodeOutOfRange(3), .patternLongerThanMaxLength(steps: 2, maxLength: 1),
            .pathCountOverflow, .shortestPathCountOverflow,
        ].map(\.description)
        #expect(messages.allSatisfy { !$0.contains("--") })
        #expect(messages[2] == "no edge has the relation or label 'l'; did you mean 'm'?")
        #expect(messages[3] == "the maximum length must be from 1 to 100")
    }
}

@Suite("Counting in bulk agrees with walking every path")
struct BulkCountingTests {
    /// Every drug × every node, under several settings: counts with `limit: 0` (bulk on the last
    /// step) must equal the counts with a limit above the total (every path visited) and the
    /// per-target counts of `reach` (never bulk).
    @Test("curated graphs, all settings", arguments: ["Graphs/ketamine.yaml", "Graphs/ketamine-overview.yaml"])
    func agree(_ file: String) throws {
        let result = loadGraph(Repository.path(file))
        let engine = PathEngine(graph: try #require(result.graph))
        let network = engine.network
        let drugs = try NodeSelector.resolve("kind:drug", in: network)
        // Effects and conditions as targets: most paths have no target before their last step, so
        // the bulk step applies; paths through one effect to another force the walk, so both run.
        let nodes = try NodeSelector.resolve("kind:effect", in: network) + NodeSelector.resolve("kind:condition", in: network)
        let settings: [(String, (inout PathQuery) -> Void)] = [
            ("plain", { _ in }),
            ("length 3", { $0.maxLength = 3 }),
            (
                "undirected 3",
                {
                    $0.traversal.undirected = true
                    $0.maxLength = 3
                }
            ),
            ("negative", { $0.sign = .negative }),
            ("subanesthetic", { $0.traversal.filter = ContextFilter(["dose": "subanesthetic"]) }),
            ("via nmdar", { $0.via = network.index(of: "nmdar").map { [$0] } }),
        ]
        for (name, adjust) in settings {
            for drug in drugs {
                var all = PathQuery(sources: [drug], targets: nodes)
                adjust(&all)
                let bulk = try engine.paths(all, limit: 0).counts
                let walked = try engine.paths(all, limit: 10_000_000).counts
                #expect(bulk == walked, "\(name) \(network.node(drug).id)")
                let perTarget = try engine.reach(all).reports.map(\.counts).reduce(SignCounts(), +)
                #expect(perTarget == walked, "\(name) \(network.node(drug).id)")
            }
        }
    }
}

@Suite("Shortest paths by bidirectional BFS agree with enumeration")
struct ShortestAgreementTests {
    @Test("every drug to every other node, directed and undirected", arguments: [false, true])
    func agree(_ undirected: Bool) throws {
        let result = loadGraph(Repository.path("Graphs/ketamine.yaml"))
        let engine = PathEngine(graph: try #require(result.graph))
        let network = engine.network
        for drug in try NodeSelector.resolve("kind:drug", in: network) {
            for target in network.nodeIndices where target != drug {
                var query = PathQuery(sources: [drug], targets: [target], maxLength: 5)
                query.traversal.undirected = undirected
                let fast = try engine.shortest(query, limit: 1000)
                // The same answer by enumeration: the paths of the first length that has any.
                var expected = SignCounts()
                var expectedPaths: [NetworkPath] = []
                for length in 1...5 {
                    query.maxLength = length
                    let report = try engine.paths(query, limit: 100_000)
                    if report.counts.total > 0 {
                        expected = report.counts
                        expectedPaths = report.paths
                        break
                    }
                }
                #expect(fast.counts == expected, "\(network.node(drug).id) -> \(network.node(target).id)")
                let describe = PathFormatter(network: network).describe
                #expect(Set(fast.paths.map(describe)) == Set(expectedPaths.map(describe)))
                #expect(fast.paths.allSatisfy { $0.nodes.first == drug && $0.nodes.last == target })
            }
        }
    }
}
