import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

private func fixture(_ name: String) -> String { Repository.path("Tests/PharmGraphTests/Fixtures/valid/\(name)") }

/// Every graph file the repository ships, plus the valid fixtures.
private func formattableFiles() -> [String] {
    let graphs = (try? FileManager.default.contentsOfDirectory(atPath: Repository.path("Graphs"))) ?? []
    return ["base.yaml", "base2.yaml", "example.yaml", "example.json", "commented.yaml", "format2-commented.yaml"].map(fixture)
        + graphs.filter { $0.hasSuffix(".yaml") }.sorted().map { Repository.path("Graphs/\($0)") }
}

@Suite("fmt: canonical writer")
struct FormatTests {
    @Test("formatting preserves meaning and is idempotent", arguments: formattableFiles())
    func roundTrip(_ path: String) throws {
        let original = loadGraph(path)
        #expect(!original.hasErrors)
        let once = try CanonicalWriter.canonicalText(of: original)
        let reloaded = GraphLoader.load(text: once, path: path)
        #expect(reloaded.graph == original.graph)
        #expect(reloaded.graph != nil)
        let twice = try CanonicalWriter.canonicalText(of: reloaded)
        #expect(twice == once)
    }

    @Test("the example in docs/graph-format.md is canonical and clean")
    func documentedExample() throws {
        let doc = try String(contentsOfFile: Repository.path("docs/graph-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```yaml\n"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        let example = String(doc[start.upperBound..<end.lowerBound])
        let result = GraphLoader.load(text: example, path: "example.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.headline))")
        #expect(try CanonicalWriter.canonicalText(of: result) == example)
    }

    @Test("YAML and JSON with the same content load to the same graph")
    func jsonMatchesYAML() {
        let yaml = loadGraph(fixture("example.yaml"))
        let json = loadGraph(fixture("example.json"))
        #expect(json.diagnostics.isEmpty)
        #expect(yaml.graph != nil)
        #expect(yaml.graph == json.graph)
    }

    @Test("comments are kept, attached to what follows them")
    func comments() throws {
        let result = loadGraph(fixture("commented.yaml"))
        let text = try CanonicalWriter.canonicalText(of: result)
        #expect(Golden.compare(text, to: "Tests/PharmGraphTests/Golden/commented.fmt.yaml") == .matches)
    }

    @Test("a file with errors is refused")
    func refusesErrors() {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics/unknown-node.yaml"))
        #expect(throws: CanonicalWriter.FormatError.hasErrors(path: result.path)) { try CanonicalWriter.canonicalText(of: result) }
    }

    static let hostile = [
        "yes", "No", "null", "~", "1.0", "1e5", "0x1F", "2018-01-01", "12:30", "-", "- x", "a: b", "a:b", "#x", "a #b",
        "a, b", "[x]", "{x}", "\"quoted\"", "'single'", "back\\slash", "line\nbreak", "tab\there", " lead", "trail ",
        "ünïcödé → ∆", "@at", "%pct", "`tick`", "!bang", "&amp", "*star", "|pipe", ">gt", "?q", "x:", "\u{1}ctl",
        "5-HT1B receptor", "Ca²⁺ influx", "",
        // Found by fuzzing (fmt target): JSON wrote these raw, and YAML readers reject or fold them.
        "del\u{7F}", "c1\u{80}\u{9F}", "nel\u{85}x", "ls\u{2028}ps\u{2029}", "bom\u{FEFF}", "non\u{FFFE}char\u{FFFF}",
    ]

    @Test("any text survives the canonical YAML and JSON writers", arguments: hostile)
    func hostileText(_ text: String) throws {
        let label = text.isEmpty ? nil : text
        let graph = Graph(
            id: "hostile", title: "T \(text)", version: text.isEmpty ? "1" : text, description: label,
            sources: [text], kinds: [KindDeclaration(kind: "x-kind", description: text)],
            references: [Reference(key: "r", citation: text.isEmpty ? "c" : text, doi: label)],
            nodes: [
                Node(id: "a", label: label, kind: .drug, synonyms: [text], xrefs: ["X": text]),
                Node(id: "b", kind: "x-kind"),
            ],
            edges: [Edge(from: "a", relation: .activates, to: "b", refs: ["r"], evidence: label, context: ["k": text], note: label)],
            claims: [Claim(from: "a", to: "b", expect: .positive, context: ["k": text], note: label)])
        for syntax in [CanonicalWriter.Syntax.yaml, .json] {
            let written = CanonicalWriter.write(graph, syntax: syntax)
            let reloaded = GraphLoader.load(text: written, path: syntax == .json ? "h.json" : "h.yaml")
            #expect(!reloaded.hasErrors, "\(reloaded.diagnostics.map(\.headline))\n\(written)")
            #expect(reloaded.graph == graph, "\(written)")
        }
    }
}
