// The example of docs/api.md, run as a library user runs it: no @testable import, so it
// compiles only against the public API and breaks when that API changes under the docs.
import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphRender
import PharmGraphTestSupport
import Testing

@Suite struct LibraryExampleTests {
    /// docs/api.md, "Example": load, ask for paths ketamine → analgesia, the report's text (the docs print it).
    @Test func pathsFromKetamineToAnalgesia() throws {
        // --- docs/api.md example, part 1 (the path is relative to the repository in the docs) ---
        let input = InputLoader.load(Repository.path("Graphs/ketamine.yaml"))
        for diagnostic in input.diagnostics { print(input.formatter.format(diagnostic)) }
        guard let network = input.network else { throw ExampleFailure.notLoaded(input.diagnostics) }

        let engine = PathEngine(network: network)
        let query = PathQuery(
            sources: try NodeSelector.resolve("ketamine", in: network),
            targets: try NodeSelector.resolve("analgesia", in: network),
            maxLength: 6)
        let result = try engine.paths(query, limit: 20)
        let report = PathsReport(
            network: network, query: query, result: result, shown: 20,
            provenance: Provenance(inputs: input.provenance, options: ["from": "ketamine", "to": "analgesia"]))
        let text = report.text()
        // --- end of part 1 ---

        #expect(input.diagnostics.isEmpty)
        #expect(result.counts == SignCounts(positive: 19, negative: 0, unknown: 1))
        #expect(result.finding.rawValue == "positive")
        #expect(!result.partial)
        #expect(result.paths.count == 20)
        // The same text `pharmgraph paths Graphs/ketamine.yaml ketamine analgesia --raw` prints (not assessed).
        let lines = text.split(separator: "\n")
        #expect(lines.first == "+  ketamine -inhibits-| nmdar -inhibits-| analgesia  [zanos2018,abdallah2016,zanos2018b,lisek2020 | zanos2018b]")
        // The re-curated graph (issue 12) has exactly 20 paths, so all are shown and the line says no "(showing N)".
        #expect(lines.dropLast().last == "20 paths: 19 positive, 0 negative, 1 unknown; verdict: positive")
        // The graph declares its contexts: the last line says what the defaults left out (unasserted conditions, …).
        #expect(lines.last?.hasPrefix("unasserted conditions left out 13 edges (the context filter condition=chronic-pain includes 4") == true)
        #expect(lines.count == 22)
        // The JSON document is reached through jsonText() alone.
        let json = try JSONSerialization.jsonObject(with: Data(try report.jsonText().utf8)) as? [String: Any]
        #expect(json?["schema_version"] as? String == "pharmgraph-paths/2")
    }

    /// docs/api.md, "Example": draw ketamine's neighbourhood to SVG bytes.
    @Test func neighbourhoodToSVG() throws {
        let input = InputLoader.load(Repository.path("Graphs/ketamine.yaml"))
        guard let graph = input.graph else { throw ExampleFailure.notLoaded(input.diagnostics) }
        // --- docs/api.md example, part 2 ---
        let selection = DiagramSelection.neighbourhood(of: "ketamine", depth: 1, direction: .out, in: graph)
        let diagram = PathwayDiagram(graph: graph, selection: selection, options: DiagramOptions(legend: false))
        let svg: Data = try Renderer.render(dot: diagram.dot, engine: .dot, format: .svg).data
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try OutputFile.write(svg, to: directory + "/ketamine.svg")
        // --- end of part 2 ---

        #expect(FileManager.default.contents(atPath: directory + "/ketamine.svg") == svg)

        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains("</svg>"))
        // ketamine and a node one step out of it are drawn; a node two steps out is not. Esketamine, arketamine
        // and norketamine are drawn in ketamine's box (docs/rendering.md, "Drug families").
        #expect(diagram.nodeCount == selection.nodes.count - 3)
        #expect(text.contains("<title>ketamine</title>"))
        #expect(!text.contains("<title>esketamine</title>"))
        #expect(text.contains("<title>nmdar</title>"))
        #expect(!text.contains("<title>analgesia</title>"))
    }
}

/// The example's own failure: the graph did not load.
enum ExampleFailure: Error {
    case notLoaded([Diagnostic])
}
