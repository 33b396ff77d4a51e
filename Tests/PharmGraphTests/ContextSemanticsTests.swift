import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// The declared context semantics (docs/queries.md, "Contexts") on a hand-made graph, worked out by hand.
///
/// Declarations: `dose` ordinal [sub, anes, supra], default [sub, anes], exposure; `condition` condition [hyper, stress].
/// Edges (from 0; every target but `gsk` and `esk` is a leaf, so each query below has the paths listed):
///
///     e0  ket -> thr      dose: anes           holds at anes, supra           (threshold)
///     e1  ket -> exa      dose: sub, exact     holds at sub only              (exact)
///     e2  ket -> sup      dose: supra          holds at supra: opt-in         (default range)
///     e3  ket -| neuro    condition: hyper     only when condition=hyper      (condition)
///     e4  ket -> hyp                           hyp is `dose: anes`: from anes (effect-node context)
///     e5  ket -> hyp      dose: sub, exact     sub only ∩ anes and up: never  (effect-node context)
///     e6  ket has_component esk
///     e7  ket -| gsk
///     e8  esk -| gsk
///     e9  li  -| gsk
///     e10 gsk -| seiz     dose: sub, exposure_of: ket   walked from ket's family only (exposure)
///     e11 gsk -| mood     dose: sub                      no exposure_of: every drug walks it
///
/// ket → seiz: ket -| gsk -| seiz and ket → esk -| gsk -| seiz (both +); esk → seiz: 1 (+); li → seiz: none.
@Suite("Context semantics: ordinal, exact, default range, conditions, exposure, effect contexts")
struct ContextSemanticsTests {
    static let dose = ContextDeclaration(
        key: "dose", kind: .ordinal, values: ["sub", "anes", "supra"], defaults: ["sub", "anes"], exposure: true)
    static let condition = ContextDeclaration(key: "condition", kind: .condition, values: ["hyper", "stress"])

    static func graph(exposureOf: String? = "ket") -> Graph {
        let nodes = [
            Node(id: "ket", kind: .drug, role: .racemate), Node(id: "esk", kind: .drug, role: .enantiomer),
            Node(id: "li", kind: .drug), Node(id: "gsk", kind: .enzyme),
            Node(id: "thr", kind: .effect), Node(id: "exa", kind: .effect), Node(id: "sup", kind: .effect),
            Node(id: "neuro", kind: .condition), Node(id: "hyp", kind: .effect, context: ["dose": "anes"]),
            Node(id: "seiz", kind: .condition), Node(id: "mood", kind: .effect),
        ]
        let edges = [
            Edge(from: "ket", relation: .activates, to: "thr", context: ["dose": "anes"]),
            Edge(from: "ket", relation: .activates, to: "exa", context: ["dose": "sub"], exact: ["dose"]),
            Edge(from: "ket", relation: .activates, to: "sup", context: ["dose": "supra"]),
            Edge(from: "ket", relation: .inhibits, to: "neuro", context: ["condition": "hyper"]),
            Edge(from: "ket", relation: .activates, to: "hyp"),
            Edge(from: "ket", relation: .activates, to: "hyp", context: ["dose": "sub"], exact: ["dose"]),
            Edge(from: "ket", relation: .hasComponent, to: "esk"),
            Edge(from: "ket", relation: .inhibits, to: "gsk"),
            Edge(from: "esk", relation: .inhibits, to: "gsk"),
            Edge(from: "li", relation: .inhibits, to: "gsk"),
            Edge(from: "gsk", relation: .inhibits, to: "seiz", context: ["dose": "sub"], exposureOf: exposureOf),
            Edge(from: "gsk", relation: .inhibits, to: "mood", context: ["dose": "sub"]),
        ]
        return Graph(
            id: "contexts", title: "contexts", version: "1", format: 2, contexts: [dose, condition], nodes: nodes, edges: edges)
    }

    let engine = PathEngine(graph: Self.graph())

    func nodes(_ ids: String...) throws -> [NodeIndex] { try ids.map { try #require(engine.network.index(of: $0)) } }

    /// The number of paths from `from` to `to` under `filter`.
    func count(_ from: [String], _ to: String, _ filter: [String: String] = [:], engine: PathEngine? = nil) throws -> Int {
        let engine = engine ?? self.engine
        let network = engine.network
        let query = PathQuery(
            sources: try from.map { try #require(network.index(of: $0)) }, targets: [try #require(network.index(of: to))],
            traversal: TraversalOptions(filter: ContextFilter(filter)))
        return try engine.paths(query).counts.total
    }

    @Test("threshold: an ordinal value holds from that level up")
    func threshold() throws {
        #expect(try count(["ket"], "thr", ["dose": "sub"]) == 0)
        #expect(try count(["ket"], "thr", ["dose": "anes"]) == 1)
        #expect(try count(["ket"], "thr", ["dose": "supra"]) == 1)
        #expect(try count(["ket"], "thr") == 1)
    }

    @Test("exact: an ordinal key listed in `exact` holds at its level only")
    func exact() throws {
        #expect(try count(["ket"], "exa", ["dose": "sub"]) == 1)
        #expect(try count(["ket"], "exa", ["dose": "anes"]) == 0)
        #expect(try count(["ket"], "exa", ["dose": "supra"]) == 0)
        #expect(try count(["ket"], "exa") == 1)
    }

    @Test("default range: without --where dose, only the default levels; supratherapeutic is opt-in")
    func defaultRange() throws {
        #expect(try count(["ket"], "sup") == 0)
        #expect(try count(["ket"], "sup", ["dose": "anes"]) == 0)
        #expect(try count(["ket"], "sup", ["dose": "supra"]) == 1)
        // No default declared: every level is covered.
        var open = Self.dose
        open.defaults = nil
        let graph = Self.graph()
        let undefaulted = Graph(
            id: graph.id, title: graph.title, version: graph.version, format: 2, contexts: [open, Self.condition], nodes: graph.nodes,
            edges: graph.edges)
        #expect(try count(["ket"], "sup", engine: PathEngine(graph: undefaulted)) == 1)
    }

    @Test("condition: walked only when the query asserts it, and the empty answer says so")
    func condition() throws {
        #expect(try count(["ket"], "neuro") == 0)
        #expect(try count(["ket"], "neuro", ["condition": "hyper"]) == 1)
        #expect(try count(["ket"], "neuro", ["condition": "stress"]) == 0)
        let query = PathQuery(sources: try nodes("ket"), targets: try nodes("neuro"))
        let reason = try engine.explain(query, result: try engine.paths(query))
        let opening = EmptyReason.ContextOpening(
            key: "condition", value: "hyper", kind: .condition, counts: SignCounts(positive: 0, negative: 1, unknown: 0), atLeast: false,
            verdict: .negative, certainty: .established)
        #expect(reason == .conditional([opening]))
        #expect(reason?.word == "conditional")
        #expect(
            reason?.description(sources: query.sources, targets: query.targets, network: engine.network)
                == "no path in the contexts the query covers; conditional on condition=hyper: asserting it gives 1 path (verdict negative, established)")
        // An ordinal level outside the default range explains an empty answer the same way.
        let supra = PathQuery(sources: try nodes("ket"), targets: try nodes("sup"))
        let text = try engine.explain(supra, result: try engine.paths(supra))?
            .description(sources: supra.sources, targets: supra.targets, network: engine.network)
        #expect(text == "no path in the contexts the query covers; conditional on dose=supra: at that level there is 1 path (verdict positive, established)")
        // With a term for the key, another level than the one named explains it alike.
        let atSub = PathQuery(sources: try nodes("ket"), targets: try nodes("sup"), traversal: TraversalOptions(filter: ContextFilter(["dose": "sub"])))
        #expect(
            try engine.explain(atSub, result: try engine.paths(atSub))
                == .conditional([
                    .init(
                        key: "dose", value: "supra", kind: .ordinal, counts: SignCounts(positive: 1, negative: 0, unknown: 0), atLeast: false,
                        verdict: .positive, certainty: .established)
                ]))
    }

    @Test("a non-empty answer notes the other contexts that change it, in text and JSON")
    func alternatives() throws {
        // ket → {neuro, thr}: thr only (+); asserting hyper adds neuro (−): mixed. dose=supra keeps thr alone: the same, not noted.
        let query = PathQuery(sources: try nodes("ket"), targets: try nodes("neuro", "thr"))
        let result = try engine.paths(query)
        #expect(result.counts == SignCounts(positive: 1, negative: 0, unknown: 0))
        let alternatives = try engine.contextAlternatives(query, result: result)
        #expect(
            alternatives == [
                .init(
                    key: "condition", value: "hyper", kind: .condition, counts: SignCounts(positive: 1, negative: 1, unknown: 0), atLeast: false,
                    verdict: .mixed, certainty: .established)
            ])
        let report = PathsReport(
            network: engine.network, query: query, result: result, shown: 0, provenance: Provenance(inputs: [], options: [:]),
            alternatives: alternatives)
        #expect(report.text().contains("\nin other contexts: asserting condition=hyper gives 2 paths (verdict mixed, established)\n"))
        #expect(report.json.otherContexts?.first?.verdict == "mixed")
        // Without --where, the summary still says what the defaults left out (text and JSON).
        #expect(report.text().contains("\nthe default dose range sub–anes left out 1 edge (the context filter dose=supra includes them); "))
        #expect(report.json.filter?.terms == [:] && report.json.filter?.defaults?.map(\.key) == ["dose", "condition"])
        let reach = ReachReport(
            network: engine.network, direction: .effects, start: try nodes("ket"), maxLength: 6, reached: [], partial: false,
            provenance: Provenance(inputs: []))
        #expect(reach.text().hasSuffix("(the context filter condition=hyper includes them)\n"))
        // ket → exa holds at sub only: at supra there is no path, and an answer with paths lists only contexts that give paths.
        let exa = PathQuery(sources: try nodes("ket"), targets: try nodes("exa"))
        #expect(try engine.paths(exa).counts.total == 1)
        #expect(try engine.contextAlternatives(exa, result: try engine.paths(exa)).isEmpty)
    }

    @Test("effect-node context: applies to every edge into the node, intersected with the edge's own")
    func effectContext() throws {
        // e4 holds from anes (the node's dose); e5 (sub only) ∩ (anes and up) holds nowhere.
        #expect(try count(["ket"], "hyp", ["dose": "sub"]) == 0)
        #expect(try count(["ket"], "hyp", ["dose": "anes"]) == 1)
        #expect(try count(["ket"], "hyp", ["dose": "supra"]) == 1)
        #expect(try count(["ket"], "hyp") == 1)
    }

    @Test("exposure_of: the dose of ketamine's downstream edge does not let lithium walk it")
    func exposure() throws {
        // Through its form too: ket -> esk -| gsk -| seiz is ket's exposure. From esk itself it is not: a dose of the
        // racemate is no dose of the enantiomer given as a drug.
        #expect(try count(["ket"], "seiz") == 2)
        #expect(try count(["esk"], "seiz") == 0)
        #expect(try count(["li"], "seiz") == 0)
        #expect(try count(["li"], "seiz", ["dose": "sub"]) == 0)
        // Sources of two families: each path is counted under its own drug's scope, and the counts add.
        #expect(try count(["ket", "li"], "seiz") == 2)
        #expect(try count(["li", "esk"], "seiz") == 0)
        // The same edge without exposure_of keeps its dose for every drug (as e11 does).
        let unscoped = PathEngine(graph: Self.graph(exposureOf: nil))
        #expect(try count(["li"], "seiz", engine: unscoped) == 1)
        #expect(try count(["li"], "mood") == 1)
        #expect(try count(["li"], "mood", ["dose": "supra"]) == 1)
        // Walking back from the effect (causes) and reaching forward (effects) split the same way.
        let back = try engine.reachBack(PathQuery(sources: try nodes("ket", "esk", "li"), targets: try nodes("seiz")))
        #expect(back.reports.map { engine.network.nodeIDs[$0.target] }.sorted() == ["ket"])
        #expect(back.reports.map(\.counts.total).reduce(0, +) == 2)
        let reach = try engine.reach(PathQuery(sources: try nodes("ket", "li"), targets: try nodes("seiz", "mood")))
        let totals = Dictionary(uniqueKeysWithValues: reach.reports.map { (engine.network.nodeIDs[$0.target], $0.counts.total) })
        #expect(totals == ["seiz": 2, "mood": 3])
        // The shortest paths of two families: the shorter of each family's, counted once per family.
        let shortest = try engine.shortest(PathQuery(sources: try nodes("li", "ket"), targets: try nodes("seiz")))
        #expect(shortest.counts.total == 1 && shortest.paths.first?.length == 2)
        // Both families reach mood in 2 steps: the counts of the two parts add.
        let both = try engine.shortest(PathQuery(sources: try nodes("li", "ket"), targets: try nodes("mood")))
        #expect(both.counts.total == 2 && both.paths.map(\.length) == [2, 2])
        // Walking back with an explanation budget: an empty answer from two families is settled, not cut short.
        let none = PathQuery(sources: try nodes("li", "ket"), targets: try nodes("sup"))
        #expect(try engine.explain(none, result: try engine.paths(none))?.word == "conditional")
    }

    @Test("--where is checked against the declarations: declared but unused values pass, suggestions come from them")
    func validation() throws {
        let network = engine.network
        // `stress` is declared but no edge uses it.
        try ContextFilter(["condition": "stress"]).check(against: network)
        #expect(
            ContextFilter(["dose": "supr"]).problems(against: [network]) == [
                .unknownValue(key: "dose", value: "supr", suggestion: "supra", known: ["anes", "sub", "supra"])
            ])
        #expect(ContextFilter(["dos": "sub"]).problems(against: [network]).first?.description == "no edge has the context key 'dos'; did you mean 'dose'?")
        // A declared key no edge uses passes too.
        let graph = Self.graph()
        let declaredOnly = Graph(
            id: "d", title: "d", version: "1", format: 2, contexts: graph.contexts + [ContextDeclaration(key: "route", kind: .categorical, values: ["iv"])],
            nodes: graph.nodes, edges: graph.edges)
        try ContextFilter(["route": "iv"]).check(against: Network(declaredOnly))
    }

    @Test("the summary says what the default range and the unasserted conditions left out, also without --where")
    func summary() throws {
        let network = engine.network
        let summary = try #require(FilterSummary(ContextFilter(), in: network))
        #expect(summary.edgesRemoved == 0 && summary.edges == 12)
        // e2 (supra) by the dose range; e3 by the condition. e5 holds at no level: no default's doing.
        #expect(summary.defaults.map(\.edgesRemoved) == [1, 1])
        let words = LimitHints(workBudget: "", boundOptions: "", contextFilter: "--where")
        #expect(
            summary.line(hints: words)
                == "the default dose range sub–anes left out 1 edge (--where dose=supra includes them); unasserted conditions left out 1 edge (--where condition=hyper includes them)"
        )
        // A --where for the key replaces its default: the range line goes, the filter's own line comes.
        let supra = try #require(FilterSummary(ContextFilter(["dose": "supra"]), in: network))
        // dose=supra leaves out e1 (sub only) and e5 (no level); e10 and e11 hold from sub up, so at supra too.
        #expect(supra.edgesRemoved == 2)
        #expect(
            supra.line(hints: words)
                == "--where dose=supra left out 2 of 12 edges\nunasserted conditions left out 1 edge (--where condition=hyper includes them)")
        let json = supra.json
        #expect(json.defaults?.first?.key == "condition" && json.defaults?.first?.including == ["hyper": 1])
        // A network with no declarations has no default line: categorical semantics as before.
        var builder = NetworkBuilder(relationMap: [:])
        let a = builder.addNode("a", name: nil, kind: nil)
        builder.addEdge(a, builder.label("activates"), a, context: ["dose": "supra"])
        #expect(FilterSummary(ContextFilter(), in: builder.build()) == nil)
    }

    @Test("a drawing's --where uses the same semantics for its terms, without the defaults")
    func drawing() throws {
        let graph = Self.graph()
        #expect(ContextFilter(["dose": "supra"]).admittedEdges(of: graph) == [0, 2, 3, 4, 6, 7, 8, 9, 10, 11])
        #expect(ContextFilter(["condition": "stress"]).admittedEdges(of: graph) == [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11])
        #expect(DiagramSelection.whole(graph).edges.count == 12)
        #expect(DiagramSelection.whole(graph, filter: ContextFilter(["dose": "sub"])).edges == [1, 3, 6, 7, 8, 9, 10, 11])
    }

    @Test("claims use the same semantics: a claim can assert a condition or a dose")
    func claims() throws {
        let base = Self.graph()
        let claims = [
            Claim(from: "ket", to: "neuro", expect: .negative, context: ["condition": "hyper"]),
            Claim(from: "ket", to: "neuro", expect: .none),
            Claim(from: "ket", to: "sup", expect: .positive, context: ["dose": "supra"]),
            Claim(from: "li", to: "seiz", expect: .none),
            // Wrong on purpose: the supratherapeutic edge is opt-in.
            Claim(from: "ket", to: "sup", expect: .positive),
        ]
        let graph = Graph(
            id: base.id, title: base.title, version: base.version, format: 2, contexts: base.contexts, nodes: base.nodes, edges: base.edges,
            claims: claims)
        let diagnostics = ClaimVerifier.verify(graph)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("claim 'ket' -> 'sup' expects positive, but the paths give none") == true)
    }
}
