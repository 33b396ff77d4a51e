/// Writes paths as text: node ids joined by relation glyphs.
///
/// A hop is `-relation->` when positive, `-relation-|` when negative and
/// `-relation-o` when of unknown sign; a hop that walks an edge against its
/// direction (undirected queries) is written `<-relation-`.
public struct PathFormatter: Sendable {
    public let network: Network

    public init(network: Network) { self.network = network }

    /// The glyph for walking edge `e` from node `from`.
    public func hop(_ e: EdgeIndex, from: NodeIndex) -> String {
        let edge = network.edge(e)
        let label = edge.label
        let backward = edge.from != from
        if backward { return "<-\(label.name)-" }
        switch label.sign {
        case .positive: return "-\(label.name)->"
        case .negative: return "-\(label.name)-|"
        case .unknown, .none: return "-\(label.name)-o"
        }
    }

    /// `a -inhibits-| b -activates-> c`, for text output (control and bidi characters escaped).
    public func describe(_ path: NetworkPath) -> String {
        var out = network.node(path.nodes[0]).id
        for (i, e) in path.edges.enumerated() {
            out += " \(hop(e, from: path.nodes[i])) \(network.node(path.nodes[i + 1]).id)"
        }
        return DisplayText.escaped(out)
    }

    /// The reference keys of each hop (empty for imported networks).
    public func references(_ path: NetworkPath) -> [[String]] {
        guard let graph = network.graph else { return path.edges.map { _ in [] } }
        return path.edges.map { graph.edges[$0].refs }
    }

    /// The relation (or imported label) of each hop.
    public func relations(_ path: NetworkPath) -> [String] {
        path.edges.map { network.edge($0).label.name }
    }

    /// The node ids along the path.
    public func nodeIDs(_ path: NetworkPath) -> [String] { path.nodes.map { network.node($0).id } }
}
