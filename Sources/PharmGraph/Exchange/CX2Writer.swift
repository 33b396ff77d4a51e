/// Writes a graph as CX2 for NDEx (docs/formats.md, "CX2").
///
/// The aspects: `CXVersion`, `metaData`, `attributeDeclarations`, `networkAttributes`, `nodes`, `edges`
/// and `status`. Nodes have integer ids in graph order, the graph's id in `pharmgraph_id` and the label
/// in `name`; edges have `interaction` (the relation); lists are `list_of_string`.
enum CX2Writer {
    /// The CX2 text of `graph`.
    static func write(_ graph: Graph) -> String {
        var network: ExchangeAttributes = [("name", .string(graph.title))]
        network += ExchangeFields.graph(graph).map { ($0.name, $0.value.isStructured ? .string($0.value.flatText) : $0.value) }
        let nodes = graph.nodes.map { [("pharmgraph_id", ExchangeValue.string($0.id))] + ExchangeFields.node($0) }
        let edges = graph.edges.map(ExchangeFields.edge)
        let index = Dictionary(graph.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func declarations(_ lists: [ExchangeAttributes]) -> String {
            var seen: [String: String] = [:]
            var order: [String] = []
            for list in lists {
                for (name, value) in list where seen[name] == nil {
                    seen[name] = type(of: value)
                    order.append(name)
                }
            }
            return "{" + order.map { "\(JSONText.string($0)): {\"d\": \(JSONText.string(seen[$0]!))}" }.joined(separator: ", ") + "}"
        }
        var aspects: [String] = []
        aspects.append("{\"CXVersion\": \"2.0\", \"hasFragments\": false}")
        let counts = [("attributeDeclarations", 1), ("networkAttributes", 1), ("nodes", nodes.count), ("edges", edges.count)]
        aspects.append(
            "{\"metaData\": ["
                + counts.map { "{\"name\": \(JSONText.string($0.0)), \"elementCount\": \($0.1)}" }.joined(separator: ", ") + "]}")
        aspects.append(
            "{\"attributeDeclarations\": [{\"networkAttributes\": \(declarations([network])), \"nodes\": \(declarations(nodes)), \"edges\": \(declarations(edges))}]}"
        )
        aspects.append("{\"networkAttributes\": [" + CytoscapeJSON.object(network) + "]}")
        let nodeLines = nodes.enumerated().map { "  {\"id\": \($0.offset), \"v\": \(CytoscapeJSON.object($0.element))}" }
        aspects.append("{\"nodes\": [\n" + nodeLines.joined(separator: ",\n") + "\n]}")
        let edgeLines = zip(graph.edges, edges).enumerated().map { offset, pair in
            "  {\"id\": \(offset), \"s\": \(index[pair.0.from] ?? -1), \"t\": \(index[pair.0.to] ?? -1), \"v\": \(CytoscapeJSON.object(pair.1))}"
        }
        aspects.append("{\"edges\": [\n" + edgeLines.joined(separator: ",\n") + "\n]}")
        aspects.append("{\"status\": [{\"error\": \"\", \"success\": true}]}")
        return "[\n" + aspects.joined(separator: ",\n") + "\n]\n"
    }

    /// The CX2 declared type of a value.
    static func type(of value: ExchangeValue) -> String {
        switch value {
        case .string, .json: "string"
        case .int: "integer"
        case .bool: "boolean"
        case .list: "list_of_string"
        }
    }
}

extension ExchangeValue {
    /// Whether the value is structured JSON, which formats without nesting carry as a string.
    var isStructured: Bool {
        if case .json = self { return true }
        return false
    }
}
