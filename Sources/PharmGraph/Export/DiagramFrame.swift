import Foundation

/// What every diagram shares: the title, the graph and default attributes, the legend's cluster,
/// and an optional caption line and metadata comment (docs/rendering.md).
struct DiagramFrame {
    /// The title's lines, in order: centred ones, then any left-justified ones.
    var title: [(text: String, justification: DOTValue.Justification)]
    /// The graph's tooltip.
    var tooltip: String
    /// The Graphviz layout engine, recorded as the graph's `layout`.
    var engine: String
    var rankDirection: DiagramOptions.RankDirection
    /// A short line at the bottom of the title block (for provenance); `nil` for none.
    var caption: String?
    /// Text recorded as the graph's `comment` (Graphviz writes it into SVG as an XML comment); `nil` for none.
    var metadata: String?
    /// The node labels' font size in points; every other text scales with it (docs/rendering.md, "Size").
    var fontSize = DiagramFrame.baseFontSize
    /// Graphviz's `size` (inches, a bound the drawing is scaled down to); `nil` for none.
    var size: DiagramOptions.Size? = nil
    /// Graphviz's `dpi`; `nil` for its default.
    var dpi: Double? = nil

    /// The title lines `options` asks for: `title` with its first line replaced by `options.titleText`,
    /// or none without `options.title`.
    static func titleLines(
        _ title: [(text: String, justification: DOTValue.Justification)], options: DiagramOptions
    ) -> [(text: String, justification: DOTValue.Justification)] {
        guard options.title else { return [] }
        guard let text = options.titleText else { return title }
        return [(text, .centred)] + title.dropFirst()
    }

    /// The frame's size, font size and dpi from `options`.
    func sized(by options: DiagramOptions) -> DiagramFrame {
        var frame = self
        frame.fontSize = options.fontSize
        frame.size = options.size
        frame.dpi = options.dpi
        return frame
    }

    /// The default node label size, in points.
    static let baseFontSize = 11.0

    /// `points` of the default drawing, scaled to this frame's font size, as a DOT number.
    func points(_ points: Double) -> String { Self.number(points * fontSize / Self.baseFontSize) }

    /// A DOT number: at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return String(Int(hundredths / 100)) }
        var text = String(format: "%.2f", hundredths / 100)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// An empty graph named `name`, with the frame's attributes and defaults.
    ///
    /// The title is a plain label, never an HTML-like one: Graphviz 2.42 leaks memory on every
    /// render of an HTML label with bold text (docs/rendering.md).
    func graph(named name: String) -> DOTGraph {
        var dot = DOTGraph(name: .literal(name))
        dot.attributes =
            (title.isEmpty && caption == nil ? [] : [DOTAttribute("label", label), .literal("labelloc", "t")]) + [
                .literal("fontname", DOTStyle.font), .literal("fontsize", points(15)), .literal("charset", "UTF-8"),
                .literal("layout", engine), .literal("rankdir", rankDirection.rawValue),
                .literal("nodesep", "0.25"), .literal("ranksep", "0.45"),
                .literal("pad", "0.25"), .literal("outputorder", "edgesfirst"), .literal("bgcolor", "white"),
                .tooltip(tooltip),
            ]
        if let size { dot.attributes.append(.literal("size", Self.number(size.width) + "," + Self.number(size.height))) }
        if let dpi { dot.attributes.append(.literal("dpi", Self.number(dpi))) }
        if let metadata { dot.attributes.append(.literal("comment", metadata)) }
        if engine != "dot" {
            dot.attributes += [.literal("overlap", "prism"), .literal("sep", "+8")]
        }
        dot.nodeDefaults = [
            .literal("fontname", DOTStyle.font), .literal("fontsize", points(11)), .literal("color", DOTStyle.Palette.ink),
            .literal("fontcolor", "#000000"), .literal("penwidth", "1.2"), .literal("margin", "0.12,0.05"),
            .literal("height", "0.4"),
        ]
        dot.edgeDefaults = [
            .literal("fontname", DOTStyle.font), .literal("fontsize", points(9)), .literal("fontcolor", DOTStyle.Palette.ink),
            .literal("arrowsize", "0.9"),
        ]
        return dot
    }

    /// The title as a plain label; with a caption, an HTML-like label whose last line is the caption,
    /// small and grey (no bold: that is what leaks in Graphviz 2.42, docs/rendering.md).
    var label: DOTValue {
        guard let caption else { return .lines(title) }
        var markup = ""
        for line in title {
            let lineBreak =
                switch line.justification {
                case .centred: "<br/>"
                case .left: #"<br align="left"/>"#
                case .right: #"<br align="right"/>"#
                }
            markup += DOTValue.html(escaping: line.text).replacingOccurrences(of: "<br/>", with: lineBreak) + lineBreak
        }
        markup += #"<font point-size="\#(points(10))" color="\#(DiagramFrame.captionColour)">"# + DOTValue.html(escaping: caption) + "</font>"
        return .html(markup: markup)
    }

    /// The caption's grey, dark enough on white for small print (contrast 5.7:1).
    static let captionColour = "#6B6B6B"

    /// The legend: one flat cluster, since Graphviz 2.42's dot leaks memory for every cluster it
    /// lays out, nested ones included (docs/rendering.md); its title in the node labels' size.
    static func legend(label: String, tooltip: String, statements: [DOTStatement]) -> DOTSubgraph {
        DOTSubgraph(
            name: .literal("cluster_legend"),
            attributes: [
                .text("label", label), .literal("class", "legend"), .literal("style", "rounded,filled"),
                .literal("fillcolor", "#FAFAFA"), .literal("color", "#BBBBBB"), .literal("fontname", DOTStyle.font),
                .literal("fontsize", "11"), .literal("labeljust", "l"), .tooltip(tooltip),
            ],
            statements: statements)
    }

    /// A prefix for the legend's node names that no node id of the graph starts with.
    static func legendPrefix(avoiding ids: some Sequence<String>) -> String {
        var prefix = "legend:"
        while ids.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
        return prefix
    }
}
