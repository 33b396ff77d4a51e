import Foundation

/// Reads GraphML, as `GraphMLWriter` writes it, back into a curated graph (docs/formats.md, "GraphML").
///
/// Keys give each `<data>` its attribute name and type; the attributes become the graph's fields and
/// go through the loader's decoder and checks. Malformed XML, an undeclared or misplaced key, a value
/// that is not of its key's type, undirected edges, hyperedges, ports and nested graphs are errors
/// at their line and column.
enum GraphMLReader {
    /// Checks GraphML `data` as the content of `path`.
    static func load(data: Data, path: String) -> LoadResult {
        GraphLoader.load(data: data, path: path) { source in tree(source, path: path) }
    }

    /// The curated-graph tree of the file's text, and the problems found reading it.
    static func tree(_ source: SourceText, path: String) -> (YAMLNode?, [Diagnostic]) {
        var reader = Reading(tree: DocumentTree(path: path))
        let tree = reader.read(source.text)
        return (tree, reader.tree.diagnostics)
    }

    private struct Key {
        var name: String
        var type: String
        var domain: String
        var defaultValue: (String, YAMLMark)?
    }

    private struct Reading {
        var tree: DocumentTree
        var keys: [String: Key] = [:]

        mutating func read(_ text: String) -> YAMLNode? {
            var xml = XMLReader(text)
            let root: XMLReader.Element
            do {
                root = try xml.read()
            } catch {
                tree.error("malformed XML: \(error.message)", at: error.mark)
                return nil
            }
            guard root.localName == "graphml" else {
                tree.error("expected a <graphml> root element, found <\(root.name)>", at: root.mark)
                return nil
            }
            var graphs: [XMLReader.Element] = []
            for child in root.children {
                switch child.localName {
                case "key": declare(child)
                case "graph": graphs.append(child)
                case "desc", "data": break
                default: tree.error("unsupported GraphML element <\(child.name)>", at: child.mark)
                }
            }
            guard let graph = graphs.first else {
                tree.error("the GraphML file has no <graph>", at: root.mark)
                return nil
            }
            for extra in graphs.dropFirst() { tree.error("only one <graph> per file is read; this is another", at: extra.mark) }
            return document(graph)
        }

        mutating func declare(_ element: XMLReader.Element) {
            guard let id = element.attribute("id") else {
                tree.error("<key> has no 'id' attribute", at: element.mark)
                return
            }
            guard let name = element.attribute("attr.name") else {
                tree.error("key '\(id.value)' has no 'attr.name' attribute", at: element.mark)
                return
            }
            let type = element.attribute("attr.type")?.value ?? "string"
            guard ["string", "boolean", "int", "long", "float", "double"].contains(type) else {
                tree.error(
                    "key '\(id.value)' has attr.type '\(type)'; expected string, boolean, int, long, float or double",
                    at: element.attribute("attr.type")!.mark)
                return
            }
            guard keys[id.value] == nil else {
                tree.error("key '\(id.value)' is declared twice", at: id.mark)
                return
            }
            let domain = element.attribute("for")?.value ?? "all"
            guard ["graph", "node", "edge", "all"].contains(domain) else {
                tree.error("key '\(id.value)' is for '\(domain)'; expected graph, node, edge or all", at: element.attribute("for")!.mark)
                return
            }
            var key = Key(name: name.value, type: type, domain: domain)
            if let value = element.children.first(where: { $0.localName == "default" }) {
                key.defaultValue = (value.text, value.textMark)
            }
            keys[id.value] = key
        }

        mutating func document(_ graph: XMLReader.Element) -> YAMLNode {
            if let direction = graph.attribute("edgedefault"), direction.value != "directed" {
                tree.error("edgedefault is '\(direction.value)'; pharmgraph graphs are directed", at: direction.mark)
            }
            var top = TreeItem()
            var nodes: [YAMLNode] = []
            var edges: [YAMLNode] = []
            var graphData: [XMLReader.Element] = []
            for child in graph.children {
                switch child.localName {
                case "data": graphData.append(child)
                case "node":
                    var item = TreeItem()
                    if let id = child.attribute("id") {
                        _ = item.add("id", DocumentTree.text(id.value, at: id.mark))
                    } else {
                        tree.error("<node> has no 'id' attribute", at: child.mark)
                    }
                    for inner in child.children {
                        switch inner.localName {
                        case "data": break
                        case "desc": continue
                        default:
                            tree.error("unsupported element <\(inner.name)> in a node (nested graphs and ports are not read)", at: inner.mark)
                            continue
                        }
                    }
                    fill(&item, from: child.children.filter { $0.localName == "data" }, domain: "node", derived: ExchangeFields.derivedNode)
                    nodes.append(item.node(at: child.mark))
                case "edge":
                    var item = TreeItem()
                    for (attribute, field) in [("source", "from"), ("target", "to")] {
                        if let end = child.attribute(attribute) {
                            _ = item.add(field, DocumentTree.text(end.value, at: end.mark))
                        } else {
                            tree.error("<edge> has no '\(attribute)' attribute", at: child.mark)
                        }
                    }
                    if let directed = child.attribute("directed"), directed.value != "true" {
                        tree.error("edge is undirected (directed='\(directed.value)'); pharmgraph graphs are directed", at: directed.mark)
                    }
                    for inner in child.children where inner.localName != "data" && inner.localName != "desc" {
                        tree.error("unsupported element <\(inner.name)> in an edge", at: inner.mark)
                    }
                    fill(&item, from: child.children.filter { $0.localName == "data" }, domain: "edge", derived: ExchangeFields.derivedEdge)
                    edges.append(item.node(at: child.mark))
                case "desc": break
                case "hyperedge": tree.error("hyperedges are not supported", at: child.mark)
                default: tree.error("unsupported GraphML element <\(child.name)> in a graph", at: child.mark)
                }
            }
            fill(&top, from: graphData, domain: "graph", derived: [])
            _ = top.add("nodes", YAMLNode(content: .sequence(nodes), mark: graph.mark))
            _ = top.add("edges", YAMLNode(content: .sequence(edges), mark: graph.mark))
            return top.node(at: graph.mark)
        }

        /// Adds each `<data>` to `item` as the field its key names, typed, then the keys' defaults.
        mutating func fill(_ item: inout TreeItem, from data: [XMLReader.Element], domain: String, derived: Set<String>) {
            var given: Set<String> = []
            for element in data {
                guard let id = element.attribute("key") else {
                    tree.error("<data> has no 'key' attribute", at: element.mark)
                    continue
                }
                guard let key = keys[id.value] else {
                    tree.error("<data> refers to key '\(id.value)', which no <key> declares", at: id.mark)
                    continue
                }
                guard key.domain == domain || key.domain == "all" else {
                    tree.error("key '\(id.value)' ('\(key.name)') is declared for \(key.domain) data, not \(domain) data", at: id.mark)
                    continue
                }
                given.insert(id.value)
                add(element.text, at: element.textMark, key: key, to: &item, derived: derived, dataMark: element.mark)
            }
            for (id, key) in keys.sorted(by: { $0.key < $1.key })
            where !given.contains(id) && (key.domain == domain || key.domain == "all") {
                if let (value, mark) = key.defaultValue { add(value, at: mark, key: key, to: &item, derived: derived, dataMark: mark) }
            }
        }

        mutating func add(
            _ value: String, at mark: YAMLMark, key: Key, to item: inout TreeItem, derived: Set<String>, dataMark: YAMLMark
        ) {
            guard !derived.contains(key.name) else { return }
            let node: YAMLNode
            switch key.type {
            case "boolean":
                let text = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                guard let flag = ["true": "true", "1": "true", "false": "false", "0": "false"][text] else {
                    tree.error("'\(key.name)' is a boolean key; expected true or false, found '\(value)'", at: mark)
                    return
                }
                node = DocumentTree.text(flag, at: mark)
            case "int", "long":
                let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
                guard Int(text) != nil else {
                    tree.error("'\(key.name)' is an \(key.type) key; expected a whole number, found '\(value)'", at: mark)
                    return
                }
                node = DocumentTree.text(text, at: mark)
            case "float", "double":
                let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
                guard Double(text) != nil else {
                    tree.error("'\(key.name)' is a \(key.type) key; expected a number, found '\(value)'", at: mark)
                    return
                }
                node = DocumentTree.text(text, at: mark)
            default:
                if ExchangeFields.listFields.contains(key.name) || ExchangeFields.structuredFields.contains(key.name) {
                    guard let parsed = tree.json(value, field: key.name, at: mark) else { return }
                    node = parsed
                } else {
                    node = DocumentTree.text(value, at: mark)
                }
            }
            if !item.add(key.name, node) { tree.error("'\(key.name)' is given twice", at: dataMark) }
        }
    }
}
