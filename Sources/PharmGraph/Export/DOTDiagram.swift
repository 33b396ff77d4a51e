/// How a diagram is laid out and what it shows besides the graph.
public struct DiagramOptions: Sendable, Equatable {
    /// The direction ranks run in.
    public enum RankDirection: String, Sendable, CaseIterable {
        /// Left to right.
        case leftToRight = "LR"
        /// Top to bottom.
        case topToBottom = "TB"
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

    public init(
        rankDirection: RankDirection = .leftToRight, clusterBySystem: Bool = false, legend: Bool = true, engine: String = "dot",
        caption: String? = nil, metadata: String? = nil
    ) {
        self.rankDirection = rankDirection
        self.clusterBySystem = clusterBySystem
        self.legend = legend
        self.engine = engine
        self.caption = caption
        self.metadata = metadata
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

    init(graph: Graph, selection: DiagramSelection, options: DiagramOptions) {
        self.graph = graph
        self.selection = selection
        self.options = options
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
            dot.statements.append(.subgraph(legend(nodes: nodes, edges: drawnEdges)))
        }
        return dot
    }

    // MARK: Graph

    private func frame() -> DiagramFrame {
        DiagramFrame(
            title: titleText().map { ($0, .centred) } + titleSuffix().map { ($0, .left) }, tooltip: "\(graph.title) \(graph.version)",
            engine: options.engine, rankDirection: options.rankDirection, caption: options.caption, metadata: options.metadata)
    }

    /// The title, the version and the captions, one per line.
    private func titleText() -> [String] {
        [graph.title] + (graph.version.isEmpty ? [] : ["version \(graph.version)"]) + selection.captions
    }

    /// The listed paths, one left-justified line each (`\l`), after a key to the arrows.
    private func titleSuffix() -> [String] {
        guard !selection.paths.isEmpty else { return [] }
        var lines = ["→ increases, ⊣ decreases, ⇢ unknown sign, ⋯ no causal sign"]
        for (i, path) in selection.paths.enumerated() {
            lines.append("\(i + 1). net \(path.sign.symbol) \(path.sign.rawValue): \(pathText(path))")
        }
        return lines
    }

    /// `Ketamine ⊣ NMDA receptor → Analgesia`.
    private func pathText(_ path: DiagramSelection.Path) -> String {
        let edges = path.edges.filter(graph.edges.indices.contains).map { graph.edges[$0] }
        guard let first = edges.first else { return "" }
        var text = label(of: first.from)
        for edge in edges {
            let arrow =
                switch edge.sign {
                case .positive: "→"
                case .negative: "⊣"
                case .unknown: "⇢"
                case .none: "⋯"
                }
            text += " \(arrow) \(label(of: edge.to))"
        }
        return text
    }

    private func label(of id: String) -> String { graph.node(id)?.displayLabel ?? id }

    /// For each edge, the 1-based numbers of the listed paths through it.
    private func pathNumbersByEdge() -> [Int: [Int]] {
        var numbers: [Int: [Int]] = [:]
        for (i, path) in selection.paths.enumerated() {
            for e in Set(path.edges) { numbers[e, default: []].append(i + 1) }
        }
        return numbers
    }

    // MARK: Nodes and edges

    private func nodeStatement(_ node: Node, highlighted: Bool) -> DOTStatement {
        var attributes: [DOTAttribute] = [
            .text("label", node.displayLabel), .literal("class", "kind-" + Self.classSafe(node.kind.rawValue)),
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
        attributes += DOTStyle.edge(edge.relation, certainty: edge.effectiveCertainty)
        if !paths.isEmpty { attributes.append(.text("label", Self.ranges(paths))) }
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

    // MARK: Legend

    /// The legend cluster: one sample per node kind, relation and certainty drawn.
    private func legend(nodes: [Node], edges: [Edge]) -> DOTSubgraph {
        let prefix = DiagramFrame.legendPrefix(avoiding: graph.nodes.lazy.map(\.id))
        var looks: [(label: String, look: DOTStyle.NodeLook)] = []
        var seenKinds = Set<NodeKind>()
        for kind in NodeKind.wellKnown.map(\.kind) + nodes.map(\.kind).filter({ !$0.isWellKnown }).sorted()
        where nodes.contains(where: { $0.kind == kind }) && seenKinds.insert(kind).inserted {
            if kind == .effect {
                let valences = Valence.allCases.filter { v in nodes.contains { $0.kind == .effect && $0.valence == v } }
                for valence in valences {
                    looks.append(("effect (\(valence.rawValue))", DOTStyle.node(kind: kind, valence: valence)))
                }
            } else {
                looks.append((kind.rawValue, DOTStyle.node(kind: kind, valence: nil)))
            }
        }
        let relations = Relation.allCases.filter { r in edges.contains { $0.relation == r } }
        let certainties = Certainty.allCases.filter { c in edges.contains { $0.effectiveCertainty == c } }

        var statements: [DOTStatement] = []
        for (i, entry) in looks.enumerated() {
            statements.append(
                .node(
                    .literal("\(prefix)kind:\(i)"),
                    [.text("label", entry.label), .literal("class", "legend-kind")] + entry.look.attributes
                        + [.tooltip("node kind: \(entry.label)")]))
        }
        for relation in relations {
            let sign = relation.isStructural ? "structural" : "sign \(relation.sign.symbol)"
            statements += sample(
                prefix: prefix, key: "relation:\(relation.rawValue)", name: relation.name, detail: sign,
                className: "legend-relation", glyph: DOTStyle.edge(relation, certainty: .established))
        }
        if certainties != [.established] {
            for certainty in certainties {
                statements += sample(
                    prefix: prefix, key: "certainty:\(certainty.rawValue)", name: certainty.rawValue,
                    detail: "certainty", className: "legend-certainty", glyph: DOTStyle.certaintySample(certainty))
            }
        }
        return DiagramFrame.legend(label: "Legend", tooltip: "Legend", statements: statements)
    }

    /// A point, a sample edge in `glyph`, and the name it stands for with a grey detail.
    private func sample(
        prefix: String, key: String, name: String, detail: String, className: String, glyph: [DOTAttribute]
    ) -> [DOTStatement] {
        let start = DOTValue.literal("\(prefix)\(key):start")
        let label = DOTValue.literal("\(prefix)\(key)")
        let markup = DOTValue.html(escaping: name) + " <font color=\"#666666\">(" + DOTValue.html(escaping: detail) + ")</font>"
        return [
            .node(start, [.literal("shape", "point"), .literal("width", "0.05"), .literal("color", DOTStyle.Palette.ink)]),
            .node(
                label,
                [
                    DOTAttribute("label", .html(markup: markup)), .literal("class", className),
                    .literal("shape", "plaintext"), .literal("style", "solid"), .literal("margin", "0.02,0"),
                    .literal("fontsize", "10"), .tooltip("\(name) (\(detail))"),
                ]),
            .edge(start, label, [.literal("class", className), .literal("weight", "100")] + glyph + [.tooltip(name)]),
        ]
    }
}
