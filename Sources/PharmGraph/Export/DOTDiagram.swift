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

    public init(
        rankDirection: RankDirection = .leftToRight, clusterBySystem: Bool = false, legend: Bool = true, engine: String = "dot",
        caption: String? = nil, metadata: String? = nil, layering: Layering = .none, expandForms: Bool = true,
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
        model = builder.build()
        dot = model.text
        nodeCount = builder.drawnNodes.count
    }
}

/// Builds the `DOTGraph` of a diagram.
struct DiagramBuilder {
    let graph: Graph
    let selection: DiagramSelection
    let options: DiagramOptions
    /// Ids of the nodes drawn.
    private(set) var drawnNodes: Set<String> = []
    /// Of a path figure: the edges per node and the `samehead` groups (docs/rendering.md, "Path figures").
    private(set) var pathLook = PathLook()

    init(graph: Graph, selection: DiagramSelection, options: DiagramOptions) {
        self.graph = graph
        self.selection = selection
        self.options = options
        pathLook = computePathLook()
    }

    mutating func build() -> DOTGraph {
        var dot = frame().graph(named: graph.id)
        let nodes = selection.nodes.filter(graph.nodes.indices.contains).map { graph.nodes[$0] }
        drawnNodes = Set(nodes.map(\.id))
        let highlighted = Set(selection.highlighted)
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
        for (i, cluster) in clusters.enumerated() {
            let subgraph = DOTSubgraph(
                name: .literal("cluster_system_\(i + 1)"),
                attributes: [
                    .text("label", cluster.system), .literal("class", "system"), .literal("style", "rounded,dashed"),
                    .literal("color", "#777777"), .literal("fontname", DOTStyle.font), .literal("fontsize", "12"),
                    .literal("fontcolor", "#555555"), .literal("labeljust", "l"),
                    .tooltip("system: \(cluster.system)"),
                ],
                statements: cluster.nodes.map { nodeStatement($0, highlighted: highlighted.contains($0.id)) })
            dot.statements.append(.subgraph(subgraph))
        }
        dot.statements += loose.map { nodeStatement($0, highlighted: highlighted.contains($0.id)) }

        let pathNumbers = pathNumbersByEdge()
        var drawnEdges: [Edge] = []
        for e in selection.edges where graph.edges.indices.contains(e) {
            let edge = graph.edges[e]
            guard drawnNodes.contains(edge.from), drawnNodes.contains(edge.to) else { continue }
            drawnEdges.append(edge)
            dot.statements.append(edgeStatement(edge, paths: pathNumbers[e] ?? []))
        }
        if options.legend {
            dot.statements += legend(nodes: nodes, edges: drawnEdges)
        }
        dot.statements += pathTable(prefix: DiagramFrame.legendPrefix(avoiding: graph.nodes.lazy.map(\.id)))
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

    private func nodeStatement(_ node: Node, highlighted: Bool) -> DOTStatement {
        var attributes: [DOTAttribute] = [
            .text("label", LabelWrapping.wrapped(node.displayLabel)), .literal("class", "kind-" + Self.classSafe(node.kind.rawValue)),
        ]
        attributes += DOTStyle.node(kind: node.kind, valence: node.valence).attributes
        if highlighted { attributes.append(.literal("penwidth", "3")) }
        attributes.append(.tooltip(Self.tooltip(node)))
        return .node(.literal(node.id), attributes)
    }

    private func edgeStatement(_ edge: Edge, paths: [Int]) -> DOTStatement {
        var attributes: [DOTAttribute] = [
            .literal("class", "relation-\(edge.relation.rawValue) certainty-\(edge.effectiveCertainty.rawValue)")
        ]
        attributes = pathStyled(
            attributes + DOTStyle.edge(edge.relation, certainty: edge.effectiveCertainty, lossOfFunction: edge.lossOfFunction)
                + DiagramContext.attributes(edge.context), edge: edge, numbers: paths)
        attributes.append(.tooltip(tooltip(edge)))
        return .edge(.literal(edge.from), .literal(edge.to), attributes)
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
