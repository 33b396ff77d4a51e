import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func fixture(_ name: String) -> String { Repository.path("Tests/PharmGraphTests/Fixtures/drugmechdb/\(name)") }

/// One malformed record per diagnostic: exactly one error, at the place worked out by hand.
let drugMechDBErrorCases: [FixtureCase] = [
    .init(file: "not-a-record", line: 1, column: 1, message: "expected a DrugMechDB record (a mapping) or a list of records, found text"),
    .init(file: "missing-links", line: 1, column: 1, message: "DrugMechDB record is missing required field 'links'"),
    .init(file: "unknown-predicate", line: 13, column: 10, message: "unknown predicate 'positivly regulates'; did you mean 'positively regulates'?"),
    .init(file: "unknown-category", line: 34, column: 12, message: "unknown Biolink category 'Protien'; did you mean 'Protein'?"),
    .init(
        file: "dangling-link", line: 15, column: 13,
        message: "link names 'GO:0000009', which is not a node of record 'DB00001_MESH_D000001_1'; did you mean 'GO:0000001'?"),
    .init(
        file: "drug-not-node", line: 3, column: 8, message: "record 'DB00001_MESH_D000001_1': its drug ('MESH:C000009' or 'DB:DB00009') is not among its nodes"),
    .init(file: "disease-not-node", line: 5, column: 17, message: "record 'DB00001_MESH_D000001_1': its disease 'MESH:D000009' is not among its nodes"),
    .init(
        file: "duplicate-node", line: 42, column: 9,
        message: "duplicate node id 'GO:0000001' in record 'DB00001_MESH_D000001_1'; first defined at line 36, column 9"),
    .init(file: "undirected", line: 1, column: 11, message: "an undirected record cannot be read as mechanism paths ('directed: false')"),
    .init(file: "unknown-field", line: 9, column: 1, message: "unknown field 'linkz' in DrugMechDB record; did you mean 'links'?"),
    .init(file: "nodes-not-list", line: 29, column: 8, message: "expected a list for 'nodes', found text"),
    .init(
        file: "yaml-syntax", line: 23, column: 11,
        message: "yaml syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 22, column 10)"),
    .init(file: "empty-list", line: 1, column: 1, message: "expected DrugMechDB records, found an empty list"),
    .init(file: "header-not-mapping", line: 2, column: 8, message: "expected record header 'graph' as a mapping, found text"),
    .init(
        file: "duplicate-record", line: 53, column: 10,
        message: "duplicate record id 'DB00001_MESH_D000001_1'; first defined at Tests/PharmGraphTests/Fixtures/drugmechdb/errors/duplicate-record.yaml:3:10"),
]

@Suite("DrugMechDB records")
struct DrugMechDBTests {
    private func load(_ name: String) -> LoadedInput {
        InputLoader.load(fixture(name))
    }

    @Test("a malformed record gives one positioned error and no graph", arguments: drugMechDBErrorCases)
    func malformed(_ c: FixtureCase) throws {
        let path = fixture("errors/\(c.file).yaml")
        let input = InputLoader.load(path, options: InputLoader.Options(format: .drugmechdb))
        #expect(input.graph == nil)
        #expect(input.diagnostics.count == 1, "\(input.diagnostics.map(\.headline))")
        let diagnostic = try #require(input.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.file == path)
        #expect(diagnostic.line == c.line && diagnostic.column == c.column, "\(diagnostic.headline)")
        #expect(diagnostic.message == c.message.replacingOccurrences(of: "Tests/PharmGraphTests", with: Repository.path("Tests/PharmGraphTests")))
    }

    @Test("a record file: Biolink kinds, inverse turned around, correlational marked, one claim, told by its content")
    func record() throws {
        let input = load("record.yaml")
        #expect(input.format == .drugmechdb)
        #expect(input.diagnostics.isEmpty, "\(input.diagnostics.map(\.headline))")
        let graph = try #require(input.graph)
        #expect(graph.node("MESH:C000001")?.kind == "drug")
        #expect(graph.node("NCBITaxon:9606")?.kind == "organism")
        #expect(graph.node("MESH:D000001")?.kind == "condition")
        #expect(graph.node("UniProt:P00001")?.xrefs == ["UniProt": "P00001"])
        #expect(graph.kinds.map(\.kind) == ["organism"])
        // `disease caused by GO:0000002` is the edge GO:0000002 activates the disease.
        let caused = try #require(graph.edges.first { $0.note?.contains("caused by") == true })
        #expect((caused.from, caused.relation, caused.to) == ("GO:0000002", .activates, "MESH:D000001"))
        #expect(caused.location?.line == 22)
        #expect(graph.node("MESH:D000001")?.synonyms == ["Disease of examples", "MESH:D000099"])
        #expect(graph.edges.filter(\.correlational).count == 1)
        #expect(graph.edges.first { $0.note?.contains("in taxon") == true }?.relation == .binds)
        #expect(graph.references.map(\.key) == ["pmid-12345678", "ref-2"])
        #expect(graph.edges.allSatisfy { $0.refs == ["pmid-12345678", "ref-2"] && $0.context == ["record": "DB00001_MESH_D000001_1"] })
        let claim = try #require(graph.claims.first)
        #expect((claim.from, claim.to, claim.expect) == ("MESH:C000001", "MESH:D000001", .negative))
        #expect(claim.location?.line == 3)
        // The claim holds: both paths are negative; the taxon link is not walked.
        let checked = CheckedFile(input)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.headline))")
    }

    @Test("a list of records: merged nodes, records apart by their context, each record's claim checked")
    func list() throws {
        let input = load("list.yaml")
        let graph = try #require(input.graph)
        #expect(graph.claims.count == 2)
        #expect(graph.nodes.count == 4)
        let engine = PathEngine(graph: graph)
        func counts(_ from: String, _ to: String, record: String? = nil) throws -> SignCounts {
            var query = PathQuery(sources: try NodeSelector.resolve(from, in: engine.network), targets: try NodeSelector.resolve(to, in: engine.network))
            if let record { query.traversal.filter = ContextFilter(["record": record]) }
            return try engine.paths(query, limit: 0).counts
        }
        // Merged, both records' GO:0000003 -> disease links count: two paths each.
        #expect(try counts("DB:DB00002", "MESH:D000002") == SignCounts(negative: 2))
        #expect(try counts("MESH:C000003", "MESH:D000002") == SignCounts(positive: 2))
        #expect(try counts("MESH:C000003", "MESH:D000002", record: "DB00003_MESH_D000002_1") == SignCounts(positive: 1))
        // Shared nodes, but the second record's path is not the first one's.
        #expect(try counts("DB:DB00002", "MESH:D000002", record: "DB00003_MESH_D000002_1") == SignCounts())
        // The second record's net sign is positive: its claim fails, at its `_id`.
        let errors = CheckedFile(input).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 30 && errors.first?.column == 10)
        #expect(errors.first?.message.hasPrefix("claim 'MESH:C000003' -> 'MESH:D000002' expects negative, but the paths give positive") == true)
    }

    @Test("a directory: record files by name, _index.yaml and other files not read; check's findings")
    func directory() throws {
        let input = load("corpus")
        #expect(input.format == .drugmechdb)
        let corpus = try #require(input.drugMechDB)
        #expect(corpus.records.map(\.id) == ["DB00010_MESH_D000010_1", "DB00011_MESH_D000011_1"])
        let a = fixture("corpus/a.yaml")
        let b = fixture("corpus/b.yaml")
        let found = DrugMechDBCheck.run(corpus).map {
            "\($0.file == a ? "a" : $0.file == b ? "b" : $0.file):\($0.line ?? 0):\($0.column ?? 0): \($0.message)"
        }
        #expect(found.count == 6)
        #expect(found.first?.hasPrefix("a:3:8: claim 'MESH:C000010' -> 'MESH:D000010' expects negative, but the paths give mixed") == true)
        #expect(
            Array(found.dropFirst()) == [
                "a:16:10: record 'DB00010_MESH_D000010_1' contradicts itself: 'UniProt:P00010' -> 'GO:0000010' is 'negatively regulates' (-) here but 'positively regulates' (+) at line 13, column 10",
                "a:22:10: link 'GO:0000010' causes 'MESH:D000010' is repeated in record 'DB00010_MESH_D000010_1' (first at line 19, column 10); each copy is a path of its own",
                "a:25:10: inverse predicate 'disrupted by' is written in path order ('UniProt:P00010' -> 'MESH:D000010' on the way from 'MESH:C000010' to 'MESH:D000010'); it is read turned around, 'MESH:D000010' -> 'UniProt:P00010', which breaks that path; if 'UniProt:P00010' acts on 'MESH:D000010', write 'disrupts'",
                "a:42:9: node 'GO:0000019' of record 'DB00010_MESH_D000010_1' is not reached from its drug 'MESH:C000010' by the record's links",
                "b:21:9: node 'UniProt:P00010' is a GeneFamily here but a Protein in record 'DB00010_MESH_D000010_1' (\(a):33:9); the graph keeps the first",
            ])
        // An identical node listed twice is read once, with a warning from the loader.
        #expect(
            input.diagnostics.map(\.message) == [
                "node 'GO:0000010' is listed twice in record 'DB00010_MESH_D000010_1' (first at line 36, column 9), the same both times; read once"
            ])
    }

    @Test("a record reached only through structural links: its claim's error says which links")
    func structuralOnly() throws {
        let input = InputLoader.load(fixture("structural-only.yaml"))
        let corpus = try #require(input.drugMechDB)
        let found = DrugMechDBCheck.run(corpus)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("but the paths give none") == true)
        #expect(
            found.first?.notes.last
                == "the drug reaches the disease only through links not walked by default: 'in taxon' (line 13); they are 'binds' edges, walked only when --relations names binds"
        )
    }

    @Test("every predicate of the real DrugMechDB records is in the table", .enabled(if: Repository.sharedData != nil))
    func realPredicates() throws {
        let records = try #require(Repository.sharedData) + "/drugmechdb/records"
        var predicates: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: records) where !name.hasPrefix("_") {
            let text = try String(contentsOfFile: records + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("  - key: ") {
                predicates.insert(String(line.dropFirst("  - key: ".count)))
            }
        }
        #expect(predicates.count == 67)
        #expect(predicates.filter { DrugMechDBPredicate.named($0) == nil }.sorted() == [])
        #expect(Set(DrugMechDBPredicate.all.map(\.name)) == predicates, "the table lists exactly the predicates the data uses")
    }

    @Test("the predicate table: each name once; inverses and correlations read as documented")
    func table() {
        let names = DrugMechDBPredicate.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(DrugMechDBPredicate.named("disrupted by") == DrugMechDBPredicate(name: "disrupted by", relation: .inhibits, reading: .inverse))
        #expect(DrugMechDBPredicate.named("negatively correlated with")?.reading == .correlational)
        #expect(DrugMechDBPredicate.named("negatively correlated with")?.relation.sign == .negative)
        for name in ["in taxon", "located in", "occurs in"] { #expect(DrugMechDBPredicate.named(name)?.relation == .binds) }
        #expect(DrugMechDBCheck.forward.keys.sorted() == DrugMechDBPredicate.all.filter(\.isInverse).map(\.name).sorted())
    }
}
