import Foundation

/// Reads back, as an imported network, a GraphML or Cytoscape.js file that `export` wrote for one (docs/formats.md,
/// "Imported networks"): its graph `id` is empty, which no curated graph's is. Node ids, names and kinds, each edge's
/// imported label (`context:label`, else its relation), relation, context, references and evidence come back.
package enum ExchangeNetworkReader {
    /// A GraphML or Cytoscape.js file, read once: an imported network's export, or a curated graph (checked).
    package enum Content {
        case network(NetworkLoadResult)
        case graph(LoadResult)
    }

    /// `data` read as `format` (GraphML or Cytoscape.js JSON; `nil` for any other format), its text parsed once.
    package static func load(data: Data, path: String, format: InputFormat) -> Content? {
        guard format == .graphml || format == .cyjs else { return nil }
        guard case let .success(source) = SourceText.decode(path: path, data: data) else {
            return .graph(GraphLoader.load(data: data, path: path, format: format))
        }
        let (root, diagnostics) = format == .graphml ? GraphMLReader.tree(source, path: path) : CytoscapeReader.tree(source, path: path)
        if let network = network(root, diagnostics: diagnostics, source: source, path: path) { return .network(network) }
        return .graph(GraphLoader.load(tree: root, source: source, prior: diagnostics))
    }

    /// The network in the tree, when it is an imported network's export; `nil` for anything else.
    private static func network(_ root: YAMLNode?, diagnostics: [Diagnostic], source: SourceText, path: String) -> NetworkLoadResult? {
        guard let root, !diagnostics.contains(where: { $0.severity == .error }), let top = fields(root), text(top["id"]) == ""
        else { return nil }
        var builder = NetworkBuilder(relationMap: [:])
        var problems = diagnostics
        for node in items(top["nodes"]) {
            guard let node = fields(node), let id = text(node["id"]), !id.isEmpty else {
                problems.append(Diagnostic(.error, "a node has no id", file: path, line: node.mark.line, column: node.mark.column))
                continue
            }
            builder.addNode(id, name: text(node["label"]), kind: text(node["kind"]))
        }
        for item in items(top["edges"]) {
            guard let edge = fields(item), let from = text(edge["from"]), let to = text(edge["to"]),
                let source = builder.endpoint(from), let target = builder.endpoint(to)
            else {
                problems.append(Diagnostic(.error, "an edge has no source or target", file: path, line: item.mark.line, column: item.mark.column))
                continue
            }
            let relationName = text(edge["relation"])
            var context = map(edge["context"])
            let name = context.removeValue(forKey: "label") ?? relationName ?? ""
            let label = builder.label(name, relation: relationName.flatMap(Relation.init(rawValue:)))
            builder.addEdge(
                source, label, target, context: context, refs: items(edge["refs"]).compactMap(text), evidence: text(edge["evidence"]))
        }
        let network = problems.contains { $0.severity == .error } ? nil : builder.build()
        return NetworkLoadResult(network: network, diagnostics: problems, source: source)
    }

    private static func fields(_ node: YAMLNode?) -> [String: YAMLNode]? {
        guard let node, case let .mapping(pairs) = node.content else { return nil }
        var result: [String: YAMLNode] = [:]
        for pair in pairs {
            if case let .scalar(key, _) = pair.key.content, result[key] == nil { result[key] = pair.value }
        }
        return result
    }

    private static func text(_ node: YAMLNode?) -> String? {
        guard let node, case let .scalar(value, _) = node.content else { return nil }
        return value
    }

    private static func items(_ node: YAMLNode?) -> [YAMLNode] {
        guard let node, case let .sequence(items) = node.content else { return [] }
        return items
    }

    private static func map(_ node: YAMLNode?) -> [String: String] {
        (fields(node) ?? [:]).compactMapValues(text)
    }
}
