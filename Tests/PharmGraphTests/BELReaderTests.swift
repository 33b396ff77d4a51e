import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

/// One BEL fixture per diagnostic: the positioned diagnostic it must give, and the summary when a statement is skipped.
let belCases: [FixtureCase] = [
    .init(file: "unterminated-string", severity: .error, line: 5, column: 32, message: "unterminated quoted string"),
    .init(file: "unknown-function", severity: .error, line: 5, column: 24, message: "unknown BEL function 'foo'"),
    .init(
        file: "unknown-relation", severity: .error, line: 5, column: 14,
        message: "expected a BEL relation such as increases, found 'increasez'"),
    .init(
        file: "unclosed-term", severity: .error, line: 5, column: 13,
        message: "expected ',' or ')' to close 'p(', found 'increases'"),
    .init(file: "unexpected-character", severity: .error, line: 5, column: 34, message: "unexpected character '@'"),
    .init(
        file: "trailing-text", severity: .error, line: 5, column: 34, message: "unexpected text after the statement, found 'p'"),
    .init(file: "argument-outside-term", severity: .error, line: 5, column: 1, message: "'pmod' may stand only inside another term"),
    .init(
        file: "modifier-without-abundance", severity: .error, line: 5, column: 1,
        message: "'act' needs an abundance term as its first argument"),
    .init(
        file: "missing-object", severity: .error, line: 5, column: 23,
        message: "expected a BEL term such as p(HGNC:AKT1), found the end of the line"),
    .init(
        file: "bad-citation", severity: .error, line: 2, column: 16,
        message: "a citation needs at least a type and an identifier, e.g. {\"PubMed\", \"12345\"}"),
    .init(file: "bad-define", severity: .error, line: 1, column: 26, message: "expected URL, PATTERN or LIST, found 'FILE'"),
    .init(file: "set-without-equals", severity: .error, line: 2, column: 13, message: "expected '=' after SET Species, found '9606'"),
    .init(
        file: "nested-statement", severity: .warning, line: 5, column: 21,
        message: "nested statement not read (an edge cannot be the object of an edge); statement skipped",
        summary: "1 statement not read: 1 nested statements"),
    .init(
        file: "non-causal-relation", severity: .warning, line: 5, column: 11,
        message: "relation 'isA' is not causal and is not read; statement skipped", summary: "1 statement not read: 1 relation isA"),
    .init(
        file: "unsupported-function", severity: .warning, line: 5, column: 1, message: "'rxn' terms are not read; statement skipped",
        summary: "1 statement not read: 1 function rxn"),
    .init(
        file: "undefined-namespace", severity: .warning, line: 5, column: 23,
        message: "namespace 'MGI' is not defined (DEFINE NAMESPACE); its names are read as written"),
    .init(
        file: "undefined-annotation", severity: .warning, line: 5, column: 5,
        message: "annotation 'Tissue' is not defined (DEFINE ANNOTATION); its values are read as a context"),
    .init(
        file: "missing-citation", severity: .warning, line: 2, column: 1,
        message: "statement without a citation (SET Citation); read without a reference"),
]

/// The path of a BEL fixture.
func belFixture(_ name: String) -> String { Repository.path("Tests/PharmGraphTests/Fixtures/bel/\(name).bel") }

@Suite("BEL reader")
struct BELReaderTests {
    @Test("each fixture gives its one diagnostic", arguments: belCases)
    func fixture(_ test: FixtureCase) throws {
        let path = belFixture(test.file)
        let result = BELReader.load(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        let positioned = result.diagnostics.filter { $0.line != nil }
        #expect(positioned.map(\.message) == [test.message])
        #expect(positioned.first?.severity == test.severity)
        #expect(positioned.first?.line == test.line)
        #expect(positioned.first?.column == test.column)
        #expect(result.diagnostics.filter { $0.line == nil }.map(\.message) == (test.summary.map { [$0] } ?? []))
        #expect((result.graph == nil) == (test.severity == .error))
    }

    @Test("every BEL fixture but valid.bel has its case")
    func everyFixture() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Tests/PharmGraphTests/Fixtures/bel"))
        let named = Set(files.filter { $0.hasSuffix(".bel") }.map { String($0.dropLast(4)) })
        #expect(named.subtracting(["valid"]) == Set(belCases.map(\.file)))
    }

    @Test("the valid fixture: nodes, edges, references, evidence and contexts, no diagnostic")
    func valid() throws {
        let path = belFixture("valid")
        let result = BELReader.load(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.headline))")
        let graph = try #require(result.graph)
        #expect(graph.title == "Valid BEL fixture")
        #expect(graph.version == "1.2.0")
        #expect(graph.nodes.count == 12)
        #expect(graph.references.map(\.key) == ["pubmed-12345", "doi-10.1000-xyz"])
        #expect(graph.references.first?.pmid == "12345")
        #expect(graph.references.first?.citation == "Doe J, Roe R. Journal of Tests")
        #expect(graph.references.last?.doi == "10.1000/xyz")
        let edges = graph.edges.map {
            "\($0.from) \($0.relation.name)\($0.direct == true ? " direct" : "")\($0.correlational ? " correlational" : "") \($0.to)"
        }
        #expect(
            edges == [
                "a(CHEBI:\"drug x\") inhibits direct p(HGNC:AKT1)",
                "p(HGNC:AKT1) activates bp(GOBP:\"cell proliferation\")",
                "p(HGNC:AKT1, pmod(Ph, S, 473)) activates p(HGNC:MTOR)",
                "p(HGNC:TP53) inhibits bp(GOBP:\"apoptotic process\")",
                "bp(GOBP:\"cell proliferation\") activates correlational path(MESHD:Neoplasms)",
                "r(HGNC:MYC) inhibits correlational p(HGNC:TP53)",
                "g(HGNC:MYC) modulates correlational m(HGNC:MIR21)",
                "complex(p(HGNC:AKT1), p(HGNC:MTOR)) no_effect bp(GOBP:\"apoptotic process\")",
                "a(CHEBI:\"drug x\") inhibits path(MESHD:Neoplasms)",
            ])
        let first = graph.edges[0]
        #expect(first.refs == ["pubmed-12345"])
        #expect(first.evidence == "Drug X inhibits kinase AKT1, which drives proliferation.")
        #expect(first.context == ["Species": "9606", "Cell": "Endothelial Cells|Cells, Cultured"])
        #expect(first.note == "BEL: a(CHEBI:\"drug x\") directlyDecreases kin(p(HGNC:AKT1))")
        #expect(first.location?.line == 20)
        #expect(graph.edges[3].note == "BEL: deg(p(HGNC:TP53)) increases bp(GOBP:\"apoptotic process\")")
        #expect(graph.edges[7].context == ["Cell": "Endothelial Cells|Cells, Cultured"])
        #expect(graph.edges[8].refs == ["doi-10.1000-xyz"])
        // A new citation keeps the annotations (BEL 1.0 usage); the statement group's end clears them.
        #expect(graph.edges[8].context == ["Cell": "Endothelial Cells|Cells, Cultured"])
        #expect(graph.node("p(HGNC:AKT1)")?.label == "AKT1")
        #expect(graph.node("p(HGNC:AKT1)")?.xrefs == ["HGNC": "AKT1"])
        #expect(graph.node("m(HGNC:MIR21)")?.kind == NodeKind("mirna"))
        #expect(graph.kinds.map(\.kind.rawValue) == ["complex", "gene", "mirna", "rna"])
    }

    @Test("every error in a script is reported, not only the first")
    func everyError() {
        let text = "p(HGNC:A) increasez p(HGNC:B)\nfoo(HGNC:A) increases p(HGNC:B)\np(HGNC:A) -> (p(HGNC:B)\n"
        let result = BELReader.load(text: text, path: "x.bel")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.line) == [1, 2, 3])
        #expect(result.graph == nil)
    }

    @Test("a statement group's end clears citation, evidence and annotations; a new citation does not")
    func statementGroups() throws {
        let text = """
            SET STATEMENT_GROUP = "a"
            SET Species = 9606
            SET Evidence = "first"
            SET Citation = {"PubMed", "1"}
            p(X:A) -> p(X:B)
            SET Citation = {"PubMed", "2"}
            p(X:A) -> p(X:C)
            UNSET STATEMENT_GROUP
            SET STATEMENT_GROUP = "b"
            SET Citation = {"PubMed", "3"}
            p(X:A) -| p(X:D)
            UNSET {Citation, Evidence}
            p(X:A) -| p(X:E)
            """
        let graph = try #require(BELReader.load(text: text, path: "g.bel").graph)
        #expect(graph.edges.map(\.refs) == [["pubmed-1"], ["pubmed-2"], ["pubmed-3"], []])
        #expect(graph.edges.map(\.evidence) == ["first", "first", nil, nil])
        #expect(graph.edges.map(\.context) == [["Species": "9606"], ["Species": "9606"], [:], [:]])
    }

    @Test("CRLF line breaks and a BOM-less empty script")
    func lineBreaks() throws {
        let result = BELReader.load(text: "SET Citation = {\"PubMed\", \"1\"}\r\np(X:A) -> p(X:B)\r\n", path: "x.bel")
        #expect(
            result.diagnostics.filter { $0.line != nil }.map(\.headline) == [
                "x.bel:2:3: warning: namespace 'X' is not defined (DEFINE NAMESPACE); its names are read as written"
            ])
        #expect(try #require(result.graph).edges.count == 1)
        #expect(BELReader.load(text: "", path: "e.bel").graph?.nodes.isEmpty == true)
    }
}
