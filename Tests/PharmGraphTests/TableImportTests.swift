import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func table(_ name: String) -> String { Repository.path("Tests/PharmGraphTests/Fixtures/tables/\(name)") }

private func load(_ name: String, format: InputFormat? = nil, options: ImportOptions = ImportOptions()) throws -> NetworkLoadResult {
    let path = table(name)
    return NetworkInput.load(data: try InputFile.read(path), path: path, format: format, import: options)
}

/// `line:column: severity: message` of each diagnostic, the file name left out.
private func positioned(_ result: NetworkLoadResult) -> [String] {
    result.diagnostics.map { "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-"): \($0.severity.rawValue): \($0.message)" }
}

@Suite("Richer TSV/CSV import")
struct TableImportTests {
    @Test("evidence, direction, action and context columns; unread columns, unmapped labels and duplicates are warned about")
    func rich() throws {
        var options = ImportOptions(contextColumns: ["species"])
        let result = try load("rich.tsv", options: options)
        let network = try #require(result.network)
        #expect(
            positioned(result) == [
                "1:67: warning: column 'score' is not read: name it with --context-column to filter on it (docs/formats.md, \"Richer TSV/CSV\")",
                "6:21: warning: action 'pan-agonist' has no mapping to a sign (1 row): its rows keep their relation's sign, or unknown; actions: docs/graph-format.md",
                "-:-: warning: relation 'interacts' has no mapping: its edges have unknown sign; map it with --relation-map 'interacts=RELATION' or name a relation",
                "-:-: warning: relation 'correlates' has no mapping: its edges have unknown sign; map it with --relation-map 'correlates=RELATION' or name a relation",
                "3:1: warning: 1 row repeat an earlier row's source, relation, target, context and direction (the first here) and are kept as separate edges; --merge-duplicates merges them",
            ])
        #expect(network.edgeCount == 5)
        // The antagonist decides the sign of an unmapped relation.
        #expect(network.label(of: 0).name == "antagonist" && network.label(of: 0).sign == .negative)
        #expect(network.refs(of: 0) == ["PMID:29532791", "doi:10.1038/mp.2017.255"])
        #expect(network.refs(of: 1) == ["PMID:11111", "PMID:22222"])
        #expect(network.edgeEvidence[0] == "Ketamine blocks NMDA receptors.")
        // `<-` turns the row around; `both` is walked both ways.
        #expect(network.nodeIDs[Int(network.edgeSources[2])] == "nmdar" && network.nodeIDs[Int(network.edgeTargets[2])] == "bdnf")
        #expect(network.refs(of: 2) == ["doi:10.1000/xyz"])
        #expect(network.edgeBothWays == [false, false, false, true, false])
        #expect(network.context(of: 0) == ["species": "human"] && network.context(of: 3) == [:])
        #expect(network.label(of: 4).name == "interacts" && network.label(of: 4).sign == .unknown)

        options.mergeDuplicates = true
        let merged = try #require(try load("rich.tsv", options: options).network)
        #expect(merged.edgeCount == 4)
        #expect(merged.refs(of: 0) == ["PMID:29532791", "doi:10.1038/mp.2017.255", "PMID:11111", "PMID:22222"])
        #expect(merged.edgeEvidence[0] == "Ketamine blocks NMDA receptors.")
    }

    @Test("a delimiter option, CSV quoting kept, an action column without a relation column")
    func delimiter() throws {
        var options = ImportOptions()
        options.delimiter = UInt8(ascii: ";")
        let result = try load("semicolon.csv", options: options)
        let network = try #require(result.network)
        #expect(network.nodeIDs == ["a;b", "c", "d"])
        #expect(network.label(of: 0).relation == .inhibits && network.label(of: 1).relation == .activates)
        #expect(
            positioned(result) == [
                "1:22: warning: column 'note' is not read: name it with --context-column to filter on it (docs/formats.md, \"Richer TSV/CSV\")"
            ])
        // Read with commas, the same file has one column.
        #expect(try load("semicolon.csv").network == nil)
    }

    @Test(
        "every malformed row is an error at its line and column, one fixture each",
        arguments: [
            ("bad-direction.tsv", "2:15: error: unknown direction 'sideways': expected forward (->, empty), reverse (<-) or both (<->, undirected)"),
            ("bad-pmid.tsv", "2:15: error: 'PMID12x' is not a PubMed id (digits, optionally after 'PMID:')"),
            ("bad-doi.tsv", "2:15: error: '11.1000/x' is not a DOI (10.PREFIX/SUFFIX)"),
            ("action-contradicts.tsv", "2:15: error: action 'antagonist' is negative, but relation 'activates' is positive"),
            ("empty-action.tsv", "2:5: error: empty action field (the table has no relation column)"),
            ("too-many-fields.tsv", "2:1: error: expected 3 columns as in the header, found 4"),
            ("too-few-fields.tsv", "2:1: error: expected 3 columns as in the header, found 2"),
            ("unterminated-quote.csv", "2:3: error: unterminated quoted field: no closing '\"' on this line"),
            ("text-after-quote.csv", "2:14: error: unexpected text after the closing quote of a quoted field"),
        ])
    func errors(fixture: String, expected: String) throws {
        let result = try load(fixture)
        #expect(result.network == nil)
        #expect(positioned(result).filter { $0.contains("error") } == [expected])
    }

    @Test("a named direction column that the header lacks; table options given for SIF")
    func options() throws {
        var options = ImportOptions()
        options.directionColumn = "dir"
        let result = try load("missing-direction-column.tsv", options: options)
        #expect(result.network == nil)
        #expect(
            positioned(result).filter { $0.contains("error") } == [
                "1:1: error: no direction column 'dir' in the header (found 'source', 'relation', 'target', 'mode')"
            ])
        let sif = NetworkInput.load(data: Data("A\tactivates\tB\n".utf8), path: "x.sif", import: options)
        #expect(sif.diagnostics.map(\.message) == ["the direction column option applies to a TSV or CSV table; a SIF file has no header or rows of fields"])
    }
}
