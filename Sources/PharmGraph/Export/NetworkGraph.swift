extension Network {
    /// The network as a graph to draw: its curated graph when it has one, else nodes with their
    /// names and kinds, and edges whose label maps to a relation drawn as that relation, the rest as
    /// `modulates` (unknown sign), the label kept in the edge's note (docs/decisions.md).
    ///
    /// `edges` (indices, in the order they become the graph's edges) keeps only those edges, their
    /// end nodes and the nodes in `nodes`; `nil` keeps everything, in order. `title` titles an imported network.
    public func drawingGraph(title: String = "", edges: [EdgeIndex]? = nil, nodes: [NodeIndex] = []) -> Graph {
        if let graph, edges == nil { return graph }
        let kept = edges?.map { Int($0.rawValue) } ?? Array(0..<edgeCount)
        var keepNode = [Bool](repeating: edges == nil, count: nodeCount)
        for n in nodes { keepNode[Int(n.rawValue)] = true }
        for e in kept {
            keepNode[Int(edgeSources[e])] = true
            keepNode[Int(edgeTargets[e])] = true
        }
        let drawnNodes: [Node]
        if let graph {
            drawnNodes = graph.nodes.indices.filter { keepNode[$0] }.map { graph.nodes[$0] }
        } else {
            drawnNodes = (0..<nodeCount).filter { keepNode[$0] }.map {
                Node(id: nodeIDs[$0], label: nodeNames[$0] == nodeIDs[$0] ? nil : nodeNames[$0], kind: NodeKind(kind(of: Int32($0))))
            }
        }
        let drawnEdges = kept.map { e -> Edge in
            if let graph { return graph.edges[e] }
            let label = label(of: Int32(e))
            return Edge(
                from: nodeIDs[Int(edgeSources[e])], relation: label.relation ?? .modulates, to: nodeIDs[Int(edgeTargets[e])],
                context: context(of: Int32(e)), note: label.relation == nil ? "imported label: \(label.name)" : nil)
        }
        return Graph(
            id: graph?.id ?? "", title: graph?.title ?? title, version: graph?.version ?? "", nodes: drawnNodes, edges: drawnEdges)
    }

    /// `graph`, drawn from this network by `drawingGraph` with the same `edges`, with each imported
    /// edge's label (`1`, `pp`, `CbG`, mapped or not; not one that names the drawn relation) in its
    /// context as `label`, which the diagram shows in the edge's tooltip. Apply it after selecting what to draw: `--where` matches a
    /// network's own context, never this entry. A curated graph is returned as it is.
    public func labelled(_ graph: Graph, edges kept: [EdgeIndex]? = nil) -> Graph {
        guard self.graph == nil else { return graph }
        var edges = graph.edges
        for (k, e) in (kept ?? edgeIndices).enumerated() where k < edges.count {
            let name = edge(e).label.name
            if name != edges[k].relation.rawValue { edges[k].context.merge(["label": name]) { own, _ in own } }
        }
        return Graph(
            id: graph.id, title: graph.title, version: graph.version, description: graph.description, sources: graph.sources,
            kinds: graph.kinds, references: graph.references, nodes: graph.nodes, edges: edges, claims: graph.claims)
    }
}

extension Network {
    /// The network as a graph to export (docs/formats.md): `drawingGraph` then `labelled` (each imported label in its
    /// edge's context as `label`), with each imported edge's references and evidence; a curated graph as it is.
    public func exchangeGraph(title: String) -> Graph {
        if let graph { return graph }
        let drawn = labelled(drawingGraph(title: title))
        var edges = drawn.edges
        for e in edges.indices {
            edges[e].refs = refs(of: Int32(e))
            edges[e].evidence = edgeEvidence.isEmpty ? nil : edgeEvidence[e]
        }
        return Graph(id: drawn.id, title: drawn.title, version: drawn.version, nodes: drawn.nodes, edges: edges)
    }
}
