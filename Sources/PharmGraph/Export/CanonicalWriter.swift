/// Writes a graph in the canonical style of docs/graph-format.md: fixed section
/// and field order, one reference, node, edge and claim per line.
public enum CanonicalWriter {
    /// The two file syntaxes the writer produces.
    public enum Syntax: Sendable {
        case yaml
        case json

        /// JSON for `.json` paths, YAML otherwise.
        public init(path: String) { self = path.lowercased().hasSuffix(".json") ? .json : .yaml }
    }

    /// The canonical text of `graph`. With `source`, the YAML comments of that text are kept.
    public static func write(_ graph: Graph, syntax: Syntax, keepingCommentsOf source: SourceText? = nil) -> String {
        switch syntax {
        case .yaml: yaml(graph, comments: source.map { commentMap(for: graph, source: $0) })
        case .json: json(graph)
        }
    }

    /// The comments of `source`, attached to the parts of `graph` that the canonical YAML writes.
    static func commentMap(for graph: Graph, source: SourceText) -> CommentMap {
        var anchors: [(line: Int, column: Int, anchor: CommentMap.Anchor)] = []
        for number in 1...max(1, source.lineCount) {
            guard let line = source.line(number), let first = line.unicodeScalars.first,
                first != " ", first != "\t", first != "#", first != "-", let colon = line.firstIndex(of: ":")
            else { continue }
            let name = String(line[..<colon])
            // A section the canonical form leaves out passes its comments on to the next anchor.
            if isWritten(name, graph) { anchors.append((number, 1, .section(name))) }
        }
        func add(_ section: String, _ locations: [SourceLocation?]) {
            for (index, location) in locations.enumerated() {
                if let location { anchors.append((location.line, location.column, .item(section: section, index: index))) }
            }
        }
        add("kinds", graph.kinds.map(\.location))
        add("contexts", graph.contexts.map(\.location))
        add("references", graph.references.map(\.location))
        add("nodes", graph.nodes.map(\.location))
        add("edges", graph.edges.map(\.location))
        add("claims", graph.claims.map(\.location))
        return CommentMap(source: source, anchors: anchors)
    }

    /// Why `fmt` refused to write.
    public enum FormatError: Error, CustomStringConvertible, Sendable, Equatable {
        /// The file has errors.
        case hasErrors(path: String)
        /// Reloading the canonical text gave another graph; `cause` is its first error, if any.
        case wouldChangeGraph(path: String, cause: String?)
        /// The canonical text would keep `kept` of `total` comments.
        case wouldDropComments(path: String, kept: Int, total: Int)
        /// The canonical text would move a comment to another item.
        case wouldMoveComment(path: String, move: String)

        public var description: String {
            switch self {
            case let .hasErrors(path): "\(path) has errors; not formatted"
            case let .wouldChangeGraph(path, cause):
                "\(path): internal error: the canonical form would change the graph\(cause.map { " (\($0))" } ?? ""); not formatted"
            case let .wouldDropComments(path, kept, total):
                "\(path): internal error: the canonical form would keep \(kept) of \(total) comments; not formatted"
            case let .wouldMoveComment(path, move):
                "\(path): internal error: the canonical form would move a comment (\(move)); not formatted"
            }
        }
    }

    /// The canonical text of a file that loaded without errors, checked to mean
    /// the same as the original and to keep every comment.
    public static func canonicalText(of result: LoadResult) throws(FormatError) -> String {
        guard let graph = result.graph, let source = result.source else {
            throw .hasErrors(path: result.path)
        }
        return try verifiedText(of: graph, keepingCommentsOf: source, path: result.path).text
    }

    /// The canonical text of `graph`, keeping the comments of `source` (which `graph` was read from,
    /// perhaps with additions), checked to reload as `graph` with every comment on its item.
    static func verifiedText(of graph: Graph, keepingCommentsOf source: SourceText, path: String) throws(FormatError)
        -> (text: String, reloaded: LoadResult)
    {
        let syntax = Syntax(path: path)
        let text = write(graph, syntax: syntax, keepingCommentsOf: syntax == .yaml ? source : nil)
        let reloaded = GraphLoader.load(text: text, path: path)
        guard let formatted = reloaded.graph, formatted == graph else {
            let cause = reloaded.diagnostics.first { $0.severity == .error }?.message
            throw .wouldChangeGraph(path: path, cause: cause)
        }
        if syntax == .yaml {
            // Each comment must stay with its item, not merely survive somewhere.
            let before = commentMap(for: graph, source: source)
            // The reloaded graph carries the positions in the new text.
            let after = commentMap(for: formatted, source: SourceText(path: path, text: text))
            if before.count != after.count {
                throw .wouldDropComments(path: path, kept: after.count, total: before.count)
            }
            if let move = before.firstMove(in: after) {
                throw .wouldMoveComment(path: path, move: move)
            }
        }
        return (text, reloaded)
    }

    // MARK: YAML

    private static func yaml(_ graph: Graph, comments: CommentMap?) -> String {
        var out: [String] = []
        func emit(_ line: String, _ anchor: CommentMap.Anchor, indent: String) {
            for comment in comments?.leading[anchor] ?? [] { out.append(indent + comment) }
            if let trailing = comments?.trailing[anchor] { out.append(line + "  " + trailing) } else { out.append(line) }
        }
        func scalar(_ name: String, _ value: String?) {
            guard let value else { return }
            emit("\(name): \(YAMLScalar.write(value))", .section(name), indent: "")
        }
        out += comments?.leading[.start] ?? []
        if graph.format > 1 { emit("format: \(graph.format)", .section("format"), indent: "") }
        scalar("id", graph.id)
        scalar("title", graph.title)
        scalar("version", graph.version)
        scalar("description", graph.description)
        if !graph.sources.isEmpty {
            emit("sources:", .section("sources"), indent: "")
            for source in graph.sources { out.append("  - " + YAMLScalar.write(source)) }
        }
        /// A mapping section: one `key: value` line per item.
        func keyed(_ section: String, _ items: [(key: String, value: String)]) {
            guard !items.isEmpty else { return }
            emit("\(section):", .section(section), indent: "")
            for (i, item) in items.enumerated() {
                emit("  \(YAMLScalar.write(item.key)): \(item.value)", .item(section: section, index: i), indent: "  ")
            }
        }
        keyed("kinds", graph.kinds.map { ($0.kind.rawValue, YAMLScalar.write($0.description)) })
        keyed("contexts", graph.contexts.map { ($0.key, flowMapping($0.canonicalFields)) })
        keyed("references", graph.references.map { ($0.key, flowMapping($0.canonicalFields)) })
        func list(_ section: String, _ items: [CanonicalFields], required: Bool) {
            guard required || !items.isEmpty else { return }
            emit(items.isEmpty ? "\(section): []" : "\(section):", .section(section), indent: "")
            for (i, fields) in items.enumerated() {
                emit("  - " + flowMapping(fields), .item(section: section, index: i), indent: "  ")
            }
        }
        list("nodes", graph.nodes.map(\.canonicalFields), required: true)
        list("edges", graph.edges.map(\.canonicalFields), required: true)
        list("claims", graph.claims.map(\.canonicalFields), required: false)
        for comment in comments?.leading[.end] ?? [] { out.append(comment) }
        return out.joined(separator: "\n") + "\n"
    }

    private static func isWritten(_ section: String, _ graph: Graph) -> Bool {
        switch section {
        case "id", "title", "version", "nodes", "edges": true
        case "format": graph.format > 1
        case "contexts": !graph.contexts.isEmpty
        case "description": graph.description != nil
        case "sources": !graph.sources.isEmpty
        case "kinds": !graph.kinds.isEmpty
        case "references": !graph.references.isEmpty
        case "claims": !graph.claims.isEmpty
        default: false
        }
    }

    private static func flowMapping(_ fields: CanonicalFields) -> String {
        "{" + fields.map { "\($0.name): \(yamlValue($0.value))" }.joined(separator: ", ") + "}"
    }

    private static func yamlValue(_ value: FieldValue) -> String {
        switch value {
        case let .text(text): YAMLScalar.write(text)
        case let .bool(flag): flag ? "true" : "false"
        case let .integer(number): String(number)
        case let .list(items): "[" + items.map(YAMLScalar.write).joined(separator: ", ") + "]"
        case let .map(pairs):
            "{" + pairs.map { "\(YAMLScalar.write($0.0)): \(YAMLScalar.write($0.1))" }.joined(separator: ", ") + "}"
        }
    }

    // MARK: JSON

    private static func json(_ graph: Graph) -> String {
        var members: [String] = []
        func scalar(_ name: String, _ value: String?) {
            if let value { members.append("  \(JSONText.string(name)): \(JSONText.string(value))") }
        }
        func block(_ name: String, _ lines: [String], open: String, close: String) {
            members.append(
                "  \(JSONText.string(name)): \(open)\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n  \(close)")
        }
        if graph.format > 1 { members.append("  \(JSONText.string("format")): \(graph.format)") }
        scalar("id", graph.id)
        scalar("title", graph.title)
        scalar("version", graph.version)
        scalar("description", graph.description)
        if !graph.sources.isEmpty { block("sources", graph.sources.map(JSONText.string), open: "[", close: "]") }
        if !graph.kinds.isEmpty {
            block(
                "kinds", graph.kinds.map { "\(JSONText.string($0.kind.rawValue)): \(JSONText.string($0.description))" },
                open: "{", close: "}")
        }
        if !graph.contexts.isEmpty {
            block(
                "contexts", graph.contexts.map { "\(JSONText.string($0.key)): \(jsonObject($0.canonicalFields))" },
                open: "{", close: "}")
        }
        if !graph.references.isEmpty {
            block(
                "references",
                graph.references.map { "\(JSONText.string($0.key)): \(jsonObject($0.canonicalFields))" },
                open: "{", close: "}")
        }
        for (name, items, required) in [
            ("nodes", graph.nodes.map(\.canonicalFields), true), ("edges", graph.edges.map(\.canonicalFields), true),
            ("claims", graph.claims.map(\.canonicalFields), false),
        ] {
            if items.isEmpty {
                if required { members.append("  \(JSONText.string(name)): []") }
            } else {
                block(name, items.map(jsonObject), open: "[", close: "]")
            }
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    static func jsonObject(_ fields: CanonicalFields) -> String {
        "{" + fields.map { "\(JSONText.string($0.name)): \(jsonValue($0.value))" }.joined(separator: ", ") + "}"
    }

    private static func jsonValue(_ value: FieldValue) -> String {
        switch value {
        case let .text(text): JSONText.string(text)
        case let .bool(flag): flag ? "true" : "false"
        case let .integer(number): String(number)
        case let .list(items): "[" + items.map(JSONText.string).joined(separator: ", ") + "]"
        case let .map(pairs):
            "{" + pairs.map { "\(JSONText.string($0.0)): \(JSONText.string($0.1))" }.joined(separator: ", ") + "}"
        }
    }
}

/// JSON string literals.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // The loader reads JSON as YAML, so escape what YAML cannot carry raw, not only C0.
                if YAMLScalar.mustEscape(scalar) {
                    out += YAMLScalar.unicodeEscape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
