/// A viewer page: one self-contained HTML file with the drawing as inline SVG, the data as JSON, and
/// small inline CSS and JS; no external URL (docs/viewer.md).
///
/// The core writes the page as text; the SVG comes from the renderer (PharmGraphRender), laid out from
/// `ViewerPage.diagram(of:options:)`, so that every node and edge carries the id the page looks for.
public enum ViewerPage {
    /// The whole `graph` as DOT for the page: drug forms drawn as their own nodes (a highlighted path
    /// maps one to one onto drawn edges), each node with the id `node-ID` and each edge `edge-N`
    /// (N its index in `graph.edges`).
    public static func diagram(of graph: Graph, options: DiagramOptions) -> String {
        var options = options
        options.expandForms = true
        let diagram = PathwayDiagram(graph: graph, selection: .whole(graph), options: options)
        let ends = graph.edges.map { (from: $0.from, to: $0.to) }
        return identified(diagram.model, nodeIDs: graph.nodes.map(\.id), edges: ends).text
    }

    /// `model` with a DOM id on each statement of a graph node (`node-ID`) and of a graph edge (`edge-N`).
    ///
    /// Edge statements are matched to `edges` by their ends, parallel edges in order; a node's first statement
    /// with attributes (its declaration) gets its id; statements of the legend, and any the diagram adds (layer
    /// anchors, a node named again in a rank), get none.
    static func identified(_ model: DOTGraph, nodeIDs: [String], edges: [(from: String, to: String)]) -> DOTGraph {
        var nodes: [String: String] = [:]
        for id in nodeIDs { nodes[DOTValue.literal(id).raw] = id }
        // A node is named again, without attributes, in the layers' rank=same subgraphs: only its declaration gets the id.
        var declared: Set<String> = []
        var queues: [String: [Int]] = [:]
        for (i, edge) in edges.enumerated() {
            queues[DOTValue.literal(edge.from).raw + "\u{0}" + DOTValue.literal(edge.to).raw, default: []].append(i)
        }
        func visit(_ statements: [DOTStatement]) -> [DOTStatement] {
            statements.map { statement in
                switch statement {
                case let .node(name, attributes):
                    guard let id = nodes[name.raw], !attributes.isEmpty, declared.insert(name.raw).inserted else { return statement }
                    return .node(name, attributes + [.literal("id", "node-" + domID(id))])
                case let .edge(from, to, attributes):
                    let classes = attributes.filter { $0.name == "class" }.flatMap { $0.value.raw.split(separator: " ") }
                    // An edge written head first to keep the layers (DiagramLayers.edge) runs from its DOT head.
                    let reversed = classes.contains { $0 == DiagramLayers.reversedClass }
                    let key = reversed ? to.raw + "\u{0}" + from.raw : from.raw + "\u{0}" + to.raw
                    let drawn = classes.contains { token in ["relation-", "diff-"].contains { token.hasPrefix($0) } }
                    guard drawn, let next = queues[key]?.first
                    else { return statement }
                    queues[key]!.removeFirst()
                    return .edge(from, to, attributes + [.literal("id", "edge-\(next)")])
                case var .subgraph(subgraph):
                    guard subgraph.name.raw != "cluster_legend" else { return statement }
                    subgraph.statements = visit(subgraph.statements)
                    return .subgraph(subgraph)
                }
            }
        }
        var model = model
        model.statements = visit(model.statements)
        return model
    }

    /// A node id as a DOM id: ASCII letters, digits and `-` kept, any other character written `_hex_`.
    public static func domID(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return out
    }

    /// The page: `svg` (Graphviz's SVG output of the page's diagram) and `data`, with the viewer's CSS and JS.
    public static func html(svg: String, data: ViewerData) throws(EncodingError) -> String {
        let json = try data.scriptText()
        let title = data.graph.title.isEmpty ? data.graph.id : data.graph.title
        let heading = data.diff.map { "\($0.old) → \($0.new)" } ?? title
        let subtitle = data.diff == nil ? "version \(data.graph.version)" : "diff: \(data.diff!.summary)"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="pharmgraph">
            <title>\(escaped(heading)) — pharmgraph viewer</title>
            <style>
            \(ViewerAssets.css)
            </style>
            </head>
            <body class="\(data.diff == nil ? "graph-page" : "diff-page")">
            <header>
            <h1>\(escaped(heading))</h1>
            <p class="subtitle">\(escaped(subtitle)); paths of at most \(data.maxLength) steps</p>
            </header>
            <div id="controls">
            <div class="control search-box" role="search">
            <label for="search">Find a node</label>
            <input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="id, label or synonym" aria-controls="search-results" aria-autocomplete="list">
            <ul id="search-results" role="listbox" aria-label="Matching nodes"></ul>
            </div>
            <fieldset class="control" id="path-controls">
            <legend>Paths</legend>
            <label for="from">From</label>
            <input id="from" list="node-list" autocomplete="off" spellcheck="false" placeholder="a drug">
            <label for="to">To</label>
            <input id="to" list="node-list" autocomplete="off" spellcheck="false" placeholder="an effect or condition">
            <button id="show-paths" type="button">Show paths</button>
            </fieldset>
            <fieldset class="control" id="context-controls">
            <legend>Context</legend>
            </fieldset>
            <div class="control" id="view-controls">
            <button id="zoom-in" type="button" aria-label="Zoom in">+</button>
            <button id="zoom-out" type="button" aria-label="Zoom out">−</button>
            <button id="zoom-reset" type="button">Fit</button>
            <button id="clear" type="button">Clear (Esc)</button>
            </div>
            </div>
            <main>
            <div id="canvas" tabindex="0" aria-label="The diagram: Tab reaches each node and edge; drag or arrow keys pan, wheel or + and − zoom">
            \(cleanedSVG(svg))
            </div>
            <aside id="side">
            <section aria-labelledby="paths-heading">
            <h2 id="paths-heading">Paths</h2>
            <div id="verdict" role="status" aria-live="polite">Pick FROM and TO, then Show paths.</div>
            <ol id="path-list"></ol>
            </section>
            <section aria-labelledby="info-heading">
            <h2 id="info-heading">Details</h2>
            <div id="info" role="status" aria-live="polite">Hover over or focus a node or an edge.</div>
            </section>
            </aside>
            </main>
            <datalist id="node-list"></datalist>
            <script type="application/json" id="pharmgraph-data">\(json)</script>
            <script>
            \(ViewerAssets.script)
            </script>
            </body>
            </html>

            """
    }

    /// Text escaped for HTML content and attribute values.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(DOTValue.displayable(scalar))
            }
        }
        return out
    }

    /// Graphviz's SVG as inline markup: the XML prolog, DOCTYPE, comments and namespace declarations
    /// (the only URLs in it) removed; the size left to the page's CSS.
    static func cleanedSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        while let open = body.range(of: "<!--") {
            guard let close = body.range(of: "-->", range: open.upperBound..<body.endIndex) else {
                body.removeSubrange(open.lowerBound..<body.endIndex)
                break
            }
            body.removeSubrange(open.lowerBound..<close.upperBound)
        }
        guard let tagEnd = body.firstIndex(of: ">") else { return "" }
        var tag = String(body[..<tagEnd])
        for attribute in ["xmlns", "xmlns:xlink", "width", "height"] {
            if let range = tag.range(of: " \(attribute)=\"") {
                if let end = tag[range.upperBound...].firstIndex(of: "\"") {
                    tag.removeSubrange(range.lowerBound...end)
                }
            }
        }
        let rest = body[tagEnd...].trimmingSuffixWhitespace()
        return tag + " id=\"diagram\" role=\"group\" aria-label=\"pathway diagram\"" + rest
    }
}

extension Substring {
    /// The text without trailing spaces and line breaks.
    fileprivate func trimmingSuffixWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last.isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
