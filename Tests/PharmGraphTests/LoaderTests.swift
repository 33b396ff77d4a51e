import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

/// Regressions found in review: each test is an input that once loaded or formatted wrongly.
@Suite("Loader and fmt regressions")
struct LoaderRegressionTests {
    private static let header = "id: t\ntitle: T\nversion: \"1\"\nreferences:\n  r: {citation: R}\n"

    private func messages(_ text: String) -> [String] {
        GraphLoader.load(text: text, path: "t.yaml").diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
    }

    @Test("CRLF files keep their lines: source line and caret, and fmt works")
    func crlf() throws {
        let text = (Self.header + "nodes:\n  - {id: a, kind: drug}\n  - {id: b, kind: enzyme}\nedges:\n  - {from: a, relation: activates, to: bb, refs: [r]}\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let result = GraphLoader.load(text: text, path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(
            DiagnosticFormatter(source: result.source).format(diagnostic) == """
                t.yaml:10:40: error: unknown node 'bb' in 'to'; did you mean 'b'?
                  - {from: a, relation: activates, to: bb, refs: [r]}
                                                       ^
                """)
        let clean = GraphLoader.load(text: text.replacingOccurrences(of: "to: bb", with: "to: b"), path: "t.yaml")
        #expect(try CanonicalWriter.canonicalText(of: clean).hasPrefix("id: t\ntitle: T\n"))
    }

    @Test("an effect with 'valence: ~' has no valence")
    func nullValence() {
        let text =
            Self.header
            + "nodes:\n  - {id: a, kind: drug}\n  - {id: e, kind: effect, valence: ~}\nedges:\n  - {from: a, relation: activates, to: e, refs: [r]}\n"
        #expect(messages(text) == ["8:5 effect 'e' is missing required field 'valence' (therapeutic, adverse or neutral)"])
    }

    @Test("'refs: []' is an edge without references, so fmt cannot change what check says")
    func emptyRefs() {
        let text = Self.header + "nodes:\n  - {id: a, kind: drug}\n  - {id: b, kind: enzyme}\nedges:\n  - {from: a, relation: activates, to: b, refs: []}\n"
        #expect(messages(text) == ["5:3 reference 'r' is never cited", "10:5 edge has no references"])
    }

    @Test("a key inside a quoted value or a nested mapping is not a duplicate")
    func duplicateKeyPosition() {
        let text =
            Self.header
            + "nodes:\n  - {id: a, kind: drug}\n  - {id: c, kind: process, label: \"it's\"}\nedges:\n  - {from: a, relation: activates, to: c, refs: [r], context: {from: x}, note: \"to: y\", to: c}\n"
        #expect(messages(text) == ["10:89 duplicate key 'to'; first defined at line 10, column 36"])
        let block = Self.header + "nodes:\n  - id: a\n    kind: drug\n    description: 'kind: x'\n    kind: drug\nedges: []\n"
        #expect(messages(block).contains("10:5 duplicate key 'kind'; first defined at line 8, column 5"))
    }

    @Test("a claim's max_length is bounded")
    func hugeMaxLength() {
        let text =
            Self.header
            + "nodes:\n  - {id: a, kind: drug}\n  - {id: b, kind: enzyme}\nedges:\n  - {from: a, relation: activates, to: b, refs: [r]}\nclaims:\n  - {from: a, to: b, expect: positive, max_length: 9223372036854775807}\n"
        #expect(messages(text) == ["12:52 expected a whole number from 1 to 100 for 'max_length', found '9223372036854775807'"])
    }
}
