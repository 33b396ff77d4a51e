extension DiagramBuilder {
    // MARK: Legend

    /// The legend (docs/rendering.md, "Legend"): only what is drawn, in two rows, the node kinds, then the
    /// edge glyphs, certainty levels, drawn context keys and form `badges` (short names of drug forms); placed
    /// after the nodes `below` (ids), by default the lowest nodes by the edges.
    /// Top to bottom, `rowWidth` (characters) breaks longer rows: a legend figure of its own is a block, not two long rows.
    func legend(nodes: [Node], edges: [Edge], badges: [String] = [], below: [String]? = nil, rowWidth: Int? = nil) -> [DOTStatement] {
        let prefix = DiagramFrame.legendPrefix(avoiding: graph.nodes.lazy.map(\.id))
        var kinds: [LegendEntry] = []
        var seenKinds = Set<NodeKind>()
        for kind in NodeKind.wellKnown.map(\.kind) + nodes.map(\.kind).filter({ !$0.isWellKnown }).sorted()
        where nodes.contains(where: { $0.kind == kind }) && seenKinds.insert(kind).inserted {
            let looks: [(label: String, look: DOTStyle.NodeLook)] =
                kind == .effect
                ? Valence.allCases.filter { v in nodes.contains { $0.kind == .effect && $0.valence == v } }.map {
                    ("effect (\($0.rawValue))", DOTStyle.node(kind: kind, valence: $0))
                } : [(kind.rawValue, DOTStyle.node(kind: kind, valence: nil))]
            for entry in looks {
                let name = DOTValue.literal("\(prefix)kind:\(kinds.count)")
                // An effect's valence above the word, so that the hexagons stay narrow.
                let label = kind == .effect ? entry.label.dropFirst("effect (".count).dropLast() + "\neffect" : entry.label
                kinds.append(
                    .node(
                        name,
                        [.text("label", label), .literal("class", "legend-kind")] + entry.look.attributes
                            + [.literal("margin", "0.06,0.02"), .tooltip("node kind: \(entry.label)")]))
            }
        }

        var glyphs: [LegendEntry] = []
        let drawsLossOfFunction = { (edge: Edge) in edge.lossOfFunction && DOTStyle.drawsLossOfFunction(edge.relation) }
        for relation in Relation.allCases where edges.contains(where: { $0.relation == relation && !drawsLossOfFunction($0) }) {
            let sign = relation.isStructural ? "structural" : relation.sign == .none ? "no sign" : relation.sign.symbol
            glyphs.append(
                .sample(
                    DOTValue.literal("\(prefix)relation:\(relation.rawValue)"), markup: Self.markup(relation.name, detail: sign),
                    tooltip: "\(relation.name) (\(sign))", className: "legend-relation",
                    glyphs: [DOTStyle.edge(relation, certainty: .established)]))
        }
        let lossOfFunction = Relation.allCases.filter { r in edges.contains { $0.relation == r && drawsLossOfFunction($0) } }
        if !lossOfFunction.isEmpty {
            glyphs.append(
                .sample(
                    DOTValue.literal("\(prefix)loss-of-function"), markup: Self.markup("loss of function", detail: "−"),
                    tooltip: "loss of function: blocking the source produces the target (sign −)", className: "legend-relation",
                    glyphs: lossOfFunction.map { DOTStyle.edge($0, certainty: .established, lossOfFunction: true) },
                    inLine: options.rankDirection == .topToBottom))
        }
        let certainties = Certainty.allCases.filter { c in edges.contains { $0.effectiveCertainty == c } }
        if certainties != [.established] {
            glyphs.append(
                .text(
                    DOTValue.literal("\(prefix)certainty"), markup: "<font color=\"#666666\">certainty:</font>",
                    className: "legend-certainty", tooltip: "certainty: how well each edge is supported"))
            for certainty in certainties {
                glyphs.append(
                    .sample(
                        DOTValue.literal("\(prefix)certainty:\(certainty.rawValue)"), markup: DOTValue.html(escaping: certainty.rawValue),
                        tooltip: "certainty: \(certainty.rawValue)", className: "legend-certainty", glyphs: [DOTStyle.certaintySample(certainty)]))
            }
        }
        let contexts = DiagramContext.legendLines(edges)
        if !contexts.isEmpty {
            let markup = contexts.flatMap { line in
                Self.wrap(line.values, width: Self.contextWidth).enumerated().map { i, part in
                    (i == 0 ? "<font color=\"#666666\">" + DOTValue.html(escaping: line.key + ":") + "</font> " : "&#160;&#160;&#160;&#160;")
                        + DOTValue.html(escaping: part)
                }
            }
            glyphs.append(
                .text(
                    DOTValue.literal("\(prefix)context"), markup: Self.lines(markup), className: "legend-context",
                    tooltip: "context: " + contexts.map { "\($0.key): \($0.values)" }.joined(separator: "\n")))
        }
        if !badges.isEmpty {
            let names = badges.joined(separator: ", ")
            glyphs.append(
                .text(
                    DOTValue.literal("\(prefix)badge"),
                    markup: "<font color=\"\(DOTStyle.Palette.ink)\" point-size=\"\(DiagramContext.fontSize)\">"
                        + DOTValue.html(escaping: names) + "</font> " + DOTValue.html(escaping: "drug form"),
                    className: "legend-badge", tooltip: "\(names): which form of the drug an edge is stated of"))
        }

        if let line = pathColourLegend(prefix: prefix) { glyphs.append(line) }
        glyphs = Self.notes(glyphs, name: DOTValue.literal("\(prefix)notes"))

        let bottom = below ?? LegendLayout.lowestNodes(nodes.map(\.id), edges: edges.map { ($0.from, $0.to) })
        var layout = LegendLayout(prefix: prefix, rankDirection: options.rankDirection, engine: options.engine)
        layout.rowWidth = rowWidth
        // A path figure's legend goes below its path table, which is as wide as the drawing.
        if !selection.paths.isEmpty, options.rankDirection == .topToBottom { layout.after = DOTValue.literal("\(prefix)paths") }
        layout.column = pathColumn
        // In a path figure's column the notes stay under the glyphs' texts: the node kinds' column is narrow.
        let rows = pathColumn ? [kinds, glyphs] : LegendLayout.balance(kinds, glyphs, rankDirection: options.rankDirection)
        // No title: a box of glyphs is a legend, and its title line was a tenth of its area (docs/rendering.md, "Legend").
        return layout.legend(label: nil, tooltip: "Legend", rows: rows, below: bottom)
    }

    /// The most characters of a context line before it wraps.
    static let contextWidth = 46

    /// `entries` with its trailing text entries (context keys, badges, the path colours), when there are two or more,
    /// drawn as one left-justified block `name`, one under the other, so that they take one place in a row, not several.
    static func notes(_ entries: [LegendEntry], name: DOTValue) -> [LegendEntry] {
        var entries = entries
        var notes: [LegendEntry] = []
        while let last = entries.last, last.first == last.last, last.markup != nil, !last.className.isEmpty,
            last.className != "legend-certainty"
        {
            notes.insert(entries.removeLast(), at: 0)
        }
        guard notes.count > 1 else { return entries + notes }
        let markup = notes.compactMap(\.markup).map { $0.hasSuffix(#"<br align="left"/>"#) ? $0 : lines([$0]) }.joined()
        return entries + [
            .text(
                name, markup: markup, className: notes.map(\.className).joined(separator: " "),
                tooltip: notes.map(\.tooltip).joined(separator: "\n"))
        ]
    }

    /// `name (detail)`, the detail grey.
    static func markup(_ name: String, detail: String) -> String {
        DOTValue.html(escaping: name) + " <font color=\"#666666\">(" + DOTValue.html(escaping: detail) + ")</font>"
    }

    /// `text`, a list joined by `, `, cut after commas into lines of at most `width` characters where it can be.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for item in text.components(separatedBy: ", ") {
            if !line.isEmpty, line.count + 2 + item.count > width {
                lines.append(line + ",")
                line = item
            } else {
                line += line.isEmpty ? item : ", " + item
            }
        }
        return lines + [line]
    }

    /// HTML-like lines, each left-justified.
    static func lines(_ lines: [String]) -> String {
        lines.map { $0 + #"<br align="left"/>"# }.joined()
    }
}

/// One entry of a legend row: its statements and the nodes it starts and ends with, in reading order.
struct LegendEntry {
    var statements: [DOTStatement]
    var first: DOTValue
    var last: DOTValue
    /// The entry's text (HTML-like), drawn by its last node; `nil` for a sample node.
    var markup: String?
    /// The points its glyphs start from, when there are several, none after another; empty for `[first]`.
    var starts: [DOTValue] = []
    /// A text entry's class and tooltip.
    var className = ""
    var tooltip = ""

    /// An estimate of the entry's width, in characters of its text.
    var characters: Int {
        if let markup { return LegendLayout.characters(markup) + (first == last ? 0 : 10) }
        for case let .node(name, attributes) in statements where name == first {
            // A sample node: its longest line, and its shape's sides (a hexagon's are wide).
            guard let label = attributes.first(where: { $0.name == "label" }) else { continue }
            let longest = label.value.raw.components(separatedBy: #"\n"#).map(\.count).max() ?? 0
            return longest + (attributes.contains(.literal("shape", "hexagon")) ? 10 : 5)
        }
        return 4
    }

    /// A hidden point a sample edge starts from.
    static let point: [DOTAttribute] = [
        .literal("shape", "point"), .literal("width", "0.01"), .literal("height", "0.01"), .literal("style", "invis"),
    ]

    /// A sample node.
    static func node(_ name: DOTValue, _ attributes: [DOTAttribute]) -> LegendEntry {
        LegendEntry(statements: [.node(name, attributes)], first: name, last: name, markup: nil)
    }

    /// Text (HTML-like `markup`) in a plain node.
    static func text(_ name: DOTValue, markup: String, className: String, tooltip: String) -> LegendEntry {
        var entry = LegendEntry.node(
            name, [DOTAttribute("label", .html(markup: markup)), .literal("class", className)] + LegendLayout.plain + [.tooltip(tooltip)])
        entry.markup = markup
        entry.className = className
        entry.tooltip = tooltip
        return entry
    }

    /// Sample edges, one in each of `glyphs`, from hidden points to the text, so that the text sits beside
    /// the glyphs' heads, never over them: `inLine`, side by side, the last to the text (ranks top to
    /// bottom); else each to the text (ranks left to right, where a line of them would run across ranks).
    static func sample(
        _ name: DOTValue, markup: String, tooltip: String, className: String, glyphs: [[DOTAttribute]], inLine: Bool = true
    ) -> LegendEntry {
        var statements: [DOTStatement] = [
            .node(name, [DOTAttribute("label", .html(markup: markup)), .literal("class", className)] + LegendLayout.plain + [.tooltip(tooltip)])
        ]
        let starts = glyphs.indices.map { DOTValue.literal(name.raw + ":start" + ($0 == 0 ? "" : ":\($0 + 1)")) }
        for (i, glyph) in glyphs.enumerated() {
            let end = inLine && i + 1 < glyphs.count ? DOTValue.literal(name.raw + ":end:\(i + 1)") : name
            statements.append(.node(starts[i], point))
            if end != name {
                statements += [
                    .node(end, point),
                    .edge(end, starts[i + 1], [.literal("style", "invis")]),
                ]
            }
            // Heavy, so that the layout keeps the sample straight.
            statements.append(
                .edge(starts[i], end, [.literal("class", className), .literal("minlen", "1"), .literal("weight", "10")] + glyph + [.tooltip(tooltip)]))
        }
        var entry = LegendEntry(statements: statements, first: starts.first ?? name, last: name, markup: markup)
        if !inLine { entry.starts = starts }
        return entry
    }
}

/// How a legend's entries are placed (docs/rendering.md, "Legend"): at most two rows, each entry beside the
/// last; with ranks top to bottom, below the drawing.
struct LegendLayout {
    /// The legend's node names start with this.
    var prefix: String
    var rankDirection: DiagramOptions.RankDirection
    /// The layout engine: rows and the place below the drawing are `dot`'s ranks, which other engines ignore.
    var engine: String

    /// Top to bottom, the most characters (estimated, `LegendEntry.characters`) of a row before it breaks; `nil`: no limit.
    var rowWidth: Int? = nil
    /// A node the legend is placed below instead of the drawing's lowest nodes (a path figure's table).
    var after: DOTValue? = nil
    /// Left to right, a path figure's column (`DiagramBuilder.pathColumn`): every text a rank after the glyph starts
    /// (a heading too), texts 0.2 in and node kinds 0.3 in high, so that the legend and the path table stack low.
    var column = false

    /// The height, in inches, of a text entry in a `column` legend (Graphviz's default node height is 0.5).
    static let columnTextHeight = "0.2"

    /// The empty lead, in points, before a text in a `column` legend: its glyph's length beyond the rank separation.
    static let columnLead = 40

    /// The height, in inches, of a node kind's sample in a `column` legend.
    static let columnKindHeight = "0.3"

    /// The margin, in points, of a legend without a title (Graphviz's default is 8).
    static let compactMargin = "4"

    /// The attributes of a text entry: plain, with a little room before the text for an arrowhead.
    static let plain: [DOTAttribute] = [
        .literal("shape", "plaintext"), .literal("style", "solid"), .literal("margin", "0.06,0"),
    ]

    /// The legend cluster with `rows` (empty ones left out), then the invisible edges from the nodes `below`
    /// (ids) that put it after them, below the drawing (top to bottom) or right of it (left to right). Without a
    /// `label`, the cluster has no title and a margin of `compactMargin` points.
    func legend(label: String?, tooltip: String, rows: [[LegendEntry]], below: [String]) -> [DOTStatement] {
        let hidden: [DOTAttribute] = [.literal("style", "invis")]
        var rows = rows.filter { !$0.isEmpty }
        var statements: [DOTStatement] = []
        switch rankDirection {
        case .topToBottom:
            if let rowWidth { rows = Self.broken(rows, width: rowWidth) }
            // A row is one rank: flat edges keep its entries in order, left to right, a node separation apart.
            for (i, row) in rows.enumerated() {
                var rowStatements: [DOTStatement] = []
                for (j, entry) in row.enumerated() {
                    rowStatements += entry.statements
                    if j > 0 { rowStatements.append(.edge(row[j - 1].last, entry.first, hidden + [.literal("minlen", "0")])) }
                }
                statements.append(
                    .subgraph(
                        DOTSubgraph(name: .literal("\(prefix)row:\(i + 1)"), attributes: [.literal("rank", "same")], statements: rowStatements)))
                if i > 0 { statements.append(.edge(rows[i - 1][0].first, row[0].first, hidden)) }
            }
        case .leftToRight:
            // Ranks run across, so a row turns into a column: the entries' first nodes share a rank, one below
            // the other, each sample's text a rank to the right; a text-only entry gets a hidden first point.
            for i in rows.indices where i > 0 {
                for j in rows[i].indices where rows[i][j].first == rows[i][j].last {
                    let point = DOTValue.literal(rows[i][j].first.raw + ":start")
                    rows[i][j].statements += [
                        .node(point, LegendEntry.point), .edge(point, rows[i][j].first, hidden + [.literal("minlen", column ? "1" : "2")]),
                    ]
                    rows[i][j].first = point
                }
            }
            // Texts a rank to the right of their glyphs are centred on the rank: one width for them all, each
            // text left-justified in it, lines the glyphs up (an estimate: a cell is never narrower than its text).
            // In a column, the notes take the whole width and the other texts follow an empty lead, so that the
            // glyphs are as long as the lead whatever the notes' width.
            let texts = rows.dropFirst().joined().filter { $0.markup != nil }
            // A note: a text entry (samples have no class of their own) that is not the certainty heading.
            let isNote = { (entry: LegendEntry) in column && !entry.className.isEmpty && entry.className != "legend-certainty" }
            let width = texts.filter { !isNote($0) }.compactMap { $0.markup.map(Self.characters) }.max() ?? 0
            let noteWidth = texts.filter(isNote).compactMap { $0.markup.map(Self.characters) }.max() ?? 0
            let total = column ? max(noteWidth * 11 / 2, Self.columnLead + width * 11 / 2) : width * 6
            for i in rows.indices where i > 0 {
                for j in rows[i].indices {
                    guard let markup = rows[i][j].markup else { continue }
                    let name = rows[i][j].last
                    let table = #"<table border="0" cellborder="0" cellpadding="0" cellspacing="0"><tr>"#
                    let cell =
                        column && !isNote(rows[i][j])
                        ? table + #"<td width="\#(Self.columnLead)"></td><td port="text" width="5"></td>"#
                            + #"<td width="\#(total - Self.columnLead - 5)" align="left" balign="left">"# + markup + "</td></tr></table>"
                        : table + #"<td width="\#(total)" align="left" balign="left">"# + markup + "</td></tr></table>"
                    // The glyph ends at the text's left side (not on flat edges: Graphviz 2.43 then loses their arrowheads).
                    let low: [DOTAttribute] = column ? [.literal("height", Self.columnTextHeight)] : []
                    rows[i][j].statements = rows[i][j].statements.map { statement in
                        switch statement {
                        case let .node(node, attributes) where node == name:
                            .node(name, attributes.map { $0.name == "label" ? DOTAttribute("label", .html(markup: cell)) : $0 } + low)
                        case let .edge(tail, head, attributes) where head == name && !attributes.contains(.literal("style", "invis")):
                            .edge(tail, head, attributes + [.literal("headport", column ? "text:w" : "w")])
                        // Several glyphs of one entry start apart, so that they do not merge.
                        case let .node(node, attributes) where column && rows[i][j].starts.count > 1 && rows[i][j].starts.contains(node):
                            .node(node, attributes + [.literal("height", Self.columnTextHeight)])
                        default: statement
                        }
                    }
                }
            }
            if column, !rows.isEmpty {
                for j in rows[0].indices where rows[0][j].markup == nil {
                    rows[0][j].statements = rows[0][j].statements.map { statement in
                        guard case let .node(name, attributes) = statement else { return statement }
                        return .node(name, attributes + [.literal("height", Self.columnKindHeight)])
                    }
                }
            }
            for (i, row) in rows.enumerated() {
                var column: [DOTStatement] = []
                var rest: [DOTStatement] = []
                var previous: DOTValue?
                for entry in row {
                    let starts = entry.starts.isEmpty ? [entry.first] : entry.starts
                    for statement in entry.statements {
                        if case let .node(name, _) = statement, starts.contains(name) { column.append(statement) } else { rest.append(statement) }
                    }
                    for start in starts {
                        // With ranks across, a flat edge's head is drawn above its tail.
                        if let previous { column.append(.edge(start, previous, hidden + [.literal("minlen", "0")])) }
                        previous = start
                    }
                }
                statements.append(
                    .subgraph(
                        DOTSubgraph(name: .literal("\(prefix)column:\(i + 1)"), attributes: [.literal("rank", "same")], statements: column)))
                statements += rest
                if i > 0 { statements.append(.edge(rows[i - 1][0].first, row[0].first, hidden)) }
            }
        }
        var cluster = DiagramFrame.legend(label: label ?? "", tooltip: tooltip, statements: statements)
        if label == nil {
            // An empty label, not none: a cluster without one takes the graph's (the title).
            cluster.attributes.removeAll { $0.name == "labeljust" }
            cluster.attributes.append(.literal("margin", Self.compactMargin))
        }
        // Hung from the middle of its first row, so that it sits centred below what it follows.
        guard engine == "dot", let row = rows.first, !row.isEmpty else { return [.subgraph(cluster)] }
        let top = after == nil ? row[0].first : row[row.count / 2].first
        // Outside the cluster, which would otherwise take the nodes in. Weight 1: Graphviz 2.43 ignores the
        // rank constraint of a weight-0 edge into a cluster.
        if let after { return [.subgraph(cluster), .edge(after, top, hidden)] }
        return [.subgraph(cluster)] + below.map { DOTStatement.edge(.literal($0), top, hidden) }
    }

    /// The two rows, with the second's trailing text entries (the context keys, the badges) moved to the end of
    /// the first while that makes the wider row narrower, by an estimate of their widths in characters. Left to right
    /// they always move: under the node kinds, the notes take no column of their own.
    static func balance(
        _ first: [LegendEntry], _ second: [LegendEntry], rankDirection: DiagramOptions.RankDirection = .topToBottom
    ) -> [[LegendEntry]] {
        var rows = (first, second)
        if rankDirection == .leftToRight {
            while let last = rows.1.last, last.first == last.last, last.markup != nil, !rows.0.isEmpty {
                rows.0.append(rows.1.removeLast())
            }
            return [rows.0, rows.1]
        }
        func width(_ row: [LegendEntry]) -> Int { row.reduce(0) { $0 + $1.characters + 4 } }
        while let last = rows.1.last, last.first == last.last, last.markup != nil, !rows.0.isEmpty,
            max(width(rows.0) + last.characters + 4, width(rows.1) - last.characters - 4) < max(width(rows.0), width(rows.1))
        {
            rows.0.append(rows.1.removeLast())
        }
        return [rows.0, rows.1]
    }

    /// `rows` with each row broken before an entry that would take it past `width` characters (a `certainty:` heading
    /// goes with the sample after it).
    static func broken(_ rows: [[LegendEntry]], width: Int) -> [[LegendEntry]] {
        rows.flatMap { row -> [[LegendEntry]] in
            var lines: [[LegendEntry]] = [[]]
            var used = 0
            for entry in row {
                if !lines[lines.count - 1].isEmpty, used + entry.characters + 4 > width {
                    var next: [LegendEntry] = []
                    if let heading = lines[lines.count - 1].last, heading.className == "legend-certainty", heading.first == heading.last,
                        lines[lines.count - 1].count > 1
                    {
                        next.append(lines[lines.count - 1].removeLast())
                    }
                    lines.append(next)
                    used = next.reduce(0) { $0 + $1.characters + 4 }
                }
                lines[lines.count - 1].append(entry)
                used += entry.characters + 4
            }
            return lines
        }
    }

    /// The characters of the longest line of HTML-like `markup`, its tags left out.
    static func characters(_ markup: String) -> Int {
        var lines = [0]
        var inTag = false
        var tag = ""
        for character in markup {
            if inTag {
                tag.append(character)
                if character == ">" {
                    inTag = false
                    if tag.hasPrefix("<br") { lines.append(0) }
                }
            } else if character == "<" {
                inTag = true
                tag = "<"
            } else {
                lines[lines.count - 1] += 1
            }
        }
        return lines.max()!
    }

    /// The nodes the legend hangs below: those with no edge out to another drawn node, and the first (in
    /// order) of each group that reaches none of them, such as a closed cycle.
    static func lowestNodes(_ ids: [String], edges: [(from: String, to: String)]) -> [String] {
        var into: [String: [String]] = [:]
        var hasOut = Set<String>()
        let drawn = Set(ids)
        for edge in edges where edge.from != edge.to && drawn.contains(edge.from) && drawn.contains(edge.to) {
            into[edge.to, default: []].append(edge.from)
            hasOut.insert(edge.from)
        }
        var lowest: [String] = []
        var reached = Set<String>()
        func hang(_ id: String) {
            lowest.append(id)
            reached.insert(id)
            var stack = [id]
            while let next = stack.popLast() {
                for tail in into[next, default: []] where reached.insert(tail).inserted { stack.append(tail) }
            }
        }
        for id in ids where !hasOut.contains(id) { hang(id) }
        for id in ids where !reached.contains(id) { hang(id) }
        return lowest
    }
}
