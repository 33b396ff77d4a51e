import Foundation
import PharmGraphTestSupport
import Testing

/// Biolink KGX TSV through the binary: told by its header, the nodes file beside it, gzip, signs as `paths` reports them.
@Suite("KGX TSV, end to end")
struct KGXEndToEndTests {
    private let kgx = fixtures + "/kgx"

    /// Every edge of mechanism_edges.tsv that is walked, as the fixture states it (subject, object, the sign its
    /// predicate and qualifiers give, worked out by hand from docs/formats.md, "KGX").
    private let statedSigns: [(from: String, to: String, sign: String)] = [
        ("CHEBI:15365", "NCBIGene:5742", "-"),  // causes, object decreased activity
        ("CHEBI:15365", "NCBIGene:5743", "-"),
        ("NCBIGene:5743", "CHEBI:15551", "+"),  // causes, object increased abundance
        ("CHEBI:15551", "GO:0006954", "+"),  // positively_regulates
        ("GO:0006954", "HP:0012531", "+"),  // HP:0012531 caused_by GO:0006954, turned around
        ("NCBIGene:5742", "HP:0002239", "-"),  // subject decreased activity causes object increased
        ("MONDO:0005178", "HP:0012531", "+"),  // has_phenotype
    ]

    @Test("stats picks up the nodes file beside the edges file: Biolink categories as kinds")
    func stats() throws {
        let run = try Binary.run(["stats", kgx + "/mechanism_edges.tsv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix(kgx + "/mechanism_edges.tsv (network, kgx)"), "\(run.stdout)")
        #expect(run.stdout.contains("nodes: 8\n  gene             2\n  molecule         2"), "\(run.stdout)")
        #expect(run.stdout.contains("edges: 10"))
        #expect(run.stderr.contains("mechanism_edges.tsv:8:93: warning: 1 edge is negated (the first here): kept as 'no_effect', never walked"))
        #expect(run.stderr.contains("mechanism_edges.tsv:9:25: warning: predicate 'biolink:related_to' is not in the Biolink predicate table"))
        // check counts the nodes file found beside the edges file as a file read.
        let check = try Binary.run(["check", kgx + "/mechanism_edges.tsv"])
        #expect(check.stderr.hasSuffix("checked 2 files: 0 errors, 4 warnings\n"), "\(check.stderr)")
    }

    @Test("each stated edge's sign is the sign paths reports for it; the negated edge is not walked")
    func signsRoundTrip() throws {
        for edge in statedSigns {
            let run = try Binary.run(["paths", kgx + "/mechanism_edges.tsv", edge.from, edge.to, "--max-length", "1"])
            #expect(run.status == 0, "\(run.stderr)")
            let line = run.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(line.hasPrefix(edge.sign + "  " + edge.from + " -"), "\(edge): \(run.stdout)")
            #expect(line.hasSuffix(" " + edge.to), "\(edge): \(run.stdout)")
        }
        // The negated `positively_regulates` CHEBI:15365 → NCBIGene:5743 is no path; the stated `causes … decreased` is.
        let negated = try Binary.run(["paths", kgx + "/mechanism_edges.tsv", "CHEBI:15365", "NCBIGene:5743", "--max-length", "1", "--format", "json"])
        #expect(negated.status == 0, "\(negated.stderr)")
        #expect(!negated.stdout.contains("NOT biolink"), "\(negated.stdout)")
        let effects = try Binary.run(["effects", kgx + "/mechanism_edges.tsv", "aspirin", "--targets", "kind:phenotype"])
        #expect(effects.status == 0, "\(effects.stderr)")
        let rows = effects.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["HP:0002239", "produces", "established", "1", "0", "0"]), "\(effects.stdout)")
        #expect(rows.contains(["HP:0012531", "reduces", "established", "0", "1", "1"]), "\(effects.stdout)")
    }

    @Test("--relation-map wins over the Biolink predicate table")
    func relationMapWins() throws {
        let edges = kgx + "/mechanism_edges.tsv"
        let plain = try Binary.run(["paths", edges, "CHEBI:15551", "GO:0006954", "--max-length", "1"])
        #expect(plain.stdout.contains(": positive,"), "\(plain.stdout)")
        let mapped = try Binary.run(
            ["paths", edges, "CHEBI:15551", "GO:0006954", "--max-length", "1", "--relation-map", "biolink:positively_regulates=inhibits"])
        #expect(mapped.stdout.contains(": negative,"), "\(mapped.stdout)")
    }

    @Test("a knowledge source is a context: --where primary_knowledge_source=… keeps its edges only")
    func knowledgeSource() throws {
        let run = try Binary.run(["paths", kgx + "/mechanism_edges.tsv", "CHEBI:15365", "CHEBI:15551", "--where", "primary_knowledge_source=infores:ctd"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("CHEBI:15365 reduces CHEBI:15551"), "\(run.stdout)")
        let none = try Binary.run(["paths", kgx + "/mechanism_edges.tsv", "CHEBI:15365", "CHEBI:15551", "--where", "primary_knowledge_source=infores:semmeddb"])
        #expect(none.stdout.contains("(no path)"), "\(none.stdout)")
    }

    @Test("gzip: both files compressed, the nodes file still found beside the edges file")
    func gzip() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["mechanism_edges.tsv", "mechanism_nodes.tsv"] {
            try FileManager.default.copyItem(atPath: kgx + "/" + name, toPath: directory + "/" + name)
            let zip = Process()
            zip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            zip.arguments = ["gzip", directory + "/" + name]
            try zip.run()
            zip.waitUntilExit()
            #expect(zip.terminationStatus == 0)
        }
        let run = try Binary.run(["stats", directory + "/mechanism_edges.tsv.gz"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  gene             2"), "\(run.stdout)")
        #expect(
            run.stderr.contains("mechanism_nodes.tsv.gz:1:18: warning: columns 'description', 'provided_by' of the nodes file are not read"), "\(run.stderr)")
    }

    @Test("standard input with --input-format kgx, and --nodes naming the nodes file")
    func standardInput() throws {
        let edges = try String(contentsOfFile: kgx + "/mechanism_edges.tsv", encoding: .utf8)
        let run = try Binary.run(["stats", "-", "--input-format", "kgx", "--nodes", kgx + "/mechanism_nodes.tsv"], input: edges)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  gene             2"), "\(run.stdout)")
    }

    @Test("a malformed row: its positioned error, exit 1, nothing on stdout")
    func malformed() throws {
        let bad = try Binary.run(["paths", kgx + "/errors/unknown-node_edges.tsv", "CHEBI:15365", "CHEBI:15551", "--nodes", kgx + "/errors/nodes.tsv"])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("unknown-node_edges.tsv:3:28: error: unknown node 'NCBIGene:9999': not in the nodes file"), "\(bad.stderr)")
        let nodes = try Binary.run(["stats", kgx + "/mechanism_nodes.tsv"])
        #expect(nodes.status == 1)
        #expect(nodes.stderr.contains("mechanism_nodes.tsv:1:1: error: this is a KGX nodes file (id, category); give its edges file"), "\(nodes.stderr)")
    }
}
