import Foundation
import PharmGraphTestSupport
import Testing

/// The declared context semantics through the binary, on `paths/contexts.yaml` (the graph of ContextSemanticsTests as a file).
@Suite("context semantics, end to end")
struct ContextsEndToEndTests {
    static let graph = "paths/contexts.yaml"
    static let defaults =
        "the default dose range sub–anes left out 1 edge (--where dose=supra includes them); "
        + "unasserted conditions left out 1 edge (--where condition=hyper includes them)\n"

    /// The text of an empty answer from `from` to `to` under the default contexts, ending with its explanation `why`.
    static func none(_ from: String, _ to: String, _ why: String) -> String {
        "no determinate effect of \(from) on \(to): none (no path)\n0 paths: 0 positive, 0 negative, 0 unknown\n" + defaults + why + "\n"
    }

    @Test("a condition edge is opt-in: the empty answer says what asserting it gives, and asserting it walks it")
    func condition() throws {
        let none = try pharmgraph("paths", Self.graph, "ket", "neuro")
        #expect(none.status == 0)
        let conditional = "no path in the contexts the query covers; conditional on condition=hyper: asserting it gives 1 path (verdict negative, established)"
        #expect(none.stdout == Self.none("ket", "neuro", conditional))
        let asserted = try pharmgraph("paths", Self.graph, "ket", "neuro", "--where", "condition=hyper")
        #expect(asserted.stdout.hasPrefix("-  ket -inhibits-| neuro  [ref]\nket relieves or prevents neuro: negative, established;"))
    }

    @Test("an exposure-scoped edge is walked from its drug only (through its forms too); check warns where the drug is not named")
    func exposure() throws {
        let other = try pharmgraph("paths", Self.graph, "li", "seiz")
        #expect(other.status == 0)
        // The path li -| gsk -| seiz exists but walks ket's scoped edge: the empty answer names it, not "unreachable".
        let scoped =
            "no path: 'seiz' is reached from 'li' only through an edge scoped to another drug's exposure (1 path): "
            + "the edge gsk -inhibits-| seiz holds at ket's dose=sub (exposure_of: ket); the query starts from 'li', not from 'ket'"
        #expect(other.stdout == Self.none("li", "seiz", scoped))
        let own = try pharmgraph("paths", Self.graph, "ket", "seiz")
        #expect(
            own.stdout == """
                +  ket -inhibits-| gsk -inhibits-| seiz  [ref | ref]
                +  ket -has_component-> esk -inhibits-| gsk -inhibits-| seiz  [ref | ref | ref]
                ket causes or worsens seiz: positive, established; 2 positive paths in 1 mechanism
                2 paths: 2 positive, 0 negative, 0 unknown
                headline: ket -inhibits-| gsk -inhibits-| seiz

                """ + Self.defaults)
        let form = try pharmgraph("paths", Self.graph, "esk", "seiz", "--limit", "0")
        // From the form itself the racemate's dose edge is not walked: a dose of ket is no dose of esk given as a drug.
        #expect(form.stdout.hasPrefix("no determinate effect of esk on seiz: none (no path)\n"))
        #expect(form.stdout.hasSuffix("the query starts from 'esk', not from 'ket'\n"))
        // gsk -| mood has a dose but no exposure_of: every drug walks it, and check says the graph cannot mean otherwise.
        let check = try pharmgraph("check", Self.graph)
        #expect(check.status == 0)
        #expect(check.stderr.contains("\npaths/contexts.yaml:39:70: warning: exposure context 'dose: sub' on an edge from 'gsk'"))
        // ket -> hyp at sub only, into hyp (from anes up): never walked, and check says so.
        #expect(
            check.stderr.hasPrefix(
                "paths/contexts.yaml:33:76: warning: this edge can never be walked: its context 'dose: sub' (at sub only) contradicts its target's context 'dose: anes' (from anes up)\n"
            ))
        #expect(try pharmgraph("paths", Self.graph, "li", "mood", "--limit", "0").stdout.hasPrefix("li produces mood: positive"))
    }

    @Test("--where with a value no edge uses exits 1 with a suggestion, and prints nothing")
    func typo() throws {
        let typo = try pharmgraph("paths", Self.graph, "ket", "seiz", "--where", "dose=TYPO")
        #expect(typo.status == 1 && typo.stdout.isEmpty)
        #expect(typo.stderr.hasSuffix("error: --where: no edge has the context value 'TYPO' for 'dose'; the edges use the values 'anes', 'sub', 'supra'\n"))
        let near = try pharmgraph("paths", Self.graph, "ket", "seiz", "--where", "dose=sup")
        #expect(near.status == 1 && near.stdout.isEmpty)
        #expect(near.stderr.hasSuffix("error: --where: no edge has the context value 'sup' for 'dose'; did you mean 'sub'?\n"))
    }
}
