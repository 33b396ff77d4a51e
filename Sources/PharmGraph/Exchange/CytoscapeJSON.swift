/// Writes a graph as Cytoscape.js JSON (docs/formats.md, "Cytoscape.js JSON").
///
/// `data` holds the graph's attributes (structured sections as native JSON), `elements` the nodes and
/// edges with their attributes in `data`, and `style` a stylesheet derived from the diagram's glyphs.
/// `directed`, `multigraph`, the nodes' `value` and the edges' `key` are what networkx's
/// `cytoscape_graph` reads.
enum CytoscapeJSON {
    /// The Cytoscape.js JSON text of `graph`.
    static func write(_ graph: Graph) -> String {
        var out = "{\n"
        out += "  \"format_version\": \"1.0\",\n  \"generated_by\": \"pharmgraph\",\n"
        out += "  \"target_cytoscapejs_version\": \"~3.0\",\n  \"directed\": true,\n  \"multigraph\": true,\n"
        out += "  \"data\": " + object(ExchangeFields.graph(graph)) + ",\n"
        out += "  \"elements\": {\n    \"nodes\": ["
        out += graph.nodes.map { node in
            let data: ExchangeAttributes = [("id", .string(node.id)), ("value", .string(node.id))] + ExchangeFields.node(node)
            return "\n      {\"data\": " + object(data) + "}"
        }.joined(separator: ",")
        out += graph.nodes.isEmpty ? "],\n" : "\n    ],\n"
        out += "    \"edges\": ["
        out += graph.edges.enumerated().map { index, edge in
            let data: ExchangeAttributes =
                [
                    ("id", .string("e\(index + 1)")), ("source", .string(edge.from)), ("target", .string(edge.to)),
                    ("key", .int(index)),
                ] + ExchangeFields.edge(edge)
            return "\n      {\"data\": " + object(data) + "}"
        }.joined(separator: ",")
        out += graph.edges.isEmpty ? "]\n  },\n" : "\n    ]\n  },\n"
        out += "  \"style\": [\n" + CytoscapeStyle.rules.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]\n}\n"
        return out
    }

    /// Attributes as one JSON object, lists and structures native.
    static func object(_ attributes: ExchangeAttributes) -> String {
        "{" + attributes.map { "\(JSONText.string($0.name)): \($0.value.jsonText)" }.joined(separator: ", ") + "}"
    }
}

/// A Cytoscape.js stylesheet derived from the diagram's glyphs (`DOTStyle`): node shapes and fills by
/// kind, edge heads and Okabe–Ito colours by relation, dashed and faded lines for hypothesized edges.
enum CytoscapeStyle {
    /// The stylesheet's rules, each one JSON object.
    static var rules: [String] {
        var rules: [String] = [
            rule(
                "node",
                [
                    "label": "data(name)", "text-valign": "center", "text-wrap": "wrap", "text-max-width": "120px",
                    "border-width": "1", "border-color": DOTStyle.Palette.ink, "font-size": "10px",
                ]),
            rule("edge", ["curve-style": "bezier", "width": "2", "font-size": "8px"]),
        ]
        for (kind, _) in NodeKind.wellKnown {
            let valences: [Valence?] = kind == .effect ? [nil] + Valence.allCases : [nil]
            for valence in valences {
                let look = DOTStyle.node(kind: kind, valence: valence)
                var style = ["shape": shape(look.shape, rounded: look.styles.contains("rounded")), "background-color": look.fill]
                if look.styles.contains("dashed") { style["border-style"] = "dashed" }
                if look.peripheries > 1 { style["border-width"] = "3" }
                let selector = "node[kind = \"\(kind.rawValue)\"]" + (valence.map { "[valence = \"\($0.rawValue)\"]" } ?? "")
                rules.append(rule(selector, style))
            }
        }
        for relation in Relation.allCases {
            var style: [String: String] = [:]
            for attribute in DOTStyle.edge(relation, certainty: .established) {
                let value = attribute.value.raw
                switch attribute.name {
                case "arrowhead":
                    let (shapeName, fill) = arrow(value)
                    style["target-arrow-shape"] = shapeName
                    style["target-arrow-fill"] = fill
                case "color":
                    let colour = String(value.split(separator: ":").first ?? "")
                    style["line-color"] = colour
                    style["target-arrow-color"] = colour
                case "style": style["line-style"] = value.contains("dotted") ? "dotted" : "dashed"
                default: break
                }
            }
            if relation.isStructural { style["line-style"] = "double" }
            rules.append(rule("edge[relation = \"\(relation.rawValue)\"]", style))
        }
        rules.append(rule("edge[certainty = \"probable\"]", ["width": "1"]))
        rules.append(rule("edge[certainty = \"hypothesized\"]", ["width": "1", "line-style": "dashed", "opacity": "0.7"]))
        rules.append(rule("edge[?loss_of_function]", ["line-color": DOTStyle.Palette.lossOfFunction, "source-arrow-shape": "tee"]))
        return rules
    }

    private static func rule(_ selector: String, _ style: [String: String]) -> String {
        let members = style.keys.sorted().map { "\(JSONText.string($0)): \(JSONText.string(style[$0]!))" }
        return "{\"selector\": \(JSONText.string(selector)), \"style\": {" + members.joined(separator: ", ") + "}}"
    }

    /// The Cytoscape.js node shape closest to a Graphviz shape.
    static func shape(_ graphviz: String, rounded: Bool) -> String {
        switch graphviz {
        case "box": rounded ? "round-rectangle" : "rectangle"
        case "ellipse": "ellipse"
        case "cylinder": "barrel"
        case "cds": "tag"
        case "octagon": "octagon"
        case "parallelogram": "rhomboid"
        case "rarrow": "right-rhomboid"
        case "hexagon": "hexagon"
        case "invhouse": "pentagon"
        case "folder": "cut-rectangle"
        default: "round-rectangle"
        }
    }

    /// The Cytoscape.js arrow shape and fill of a Graphviz arrowhead: Cytoscape.js has one tee, so
    /// `teetee` (downregulates) is a tee too, told apart by the relation.
    static func arrow(_ graphviz: String) -> (shape: String, fill: String) {
        switch graphviz {
        case "onormal", "empty": ("triangle", "hollow")
        case "normal": ("triangle", "filled")
        case "tee", "teetee": ("tee", "filled")
        case "odiamond": ("diamond", "hollow")
        case "diamond": ("diamond", "filled")
        case "odot": ("circle", "hollow")
        case "vee": ("vee", "filled")
        default: ("none", "filled")
        }
    }
}
