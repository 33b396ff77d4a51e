/// Layers by kind: drugs first, then direct targets, mediators, processes, and effects and conditions last,
/// kept in order by invisible anchor nodes and edges (docs/rendering.md, "Layers").
struct DiagramLayers {
    /// The number of layers.
    static let count = 5
    /// A layer of more nodes than this is drawn over two ranks (docs/rendering.md, "Layers").
    static let widestRank = 8

    /// The layer of a node kind: 0 drug; 1 receptor, channel, transporter, enzyme; 2 molecule, protein,
    /// pathway and any kind not listed; 3 process, region; 4 effect, condition.
    static func layer(of kind: NodeKind) -> Int {
        switch kind {
        case .drug: 0
        case .receptor, .channel, .transporter, .enzyme: 1
        case .process, .region: 3
        case .effect, .condition: 4
        default: 2
        }
    }

    /// Each drawn node's layer, by id.
    private let layers: [String: Int]
    /// The drawn nodes' ids in drawing order, for the anchors' edges.
    private let order: [String]
    /// Whether the anchors are drawn: layering by kind, under dot, with nodes in two layers or more.
    let active: Bool

    /// The layers of `nodes` (id and kind, in drawing order); inactive unless `layering` is `.kind` and
    /// `engine` is dot (no other engine keeps ranks).
    init(nodes: [(id: String, kind: NodeKind)], layering: DiagramOptions.Layering, engine: String) {
        var layers: [String: Int] = [:]
        for node in nodes { layers[node.id] = Self.layer(of: node.kind) }
        self.layers = layers
        order = nodes.map(\.id)
        let layered =
            switch layering {
            case .kind: engine == "dot"
            case .none: false
            }
        active = layered && Set(layers.values).count > 1
    }

    /// `constraint=false` for a real edge whose head's layer comes before its tail's, so that it cannot
    /// close a cycle with the anchors; nothing for any other edge or when inactive.
    func attributes(from: String, to: String) -> [DOTAttribute] {
        guard active, let tail = layers[from], let head = layers[to], head < tail else { return [] }
        return [.literal("constraint", "false")]
    }

    /// The invisible anchors, one per layer drawn, chained in layer order, and the invisible edges that put
    /// each node at or below its layer's anchor and above the next layer's; `prefix` starts the anchors'
    /// names (no node id starts with it). A layer of more than `widestRank` nodes gets a second rank:
    /// every second node of it is put at least one rank below its anchor. Empty when inactive.
    func statements(prefix: String) -> [DOTStatement] {
        guard active else { return [] }
        let present = Set(layers.values).sorted()
        let name = { (layer: Int) in DOTValue.literal("\(prefix)\(layer)") }
        let hidden: [DOTAttribute] = [.literal("class", "layer-anchor"), .literal("style", "invis"), .literal("weight", "0")]
        var statements: [DOTStatement] = present.map { layer in
            .node(
                name(layer),
                [
                    .literal("class", "layer-anchor"), .literal("shape", "point"), .literal("style", "invis"),
                    .literal("width", "0"), .literal("height", "0"), .literal("label", ""),
                ])
        }
        for (a, b) in zip(present, present.dropFirst()) {
            statements.append(.edge(name(a), name(b), hidden))
        }
        var seen = [Int](repeating: 0, count: Self.count)
        let sizes = Dictionary(grouping: order, by: { layers[$0]! }).mapValues(\.count)
        for id in order {
            let layer = layers[id]!
            let node = DOTValue.literal(id)
            let ranks = (sizes[layer]! + Self.widestRank - 1) / Self.widestRank
            let rank = seen[layer] % ranks
            seen[layer] += 1
            statements.append(.edge(name(layer), node, hidden + [.literal("minlen", String(rank))]))
            if let next = present.first(where: { $0 > layer }) {
                statements.append(.edge(node, name(next), hidden + [.literal("minlen", String(ranks - rank))]))
            }
        }
        return statements
    }

    /// A prefix for the anchors' names that no node id starts with.
    static func prefix(avoiding ids: some Sequence<String>) -> String {
        var prefix = "layer:"
        while ids.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
        return prefix
    }
}
