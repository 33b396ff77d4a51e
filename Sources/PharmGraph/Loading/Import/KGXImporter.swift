import Foundation

/// Reads Biolink KGX TSV: an edges file (`subject`, `predicate`, `object`, qualifiers, `negated`, `publications`,
/// knowledge sources) and its nodes file (`id`, `category`, `name`), as an imported network.
///
/// docs/formats.md, "KGX". Every malformed row is an error at its line and column; every edge is kept
/// (a negated one as `no_effect`, not walked); every column not read is reported.
package struct KGXImporter {
    let path: String
    let options: ImportOptions
    private var errors: RowErrors
    /// Every problem found, the nodes file's first.
    private(set) var diagnostics: [Diagnostic] = []

    /// The edge columns read as contexts, under their own names (`--where primary_knowledge_source=infores:…`).
    static let contextColumns = ["primary_knowledge_source", "aggregator_knowledge_source"]
    /// The edge columns read for the statement and its references.
    static let statementColumns = [
        "subject", "predicate", "object", "qualified_predicate", "object_direction_qualifier", "object_aspect_qualifier",
        "subject_direction_qualifier", "subject_aspect_qualifier", "negated", "publications",
    ]
    /// The node columns read.
    static let nodeColumns = ["id", "category", "name"]

    init(path: String, options: ImportOptions) {
        self.path = path
        self.options = options
        errors = RowErrors(path: path)
    }

    mutating func run(_ data: Data) -> Network? {
        var builder = NetworkBuilder(relationMap: options.relationMap)
        builder.mergeDuplicates = options.mergeDuplicates
        if let table = options.nodeTable {
            var nodes = KGXNodeReader(path: table.path)
            // A nodes file without a header (or an id column) lists no nodes: edges are not checked against it.
            builder.closed = nodes.read(table.data, into: &builder)
            diagnostics += nodes.diagnostics
        }
        let reader = LineReader(data)
        if let bad = reader.utf8Error {
            diagnostics.append(GraphLoader.notUTF8(path, bad.line, bad.column, bad.byte))
            return nil
        }
        readEdges(reader, into: &builder)
        diagnostics += errors.diagnostics
        return !diagnostics.contains(where: { $0.severity == .error }) ? builder.build() : nil
    }

    private mutating func error(_ message: String, line: Int, column: Int) {
        errors.add(Diagnostic(.error, message, file: path, line: line, column: column))
    }

    /// A first place and a count, for the warnings that name one thing once.
    private struct Seen {
        var line: Int
        var column: Int
        var count = 1
    }

    private mutating func readEdges(_ reader: LineReader, into builder: inout NetworkBuilder) {
        guard var table = KGXTable(reader) else {
            error("file is empty; expected a KGX edges header (subject, predicate, object, …)", line: 1, column: 1)
            return
        }
        let (header, headerNumber) = (table.header, table.headerNumber)
        let lowered = header.map { $0.lowercased() }
        func column(_ name: String) -> Int? { lowered.firstIndex(of: name) }
        let found = header.map { "'\($0)'" }.joined(separator: ", ")
        let missing = ["subject", "predicate", "object"].filter { column($0) == nil }
        guard missing.isEmpty else {
            let message =
                column("id") != nil && column("category") != nil
                ? "this is a KGX nodes file (id, category); give its edges file (…_edges.tsv), or name this one with --nodes"
                : "no \(missing.map { "'\($0)'" }.joined(separator: ", ")) column: a KGX edges file has subject, predicate and object (found \(found))"
            error(message, line: headerNumber, column: 1)
            return
        }
        var contextColumns: [(key: String, index: Int)] = Self.contextColumns.compactMap { name in column(name).map { (name, $0) } }
        for name in options.contextColumns {
            if let i = column(name.lowercased()) {
                if !contextColumns.contains(where: { $0.index == i }) { contextColumns.append((name, i)) }
            } else {
                error(
                    "no context column '\(name)' in the header (found \(found))" + Suggestion.clause(for: name, in: header), line: headerNumber, column: 1)
            }
        }
        let used = Set(Self.statementColumns.compactMap(column) + contextColumns.map(\.index))
        let unread = header.indices.filter { !used.contains($0) }
        if let warning = table.unread(unread, path: path, hint: ": name one with --context-column to filter on it (docs/formats.md, \"KGX\")") {
            diagnostics.append(warning)
        }
        let s = column("subject")!
        let p = column("predicate")!
        let o = column("object")!
        var negated: Seen?
        var unknownPredicates: [String: Seen] = [:]
        var firstDuplicate: Int?
        // The columns read by name, found once; each distinct statement read once.
        let optional = Dictionary(Self.statementColumns.compactMap { name in column(name).map { (name, $0) } }, uniquingKeysWith: { a, _ in a })
        var statements: [KGXStatement.Columns: KGXStatement] = [:]
        while let (lineNumber, line, fields, texts) = table.next(wrongCount: { error($1, line: $0, column: 1) }) {
            func at(_ k: Int) -> Int { Fields.column(fields[k].lowerBound, in: line) }
            func cell(_ name: String) -> (text: String, index: Int)? { optional[name].map { (texts[$0], $0) } }
            var bad = false
            for (k, name) in [(s, "subject"), (p, "predicate"), (o, "object")] where texts[k].isEmpty {
                error("empty \(name) field", line: lineNumber, column: at(k))
                bad = true
            }
            var statement = KGXStatement.Columns(predicate: texts[p])
            statement.qualifiedPredicate = cell("qualified_predicate")?.text ?? ""
            statement.objectAspect = cell("object_aspect_qualifier")?.text ?? ""
            statement.subjectAspect = cell("subject_aspect_qualifier")?.text ?? ""
            for role in ["object", "subject"] {
                guard let (text, k) = cell(role + "_direction_qualifier"), !text.isEmpty else { continue }
                guard let direction = KGXStatement.Direction(text) else {
                    error(
                        "unknown \(role)_direction_qualifier '\(text)': expected increased, upregulated, decreased or downregulated",
                        line: lineNumber, column: at(k))
                    bad = true
                    continue
                }
                if role == "object" {
                    (statement.objectDirection, statement.objectDirectionText) = (direction, text)
                } else {
                    (statement.subjectDirection, statement.subjectDirectionText) = (direction, text)
                }
            }
            if let (text, k) = cell("negated") {
                switch text.lowercased() {
                case "", "false": break
                case "true": statement.negated = true
                default:
                    error("'negated' is '\(text)': expected true, false or empty", line: lineNumber, column: at(k))
                    bad = true
                }
            }
            var refs: [String] = []
            if let (text, k) = cell("publications") {
                for item in text.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                    guard let ref = Self.reference(item) else {
                        error("'\(item)' is not a PubMed id (PMID:digits)", line: lineNumber, column: at(k))
                        bad = true
                        continue
                    }
                    refs.append(ref)
                }
            }
            if bad { continue }
            let reading = statements[statement] ?? KGXStatement(statement)
            statements[statement] = reading
            if let reading = reading.reading, [.physical, .structural, .clinical].contains(reading),
                statement.objectDirection != nil || statement.subjectDirection != nil
            {
                let position = at(cell(statement.objectDirection != nil ? "object_direction_qualifier" : "subject_direction_qualifier")!.index)
                error(
                    "a direction qualifier on '\(statement.qualifiedPredicate.isEmpty ? statement.predicate : statement.qualifiedPredicate)', a \(reading.rawValue) predicate with no causal sign",
                    line: lineNumber, column: position)
                continue
            }
            // --relation-map wins over the table: a curator's mapping of a label is never ignored.
            let relation = options.relationMap[reading.name] ?? (reading.isKnown || reading.relation != nil ? reading.relation : nil)
            if statement.negated {
                if negated == nil { negated = Seen(line: lineNumber, column: at(cell("negated")!.index), count: 0) }
                negated!.count += 1
            } else if relation == nil {
                unknownPredicates[reading.name, default: Seen(line: lineNumber, column: at(p), count: 0)].count += 1
            }
            let (from, to) = reading.isInverse ? (o, s) : (s, o)
            let source = builder.endpoint(texts[from])
            if source == nil { unknownNode(texts[from], lineNumber, at(from)) }
            let target = builder.endpoint(texts[to])
            if target == nil { unknownNode(texts[to], lineNumber, at(to)) }
            guard let source, let target else { continue }
            var context: [String: String] = [:]
            for (key, k) in contextColumns where !texts[k].isEmpty { context[key] = texts[k] }
            let before = builder.duplicates
            builder.addEdge(source, builder.label(reading.name, relation: relation), target, context: context, refs: refs)
            if builder.duplicates > before, firstDuplicate == nil { firstDuplicate = lineNumber }
        }
        // The warnings about the network's content only matter when it loads.
        guard errors.isEmpty else { return }
        if options.nodeTable == nil {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "no KGX nodes file read (none named with --nodes, none beside this file as …_nodes.tsv): nodes have their ids as names and kind 'node'",
                    file: path))
        }
        if let negated {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "\(Plural.count(negated.count, "edge")) \(negated.count == 1 ? "is" : "are") negated (the first here): kept as 'no_effect', never walked",
                    file: path, line: negated.line, column: negated.column))
        }
        for (name, seen) in unknownPredicates.sorted(by: { $0.value.line < $1.value.line }) {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "predicate '\(name)' is not in the Biolink predicate table (\(Plural.count(seen.count, "edge")), the first here): its edges have unknown sign; map it with --relation-map '\(name)=RELATION'",
                    file: path, line: seen.line, column: seen.column))
        }
        if let firstDuplicate {
            let one = builder.duplicates == 1
            let verb =
                options.mergeDuplicates
                ? "\(one ? "was" : "were") merged into the first" : "\(one ? "is" : "are") kept as separate edges; --merge-duplicates merges them"
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "\(Plural.count(builder.duplicates, "row")) \(builder.duplicates == 1 ? "repeats" : "repeat") an earlier row's subject, predicate, object and knowledge sources (the first here) and \(verb)",
                    file: path, line: firstDuplicate, column: 1))
        }
    }

    /// A publication as a reference: `PMID:digits` (any case of the prefix), a `doi:`, or another CURIE or URL as written;
    /// `nil` for a PubMed prefix without digits.
    static func reference(_ item: String) -> String? {
        let lower = item.lowercased()
        if lower.hasPrefix("pmid:") {
            let digits = item.dropFirst(5)
            return !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? "PMID:" + digits : nil
        }
        if lower.hasPrefix("doi:") { return "doi:" + item.dropFirst(4) }
        return item
    }

    private mutating func unknownNode(_ id: String, _ line: Int, _ column: Int) {
        error("unknown node '\(id)': not in the nodes file '\(options.nodeTable?.path ?? "")'", line: line, column: column)
    }

    /// The nodes file beside a KGX edges file, as KGX names them (`X_edges.tsv` → `X_nodes.tsv`, `edges.tsv.gz` →
    /// `nodes.tsv.gz` or `nodes.tsv`): the candidates in order, or none when the name has no `edges`.
    package static func nodesFileCandidates(besides path: String) -> [String] {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let directory = String(path[..<slash])
        let name = String(path[slash...])
        guard let range = name.range(of: "edges", options: [.backwards, .caseInsensitive]) else { return [] }
        let nodes = name.replacingCharacters(in: range, with: name[range] == "EDGES" ? "NODES" : "nodes")
        var candidates = [directory + nodes]
        for suffix in [".gz", ".xz"] where nodes.lowercased().hasSuffix(suffix) {
            candidates.append(directory + String(nodes.dropLast(suffix.count)))
        }
        if candidates.count == 1 { candidates += [directory + nodes + ".gz", directory + nodes + ".xz"] }
        return candidates
    }

    /// Whether a table's header is KGX's: an edges file (`subject`, `predicate`, `object`) or a nodes file (`id` and
    /// `category`, no `source` or `target`). Reads the first line only.
    static func isKGX(_ data: Data) -> Bool {
        var reader = LineReader(data.prefix(64 * 1024))
        guard let (line, _) = reader.nextNonEmpty() else { return false }
        let names = Set(
            Fields.split(line, separator: UInt8(ascii: "\t"), quoted: false).fields.map {
                String(decoding: line[(line.startIndex + $0.lowerBound)..<(line.startIndex + $0.upperBound)], as: UTF8.self).lowercased()
            })
        if names.isSuperset(of: ["subject", "predicate", "object"]) { return true }
        return names.isSuperset(of: ["id", "category"]) && names.isDisjoint(with: ["source", "target"])
    }
}

/// Reads a KGX nodes file: `id` (required), `category` (a `|` list of Biolink categories, the first in the category
/// table giving the kind) and `name`; other columns are reported once.
struct KGXNodeReader {
    let path: String
    private var errors: RowErrors
    private var warnings: [Diagnostic] = []

    init(path: String) {
        self.path = path
        errors = RowErrors(path: path)
    }

    var diagnostics: [Diagnostic] { errors.diagnostics + (errors.isEmpty ? warnings : []) }

    private mutating func error(_ message: String, line: Int, column: Int) {
        errors.add(Diagnostic(.error, message, file: path, line: line, column: column))
    }

    /// The kind of a node whose categories the table lacks: the first one's name in kebab case (`biolink:NamedThing` → `named-thing`).
    static func kind(unknown category: String) -> String {
        let name = category.hasPrefix("biolink:") ? category.dropFirst("biolink:".count) : Substring(category)
        var kind = ""
        for character in name {
            if character.isUppercase, !kind.isEmpty, kind.last != "-" { kind.append("-") }
            kind.append(character == "_" || character == " " ? "-" : Character(character.lowercased()))
        }
        return kind.isEmpty ? "node" : kind
    }

    /// Reads the nodes into `builder`; whether the header (with an `id` column) was read.
    mutating func read(_ data: Data, into builder: inout NetworkBuilder) -> Bool {
        let reader = LineReader(data)
        if let bad = reader.utf8Error {
            errors.add(GraphLoader.notUTF8(path, bad.line, bad.column, bad.byte))
            return false
        }
        guard var table = KGXTable(reader) else {
            error("nodes file is empty; expected a KGX nodes header (id, category, name, …)", line: 1, column: 1)
            return false
        }
        let (header, headerNumber) = (table.header, table.headerNumber)
        let lowered = header.map { $0.lowercased() }
        guard let id = lowered.firstIndex(of: "id") else {
            error(
                "no 'id' column: a KGX nodes file has id, category and name (found \(header.map { "'\($0)'" }.joined(separator: ", ")))", line: headerNumber,
                column: 1)
            return false
        }
        let category = lowered.firstIndex(of: "category")
        let name = lowered.firstIndex(of: "name")
        let unread = header.indices.filter { ![id, category, name].contains($0) }
        if let warning = table.unread(unread, path: path, of: " of the nodes file") { warnings.append(warning) }
        var unknownCategories: [String: (line: Int, column: Int, count: Int, kind: String)] = [:]
        var seen: [String: Int] = [:]
        while let (lineNumber, line, fields, texts) = table.next(wrongCount: { error($1, line: $0, column: 1) }) {
            func text(_ k: Int) -> String { texts[k] }
            func at(_ k: Int) -> Int { Fields.column(fields[k].lowerBound, in: line) }
            let nodeID = text(id)
            guard !nodeID.isEmpty else {
                error("empty node id", line: lineNumber, column: at(id))
                continue
            }
            if let first = seen[nodeID] {
                error("duplicate node id '\(nodeID)'; first at line \(first)", line: lineNumber, column: at(id))
                continue
            }
            seen[nodeID] = lineNumber
            let categories = category.map { text($0).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
            var kind = categories.lazy.compactMap { BiolinkCategory.kind(of: $0)?.rawValue }.first
            if kind == nil {
                let key = categories.first ?? ""
                let unknownKind = key.isEmpty ? "node" : Self.kind(unknown: key)
                unknownCategories[key, default: (lineNumber, category.map(at) ?? 1, 0, unknownKind)].count += 1
                kind = unknownKind
            }
            let label = name.map(text).flatMap { $0.isEmpty ? nil : $0 }
            builder.addNode(nodeID, name: label, kind: kind)
        }
        for (key, seen) in unknownCategories.sorted(by: { $0.value.line < $1.value.line }) {
            let what =
                key.isEmpty
                ? "\(Plural.count(seen.count, "node")) \(seen.count == 1 ? "has" : "have") no category"
                : "category '\(key)' is not in the Biolink category table (\(Plural.count(seen.count, "node"))"
            warnings.append(
                Diagnostic(
                    .warning,
                    key.isEmpty ? "\(what) (the first here): kind 'node'" : "\(what), the first here): kind '\(seen.kind)'",
                    file: path, line: seen.line, column: seen.column))
        }
        return true
    }
}

/// A KGX TSV file's header and rows: tab-separated, unquoted, every row as many fields as the header.
struct KGXTable {
    private var reader: LineReader
    private let headerLine: ArraySlice<UInt8>
    private let headerFields: [Range<Int>]
    let headerNumber: Int
    let header: [String]
    private var lineNumber: Int

    /// The table from its first non-empty line; `nil` when there is none.
    init?(_ reader: LineReader) {
        var reader = reader
        guard let (line, number) = reader.nextNonEmpty() else { return nil }
        self.reader = reader
        headerLine = line
        headerNumber = number
        lineNumber = number
        headerFields = Fields.split(line, separator: UInt8(ascii: "\t"), quoted: false).fields
        header = Self.texts(headerFields, in: line)
    }

    private static func texts(_ fields: [Range<Int>], in line: ArraySlice<UInt8>) -> [String] {
        fields.map { Fields.text(line[(line.startIndex + $0.lowerBound)..<(line.startIndex + $0.upperBound)], quoted: false) }
    }

    /// The next non-empty row with as many fields as the header; `wrongCount` is told (line, message) of each other row.
    mutating func next(wrongCount: (Int, String) -> Void) -> (number: Int, line: ArraySlice<UInt8>, fields: [Range<Int>], texts: [String])? {
        while let line = reader.next() {
            lineNumber += 1
            if line.isEmpty { continue }
            let fields = Fields.split(line, separator: UInt8(ascii: "\t"), quoted: false).fields
            guard fields.count == header.count else {
                wrongCount(lineNumber, "expected \(header.count) columns as in the header, found \(fields.count)")
                continue
            }
            return (lineNumber, line, fields, Self.texts(fields, in: line))
        }
        return nil
    }

    /// One warning naming the `unread` columns (by index), at the first: "columns NAMES`place` are not read`hint`".
    func unread(_ unread: [Int], path: String, of place: String = "", hint: String = "") -> Diagnostic? {
        guard let first = unread.first else { return nil }
        let names = unread.map { "'\(header[$0])'" }.joined(separator: ", ")
        let one = unread.count == 1
        return Diagnostic(
            .warning, "\(one ? "column" : "columns") \(names)\(place) \(one ? "is" : "are") not read\(hint)",
            file: path, line: headerNumber, column: Fields.column(headerFields[first].lowerBound, in: headerLine))
    }
}
