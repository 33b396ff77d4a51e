import Foundation

/// Builds the composed tree of a curated graph document from an exchange format's attributes, so that
/// an imported GraphML or Cytoscape.js file goes through the same decoder and checks as a YAML file,
/// with every diagnostic at a position in the imported file (docs/formats.md, "Import").
struct DocumentTree {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    /// A text scalar (never read as null).
    static func text(_ value: String, at mark: YAMLMark) -> YAMLNode {
        YAMLNode(content: .scalar(value, plain: false), mark: mark)
    }

    /// A mapping of named values, each key at its value's mark unless given.
    static func mapping(_ pairs: [(name: String, value: YAMLNode)], at mark: YAMLMark) -> YAMLNode {
        YAMLNode(content: .mapping(pairs.map { (text($0.name, at: $0.value.mark), $0.value) }), mark: mark)
    }

    mutating func error(_ message: String, at mark: YAMLMark) {
        diagnostics.append(Diagnostic(.error, message, file: path, line: mark.line, column: mark.column))
    }

    /// `text`, JSON written in an attribute whose value starts at `mark`, as a tree whose marks point into
    /// the file (exactly on the value's first line); `nil`, with an error, when it is not valid JSON.
    mutating func json(_ text: String, field: String, at mark: YAMLMark) -> YAMLNode? {
        let bytes = Array(text.utf8)
        if let syntax = JSONScan(bytes).error {
            let inner = SourceText(path: path, text: text).position(ofByte: syntax.offset)
            error("'\(field)' is not valid JSON: \(syntax.message)", at: shifted(YAMLMark(line: inner.0, column: inner.1), by: mark))
            return nil
        }
        var composer = YAMLComposer(source: SourceText(path: path, text: text))
        guard let root = composer.compose(), composer.diagnostics.isEmpty else {
            error("'\(field)' is not valid JSON", at: mark)
            return nil
        }
        return remarked(root, by: mark)
    }

    private func shifted(_ inner: YAMLMark, by base: YAMLMark) -> YAMLMark {
        inner.line == 1
            ? YAMLMark(line: base.line, column: base.column + inner.column - 1)
            : YAMLMark(line: base.line + inner.line - 1, column: inner.column)
    }

    private func remarked(_ node: YAMLNode, by base: YAMLMark) -> YAMLNode {
        var result = node
        result.mark = shifted(node.mark, by: base)
        switch node.content {
        case .scalar: break
        case let .sequence(items): result.content = .sequence(items.map { remarked($0, by: base) })
        case let .mapping(pairs): result.content = .mapping(pairs.map { (remarked($0.key, by: base), remarked($0.value, by: base)) })
        }
        return result
    }
}

/// The fields of one item (the graph, a node, an edge) gathered from attributes: `context:KEY` and
/// `xrefs:NS` attributes regrouped into their maps; a field given twice is an error.
struct TreeItem {
    private var pairs: [(name: String, value: YAMLNode)] = []
    private var maps: [(name: String, mark: YAMLMark, entries: [(name: String, value: YAMLNode)])] = []

    /// Adds the attribute `name`; false when the item already has it.
    mutating func add(_ name: String, _ value: YAMLNode) -> Bool {
        for field in ExchangeFields.mapFields where name.hasPrefix(field + ":") {
            let key = String(name.dropFirst(field.count + 1))
            if let i = maps.firstIndex(where: { $0.name == field }) {
                guard !maps[i].entries.contains(where: { $0.name == key }) else { return false }
                maps[i].entries.append((key, value))
            } else {
                maps.append((field, value.mark, [(key, value)]))
            }
            return true
        }
        guard !pairs.contains(where: { $0.name == name }) else { return false }
        pairs.append((name, value))
        return true
    }

    /// The item as a mapping at `mark`.
    func node(at mark: YAMLMark) -> YAMLNode {
        DocumentTree.mapping(pairs + maps.map { ($0.name, DocumentTree.mapping($0.entries, at: $0.mark)) }, at: mark)
    }
}

extension GraphLoader {
    /// Checks a document tree an importer built from `source`, with the decoder and checks of a YAML
    /// file; `prior`: the importer's own diagnostics (an error among them leaves the graph out).
    static func load(tree: YAMLNode?, source: SourceText, prior: [Diagnostic]) -> LoadResult {
        var diagnostics = prior
        var graph: Graph?
        if let tree {
            var decoder = DocumentDecoder(path: source.path)
            let document = decoder.decode(root: tree)
            diagnostics += decoder.reader.diagnostics
            let context = CheckContext(document: document)
            for check in documentChecks { diagnostics += check.run(context) }
            if !diagnostics.contains(where: { $0.severity == .error }) { graph = makeGraph(document) }
        }
        diagnostics = diagnostics.map { placed($0, in: source, aliases: []) }
        return LoadResult(path: source.path, source: source, graph: graph, diagnostics: diagnostics.sorted())
    }

    /// Reads a curated graph in an exchange format (`graphml`, `cyjs`) from UTF-8 `data`.
    static func load(data: Data, path: String, reader: (SourceText) -> (YAMLNode?, [Diagnostic])) -> LoadResult {
        switch SourceText.decode(path: path, data: data) {
        case let .success(source):
            let (tree, diagnostics) = reader(source)
            return load(tree: tree, source: source, prior: diagnostics)
        case let .failure(.notUTF8(line, column, byte)):
            return LoadResult(path: path, source: nil, graph: nil, diagnostics: [notUTF8(path, line, column, byte)])
        }
    }
}
