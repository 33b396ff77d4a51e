import PharmGraph
import PharmGraphRender

extension Renderer {
    /// Parses `model`'s DOT text with cgraph and lists every attribute, name or object not read back
    /// exactly (HTML-ness included); empty when the round trip is exact. Used by tests and fuzzing.
    package static func roundTripMismatches(of model: DOTGraph) throws(GraphvizError) -> [String] {
        try contents(of: model.text).mismatches(against: model)
    }
}

extension DOTContents {
    /// Every difference between what cgraph read and what `model` wrote, as readable lines.
    package func mismatches(against model: DOTGraph) -> [String] {
        var problems: [String] = []
        if graph.name != model.name.raw { problems.append("graph name \(quoted(graph.name)) != \(quoted(model.name.raw))") }
        func check(_ attributes: [DOTAttribute], in object: Object, _ what: String) {
            for attribute in attributes {
                let read = object.attributes[attribute.name]
                if read != attribute.value.raw {
                    problems.append(
                        "\(what): \(attribute.name) read back as \(read.map(quoted) ?? "nothing"), written \(quoted(attribute.value.raw))")
                }
                if object.htmlAttributes.contains(attribute.name) != attribute.value.isHTML {
                    problems.append("\(what): \(attribute.name) HTML-ness changed")
                }
            }
        }
        check(model.attributes, in: graph, "graph")
        let flat = FlatStatements(model.statements)
        if nodes.count != flat.nodes.count { problems.append("\(nodes.count) nodes read back, \(flat.nodes.count) written") }
        for node in flat.nodes {
            guard let read = nodes.first(where: { $0.name == node.name }) else {
                problems.append("node \(quoted(node.name)) not read back")
                continue
            }
            check(node.attributes, in: read, "node \(quoted(node.name))")
            for fallback in model.nodeDefaults where !node.attributes.contains(where: { $0.name == fallback.name }) {
                check([fallback], in: read, "node \(quoted(node.name)) default")
            }
        }
        var unmatched = edges
        for edge in flat.edges {
            let index = unmatched.firstIndex { read in
                read.tail == edge.tail && read.head == edge.head
                    && edge.attributes.allSatisfy { read.attributes[$0.name] == $0.value.raw }
            }
            guard let index else {
                problems.append("edge \(quoted(edge.tail)) -> \(quoted(edge.head)) not read back exactly")
                continue
            }
            unmatched.remove(at: index)
        }
        for edge in unmatched { problems.append("edge \(quoted(edge.tail)) -> \(quoted(edge.head)) read back but not written") }
        let readSubgraphs = DOTContents.flatten(subgraphs)
        if readSubgraphs.count != flat.subgraphs.count {
            problems.append("\(readSubgraphs.count) subgraphs read back, \(flat.subgraphs.count) written")
        }
        for subgraph in flat.subgraphs {
            guard let read = readSubgraphs.first(where: { $0.object.name == subgraph.name.raw }) else {
                problems.append("subgraph \(quoted(subgraph.name.raw)) not read back")
                continue
            }
            check(subgraph.attributes, in: read.object, "subgraph \(quoted(subgraph.name.raw))")
            let own = FlatStatements(subgraph.statements).nodes.map(\.name)
            if Set(read.nodeNames) != Set(own) { problems.append("subgraph \(quoted(subgraph.name.raw)) has other nodes") }
        }
        return problems
    }

    private static func flatten(_ subgraphs: [Subgraph]) -> [Subgraph] {
        subgraphs.flatMap { [$0] + flatten($0.subgraphs) }
    }

    private func quoted(_ text: String) -> String { "\"" + text.debugDescription.dropFirst().dropLast() + "\"" }
}

/// Every node, edge and subgraph of DOT statements, with subgraphs flattened.
private struct FlatStatements {
    var nodes: [(name: String, attributes: [DOTAttribute])] = []
    var edges: [(tail: String, head: String, attributes: [DOTAttribute])] = []
    var subgraphs: [DOTSubgraph] = []

    init(_ statements: [DOTStatement]) { add(statements) }

    private mutating func add(_ statements: [DOTStatement]) {
        for statement in statements {
            switch statement {
            case let .node(name, attributes):
                // A node named again (in a rank=same subgraph) is one node: its attributes add to the first mention's.
                if let i = nodes.firstIndex(where: { $0.name == name.raw }) {
                    nodes[i].attributes += attributes
                } else {
                    nodes.append((name.raw, attributes))
                }
            case let .edge(tail, head, attributes): edges.append((tail.raw, head.raw, attributes))
            case let .subgraph(subgraph):
                subgraphs.append(subgraph)
                add(subgraph.statements)
            }
        }
    }
}
