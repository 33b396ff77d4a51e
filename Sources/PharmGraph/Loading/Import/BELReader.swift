import Foundation

/// Reads a BEL script (BEL 1.0 or 2.0) into a curated `Graph`: statements become edges, `SET Citation`
/// references, `SET Evidence` evidence and annotations contexts (docs/formats.md, "BEL").
///
/// Every statement or construct that is not read is reported at its line and column and counted in a
/// summary warning; syntax errors are errors, and a script with errors gives no graph.
public enum BELReader {
    /// The namespace whose names are pharmgraph node ids (what `BELWriter` writes): `a(PG:ketamine)` is node `ketamine`.
    public static let nodeNamespace = "PG"

    /// Reads UTF-8 `data` as the BEL script at `path`.
    public static func load(data: Data, path: String) -> LoadResult {
        switch SourceText.decode(path: path, data: data) {
        case let .success(source):
            return load(source: source)
        case let .failure(.notUTF8(line, column, byte)):
            return LoadResult(path: path, source: nil, graph: nil, diagnostics: [GraphLoader.notUTF8(path, line, column, byte)])
        }
    }

    /// Reads `text` as the BEL script at `path`.
    public static func load(text: String, path: String) -> LoadResult {
        load(source: SourceText(path: path, text: text))
    }

    static func load(source: SourceText) -> LoadResult {
        var state = BELScriptState(path: source.path)
        for line in BELLine.lines(of: source.text) { state.read(line) }
        let graph = state.graph(name: source.path)
        let diagnostics = state.finish()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return LoadResult(path: source.path, source: source, graph: hasErrors ? nil : graph, diagnostics: diagnostics.sorted())
    }
}

/// The reader's state while it walks a script: definitions, the current citation, evidence and annotations.
struct BELScriptState {
    let path: String
    var diagnostics: [Diagnostic] = []
    var document: [String: String] = [:]
    var namespaces: Set<String> = []
    var annotations: Set<String> = []
    var citation: String?
    var evidence: String?
    var context: [String: String] = [:]
    var references: [Reference] = []
    var referenceKeys: Set<String> = []
    var nodes: [Node] = []
    var nodeIndex: [String: Int] = [:]
    var edges: [Edge] = []
    /// Statements not read, by reason, for the summary.
    var skipped: [String: Int] = [:]
    /// Statements of a term alone, read as nodes.
    var subjectOnly = 0
    /// Namespaces and annotations used without a definition, reported once each.
    var undefinedReported: Set<String> = []

    init(path: String) { self.path = path }

    mutating func report(_ severity: Diagnostic.Severity, _ message: String, _ line: BELLine, _ index: Int, notes: [String] = []) {
        let (l, c) = line.position(index)
        diagnostics.append(Diagnostic(severity, message, file: path, line: l, column: c, notes: notes))
    }

    /// A construct not read: a warning at its place, counted under `reason` in the summary.
    mutating func skip(_ reason: String, _ message: String, _ line: BELLine, _ index: Int) {
        skipped[reason, default: 0] += 1
        report(.warning, message, line, index)
    }

    mutating func read(_ line: BELLine) {
        if line.scalars.first(where: { !$0.properties.isWhitespace }) == "#" { return }
        let tokens: [BELToken]
        do {
            tokens = try line.tokens()
        } catch {
            report(.error, error.message, line, error.index)
            return
        }
        guard let first = tokens.first else { return }
        do {
            switch first.kind == .word ? first.text : "" {
            case "SET": try set(tokens, line)
            case "UNSET": try unset(tokens, line)
            case "DEFINE": try define(tokens, line)
            default: try statement(tokens, line)
            }
        } catch {
            report(.error, error.message, line, error.index)
        }
    }

    // MARK: Control lines

    mutating func set(_ tokens: [BELToken], _ line: BELLine) throws(BELSyntaxError) {
        var stream = BELTokenStream(tokens: tokens, position: 1, end: line.scalars.count)
        guard let keyToken = stream.current, keyToken.kind == .word else {
            throw BELSyntaxError(message: "expected a name after SET\(stream.found)", index: stream.index)
        }
        stream.position += 1
        if keyToken.text == "DOCUMENT" {
            guard let name = stream.current, name.kind == .word else {
                throw BELSyntaxError(message: "expected a document property after SET DOCUMENT\(stream.found)", index: stream.index)
            }
            stream.position += 1
            try stream.expect("=", "'='")
            document[name.text] = try values(&stream).joined(separator: ", ")
            return
        }
        try stream.expect("=", "'=' after SET \(keyToken.text)")
        let valueIndex = stream.index
        let list = try values(&stream)
        switch keyToken.text {
        case "Citation":
            try setCitation(list, line, valueIndex)
        case "Evidence", "SupportingText":
            evidence = list.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        case "STATEMENT_GROUP":
            clearContext()
        default:
            if !annotations.contains(keyToken.text), undefinedReported.insert("annotation " + keyToken.text).inserted {
                report(
                    .warning, "annotation '\(keyToken.text)' is not defined (DEFINE ANNOTATION); its values are read as a context", line,
                    keyToken.index)
            }
            var seen: Set<String> = []
            context[keyToken.text] = list.filter { seen.insert($0).inserted }.joined(separator: "|")
        }
    }

    /// `value` or `{value, value, …}` to the end of the line.
    func values(_ stream: inout BELTokenStream) throws(BELSyntaxError) -> [String] {
        var result: [String] = []
        if stream.current?.isSymbol("{") == true {
            stream.position += 1
            while true {
                guard let token = stream.current, token.kind != .symbol else {
                    if stream.current?.isSymbol("}") == true && result.isEmpty { break }
                    throw BELSyntaxError(message: "expected a value in the list\(stream.found)", index: stream.index)
                }
                result.append(token.text)
                stream.position += 1
                if stream.current?.isSymbol(",") == true {
                    stream.position += 1
                    continue
                }
                break
            }
            try stream.expect("}", "',' or '}'")
        } else {
            guard let token = stream.current, token.kind != .symbol else {
                throw BELSyntaxError(message: "expected a value\(stream.found)", index: stream.index)
            }
            result.append(token.text)
            stream.position += 1
        }
        guard stream.atEnd else { throw BELSyntaxError(message: "unexpected text after the value\(stream.found)", index: stream.index) }
        return result
    }

    /// `SET Citation = {type, title, id, …}` (BEL 1.0: type, name, reference, date, authors, comment; BEL 2.0: type, id).
    /// Unlike PyBEL's default, a citation does not clear the evidence and annotations (BEL 1.0 usage: the Selventa
    /// corpus sets each group's evidence before its citation); a statement group's start and end clear all three.
    mutating func setCitation(_ list: [String], _ line: BELLine, _ index: Int) throws(BELSyntaxError) {
        guard list.count >= 2 else {
            throw BELSyntaxError(message: "a citation needs at least a type and an identifier, e.g. {\"PubMed\", \"12345\"}", index: index)
        }
        let type = list[0]
        let identifier = (list.count == 2 ? list[1] : list[2]).trimmingCharacters(in: .whitespaces)
        guard !identifier.isEmpty else {
            throw BELSyntaxError(message: "the citation has no identifier (its third field)", index: index)
        }
        let title = list.count > 2 ? list[1] : ""
        let authors = list.count > 4 ? list[4].replacingOccurrences(of: "|", with: ", ") : ""
        let prefix = type.lowercased().filter { $0.isLetter || $0.isNumber }
        let key = (prefix.isEmpty ? "citation" : prefix) + "-" + identifier.lowercased().map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
        citation = key
        guard referenceKeys.insert(key).inserted else { return }
        var reference = Reference(key: key, citation: [authors, title].filter { !$0.isEmpty }.joined(separator: ". "))
        switch type.lowercased() {
        case "pubmed": reference.pmid = identifier
        case "doi": reference.doi = identifier
        case "url", "online resource": reference.url = identifier
        default: break
        }
        if reference.citation.isEmpty { reference.citation = "\(type) \(identifier)" }
        let (l, c) = line.position(index)
        reference.location = SourceLocation(file: path, line: l, column: c)
        references.append(reference)
    }

    /// Forgets the citation, evidence and annotations (a statement group starts or ends, or `UNSET ALL`).
    mutating func clearContext() {
        citation = nil
        evidence = nil
        context = [:]
    }

    mutating func unset(_ tokens: [BELToken], _ line: BELLine) throws(BELSyntaxError) {
        var stream = BELTokenStream(tokens: tokens, position: 1, end: line.scalars.count)
        var names: [String] = []
        if stream.current?.isSymbol("{") == true {
            names = try values(&stream)
        } else {
            guard let token = stream.current, token.kind == .word else {
                throw BELSyntaxError(message: "expected a name after UNSET\(stream.found)", index: stream.index)
            }
            names = [token.text]
            stream.position += 1
            guard stream.atEnd else { throw BELSyntaxError(message: "unexpected text after UNSET \(token.text)\(stream.found)", index: stream.index) }
        }
        for name in names {
            switch name {
            case "ALL", "STATEMENT_GROUP": clearContext()
            case "Citation": citation = nil
            case "Evidence", "SupportingText": evidence = nil
            default: context[name] = nil
            }
        }
    }

    /// `DEFINE NAMESPACE|ANNOTATION NAME AS URL|PATTERN|LIST …`: records the name (values are not checked).
    mutating func define(_ tokens: [BELToken], _ line: BELLine) throws(BELSyntaxError) {
        var stream = BELTokenStream(tokens: tokens, position: 1, end: line.scalars.count)
        guard let what = stream.current, what.kind == .word, ["NAMESPACE", "ANNOTATION"].contains(what.text) else {
            throw BELSyntaxError(message: "expected NAMESPACE or ANNOTATION after DEFINE\(stream.found)", index: stream.index)
        }
        stream.position += 1
        if what.text == "NAMESPACE", stream.current?.text == "DEFAULT" { stream.position += 1 }
        guard let name = stream.current, name.kind == .word else {
            throw BELSyntaxError(message: "expected a name after DEFINE \(what.text)\(stream.found)", index: stream.index)
        }
        stream.position += 1
        guard stream.current?.kind == .word, stream.current?.text == "AS" else {
            throw BELSyntaxError(message: "expected AS after DEFINE \(what.text) \(name.text)\(stream.found)", index: stream.index)
        }
        stream.position += 1
        guard let form = stream.current, form.kind == .word, ["URL", "PATTERN", "LIST"].contains(form.text) else {
            throw BELSyntaxError(message: "expected URL, PATTERN or LIST\(stream.found)", index: stream.index)
        }
        stream.position += 1
        _ = try values(&stream)
        if what.text == "NAMESPACE" { namespaces.insert(name.text) } else { annotations.insert(name.text) }
    }

    // MARK: Statements

    /// `subject`, `subject relation object` or `subject relation (subject relation object)`.
    mutating func statement(_ tokens: [BELToken], _ line: BELLine) throws(BELSyntaxError) {
        var stream = BELTokenStream(tokens: tokens, end: line.scalars.count)
        let subject = try stream.term()
        let subjectReading = try reading(of: subject)
        if stream.atEnd {
            switch subjectReading {
            case .read:
                add(subject, line)
                subjectOnly += 1
            case let .unsupported(name, index):
                skip("function \(name)", "'\(name)' terms are not read; statement skipped", line, index)
            }
            return
        }
        guard let relationToken = stream.current, relationToken.kind != .string, let relation = BELRelation(named: relationToken.text)
        else {
            throw BELSyntaxError(message: "expected a BEL relation such as increases\(stream.found)", index: stream.index)
        }
        stream.position += 1
        if stream.current?.isSymbol("(") == true {
            let open = stream.index
            stream.position += 1
            let nestedSubject = try stream.term()
            _ = try reading(of: nestedSubject)
            guard let nestedRelation = stream.current, BELRelation(named: nestedRelation.text) != nil else {
                throw BELSyntaxError(message: "expected a BEL relation in the nested statement\(stream.found)", index: stream.index)
            }
            stream.position += 1
            _ = try reading(of: try stream.term())
            try stream.expect(")", "')' to close the nested statement")
            guard stream.atEnd else { throw BELSyntaxError(message: "unexpected text after the statement\(stream.found)", index: stream.index) }
            skip("nested statements", "nested statement not read (an edge cannot be the object of an edge); statement skipped", line, open)
            return
        }
        let object = try stream.term()
        let objectReading = try reading(of: object)
        guard stream.atEnd else { throw BELSyntaxError(message: "unexpected text after the statement\(stream.found)", index: stream.index) }
        guard case let .edge(kind, direct, correlational) = relation.reading else {
            skip(
                "relation \(relation.name)", "relation '\(relation.name)' is not causal and is not read; statement skipped", line,
                relationToken.index)
            return
        }
        for case let .unsupported(name, index) in [subjectReading, objectReading] {
            skip("function \(name)", "'\(name)' terms are not read; statement skipped", line, index)
            return
        }
        guard case let .read(from, fromInverts) = subjectReading, case let .read(to, toInverts) = objectReading else { return }
        add(subject, line)
        add(object, line)
        var edgeRelation = kind
        if fromInverts != toInverts {
            switch kind {
            case .activates: edgeRelation = .inhibits
            case .inhibits: edgeRelation = .activates
            default: break
            }
        }
        let (l, c) = line.position(subject.index)
        let written = subject.canonical + " " + relation.name + " " + object.canonical
        if citation == nil {
            report(.warning, "statement without a citation (SET Citation); read without a reference", line, subject.index)
        }
        edges.append(
            Edge(
                from: from, relation: edgeRelation, to: to, refs: citation.map { [$0] } ?? [], evidence: evidence,
                direct: direct ? true : nil, context: context, correlational: correlational,
                note: from == subject.canonical && to == object.canonical ? nil : "BEL: " + written,
                location: SourceLocation(file: path, line: l, column: c)))
    }

    /// What a statement term reads as.
    enum TermReading {
        /// The node id, and whether the term (a `deg`) turns the statement's sign around.
        case read(String, inverts: Bool)
        /// A function this reader does not read (`rxn`, `list`), at its index.
        case unsupported(String, index: Int)
    }

    /// The node a statement term stands for; the modifier around an abundance (`act`, `kin`, `tloc`, `deg`, …)
    /// is left to the edge, as PyBEL does. Throws on unknown functions and misplaced arguments.
    mutating func reading(of term: BELTerm) throws(BELSyntaxError) -> TermReading {
        guard let function = BELFunction(named: term.function) else {
            throw BELSyntaxError(message: "unknown BEL function '\(term.function)'", index: term.index)
        }
        switch function.role {
        case .argument:
            throw BELSyntaxError(message: "'\(term.function)' may stand only inside another term", index: term.index)
        case .unsupported:
            return .unsupported(function.shortName, index: term.index)
        case let .modifier(inverts):
            guard case let .term(inner)? = term.arguments.first, let innerFunction = BELFunction(named: inner.function),
                case .abundance = innerFunction.role
            else {
                throw BELSyntaxError(message: "'\(term.function)' needs an abundance term as its first argument", index: term.index)
            }
            try checkArguments(term.arguments.dropFirst())
            switch try reading(of: inner) {
            case let .read(id, innerInverts): return .read(id, inverts: inverts != innerInverts)
            case .unsupported: return .unsupported(inner.function, index: inner.index)
            }
        case .abundance:
            try checkArguments(term.arguments[...])
            return .read(Self.nodeID(of: term), inverts: false)
        }
    }

    /// The node id of an abundance term: the name of a `PG` value, else the canonical BEL text.
    static func nodeID(of term: BELTerm) -> String {
        if term.arguments.count == 1, case let .value(BELReader.nodeNamespace?, name, _) = term.arguments[0] { return name }
        return term.canonical
    }

    /// The node id the BEL term `text` reads as (its modifiers stripped), or `nil` when it is no term.
    static func nodeID(ofTerm text: String) -> String? {
        let lines = BELLine.lines(of: text)
        guard lines.count == 1, let tokens = try? lines[0].tokens() else { return nil }
        var stream = BELTokenStream(tokens: tokens, end: lines[0].scalars.count)
        var state = BELScriptState(path: "")
        guard let term = try? stream.term(), stream.atEnd, case let .read(id, _)? = try? state.reading(of: term) else { return nil }
        return id
    }

    /// Adds the node of a statement term (already read without error) unless it is there.
    mutating func add(_ term: BELTerm, _ line: BELLine) {
        var abundance = term
        while let function = BELFunction(named: abundance.function), case .modifier = function.role,
            case let .term(inner)? = abundance.arguments.first
        {
            abundance = inner
        }
        guard case let .abundance(kind)? = BELFunction(named: abundance.function)?.role else { return }
        let id = Self.nodeID(of: abundance)
        guard nodeIndex[id] == nil else { return }
        var label: String?
        var xrefs: [String: String] = [:]
        if abundance.arguments.count == 1, case let .value(namespace?, name, _) = abundance.arguments[0], name != id {
            label = name
            xrefs[namespace] = name
        }
        checkDefined(abundance, line)
        let (l, c) = line.position(abundance.index)
        nodeIndex[id] = nodes.count
        nodes.append(Node(id: id, label: label, kind: kind, xrefs: xrefs, location: SourceLocation(file: path, line: l, column: c)))
    }

    /// Warns once per namespace used in `term` without a `DEFINE NAMESPACE`.
    mutating func checkDefined(_ term: BELTerm, _ line: BELLine) {
        for argument in term.arguments {
            switch argument {
            case let .term(inner):
                checkDefined(inner, line)
            case let .value(namespace?, _, index):
                if namespace != BELReader.nodeNamespace, !namespaces.contains(namespace),
                    undefinedReported.insert("namespace " + namespace).inserted
                {
                    report(.warning, "namespace '\(namespace)' is not defined (DEFINE NAMESPACE); its names are read as written", line, index)
                }
            case .value(nil, _, _):
                break
            }
        }
    }

    /// Checks that the nested terms among `arguments` are known functions.
    func checkArguments(_ arguments: ArraySlice<BELArgument>) throws(BELSyntaxError) {
        for case let .term(inner) in arguments {
            guard BELFunction(named: inner.function) != nil else {
                throw BELSyntaxError(message: "unknown BEL function '\(inner.function)'", index: inner.index)
            }
            try checkArguments(inner.arguments[...])
        }
    }

    /// The graph read so far.
    func graph(name: String) -> Graph {
        let base = (name as NSString).lastPathComponent
        let stem = base.split(separator: ".").first.map(String.init) ?? base
        let used = Set(nodes.map(\.kind))
        let kinds = used.filter { !$0.isWellKnown }.sorted().map {
            KindDeclaration(kind: $0, description: "a BEL \($0.rawValue) abundance")
        }
        return Graph(
            id: stem.isEmpty ? "bel" : stem, title: document["Name"] ?? stem, version: document["Version"] ?? "",
            description: document["Description"], sources: [], kinds: kinds, references: references, nodes: nodes, edges: edges)
    }

    /// Every diagnostic, with a summary warning counting the statements not read.
    func finish() -> [Diagnostic] {
        guard !skipped.isEmpty else { return diagnostics }
        let total = skipped.values.reduce(0, +)
        let parts = skipped.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.value) \($0.key)" }
        let message = "\(total) statement\(total == 1 ? "" : "s") not read: \(parts.joined(separator: ", "))"
        return diagnostics + [Diagnostic(.warning, message, file: path)]
    }
}
