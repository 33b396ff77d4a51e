import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// `check` warns about an edge no query can walk: its context and its target's admit no common value, judged by
/// the queries' own admission (`EdgeScope.contradictions`, `ContextAdmission`).
@Suite("Edges that can never be walked")
struct NeverWalkedTests {
    static let declarations: [String: ContextDeclaration] = [
        "dose": ContextDeclaration(key: "dose", kind: .ordinal, values: ["sub", "anes", "supra"], defaults: ["sub", "anes"]),
        "condition": ContextDeclaration(key: "condition", kind: .condition, values: ["hyper", "stress"]),
        "region": ContextDeclaration(key: "region", kind: .categorical, values: ["brain", "gut"]),
    ]

    func contradictions(_ edge: [String: String], exact: Set<String> = [], _ target: [String: String]) -> [String] {
        EdgeScope.contradictions(context: edge, exact: exact, target: target, declarations: Self.declarations)
    }

    @Test("worked by hand: ordinal thresholds and exact levels, categorical values, conditions")
    func cases() {
        // Thresholds always meet at the higher one: sub-and-up ∩ supra-and-up = {supra}.
        #expect(contradictions(["dose": "sub"], ["dose": "supra"]).isEmpty)
        #expect(contradictions(["dose": "supra"], ["dose": "sub"]).isEmpty)
        // At sub only ∩ anes and up = {}; at anes only ∩ anes and up = {anes}; at supra only ∩ anes and up = {supra}.
        #expect(contradictions(["dose": "sub"], exact: ["dose"], ["dose": "anes"]) == ["dose"])
        #expect(contradictions(["dose": "anes"], exact: ["dose"], ["dose": "anes"]).isEmpty)
        // Supra lies outside the default range, but `--where dose=supra` walks it: not never.
        #expect(contradictions(["dose": "supra"], exact: ["dose"], ["dose": "anes"]).isEmpty)
        #expect(contradictions(["region": "gut"], ["region": "brain"]) == ["region"])
        #expect(contradictions(["region": "gut"], ["region": "gut"]).isEmpty)
        // A query asserts one condition: hyper and stress together never.
        #expect(contradictions(["condition": "stress"], ["condition": "hyper"]) == ["condition"])
        #expect(contradictions(["condition": "hyper"], ["condition": "hyper"]).isEmpty)
        // Every contradicted key, sorted; keys only one side gives constrain nothing here.
        #expect(
            contradictions(
                ["dose": "sub", "region": "gut", "condition": "stress"], exact: ["dose"], ["dose": "supra", "region": "brain", "condition": "hyper"])
                == ["condition", "dose", "region"])
        #expect(contradictions(["dose": "sub", "region": "gut"], exact: ["dose"], ["condition": "hyper"]).isEmpty)
        // An undeclared key or value is another diagnostic's business.
        #expect(contradictions(["species": "rat"], ["species": "human"]).isEmpty)
        #expect(contradictions(["dose": "sub"], exact: ["dose"], ["dose": "hgih"]).isEmpty)
    }

    @Test("a flagged edge is walked by no query, and an unflagged one by some (ContextSemanticsTests' graph)")
    func agreesWithQueries() throws {
        let graph = ContextSemanticsTests.graph()
        let engine = PathEngine(graph: graph)
        let network = engine.network
        let declarations = Dictionary(uniqueKeysWithValues: graph.contexts.map { ($0.key, $0) })
        var flagged: [Int] = []
        for (e, edge) in graph.edges.enumerated() {
            let target = graph.node(edge.to)?.context ?? [:]
            let keys = EdgeScope.contradictions(context: edge.context, exact: Set(edge.exact), target: target, declarations: declarations)
            if !keys.isEmpty { flagged.append(e) }
            // Every query that asserts one value of each declared key (the exposure's drug as the source).
            var walked = false
            for dose in ["sub", "anes", "supra"] {
                for condition in ["hyper", "stress", nil] as [String?] {
                    var filter = ["dose": dose]
                    if let condition { filter["condition"] = condition }
                    let from = edge.exposureOf ?? edge.from
                    let query = PathQuery(
                        sources: [try #require(network.index(of: from))], targets: [try #require(network.index(of: edge.to))],
                        traversal: TraversalOptions(filter: ContextFilter(filter)))
                    let report = try engine.paths(query, limit: 100)
                    walked = walked || report.paths.contains { $0.edges.contains(EdgeIndex(rawValue: Int32(e))) }
                }
            }
            #expect(walked == keys.isEmpty, "edge \(e): \(edge.from) -> \(edge.to)")
        }
        // e5: ket -> hyp at sub only, into hyp (from anes up).
        #expect(flagged == [5])
    }

    @Test("check: one warning per contradicted key, at the edge's context value; nothing without declarations")
    func check() {
        let text = """
            format: 2
            id: t
            title: T
            version: "1"
            contexts:
              condition: {type: condition, values: [hyper, stress]}
              dose: {type: ordinal, values: [sub, anes], exposure: true}
            references:
              r: {citation: c}
            nodes:
              - {id: d, kind: drug}
              - {id: t, kind: condition, context: {condition: hyper, dose: anes}}
            edges:
              - {from: d, relation: activates, to: t, refs: [r], context: {condition: stress, dose: sub}, exact: [dose]}
              - {from: d, relation: inhibits, to: t, refs: [r], context: {condition: hyper}}
            """
        let result = GraphLoader.load(text: text, path: "t.yaml")
        #expect(
            result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.severity.rawValue): \($0.message)" } == [
                "14:75 warning: this edge can never be walked: its context 'condition: stress' contradicts its target's context 'condition: hyper'",
                "14:89 warning: this edge can never be walked: its context 'dose: sub' (at sub only) contradicts its target's context 'dose: anes' (from anes up)",
            ])
        #expect(result.graph != nil)
        // A format-1 file has no declarations: its keys are free, nothing is judged.
        let free = GraphLoader.load(
            text:
                "id: t\ntitle: T\nversion: \"1\"\nreferences:\n  r: {citation: c}\nnodes:\n  - {id: d, kind: drug}\n  - {id: t, kind: process}\nedges:\n  - {from: d, relation: activates, to: t, refs: [r], context: {region: gut}}\n",
            path: "t.yaml")
        #expect(free.diagnostics.isEmpty, "\(free.diagnostics.map(\.headline))")
    }
}
