/// Writes a graph as a SIF file with node and edge attribute tables, as Cytoscape imports them
/// (docs/formats.md, "SIF and attribute tables").
///
/// `network.sif` has one `from<TAB>relation<TAB>to` line per edge and a line per node without
/// edges; `nodes.tsv` is keyed by `id` (the SIF name); `edges.tsv` by `name`, Cytoscape's shared
/// edge name `from (relation) to`. Cells escape tab, newline, carriage return and backslash as
/// `\t`, `\n`, `\r`, `\\`; lists are JSON arrays.
enum SIFTables {
    /// The three files.
    static func write(_ graph: Graph) -> [ExchangeFile] {
        var sif: [String] = graph.edges.map { [$0.from, $0.relation.rawValue, $0.to].map(cell).joined(separator: "\t") }
        let linked = Set(graph.edges.flatMap { [$0.from, $0.to] })
        sif += graph.nodes.filter { !linked.contains($0.id) }.map { cell($0.id) }
        let nodeRows = graph.nodes.map { [("id", ExchangeValue.string($0.id))] + ExchangeFields.node($0) }
        let edgeRows = graph.edges.map { edge in
            [
                ("name", ExchangeValue.string("\(edge.from) (\(edge.relation.rawValue)) \(edge.to)")),
                ("source", .string(edge.from)), ("target", .string(edge.to)),
            ] + ExchangeFields.edge(edge)
        }
        return [
            ExchangeFile(name: "network.sif", text: sif.map { $0 + "\n" }.joined()),
            ExchangeFile(name: "nodes.tsv", text: table(nodeRows)),
            ExchangeFile(name: "edges.tsv", text: table(edgeRows)),
        ]
    }

    /// A table with a header of every attribute name, in order of first use; an empty cell where a row has none.
    static func table(_ rows: [ExchangeAttributes]) -> String {
        var columns: [String] = []
        for row in rows {
            for (name, _) in row where !columns.contains(name) { columns.append(name) }
        }
        var lines = [columns.map(cell).joined(separator: "\t")]
        for row in rows {
            let values = Dictionary(row.map { ($0.name, $0.value.flatText) }, uniquingKeysWith: { first, _ in first })
            lines.append(columns.map { cell(values[$0] ?? "") }.joined(separator: "\t"))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A cell with tab, line breaks and backslash escaped.
    static func cell(_ text: String) -> String {
        Escaping.replacing(text) { escapes[$0] }
    }

    private static let escapes: [Unicode.Scalar: String] = ["\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"]
}
