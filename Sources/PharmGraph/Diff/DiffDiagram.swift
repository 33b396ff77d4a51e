/// A diagram of a diff: the union of both graphs as DOT text, each node and edge styled by what happened to it.
///
/// Added: green, solid. Removed: red, dashed. Changed: orange, old → new in the label.
/// Sign flips: reddish purple, heavy, labelled. Unchanged: faded grey. Edges keep their
/// relation's glyph (docs/rendering.md), nodes their kind's shape; a legend explains the
/// statuses. With a context, only the changes and the nodes within that many steps of them
/// (either direction) are drawn. See docs/diff.md.
public struct DiffDiagram: Sendable {
    /// The DOT text.
    public let dot: String
    /// Nodes and edges drawn (the legend not counted).
    public let nodeCount: Int
    public let edgeCount: Int
    /// The DOT graph the text was written from.
    package let model: DOTGraph

    /// Above these, a diagram is refused: Graphviz cannot lay it out usefully.
    public static let maximumNodes = 1_500
    public static let maximumEdges = 6_000

    /// Why a diff diagram is not drawn.
    public enum SizeError: Error, CustomStringConvertible, Sendable, Equatable {
        /// More than `maximumNodes` nodes or `maximumEdges` edges, with this context (`nil`: everything).
        case tooLarge(nodes: Int, edges: Int, context: Int?)

        public var description: String {
            switch self {
            case let .tooLarge(nodes, edges, _):
                "the diagram would have \(nodes) nodes and \(edges) edges, more than Graphviz can lay out usefully (at most \(DiffDiagram.maximumNodes) nodes and \(DiffDiagram.maximumEdges) edges)"
            }
        }
    }

    /// Draws a curated graph diff.
    /// - Parameters:
    ///   - names: how the two inputs are shown in the title.
    ///   - context: draw only the changes and the nodes within this many steps of them; `nil` draws everything.
    ///   - engine: the Graphviz layout engine, recorded as the graph's `layout`.
    ///   - caption: a short line at the bottom of the title block (for provenance); `nil` for none.
    ///   - metadata: text recorded as the graph's `comment` (an XML comment in SVG); `nil` for none.
    ///   - figure: the title, font size, size and dpi (docs/rendering.md, "Size"); its other fields are not read.
    init(
        _ diff: GraphDiff, names: (old: String, new: String), context: Int?, engine: String = "dot", caption: String? = nil,
        metadata: String? = nil, figure: DiagramOptions = DiagramOptions()
    ) throws(SizeError) {
        try self.init(
            Union(diff), names: names, context: context, engine: engine, caption: caption, metadata: metadata, figure: figure)
    }

    /// Draws a network diff.
    init(
        _ diff: NetworkDiff, names: (old: String, new: String), context: Int?, engine: String = "dot", caption: String? = nil,
        metadata: String? = nil, figure: DiagramOptions = DiagramOptions()
    ) throws(SizeError) {
        try self.init(
            Union(diff), names: names, context: context, engine: engine, caption: caption, metadata: metadata, figure: figure)
    }

    private init(
        _ union: Union, names: (old: String, new: String), context: Int?, engine: String, caption: String?, metadata: String?,
        figure: DiagramOptions
    ) throws(SizeError) {
        let (nodes, edges) = union.select(context: context)
        guard nodes.count <= Self.maximumNodes, edges.count <= Self.maximumEdges else {
            throw .tooLarge(nodes: nodes.count, edges: edges.count, context: context)
        }
        let frame = DiagramFrame(
            title: DiagramFrame.titleLines(union.title(names: names, context: context).map { ($0, .centred) }, options: figure),
            tooltip: "\(names.old) → \(names.new)", engine: engine, rankDirection: .leftToRight, caption: caption, metadata: metadata
        ).sized(by: figure)
        model = union.dot(nodes: nodes, edges: edges, frame: frame)
        dot = model.text
        nodeCount = nodes.count
        edgeCount = edges.count
    }
}

/// What happened to a node or edge.
enum DiffStatus: Int, CaseIterable {
    case unchanged, added, removed, changed, signFlip

    var name: String {
        switch self {
        case .unchanged: "unchanged"
        case .added: "added"
        case .removed: "removed"
        case .changed: "changed"
        case .signFlip: "sign flip"
        }
    }

    var colour: String {
        switch self {
        case .unchanged: "#BBBBBB"
        case .added: "#009E73"  // Okabe–Ito bluish green
        case .removed: "#D55E00"  // vermillion
        case .changed: "#E69F00"  // orange
        case .signFlip: "#CC79A7"  // reddish purple
        }
    }

    var className: String { "diff-" + name.replacingOccurrences(of: " ", with: "-") }
}

/// The union of the two graphs: every node and edge of either, with its status and what to draw.
private struct Union {
    struct Item {
        let id: String
        let status: DiffStatus
        /// The label's lines: the name, then what changed.
        let lines: [String]
        let look: DOTStyle.NodeLook
        /// The node's kind, for its layer (docs/rendering.md, "Layers").
        let kind: NodeKind
        let tooltip: String
    }

    struct Link {
        let from: Int
        let to: Int
        let status: DiffStatus
        /// The relation's glyph (heads, tails), without colour or width.
        let glyph: [DOTAttribute]
        let lines: [String]
        let tooltip: String
    }

    /// Node items are made lazily: a network may have many thousands, of which few are drawn.
    let nodeCount: Int
    let nodeStatus: (Int) -> DiffStatus
    let item: (Int) -> Item
    let edgeEnds: [(from: Int32, to: Int32)]
    let edgeStatus: [DiffStatus]
    let link: (Int) -> Link

    init(_ diff: GraphDiff) {
        let new = diff.new
        let removed = diff.nodesRemoved
        var index: [String: Int] = [:]
        for (i, node) in new.nodes.enumerated() where index[node.id] == nil { index[node.id] = i }
        for (i, node) in removed.enumerated() { index[node.id] = new.nodes.count + i }
        var statuses = [DiffStatus](repeating: .unchanged, count: new.nodes.count + removed.count)
        var changes: [Int: NodeChange] = [:]
        for change in diff.nodesRenamed + diff.nodesChanged {
            guard let i = index[change.new.id] else { continue }
            statuses[i] = .changed
            changes[i] = change
        }
        for node in diff.nodesAdded { if let i = index[node.id] { statuses[i] = .added } }
        for i in new.nodes.count..<statuses.count { statuses[i] = .removed }
        nodeCount = statuses.count
        let nodeStatuses = statuses
        nodeStatus = { nodeStatuses[$0] }
        item = { i in
            let node = i < new.nodes.count ? new.nodes[i] : removed[i - new.nodes.count]
            var lines = [node.displayLabel]
            if let change = changes[i] {
                if change.rename != nil { lines.append("id: \(change.old.id) → \(change.new.id)") }
                lines += change.changes.map(Union.summary)
            }
            return Item(
                id: node.id, status: nodeStatuses[i], lines: lines, look: DOTStyle.node(kind: node.kind, valence: node.valence),
                kind: node.kind, tooltip: Union.tooltip(node, change: changes[i]))
        }

        var ends: [(Int32, Int32)] = []
        var edgeStatuses: [DiffStatus] = []
        var edgeChanges: [Int: EdgeChange] = [:]
        for change in diff.edgesChanged { edgeChanges[change.index] = change }
        for (e, edge) in new.edges.enumerated() {
            ends.append((Int32(index[edge.from]!), Int32(index[edge.to]!)))
            if diff.edgePartners[e] == nil {
                edgeStatuses.append(.added)
            } else if let change = edgeChanges[e] {
                edgeStatuses.append(change.isSignFlip ? .signFlip : .changed)
            } else {
                edgeStatuses.append(.unchanged)
            }
        }
        let renames = diff.renames
        for edge in diff.edgesRemoved {
            ends.append((Int32(index[renames[edge.from] ?? edge.from]!), Int32(index[renames[edge.to] ?? edge.to]!)))
            edgeStatuses.append(.removed)
        }
        edgeEnds = ends
        edgeStatus = edgeStatuses
        let finalStatuses = edgeStatuses
        link = { e in
            let edge = e < new.edges.count ? new.edges[e] : diff.edgesRemoved[e - new.edges.count]
            var lines: [String] = []
            if let change = edgeChanges[e] { lines = change.changes.map(Union.summary) }
            if finalStatuses[e] == .signFlip, let change = edgeChanges[e] {
                lines[0] = "sign flip: \(change.old.relation.name) → \(change.new.relation.name)"
            }
            var tooltip = "\(edge.from) \(edge.relation.name) \(edge.to) (\(finalStatuses[e].name))"
            if !edge.context.isEmpty { tooltip += "\ncontext: " + Union.entries(edge.context) }
            if !edge.refs.isEmpty { tooltip += "\nrefs: " + edge.refs.joined(separator: ", ") }
            if let change = edgeChanges[e] { tooltip += "\n" + change.changes.map { Union.summary($0, limit: nil) }.joined(separator: "\n") }
            return Link(
                from: Int(ends[e].0), to: Int(ends[e].1), status: finalStatuses[e],
                glyph: Union.glyph(DOTStyle.edge(edge.relation, certainty: edge.effectiveCertainty)), lines: lines,
                tooltip: tooltip)
        }
    }

    init(_ diff: NetworkDiff) {
        let (old, new) = (diff.old, diff.new)
        let removedNodes = diff.nodesRemoved
        var statuses = [DiffStatus](repeating: .unchanged, count: new.nodeCount + removedNodes.count)
        for n in diff.nodesAdded { statuses[Int(n.rawValue)] = .added }
        var changedFrom: [Int: NodeIndex] = [:]
        for pair in diff.nodesChanged {
            statuses[Int(pair.new.rawValue)] = .changed
            changedFrom[Int(pair.new.rawValue)] = pair.old
        }
        for i in new.nodeCount..<statuses.count { statuses[i] = .removed }
        var removedIndex: [NodeIndex: Int] = [:]
        for (i, n) in removedNodes.enumerated() { removedIndex[n] = new.nodeCount + i }
        nodeCount = statuses.count
        let nodeStatuses = statuses
        nodeStatus = { nodeStatuses[$0] }
        item = { i in
            let node = i < new.nodeCount ? new.node(NodeIndex(i)) : old.node(removedNodes[i - new.nodeCount])
            var lines = [node.label == node.id ? node.id : node.label]
            if let o = changedFrom[i] {
                let before = old.node(o)
                if before.label != node.label {
                    lines.append("name: \(Union.short(before.label)) → \(Union.short(node.label))")
                }
                if before.kind != node.kind { lines.append("kind: \(before.kind) → \(node.kind)") }
            }
            return Item(
                id: node.id, status: nodeStatuses[i], lines: lines, look: DOTStyle.node(kind: NodeKind(node.kind), valence: nil),
                kind: NodeKind(node.kind), tooltip: "\(node.id)\nkind: \(node.kind)\n\(nodeStatuses[i].name)")
        }

        var ends: [(Int32, Int32)] = []
        ends.reserveCapacity(new.edgeCount + diff.edgesRemoved.count)
        var edgeStatuses = [DiffStatus](repeating: .unchanged, count: new.edgeCount)
        for e in diff.edgesAdded { edgeStatuses[Int(e.rawValue)] = .added }
        for e in new.edgeIndices {
            let edge = new.edge(e)
            ends.append((edge.from.rawValue, edge.to.rawValue))
        }
        for e in diff.edgesRemoved {
            func position(_ n: NodeIndex) -> Int32 {
                if let i = removedIndex[n] { return Int32(i) }
                return new.index(of: old.node(n).id)!.rawValue
            }
            let edge = old.edge(e)
            ends.append((position(edge.from), position(edge.to)))
            edgeStatuses.append(.removed)
        }
        edgeEnds = ends
        edgeStatus = edgeStatuses
        let finalStatuses = edgeStatuses
        link = { e in
            let (network, index) = e < new.edgeCount ? (new, EdgeIndex(e)) : (old, diff.edgesRemoved[e - new.edgeCount])
            let edge = network.edge(index)
            let glyph: [DOTAttribute] =
                if let relation = edge.relation {
                    Union.glyph(DOTStyle.edge(relation, certainty: .established))
                } else {
                    [.literal("arrowhead", "normal")]
                }
            let (from, to) = (network.node(edge.from).id, network.node(edge.to).id)
            return Link(
                from: Int(ends[e].0), to: Int(ends[e].1), status: finalStatuses[e], glyph: glyph, lines: [edge.label.name],
                tooltip: "\(from) \(edge.label.name) \(to) (\(finalStatuses[e].name))")
        }
    }

    /// The nodes and edges to draw: everything, or the changes and `context` steps around them.
    func select(context: Int?) -> (nodes: [Int], edges: [Int]) {
        guard let context else { return (Array(0..<nodeCount), Array(0..<edgeEnds.count)) }
        var seeds = (0..<nodeCount).filter { nodeStatus($0) != .unchanged }
        for (e, status) in edgeStatus.enumerated() where status != .unchanged {
            seeds += [Int(edgeEnds[e].from), Int(edgeEnds[e].to)]
        }
        let depth = NeighbourhoodWalk.depths(
            nodeCount: nodeCount, edges: edgeEnds, seeds: seeds, steps: context, direction: .both)
        let nodes = (0..<nodeCount).filter { depth[$0] >= 0 }
        // Changed edges always; others when both ends are drawn and they lie within the context.
        let edges = edgeEnds.indices.filter { e in
            let (a, b) = (Int(edgeEnds[e].from), Int(edgeEnds[e].to))
            return depth[a] >= 0 && depth[b] >= 0 && (edgeStatus[e] != .unchanged || context > 0)
        }
        return (nodes, edges)
    }

    // MARK: DOT

    func dot(nodes: [Int], edges: [Int], frame: DiagramFrame) -> DOTGraph {
        var graph = frame.graph(named: "diff")
        var used: [String] = []
        var kinds: [(id: String, kind: NodeKind)] = []
        for n in nodes {
            let item = item(n)
            used.append(item.id)
            kinds.append((item.id, item.kind))
            graph.statements.append(.node(.literal(item.id), Self.attributes(item)))
        }
        let links = edges.map { e in
            let link = link(e)
            return (link: link, from: item(link.from).id, to: item(link.to).id)
        }
        let layers = DiagramLayers(nodes: kinds, edges: links.map { ($0.from, $0.to) }, layering: .kind, engine: frame.engine)
        for (link, from, to) in links {
            graph.statements.append(layers.edge(from: from, to: to, Self.attributes(link)))
        }
        graph.statements += layers.group(kinds.map(\.id), cluster: nil, prefix: DiagramLayers.prefix(avoiding: used))
        graph.statements += legend(nodes: used, edges: links.map { ($0.from, $0.to) }, frame: frame)
        return graph
    }

    /// The title's lines: the two names, what changed, and how much context is drawn.
    func title(names: (old: String, new: String), context: Int?) -> [String] {
        func count(_ statuses: [DiffStatus], _ noun: String) -> String {
            let parts = DiffStatus.allCases.filter { $0 != .unchanged }.compactMap { status -> String? in
                let n = statuses.count { $0 == status }
                return n == 0 ? nil : "\(n) \(status.name)"
            }
            return parts.isEmpty ? "" : "\(noun): " + parts.joined(separator: ", ")
        }
        let allNodes = (0..<nodeCount).map(nodeStatus)
        let summary = [count(allNodes, "nodes"), count(edgeStatus, "edges")].filter { !$0.isEmpty }.joined(separator: "; ")
        var lines = ["\(names.old) → \(names.new)", summary.isEmpty ? "no differences" : summary]
        if let context {
            lines.append(
                context == 0 ? "only the changes are drawn" : "the changes and the nodes within \(context) step\(context == 1 ? "" : "s") of them")
        }
        return lines
    }

    private static func attributes(_ item: Item) -> [DOTAttribute] {
        var look = item.look
        var attributes: [DOTAttribute] = [
            .text("label", item.lines.joined(separator: "\n")), .literal("class", item.status.className),
        ]
        var styles = ["filled"] + look.styles.filter { $0 != "dashed" }
        switch item.status {
        case .unchanged:
            look.fill = "#F4F4F4"
            attributes += [.literal("color", item.status.colour), .literal("fontcolor", "#888888"), .literal("penwidth", "1")]
        case .removed:
            styles.append("dashed")
            look.fill = "#FBE3D6"
            attributes += [.literal("color", item.status.colour), .literal("fontcolor", "#000000"), .literal("penwidth", "2.5")]
        case .added, .changed, .signFlip:
            attributes += [.literal("color", item.status.colour), .literal("fontcolor", "#000000"), .literal("penwidth", "2.5")]
        }
        attributes += [.literal("shape", look.shape), .literal("fillcolor", look.fill), .literal("style", styles.joined(separator: ","))]
        if look.peripheries != 1 { attributes.append(.literal("peripheries", String(look.peripheries))) }
        attributes.append(.tooltip(item.tooltip))
        return attributes
    }

    private static func attributes(_ link: Link) -> [DOTAttribute] {
        var attributes: [DOTAttribute] = [.literal("class", link.status.className)]
        attributes += link.glyph
        let colour = link.status.colour
        switch link.status {
        case .unchanged: attributes += [.literal("color", colour), .literal("penwidth", "1")]
        case .added, .changed: attributes += [.literal("color", colour), .literal("penwidth", "2.5")]
        case .removed: attributes += [.literal("color", colour), .literal("penwidth", "2.5"), .literal("style", "dashed")]
        case .signFlip: attributes += [.literal("color", colour), .literal("penwidth", "4")]
        }
        if link.status != .unchanged, !link.lines.isEmpty {
            attributes += [
                .text("label", link.lines.joined(separator: "\n")), .literal("fontcolor", link.status == .signFlip ? colour : "#333333"),
            ]
        } else if !link.lines.isEmpty {
            attributes += [.text("label", link.lines.joined(separator: "\n")), .literal("fontcolor", "#999999")]
        }
        attributes.append(.tooltip(link.tooltip))
        return attributes
    }

    /// A legend of the statuses in two rows (docs/rendering.md, "Legend"): a sample node for each, then a sample edge.
    private func legend(nodes: [String], edges: [(from: String, to: String)], frame: DiagramFrame) -> [DOTStatement] {
        let prefix = DiagramFrame.legendPrefix(avoiding: nodes)
        let samples = [DiffStatus.added, .removed, .changed, .unchanged].map { status in
            let item = Item(
                id: prefix + "node:" + status.className, status: status, lines: ["\(status.name) node"],
                look: DOTStyle.NodeLook(shape: "box", fill: "#FFFFFF"), kind: "legend", tooltip: "\(status.name) node")
            return LegendEntry.node(.literal(item.id), Self.attributes(item))
        }
        let lines = [DiffStatus.added, .removed, .changed, .signFlip, .unchanged].map { status in
            let link = Link(from: 0, to: 0, status: status, glyph: [.literal("arrowhead", "normal")], lines: [], tooltip: "\(status.name) edge")
            return LegendEntry.sample(
                .literal(prefix + "edge:" + status.className),
                markup: DOTValue.html(escaping: status == .signFlip ? "sign flip (+ ↔ −)" : "\(status.name) edge"),
                tooltip: "\(status.name) edge", className: status.className, glyphs: [Self.attributes(link).filter { $0.name != "class" }])
        }
        return LegendLayout(prefix: prefix, rankDirection: frame.rankDirection, engine: frame.engine).legend(
            label: "Changes", tooltip: "Legend: what happened to each node and edge", rows: [samples, lines],
            below: LegendLayout.lowestNodes(nodes, edges: edges))
    }

    // MARK: Text

    /// A relation's glyph without its colour, width or certainty style (the status decides those).
    static func glyph(_ attributes: [DOTAttribute]) -> [DOTAttribute] {
        attributes.filter { ["arrowhead", "arrowtail", "dir"].contains($0.name) }
    }

    static func entries(_ map: [String: String]) -> String {
        map.keys.sorted().map { "\($0)=\(map[$0]!)" }.joined(separator: ", ")
    }

    static func short(_ text: String, limit: Int? = 32) -> String {
        guard let limit, text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// `certainty: probable → established`, `refs: +a −b`, values shortened for labels.
    static func summary(_ change: FieldChange) -> String { summary(change, limit: 32) }

    /// The one rendering of a field change (`FieldChange.summary(limit:)`), here for labels and tooltips.
    static func summary(_ change: FieldChange, limit: Int?) -> String { change.summary(limit: limit) }

    static func tooltip(_ node: Node, change: NodeChange?) -> String {
        var lines = [node.displayLabel, "id: \(node.id)", "kind: \(node.kind.rawValue)"]
        if let change {
            if change.rename != nil { lines.append("renamed from \(change.old.id)") }
            lines += change.changes.map { summary($0, limit: nil) }
        }
        return lines.joined(separator: "\n")
    }
}
