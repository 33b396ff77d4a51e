/// How a diagram is laid out and what it shows besides the graph.
public struct DiagramOptions: Sendable, Equatable {
    /// The direction ranks run in.
    public enum RankDirection: String, Sendable, CaseIterable {
        /// Left to right.
        case leftToRight = "LR"
        /// Top to bottom.
        case topToBottom = "TB"
    }

    /// How nodes are put in ranks (docs/rendering.md, "Layers").
    public enum Layering: String, Sendable, CaseIterable {
        /// Drugs first, then direct targets, mediators, processes, and effects and conditions last.
        case kind
        /// No rank constraints: Graphviz's own ranking of the edges.
        case none
    }

    /// A drawing's size in inches, as Graphviz's `size` (a bound; the drawing is scaled down to fit).
    public struct Size: Sendable, Equatable {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    public var rankDirection: RankDirection
    /// Draw nodes that carry a `system` inside a labelled cluster per system.
    public var clusterBySystem: Bool
    /// Draw the legend.
    public var legend: Bool
    /// The Graphviz layout engine, recorded as the graph's `layout` attribute.
    public var engine: String
    /// A short line at the bottom of the title block (for provenance); `nil` for none.
    public var caption: String?
    /// Text recorded as the graph's `comment`, which SVG output carries as an XML comment; `nil` for none.
    public var metadata: String?
    /// How nodes are put in ranks.
    public var layering: Layering
    /// Draw a drug's enantiomers and metabolites as their own nodes instead of one box for the family.
    public var expandForms: Bool
    /// Draw the title block (the caption stays when `caption` is set).
    public var title: Bool
    /// Text that replaces the title's first line (the graph's title); `nil` keeps it.
    public var titleText: String? = nil
    /// The node labels' font size in points; the other text scales with it.
    public var fontSize: Double
    /// The largest size of the drawing in inches; `nil` for the default (docs/rendering.md, "Size").
    public var size: Size?
    /// Dots per inch of bitmap output; `nil` for Graphviz's 96.
    public var dpi: Double?
    /// The most nodes a layered rank holds: a wider row of a layer is dealt over consecutive ranks; `nil` for no
    /// bound (docs/rendering.md, "Layers"; `DiagramFit` chooses it for figures on a slide).
    public var rankWidth: Int? = nil
    /// Merge edges that run the same way from one node or into one into shared lines (Graphviz's `concentrate`),
    /// for a layered figure under dot that draws no paths; `DiagramFit.fewestCrossings` decides for the whole graph
    /// (docs/rendering.md, "Layers").
    public var concentrate = false
    /// Nodes and ranks closer than by default (`DiagramFit.packedNodeSeparation`, `packedRankSeparation`): the second
    /// round of candidates for a slide figure whose first round crosses or does not fit; not top to bottom with a legend,
    /// whose sample glyphs are one node separation long (docs/rendering.md, "Size").
    public var packed = false
    /// Layers split by structure (`DiagramLayers.chains`): a node reached from another of its layer by way of an
    /// earlier layer goes a rank after it, and the nodes free of such chains even out the layer's ranks; the third
    /// round of candidates for a slide figure, packed too (docs/rendering.md, "Size").
    public var chained = false
    /// A path figure's node labels wrapped narrower in its column arrangement (`DiagramBuilder.narrowColumnLabelWidth`):
    /// the fourth round of candidates for a slide figure, packed too (docs/rendering.md, "Size").
    public var narrowLabels = false
    /// Which edges draw their badge and path numbers on the other side of the edge, as one external label (`xlabel`,
    /// which Graphviz places after the layout, clear of the other labels and nodes where it can; an edge with a context
    /// label, an `xlabel` already, keeps them at its ends) or inlined as the edge's `label`, instead of at their tail
    /// and head. What a slide figure is drawn with when its labels at the ends collide and this has fewer label
    /// overlaps (`DiagramFit.settled`; docs/rendering.md, "Edge labels").
    public var floatingLabels = LabelFloat.none

    /// Which edges float their end labels (`floatingLabels`), and how.
    public enum LabelFloat: Sendable, Equatable {
        case none
        case all
        /// The edges drawn between these DOT node names, tail first.
        case edges(Set<EdgeEnds>)
        /// Every edge's end labels as its `label`, which dot lays out like a node beside the edge's middle, so that it
        /// never overlaps a node or another label (`DiagramBuilder.inlined`).
        case inlineAll
        /// The edges drawn between these DOT node names, their end labels as their `label`.
        case inlineEdges(Set<EdgeEnds>)
        /// The edges drawn between these DOT node names, their end labels on the other side of the edge (`labelangle`
        /// negated), which moves no node (`DiagramBuilder.flipped`).
        case flipEdges(Set<EdgeEnds>)

        /// Whether the edge drawn from `from` to `to` floats its end labels as an `xlabel`.
        func floats(_ from: String, _ to: String) -> Bool {
            switch self {
            case .none, .inlineAll, .inlineEdges, .flipEdges: false
            case .all: true
            case let .edges(ends): ends.contains(EdgeEnds(from: from, to: to))
            }
        }

        /// Whether the edge drawn from `from` to `to` draws its end labels as its `label`.
        func inlines(_ from: String, _ to: String) -> Bool {
            switch self {
            case .none, .all, .edges, .flipEdges: false
            case .inlineAll: true
            case let .inlineEdges(ends): ends.contains(EdgeEnds(from: from, to: to))
            }
        }

        /// Whether the edge drawn from `from` to `to` draws its end labels on the other side of itself.
        func flips(_ from: String, _ to: String) -> Bool {
            switch self {
            case .none, .all, .edges, .inlineAll, .inlineEdges: false
            case let .flipEdges(ends): ends.contains(EdgeEnds(from: from, to: to))
            }
        }
    }

    /// An edge's ends, by their DOT node names.
    public struct EdgeEnds: Sendable, Hashable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// The spacing and layering of a round of slide candidates (`DiagramFit.Round`).
    public mutating func set(_ round: DiagramFit.Round) {
        packed = round != .plain
        chained = round == .chained
        narrowLabels = round == .narrow
    }

    /// These options for one slide candidate: its rank direction and width, its round and its floated labels.
    public func candidate(
        _ direction: RankDirection, width: Int?, round: DiagramFit.Round, floating: LabelFloat
    ) -> DiagramOptions {
        var options = self
        options.rankDirection = direction
        options.rankWidth = width
        options.set(round)
        options.floatingLabels = floating
        return options
    }

    public init(
        rankDirection: RankDirection = .topToBottom, clusterBySystem: Bool = false, legend: Bool = true, engine: String = "dot",
        caption: String? = nil, metadata: String? = nil, layering: Layering = .kind, expandForms: Bool = false,
        title: Bool = true, fontSize: Double = 11, size: Size? = nil, dpi: Double? = nil
    ) {
        self.rankDirection = rankDirection
        self.clusterBySystem = clusterBySystem
        self.legend = legend
        self.engine = engine
        self.caption = caption
        self.metadata = metadata
        self.layering = layering
        self.expandForms = expandForms
        self.title = title
        self.fontSize = fontSize
        self.size = size
        self.dpi = dpi
    }

    /// Records `provenance` as the metadata and, when `caption` is true, as the caption line.
    public mutating func record(_ provenance: Provenance, caption: Bool) {
        self.caption = caption ? provenance.caption : nil
        metadata = provenance.metadata
    }
}

/// A pathway diagram of a graph as deterministic DOT text, in the visual language of docs/rendering.md.
public struct PathwayDiagram: Sendable {
    /// The DOT text.
    public let dot: String
    /// The number of graph nodes drawn (the legend's samples not counted).
    public let nodeCount: Int
    /// The DOT graph the text was written from.
    package let model: DOTGraph

    /// Draws the `selection` of `graph`.
    public init(graph: Graph, selection: DiagramSelection, options: DiagramOptions = DiagramOptions()) {
        var builder = DiagramBuilder(graph: graph, selection: selection, options: options)
        var model = builder.build()
        model.pack(options)
        self.model = model
        dot = model.text
        nodeCount = builder.drawnCount
    }
}

/// Builds the `DOTGraph` of a diagram.
struct DiagramBuilder {
    let graph: Graph
    let selection: DiagramSelection
    let options: DiagramOptions
    /// Ids of the selected nodes drawn, on their own or in their drug family's node.
    private(set) var drawnNodes: Set<String> = []
    /// Of a path figure: the edges per node and the `samehead` groups (docs/rendering.md, "Path figures").
    private(set) var pathLook = PathLook()
    /// The number of nodes drawn: a drug family counts once.
    private(set) var drawnCount = 0

    init(graph: Graph, selection: DiagramSelection, options: DiagramOptions) {
        self.graph = graph
        self.selection = selection
        self.options = options
    }

    mutating func build() -> DOTGraph {
        var dot = frame().graph(named: graph.id)
        let selected = selection.nodes.filter(graph.nodes.indices.contains).map { graph.nodes[$0] }
        drawnNodes = Set(selected.map(\.id))
        var forms = DiagramForms(graph: graph, nodes: selected, expand: options.expandForms)
        let nodes = selected.filter { forms.isDrawn($0.id) }
        drawnCount = nodes.count
        let highlighted = Set(selection.highlighted.map(forms.drawn))
        var clusters: [(system: String, nodes: [Node])] = []
        var loose: [Node] = []
        for node in nodes {
            if options.clusterBySystem, let system = node.system {
                if let i = clusters.firstIndex(where: { $0.system == system }) {
                    clusters[i].nodes.append(node)
                } else {
                    clusters.append((system, [node]))
                }
            } else {
                loose.append(node)
            }
        }
        let pathNumbers = pathNumbersByEdge()
        let selectedEdges = selection.edges.filter { e in
            graph.edges.indices.contains(e) && drawnNodes.contains(graph.edges[e].from) && drawnNodes.contains(graph.edges[e].to)
        }
        let drawnEdges = forms.drawnEdges(selectedEdges, in: graph)
        let families = forms
        pathLook = computePathLook(drawnEdges, drawnNode: families.drawn)
        let layers = DiagramLayers(
            nodes: nodes.map { ($0.id, $0.kind) }, edges: drawnEdges.map { ($0.from, $0.to) }, layering: options.layering,
            engine: options.engine, rankWidth: options.rankWidth, chained: options.chained)
        let prefix = DiagramLayers.prefix(avoiding: graph.nodes.lazy.map(\.id))
        dot.attributes += layers.graphAttributes

        let statement = { (node: Node) in
            nodeStatement(node, highlighted: highlighted.contains(node.id), forms: families.tooltipLines(node.id, in: graph))
        }
        for (i, cluster) in clusters.enumerated() {
            let name = "cluster_system_\(i + 1)"
            let ids = cluster.nodes.map(\.id)
            let subgraph = DOTSubgraph(
                name: .literal(name),
                attributes: [
                    .text("label", cluster.system), .literal("class", "system"), .literal("style", "rounded,dashed"),
                    .literal("color", "#777777"), .literal("fontname", DOTStyle.font), .literal("fontsize", "12"),
                    .literal("fontcolor", "#555555"), .literal("labeljust", "l"),
                    .tooltip("system: \(cluster.system)"),
                ],
                statements: cluster.nodes.map(statement) + layers.group(ids, cluster: name, prefix: prefix))
            dot.statements.append(.subgraph(subgraph))
        }
        dot.statements += loose.map(statement)

        for edge in drawnEdges {
            let paths = edge.edges.flatMap { pathNumbers[$0] ?? [] }
            dot.statements.append(edgeStatement(edge, paths: paths, layers: layers))
        }
        // Not a path figure: its arrowheads already meet by glyph (`samehead`), and its edges carry path numbers.
        if options.concentrate, layers.active, selection.paths.isEmpty {
            dot.attributes.append(.literal("concentrate", "true"))
            dot.statements = DiagramLayers.concentrated(dot.statements, rankDirection: options.rankDirection)
        }
        dot.statements += layers.group(loose.map(\.id), cluster: nil, prefix: prefix)
        for (i, cluster) in clusters.enumerated() {
            dot.statements += layers.tie(cluster.nodes.map(\.id), cluster: "cluster_system_\(i + 1)", prefix: prefix)
        }
        if options.legend {
            dot.statements += legend(
                nodes: nodes,
                edges: drawnEdges.flatMap { $0.stated(in: graph) }, badges: forms.legendBadges,
                // Layered, the last rank is the bottom (right, left to right), whatever the edges say.
                below: layers.active ? nodes.map(\.id).filter { layers.ranks[$0] == layers.rankCount - 1 } : nil)
        }
        dot.statements += pathTable(prefix: DiagramFrame.legendPrefix(avoiding: graph.nodes.lazy.map(\.id)), drawn: families.drawn)
        return dot
    }

    // MARK: Graph

    private func frame() -> DiagramFrame {
        DiagramFrame(
            title: DiagramFrame.titleLines(titleText().map { ($0, .centred) }, options: options),
            tooltip: "\(graph.title) \(graph.version)", engine: options.engine, rankDirection: options.rankDirection,
            caption: options.caption, metadata: options.metadata
        ).sized(by: options)
    }

    // MARK: Nodes and edges

    /// A node, or a drug family's node when `forms` (its tooltip's list of the forms drawn in it) is not empty.
    private func nodeStatement(_ node: Node, highlighted: Bool, forms: [String]) -> DOTStatement {
        let family = forms.isEmpty ? "" : " drug-family"
        var attributes: [DOTAttribute] = [
            .text("label", LabelWrapping.wrapped(node.displayLabel, width: nodeLabelWidth)),
            .literal("class", "kind-" + Self.classSafe(node.kind.rawValue) + family),
        ]
        attributes += DOTStyle.node(kind: node.kind, valence: node.valence).attributes
        if highlighted { attributes.append(.literal("penwidth", "3")) }
        attributes.append(.tooltip(([Self.tooltip(node)] + forms).joined(separator: "\n")))
        return .node(.literal(node.id), attributes)
    }

    /// A drawn edge in the glyph of the first graph edge it stands for, with its badges; a merged edge's
    /// tooltip lists each graph edge's.
    private func edgeStatement(_ drawn: DrawnEdge, paths: [Int], layers: DiagramLayers) -> DOTStatement {
        // At the drawn ends (a family's node): the path look, the numbers and the samehead groups are the drawing's.
        let edge = drawn.stated(in: graph)[0]
        var attributes: [DOTAttribute] = [
            .literal("class", "relation-\(edge.relation.rawValue) certainty-\(edge.effectiveCertainty.rawValue)")
        ]
        attributes = pathStyled(
            attributes + DOTStyle.edge(edge.relation, certainty: edge.effectiveCertainty, lossOfFunction: edge.lossOfFunction)
                + DiagramContext.attributes(edge.context) + Self.badges(drawn), edge: edge, numbers: paths)
        if options.floatingLabels.flips(drawn.from, drawn.to) { attributes = Self.flipped(attributes) }
        if options.floatingLabels.floats(drawn.from, drawn.to) { attributes = Self.floated(attributes) }
        if options.floatingLabels.inlines(drawn.from, drawn.to) {
            let numbers = pathNumberLabel(edge: edge, numbers: paths)?.text
            attributes = Self.inlined(
                attributes, lines: [drawn.tailBadge, drawn.headBadge, numbers].compactMap { $0 }, context: DiagramContext.label(edge.context))
        }
        attributes.append(.tooltip(drawn.edges.map { tooltip(graph.edges[$0]) }.joined(separator: "\n\n")))
        return layers.edge(from: drawn.from, to: drawn.to, attributes)
    }

    /// The badges naming the forms at a drawn edge's ends: small labels beside its tail and head.
    static func badges(_ edge: DrawnEdge) -> [DOTAttribute] {
        var attributes: [DOTAttribute] = []
        if let badge = edge.tailBadge { attributes.append(.text("taillabel", badge)) }
        if let badge = edge.headBadge { attributes.append(.text("headlabel", badge)) }
        if !attributes.isEmpty { attributes += [.literal("labelfontsize", DiagramContext.fontSize), .literal("labelfontcolor", DOTStyle.Palette.ink)] }
        return attributes
    }

    /// `attributes` with the tail and head labels (a badge, path numbers) joined by ` · ` into one `xlabel` in their
    /// font, tail first (`DiagramOptions.floatingLabels`); as they are without one, or with an `xlabel` already.
    static func floated(_ attributes: [DOTAttribute]) -> [DOTAttribute] {
        let ends = attributes.filter { $0.name == "taillabel" } + attributes.filter { $0.name == "headlabel" }
        guard let first = ends.first, !attributes.contains(where: { $0.name == "xlabel" }) else { return attributes }
        let text = ends.dropFirst().reduce(first.value) { $0.appending(.text(" · ")).appending($1.value) }
        let endLabels: Set = ["taillabel", "headlabel", "labelfontsize", "labelfontcolor", "labeldistance", "labelangle"]
        return attributes.filter { !endLabels.contains($0.name) } + [
            DOTAttribute("xlabel", text), .literal("fontsize", DiagramContext.fontSize), .literal("fontcolor", DOTStyle.Palette.ink),
        ]
    }

    /// `attributes` with the tail and head labels on the other side of the edge: `labelangle` negated (Graphviz's
    /// default, −25°, when not given); as they are without end labels.
    static func flipped(_ attributes: [DOTAttribute]) -> [DOTAttribute] {
        guard attributes.contains(where: { $0.name == "taillabel" || $0.name == "headlabel" }) else { return attributes }
        guard let i = attributes.firstIndex(where: { $0.name == "labelangle" }) else { return attributes + [.literal("labelangle", "25")] }
        var out = attributes
        let angle = -(Double(out[i].value.raw) ?? -25)
        out[i] = .literal("labelangle", angle == angle.rounded() ? String(Int(angle)) : String(angle))
        return out
    }

    /// The most characters of a line of an inlined label (`inlined`): narrow, since dot gives the label a rank of
    /// its own as wide as its widest line (left to right) and as tall as its lines (top to bottom).
    static let inlineWidth = 10

    /// `attributes` with the tail and head labels (a badge, path numbers) and the context label (an `xlabel`) replaced
    /// by one `label`: `lines` (the badges, then the numbers) in the end labels' colour, then `context` in the context's
    /// grey, each wrapped after a comma at `inlineWidth` characters, at the small labels' size; as they are with
    /// neither. dot places an edge's `label` as a node of the layout beside the edge's middle: it takes room in the
    /// drawing, and overlaps no node and no other label (`DiagramOptions.LabelFloat.inlineAll`; docs/rendering.md,
    /// "Edge labels").
    static func inlined(_ attributes: [DOTAttribute], lines: [String], context: String?) -> [DOTAttribute] {
        guard !lines.isEmpty || context != nil else { return attributes }
        func block(_ texts: [String], colour: String) -> [String] {
            let wrapped = texts.flatMap { LabelWrapping.wrapped($0, width: inlineWidth).components(separatedBy: "\n") }
            return wrapped.map { #"<font color="\#(colour)">\#(DOTValue.html(escaping: $0))</font>"# }
        }
        let markup =
            #"<font point-size="\#(DiagramContext.fontSize)">"#
            + (block(lines, colour: DOTStyle.Palette.ink) + block(context.map { [$0] } ?? [], colour: DiagramFrame.captionColour))
            .joined(separator: "<br/>") + "</font>"
        let replaced: Set = ["taillabel", "headlabel", "labelfontsize", "labelfontcolor", "labeldistance", "labelangle", "xlabel"]
        return attributes.filter { !replaced.contains($0.name) } + [DOTAttribute("label", .html(markup: markup))]
    }

    /// Label, kind (with role or valence), system and cross-references.
    static func tooltip(_ node: Node) -> String {
        var kind = node.kind.rawValue
        if let role = node.role { kind += " (\(role.rawValue))" }
        if let valence = node.valence { kind += " (\(valence.rawValue))" }
        var lines = [node.displayLabel, "id: \(node.id)", "kind: \(kind)"]
        if let system = node.system { lines.append("system: \(system)") }
        if !node.xrefs.isEmpty {
            lines.append("xrefs: " + node.xrefs.keys.sorted().map { "\($0):\(node.xrefs[$0]!)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// Relation, action, certainty, context and references.
    func tooltip(_ edge: Edge) -> String {
        var lines = ["\(label(of: edge.from)) \(edge.relation.name) \(label(of: edge.to))"]
        if let action = edge.action { lines.append("action: \(action.name)") }
        if edge.lossOfFunction { lines.append("loss of function: read from blocking \(label(of: edge.from))") }
        lines.append("certainty: \(edge.effectiveCertainty.rawValue)")
        if !edge.context.isEmpty {
            lines.append("context: " + edge.context.keys.sorted().map { "\($0)=\(edge.context[$0]!)" }.joined(separator: ", "))
        }
        if !edge.refs.isEmpty { lines.append("refs: " + edge.refs.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    /// `1–3, 5`.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        let sorted = Array(Set(numbers)).sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(j > i + 1 ? "\(sorted[i])–\(sorted[j])" : (j == i + 1 ? "\(sorted[i]), \(sorted[j])" : "\(sorted[i])"))
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }

    /// A CSS class name: letters, digits and hyphens.
    static func classSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
    }

}
