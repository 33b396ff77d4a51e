import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// The curated ketamine graph, loaded.
private func ketamine() throws -> Graph {
    let path = Repository.path("Graphs/ketamine.yaml")
    return try #require(GraphLoader.load(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path).graph)
}

/// `pharmgraph stats FILE --format json`'s `edges_by_sign`.
private func signCounts(_ path: String) throws -> [String: Int] {
    let stats = try Binary.run(["stats", path, "--format", "json"])
    #expect(stats.status == 0, "\(stats.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
    return try #require(json["edges_by_sign"] as? [String: Int])
}

/// Real consumers read our Neo4j CSVs and bibliographies (Python packages pinned in Scripts/requirements-test.txt).
@Suite("Exchange consumers: Kuzu, bibtexparser, rispy")
struct ExchangeConsumerTests {
    @Test("the Neo4j CSVs load into Kuzu, and its Cypher counts of signed edges equal stats'")
    func kuzu() throws {
        let graph = try ketamine()
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in Neo4jExport.write(graph) {
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: directory + "/" + file.name))
        }
        let python = try TestPython.interpreter(importing: ["kuzu"])
        let loaded = try Program.run(python, [Repository.path("Scripts/neo4j-to-kuzu"), directory])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(loaded.stdout.utf8)) as? [String: Any])
        let sign = try #require(json["sign"] as? [String: Int])
        let ours = try signCounts(Repository.path("Graphs/ketamine.yaml"))
        #expect(sign["1"] == ours["positive"] && sign["-1"] == ours["negative"] && sign["0"] == ours["unknown"] && sign["null"] == ours["none"])
        #expect(sign["1"]! > 0 && sign["-1"]! > 0 && sign["0"]! > 0)
        #expect(json["nodes"] as? Int == graph.nodes.count)
        #expect(json["relationships"] as? Int == graph.edges.count)
        #expect(json["refs"] as? Int == graph.edges.reduce(0) { $0 + $1.refs.count })
    }

    @Test("bibtexparser and rispy read back every reference, with its DOI")
    func bibliographies() throws {
        let graph = try ketamine()
        let script = """
            import sys, bibtexparser, rispy
            bib = bibtexparser.parse_string(open(sys.argv[1], encoding="utf-8").read())
            ris = rispy.loads(open(sys.argv[2], encoding="utf-8").read())
            print(len(bib.entries), len(bib.failed_blocks), sum(1 for e in bib.entries if "doi" in e.fields_dict),
                  len(ris), sum(1 for e in ris if "doi" in e), sum(len(e.get("authors", [])) for e in ris))
            """
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bib = directory + "/refs.bib"
        let ris = directory + "/refs.ris"
        try Data(CitationExport.write(graph, style: .bibtex).utf8).write(to: URL(fileURLWithPath: bib))
        try Data(CitationExport.write(graph, style: .ris).utf8).write(to: URL(fileURLWithPath: ris))
        let result = try TestPython.run(script, [bib, ris], importing: ["bibtexparser", "rispy"])
        #expect(result.status == 0, "\(result.stderr)")
        let withDOI = graph.references.filter { $0.doi != nil }.count
        let authors = graph.references.compactMap { CitationExport.parts(of: $0.citation)?.authors.count }.reduce(0, +)
        #expect(result.stdout == "\(graph.references.count) 0 \(withDOI) \(graph.references.count) \(withDOI) \(authors)\n")
        #expect(graph.references.count > 20 && authors > 50)
    }
}
