import Foundation
import PharmGraphTestSupport
import Testing

/// `export` and `convert` through the binary: round trips that `diff` finds equal, the output rules,
/// and real consumers (networkx, ndex2) reading what we write.
@Suite struct ExchangeEndToEndTests {
    static let graphs = ["Graphs/ketamine.yaml", "Graphs/ketamine-overview.yaml"]

    /// YAML → FORMAT → YAML: `pharmgraph diff` exits 0 against the original.
    @Test(arguments: graphs, ["graphml", "cyjs"])
    func roundTripDiffsClean(_ graph: String, _ format: String) throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = Repository.path(graph)
        let exported = folder + "/g." + format
        let back = folder + "/back.yaml"
        let first = try Binary.run(["convert", original, exported])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try Binary.run(["convert", exported, back])
        #expect(second.status == 0, "\(second.stderr)")
        let diff = try Binary.run(["diff", original, back])
        #expect(diff.status == 0, "\(diff.stdout)")
        // `diff` reads the exported file itself through the one loader as well.
        #expect(try Binary.run(["diff", original, exported]).status == 0)
    }

    /// An imported network → FORMAT → back: read as the network it was (ids, labels, contexts, references kept).
    @Test(arguments: ["graphml", "cyjs"])
    func importedNetworkRoundTrip(_ format: String) throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let table = folder + "/n.tsv"
        try "source\tinteraction\ttarget\tPMID\tdose\nNCBIGene:1\tactivates\tMESH:D1\t12345\thigh\nNCBIGene:2\tCbG\tNCBIGene:1\t\t\n"
            .write(toFile: table, atomically: true, encoding: .utf8)
        let exported = folder + "/n." + format
        let convert = try Binary.run(["convert", table, exported, "--context-column", "dose"])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(try String(contentsOfFile: exported, encoding: .utf8).contains("PMID:12345"))
        let stats = try Binary.run(["stats", exported])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.hasPrefix("n.\(format) (network, \(format))") || stats.stdout.contains("(network, \(format))"), "\(stats.stdout)")
        let diff = try Binary.run(["diff", table, exported, "--context-column", "dose"])
        #expect(diff.status == 0, "\(diff.stdout)")
        // The imported label comes back as the edge's label, the context as a filterable context.
        let paths = try Binary.run(["paths", exported, "NCBIGene:1", "MESH:D1", "--where", "dose=high"])
        #expect(paths.status == 0 && paths.stdout.contains("positive"), "\(paths.stdout)\(paths.stderr)")
        let label = try Binary.run(["paths", exported, "NCBIGene:2", "NCBIGene:1"])
        #expect(label.stdout.contains("CbG"), "\(label.stdout)")
    }

    @Test func sifWritesThreeFilesIntoADirectory() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", folder + "/tables", "--format", "sif"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/tables").sorted() == ["edges.tsv", "network.sif", "nodes.tsv"])
        let sif = try String(contentsOfFile: folder + "/tables/network.sif", encoding: .utf8)
        #expect(sif.split(separator: "\n").count == 228)
        // A directory that is not empty is refused, and left as it was.
        let again = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", folder + "/tables", "--format", "sif"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is not empty"))
    }

    @Test func outputFormatMustBeKnown() throws {
        let unknown = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", "out.txt"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("cannot tell the format of 'out.txt' from its extension; use --format"))
        let stream = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", "-", "--format", "sif"])
        #expect(stream.status == 64)
        #expect(stream.stderr.contains("--format sif writes several files: give a directory, not -"))
    }

    @Test func aGraphWithErrorsIsNotWritten() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = Repository.path("Tests/PharmGraphTests/Fixtures/exchange/unknown-relation.graphml")
        let result = try Binary.run(["convert", bad, folder + "/out.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown-relation.graphml:43:22: error: unknown relation 'activate'"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.yaml"))
    }

    @Test func mermaidToStdout() throws {
        let result = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", "-", "--format", "mermaid"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("    n") && ($0.contains("--") || $0.contains("-.-")) }.count == 228)
        #expect(lines.filter { $0.hasPrefix("    linkStyle ") }.count == 228)
        #expect(lines.contains { $0.contains("--x|\"inhibits") })
    }

    /// Exports `graph` as `format` into a temporary folder; the path.
    static func export(_ format: String, _ folder: String) throws -> String {
        let path = folder + "/ketamine." + format
        let result = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test func networkxReadsGraphMLWithTypes() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
            import sys, networkx as nx
            g = nx.read_graphml(sys.argv[1])
            types = {}
            for _, _, d in g.edges(data=True):
                for k, v in d.items(): types.setdefault(k, set()).add(type(v).__name__)
            signs = sorted({d["sign"] for _, _, d in g.edges(data=True) if "sign" in d})
            print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())
            print(sorted(types["sign"]), sorted(types["direct"]), sorted(types["relation"]), type(g.graph["format"]).__name__)
            print(signs, sum(1 for _, _, d in g.edges(data=True) if d.get("direct") is True), g.graph["id"])
            """
        let result = try TestPython.run(script, [try Self.export("graphml", folder)], importing: ["networkx"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "MultiDiGraph 117 228")
        #expect(lines.dropFirst().first == "['int'] ['bool'] ['str'] int")
        #expect(lines.last?.hasPrefix("[-1, 0, 1] ") == true)
        #expect(lines.last?.hasSuffix(" ketamine") == true)
    }

    @Test func networkxReadsCytoscapeJSON() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
            import sys, json, networkx as nx
            g = nx.cytoscape_graph(json.load(open(sys.argv[1])))
            print(type(g).__name__, g.number_of_nodes(), g.number_of_edges(), g.graph["title"])
            print(sum(1 for _, _, d in g.edges(data=True) if d["relation"] == "inhibits"), g.nodes["ketamine"]["kind"])
            """
        let result = try TestPython.run(script, [try Self.export("cyjs", folder)], importing: ["networkx"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "MultiDiGraph 117 228 Ketamine mechanisms of action")
        let inhibits = try #require(try GraphCounts.ketamine(relation: "inhibits"))
        #expect(lines.last == "\(inhibits) drug")
    }

    @Test func ndex2ReadsCX2() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
            import sys, json
            from ndex2.cx2 import CX2Network
            n = CX2Network()
            n.create_from_raw_cx2(json.load(open(sys.argv[1])))
            edges = n.get_edges()
            print(len(n.get_nodes()), len(edges), n.get_network_attributes()["name"])
            print(sum(1 for e in edges.values() if e["v"].get("interaction") == "inhibits"))
            print(sorted({type(e["v"]["refs"]).__name__ for e in edges.values() if "refs" in e["v"]}))
            """
        let result = try TestPython.run(script, [try Self.export("cx2", folder)], importing: ["ndex2"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "117 228 Ketamine mechanisms of action")
        let inhibits = try #require(try GraphCounts.ketamine(relation: "inhibits"))
        #expect(lines.dropFirst().first == "\(inhibits)")
        #expect(lines.last == "['list']")
    }
}

/// Counts read from Graphs/ketamine.yaml by the binary itself, to compare consumers against.
enum GraphCounts {
    /// The number of `relation` edges in Graphs/ketamine.yaml, counted in its canonical YAML (one edge a line).
    static func ketamine(relation: String) throws -> Int? {
        let result = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", "-", "--format", "yaml"])
        guard result.status == 0 else { return nil }
        return result.stdout.components(separatedBy: "relation: \(relation),").count - 1
    }
}
