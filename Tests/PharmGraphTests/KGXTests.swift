import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func fixture(_ name: String) -> String { Repository.path("Tests/PharmGraphTests/Fixtures/kgx/\(name)") }

/// One KGX file per diagnostic: the edges file (and the nodes file it is read with), the one error or warning at the place worked out by hand.
struct KGXCase: CustomTestStringConvertible, Sendable {
    let edges: String
    var nodes = "errors/nodes.tsv"
    /// The file the error is in: the edges file, else the nodes file.
    var inNodes = false
    let line: Int
    let column: Int
    let message: String

    var testDescription: String { inNodes ? nodes : edges }
}

let kgxErrorCases: [KGXCase] = [
    .init(edges: "errors/wrong-columns_edges.tsv", line: 3, column: 1, message: "expected 6 columns as in the header, found 3"),
    .init(edges: "errors/empty-subject_edges.tsv", line: 3, column: 1, message: "empty subject field"),
    .init(edges: "errors/empty-predicate_edges.tsv", line: 3, column: 13, message: "empty predicate field"),
    .init(edges: "errors/empty-object_edges.tsv", line: 3, column: 28, message: "empty object field"),
    .init(edges: "errors/unknown-node_edges.tsv", line: 3, column: 28, message: "unknown node 'NCBIGene:9999': not in the nodes file 'NODES'"),
    .init(
        edges: "errors/bad-direction_edges.tsv", line: 3, column: 42,
        message: "unknown object_direction_qualifier 'increasing': expected increased, upregulated, decreased or downregulated"),
    .init(edges: "errors/bad-negated_edges.tsv", line: 3, column: 43, message: "'negated' is 'maybe': expected true, false or empty"),
    .init(edges: "errors/bad-pmid_edges.tsv", line: 3, column: 44, message: "'PMID:12a45' is not a PubMed id (PMID:digits)"),
    .init(
        edges: "errors/qualifier-on-binding_edges.tsv", line: 3, column: 61,
        message: "a direction qualifier on 'biolink:physically_interacts_with', a physical predicate with no causal sign"),
    .init(
        edges: "errors/no-subject_edges.tsv", line: 1, column: 1,
        message: "no 'subject' column: a KGX edges file has subject, predicate and object (found 'source', 'predicate', 'object')"),
    .init(edges: "errors/not-utf8_edges.tsv", line: 3, column: 59, message: "file is not valid UTF-8: unexpected byte 0xE9"),
    .init(edges: "errors/empty_edges.tsv", line: 1, column: 1, message: "file is empty; expected a KGX edges header (subject, predicate, object, …)"),
    .init(
        edges: "errors/nodes.tsv", line: 1, column: 1,
        message: "this is a KGX nodes file (id, category); give its edges file (…_edges.tsv), or name this one with --nodes"),
    .init(
        edges: "errors/edges.tsv", nodes: "errors/duplicate-node_nodes.tsv", inNodes: true, line: 5, column: 1,
        message: "duplicate node id 'NCBIGene:5743'; first at line 4"),
    .init(edges: "errors/edges.tsv", nodes: "errors/empty-id_nodes.tsv", inNodes: true, line: 4, column: 1, message: "empty node id"),
    .init(
        edges: "errors/edges.tsv", nodes: "errors/short-row_nodes.tsv", inNodes: true, line: 6, column: 1,
        message: "expected 3 columns as in the header, found 2"),
    .init(
        edges: "errors/edges.tsv", nodes: "errors/no-id_nodes.tsv", inNodes: true, line: 1, column: 1,
        message: "no 'id' column: a KGX nodes file has id, category and name (found 'curie', 'category', 'name')"),
]

let kgxWarningCases: [KGXCase] = [
    .init(edges: "warnings/negated_edges.tsv", line: 4, column: 57, message: "1 edge is negated (the first here): kept as 'no_effect', never walked"),
    .init(
        edges: "warnings/unknown-predicate_edges.tsv", line: 4, column: 13,
        message:
            "predicate 'biolink:related_to' is not in the Biolink predicate table (2 edges, the first here): its edges have unknown sign; map it with --relation-map 'biolink:related_to=RELATION'"
    ),
    .init(
        edges: "warnings/unread-columns_edges.tsv", line: 1, column: 1,
        message: "columns 'id', 'knowledge_level' are not read: name one with --context-column to filter on it (docs/formats.md, \"KGX\")"),
    .init(
        edges: "warnings/duplicate-row_edges.tsv", line: 4, column: 1,
        message:
            "1 row repeats an earlier row's subject, predicate, object and knowledge sources (the first here) and is kept as separate edges; --merge-duplicates merges them"
    ),
    .init(
        edges: "errors/edges.tsv", nodes: "warnings/unknown-category_nodes.tsv", inNodes: true, line: 6, column: 12,
        message: "category 'biolink:Vitamin' is not in the Biolink category table (1 node, the first here): kind 'vitamin'"),
    .init(
        edges: "errors/edges.tsv", nodes: "warnings/no-category_nodes.tsv", inNodes: true, line: 6, column: 12,
        message: "1 node has no category (the first here): kind 'node'"),
    .init(
        edges: "errors/edges.tsv", nodes: "warnings/unread-columns_nodes.tsv", inNodes: true, line: 1, column: 18,
        message: "columns 'description', 'provided_by' of the nodes file are not read"),
]

@Suite("Biolink KGX TSV")
struct KGXTests {
    /// Each edge as `subject relation-sign object` (endpoints as walked), with its label.
    private func edges(_ network: Network) -> [String] {
        (0..<network.edgeCount).map { e in
            let label = network.label(of: Int32(e))
            let relation = label.relation?.rawValue ?? "unmapped"
            return "\(network.nodeIDs[Int(network.edgeSources[e])]) \(relation)(\(label.sign.symbol)) \(network.nodeIDs[Int(network.edgeTargets[e])])"
        }
    }

    @Test("a malformed file gives one positioned error and no network", arguments: kgxErrorCases)
    func malformed(_ c: KGXCase) throws {
        var options = InputLoader.Options(format: .kgx, nodeTable: fixture(c.nodes))
        options.hashesContent = false
        let input = InputLoader.load(fixture(c.edges), options: options)
        #expect(input.network == nil)
        let errors = input.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(input.diagnostics.map(\.headline))")
        let diagnostic = try #require(errors.first)
        #expect(diagnostic.file == fixture(c.inNodes ? c.nodes : c.edges))
        #expect(diagnostic.line == c.line && diagnostic.column == c.column, "\(diagnostic.headline)")
        #expect(diagnostic.message == c.message.replacingOccurrences(of: "NODES", with: fixture(c.nodes)))
    }

    @Test("a file with one questionable thing loads, with that one warning", arguments: kgxWarningCases)
    func warning(_ c: KGXCase) throws {
        let input = InputLoader.load(fixture(c.edges), options: InputLoader.Options(format: .kgx, nodeTable: fixture(c.nodes)))
        #expect(input.network != nil, "\(input.diagnostics.map(\.headline))")
        #expect(input.diagnostics.count == 1, "\(input.diagnostics.map(\.headline))")
        let diagnostic = try #require(input.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.file == fixture(c.inNodes ? c.nodes : c.edges))
        #expect(diagnostic.line == c.line && diagnostic.column == c.column, "\(diagnostic.headline)")
        #expect(diagnostic.message == c.message)
    }

    @Test("the mechanism: told by its header, its nodes file beside it, signs from predicates and qualifiers, every edge kept")
    func mechanism() throws {
        let input = InputLoader.load(fixture("mechanism_edges.tsv"))
        #expect(input.format == .kgx)
        let network = try #require(input.network, "\(input.diagnostics.map(\.headline))")
        #expect(input.provenance.count == 2)
        #expect(
            edges(network) == [
                "CHEBI:15365 inhibits(-) NCBIGene:5742",  // affects / causes, object decreased activity
                "CHEBI:15365 inhibits(-) NCBIGene:5743",
                "NCBIGene:5743 upregulates(+) CHEBI:15551",  // causes, object increased abundance
                "CHEBI:15551 activates(+) GO:0006954",  // positively_regulates
                "GO:0006954 activates(+) HP:0012531",  // caused_by: turned around
                "NCBIGene:5742 inhibits(-) HP:0002239",  // subject decreased activity causes object increased
                "CHEBI:15365 no_effect(0) NCBIGene:5743",  // negated
                "CHEBI:15365 unmapped(?) MONDO:0005178",  // related_to: not in the table
                "CHEBI:15365 binds(?) NCBIGene:5742",  // physically_interacts_with
                "MONDO:0005178 activates(+) HP:0012531",  // has_phenotype
            ])
        #expect(network.label(of: 6).traversable == false)
        #expect(network.label(of: 0).name == "biolink:causes [object decreased activity]")
        #expect(network.label(of: 4).name == "biolink:caused_by (turned around)")
        #expect(network.label(of: 5).name == "biolink:causes [subject decreased activity; object increased]")
        #expect(network.refs(of: 0) == ["PMID:5284360", "PMID:1103227"])
        #expect(network.refs(of: 3) == ["PMID:21508345", "doi:10.1161/ATVBAHA.110.207449"])
        #expect(network.context(of: 0) == ["primary_knowledge_source": "infores:ctd", "aggregator_knowledge_source": "infores:monarchinitiative"])
        #expect(network.context(of: 3) == ["primary_knowledge_source": "infores:semmeddb"])
        let aspirin = try #require(network.node("CHEBI:15365"))
        #expect(network.kind(of: aspirin) == "molecule")
        #expect(network.nodeNames[Int(aspirin)] == "aspirin")
        #expect(network.kind(of: try #require(network.node("NCBIGene:5742"))) == "gene")
        #expect(network.kind(of: try #require(network.node("HP:0012531"))) == "phenotype")
        let warnings = input.diagnostics.map(\.message)
        #expect(warnings.count == 4, "\(warnings)")
        #expect(input.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("statements: the predicate table, qualified predicates, direction and aspect qualifiers, negation")
    func statements() {
        typealias Columns = KGXStatement.Columns
        func read(_ predicate: String, qualified: String = "", object: String = "", aspect: String = "", subject: String = "", negated: Bool = false)
            -> KGXStatement
        {
            var columns = Columns(predicate: predicate)
            columns.qualifiedPredicate = qualified
            columns.objectDirection = KGXStatement.Direction(object)
            columns.objectDirectionText = object
            columns.objectAspect = aspect
            columns.subjectDirection = KGXStatement.Direction(subject)
            columns.subjectDirectionText = subject
            columns.negated = negated
            return KGXStatement(columns)
        }
        #expect(KGXStatement.key("biolink:decreases_activity_of") == "decreases activity of")
        #expect(read("biolink:positively_regulates").relation == .activates)
        #expect(read("biolink:negatively_regulates").relation == .inhibits)
        #expect(read("biolink:disrupted_by").relation == .inhibits && read("biolink:disrupted_by").isInverse)
        #expect(read("biolink:affects").relation == nil && !read("biolink:affects").isKnown)
        #expect(read("biolink:affects", qualified: "biolink:causes", object: "increased", aspect: "activity").relation == .activates)
        #expect(read("biolink:affects", qualified: "biolink:causes", object: "downregulated", aspect: "expression").relation == .downregulates)
        #expect(read("biolink:affects", qualified: "biolink:causes", object: "increased", aspect: "degradation").relation == .downregulates)
        #expect(read("biolink:regulates", object: "upregulated").relation == .activates)
        #expect(read("biolink:affects", object: "decreased").relation == .inhibits)
        #expect(read("biolink:causes", object: "increased", subject: "decreased").relation == .inhibits)
        #expect(read("biolink:causes", subject: "decreased").relation == .inhibits)
        #expect(read("biolink:causes", object: "decreased", subject: "decreased").relation == .activates)
        #expect(read("biolink:positively_regulates", negated: true).relation == .noEffect)
        #expect(read("biolink:positively_regulates", negated: true).name == "NOT biolink:positively_regulates")
        // A qualified predicate the table lacks falls back to the predicate.
        #expect(read("biolink:negatively_regulates", qualified: "biolink:frobnicates").relation == .inhibits)
    }

    @Test("format detection: KGX by its header under .tsv, .txt and no name; a plain table stays TSV; column options keep TSV")
    func detection() throws {
        let edges = Data("subject\tpredicate\tobject\nA\tbiolink:causes\tB\n".utf8)
        let nodes = Data("id\tcategory\tname\nA\tbiolink:Gene\tA\n".utf8)
        let table = Data("source\ttarget\trelation\nA\tB\tactivates\n".utf8)
        #expect(NetworkInput.format(of: "x_edges.tsv", data: edges) == .kgx)
        #expect(NetworkInput.format(of: "x_edges.tsv.gz", data: edges) == .kgx)
        #expect(NetworkInput.format(of: "x.txt", data: edges) == .kgx)
        #expect(NetworkInput.format(of: "-", data: edges) == .kgx)
        #expect(NetworkInput.format(of: "x_nodes.tsv", data: nodes) == .kgx)
        #expect(NetworkInput.format(of: "x.tsv", data: table) == .tsv)
        var options = InputLoader.Options(sourceColumn: "subject", targetColumn: "object", relationColumn: "predicate")
        options.hashesContent = false
        let input = InputLoader.load(data: edges, name: "x_edges.tsv", formatName: "x_edges.tsv", options: options)
        #expect(input.format == .tsv)
        #expect(input.network?.edgeCount == 1)
    }

    @Test("the nodes file beside an edges file, by name")
    func nodesFileNames() {
        #expect(KGXImporter.nodesFileCandidates(besides: "dir/kg_edges.tsv") == ["dir/kg_nodes.tsv", "dir/kg_nodes.tsv.gz", "dir/kg_nodes.tsv.xz"])
        #expect(KGXImporter.nodesFileCandidates(besides: "edges.tsv.gz") == ["nodes.tsv.gz", "nodes.tsv"])
        #expect(KGXImporter.nodesFileCandidates(besides: "a_edges/b.edges.tsv") == ["a_edges/b.nodes.tsv", "a_edges/b.nodes.tsv.gz", "a_edges/b.nodes.tsv.xz"])
        #expect(KGXImporter.nodesFileCandidates(besides: "graph.tsv").isEmpty)
    }

    @Test("options for TSV tables are refused for KGX; --context-column reads another column; --relation-map maps an unknown predicate")
    func options() throws {
        var options = InputLoader.Options(format: .kgx, nodeTable: fixture("errors/nodes.tsv"))
        options.delimiter = UInt8(ascii: ",")
        let refused = InputLoader.load(fixture("errors/edges.tsv"), options: options)
        #expect(refused.network == nil)
        #expect(refused.diagnostics.first?.message.hasPrefix("the delimiter option applies to a TSV or CSV table; a KGX edges file") == true)
        let context = InputLoader.load(
            fixture("warnings/unread-columns_edges.tsv"),
            options: InputLoader.Options(format: .kgx, nodeTable: fixture("errors/nodes.tsv"), contextColumns: ["knowledge_level"]))
        let network = try #require(context.network)
        #expect(network.context(of: 0) == ["knowledge_level": "knowledge_assertion"])
        #expect(context.diagnostics.map(\.message) == ["column 'id' is not read: name one with --context-column to filter on it (docs/formats.md, \"KGX\")"])
        let mapped = InputLoader.load(
            fixture("warnings/unknown-predicate_edges.tsv"),
            options: InputLoader.Options(format: .kgx, nodeTable: fixture("errors/nodes.tsv"), relationMap: ["biolink:related_to": .modulates]))
        #expect(mapped.diagnostics.isEmpty, "\(mapped.diagnostics.map(\.headline))")
        #expect(try #require(mapped.network).label(of: 2).relation == .modulates)
    }

    @Test("without a nodes file: a warning, nodes named by their ids")
    func noNodesFile() throws {
        let input = InputLoader.load(fixture("errors/edges.tsv"))
        #expect(input.network != nil)
        #expect(input.diagnostics.isEmpty, "beside errors/edges.tsv is errors/nodes.tsv: \(input.diagnostics.map(\.headline))")
        let stdin = InputLoader.load(
            data: try Data(contentsOf: URL(fileURLWithPath: fixture("errors/edges.tsv"))), name: "-", formatName: "-", options: InputLoader.Options())
        #expect(stdin.format == .kgx)
        #expect(stdin.diagnostics.map(\.message).first?.hasPrefix("no KGX nodes file read") == true)
        #expect(stdin.network?.kind(of: 0) == "node")
    }
}
