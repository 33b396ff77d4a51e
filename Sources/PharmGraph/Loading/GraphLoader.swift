import Foundation

/// The outcome of loading one graph file: the graph when it has no errors, and every diagnostic.
public struct LoadResult: Sendable {
    /// The path as given.
    public let path: String
    /// The decoded text, when the file could be read.
    public let source: SourceText?
    /// The graph, present exactly when there are no errors.
    public let graph: Graph?
    /// Every problem found, sorted by position.
    public let diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Checks graph text (YAML, or JSON with the same schema) and reports every problem in it; reading files is PharmGraphIO's.
public enum GraphLoader {
    /// The result for an input that could not be read: one error, `path: error: message`.
    static func unreadable(path: String, message: String) -> LoadResult {
        LoadResult(path: path, source: nil, graph: nil, diagnostics: [Diagnostic(.error, message, file: path)])
    }

    /// Checks `text` as if it were the content of `path`.
    public static func load(text: String, path: String) -> LoadResult {
        load(source: SourceText(path: path, text: text))
    }

    static func load(source: SourceText) -> LoadResult { load(source: source, upgrading: false) }

    /// Checks the text; when `upgrading` (for `fmt --upgrade`), format-2 features in a format-1 file and
    /// context keys missing from its `contexts:` are not errors: the upgrade adds what they need.
    static func load(source: SourceText, upgrading: Bool) -> LoadResult {
        // libyaml would take `{"a": 1,}` or `{a: 1}` as YAML flow: a `.json` file must be strict JSON first.
        if isJSON(path: source.path), let syntax = JSONScan(source.utf8).error,
            !source.text.unicodeScalars.allSatisfy({ [" ", "\t", "\n", "\r"].contains($0) })  // empty: said below
        {
            let (line, column) = source.position(ofByte: syntax.offset)
            let diagnostic = Diagnostic(.error, "invalid JSON: \(syntax.message)", file: source.path, line: line, column: column)
            return LoadResult(
                path: source.path, source: source, graph: nil, diagnostics: [placed(diagnostic, in: source, aliases: [])])
        }
        var composer = YAMLComposer(source: source)
        let root = composer.compose()
        var diagnostics = composer.diagnostics
        var graph: Graph?
        if let root {
            var decoder = DocumentDecoder(path: source.path)
            let document = decoder.decode(root: root)
            diagnostics += decoder.reader.diagnostics
            let context = CheckContext(document: document, upgrading: upgrading)
            for check in documentChecks { diagnostics += check.run(context) }
            if !diagnostics.contains(where: { $0.severity == .error }) {
                graph = makeGraph(document)
            }
        }
        diagnostics = diagnostics.map { placed($0, in: source, aliases: composer.aliases) }
        return LoadResult(path: source.path, source: source, graph: graph, diagnostics: diagnostics.sorted())
    }

    /// Whether `path` names a JSON file (`.json`, before any `.gz` / `.xz`), which must be strict JSON.
    static func isJSON(path: String) -> Bool {
        var name = path.lowercased()
        for suffix in [".gz", ".xz"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name.hasSuffix(".json")
    }

    /// The diagnostic with its position inside the text, and a note naming the anchor
    /// when it points at an alias (the problem is in the anchored value).
    static func placed(_ diagnostic: Diagnostic, in source: SourceText, aliases: [YAMLComposer.AliasUse]) -> Diagnostic {
        guard let line = diagnostic.line, let column = diagnostic.column else { return diagnostic }
        var result = diagnostic
        (result.line, result.column) = source.clamped(line: line, column: column)
        if let alias = aliases.first(where: { $0.use == YAMLMark(line: line, column: column) }) {
            result.notes.append(
                "'*\(alias.name)' stands for the value anchored as '&\(alias.name)' at line \(alias.anchor.line), column \(alias.anchor.column)")
        }
        return result
    }

    /// Builds the graph from a document known to have no errors.
    static func makeGraph(_ document: RawDocument) -> Graph {
        let kinds = document.kindOrder.map {
            KindDeclaration(kind: NodeKind($0.value), description: document.kinds[$0] ?? "", location: $0.location)
        }
        let references = document.references.map {
            Reference(
                key: $0.key.value, citation: $0.citation ?? "", doi: $0.doi, pmid: $0.pmid, url: $0.url,
                location: $0.key.location)
        }
        let nodes = document.nodes.compactMap { raw -> Node? in
            guard let id = raw.id, let kind = raw.kind else { return nil }
            return Node(
                id: id.value, label: raw.label, kind: kind.value, synonyms: raw.synonyms, xrefs: raw.xrefs,
                system: raw.system, description: raw.description, role: raw.role?.value,
                valence: raw.valence?.value, context: dictionary(raw.context), location: raw.location)
        }
        let edges = document.edges.compactMap { raw -> Edge? in
            guard let from = raw.from, let relation = raw.relation, let to = raw.to else { return nil }
            return Edge(
                from: from.value, relation: relation.value, to: to.value, action: raw.action?.value,
                refs: raw.refs.map(\.value), evidence: raw.evidence, direct: raw.direct, certainty: raw.certainty,
                context: raw.context, strength: raw.strength, exact: Array(Set(raw.exact.map(\.value))).sorted(),
                exposureOf: raw.exposureOf?.value, lossOfFunction: raw.lossOfFunction?.value ?? false,
                correlational: raw.correlational?.value ?? false, importance: raw.importance?.value, note: raw.note,
                location: raw.location)
        }
        let claims = document.claims.compactMap { raw -> Claim? in
            guard let from = raw.from, let to = raw.to, let expect = raw.expect else { return nil }
            return Claim(
                from: from.value, to: to.value, expect: expect, context: raw.context, via: raw.via?.value,
                avoid: raw.avoid.map(\.value), certainty: raw.certainty?.value, maxLength: raw.maxLength, refs: raw.refs.map(\.value), note: raw.note,
                location: raw.location)
        }
        let contexts = document.contexts.compactMap(\.declaration)
        return Graph(
            id: document.id?.value ?? "", title: document.title ?? "", version: document.version ?? "",
            format: document.format?.value ?? 1, contexts: contexts, description: document.description, sources: document.sources, kinds: kinds,
            references: references,
            nodes: nodes, edges: edges, claims: claims)
    }
}
