import Foundation
import Testing

@testable import PharmGraph

@Suite("Citation export")
struct CitationExportTests {
    static let zanos = Reference(
        key: "zanos2018",
        citation: "Zanos, P. & Gould, T. D. (2018). Mechanisms of Ketamine Action as an Antidepressant. Molecular Psychiatry, 23(4), 801-811.",
        doi: "10.1038/mp.2017.255", pmid: "29532791")
    static let odd = Reference(key: "odd key,1", citation: "50% of {braces} & $cost_#1 ~ ^ \\ end", url: "https://x.org/a{b}")

    @Test("an APA-like citation gives authors, year and title")
    func parts() {
        let parts = CitationExport.parts(of: Self.zanos.citation)
        #expect(parts == .init(authors: ["Zanos, P.", "Gould, T. D."], year: "2018", title: "Mechanisms of Ketamine Action as an Antidepressant"))
        #expect(CitationExport.parts(of: "Zanos P, Gould TD. Mechanisms. Mol Psychiatry. 2018;23(4):801-811.") == nil)
        #expect(CitationExport.parts(of: "Kraus, C. (2019a). T.")?.year == "2019")
    }

    @Test("BibTeX: escaped specials, balanced braces, stable unique keys")
    func bibtex() {
        let text = CitationExport.write([Self.zanos, Self.odd, Reference(key: "odd key 1", citation: "x")], style: .bibtex)
        #expect(
            text.hasPrefix(
                "@misc{zanos2018,\n  author = {Zanos, P. and Gould, T. D.},\n  title = {{Mechanisms of Ketamine Action as an Antidepressant}},\n  year = {2018},"
            ))
        #expect(text.contains("  doi = {10.1038/mp.2017.255},\n  pmid = {29532791},\n  eprint = {29532791},\n  eprinttype = {pubmed}\n}"))
        #expect(
            text.contains(
                "@misc{odd-key-1,\n  note = {50\\% of \\{braces\\} \\& \\$cost\\_\\#1 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} end},\n  url = {https://x.org/a%7Bb%7D}\n}"
            ))
        #expect(text.contains("@misc{odd-key-1-2,"))
        var depth = 0
        for character in text.replacingOccurrences(of: "\\{", with: "").replacingOccurrences(of: "\\}", with: "") {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            #expect(depth >= 0)
        }
        #expect(depth == 0)
    }

    @Test("RIS: one tagged record per reference")
    func ris() {
        let text = CitationExport.write([Self.zanos], style: .ris)
        #expect(
            text == """
                TY  - GEN
                ID  - zanos2018
                AU  - Zanos, P.
                AU  - Gould, T. D.
                PY  - 2018
                TI  - Mechanisms of Ketamine Action as an Antidepressant
                N1  - \(Self.zanos.citation)
                DO  - 10.1038/mp.2017.255
                AN  - PMID:29532791
                ER  - \("")

                """)
    }

    @Test("the references a list of edges cites, each once, in order of first citation")
    func cited() {
        let graph = Graph(
            id: "g", title: "t", version: "1", references: [Self.odd, Self.zanos], nodes: [Node(id: "a", kind: .drug)],
            edges: [
                Edge(from: "a", relation: .activates, to: "a", refs: ["zanos2018"]),
                Edge(from: "a", relation: .inhibits, to: "a", refs: ["odd key,1", "zanos2018"]),
            ])
        #expect(CitationExport.references(citedBy: graph.edges, in: graph).map(\.key) == ["zanos2018", "odd key,1"])
        #expect(CitationExport.references(citedBy: [], in: graph).isEmpty)
    }
}
