import Foundation

/// Reads Cytoscape.js JSON, as `CytoscapeJSON` writes it, back into a curated graph
/// (docs/formats.md, "Cytoscape.js JSON").
///
/// The top-level `data` holds the graph's fields; `elements` is an object of `nodes` and `edges`, or one
/// list whose items say their `group`. Each element's `data` holds the fields of a node (`id`) or an
/// edge (`source`, `target`); everything goes through the loader's decoder and checks, with diagnostics
/// at the JSON's line and column. `style`, `position` and the other Cytoscape.js keys are ignored.
enum CytoscapeReader {
    /// Checks Cytoscape.js JSON `data` as the content of `path`.
    static func load(data: Data, path: String) -> LoadResult {
        GraphLoader.load(data: data, path: path) { source in tree(source, path: path) }
    }

    /// The curated-graph tree of the file's text, and the problems found reading it.
    static func tree(_ source: SourceText, path: String) -> (YAMLNode?, [Diagnostic]) {
        var tree = DocumentTree(path: path)
        if let syntax = JSONScan(Array(source.text.utf8)).error {
            let (line, column) = source.position(ofByte: syntax.offset)
            tree.error("invalid JSON: \(syntax.message)", at: YAMLMark(line: line, column: column))
            return (nil, tree.diagnostics)
        }
        var composer = YAMLComposer(source: source)
        guard let root = composer.compose(), composer.diagnostics.isEmpty else {
            return (nil, composer.diagnostics.isEmpty ? [Diagnostic(.error, "the file is empty", file: path)] : composer.diagnostics)
        }
        let document = read(root, tree: &tree)
        return (document, tree.diagnostics)
    }

    private static func members(_ node: YAMLNode) -> [(name: String, value: YAMLNode)]? {
        guard case let .mapping(pairs) = node.content else { return nil }
        return pairs.compactMap { pair in
            guard case let .scalar(name, _) = pair.key.content else { return nil }
            return (name, pair.value)
        }
    }

    private static func read(_ root: YAMLNode, tree: inout DocumentTree) -> YAMLNode? {
        guard let top = members(root) else {
            tree.error("expected a Cytoscape.js JSON object with 'elements'", at: root.mark)
            return nil
        }
        var graph = TreeItem()
        if let data = top.first(where: { $0.name == "data" })?.value {
            guard let fields = members(data) else {
                tree.error("'data' must be an object", at: data.mark)
                return nil
            }
            for (name, value) in fields where !graph.add(name, value) { tree.error("'\(name)' is given twice", at: value.mark) }
        }
        guard let elements = top.first(where: { $0.name == "elements" })?.value else {
            tree.error("a Cytoscape.js JSON file needs 'elements'", at: root.mark)
            return nil
        }
        var nodes: [YAMLNode] = []
        var edges: [YAMLNode] = []
        func element(_ item: YAMLNode, group: String?) {
            guard let fields = members(item) else {
                tree.error("expected an element object with 'data'", at: item.mark)
                return
            }
            let group =
                group
                ?? fields.first(where: { $0.name == "group" }).flatMap { field -> String? in
                    if case let .scalar(text, _) = field.value.content { return text }
                    return nil
                }
            guard let data = fields.first(where: { $0.name == "data" })?.value, let entries = members(data) else {
                tree.error("expected an element object with 'data'", at: item.mark)
                return
            }
            var result = TreeItem()
            let isEdge = group == "edges" || (group == nil && entries.contains { $0.name == "source" })
            if group != nil, group != "nodes", group != "edges" {
                tree.error("'group' must be 'nodes' or 'edges', found '\(group!)'", at: item.mark)
                return
            }
            for (name, value) in entries {
                let field: String
                if isEdge {
                    if ["id", "key"].contains(name) || ExchangeFields.derivedEdge.contains(name) { continue }
                    field = name == "source" ? "from" : name == "target" ? "to" : name
                } else {
                    if name == "value" || ExchangeFields.derivedNode.contains(name) { continue }
                    field = name
                }
                if !result.add(field, value) { tree.error("'\(name)' is given twice", at: value.mark) }
            }
            if isEdge { edges.append(result.node(at: item.mark)) } else { nodes.append(result.node(at: item.mark)) }
        }
        switch elements.content {
        case let .sequence(items):
            for item in items { element(item, group: nil) }
        case .mapping:
            for (name, value) in members(elements) ?? [] {
                guard name == "nodes" || name == "edges" else {
                    tree.error("'elements' has '\(name)'; expected 'nodes' and 'edges'", at: value.mark)
                    continue
                }
                guard case let .sequence(items) = value.content else {
                    tree.error("'\(name)' must be a list", at: value.mark)
                    continue
                }
                for item in items { element(item, group: name) }
            }
        case .scalar:
            tree.error("'elements' must be an object of 'nodes' and 'edges', or a list", at: elements.mark)
            return nil
        }
        _ = graph.add("nodes", YAMLNode(content: .sequence(nodes), mark: elements.mark))
        _ = graph.add("edges", YAMLNode(content: .sequence(edges), mark: elements.mark))
        return graph.node(at: root.mark)
    }
}
