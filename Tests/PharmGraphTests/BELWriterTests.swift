import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// A signed causal edge as the BEL round trip keeps it: ends, sign, directness and correlation.
private struct SignedEdge: Hashable, CustomStringConvertible {
    let from: String
    let sign: Sign
    let to: String
    let direct: Bool
    let correlational: Bool

    init(_ edge: Edge) {
        from = edge.from
        sign = edge.sign
        to = edge.to
        direct = edge.direct == true && !edge.correlational
        correlational = edge.correlational
    }

    var description: String { "\(from) \(sign.symbol)\(direct ? " direct" : "")\(correlational ? " corr" : "") \(to)" }
}

/// The graph in a repository file, loaded without errors.
private func readGraph(_ relative: String) throws -> Graph {
    let path = Repository.path(relative)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let result = relative.hasSuffix(".bel") ? BELReader.load(data: data, path: path) : GraphLoader.load(data: data, path: path)
    return try #require(result.graph, "\(result.diagnostics.map(\.headline))")
}

@Suite("BEL writer")
struct BELWriterTests {
    @Test("ketamine.yaml: the signed causal edges round-trip through our BEL writer and reader")
    func roundTripCurated() throws {
        let graph = try readGraph("Graphs/ketamine.yaml")
        let output = BELWriter.output(graph)
        let signed = graph.edges.filter { $0.sign.isDefinite }
        #expect(output.edges == signed.count)
        #expect(output.unsigned == graph.edges.count - signed.count)
        #expect(output.statements == signed.map { max(1, $0.refs.count) }.reduce(0, +))
        let read = BELReader.load(text: output.text, path: "ketamine.bel")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.prefix(5).map(\.headline))")
        let back = try #require(read.graph)
        #expect(back.edges.count == output.statements)
        #expect(Set(back.edges.map(SignedEdge.init)) == Set(signed.map(SignedEdge.init)))
        #expect(Set(back.nodes.map(\.id)).isSubset(of: Set(graph.nodes.map(\.id))))
        // Every reference that has a PubMed id, DOI or URL comes back with it.
        let dois = Set(graph.references.compactMap(\.doi))
        #expect(Set(back.references.compactMap(\.doi)).isSubset(of: dois))
        #expect(!back.references.isEmpty)
        // Contexts come back as annotations (keys with '-' as '_').
        let contexts = Set(signed.flatMap { $0.context.keys }.map(BELWriter.annotationName))
        #expect(Set(back.edges.flatMap { $0.context.keys }) == contexts)
    }

    @Test("a graph read from BEL is written with its own terms and reads back with the same signed edges")
    func roundTripBEL() throws {
        let graph = try readGraph("Tests/PharmGraphTests/Fixtures/bel/valid.bel")
        let output = BELWriter.output(graph)
        #expect(output.text.contains("DEFINE NAMESPACE HGNC AS PATTERN \".*\"\n"))
        #expect(output.text.contains("DEFINE ANNOTATION Species AS PATTERN \".*\"\n"))
        #expect(output.text.contains("\na(CHEBI:\"drug x\") directlyDecreases p(HGNC:AKT1)\n"))
        #expect(output.text.contains("SET Citation = {\"PubMed\", \"12345\"}\n"))
        #expect(output.text.contains("SET Citation = {\"DOI\", \"10.1000/xyz\"}\n"))
        #expect(output.text.contains("# Not written: 2 edges without a definite sign (modulates 1, no_effect 1).\n"))
        #expect(output.statements == 7)
        let back = try #require(BELReader.load(text: output.text, path: "back.bel").graph)
        #expect(Set(back.edges.map(SignedEdge.init)) == Set(graph.edges.filter { $0.sign.isDefinite }.map(SignedEdge.init)))
        #expect(back.edges.map(\.context) == graph.edges.filter { $0.sign.isDefinite }.map(\.context))
        #expect(back.edges.map(\.evidence) == graph.edges.filter { $0.sign.isDefinite }.map(\.evidence))
    }

    @Test("names, evidence and annotation keys are escaped; node ids that are not BEL terms use the PG namespace")
    func escaping() throws {
        let graph = Graph(
            id: "g", title: "T \"q\"", version: "",
            nodes: [Node(id: "drug-a", kind: .drug), Node(id: "nmda-receptor", kind: .receptor), Node(id: "p(HGNC:X", kind: .protein)],
            edges: [
                Edge(from: "drug-a", relation: .inhibits, to: "nmda-receptor", evidence: "a \"quote\"\nand \\ slash", context: ["induced-by": "x"]),
                Edge(from: "drug-a", relation: .activates, to: "p(HGNC:X"),
            ])
        let text = BELWriter.write(graph)
        #expect(text.contains("SET DOCUMENT Name = \"T \\\"q\\\"\"\n"))
        #expect(text.contains("SET DOCUMENT Version = \"1.0.0\"\n"))
        #expect(text.contains("DEFINE ANNOTATION induced_by AS PATTERN \".*\"\n"))
        #expect(
            text.contains("SET Evidence = \"a \\\"quote\\\" and \\\\ slash\"\nSET induced_by = \"x\"\na(PG:\"drug-a\") decreases p(PG:\"nmda-receptor\")\n"))
        #expect(text.contains("SET Citation = {\"Other\", \"pharmgraph:g\"}\n"))
        #expect(text.contains("a(PG:\"drug-a\") increases p(PG:\"p(HGNC:X\")\n"))
        let back = try #require(BELReader.load(text: text, path: "g.bel").graph)
        #expect(back.edges.map(\.to) == ["nmda-receptor", "p(HGNC:X"])
        #expect(back.edges.first?.evidence == "a \"quote\" and \\ slash")
    }
}

@Suite(
    "BEL output parses with PyBEL (0.15.5, offline)",
    .enabled(if: ProcessInfo.processInfo.environment["PHARMGRAPH_SKIP_PYTHON"] == nil, "PHARMGRAPH_SKIP_PYTHON is set"))
struct BELPyBELTests {
    /// Parses a BEL file with PyBEL (its log on stderr), with every proxy pointing at a closed port so that no download can succeed,
    /// and prints its causal edge count, node count and warnings.
    static let script = """
        import json, os, sys
        for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
            os.environ[k] = "http://127.0.0.1:9"
        os.environ["PYSTOW_HOME"] = sys.argv[2]
        import pybel
        graph = pybel.from_bel_script(sys.argv[1])
        directed = {"increases", "decreases", "directlyIncreases", "directlyDecreases"}
        correlations = {"positiveCorrelation", "negativeCorrelation"}
        relations = [d["relation"] for _, _, d in graph.edges(data=True)]
        # PyBEL stores a correlation (undirected) in both directions.
        causal = sum(r in directed for r in relations) + sum(r in correlations for r in relations) // 2
        print(json.dumps({"causal": causal, "nodes": graph.number_of_nodes(),
                          "warnings": [str(w[2]) for w in graph.warnings][:5], "warning_count": len(graph.warnings)}))
        """

    @Test("ketamine.yaml and a BEL fixture: PyBEL reads every statement we write, with no warning")
    func pybel() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for source in ["Graphs/ketamine.yaml", "Tests/PharmGraphTests/Fixtures/bel/valid.bel"] {
            let graph = try readGraph(source)
            let output = BELWriter.output(graph)
            let file = directory + "/out.bel"
            try output.text.write(toFile: file, atomically: true, encoding: .utf8)
            let run = try TestPython.run(Self.script, [file, directory + "/pystow"], importing: ["pybel"])
            try #require(run.status == 0, "\(source): \(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect(json["warning_count"] as? Int == 0, "\(source): \(json["warnings"] ?? "")")
            #expect(json["causal"] as? Int == output.statements, "\(source)")
        }
    }
}
