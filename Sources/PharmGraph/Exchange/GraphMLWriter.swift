/// Writes a graph as GraphML with typed keys (docs/formats.md, "GraphML").
///
/// Every attribute is declared once as a `<key>` with `attr.type` `string`, `int` or `boolean`;
/// lists and the graph's structured sections are strings holding JSON.
enum GraphMLWriter {
    /// The GraphML text of `graph`.
    static func write(_ graph: Graph) -> String {
        let graphAttributes = ExchangeFields.graph(graph)
        let nodeAttributes = graph.nodes.map(ExchangeFields.node)
        let edgeAttributes = graph.edges.map(ExchangeFields.edge)
        var keys: [KeyDeclaration] = []
        var ids: [String: String] = [:]
        func declare(_ attributes: [ExchangeAttributes], for domain: String, prefix: String) {
            var seen: [String: Int] = [:]
            for list in attributes {
                for (name, value) in list where seen[name] == nil {
                    seen[name] = keys.count
                    let id = "\(prefix)\(seen.count - 1)"
                    ids[domain + "\u{0}" + name] = id
                    keys.append(KeyDeclaration(id: id, domain: domain, name: name, type: type(of: value)))
                }
            }
        }
        declare([graphAttributes], for: "graph", prefix: "g")
        declare(nodeAttributes, for: "node", prefix: "n")
        declare(edgeAttributes, for: "edge", prefix: "e")
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for key in keys {
            out +=
                "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(XMLText.escaped(key.name))\" attr.type=\"\(key.type)\"/>\n"
        }
        out += "  <graph id=\"\(XMLText.escaped(graph.id))\" edgedefault=\"directed\">\n"
        func data(_ attributes: ExchangeAttributes, domain: String, indent: String) {
            for (name, value) in attributes {
                out += "\(indent)<data key=\"\(ids[domain + "\u{0}" + name]!)\">\(XMLText.escaped(value.flatText))</data>\n"
            }
        }
        data(graphAttributes, domain: "graph", indent: "    ")
        for (node, attributes) in zip(graph.nodes, nodeAttributes) {
            out += "    <node id=\"\(XMLText.escaped(node.id))\">\n"
            data(attributes, domain: "node", indent: "      ")
            out += "    </node>\n"
        }
        for (index, (edge, attributes)) in zip(graph.edges, edgeAttributes).enumerated() {
            out +=
                "    <edge id=\"e\(index + 1)\" source=\"\(XMLText.escaped(edge.from))\" target=\"\(XMLText.escaped(edge.to))\">\n"
            data(attributes, domain: "edge", indent: "      ")
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private struct KeyDeclaration {
        var id: String
        var domain: String
        var name: String
        var type: String
    }

    /// The GraphML `attr.type` of a value.
    static func type(of value: ExchangeValue) -> String {
        switch value {
        case .string, .list, .json: "string"
        case .int: "int"
        case .bool: "boolean"
        }
    }
}

/// XML text and attribute escaping.
enum XMLText {
    /// `text` with `&`, `<`, `>` and `"` escaped, and characters XML 1.0 cannot hold as character references
    /// where allowed (tab, newline, carriage return), so that attribute values keep them too.
    static func escaped(_ text: String) -> String {
        Escaping.replacing(text) { table[$0] }
    }

    private static let table: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
    ]
}
