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
    public struct Path: Sendable, Equatable {
        public var edges: [Int]
        public var sign: Sign

        public init(edges: [Int], sign: Sign) {
            self.edges = edges
            self.sign = sign
        }
    }

    /// Indices into `graph.nodes`, ascending.
    public private(set) var nodes: [Int]
    /// Indices into `graph.edges`, ascending.
    public private(set) var edges: [Int]
    /// Ids of nodes drawn with a heavy border (the focus, path ends).
    public private(set) var highlighted: [String]
    /// Paths listed under the title, each with its net sign.
    public private(set) var paths: [Path]
    /// Lines under the title that say what was selected.
    public var captions: [String]

    /// Every node and every edge the filter admits.
    ///
    /// A node that has edges but loses all of them to the filter is left out;
    /// a node without edges in the graph stays.
    public static func whole(_ graph: Graph, filter: ContextFilter = ContextFilter()) -> DiagramSelection {
        let edges = graph.edges.indices.filter { filter.admits(graph.edges[$0].context) }
        var nodes = graph.nodes.indices.map { $0 }
        if edges.count != graph.edges.count {
            var hasEdge = Set<String>()
            var keeps = Set<String>()
            for edge in graph.edges { hasEdge.insert(edge.from); hasEdge.insert(edge.to) }
            for e in edges { keeps.insert(graph.edges[e].from); keeps.insert(graph.edges[e].to) }
            nodes = nodes.filter { !hasEdge.contains(graph.nodes[$0].id) || keeps.contains(graph.nodes[$0].id) }
        }
        return DiagramSelection(
            nodes: nodes, edges: edges, highlighted: [], paths: [], captions: captions(for: filter))
    }

    /// The nodes within `depth` steps of `focus`, and every admitted edge among them.
    public static func neighbourhood(
        of focus: String, depth: Int, direction: Direction, in graph: Graph, filter: ContextFilter = ContextFilter()
    ) -> DiagramSelection {
        let admitted = graph.edges.indices.filter { filter.admits(graph.edges[$0].context) }
        var outgoing: [String: [String]] = [:]
        var incoming: [String: [String]] = [:]
        for e in admitted {
            outgoing[graph.edges[e].from, default: []].append(graph.edges[e].to)
            incoming[graph.edges[e].to, default: []].append(graph.edges[e].from)
        }
        var reached: Set<String> = [focus]
        var frontier = [focus]
        var level = 0
        while level < depth, !frontier.isEmpty {
            level += 1
            var next: [String] = []
            for id in frontier {
                var neighbours: [String] = []
                if direction != .in { neighbours += outgoing[id] ?? [] }
                if direction != .out { neighbours += incoming[id] ?? [] }
                for neighbour in neighbours where reached.insert(neighbour).inserted { next.append(neighbour) }
            }
            frontier = next
        }
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
    public static func paths(
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

    private static func captions(for filter: ContextFilter) -> [String] {
        guard !filter.isEmpty else { return [] }
        let terms = filter.required.keys.sorted().map { "\($0)=\(filter.required[$0]!)" }
        return ["Where " + terms.joined(separator: ", ")]
    }
}
