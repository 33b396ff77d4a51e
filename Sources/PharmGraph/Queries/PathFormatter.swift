/// Writes paths as text: node ids joined by relation glyphs.
///
/// A hop is `-relation->` when positive, `-relation-|` when negative and
/// `-relation-o` when of unknown sign; a hop that walks an edge against its
/// direction (undirected queries) is written `<-relation-`.
struct PathFormatter: Sendable {
    let network: Network

    /// The glyph for walking edge `e` from node `from`.
    func hop(_ e: EdgeIndex, from: NodeIndex) -> String {
        let edge = network.edge(e)
        return Self.glyph(edge.label.name, sign: edge.label.sign, backward: edge.from != from)
    }

    /// `-name->`, `-name-|`, `-name-o` by sign, or `<-name-` for a hop walked against the edge.
    static func glyph(_ name: String, sign: Sign, backward: Bool = false) -> String {
        if backward { return "<-\(name)-" }
        switch sign {
        case .positive: return "-\(name)->"
        case .negative: return "-\(name)-|"
        case .unknown, .none: return "-\(name)-o"
        }
    }

    /// `a -inhibits-| b -activates-> c` with the node names given (unescaped): the one path-text layout.
    func text(_ path: NetworkPath, names: [String]) -> String {
        var out = names[Int(path.nodes[0].rawValue)]
        for (i, e) in path.edges.enumerated() {
            out += " \(hop(e, from: path.nodes[i])) \(names[Int(path.nodes[i + 1].rawValue)])"
        }
        return out
    }

    /// `a -inhibits-| b -activates-> c`, for text output (control and bidi characters escaped).
    func describe(_ path: NetworkPath) -> String {
        DisplayText.escaped(text(path, names: network.nodeIDs))
    }

    /// `+  a -inhibits-| b  [ref1 | ref2]`: a path line of `paths`.
    func line(_ path: NetworkPath) -> String {
        let refs = references(path)
        var text = "\(path.sign.symbol)  \(describe(path))"
        if refs.contains(where: { !$0.isEmpty }) {
            text += "  [" + refs.map { $0.isEmpty ? "-" : DisplayText.escaped($0.joined(separator: ",")) }.joined(separator: " | ") + "]"
        }
        return text
    }

    /// The reference keys of each hop (empty for imported networks).
    func references(_ path: NetworkPath) -> [[String]] {
        guard let graph = network.graph else { return path.edges.map { _ in [] } }
        return path.edges.map { graph.edges[$0].refs }
    }

    /// The relation (or imported label) of each hop.
    func relations(_ path: NetworkPath) -> [String] {
        path.edges.map { network.edge($0).label.name }
    }

    /// The node ids along the path.
    func nodeIDs(_ path: NetworkPath) -> [String] { path.nodes.map { network.node($0).id } }
}
