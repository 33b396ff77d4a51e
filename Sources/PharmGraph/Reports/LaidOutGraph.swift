import Foundation

/// A point in Graphviz's coordinates (points, y up).
struct LayoutPoint: Sendable, Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned box in points.
struct LayoutBox: Sendable, Equatable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
    var area: Double { width * height }

    /// The box around `points`; `nil` for none.
    init?(around points: some Sequence<LayoutPoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let point = iterator.next() {
            minX = Swift.min(minX, point.x)
            minY = Swift.min(minY, point.y)
            maxX = Swift.max(maxX, point.x)
            maxY = Swift.max(maxY, point.y)
        }
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest box holding both.
    func union(_ other: LayoutBox) -> LayoutBox {
        LayoutBox(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY), maxX: Swift.max(maxX, other.maxX),
            maxY: Swift.max(maxY, other.maxY))
    }

    /// Whether the boxes share an area wider and taller than `tolerance` (a mere touch is no overlap).
    func overlaps(_ other: LayoutBox, tolerance: Double) -> Bool {
        Swift.min(maxX, other.maxX) - Swift.max(minX, other.minX) > tolerance
            && Swift.min(maxY, other.maxY) - Swift.max(minY, other.minY) > tolerance
    }

    /// Whether the boxes meet at all (touching included).
    func meets(_ other: LayoutBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// Whether `point` lies in the box grown by `margin` on every side.
    func contains(_ point: LayoutPoint, margin: Double) -> Bool {
        point.x >= minX - margin && point.x <= maxX + margin && point.y >= minY - margin && point.y <= maxY + margin
    }
}

/// A drawing as Graphviz laid it out, read from its `json` output (docs/rendering.md, "Layout report").
///
/// Graphviz's JSON lists subgraphs, then nodes, in `objects` (an object's index is its `_gvid`);
/// attribute values are strings, `pos` in points and `width`/`height` in inches; `_ldraw_`,
/// `_hldraw_` and `_tldraw_` hold the xdot operations that draw the text.
struct LaidOutGraph: Sendable {
    struct Node: Sendable {
        var name: String
        var center: LayoutPoint
        var box: LayoutBox
        /// The `class` attribute's words (`kind-drug`).
        var classes: [String]
        /// Drawn with `style=invis`, or of no size (a layering anchor): not a drawn node.
        var hidden: Bool
        var legend: Bool
    }

    /// One drawn curve of an edge: its B-spline control points and the arrow tips at either end.
    struct Spline: Sendable {
        var start: LayoutPoint?
        var points: [LayoutPoint]
        var end: LayoutPoint?
    }

    struct Edge: Sendable {
        /// Indices into `nodes`.
        var tail: Int
        var head: Int
        /// Empty for an edge Graphviz gave no route (no `pos`).
        var splines: [Spline]
        var hidden: Bool
        var legend: Bool
        /// The lines of its labels as drawn, in the order of `labelKeys`.
        var labels: [LabelLine] = []
    }

    /// A line of an edge's label as drawn: its box, its text, and which of the edge's draw lists holds it (an index
    /// into `labelKeys`: the label and the xlabel, the head label, the tail label).
    struct LabelLine: Sendable, Equatable {
        var box: LayoutBox
        var text: String
        var part: Int
    }

    /// The draw lists of an edge's texts: the label (and xlabel), the head label, the tail label.
    static let labelKeys = ["_ldraw_", "_hldraw_", "_tldraw_"]

    /// A text line's box reaches this share of its font size below its baseline, and the rest above (the box is as
    /// tall as the font size, as wide as Graphviz's `width` of the text).
    static let descent = 0.25

    /// A text Graphviz draws, and its font size in points.
    struct Text: Sendable, Equatable {
        var points: Double
        var text: String
    }

    /// The size the drawing is scaled to, as the graph's `size` (inches); `fill` when it ends in `!`.
    struct RequestedSize: Sendable, Equatable {
        var width: Double
        var height: Double
        var fill: Bool
    }

    /// Graphviz's `layout` attribute, which a DOT text without one leaves out.
    var engine: String?
    /// `TB`, `LR`, `BT` or `RL`.
    var rankDirection: String
    var bounds: LayoutBox
    /// The margin around the drawing in points, on the left and right, and on the top and bottom.
    var pad: (x: Double, y: Double)
    var size: RequestedSize?
    var nodes: [Node]
    var edges: [Edge]
    /// The legend's box: its cluster's, or around its nodes; `nil` without a legend.
    var legendBox: LayoutBox?
    var texts: [Text]

    /// Graphviz's default `pad` (4 points) and font size (14 points).
    static let defaultPad = 4.0
    static let defaultFontSize = 14.0

    /// Reads Graphviz's `json` output.
    init(json data: Data) throws(LayoutReport.Error) {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw LayoutReport.Error.notALayout("the JSON is not an object")
            }
            root = object
        } catch let error as LayoutReport.Error {
            throw error
        } catch {
            throw LayoutReport.Error.notJSON((error as NSError).localizedDescription)
        }
        let graphName = Self.string(root["name"]) ?? ""
        guard let bb = Self.string(root["bb"]) else { throw LayoutReport.Error.notALayout("the graph has no 'bb': it was not laid out") }
        bounds = try Self.box(bb, object: graphName, key: "bb")
        engine = Self.string(root["layout"])
        rankDirection = (Self.string(root["rankdir"]) ?? "TB").uppercased()
        pad = try Self.pad(root["pad"], object: graphName)
        size = try Self.requestedSize(root["size"], object: graphName)

        let objects = try Self.objects(root["objects"], object: graphName, key: "objects")
        let edgeObjects = try Self.objects(root["edges"], object: graphName, key: "edges")
        let subgraphCount =
            try root["_subgraph_cnt"].map { count throws(LayoutReport.Error) in
                try Self.integer(count, object: graphName, key: "_subgraph_cnt")
            } ?? 0
        guard (0...objects.count).contains(subgraphCount) else {
            throw LayoutReport.Error.badAttribute(object: graphName, key: "_subgraph_cnt", value: "\(subgraphCount)")
        }
        let subgraphs = objects.prefix(subgraphCount)

        var legendNodes = Set<Int>()
        var legendEdges = Set<Int>()
        var legendBox: LayoutBox?
        var texts = Self.texts(of: root)
        for subgraph in subgraphs {
            texts += Self.texts(of: subgraph)
            let name = Self.string(subgraph["name"]) ?? ""
            guard name == "cluster_legend" || Self.classes(subgraph).contains("legend") else { continue }
            legendNodes.formUnion(try Self.ids(subgraph["nodes"], object: name, key: "nodes").map { $0 - subgraphCount })
            legendEdges.formUnion(try Self.ids(subgraph["edges"], object: name, key: "edges"))
            if let bb = Self.string(subgraph["bb"]) {
                let box = try Self.box(bb, object: name, key: "bb")
                legendBox = legendBox.map { $0.union(box) } ?? box
            }
        }

        var nodes: [Node] = []
        for (index, object) in objects.dropFirst(subgraphCount).enumerated() {
            texts += Self.texts(of: object)
            nodes.append(try Self.node(object, legend: legendNodes.contains(index)))
        }
        if legendBox == nil {
            legendBox = nodes.filter(\.legend).map(\.box).reduce(nil) { union, box in union.map { $0.union(box) } ?? box }
        }

        var edges: [Edge] = []
        for (index, object) in edgeObjects.enumerated() {
            texts += Self.texts(of: object)
            var edge = try Self.edge(object, index: index, subgraphCount: subgraphCount, nodes: nodes)
            edge.legend = edge.legend || legendEdges.contains(index)
            edges.append(edge)
        }
        self.nodes = nodes
        self.edges = edges
        self.legendBox = legendBox
        self.texts = texts
    }

    // MARK: Objects

    private static func node(_ object: [String: Any], legend: Bool) throws(LayoutReport.Error) -> Node {
        let name = string(object["name"]) ?? ""
        guard let pos = string(object["pos"]) else { throw LayoutReport.Error.badAttribute(object: name, key: "pos", value: "") }
        let center = try point(pos.hasSuffix("!") ? String(pos.dropLast()) : pos, object: name, key: "pos")
        let width = try inches(object["width"], object: name, key: "width")
        let height = try inches(object["height"], object: name, key: "height")
        let box = LayoutBox(
            minX: center.x - width * 36, minY: center.y - height * 36, maxX: center.x + width * 36, maxY: center.y + height * 36)
        let classes = classes(object)
        return Node(
            name: name, center: center, box: box, classes: classes, hidden: isInvisible(object) || box.area <= 0,
            legend: legend || classes.contains { $0.hasPrefix("legend") })
    }

    private static func edge(
        _ object: [String: Any], index: Int, subgraphCount: Int, nodes: [Node]
    ) throws(LayoutReport.Error) -> Edge {
        let name = "edge \(index)"
        let tail = try integer(object["tail"], object: name, key: "tail") - subgraphCount
        let head = try integer(object["head"], object: name, key: "head") - subgraphCount
        for (key, end) in [("tail", tail), ("head", head)] where !nodes.indices.contains(end) {
            throw LayoutReport.Error.badAttribute(object: name, key: key, value: "\(end + subgraphCount)")
        }
        let splines = try string(object["pos"]).map { pos throws(LayoutReport.Error) in try Self.splines(pos, object: name) } ?? []
        // An edge written head first to keep the ranks (docs/rendering.md, "Layers") runs from its DOT head.
        let reversed = classes(object).contains(DiagramLayers.reversedClass)
        let labels = textOperations(of: object).compactMap { text -> LabelLine? in
            guard let box = text.box else { return nil }
            return LabelLine(box: box, text: text.text, part: text.part)
        }
        return Edge(
            tail: reversed ? head : tail, head: reversed ? tail : head, splines: splines, hidden: isInvisible(object),
            legend: nodes[tail].legend || nodes[head].legend, labels: labels)
    }

    /// The texts an object draws (`T` operations of its label lists), each with the size of the last `F` before it.
    private static func texts(of object: [String: Any]) -> [Text] {
        textOperations(of: object).map { Text(points: $0.size, text: $0.text) }
    }

    /// The `T` operations of an object's label lists (`labelKeys`, `part` the index of its list), not blank, each
    /// with the size of the last `F` before it, and its box when the operation gives its point and width.
    private static func textOperations(of object: [String: Any]) -> [(part: Int, size: Double, text: String, box: LayoutBox?)] {
        var texts: [(part: Int, size: Double, text: String, box: LayoutBox?)] = []
        let fallback = Double(string(object["fontsize"]) ?? "") ?? defaultFontSize
        for (part, key) in labelKeys.enumerated() {
            guard let operations = object[key] as? [[String: Any]] else { continue }
            var size = fallback
            for operation in operations {
                switch string(operation["op"]) {
                case "F": size = number(operation["size"]) ?? size
                case "T":
                    let text = (string(operation["text"]) ?? "").trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else { continue }
                    texts.append((part, size, text, textBox(operation, size: size)))
                default: break
                }
            }
        }
        return texts
    }

    /// The box of a `T` operation of font `size`: `width` wide from its point (`pt`) as `align` says (`l`, `c`, `r`),
    /// `size` tall from `descent` of it below the baseline; `nil` without a finite point and width.
    private static func textBox(_ operation: [String: Any], size: Double) -> LayoutBox? {
        guard let point = operation["pt"] as? [Any], point.count >= 2, let x = number(point[0]), let y = number(point[1]),
            let width = number(operation["width"]), x.isFinite, y.isFinite, width.isFinite, width >= 0, size.isFinite
        else { return nil }
        let left =
            switch string(operation["align"]) {
            case "l": x
            case "r": x - width
            default: x - width / 2
            }
        return LayoutBox(minX: left, minY: y - descent * size, maxX: left + width, maxY: y + (1 - descent) * size)
    }

    /// An edge's `pos`: splines separated by `;`, each `[s,x,y] [e,x,y] x,y x,y…` with 3n+1 control points.
    static func splines(_ pos: String, object: String) throws(LayoutReport.Error) -> [Spline] {
        var splines: [Spline] = []
        for part in pos.split(separator: ";") {
            var spline = Spline(start: nil, points: [], end: nil)
            for token in part.split(whereSeparator: \.isWhitespace) {
                if token.hasPrefix("s,") {
                    spline.start = try point(String(token.dropFirst(2)), object: object, key: "pos")
                } else if token.hasPrefix("e,") {
                    spline.end = try point(String(token.dropFirst(2)), object: object, key: "pos")
                } else {
                    spline.points.append(try point(String(token), object: object, key: "pos"))
                }
            }
            guard spline.points.count >= 4, spline.points.count % 3 == 1 else {
                throw LayoutReport.Error.badAttribute(object: object, key: "pos", value: pos)
            }
            splines.append(spline)
        }
        return splines
    }

    // MARK: Values

    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: number.doubleValue
        case let text as String: Double(text)
        default: nil
        }
    }

    private static func integer(_ value: Any?, object: String, key: String) throws(LayoutReport.Error) -> Int {
        guard let number = self.number(value), !(value is String), let integer = Int(exactly: number) else {
            throw LayoutReport.Error.badAttribute(object: object, key: key, value: string(value) ?? "")
        }
        return integer
    }

    /// A list of objects (`objects`, `edges`); absent is empty.
    private static func objects(_ value: Any?, object: String, key: String) throws(LayoutReport.Error) -> [[String: Any]] {
        guard let value else { return [] }
        guard let objects = value as? [[String: Any]] else {
            throw LayoutReport.Error.badAttribute(object: object, key: key, value: string(value) ?? "")
        }
        return objects
    }

    /// A subgraph's list of object numbers (`nodes`, `edges`); absent is empty.
    private static func ids(_ value: Any?, object: String, key: String) throws(LayoutReport.Error) -> [Int] {
        guard let value else { return [] }
        guard let values = value as? [Any] else { throw LayoutReport.Error.badAttribute(object: object, key: key, value: string(value) ?? "") }
        var ids: [Int] = []
        for value in values { ids.append(try integer(value, object: object, key: key)) }
        return ids
    }

    private static func classes(_ object: [String: Any]) -> [String] {
        (string(object["class"]) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static func isInvisible(_ object: [String: Any]) -> Bool {
        (string(object["style"]) ?? "").split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "invis" }
    }

    /// A finite number, or an error naming where it was read.
    private static func finite(_ text: some StringProtocol, object: String, key: String, value: String) throws(LayoutReport.Error) -> Double {
        guard let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else {
            throw LayoutReport.Error.badAttribute(object: object, key: key, value: value)
        }
        return number
    }

    /// `x,y` (a third coordinate, as with `dim=3`, is ignored).
    private static func point(_ text: String, object: String, key: String) throws(LayoutReport.Error) -> LayoutPoint {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { throw LayoutReport.Error.badAttribute(object: object, key: key, value: text) }
        return LayoutPoint(
            x: try finite(parts[0], object: object, key: key, value: text), y: try finite(parts[1], object: object, key: key, value: text))
    }

    private static func box(_ text: String, object: String, key: String) throws(LayoutReport.Error) -> LayoutBox {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 4 else { throw LayoutReport.Error.badAttribute(object: object, key: key, value: text) }
        var values: [Double] = []
        for part in parts { values.append(try finite(part, object: object, key: key, value: text)) }
        guard values[0] <= values[2], values[1] <= values[3] else {
            throw LayoutReport.Error.badAttribute(object: object, key: key, value: text)
        }
        return LayoutBox(minX: values[0], minY: values[1], maxX: values[2], maxY: values[3])
    }

    private static func inches(_ value: Any?, object: String, key: String) throws(LayoutReport.Error) -> Double {
        let text = string(value) ?? ""
        let inches = try finite(text, object: object, key: key, value: text)
        guard inches >= 0 else { throw LayoutReport.Error.badAttribute(object: object, key: key, value: text) }
        return inches
    }

    /// `pad` in inches, `x` or `x,y`, as points.
    private static func pad(_ value: Any?, object: String) throws(LayoutReport.Error) -> (x: Double, y: Double) {
        guard let text = string(value) else { return (defaultPad, defaultPad) }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { throw LayoutReport.Error.badAttribute(object: object, key: "pad", value: text) }
        let x = try finite(parts[0], object: object, key: "pad", value: text)
        let y = parts.count == 2 ? try finite(parts[1], object: object, key: "pad", value: text) : x
        guard x >= 0, y >= 0 else { throw LayoutReport.Error.badAttribute(object: object, key: "pad", value: text) }
        return (x * 72, y * 72)
    }

    /// `size` in inches, `W,H` or `W` (square), with `!` to scale up too; Graphviz ignores a size of 0.
    private static func requestedSize(_ value: Any?, object: String) throws(LayoutReport.Error) -> RequestedSize? {
        guard var text = string(value)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let fill = text.hasSuffix("!")
        if fill { text.removeLast() }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { throw LayoutReport.Error.badAttribute(object: object, key: "size", value: text) }
        let width = try finite(parts[0], object: object, key: "size", value: text)
        let height = parts.count == 2 ? try finite(parts[1], object: object, key: "size", value: text) : width
        guard width > 0.001, height > 0.001 else { return nil }
        return RequestedSize(width: width, height: height, fill: fill)
    }
}
