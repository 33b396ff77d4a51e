extension DiagramBuilder {
    // MARK: Path figures (docs/rendering.md, "Path figures")

    /// The title, the version and the captions, one per line; in a path figure, a caption longer than
    /// `captionWidth` characters is wrapped, so that it does not set the figure's width.
    func titleText() -> [String] {
        let captions =
            selection.paths.isEmpty
            ? selection.captions : selection.captions.flatMap { LabelWrapping.wrapped($0, width: Self.captionWidth).components(separatedBy: "\n") }
        return [graph.title] + (graph.version.isEmpty ? [] : ["version \(graph.version)"]) + captions
    }

    /// The most characters of a path figure's caption line.
    static let captionWidth = 130

    /// `Ketamine ⊣ NMDA receptor → Analgesia`, broken after an arrow into lines of about `width` characters; with
    /// `elided`, the first and last nodes are left out (`⊣ NMDA receptor →`), when every path shares them.
    func pathLines(_ path: DiagramSelection.Path, width: Int = 72, elided: Bool = false) -> [String] {
        let edges = path.edges.filter(graph.edges.indices.contains).map { graph.edges[$0] }
        guard let first = edges.first else { return [] }
        var lines: [String] = []
        var line = elided ? "" : label(of: first.from)
        for (i, edge) in edges.enumerated() {
            let last = i == edges.count - 1
            let step = elided && last ? Self.arrow(edge.sign) : "\(Self.arrow(edge.sign)) \(label(of: edge.to))"
            if line.isEmpty {
                line = step
                continue
            }
            // A lone arrow (an elided last step) stays on its line.
            if line.count + 1 + step.count > width, !(elided && last) {
                lines.append(line)
                line = "   " + step
            } else {
                line += " " + step
            }
        }
        return lines + [line]
    }

    /// The arrow a path's text shows for a step of `sign`.
    static func arrow(_ sign: Sign) -> String {
        switch sign {
        case .positive: "→"
        case .negative: "⊣"
        case .unknown: "⇢"
        case .none: "⋯"
        }
    }

    func label(of id: String) -> String { graph.node(id)?.displayLabel ?? id }

    /// For each edge, the 1-based numbers of the listed paths through it.
    func pathNumbersByEdge() -> [Int: [Int]] {
        var numbers: [Int: [Int]] = [:]
        for (i, path) in selection.paths.enumerated() {
            for e in Set(path.edges) { numbers[e, default: []].append(i + 1) }
        }
        return numbers
    }

    /// The net sign of the paths numbered `numbers`: theirs when they agree, else unknown.
    func netSign(of numbers: [Int]) -> Sign {
        let signs = Set(numbers.compactMap { selection.paths.indices.contains($0 - 1) ? selection.paths[$0 - 1].sign : nil })
        return signs.count == 1 ? signs.first! : .unknown
    }

    /// `edge`'s glyph attributes as a path figure draws them, `numbers` being the paths through it: the colour of their
    /// net sign, their numbers as a small label at the tail (at the head when the tail is a hub: more path edges leave it
    /// than enter the head), unless every path uses the edge or one path is drawn, and arrowheads of one glyph and colour
    /// meeting at one point of a shared head (`samehead`). Unchanged outside a path figure.
    func pathStyled(_ attributes: [DOTAttribute], edge: Edge, numbers: [Int]) -> [DOTAttribute] {
        guard !selection.paths.isEmpty, !numbers.isEmpty else { return attributes }
        let sign = netSign(of: numbers)
        var colour = DOTStyle.colour(for: sign)
        if edge.effectiveCertainty == .hypothesized { colour += "B3" }
        var out = attributes.map { attribute in
            guard attribute.name == "color" else { return attribute }
            return .literal("color", edge.relation.isStructural ? "\(colour):invis:\(colour)" : colour)
        }
        if let i = out.firstIndex(where: { $0.name == "class" }) {
            out[i] = .literal("class", "\(out[i].value.raw) net-\(sign.rawValue)")
        }
        if let (end, text) = pathNumberLabel(edge: edge, numbers: numbers) {
            if let i = out.firstIndex(where: { $0.name == end }) {
                // A drug-form badge already there: the numbers follow it.
                out[i] = DOTAttribute(end, out[i].value.appending(.text(" · " + text)))
            } else {
                out.append(.text(end, text))
            }
            out += [
                .literal("labelfontsize", DiagramContext.fontSize), .literal("labelfontcolor", DOTStyle.Palette.ink),
                .literal("labeldistance", "1.6"), .literal("labelangle", "30"),
            ]
        } else if edge.from == pathLook.start, edge.to != pathLook.end, isHub(edge), !out.contains(where: { $0.name == "headlabel" }),
            let i = out.firstIndex(where: { $0.name == "taillabel" })
        {
            // A first step of the drug's fan without numbers: its badge where the numbers would be, at the head.
            out[i] = DOTAttribute("headlabel", out[i].value)
            out += [.literal("labeldistance", "1.6"), .literal("labelangle", "30")]
        }
        if let groups = pathLook.headGroups[edge.to], let group = groups[HeadGroup(relation: edge.relation, sign: sign)] {
            out.append(.literal("samehead", "h\(group + 1)"))
            // Several groups: each meets the head at its own point of the side the edges come from.
            if groups.count > 1 {
                let ports = options.rankDirection == .topToBottom ? ["nw", "ne", "n", "w", "e"] : ["nw", "sw", "w", "n", "s"]
                out.append(.literal("headport", ports[group]))
            }
        }
        return out
    }

    /// The path numbers an edge of a path figure carries, `numbers` being the paths through it, and the end they are
    /// drawn at (`taillabel`, or `headlabel` when the tail is a hub: more than two path edges leave it, and more than
    /// enter the head); `nil` when one path is drawn, every path uses the edge, it is a first or last step (out of the
    /// node every path starts at, into the node every path ends at) and the only edge drawn between its ends, or its head
    /// has no other path edge in and one out, on the same paths (a chain carries its numbers once, on its last edge).
    func pathNumberLabel(edge: Edge, numbers: [Int]) -> (end: String, text: String)? {
        guard selection.paths.count > 1, !numbers.isEmpty, numbers.count < selection.paths.count else { return nil }
        // A first or last step, the only edge drawn between its ends: each table row begins or ends with it, so its
        // numbers would only crowd the drug's fan of first steps and the arrowheads at the effect.
        let alone = pathLook.between[DiagramOptions.EdgeEnds(from: edge.from, to: edge.to)] == 1
        if alone, edge.from == pathLook.start || edge.to == pathLook.end { return nil }
        // A chain (its head has this one path edge in and one out, on the same paths): the numbers once, on its last edge.
        if pathLook.entering[edge.to] == 1, let next = pathLook.onlyOut[edge.to], next == Set(numbers) { return nil }
        return (isHub(edge) ? "headlabel" : "taillabel", Self.ranges(numbers))
    }

    /// Whether `edge`'s tail is a hub of the path figure: more than two path edges leave it, and more than enter its head.
    func isHub(_ edge: Edge) -> Bool {
        let (leaving, entering) = (pathLook.leaving[edge.from] ?? 0, pathLook.entering[edge.to] ?? 0)
        return leaving > 2 && leaving > entering
    }

    /// The edges into a node that meet at one point: one relation (its arrowhead) and one net sign (its colour).
    struct HeadGroup: Hashable {
        var relation: Relation
        var sign: Sign
    }

    /// What a path figure's edges need to know of the others: per node, how many drawn path edges leave it and enter it,
    /// and for a node with more than two edges into it, a group number (from 0: positive first, then by relation) for
    /// each relation and net sign of its edges (at most `maxHeadGroups`, Graphviz's bound; a node with more groups gets
    /// none), leaving out a group whose loss-of-function edges draw another arrowhead than its others.
    struct PathLook {
        var leaving: [String: Int] = [:]
        var entering: [String: Int] = [:]
        /// The number of drawn edges between two nodes, tail first.
        var between: [DiagramOptions.EdgeEnds: Int] = [:]
        /// The node every path starts at, as drawn; `nil` when they start at different nodes.
        var start: String?
        /// The node every path ends at, as drawn; `nil` when they end at different nodes.
        var end: String?
        /// For a node with one drawn path edge out, the numbers of the paths through that edge.
        var onlyOut: [String: Set<Int>] = [:]
        var headGroups: [String: [HeadGroup: Int]] = [:]
    }

    /// The `PathLook` of this figure's `drawn` edges, at their drawn ends (a drug family's node for its forms'
    /// edges, a merged edge counted once); empty outside a path figure.
    func computePathLook(_ drawn: [DrawnEdge], drawnNode: (String) -> String) -> PathLook {
        var look = PathLook()
        guard !selection.paths.isEmpty else { return look }
        let numbers = pathNumbersByEdge()
        let starts = Set(selection.paths.compactMap { $0.edges.first }.filter(graph.edges.indices.contains).map { drawnNode(graph.edges[$0].from) })
        look.start = starts.count == 1 ? starts.first : nil
        let ends = Set(selection.paths.compactMap { $0.edges.last }.filter(graph.edges.indices.contains).map { drawnNode(graph.edges[$0].to) })
        look.end = ends.count == 1 ? ends.first : nil
        // Per node, the groups of the edges into it and the arrowheads each draws (a loss-of-function edge's differs
        // from its relation's).
        var into: [String: [HeadGroup: Set<Relation>]] = [:]
        for edge in drawn {
            look.between[DiagramOptions.EdgeEnds(from: edge.from, to: edge.to), default: 0] += 1
            look.leaving[edge.from, default: 0] += 1
            look.entering[edge.to, default: 0] += 1
            let sign = netSign(of: edge.edges.flatMap { numbers[$0] ?? [] })
            let first = graph.edges[edge.edges[0]]
            into[edge.to, default: [:]][HeadGroup(relation: first.relation, sign: sign), default: []]
                .insert(DOTStyle.headRelation(first.relation, lossOfFunction: first.lossOfFunction))
        }
        for edge in drawn where look.leaving[edge.from] == 1 { look.onlyOut[edge.from] = Set(edge.edges.flatMap { numbers[$0] ?? [] }) }
        for (node, groups) in into where look.entering[node, default: 0] > 2 {
            // A group of two arrowheads (a bar and loss-of-function arrows) is not joined: each edge its own point.
            let joined = groups.filter { $0.value.count < 2 }.keys
            let seen = joined.sorted { a, b in a.sign != b.sign ? a.sign < b.sign : a.relation < b.relation }
            guard seen.count <= Self.maxHeadGroups else { continue }
            look.headGroups[node] = Dictionary(uniqueKeysWithValues: seen.enumerated().map { ($1, $0) })
        }
        return look
    }

    /// The most rows of a path table's column top to bottom before it takes another column.
    static let tableColumnRows = 6

    /// The most columns of a path table top to bottom.
    static let tableColumns = 3

    /// A path figure drawn left to right by dot: its path table and legend stand in one column right of the drawing
    /// (the legend, then the table, in the ranks after the last), node labels wrap at `columnLabelWidth` and the
    /// table's rows at `columnRowWidth` characters, so that the figure fits a slide (docs/rendering.md, "Path figures").
    var pathColumn: Bool { !selection.paths.isEmpty && options.rankDirection == .leftToRight && options.engine == "dot" }

    /// The most characters of a node label's line in a `pathColumn` figure (else `LabelWrapping.width`): its ranks
    /// are columns, as wide as their widest label.
    static let columnLabelWidth = 16

    /// The most characters of a node label's line in a `pathColumn` figure of the `narrow` round of slide candidates
    /// (`DiagramOptions.narrowLabels`): narrower columns for a figure that is too wide at `columnLabelWidth`.
    static let narrowColumnLabelWidth = 12

    /// The most characters of a node label's line: `columnLabelWidth` (or `narrowColumnLabelWidth`) in a `pathColumn`
    /// figure, else `LabelWrapping.width`.
    var nodeLabelWidth: Int {
        pathColumn ? options.narrowLabels ? Self.narrowColumnLabelWidth : Self.columnLabelWidth : LabelWrapping.width
    }

    /// The most characters of a path table's row (and its key's lines) in a `pathColumn` figure.
    static let columnRowWidth = 38

    /// The first and last node every listed path shares, when the paths fill more than one column (the table then
    /// lists what lies between, under one heading), or `nil`.
    func sharedEnds() -> (from: String, to: String)? {
        guard selection.paths.count > Self.tableColumnRows else { return nil }
        let ends = selection.paths.compactMap { path -> (String, String)? in
            let edges = path.edges.filter(graph.edges.indices.contains)
            guard let first = edges.first, let last = edges.last else { return nil }
            return (graph.edges[first].from, graph.edges[last].to)
        }
        guard let first = ends.first, ends.count == selection.paths.count, ends.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// The most `samehead` groups Graphviz's dot joins at one node.
    static let maxHeadGroups = 5

    /// The table of the drawn paths, one row each (number, net sign, path), with a key to the arrows: a node placed
    /// after every path's last node (below them top to bottom, beside them left to right) by invisible edges. Top to
    /// bottom, more than `tableColumnRows` paths run in two columns, so that the table is wide and low like a slide.
    /// `drawn` maps a node to the node it is drawn as (its drug family's).
    func pathTable(prefix: String, drawn: (String) -> String) -> [DOTStatement] {
        guard !selection.paths.isEmpty else { return [] }
        let table = DOTValue.literal("\(prefix)paths")
        let paths = selection.paths
        let columns =
            options.rankDirection == .topToBottom ? min(Self.tableColumns, (paths.count + Self.tableColumnRows - 1) / Self.tableColumnRows) : 1
        let height = (paths.count + columns - 1) / columns
        let ends = sharedEnds()
        let width = pathColumn ? Self.columnRowWidth : columns > 1 ? 60 : 90
        func cells(_ i: Int) -> String {
            let path = paths[i]
            let text = pathLines(path, width: width, elided: ends != nil).map { DOTValue.html(escaping: $0) }
            // In a column, the sign's symbol alone (the key says what it is).
            let sign = pathColumn ? path.sign.symbol : "\(path.sign.symbol) \(path.sign.rawValue)"
            return #"<td align="right" valign="top">\#(i + 1)</td><td align="left" valign="top"> "#
                + #"<font color="\#(DOTStyle.colour(for: path.sign))">\#(sign)</font>\#(pathColumn ? " " : "")</td>"#
                + #"<td align="left" balign="left" valign="top">\#(text.joined(separator: "<br/>"))</td>"#
        }
        var rows = ""
        if let ends {
            let heading = ["\(label(of: ends.from)) … \(label(of: ends.to)),", "by way of:"]
            // In a column, on two lines when it is wider than the rows.
            let lines = pathColumn && heading.joined(separator: " ").count > width ? heading : [heading.joined(separator: " ")]
            rows += #"<tr><td colspan="\#(columns * 4 - 1)" \#(Self.leftAligned(lines))>"# + Self.joined(lines) + "</td></tr>"
        }
        for row in 0..<height {
            rows += "<tr>" + cells(row)
            for column in 1..<max(columns, 1) {
                let i = row + column * height
                rows += i < paths.count ? #"<td width="24"> </td>"# + cells(i) : #"<td colspan="4"> </td>"#
            }
            rows += "</tr>"
        }
        let arrows = "→ increases, ⊣ decreases, ⇢ unknown sign, ⋯ no causal sign"
        let signs = Sign.allCases.filter { sign in paths.contains { $0.sign == sign } }
        // Not "on every path": first and last steps and a chain's inner edges go unnumbered too, each the only edge
        // drawn between its ends, so the rows that name its ends one after the other are the paths that take it.
        let every = "unnumbered X → Y: the rows with X → Y"
        // In a column, the key is wrapped like the rows.
        let key =
            pathColumn
            ? Self.wrap("net sign: " + signs.map { "\($0.symbol) \($0.rawValue)" }.joined(separator: ", "), width: width)
                + Self.wrap(arrows, width: width) + (paths.count > 1 ? LabelWrapping.wrapped(every, width: width).components(separatedBy: "\n") : [])
            : [arrows + (paths.count > 1 ? "; " + every : "")]
        // Fewer paths drawn than found: how many of how many, and what lists them all (never a silent drop).
        let note =
            selection.pathsNote.map {
                LabelWrapping.wrapped($0, width: pathColumn ? width : 2 * width).components(separatedBy: "\n")
            } ?? []
        rows +=
            #"<tr><td colspan="\#(columns * 4 - 1)" \#(Self.leftAligned(key + note))><font color="\#(DiagramFrame.captionColour)">"#
            + Self.joined(key + note) + "</font></td></tr>"
        // In a column, rows without padding: the table is as tall as the legend beside the drawing.
        let markup = #"<table border="0" cellborder="0" cellspacing="0" cellpadding="\#(pathColumn ? 0 : 2)">"# + rows + "</table>"
        var statements: [DOTStatement] = [
            .node(
                table,
                [
                    DOTAttribute("label", .html(markup: markup)), .literal("class", "path-table"), .literal("shape", "plaintext"),
                    .literal("style", "solid"), .literal("margin", "0"), .literal("fontsize", DiagramContext.fontSize),
                    .tooltip("The paths drawn, by number"),
                ])
        ]
        var lasts: [String] = []
        for path in selection.paths {
            // The node drawn for the last one: a form's family node.
            guard let e = path.edges.last, graph.edges.indices.contains(e), !lasts.contains(drawn(graph.edges[e].to)) else { continue }
            lasts.append(drawn(graph.edges[e].to))
        }
        // In a column with the legend: in the legend's last rank (its texts'), after its node kinds and glyph starts.
        let gap: [DOTAttribute] = pathColumn && options.legend ? [.literal("minlen", "3")] : []
        for last in lasts {
            statements.append(.edge(.literal(last), table, [.literal("style", "invis"), .literal("class", "path-table")] + gap))
        }
        return statements
    }

    /// A table cell's alignment for `lines` of text: left, each line too when there are several.
    static func leftAligned(_ lines: [String]) -> String {
        lines.count > 1 ? #"align="left" balign="left""# : #"align="left""#
    }

    /// `lines` escaped, one under the other.
    static func joined(_ lines: [String]) -> String {
        lines.map(DOTValue.html(escaping:)).joined(separator: "<br/>")
    }

    /// The legend's line for a path figure's colours; `nil` outside one.
    func pathColourLegend(prefix: String) -> LegendEntry? {
        guard !selection.paths.isEmpty else { return nil }
        let markup =
            "colour: net sign "
            + [(Sign.positive, "all +"), (.negative, "all −"), (.unknown, "mixed or ?")].map {
                #"<font color="\#(DOTStyle.colour(for: $0.0))">\#($0.1)</font>"#
            }.joined(separator: ", ")
        return .text(
            .literal("\(prefix)path-colour"), markup: markup, className: "legend-path-colour",
            tooltip: "edge colour: net sign of the paths through it")
    }
}
