import Foundation
import PharmGraph
import PharmGraphRender
import PharmGraphRoundTrip

/// The DOT writer against cgraph's parser.
enum DOTFuzz {
    /// A graph that loads is drawn as `render` draws it; any other input becomes hostile
    /// names and values written directly. cgraph must read back every one exactly.
    static func roundTrip(_ data: Data) throws(Violation) {
        let model: DOTGraph
        if let graph = GraphLoader.load(data: data, path: "fuzz.yaml").graph {
            let options = DiagramOptions(
                rankDirection: data.count % 2 == 0 ? .leftToRight : .topToBottom, clusterBySystem: data.count % 3 == 0,
                legend: data.count % 5 != 0, layering: data.count % 7 == 0 ? .none : .kind, expandForms: data.count % 11 == 0)
            model = PathwayDiagram(graph: graph, selection: .whole(graph), options: options).model
        } else {
            model = written(pieces: String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).map(String.init))
        }
        let problems: [String]
        do {
            problems = try Renderer.roundTripMismatches(of: model)
        } catch {
            throw Violation("cgraph cannot parse the writer's DOT: \(error)\n\(model.text)")
        }
        if !problems.isEmpty { throw Violation(problems.joined(separator: "\n") + "\n" + model.text) }
    }

    /// Every kind of DOT value the writer makes, from arbitrary text (NUL bytes split it into pieces).
    static func written(pieces: [String]) -> DOTGraph {
        // Literals (names) carry no line break: the writer's names are ids, which are kebab-case, and
        // cgraph 2.42 drops or loses raw line breaks in some quoted strings (docs/fuzzing.md).
        func name(_ text: String) -> DOTValue {
            .literal(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })))
        }
        var model = DOTGraph(name: name("g " + pieces[0]))
        model.attributes = [.text("label", pieces[0])]
        var previous: DOTValue?
        var cluster: [DOTStatement] = []
        for (i, text) in pieces.enumerated() {
            let node = name("\(i) \(text)")
            let statement = DOTStatement.node(
                node,
                [
                    .text("label", text), .tooltip(text),
                    DOTAttribute("xlabel", .html(markup: "<b>" + DOTValue.html(escaping: text) + "</b>")),
                    DOTAttribute("comment", .lines([(text, .left), (text, .right), (text, .centred)])),
                ])
            if i % 2 == 1 { cluster.append(statement) } else { model.statements.append(statement) }
            if let previous { model.statements.append(.edge(previous, node, [.text("label", text), .tooltip(text)])) }
            previous = node
        }
        model.statements.append(
            .subgraph(DOTSubgraph(name: name("cluster " + (pieces.last ?? "")), attributes: [.text("label", pieces[0])], statements: cluster)))
        return model
    }
}
