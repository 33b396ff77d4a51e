import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func load(_ relative: String) throws -> Graph {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/" + relative))
    return try #require(result.graph, "\(result.diagnostics)")
}

/// The statements of the legend cluster of `graph`.
private func legend(_ graph: DOTGraph) -> [DOTStatement] {
    for case let .subgraph(subgraph) in graph.statements where subgraph.name == .literal("cluster_legend") { return subgraph.statements }
    return []
}

/// The node statements, at any depth, with their attributes.
private func nodes(_ statements: [DOTStatement]) -> [(name: String, attributes: [DOTAttribute])] {
    statements.flatMap { statement -> [(name: String, attributes: [DOTAttribute])] in
        switch statement {
        case let .node(name, attributes): [(name.raw, attributes)]
        case let .subgraph(subgraph): nodes(subgraph.statements)
        case .edge: []
        }
    }
}

private func value(_ name: String, _ attributes: [DOTAttribute]) -> String? { attributes.first { $0.name == name }?.value.raw }

@Suite("legend and drawn context")
struct DiagramLegendTests {
    @Test("golden DOT: the legend's two rows (top to bottom) and column pair (left to right), context labels, a loss-of-function edge")
    func golden() throws {
        let graph = try load("render/legend-context.yaml")
        for direction in DiagramOptions.RankDirection.allCases {
            let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(rankDirection: direction)).dot
            #expect(Golden.compare(dot, to: "Tests/PharmGraphTests/Golden/legend-context-\(direction.rawValue).dot") == .matches)
        }
    }

    @Test("top to bottom: row 1 the kinds drawn, row 2 the glyphs, certainty and context drawn, and nothing else")
    func rows() throws {
        let graph = try load("render/legend-context.yaml")
        let model = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(rankDirection: .topToBottom)).model
        let rows = legend(model).compactMap { statement -> DOTSubgraph? in
            if case let .subgraph(row) = statement, row.attributes.contains(.literal("rank", "same")) { return row }
            return nil
        }
        try #require(rows.count == 2)
        let kinds = nodes(rows[0].statements).filter { value("class", $0.attributes) == "legend-kind" }.compactMap { value("label", $0.attributes) }
        // An effect's valence above the word (a narrow hexagon).
        #expect(kinds == ["drug", "receptor", "molecule", #"therapeutic\neffect"#, #"adverse\neffect"#])
        let second = nodes(rows[1].statements)
        let relations = second.filter { value("class", $0.attributes) == "legend-relation" && value("shape", $0.attributes) == "plaintext" }
        #expect(relations.map(\.name) == ["legend:relation:activates", "legend:relation:inhibits", "legend:relation:modulates", "legend:loss-of-function"])
        let certainty = second.filter { value("class", $0.attributes) == "legend-certainty" }.map(\.name)
        #expect(certainty == ["legend:certainty", "legend:certainty:established", "legend:certainty:probable", "legend:certainty:hypothesized"])
        // The context keys balance the rows: they end the shorter one.
        let context = try #require(nodes(rows[0].statements + rows[1].statements).first { value("class", $0.attributes) == "legend-context" })
        let label = try #require(value("label", context.attributes))
        // Each key's values wrapped after a comma at 46 characters, the lines after the first indented.
        #expect(label.contains("dose:</font> sub = subanesthetic, supra = supratherapeutic<br align=\"left\"/>"))
        #expect(label.contains("region:</font> gut, nociceptive n. = nociceptive-neurons,<br align=\"left\"/>&#160;&#160;&#160;&#160;PFC"))
        #expect(label.contains("PFC = prefrontal-cortex"))
        // Placed below the drawing: an invisible edge from each node with no edge out (Harm, Relief) to the first kind.
        let placement = model.statements.compactMap { statement -> String? in
            if case let .edge(from, .literal("legend:kind:0"), attributes) = statement, attributes.contains(.literal("style", "invis")) {
                return from.raw
            }
            return nil
        }
        #expect(placement == ["relief", "harm"])
    }

    @Test("only what is drawn: no context key, loss-of-function or certainty entry without such an edge")
    func onlyWhatIsDrawn() throws {
        let graph = try load("valid/example.yaml")
        let model = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(rankDirection: .topToBottom)).model
        let classes = Set(nodes(legend(model)).compactMap { value("class", $0.attributes) })
        #expect(!classes.contains("legend-context") || graph.edges.contains { !$0.context.isEmpty })
        #expect(!nodes(legend(model)).contains { $0.name == "legend:loss-of-function" })
        let example = try load("render/legend-context.yaml")
        // Without the loss-of-function edge, no entry for it; the plain inhibits entry stays.
        let selection = DiagramSelection.neighbourhood(of: "drug", depth: 1, direction: .out, in: example)
        let filtered = PathwayDiagram(graph: example, selection: selection).model
        let names = nodes(legend(filtered)).map(\.name)
        #expect(names.contains("legend:relation:inhibits"))
        #expect(!names.contains("legend:loss-of-function"))
        // --no-legend draws none, nor the placement edges.
        let none = PathwayDiagram(graph: example, selection: .whole(example), options: DiagramOptions(legend: false)).dot
        #expect(!none.contains("cluster_legend") && !none.contains("\"legend:"))
    }

    @Test("context: a short grey 10 pt label on each edge with a context, none on the others")
    func contextLabels() throws {
        let graph = try load("render/legend-context.yaml")
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph)).model
        var labels: [String: String] = [:]
        for case let .edge(from, to, attributes) in dot.statements {
            guard let label = value("xlabel", attributes) else { continue }
            #expect(value("fontsize", attributes) == "10")
            #expect(value("fontcolor", attributes) == DiagramFrame.captionColour)
            labels["\(from.raw)>\(to.raw)"] = label
        }
        #expect(
            labels == [
                "receptor>relief": "sub", "receptor>mediator": "PFC", "mediator>harm": "supra, nociceptive n.", "drug>harm": "gut",
            ])
    }

    @Test("the short forms: the table (any case), short values as they are, long ones by words or cut")
    func shortForms() {
        #expect(DiagramContext.short("subanesthetic") == "sub")
        #expect(DiagramContext.short("Anesthetic") == "anaes")
        #expect(DiagramContext.short("supratherapeutic") == "supra")
        #expect(DiagramContext.short("prefrontal-cortex") == "PFC")
        #expect(DiagramContext.short("long-term") == "long-term")
        #expect(DiagramContext.short("acute") == "acute")
        #expect(DiagramContext.short("thalamocortical") == "thalamocortical")
        #expect(DiagramContext.short("nociceptive-neurons") == "nociceptive n.")
        #expect(DiagramContext.short("nociceptive-tracts") == "nociceptive t.")
        #expect(DiagramContext.short("pneumonoultramicroscopic") == "pneumonoultrami…")
        #expect(DiagramContext.label(["region": "gut", "dose": "anesthetic"]) == "anaes, gut")
        #expect(DiagramContext.label([:]) == nil)
    }

    @Test("context values are user text: escaped on the edge and in the legend")
    func hostileContext() throws {
        let graph = try load("render/hostile-labels.yaml")
        let dot = PathwayDiagram(graph: graph, selection: .whole(graph), options: DiagramOptions(rankDirection: .topToBottom)).dot
        #expect(dot.contains(#"xlabel="v\\al &lt;x>""#))
        // HTML-like text doubles the backslash too (Graphviz expands \N and the like there): drawn as one.
        #expect(dot.contains(#"k&quot;ey:</font> v\\al &lt;x&gt;"#))
    }

    @Test("loss of function: the bar at the source, an open arrowhead at the target, dark grey; the tooltip keeps the relation")
    func lossOfFunction() throws {
        let graph = try load("render/legend-context.yaml")
        let model = PathwayDiagram(graph: graph, selection: .whole(graph)).model
        for case let .edge(from, to, attributes) in model.statements where from.raw == "receptor" && to.raw == "relief" {
            #expect(value("dir", attributes) == "both")
            #expect(value("arrowtail", attributes) == "tee")
            #expect(value("arrowhead", attributes) == "onormal")
            #expect(value("color", attributes) == "#444444")
            #expect(value("tooltip", attributes)?.hasPrefix("Receptor inhibits Relief") == true)
            #expect(value("tooltip", attributes)?.contains("loss of function: read from blocking Receptor") == true)
        }
        // Only negative relations have the glyph; downregulates keeps its double bar at the source.
        #expect(DOTStyle.edge(.downregulates, certainty: .established, lossOfFunction: true).contains(.literal("arrowtail", "teetee")))
        #expect(DOTStyle.edge(.activates, certainty: .established, lossOfFunction: true) == DOTStyle.edge(.activates, certainty: .established))
        // The curated NMDAR → analgesia edge (blocking the NMDAR produces analgesia).
        let ketamine = try #require(loadGraph(Repository.path("Graphs/ketamine.yaml")).graph)
        let dot = PathwayDiagram(graph: ketamine, selection: .whole(ketamine)).dot
        let line = try #require(dot.split(separator: "\n").first { $0.hasPrefix(#"  "nmdar" -> "analgesia""#) })
        #expect(line.contains(##"dir="both", arrowtail="tee", arrowhead="onormal", color="#444444""##))
        #expect(line.contains(#"xlabel="sub""#))
    }

    @Test("the legend hangs below the nodes with no edge out, and one node of each closed cycle")
    func lowestNodes() {
        let edges: [(from: String, to: String)] = [("a", "b"), ("b", "c"), ("d", "e"), ("e", "d"), ("f", "f"), ("a", "x")]
        #expect(LegendLayout.lowestNodes(["a", "b", "c", "d", "e", "f"], edges: edges) == ["c", "f", "d"])
    }

    @Test("the diff legend: status nodes in one row, status edges in the other, text beside each")
    func diffLegend() throws {
        let diff = GraphDiff(old: try load("diff/old.yaml"), new: try load("diff/new.yaml"))
        let dot = try DiffDiagram(diff, names: ("a", "b"), context: nil).dot
        #expect(dot.contains(#"subgraph "legend:column:1""#) && dot.contains(#"subgraph "legend:column:2""#))
        #expect(dot.contains(#""legend:edge:diff-sign-flip:start" -> "legend:edge:diff-sign-flip""#))
        #expect(dot.contains("sign flip (+ ↔ −)"))
    }
}
