import Foundation
import PharmGraphRender
import PharmGraphRoundTrip
import Testing

@testable import PharmGraph

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The repository root, found from this file's location.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func graph(_ relative: String) throws -> Graph {
    let path = root.appendingPathComponent(relative).path
    let result = GraphLoader.load(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    return try #require(result.graph, "\(result.diagnostics)")
}

private let example = "Tests/PharmGraphTests/Fixtures/valid/example.yaml"
private let hostile = "Tests/PharmGraphTests/Fixtures/render/hostile-labels.yaml"

/// The curated graphs, whatever is in Graphs/ now.
private var curated: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Graphs").path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Graphs/" + $0 }
}

// MARK: Reading DOT models and SVG

/// Checks that cgraph read back every attribute the writer wrote exactly, HTML-ness included.
private func expectRoundTrip(_ model: DOTGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    for problem in try Renderer.roundTripMismatches(of: model) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}

/// The parts of a Graphviz SVG the tests look at.
private final class SVGReader: NSObject, XMLParserDelegate {
    struct Group {
        var classes: [String]
        var title = ""
        var texts: [String] = []
        var tooltips: [String] = []
    }

    private(set) var groups: [Group] = []
    /// Every `text` element's content, the graph's own (title, captions) included.
    private(set) var allTexts: [String] = []
    private var open: [Int] = []
    private var buffer: String?
    private var inTitle = false

    static func read(_ data: Data) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw CocoaError(.coderReadCorrupt, userInfo: [NSLocalizedDescriptionKey: "\(parser.parserError.map { "\($0)" } ?? "parse error")"])
        }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "g" where attributes["class"].map({ $0 != "graph" }) ?? false:
            groups.append(Group(classes: (attributes["class"] ?? "").split(separator: " ").map(String.init)))
            open.append(groups.count - 1)
        case "g":
            open.append(-1)
        case "title", "text":
            buffer = ""
            inTitle = name == "title"
        case "a":
            if let tip = attributes["xlink:title"], let current = open.last(where: { $0 >= 0 }) {
                groups[current].tooltips.append(tip)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "g": open.removeLast()
        case "title", "text":
            if let text = buffer, !inTitle { allTexts.append(text) }
            if let text = buffer, let current = open.last(where: { $0 >= 0 }) {
                if inTitle { groups[current].title = text } else { groups[current].texts.append(text) }
            }
            buffer = nil
        default: break
        }
    }

    func groups(withClass name: String) -> [Group] { groups.filter { $0.classes.contains(name) } }
}

private func svg(_ graph: Graph, _ options: DiagramOptions = DiagramOptions()) throws -> (DOTContents, SVGReader) {
    let diagram = PathwayDiagram(graph: graph, selection: .whole(graph), options: options)
    let rendering = try Renderer.render(dot: diagram.dot, engine: .dot, format: .svg)
    return (try Renderer.contents(of: diagram.dot), try SVGReader.read(rendering.data))
}

// MARK: Tests

@Suite("rendering through libcgraph and libgvc")
struct RenderTests {
    @Test("cgraph reads back every attribute the writer wrote, hostile labels included")
    func roundTrip() throws {
        for path in [hostile, example] + curated {
            let graph = try graph(path)
            for options in [DiagramOptions(), DiagramOptions(rankDirection: .topToBottom, clusterBySystem: true, engine: "sfdp")] {
                try expectRoundTrip(PathwayDiagram(graph: graph, selection: .whole(graph), options: options).model)
            }
        }
        let paths = try graph(hostile)
        let selection = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [0, 1, 2], sign: .negative), DiagramSelection.Path(edges: [8], sign: .positive)],
            ends: ["quotes", "graphviz-record"], in: paths, captions: ["caption with \"quotes\" \\ & <b>"])
        try expectRoundTrip(PathwayDiagram(graph: paths, selection: selection).model)
    }

    @Test("the frame's caption line and metadata comment: read back exactly, caption drawn, metadata an SVG comment")
    func captionAndMetadata() throws {
        let graph = try graph(example)
        let caption = "pharmgraph 1.0 · sha256:ab\\cd & <b>x</b> \"q\""
        let metadata = "tool: pharmgraph --> 1.0\ngraph: example & <x>"
        let options = DiagramOptions(caption: caption, metadata: metadata)
        let diagram = PathwayDiagram(graph: graph, selection: .whole(graph), options: options)
        try expectRoundTrip(diagram.model)
        let svg = try Renderer.render(dot: diagram.dot, engine: .dot, format: .svg).data
        let text = String(decoding: svg, as: UTF8.self)
        // Graphviz writes the graph's comment as an XML comment, with '-' as &#45; so it cannot end early.
        #expect(text.contains("<!-- tool: pharmgraph &#45;&#45;&gt; 1.0"))
        let reader = try SVGReader.read(svg)
        #expect(reader.allTexts.prefix(3).last == caption)
        // Without them: no comment attribute, and the caption is nowhere.
        let plain = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        #expect(!plain.contains("comment="))
        #expect(!plain.contains("pharmgraph 1.0"))
    }

    @Test("cgraph reads back hostile names and values of every kind, written directly")
    func hostileWriter() throws {
        let nasty = [
            "plain", "say \"hi\"", "back\\slash", "trailing\\", "quote after backslash\\\"", "\\\\double", "line\nbreak",
            "crlf\r\nbreak", "<b>tag</b> & &amp; &lt;", "Ca²⁺ 中文 🧪 العربية e\u{301}", "tab\there", "bell\u{7}",
            "{record|port}", "-> -- ; , = [ ] { }", "\\N \\G \\l", "",
            // Equal to the xlabel markup made from "" (fuzz target dot): cgraph shares interned strings.
            "<b></b>",
        ]
        var model = DOTGraph(name: .literal("hostile \"graph\" \\"))
        model.attributes = [.text("label", nasty.joined(separator: " | "))]
        var previous: DOTValue?
        for (i, text) in nasty.enumerated() {
            let name = DOTValue.literal("node \(i): \(text)")
            model.statements.append(
                .node(
                    name,
                    [
                        .text("label", text), .text("tooltip", text), .literal("class", "c\(i)"),
                        DOTAttribute("xlabel", .html(markup: "<b>" + DOTValue.html(escaping: text) + "</b>")),
                        DOTAttribute("comment", .lines([(text, .left), (text, .right), (text, .centred)])),
                    ]))
            if let previous { model.statements.append(.edge(previous, name, [.text("label", text)])) }
            previous = name
        }
        model.statements.append(
            .subgraph(DOTSubgraph(name: .literal("cluster \"x\" \\"), attributes: [.text("label", nasty[4])], statements: [])))
        try expectRoundTrip(model)
        _ = try Renderer.render(dot: model.text, engine: .dot, format: .svg)
    }

    @Test("SVG shows every hostile label exactly as written, and its tooltip")
    func labelsDisplayExactly() throws {
        let graph = try graph(hostile)
        // Forms expanded: every node and edge of the graph is drawn as itself.
        let (_, reader) = try svg(graph, DiagramOptions(expandForms: true))
        for node in graph.nodes {
            let group = try #require(reader.groups(withClass: "node").first { $0.title == node.id }, "node \(node.id)")
            let lines = { (label: String) in
                label.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    String(String.UnicodeScalarView(line.unicodeScalars.map { $0.value == 7 ? "\u{2407}" : $0.value == 0x7F ? "\u{2421}" : $0 }))
                }
            }
            // Long labels are drawn wrapped at spaces (docs/rendering.md, "Size"); the tooltip keeps the label whole.
            let expected = lines(LabelWrapping.wrapped(node.displayLabel))
            #expect(group.texts == expected, "node \(node.id)")
            #expect(expected.joined(separator: " ") == lines(node.displayLabel).joined(separator: " "))
            // XML normalises a tab in an attribute value to a space.
            let tooltip = lines(node.displayLabel).joined(separator: "\n").replacingOccurrences(of: "\t", with: " ")
            #expect(group.tooltips.first?.hasPrefix(tooltip + "\nid: \(node.id)\n") == true, "\(group.tooltips)")
        }
        let lines = { (id: String) in (graph.node(id)?.displayLabel ?? id).replacingOccurrences(of: "\r\n", with: "\n") }
        let edges = reader.groups(withClass: "edge").filter {
            !$0.classes.contains("legend-relation") && !$0.classes.contains("legend-certainty") && !$0.classes.contains("layer-anchor")
        }
        #expect(edges.count == graph.edges.count)
        for edge in graph.edges {
            let expected = "\(lines(edge.from)) \(edge.relation.name) \(lines(edge.to))\n".replacingOccurrences(of: "\t", with: " ")
                .replacingOccurrences(of: "\u{7}", with: "\u{2407}").replacingOccurrences(of: "\u{7F}", with: "\u{2421}")
            #expect(edges.contains { $0.tooltips.first?.hasPrefix(expected) == true }, "\(expected)")
        }
    }

    @Test("a path figure's table and caption show hostile labels exactly: backslashes are not Graphviz escapes (\\N, \\G)")
    func pathTableDisplaysExactly() throws {
        let graph = try graph(hostile)
        let selection = DiagramSelection.paths(
            [DiagramSelection.Path(edges: [0, 1, 2, 3, 4], sign: .unknown)], ends: ["quotes", "html"], in: graph,
            captions: [#"caption \N \G \\ end\"#])
        let diagram = PathwayDiagram(graph: graph, selection: selection, options: DiagramOptions(caption: #"provenance \E \\"#))
        let reader = try SVGReader.read(try Renderer.render(dot: diagram.dot, engine: .dot, format: .svg).data)
        let table = try #require(reader.groups(withClass: "path-table").first { !$0.texts.isEmpty })
        let text = table.texts.joined(separator: "\n")
        #expect(text.contains(#"a\b \\ c\"#), "\(table.texts)")
        #expect(text.contains(#"\N \G \n \l \r \E \T \H \L"#), "\(table.texts)")
        #expect(text.contains("<b>not bold</b> <br/> &amp; & &lt; ]]> <!-- x -->"), "\(table.texts)")
        #expect(!text.contains("hostile-labels") && !text.contains("legend:paths"))
        #expect(reader.allTexts.contains(#"caption \N \G \\ end\"#), "\(reader.allTexts)")
        #expect(reader.allTexts.contains(#"provenance \E \\"#), "\(reader.allTexts)")
    }

    @Test("the SVG is well-formed and its legend lists exactly the kinds and relations drawn")
    func legend() throws {
        for path in [example, hostile] + curated {
            let graph = try graph(path)
            // Forms expanded, so that every kind and relation of the graph is drawn.
            let (contents, reader) = try svg(graph, DiagramOptions(expandForms: true))
            #expect(reader.groups(withClass: "legend").count == 1)
            let samples = reader.groups(withClass: "legend-relation").filter { $0.classes.contains("node") }
            let listed = samples.compactMap { $0.texts.first?.split(separator: " ").first.map(String.init) }.filter { $0 != "loss" }
            let blocked = { (edge: Edge) in edge.lossOfFunction && DOTStyle.drawsLossOfFunction(edge.relation) }
            let drawn = Relation.allCases.filter { r in graph.edges.contains { $0.relation == r && !blocked($0) } }.map(\.name)
            #expect(listed == drawn, "\(path)")
            let lossOfFunction = samples.filter { $0.texts.first?.hasPrefix("loss of function") ?? false }
            #expect(lossOfFunction.count == (graph.edges.contains(where: blocked) ? 1 : 0), "\(path)")
            let kinds = reader.groups(withClass: "legend-kind").compactMap(\.texts.first)
            // An effect's sample reads "therapeutic / effect" on two lines: its first text is the valence.
            let expectedKinds = Set(graph.nodes.map { $0.kind == .effect ? ($0.valence?.rawValue ?? "") : $0.kind.rawValue })
            #expect(Set(kinds) == expectedKinds, "\(path)")
            #expect(kinds.count == expectedKinds.count)

            let inhibits = contents.edges.filter { ($0.attributes["class"] ?? "").contains("relation-inhibits") }
            #expect(inhibits.count == graph.edges.filter { $0.relation == .inhibits }.count)
            // A loss-of-function edge: the bar at the source, an open arrowhead at the target, in dark grey.
            let blocking = inhibits.filter { $0.attributes["dir"] == "both" }
            #expect(blocking.count == graph.edges.filter { $0.relation == .inhibits && $0.lossOfFunction }.count)
            // The arrow at an edge's stated head or tail: an edge against the layer order is written head first.
            func arrow(_ edge: DOTContents.Edge, atHead: Bool) -> String? {
                let reversed = (edge.attributes["class"] ?? "").split(separator: " ").contains("layer-reversed")
                return edge.attributes[atHead != reversed ? "arrowhead" : "arrowtail"]
            }
            #expect(
                blocking.allSatisfy {
                    arrow($0, atHead: false) == "tee" && arrow($0, atHead: true) == "onormal" && $0.attributes["color"]?.hasPrefix("#444444") == true
                })
            #expect(inhibits.filter { $0.attributes["dir"] != "both" }.allSatisfy { arrow($0, atHead: true) == "tee" })
        }
        let plain = try graph(example)
        let (_, reader) = try svg(plain, DiagramOptions(legend: false))
        #expect(reader.groups(withClass: "legend").isEmpty)
        #expect(reader.groups(withClass: "legend-relation").isEmpty)
    }

    @Test("PNG starts with the PNG signature, PDF with %PDF, JSON parses, DOT is returned as is")
    func formats() throws {
        let graph = try graph(example)
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        let png = try Renderer.render(dot: dot, engine: .dot, format: .png).data
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try Renderer.render(dot: dot, engine: .dot, format: .pdf).data
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let json = try Renderer.render(dot: dot, engine: .dot, format: .json).data
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(object?["name"] as? String == "example")
        #expect(try Renderer.render(dot: dot, engine: .dot, format: .dot).data == Data(dot.utf8))
    }

    @Test("every engine lays the graph out", arguments: LayoutEngine.allCases)
    func engines(_ engine: LayoutEngine) throws {
        let graph = try graph(example)
        let options = DiagramOptions(clusterBySystem: true, engine: engine.rawValue)
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).dot
        let rendering = try Renderer.render(dot: dot, engine: engine, format: .svg)
        let reader = try SVGReader.read(rendering.data)
        #expect(reader.groups(withClass: "node").count >= graph.nodes.count)
    }

    @Test("the same graph renders to the same SVG")
    func deterministic() throws {
        let graph = try graph(hostile)
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(clusterBySystem: true)).dot
        let first = try Renderer.render(dot: dot, engine: .dot, format: .svg).data
        let second = try Renderer.render(dot: dot, engine: .dot, format: .svg).data
        #expect(second == first)
        if second != first {
            try first.write(to: URL(fileURLWithPath: "/tmp/exp/det1.svg"))
            try second.write(to: URL(fileURLWithPath: "/tmp/exp/det2.svg"))
        }
    }

    @Test("eight concurrent renders from separate tasks all succeed, with identical output")
    func concurrent() async throws {
        let graph = try graph(example)
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        let formats: [RenderFormat] = [.svg, .png, .svg, .pdf, .svg, .png, .svg, .json]
        let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for (i, format) in formats.enumerated() {
                group.addTask { (i, try Renderer.render(dot: dot, engine: .dot, format: format).data) }
            }
            var results: [Int: Data] = [:]
            for try await (i, data) in group { results[i] = data }
            return results
        }
        #expect(results.count == 8)
        let svgs = formats.indices.filter { formats[$0] == .svg }.compactMap { results[$0] }
        #expect(svgs.count == 4)
        #expect(Set(svgs).count == 1)
        #expect(results.values.allSatisfy { !$0.isEmpty })
    }

    @Test("a DOT syntax error is thrown with Graphviz's message, and the next render works")
    func syntaxError() throws {
        #expect {
            try Renderer.render(dot: "digraph { a -> ; }", engine: .dot, format: .svg)
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.message == "cannot parse the DOT text" && error.graphvizMessages.count == 1
                && error.graphvizMessages[0].hasPrefix("Error: DOT text: syntax error in line ")
                && error.graphvizMessages[0].hasSuffix(" near ';'")
        }
        let graph = try graph(example)
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph)).dot
        #expect(try Renderer.render(dot: dot, engine: .dot, format: .svg).data.count > 1000)
    }

    @Test("nothing of one text reaches the next parse")
    func noLeftovers() throws {
        _ = try Renderer.contents(of: "digraph one { a }\ndigraph two { leftover }\n")
        let next = try Renderer.contents(of: "digraph three { b }")
        #expect(next.nodes.map(\.name) == ["b"])
        #expect {
            try Renderer.contents(of: "digraph { c ->\n\n ; }")
        } throws: { "\($0)".contains("syntax error in line 3 near ';'") }
    }

    @Test("an unknown engine or format inside Graphviz is an error listing the valid ones")
    func unknownEngineAndFormat() throws {
        let dot = "digraph { a -> b }"
        #expect {
            try Renderer.render(dot: dot, engineName: "bogus", formatName: "svg")
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot lay out the graph with bogus") && text.contains("\"bogus\" not recognized")
                && text.contains("sfdp")
        }
        #expect {
            try Renderer.render(dot: dot, engineName: "dot", formatName: "bogus")
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot render the graph as bogus: Error: renderer for bogus is unavailable")
        }
        #expect(LayoutEngine(rawValue: "bogus") == nil)
        #expect(RenderFormat(fileExtension: "out.gif") == nil)
        #expect(RenderFormat(fileExtension: "dir.d/OUT.SVG") == .svg)
    }

    @Test("Graphviz's warnings are returned, not printed")
    func warnings() throws {
        let rendering = try Renderer.render(dot: "digraph { a [shape=bogus] }", engine: .dot, format: .svg)
        #expect(rendering.warnings.contains { $0.contains("unknown shape bogus") }, "\(rendering.warnings)")
        let clean = try Renderer.render(dot: "digraph { a }", engine: .dot, format: .svg)
        #expect(clean.warnings.isEmpty)
    }

    @Test("the loaded plugins provide every engine and format offered")
    func plugins() throws {
        let layouts = try Graphviz.plugins(kind: "layout")
        for engine in LayoutEngine.allCases { #expect(layouts.contains(engine.rawValue)) }
        let formats = try Graphviz.plugins(kind: "device") + Graphviz.plugins(kind: "render")
        for format in RenderFormat.allCases where format != .dot && format != .html {
            #expect(formats.contains { $0 == format.rawValue || $0.hasPrefix(format.rawValue + ":") }, "\(format)")
        }
    }
}
