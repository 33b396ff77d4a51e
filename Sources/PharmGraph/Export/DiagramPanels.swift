extension DiagramOptions.Size {
    /// A 16:9 slide, 13.33 × 7.5 inches: the default bound of panels, the summary and path figures (docs/rendering.md, "Size").
    public static let slide = DiagramOptions.Size(width: 13.33, height: 7.5)
}

/// Small multiples: one figure per `system` value, each the system's nodes with the drugs acting on them and
/// the effects and conditions they act on, sharing one legend (docs/rendering.md, "Panels").
public struct DiagramPanels: Sendable {
    /// One figure.
    public struct Panel: Sendable, Equatable {
        /// The system drawn; `nil` for the panel of the nodes without a system.
        public let system: String?
        /// The file name without its extension: the system's slug, unique among the panels and never `legend`.
        public let name: String
        public let selection: DiagramSelection
    }

    /// The file name, without extension, of the shared legend.
    public static let legendName = "legend"
    /// The file name, without extension, of the panel of the nodes without a system.
    public static let noSystemName = "no-system"
    /// The longest slug, in characters.
    static let longestSlug = 60

    public let graph: Graph
    /// The panels, in the order each system first occurs in the graph's nodes; the nodes without one last.
    public let panels: [Panel]

    /// The panels of `graph`, leaving out edges `filter` excludes.
    public init(graph: Graph, filter: ContextFilter = ContextFilter()) {
        self.graph = graph
        let admitted = filter.admittedEdges(of: graph)
        let whole = DiagramSelection.whole(graph, filter: filter)
        let drawable = Set(whole.nodes)
        var systems: [String?] = []
        for node in graph.nodes where !systems.contains(node.system) { systems.append(node.system) }
        if let none = systems.firstIndex(of: nil) { systems.append(systems.remove(at: none)) }
        var used: Set<String> = [Self.legendName]
        var panels: [Panel] = []
        for system in systems {
            let members = whole.nodes.filter { graph.nodes[$0].system == system }
            guard !members.isEmpty else { continue }
            let name = Self.unique(system.map(Self.slug) ?? Self.noSystemName, in: &used)
            panels.append(
                Panel(
                    system: system, name: name,
                    selection: Self.selection(system: system, members: members, drawable: drawable, admitted: admitted, graph: graph, filter: filter)))
        }
        self.panels = panels
    }

    /// The system's nodes; the drugs with an edge into them; the effects and conditions with an edge from them; the edges
    /// among these that touch the system, and the structural edges among the drugs.
    private static func selection(
        system: String?, members: [Int], drawable: Set<Int>, admitted: [Int], graph: Graph, filter: ContextFilter
    ) -> DiagramSelection {
        var position: [String: Int] = [:]
        for (i, node) in graph.nodes.enumerated() where position[node.id] == nil { position[node.id] = i }
        let inside = Set(members.map { graph.nodes[$0].id })
        var drugs = Set<String>()
        var outcomes = Set<String>()
        for e in admitted {
            let edge = graph.edges[e]
            guard let from = position[edge.from], let to = position[edge.to], drawable.contains(from), drawable.contains(to) else { continue }
            if inside.contains(edge.to), !inside.contains(edge.from), graph.nodes[from].kind == .drug { drugs.insert(edge.from) }
            if inside.contains(edge.from), !inside.contains(edge.to), NodeSelector.effectKinds.contains(graph.nodes[to].kind) {
                outcomes.insert(edge.to)
            }
        }
        let drawn = inside.union(drugs).union(outcomes)
        let edges = admitted.filter { e in
            let edge = graph.edges[e]
            guard drawn.contains(edge.from), drawn.contains(edge.to) else { return false }
            return inside.contains(edge.from) || inside.contains(edge.to)
                || (drugs.contains(edge.from) && drugs.contains(edge.to) && edge.relation.isStructural)
        }
        var nodes = drawn.compactMap { position[$0] }.sorted()
        let caption =
            if let system {
                "System: \(system), with the drugs acting on it and the effects it acts on"
            } else {
                "Nodes without a system, with the drugs acting on them and the effects they act on"
            }
        // A node with no edge in the panel says nothing there: named in the caption instead of a column of lone nodes.
        let linked = Set(edges.flatMap { [graph.edges[$0].from, graph.edges[$0].to] })
        let lone = nodes.filter { !linked.contains(graph.nodes[$0].id) }
        guard !edges.isEmpty, !lone.isEmpty else { return .drawing(nodes: nodes, edges: edges, captions: [caption], filter: filter) }
        nodes = nodes.filter { linked.contains(graph.nodes[$0].id) }
        let names = lone.map { graph.nodes[$0].displayLabel }
        return .drawing(nodes: nodes, edges: edges, captions: [caption] + Self.loneLines(names), filter: filter)
    }

    /// The most characters of a caption line naming the nodes a panel leaves out.
    static let loneLineWidth = 110

    /// `Not drawn, no edge in this panel: A, B, …`, broken after commas into lines of about `loneLineWidth` characters.
    static func loneLines(_ names: [String]) -> [String] {
        var lines: [String] = []
        var line = "Not drawn, no edge in this panel:"
        for (i, name) in names.enumerated() {
            let item = " " + name + (i + 1 < names.count ? "," : "")
            if line.count + item.count > loneLineWidth, !line.hasSuffix(":") {
                lines.append(line)
                line = String(item.dropFirst())
            } else {
                line += item
            }
        }
        return lines + [line]
    }

    /// The union of every panel's nodes and edges, for the shared legend.
    public var union: DiagramSelection {
        .drawing(
            nodes: panels.flatMap(\.selection.nodes), edges: panels.flatMap(\.selection.edges), captions: ["Legend of the panels by system"],
            filter: ContextFilter())
    }

    /// `slug`, or it with `-2`, `-3`… when taken; recorded as taken.
    static func unique(_ slug: String, in used: inout Set<String>) -> String {
        var name = slug
        var n = 2
        while used.contains(name) {
            name = "\(slug)-\(n)"
            n += 1
        }
        used.insert(name)
        return name
    }

    /// A file name stem for `system`: its lowercased ASCII letters and digits, every other run of characters one `-`,
    /// none at the ends, at most `longestSlug` characters; `system` when nothing is left.
    static func slug(_ system: String) -> String {
        var slug = ""
        for character in system.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        slug = String(slug.prefix(longestSlug))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "system" : slug
    }
}

extension PathwayDiagram {
    /// A panel: the selection drawn as any diagram, its nodes packed close when ranks run left to right (a column of
    /// many effects is the panel's height on a slide; top to bottom the legend-free panel keeps the default spacing).
    public init(panel: DiagramPanels.Panel, of panels: DiagramPanels, options: DiagramOptions = DiagramOptions()) {
        var builder = DiagramBuilder(graph: panels.graph, selection: panel.selection, options: options)
        var model = builder.build()
        if options.rankDirection == .leftToRight { model.pack(nodeSeparation: DiagramPanels.packedNodeSeparation) }
        model.pack(options)
        self.model = model
        dot = model.text
        nodeCount = builder.drawnCount
    }

    /// The shared legend of `panels` alone: a figure of the legend of everything the panels draw, titled like them, in
    /// two rows whatever the panels' direction (a column pair left to right would be taller than a slide).
    public init(legendOf panels: DiagramPanels, options: DiagramOptions = DiagramOptions()) {
        var options = options
        options.rankDirection = .topToBottom
        var builder = DiagramBuilder(graph: panels.graph, selection: panels.union, options: options)
        model = builder.buildLegend()
        dot = model.text
        nodeCount = 0
    }
}

extension DiagramPanels {
    /// The node separation, in inches, of panels and the summary laid out left to right (other figures: 0.25).
    static let packedNodeSeparation = "0.1"
}

extension DOTGraph {
    /// The graph with its nodes `nodeSeparation` inches apart in a rank.
    mutating func pack(nodeSeparation: String) {
        attributes = attributes.map { $0.name == "nodesep" ? .literal("nodesep", nodeSeparation) : $0 }
    }

    /// The graph with its nodes and ranks `DiagramFit`'s packed distances apart when `options.packed`, unless it draws
    /// a legend top to bottom: there the legend's sample glyphs are flat edges one node separation long.
    mutating func pack(_ options: DiagramOptions) {
        guard options.packed, !(options.legend && options.rankDirection == .topToBottom) else { return }
        pack(nodeSeparation: DiagramFit.packedNodeSeparation)
        attributes = attributes.map { $0.name == "ranksep" ? .literal("ranksep", DiagramFit.packedRankSeparation) : $0 }
    }
}

extension DiagramBuilder {
    /// The widest row of a legend figure of its own, in characters: about a slide's width.
    static let legendRowWidth = 170

    /// The frame with the legend of the selection's nodes and edges, and nothing else.
    mutating func buildLegend() -> DOTGraph {
        let frame = DiagramFrame(
            title: DiagramFrame.titleLines(titleText().map { ($0, .centred) }, options: options), tooltip: "\(graph.title) \(graph.version)",
            engine: options.engine, rankDirection: options.rankDirection, caption: options.caption, metadata: options.metadata
        ).sized(by: options)
        var dot = frame.graph(named: graph.id)
        let nodes = selection.nodes.filter(graph.nodes.indices.contains).map { graph.nodes[$0] }
        let edges = selection.edges.filter(graph.edges.indices.contains).map { graph.edges[$0] }
        // The cluster only: the edges that place a legend below a drawing would draw the nodes here.
        dot.statements += legend(nodes: nodes, edges: edges, rowWidth: Self.legendRowWidth).filter {
            if case .subgraph = $0 { true } else { false }
        }
        return dot
    }
}
