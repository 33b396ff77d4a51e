import Foundation

/// What `render --report` measures of a laid-out drawing, from Graphviz's `json` output (docs/rendering.md, "Layout report").
public struct LayoutReport: Sendable {
    static let schema = "pharmgraph-layout/1"

    /// A page or screen a figure is shown on, in inches.
    public struct Page: Sendable, Equatable {
        public var name: String
        public var width: Double
        public var height: Double

        public init(name: String, width: Double, height: Double) {
            self.name = name
            self.width = width
            self.height = height
        }

        /// An A4 page, portrait, without margins.
        public static let a4 = Page(name: "A4 page", width: 8.27, height: 11.69)
        /// A 16:9 slide.
        public static let slide = Page(name: "16:9 slide", width: 13.33, height: 7.5)
    }

    /// What to measure against and record.
    public struct Options: Sendable {
        /// The pages the smallest label is given for.
        public var pages: [Page]
        /// What the figure was drawn from, recorded in the JSON report.
        public var provenance: Provenance?

        public init(pages: [Page] = [.a4, .slide], provenance: Provenance? = nil) {
            self.pages = pages
            self.provenance = provenance
        }
    }

    /// Why Graphviz's JSON could not be read.
    public enum Error: Swift.Error, CustomStringConvertible, Equatable, Sendable {
        /// The bytes are not JSON.
        case notJSON(String)
        /// JSON, but not a laid-out graph.
        case notALayout(String)
        /// An attribute that does not hold what Graphviz writes there.
        case badAttribute(object: String, key: String, value: String)

        public var description: String {
            switch self {
            case let .notJSON(reason): "the layout is not JSON: \(reason)"
            case let .notALayout(reason): "the layout is not a laid-out Graphviz graph: \(reason)"
            case let .badAttribute(object, key, value):
                "the layout's '\(DisplayText.escaped(object))' has a bad '\(key)': '\(DisplayText.escaped(String(value.prefix(80))))'"
            }
        }
    }

    /// Two nodes whose boxes overlap, by their DOT names.
    public struct Overlap: Sendable, Equatable {
        public let first: String
        public let second: String
    }

    /// A line of an edge label whose box overlaps another edge label's line (`other` its text) or a node's box
    /// (`other` its DOT name, `node`).
    public struct LabelOverlap: Sendable, Equatable {
        public let label: String
        public let other: String
        public let node: Bool
    }

    /// The figure scaled to a size: the scale and the smallest label's size in points there.
    public struct Fit: Sendable, Equatable {
        /// `requested size`, or the page's name.
        public let name: String
        /// The box, in inches.
        public let width: Double
        public let height: Double
        /// The drawing's scale there (1 is its natural size).
        public let scale: Double
        /// The smallest label there, in points; `nil` for a drawing without text.
        public let smallestLabel: Double?
    }

    /// Nodes placed against the layer order of their kinds (docs/rendering.md, "Layers").
    public struct LayerOrder: Sendable, Equatable {
        /// The drawn nodes that have a kind (a `kind-K` class).
        public let layeredNodes: Int
        /// The names of the nodes not placed strictly after every node of an earlier layer, in drawing order.
        public let against: [String]
        /// The pairs of layered nodes of different layers, and those of them whose later-layer node is not
        /// placed strictly after the other.
        public let pairs: Int
        public let pairsAgainst: Int
        /// The drawn edges whose head is placed before their tail along the flow.
        public let edgesAgainstFlow: Int
    }

    /// The text drawn smallest, at the drawing's natural size.
    public struct Label: Sendable, Equatable {
        public let points: Double
        public let text: String
    }

    /// Graphviz's `layout` (the engine; `nil` when the DOT did not record it) and `rankdir`.
    public let engine: String?
    public let rankDirection: String
    /// The drawn nodes and edges measured: neither the legend's nor invisible ones.
    public let nodeCount: Int
    public let edgeCount: Int
    /// Drawn edges Graphviz gave no route; they count in no crossing.
    public let unroutedEdges: Int
    public let overlaps: [Overlap]
    /// The drawn edges' label lines that overlap another edge label or a drawn node (legend and invisible objects left out).
    public let labelOverlaps: [LabelOverlap]
    /// The drawn edges whose tail or head label is in one of `labelOverlaps`, by their ends, tail first.
    public let endLabelOverlapEdges: Set<DiagramOptions.EdgeEnds>
    public let crossings: Int
    /// The drawing's bounding box (`bb`), in points.
    public let width: Double
    public let height: Double
    /// The image at its natural size, margin (`pad`) included, in inches.
    public let naturalWidth: Double
    public let naturalHeight: Double
    /// The legend's bounding box over the drawing's; `nil` without a legend.
    public let legendShare: Double?
    public let smallestLabel: Label?
    /// At the graph's `size`, if it has one.
    public let requested: Fit?
    /// On each of the options' pages.
    public let pages: [Fit]
    public let layerOrder: LayerOrder
    public let provenance: Provenance?

    /// Width over height; `nil` for a drawing of no height.
    public var aspectRatio: Double? { height > 0 ? width / height : nil }

    /// Measures Graphviz's `json` output of a laid-out graph.
    public init(json: Data, options: Options = Options()) throws(Error) {
        let graph = try LaidOutGraph(json: json)
        let nodes = graph.nodes
        let drawn = nodes.indices.filter { !nodes[$0].hidden && !nodes[$0].legend }
        let edges = graph.edges.filter { !$0.hidden && !$0.legend && !nodes[$0.tail].hidden && !nodes[$0.head].hidden }
        engine = graph.engine
        rankDirection = graph.rankDirection
        nodeCount = drawn.count
        edgeCount = edges.count
        unroutedEdges = edges.filter(\.splines.isEmpty).count
        overlaps = LayoutGeometry.overlaps(drawn.map { nodes[$0] }).map {
            Overlap(first: nodes[drawn[$0.0]].name, second: nodes[drawn[$0.1]].name)
        }
        let labels = LayoutGeometry.labelOverlaps(edges, nodes: drawn.map { nodes[$0] })
        labelOverlaps = labels.map(\.overlap)
        endLabelOverlapEdges = Set(
            labels.flatMap(\.ends).map { DiagramOptions.EdgeEnds(from: nodes[edges[$0].tail].name, to: nodes[edges[$0].head].name) })
        crossings = LayoutGeometry.crossings(edges.compactMap(LayoutGeometry.polyline), nodes: nodes)
        width = graph.bounds.width
        height = graph.bounds.height
        naturalWidth = (width + 2 * graph.pad.x) / 72
        naturalHeight = (height + 2 * graph.pad.y) / 72
        legendShare = graph.legendBox.flatMap { box in graph.bounds.area > 0 ? box.area / graph.bounds.area : nil }
        smallestLabel = graph.texts.min { ($0.points, $0.text) < ($1.points, $1.text) }.map { Label(points: $0.points, text: $0.text) }
        let (naturalWidth, naturalHeight, smallest) = (naturalWidth, naturalHeight, smallestLabel)
        /// The scale of the image at the graph's `size`, as Graphviz computes it: down to fit, up only with `!`.
        var requestedScale = 1.0
        if let size = graph.size, naturalWidth > 0, naturalHeight > 0 {
            let fit = min(size.width / naturalWidth, size.height / naturalHeight)
            requestedScale = size.fill ? fit : min(1, fit)
        }
        func fit(_ name: String, _ width: Double, _ height: Double, scale: Double) -> Fit {
            Fit(name: name, width: width, height: height, scale: scale, smallestLabel: smallest.map { $0.points * scale })
        }
        requested = graph.size.map { fit("requested size", $0.width, $0.height, scale: requestedScale) }
        pages = options.pages.map { page in
            let scale = min(requestedScale, naturalWidth > 0 ? page.width / naturalWidth : 1, naturalHeight > 0 ? page.height / naturalHeight : 1)
            return fit(page.name, page.width, page.height, scale: scale)
        }
        layerOrder = Self.layerOrder(graph, drawn: drawn, edges: edges)
        provenance = options.provenance
    }

    /// The layer of a node kind: 0 drug; 1 receptor, channel, transporter, enzyme; 2 molecule, protein,
    /// pathway and any other kind; 3 process, region; 4 effect, condition (docs/rendering.md, "Layers").
    static func layer(ofKind kind: String) -> Int {
        switch kind {
        case NodeKind.drug.rawValue: 0
        case NodeKind.receptor.rawValue, NodeKind.channel.rawValue, NodeKind.transporter.rawValue, NodeKind.enzyme.rawValue: 1
        case NodeKind.process.rawValue, NodeKind.region.rawValue: 3
        case NodeKind.effect.rawValue, NodeKind.condition.rawValue: 4
        default: 2
        }
    }

    /// Counts the nodes not strictly after every node of an earlier layer, and the edges running back.
    private static func layerOrder(_ graph: LaidOutGraph, drawn: [Int], edges: [LaidOutGraph.Edge]) -> LayerOrder {
        let direction = graph.rankDirection
        let layered: [(node: Int, layer: Int)] = drawn.compactMap { index in
            graph.nodes[index].classes.first { $0.hasPrefix("kind-") }.map { (index, layer(ofKind: String($0.dropFirst(5)))) }
        }
        func flow(_ index: Int) -> Double { LayoutGeometry.flow(graph.nodes[index].center, rankDirection: direction) }
        var latest: [Int: Double] = [:]
        for (node, layer) in layered { latest[layer] = max(latest[layer] ?? -.infinity, flow(node)) }
        let against = layered.filter { node, layer in
            let earlier = latest.filter { $0.key < layer }.values.max() ?? -.infinity
            return flow(node) < earlier + LayoutGeometry.sameRank
        }
        var pairs = 0
        var pairsAgainst = 0
        for (k, first) in layered.enumerated() {
            for second in layered[(k + 1)...] where first.layer != second.layer {
                let (earlier, later) = first.layer < second.layer ? (first.node, second.node) : (second.node, first.node)
                pairs += 1
                if flow(later) < flow(earlier) + LayoutGeometry.sameRank { pairsAgainst += 1 }
            }
        }
        let backwards = edges.filter { flow($0.head) < flow($0.tail) - LayoutGeometry.sameRank }.count
        return LayerOrder(
            layeredNodes: layered.count, against: against.map { graph.nodes[$0.node].name }, pairs: pairs, pairsAgainst: pairsAgainst,
            edgesAgainstFlow: backwards)
    }
}

// MARK: Text

extension LayoutReport {
    /// At most this many overlapping pairs and out-of-order nodes are named in the text.
    static let listed = 10

    /// The direction along the flow, in words: `below` for TB.
    var after: String {
        switch rankDirection {
        case "LR": "right of"
        case "RL": "left of"
        case "BT": "above"
        default: "below"
        }
    }

    /// The plain-text report (docs/rendering.md, "Layout report").
    public var text: String {
        func number(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        func names(_ list: [String]) -> String {
            let shown = list.prefix(Self.listed).map { DisplayText.escaped($0) }.joined(separator: ", ")
            return list.count > Self.listed ? shown + ", and \(list.count - Self.listed) more" : shown
        }
        var lines = [
            "layout: \(engine.map { DisplayText.escaped($0) } ?? "engine not recorded"), rankdir \(DisplayText.escaped(rankDirection)); "
                + "\(Plural.count(nodeCount, "node")) and \(Plural.count(edgeCount, "edge")) measured (legend and invisible objects left out)"
                + (unroutedEdges > 0 ? "; \(unroutedEdges) without a route" : ""),
            "drawing: \(number(width, 0)) × \(number(height, 0)) pt (\(number(naturalWidth, 2)) × \(number(naturalHeight, 2)) in with its margin), "
                + "aspect ratio \(aspectRatio.map { number($0, 2) } ?? "undefined") (width / height)",
            "node overlaps: \(overlaps.count)"
                + (overlaps.isEmpty ? "" : " (" + names(overlaps.map { "\($0.first) & \($0.second)" }) + ")"),
            "edge label overlaps: \(labelOverlaps.count)"
                + (labelOverlaps.isEmpty
                    ? ""
                    : " (\(labelOverlaps.filter { !$0.node }.count) with a label, \(labelOverlaps.filter(\.node).count) with a node: "
                        + names(labelOverlaps.map { "\"\($0.label)\" & " + ($0.node ? "node \($0.other)" : "\"\($0.other)\"") }) + ")"),
            "edge crossings: \(crossings)",
            "legend: " + (legendShare.map { number($0 * 100) + " % of the drawing's area" } ?? "none"),
            "layer order: \(layerOrder.against.count) of \(Plural.count(layerOrder.layeredNodes, "node")) not \(after) every node of an earlier layer"
                + (layerOrder.against.isEmpty ? "" : " (" + names(layerOrder.against) + ")")
                + "; \(layerOrder.pairsAgainst) of \(Plural.count(layerOrder.pairs, "pair")) of nodes of different layers out of order"
                + "; \(Plural.count(layerOrder.edgesAgainstFlow, "edge")) drawn against the flow",
        ]
        if let smallestLabel {
            lines.append("smallest label: \(number(smallestLabel.points)) pt at natural size (\"\(DisplayText.escaped(smallestLabel.text))\")")
            for fit in (requested.map { [$0] } ?? []) + pages {
                lines.append(
                    "  \(fit.name) \(number(fit.width, 2)) × \(number(fit.height, 2)) in: scale \(number(fit.scale, 3)), "
                        + "smallest label \(number(fit.smallestLabel ?? 0)) pt")
            }
        } else {
            lines.append("smallest label: no text drawn")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

// MARK: JSON

extension LayoutReport {
    /// The `pharmgraph-layout/1` JSON document (docs/rendering.md, "Layout report").
    public func jsonText() throws(EncodingError) -> String { try ReportJSON.encode(json) }

    /// `value` rounded to `digits` decimals, so that the JSON is short and stable.
    static func rounded(_ value: Double, _ digits: Int = 2) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }

    struct JSON: Encodable, Sendable, Equatable {
        struct Drawing: Encodable, Sendable, Equatable {
            var widthPt: Double
            var heightPt: Double
            var widthIn: Double
            var heightIn: Double
            var aspectRatio: JSONOptional<Double>

            enum CodingKeys: String, CodingKey {
                case widthPt = "width_pt"
                case heightPt = "height_pt"
                case widthIn = "width_in"
                case heightIn = "height_in"
                case aspectRatio = "aspect_ratio"
            }
        }

        struct Overlaps: Encodable, Sendable, Equatable {
            var count: Int
            var pairs: [[String]]
        }

        struct LabelOverlaps: Encodable, Sendable, Equatable {
            var count: Int
            var withLabels: Int
            var withNodes: Int
            var pairs: [Pair]

            /// A label line's text, and the other label line's text or the node's name, as `with` says.
            struct Pair: Encodable, Sendable, Equatable {
                var label: String
                var other: String
                /// `label` or `node`.
                var with: String
            }

            enum CodingKeys: String, CodingKey {
                case count, pairs
                case withLabels = "with_labels"
                case withNodes = "with_nodes"
            }
        }

        struct LayerOrder: Encodable, Sendable, Equatable {
            var layeredNodes: Int
            var against: Int
            var nodes: [String]
            var pairs: Int
            var pairsAgainst: Int
            var edgesAgainstFlow: Int

            enum CodingKeys: String, CodingKey {
                case against, nodes, pairs
                case pairsAgainst = "pairs_against"
                case layeredNodes = "layered_nodes"
                case edgesAgainstFlow = "edges_against_flow"
            }
        }

        struct Fit: Encodable, Sendable, Equatable {
            var name: String
            var widthIn: Double
            var heightIn: Double
            var scale: Double
            var smallestPt: JSONOptional<Double>

            enum CodingKeys: String, CodingKey {
                case name, scale
                case widthIn = "width_in"
                case heightIn = "height_in"
                case smallestPt = "smallest_pt"
            }

            init(_ fit: LayoutReport.Fit) {
                name = fit.name
                widthIn = fit.width
                heightIn = fit.height
                scale = LayoutReport.rounded(fit.scale, 4)
                smallestPt = JSONOptional(fit.smallestLabel.map { LayoutReport.rounded($0) })
            }
        }

        struct Labels: Encodable, Sendable, Equatable {
            var smallestPt: JSONOptional<Double>
            var smallestText: JSONOptional<String>
            var requested: JSONOptional<Fit>
            var pages: [Fit]

            enum CodingKeys: String, CodingKey {
                case requested, pages
                case smallestPt = "smallest_pt"
                case smallestText = "smallest_text"
            }
        }

        var schemaVersion = LayoutReport.schema
        /// Left out when the report was not given one.
        var provenance: Provenance?
        var engine: JSONOptional<String>
        var rankdir: String
        var nodes: Int
        var edges: Int
        var unroutedEdges: Int
        var drawing: Drawing
        var overlaps: Overlaps
        var edgeLabelOverlaps: LabelOverlaps
        var crossings: Int
        var legendShare: JSONOptional<Double>
        var layerOrder: LayerOrder
        var labels: Labels

        enum CodingKeys: String, CodingKey {
            case provenance, engine, rankdir, nodes, edges, drawing, overlaps, crossings, labels
            case schemaVersion = "schema_version"
            case unroutedEdges = "unrouted_edges"
            case legendShare = "legend_share"
            case layerOrder = "layer_order"
            case edgeLabelOverlaps = "edge_label_overlaps"
        }
    }

    var json: JSON {
        JSON(
            provenance: provenance, engine: JSONOptional(engine), rankdir: rankDirection, nodes: nodeCount, edges: edgeCount,
            unroutedEdges: unroutedEdges,
            drawing: JSON.Drawing(
                widthPt: Self.rounded(width), heightPt: Self.rounded(height), widthIn: Self.rounded(naturalWidth, 3),
                heightIn: Self.rounded(naturalHeight, 3), aspectRatio: JSONOptional(aspectRatio.map { Self.rounded($0, 3) })),
            overlaps: JSON.Overlaps(count: overlaps.count, pairs: overlaps.map { [$0.first, $0.second] }),
            edgeLabelOverlaps: JSON.LabelOverlaps(
                count: labelOverlaps.count, withLabels: labelOverlaps.filter { !$0.node }.count, withNodes: labelOverlaps.filter(\.node).count,
                pairs: labelOverlaps.map { .init(label: $0.label, other: $0.other, with: $0.node ? "node" : "label") }),
            crossings: crossings, legendShare: JSONOptional(legendShare.map { Self.rounded($0, 4) }),
            layerOrder: JSON.LayerOrder(
                layeredNodes: layerOrder.layeredNodes, against: layerOrder.against.count, nodes: layerOrder.against,
                pairs: layerOrder.pairs, pairsAgainst: layerOrder.pairsAgainst, edgesAgainstFlow: layerOrder.edgesAgainstFlow),
            labels: JSON.Labels(
                smallestPt: JSONOptional(smallestLabel.map { Self.rounded($0.points) }), smallestText: JSONOptional(smallestLabel?.text),
                requested: JSONOptional(requested.map(JSON.Fit.init)), pages: pages.map(JSON.Fit.init)))
    }
}
