/// Which nodes and edges of a graph a diagram draws, and what it highlights.
///
/// Build one with `whole`, `neighbourhood` or `paths`. Indices point into
/// `graph.nodes` and `graph.edges` and are kept in file order.
public struct DiagramSelection: Sendable, Equatable {
    /// Which way edges are followed from a focus node.
    public enum Direction: String, Sendable, CaseIterable {
        /// Along edges, source to target.
        case out
        /// Against edges, target to source.
        case `in`
        /// Both ways.
        case both
    }

    /// One listed path: its edges (indices into `graph.edges`) and net sign.
    struct Path: Sendable, Equatable {
        var edges: [Int]
        var sign: Sign
    }

    /// Indices into `graph.nodes`, ascending.
    public private(set) var nodes: [Int]
    /// Indices into `graph.edges`, ascending.
    public private(set) var edges: [Int]
    /// Ids of nodes drawn with a heavy border (the focus, path ends).
    public private(set) var highlighted: [String]
    /// Paths listed under the title, each with its net sign.
    private(set) var paths: [Path]
    /// Lines under the title that say what was selected.
    public var captions: [String]
    /// The path table's line saying how many of the paths found are drawn, when not all are.
    var pathsNote: String? = nil

    /// How many paths are listed (0 outside a path figure).
    public var pathCount: Int { paths.count }

    /// Every node and every edge the filter admits.
    ///
    /// A node that has edges but loses all of them to the filter is left out;
    /// a node without edges in the graph stays.
    public static func whole(_ graph: Graph, filter: ContextFilter = ContextFilter()) -> DiagramSelection {
        let edges = filter.admittedEdges(of: graph)
        var nodes = graph.nodes.indices.map { $0 }
        if edges.count != graph.edges.count {
            var hasEdge = Set<String>()
            var keeps = Set<String>()
            for edge in graph.edges {
                hasEdge.insert(edge.from)
                hasEdge.insert(edge.to)
            }
            for e in edges {
                keeps.insert(graph.edges[e].from)
                keeps.insert(graph.edges[e].to)
            }
            nodes = nodes.filter { !hasEdge.contains(graph.nodes[$0].id) || keeps.contains(graph.nodes[$0].id) }
        }
        return DiagramSelection(
            nodes: nodes, edges: edges, highlighted: [], paths: [], captions: captions(for: filter))
    }

    /// The nodes within `depth` steps of `focus`, and every admitted edge among them.
    public static func neighbourhood(
        of focus: String, depth: Int, direction: Direction, in graph: Graph, filter: ContextFilter = ContextFilter()
    ) -> DiagramSelection {
        let admitted = filter.admittedEdges(of: graph)
        // Every id gets an index, edge ends naming no node included, so the walk sees what the edges say.
        var index: [String: Int] = [:]
        var names: [String] = []
        func place(_ id: String) -> Int32 {
            if let i = index[id] { return Int32(i) }
            index[id] = names.count
            names.append(id)
            return Int32(names.count - 1)
        }
        for node in graph.nodes { _ = place(node.id) }
        let ends = admitted.map { (from: place(graph.edges[$0].from), to: place(graph.edges[$0].to)) }
        let depths = NeighbourhoodWalk.depths(
            nodeCount: names.count, edges: ends, seeds: index[focus].map { [$0] } ?? [], steps: depth, direction: direction)
        var reached: Set<String> = [focus]
        for (i, d) in depths.enumerated() where d >= 0 { reached.insert(names[i]) }
        let nodes = graph.nodes.indices.filter { reached.contains(graph.nodes[$0].id) }
        let edges = admitted.filter { reached.contains(graph.edges[$0].from) && reached.contains(graph.edges[$0].to) }
        let label = graph.node(focus)?.displayLabel ?? focus
        let ways =
            switch direction {
            case .out: "downstream"
            case .in: "upstream"
            case .both: "both directions"
            }
        let caption = "Neighbourhood of \(label): depth \(depth), \(ways)"
        return DiagramSelection(
            nodes: nodes, edges: edges, highlighted: [focus], paths: [],
            captions: [caption] + captions(for: filter))
    }

    /// The union of `paths`, each listed with its net sign; the `ends` (ids) are drawn and highlighted.
    static func paths(
        _ paths: [Path], ends: [String], in graph: Graph, captions: [String] = []
    ) -> DiagramSelection {
        var edgeSet = Set<Int>()
        var nodeIDs = Set(ends)
        for path in paths {
            for e in path.edges where graph.edges.indices.contains(e) {
                edgeSet.insert(e)
                nodeIDs.insert(graph.edges[e].from)
                nodeIDs.insert(graph.edges[e].to)
            }
        }
        let nodes = graph.nodes.indices.filter { nodeIDs.contains(graph.nodes[$0].id) }
        return DiagramSelection(
            nodes: nodes, edges: edgeSet.sorted(), highlighted: graph.nodes.map(\.id).filter(Set(ends).contains),
            paths: paths, captions: captions)
    }

    /// The given nodes and edges (indices, any order), captioned with `captions` and then the filter's line.
    static func drawing(nodes: [Int], edges: [Int], captions: [String], filter: ContextFilter) -> DiagramSelection {
        DiagramSelection(
            nodes: Array(Set(nodes)).sorted(), edges: Array(Set(edges)).sorted(), highlighted: [], paths: [],
            captions: captions + Self.captions(for: filter))
    }

    private static func captions(for filter: ContextFilter) -> [String] {
        guard !filter.isEmpty else { return [] }
        let terms = filter.required.keys.sorted().map { "\($0)=\(filter.required[$0]!)" }
        return ["Where " + terms.joined(separator: ", ")]
    }
}

/// The one "nodes within N steps" walk: breadth-first from seeds, along edges, against them, or both.
enum NeighbourhoodWalk {
    /// Each node's distance in steps from the nearest seed, or -1 beyond `steps` (or unreachable).
    static func depths(
        nodeCount: Int, edges: [(from: Int32, to: Int32)], seeds: [Int], steps: Int,
        direction: DiagramSelection.Direction
    ) -> [Int] {
        var depth = [Int](repeating: -1, count: nodeCount)
        var frontier: [Int] = []
        for n in seeds where depth[n] < 0 {
            depth[n] = 0
            frontier.append(n)
        }
        guard steps > 0, !frontier.isEmpty else { return depth }
        // Neighbours in the walked direction(s), as compressed adjacency.
        let (forward, backward) = (direction != .in, direction != .out)
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for (a, b) in edges {
            if forward { offsets[Int(a) + 1] += 1 }
            if backward { offsets[Int(b) + 1] += 1 }
        }
        for i in 0..<nodeCount { offsets[i + 1] += offsets[i] }
        var cursor = offsets
        var neighbours = [Int32](repeating: 0, count: offsets[nodeCount])
        for (a, b) in edges {
            if forward {
                neighbours[cursor[Int(a)]] = b
                cursor[Int(a)] += 1
            }
            if backward {
                neighbours[cursor[Int(b)]] = a
                cursor[Int(b)] += 1
            }
        }
        var level = 0
        while !frontier.isEmpty, level < steps {
            level += 1
            var next: [Int] = []
            for u in frontier {
                for k in offsets[u]..<offsets[u + 1] where depth[Int(neighbours[k])] < 0 {
                    depth[Int(neighbours[k])] = level
                    next.append(Int(neighbours[k]))
                }
            }
            frontier = next
        }
        return depth
    }
}
