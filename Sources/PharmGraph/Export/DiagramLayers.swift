/// Layers by kind: drugs first, then direct targets, mediators, processes, and effects and conditions last
/// (docs/rendering.md, "Layers").
///
/// The ranks are computed here, not by dot: a layer spans as many ranks as the longest chain of edges inside
/// it; a rank holds any number of nodes unless `DiagramOptions.rankWidth` bounds it, when a wide row is dealt over
/// further ranks inside its layer (the width is chosen by measuring, docs/rendering.md, "Layers"). Each node is put
/// in its rank with
/// `rank=same` beside an invisible anchor; the anchors of a rank, one outside the clusters and one in each
/// cluster, are tied in a chain, since dot (without `newrank`, which Graphviz 2.42 cannot use with clusters)
/// ranks each cluster on its own.
struct DiagramLayers {
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

    /// Each drawn node's rank, by id.
    private(set) var ranks: [String: Int] = [:]
    /// The number of ranks.
    private(set) var rankCount = 0
    /// Whether the ranks are drawn: layering by kind, under dot, with nodes in two layers or more.
    let active: Bool

    /// The ranks of `nodes` (id and kind, in drawing order) joined by `edges` (drawn ends); inactive unless
    /// `layering` is `.kind` and `engine` is dot (no other engine keeps ranks).
    /// `rankWidth` bounds the nodes of a rank: a wider row (the nodes of one layer and depth) is dealt, in drawing
    /// order, over consecutive ranks of at most that many nodes; `nil` keeps each row in one rank.
    init(
        nodes: [(id: String, kind: NodeKind)], edges: [(from: String, to: String)], layering: DiagramOptions.Layering, engine: String,
        rankWidth: Int? = nil, chained: Bool = false
    ) {
        let layered =
            switch layering {
            case .kind: engine == "dot"
            case .none: false
            }
        active = layered && Set(nodes.map { Self.layer(of: $0.kind) }).count > 1
        guard active else { return }
        var layerOf: [String: Int] = [:]
        for node in nodes { layerOf[node.id] = Self.layer(of: node.kind) }
        let inside = edges.filter { layerOf[$0.from] != nil && layerOf[$0.from] == layerOf[$0.to] }
        var depth = Self.depths(order: nodes.map(\.id), edges: chained ? Self.chains(edges, layerOf: layerOf) : inside)
        if chained { Self.even(&depth, order: nodes.map(\.id), layerOf: layerOf, chains: Self.chains(edges, layerOf: layerOf)) }
        // One row per layer and depth, in that order, its nodes in drawing order; each row in one rank, or dealt
        // over ranks of at most `rankWidth` nodes.
        let keys = Set(nodes.map { [layerOf[$0.id]!, depth[$0.id]!] }).sorted { $0.lexicographicallyPrecedes($1) }
        let rowOf = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var rows: [[String]] = Array(repeating: [], count: keys.count)
        for node in nodes { rows[rowOf[[layerOf[node.id]!, depth[node.id]!]]!].append(node.id) }
        for row in rows {
            // As even as the bound allows: 7 nodes at most 4 a rank are dealt 4 and 3.
            let width = max(1, min(rankWidth ?? row.count, row.count))
            let count = (row.count + width - 1) / width
            let size = (row.count + count - 1) / count
            for (i, id) in row.enumerated() { ranks[id] = rankCount + i / size }
            rankCount += count
        }
    }

    /// The edges that chain nodes inside a layer: those between two nodes of one layer, then a detour `u → x → v`
    /// through a node `x` of an earlier layer read as `u → v` (Ca2+ influx → prostaglandins → central sensitization,
    /// two processes: drawn in one rank, two such detours cross at least once; docs/rendering.md, "Layers").
    static func chains(_ edges: [(from: String, to: String)], layerOf: [String: Int]) -> [(from: String, to: String)] {
        var inside: [(from: String, to: String)] = []
        var ahead: [String: [String]] = [:]  // from a node into a later layer, in order
        for edge in edges {
            guard let from = layerOf[edge.from], let to = layerOf[edge.to], edge.from != edge.to else { continue }
            if from == to { inside.append(edge) } else if to > from { ahead[edge.from, default: []].append(edge.to) }
        }
        var seen = Set(inside.map { [$0.from, $0.to] })
        // u → x back into an earlier layer, then x → v forward into u's layer again: u chains to v.
        for edge in edges {
            guard let layer = layerOf[edge.from], let to = layerOf[edge.to], to < layer else { continue }
            for v in ahead[edge.to] ?? [] where layerOf[v] == layer && v != edge.from && seen.insert([edge.from, v]).inserted {
                inside.append((edge.from, v))
            }
        }
        return inside
    }

    /// `depth` with the nodes of a layer of several depths that no chain joins moved, the last in `order` first, from
    /// its fullest depth to its emptiest while they differ by more than one node: the layer's ranks even out.
    static func even(_ depth: inout [String: Int], order: [String], layerOf: [String: Int], chains: [(from: String, to: String)]) {
        let chained = Set(chains.flatMap { [$0.from, $0.to] })
        for layer in Set(layerOf.values).sorted() {
            let members = order.filter { layerOf[$0] == layer }
            let depths = Set(members.map { depth[$0]! })
            guard depths.count > 1 else { continue }
            while true {
                let counts = depths.sorted().map { d in (d, members.filter { depth[$0] == d }.count) }
                let fullest = counts.max { $0.1 < $1.1 }!
                let emptiest = counts.min { $0.1 < $1.1 }!  // the first of the emptiest: the shallowest
                guard fullest.1 - emptiest.1 > 1,
                    let free = members.last(where: { depth[$0] == fullest.0 && !chained.contains($0) })
                else { break }
                depth[free] = emptiest.0
            }
        }
    }

    /// The longest chain of `edges` into each node, cycles broken by leaving out the edges that close them
    /// in a walk in `order`.
    private static func depths(order: [String], edges: [(from: String, to: String)]) -> [String: Int] {
        var out: [String: [String]] = [:]
        for edge in edges where edge.from != edge.to { out[edge.from, default: []].append(edge.to) }
        // Depth-first, in order: post-order reversed is a topological order of the edges that close no cycle.
        var state: [String: Int] = [:]  // 1 on the stack, 2 done
        var finished: [String] = []
        var forward: [String: [String]] = [:]
        for start in order where state[start] == nil {
            var stack: [(id: String, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let targets = out[top.id] ?? []
                if top.next < targets.count {
                    stack[stack.count - 1].next += 1
                    let to = targets[top.next]
                    switch state[to] {
                    case nil:
                        forward[top.id, default: []].append(to)
                        state[to] = 1
                        stack.append((to, 0))
                    case 2: forward[top.id, default: []].append(to)
                    default: break  // back to the stack: closes a cycle
                    }
                } else {
                    state[top.id] = 2
                    finished.append(top.id)
                    stack.removeLast()
                }
            }
        }
        var depth: [String: Int] = [:]
        for id in order { depth[id] = 0 }
        for id in finished.reversed() {
            for to in forward[id] ?? [] { depth[to] = max(depth[to]!, depth[id]! + 1) }
        }
        return depth
    }

    /// The graph attributes of a layered drawing (docs/rendering.md, "Layers", measured there): edges drawn
    /// as polylines through dot's virtual nodes, whose curves otherwise cross near the nodes they fan out of,
    /// and a longer crossing minimisation (`mclimit`); none when inactive.
    var graphAttributes: [DOTAttribute] {
        active ? [.literal("splines", "polyline"), .literal("mclimit", "10")] : []
    }

    /// A real edge from `from` to `to` with `attributes`, fitted to the ranks: an edge whose head is ranked
    /// above its tail is written head first with its end attributes swapped and `dir` reversed, so that dot
    /// keeps it in its crossing minimisation (dot leaves `constraint=false` edges out of it and routes them
    /// around the drawing), and it gets the class `layer-reversed`, by which the layout report reads its ends
    /// back; an edge along a rank gets `constraint=false`. Any other edge, or every edge when inactive, as given.
    func edge(from: String, to: String, _ attributes: [DOTAttribute]) -> DOTStatement {
        guard active, let tail = ranks[from], let head = ranks[to], head <= tail else {
            return .edge(.literal(from), .literal(to), attributes)
        }
        guard head < tail else { return .edge(.literal(from), .literal(to), attributes + [.literal("constraint", "false")]) }
        var swapped = attributes.map { attribute in
            var attribute = attribute
            if attribute.name == "class" {
                attribute.value = .literal(attribute.value.raw + " " + Self.reversedClass)
            } else if attribute.name == "dir" {
                attribute.value = .literal(Self.reversedDirection[attribute.value.raw] ?? attribute.value.raw)
            } else if let name = Self.otherEnd[attribute.name] {
                attribute.name = name
            }
            return attribute
        }
        if !attributes.contains(where: { $0.name == "dir" }) { swapped.append(.literal("dir", "back")) }
        if !attributes.contains(where: { $0.name == "class" }) { swapped.insert(.literal("class", Self.reversedClass), at: 0) }
        return .edge(.literal(to), .literal(from), swapped)
    }

    /// `statements` ready for Graphviz's `concentrate`: an edge written again between the same two nodes in the same
    /// direction gets a tail port on the side the flow leaves by (`s` top to bottom, `e` left to right), unless it
    /// has one. dot 2.43 drops such a repeated edge from a concentrated drawing (no route, no glyph) when its ports
    /// equal the first's, and a parallel edge is a different relation with its own glyph (docs/rendering.md, "Layers").
    static func concentrated(_ statements: [DOTStatement], rankDirection: DiagramOptions.RankDirection) -> [DOTStatement] {
        var seen = Set<[String]>()
        return statements.map { statement in
            guard case let .edge(tail, head, attributes) = statement, !seen.insert([tail.raw, head.raw]).inserted,
                !attributes.contains(where: { $0.name == "tailport" })
            else { return statement }
            let port = rankDirection == .topToBottom ? "s" : "e"
            return .edge(tail, head, [.literal("tailport", port)] + attributes)
        }
    }

    /// The class of an edge written head first (`edge(from:to:_:)`); docs/rendering.md, "Layers".
    package static let reversedClass = "layer-reversed"

    /// Each attribute of one end of an edge and its counterpart at the other end.
    private static let otherEnd: [String: String] = {
        let pairs = [
            ("arrowhead", "arrowtail"), ("headlabel", "taillabel"), ("headport", "tailport"), ("samehead", "sametail"),
            ("headclip", "tailclip"), ("headURL", "tailURL"), ("headhref", "tailhref"), ("headtarget", "tailtarget"),
            ("headtooltip", "tailtooltip"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs + pairs.map { ($1, $0) })
    }()

    /// `dir` of an edge written the other way round.
    private static let reversedDirection = ["forward": "back", "back": "forward"]

    /// The statements of one group of nodes: `nodes` of the cluster named `cluster` (to go inside it), or the
    /// nodes outside every cluster (`nil`, top level). Each rank the group spans gets an anchor, chained to
    /// the next, and a `rank=same` subgraph of the anchor and the group's nodes of that rank. Empty when inactive.
    func group(_ nodes: [String], cluster: String?, prefix: String) -> [DOTStatement] {
        guard active else { return [] }
        let ranked = nodes.compactMap { id in ranks[id].map { (id, $0) } }
        let span: ClosedRange<Int>
        if cluster != nil {
            guard let low = ranked.map(\.1).min(), let high = ranked.map(\.1).max() else { return [] }
            span = low...high
        } else {
            span = 0...(rankCount - 1)
        }
        var statements: [DOTStatement] = span.map { .node(anchor($0, cluster: cluster, prefix: prefix), Self.anchorLook) }
        for r in span.dropLast() {
            // Heavy: a chain is never stretched, so that every chain of a rank stays level with the others.
            statements.append(
                .edge(
                    anchor(r, cluster: cluster, prefix: prefix), anchor(r + 1, cluster: cluster, prefix: prefix),
                    [.literal("class", "layer-anchor"), .literal("style", "invis"), .literal("weight", "100")]))
        }
        for r in span {
            let members = ranked.filter { $0.1 == r }.map { DOTStatement.node(.literal($0.0), []) }
            guard !members.isEmpty else { continue }
            statements.append(
                .subgraph(
                    DOTSubgraph(
                        name: .literal("\(prefix)\(cluster.map { $0 + ":" } ?? "")rank:\(r)"), attributes: [.literal("rank", "same")],
                        statements: [.node(anchor(r, cluster: cluster, prefix: prefix), [])] + members)))
        }
        return statements
    }

    /// The edge (top level) that holds a cluster's chain of anchors level with the global one: from the global
    /// anchor of the cluster's first rank to its own. Heavy, since dot without newrank treats an edge into a
    /// cluster as a cost in either direction, not a bound; the chains are as long as the ranks they span.
    func tie(_ nodes: [String], cluster: String, prefix: String) -> [DOTStatement] {
        guard active, let low = nodes.compactMap({ ranks[$0] }).min() else { return [] }
        return [
            .edge(
                anchor(low, cluster: nil, prefix: prefix), anchor(low, cluster: cluster, prefix: prefix),
                [.literal("class", "layer-anchor"), .literal("style", "invis"), .literal("weight", "1000"), .literal("minlen", "0")])
        ]
    }

    private func anchor(_ rank: Int, cluster: String?, prefix: String) -> DOTValue {
        .literal("\(prefix)\(cluster.map { $0 + ":" } ?? "")\(rank)")
    }

    private static let anchorLook: [DOTAttribute] = [
        .literal("class", "layer-anchor"), .literal("shape", "point"), .literal("style", "invis"), .literal("width", "0"),
        .literal("height", "0"), .literal("label", ""),
    ]

    private static let hidden: [DOTAttribute] = [.literal("class", "layer-anchor"), .literal("style", "invis"), .literal("weight", "0")]

    /// A prefix for the anchors' names that no node id starts with.
    static func prefix(avoiding ids: some Sequence<String>) -> String {
        var prefix = "layer:"
        while ids.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
        return prefix
    }
}
