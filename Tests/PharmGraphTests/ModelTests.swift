import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

@Suite("Model")
struct ModelTests {
    @Test("relation signs follow the documented table")
    func relationSigns() {
        let expected: [Relation: Sign] = [
            .activates: .positive, .inhibits: .negative, .upregulates: .positive, .downregulates: .negative,
            .modulates: .unknown, .binds: .none, .noEffect: .none, .hasMetabolite: .positive, .hasComponent: .positive,
            .indication: .none, .comparedWith: .none,
        ]
        for relation in Relation.allCases { #expect(relation.sign == expected[relation], "\(relation)") }
        #expect(Relation(rawValue: "no_effect") == .noEffect)
        #expect(Relation(rawValue: "has_component") == .hasComponent)
    }

    @Test("sign composition multiplies, with unknown and none absorbing")
    func composition() {
        #expect(Sign.positive.composed(with: .positive) == .positive)
        #expect(Sign.negative.composed(with: .negative) == .positive)
        #expect(Sign.positive.composed(with: .negative) == .negative)
        #expect(Sign.negative.composed(with: .unknown) == .unknown)
        #expect(Sign.unknown.composed(with: .none) == .none)
        #expect(Sign.none.composed(with: .positive) == .none)
    }

    @Test("an action contradicts only a relation of the opposite definite sign")
    func actionCompatibility() {
        #expect(Action.antagonist.isCompatible(with: .inhibits))
        #expect(!Action.antagonist.isCompatible(with: .activates))
        #expect(!Action.agonist.isCompatible(with: .downregulates))
        #expect(Action.agonist.isCompatible(with: .upregulates))
        #expect(Action.antagonist.isCompatible(with: .binds))
        #expect(Action.modulator.isCompatible(with: .inhibits))
        #expect(Action.reuptakeInhibitor.sign == .negative)
        #expect(Action.positiveAllostericModulator.sign == .positive)
        #expect(Action.ligand.isCompatible(with: .activates))
    }

    @Test("every well-known kind is documented in docs/graph-format.md")
    func kindsDocumented() throws {
        let doc = try String(contentsOfFile: Repository.path("docs/graph-format.md"), encoding: .utf8)
        for (kind, _) in NodeKind.wellKnown { #expect(doc.contains("| `\(kind.rawValue)` |"), "\(kind)") }
        for relation in Relation.allCases { #expect(doc.contains("| `\(relation.rawValue)` |"), "\(relation)") }
        for action in Action.allCases { #expect(doc.contains("`\(action.rawValue)`"), "\(action)") }
    }

    @Test("equality ignores source locations")
    func equalityIgnoresLocation() {
        let a = Node(id: "x", kind: .drug, location: SourceLocation(file: "a", line: 1, column: 1))
        let b = Node(id: "x", kind: .drug, location: SourceLocation(file: "b", line: 9, column: 9))
        #expect(a == b)
        #expect(a != Node(id: "x", kind: .enzyme))
    }
}
