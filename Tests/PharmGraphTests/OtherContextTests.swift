import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// What other contexts give, stated with the tiered verdict everywhere (docs/queries.md, "Contexts", "Contrasts",
/// "Empty answers"), on hand-made graphs worked out by hand.
///
/// `conditions`: `condition` [hyper] is a condition key; `dose` [low, high] ordinal, default [low], exposure.
///
///     e0 d -> a                         e1 a -> t
///     e2 d -> b   hyper, probable       e3 b -| t
///     e4 d -> c   hyper                 e5 c -> u
///     e6 b -| u                         e7 d -| v   dose: high
///
/// d → t: 1 path (+, established). With condition=hyper: 2 paths, established 1+, probable 1−: raw mixed, tiered
/// positive, established (a probable caveat). d → u: none without hyper; with it d → c → u (+, established) and
/// d → b -| u (−, probable): raw mixed, tiered positive, established. d → v: only at dose=high (−, established).
@Suite("Other contexts: tiered verdicts, exposure-scoped empty answers, targets only another context reaches")
struct OtherContextTests {
    static let condition = ContextDeclaration(key: "condition", kind: .condition, values: ["hyper"])
    static let dose = ContextDeclaration(key: "dose", kind: .ordinal, values: ["low", "high"], defaults: ["low"], exposure: true)

    static let conditions = Graph(
        id: "conditions", title: "conditions", version: "1", format: 2, contexts: [condition, dose],
        nodes: [
            Node(id: "d", kind: .drug), Node(id: "a", kind: .process), Node(id: "b", kind: .process), Node(id: "c", kind: .process),
            Node(id: "t", kind: .condition), Node(id: "u", kind: .condition), Node(id: "v", kind: .condition),
        ],
        edges: [
            Edge(from: "d", relation: .activates, to: "a"),
            Edge(from: "a", relation: .activates, to: "t"),
            Edge(from: "d", relation: .activates, to: "b", certainty: .probable, context: ["condition": "hyper"]),
            Edge(from: "b", relation: .inhibits, to: "t"),
            Edge(from: "d", relation: .activates, to: "c", context: ["condition": "hyper"]),
            Edge(from: "c", relation: .activates, to: "u"),
            Edge(from: "b", relation: .inhibits, to: "u"),
            Edge(from: "d", relation: .inhibits, to: "v", context: ["dose": "high"]),
        ])

    let engine = PathEngine(graph: Self.conditions)

    func nodes(_ engine: PathEngine, _ ids: String...) throws -> [NodeIndex] {
        try ids.map { try #require(engine.network.index(of: $0)) }
    }

    @Test("the other-contexts line and JSON state the tiered verdict and its certainty, not the raw counts'")
    func otherContextsLine() throws {
        let query = PathQuery(sources: try nodes(engine, "d"), targets: try nodes(engine, "t"))
        let result = try engine.paths(query)
        #expect(result.counts == SignCounts(positive: 1))
        let alternatives = try engine.contextAlternatives(query, result: result)
        #expect(
            alternatives == [
                .init(
                    key: "condition", value: "hyper", kind: .condition, counts: SignCounts(positive: 1, negative: 1), atLeast: false,
                    verdict: .positive, certainty: .established)
            ])
        let report = PathsReport(
            network: engine.network, query: query, result: result, shown: 0, provenance: Provenance(inputs: [], options: [:]),
            alternatives: alternatives)
        #expect(report.text().contains("\nin other contexts: asserting condition=hyper gives 2 paths (verdict positive, established)\n"))
        let json = try #require(report.json.otherContexts?.first)
        #expect(json.verdict == "positive" && json.certainty == JSONNullable("established") && json.rawVerdict == "mixed")
        // The query asserting it says the same.
        var asserted = query
        asserted.traversal.filter = ContextFilter(["condition": "hyper"])
        var answer = try engine.paths(asserted)
        try engine.assess(asserted, &answer)
        #expect(answer.assessment?.verdict == .positive && answer.assessment?.certainty == .established)
    }

    @Test("a conditional empty answer states the tiered verdict")
    func conditionalEmptyAnswer() throws {
        let query = PathQuery(sources: try nodes(engine, "d"), targets: try nodes(engine, "u"))
        let reason = try engine.explain(query, result: try engine.paths(query))
        #expect(
            reason?.description(sources: query.sources, targets: query.targets, network: engine.network)
                == "no path in the contexts the query covers; conditional on condition=hyper: asserting it gives 2 paths (verdict positive, established)")
    }

    @Test("contrast: each value's verdict is the tiered one, with its certainty in the table")
    func contrast() throws {
        let query = PathQuery(sources: try nodes(engine, "d"), targets: try nodes(engine, "t", "u", "v"))
        let answer = try engine.contrast(query, key: "condition", values: ["hyper"])
        // One value: nothing can change, but each run's verdicts are the tiered ones.
        #expect(answer.runs[0].finding(try nodes(engine, "t")[0]) == .verdict(.positive))
        #expect(answer.runs[0].finding(try nodes(engine, "u")[0]) == .verdict(.positive))
        // dose=low,high: t is positive at both (at high the condition edge is still unasserted), v none → negative.
        var hyper = query
        hyper.traversal.filter = ContextFilter(["condition": "hyper"])
        let doses = try engine.contrast(hyper, key: "dose", values: ["low", "high"])
        #expect(doses.changed == (try nodes(engine, "v")))
        #expect(doses.unchanged == 2)
        let text = ContrastReport(network: engine.network, contrast: doses, query: hyper, provenance: Provenance(inputs: [])).text()
        #expect(text.hasPrefix("effect  low           high\nv       none          negative, established\n  dose=high: d -inhibits-| v\n"))
        #expect(text.hasSuffix("2 effects keep their verdict under every value of dose (low, high)\n"))
    }

    /// `scoped`: dose [sub, anes] ordinal, exposure. e0 ket -| gsk, e1 li -| gsk, e2 gsk -| seiz (dose sub, exposure_of ket),
    /// e3 ket has_component esk; li → seiz: one path, through e2, which only ket's family walks. li → x: no path at all.
    static let scoped = Graph(
        id: "scoped", title: "scoped", version: "1", format: 2,
        contexts: [ContextDeclaration(key: "dose", kind: .ordinal, values: ["sub", "anes"], exposure: true)],
        nodes: [
            Node(id: "ket", kind: .drug), Node(id: "esk", kind: .drug), Node(id: "li", kind: .drug), Node(id: "gsk", kind: .enzyme),
            Node(id: "seiz", kind: .condition), Node(id: "x", kind: .condition),
        ],
        edges: [
            Edge(from: "ket", relation: .inhibits, to: "gsk"),
            Edge(from: "li", relation: .inhibits, to: "gsk"),
            Edge(from: "gsk", relation: .inhibits, to: "seiz", context: ["dose": "sub"], exposureOf: "ket"),
            Edge(from: "ket", relation: .hasComponent, to: "esk"),
        ])

    @Test("an empty answer caused by exposure scoping names the scoped edge and whose exposure it describes")
    func exposureScoped() throws {
        let engine = PathEngine(graph: Self.scoped)
        let query = PathQuery(sources: try nodes(engine, "li"), targets: try nodes(engine, "seiz"))
        let result = try engine.paths(query)
        #expect(result.counts.total == 0)
        let reason = try engine.explain(query, result: result)
        #expect(reason == .exposureScoped(edges: [EdgeIndex(rawValue: 2)], sources: query.sources, paths: 1, atLeast: false))
        #expect(reason?.word == "exposure_scoped")
        #expect(
            reason?.description(sources: query.sources, targets: query.targets, network: engine.network)
                == "no path: 'seiz' is reached from 'li' only through an edge scoped to another drug's exposure (1 path): "
                + "the edge gsk -inhibits-| seiz holds at ket's dose=sub (exposure_of: ket); the query starts from 'li', not from 'ket'")
        // ket walks it; a node no edge reaches stays unreachable.
        #expect(try engine.paths(PathQuery(sources: try nodes(engine, "ket"), targets: try nodes(engine, "seiz"))).counts.total == 1)
        let none = PathQuery(sources: try nodes(engine, "li"), targets: try nodes(engine, "x"))
        #expect(try engine.explain(none, result: try engine.paths(none))?.word == "unreachable")
    }

    /// The reading text and JSON of `effects d` on `conditions`, with the other contexts' targets.
    func effects(_ graph: Graph = Self.conditions) throws -> ReachReport {
        let engine = PathEngine(graph: graph)
        let targets = engine.network.nodeIDs.indices.map { NodeIndex(rawValue: Int32($0)) }.filter {
            [.condition, .effect].contains(graph.node(engine.network.nodeIDs[$0])?.kind)
        }
        let query = PathQuery(sources: try nodes(engine, "d"), targets: targets)
        var (reports, partial) = try engine.reach(query, assess: true)
        try engine.assessFeedback(query, reports: &reports, partial: partial)
        var report = ReachReport(
            network: engine.network, direction: .effects, start: query.sources, maxLength: 6, reached: reports, partial: partial,
            provenance: Provenance(inputs: []))
        (report.conditional, report.conditionalStopped) = try engine.conditionalReach(query, reached: reports, partial: partial)
        return report
    }

    @Test("effects lists the targets only another context reaches, with the tiered verdict and the --where that opens it")
    func onlyInOtherContexts() throws {
        let report = try effects()
        #expect(report.reached.map { report.network.nodeIDs[$0.target] } == ["t"])
        // u with condition=hyper (positive, established: raw mixed); v at dose=high (negative, established).
        #expect(
            report.conditional.map { "\(report.network.nodeIDs[$0.report.target]) \($0.key)=\($0.value) \($0.verdict)" } == [
                "u condition=hyper positive", "v dose=high negative",
            ])
        let text = report.readingText()
        #expect(
            text.contains(
                """

                Only in other contexts (2): targets reached only with a condition asserted or another level named
                  u  causes/worsens, established (the context filter condition=hyper)
                  v  relieves/prevents, established (the context filter dose=high)

                """))
        #expect(!report.text().contains("Only in other contexts"))
        let json = try #require(report.json.conditional)
        #expect(json.map(\.id) == ["u", "v"])
        #expect(json[0].verdict == "positive" && json[0].certainty == JSONNullable("established") && json[0].reading == "causes/worsens")
        #expect(json[0].key == "condition" && json[0].value == "hyper" && json[0].total == 2)
        #expect(report.json.conditionalStopped == nil)
    }

    @Test("only in other contexts: at most 20 targets, then how many more")
    func onlyInOtherContextsCapped() throws {
        let ids = (0..<23).map { "c\($0 < 10 ? "0" : "")\($0)" }
        let graph = Graph(
            id: "many", title: "many", version: "1", format: 2, contexts: [Self.condition],
            nodes: [Node(id: "d", kind: .drug)] + ids.map { Node(id: $0, kind: .condition) },
            edges: ids.map { Edge(from: "d", relation: .inhibits, to: $0, context: ["condition": "hyper"]) })
        let report = try effects(graph)
        #expect(report.reached.isEmpty && report.conditional.count == 23)
        let lines = report.readingText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Only in other contexts (23)") })
        #expect(lines[start + 1] == "  c00  relieves/prevents, established (the context filter condition=hyper)")
        #expect(lines[start + 20].hasPrefix("  c19  "))
        #expect(lines[start + 21] == "  … and 3 more")
    }

    @Test("only in other contexts: a target whose line would pass 100 columns gets one term a line")
    func onlyInOtherContextsWrapped() throws {
        let long = "a-condition-with-a-rather-long-identifier"
        let conditions = ContextDeclaration(
            key: "condition", kind: .condition, values: ["hyperstimulation-of-the-receptor", "stress"])
        let graph = Graph(
            id: "wrap", title: "wrap", version: "1", format: 2, contexts: [conditions],
            nodes: [Node(id: "d", kind: .drug), Node(id: long, kind: .condition)],
            edges: [
                Edge(from: "d", relation: .inhibits, to: long, context: ["condition": "hyperstimulation-of-the-receptor"]),
                Edge(from: "d", relation: .activates, to: long, certainty: .probable, context: ["condition": "stress"]),
            ])
        let text = try effects(graph).readingText()
        #expect(
            text.contains(
                """
                Only in other contexts (1): targets reached only with a condition asserted or another level named
                  a-condition-with-a-rather-long-identifier  relieves/prevents, established
                                                             (the context filter condition=hyperstimulation-of-the-receptor);
                                                             causes/worsens, probable
                                                             (the context filter condition=stress)
                unasserted conditions left out 2 edges
                """))
    }

    @Test("effects --do without a drug: the group titles name the clamps, as the first line does")
    func interventionSubject() throws {
        let graph = Graph(
            id: "do", title: "do", version: "1",
            nodes: [Node(id: "c", kind: .receptor), Node(id: "x", kind: .condition)],
            edges: [Edge(from: "c", relation: .activates, to: "x")])
        let engine = PathEngine(graph: graph)
        var query = PathQuery(sources: [], targets: try nodes(engine, "x"))
        query.interventions = [Intervention(node: try nodes(engine, "c")[0], sign: .negative)]
        var (reports, partial) = try engine.reach(query, assess: true)
        try engine.assessFeedback(query, reports: &reports, partial: partial)
        let report = ReachReport(
            network: engine.network, direction: .effects, start: [], maxLength: 6, reached: reports, partial: partial,
            provenance: Provenance(inputs: []), interventions: query.interventions)
        let text = report.readingText()
        #expect(text.hasPrefix("do(c = -) reaches 1 effect or condition within 6 steps\n"))
        #expect(text.contains("\nConditions do(c = -) relieves or prevents (1)\n"))
    }
}
