import Foundation

/// The formats a network can be read from.
public enum InputFormat: String, Sendable, CaseIterable {
    /// A curated graph file (YAML or JSON), see docs/graph-format.md.
    case graph
    /// Cytoscape's simple interaction format: `source<TAB>label<TAB>target`.
    case sif
    /// A tab-separated edge table with a header.
    case tsv
    /// A comma-separated edge table with a header.
    case csv
    /// hetnetpy's JSON (`metanode_kinds`, `nodes`, `edges`).
    case hetionetJSON = "hetionet-json"
    /// GraphML, as `pharmgraph export` writes it: read back into a curated graph (docs/formats.md).
    case graphml
    /// Cytoscape.js JSON (`elements`), as `pharmgraph export` writes it: read back into a curated graph.
    case cyjs
    /// DrugMechDB's node-link YAML records (a record, a list of records, or a directory of record files).
    case drugmechdb
    /// A BEL script (Biological Expression Language 1.0/2.0), read as a curated graph: docs/formats.md, "BEL".
    case bel
    /// Biolink KGX TSV: an edges file (`subject`, `predicate`, `object`) and its nodes file: docs/formats.md, "KGX".
    case kgx
}

extension InputFormat {
    /// Whether the format holds a curated graph (references, claims, header), read into a `Graph` and checked.
    public var isCurated: Bool {
        switch self {
        case .graph, .graphml, .cyjs, .drugmechdb, .bel: true
        case .sif, .tsv, .csv, .hetionetJSON, .kgx: false
        }
    }
}

/// How to read an imported edge table.
/// The words a reading error uses for what the caller can change: a library's names by default,
/// a front end's own (the command line's flags) when it passes them, as `LimitHints` does for searches.
public struct InputHints: Sendable, Equatable {
    /// How to name the input format, after "cannot tell the format ...; ".
    public var inputFormat: String
    /// How to raise the size limit, after "the input exceeds the N size limit ...; ".
    public var sizeLimit: String
    /// How to name a table's column, by role (`source`, `target`, `relation`), after "no source column ...; ".
    public var column: [String: String]

    public init(inputFormat: String, sizeLimit: String, column: [String: String]) {
        self.inputFormat = inputFormat
        self.sizeLimit = sizeLimit
        self.column = column
    }

    /// The library's words: the options of `InputLoader.Options`.
    public static let library = InputHints(
        inputFormat: "set the options' format", sizeLimit: "raise the options' limit",
        column: ["source": "set sourceColumn", "target": "set targetColumn", "relation": "set relationColumn"])
}

package struct ImportOptions: Sendable {
    /// A node table (`id`, `name`, `kind` columns), as a path and its (decompressed) bytes.
    package var nodeTable: (path: String, data: Data)?
    package var sourceColumn: String?
    package var targetColumn: String?
    package var relationColumn: String?
    /// TSV/CSV columns whose cells become edge contexts, keyed by the names as given (an empty cell: no such key).
    package var contextColumns: [String] = []
    /// Imported label → relation; labels not mapped keep unknown sign.
    package var relationMap: [String: Relation]
    /// The words of the column errors.
    package var hints = InputHints.library
    /// TSV/CSV: the field separator, instead of the format's tab or comma (docs/formats.md, "Richer TSV/CSV").
    package var delimiter: UInt8?
    /// TSV/CSV: the per-row direction column (default: `direction`, when the header has it).
    package var directionColumn: String?
    /// TSV/CSV: the action column, read through the action → sign table (default: `action`, when the header has it).
    package var actionColumn: String?
    /// Merge rows that repeat an earlier row's source, relation, target, context and direction, joining their evidence.
    package var mergeDuplicates = false

    /// Whether a column option (source, target, relation) is given: a table told KGX by its header is then read as TSV.
    package var namesColumns: Bool { sourceColumn != nil || targetColumn != nil || relationColumn != nil }

    /// The table-only option given, by name, if any (a SIF file or Hetionet JSON cannot use it).
    var tableOnly: String? {
        if delimiter != nil { return "the delimiter option" }
        if directionColumn != nil { return "the direction column option" }
        if actionColumn != nil { return "the action column option" }
        if mergeDuplicates { return "merging duplicate rows" }
        return nil
    }

    package init(
        nodeTable: (path: String, data: Data)? = nil, sourceColumn: String? = nil, targetColumn: String? = nil,
        relationColumn: String? = nil, relationMap: [String: Relation] = [:], contextColumns: [String] = []
    ) {
        self.nodeTable = nodeTable
        self.sourceColumn = sourceColumn
        self.targetColumn = targetColumn
        self.relationColumn = relationColumn
        self.relationMap = relationMap
        self.contextColumns = contextColumns
    }
}

/// A network read from a file, or the diagnostics that stopped it.
public struct NetworkLoadResult: Sendable {
    public let network: Network?
    public let diagnostics: [Diagnostic]
    /// The text of a curated graph, for source lines under diagnostics.
    public let source: SourceText?
    /// The lines that diagnostics point at in an imported network and its node table.
    let excerpts: [SourceExcerpt]

    init(network: Network?, diagnostics: [Diagnostic], source: SourceText?, excerpts: [SourceExcerpt] = []) {
        self.network = network
        self.diagnostics = diagnostics
        self.source = source
        self.excerpts = excerpts
    }

    /// Formats its diagnostics with their source lines and carets.
    public var formatter: DiagnosticFormatter { DiagnosticFormatter(source: source, excerpts: excerpts) }
}

/// Reads any supported input into a `Network`.
package enum NetworkInput {
    /// At most this many row errors are reported per file; a last line counts the rest.
    static let maximumRowErrors = 100

    /// The format of an input: by the name's extension (after any `.gz` / `.xz`), else by the parsed
    /// top-level keys of the content; `nil` when neither tells (docs/decisions.md, "Format detection").
    ///
    /// `namingColumns`: column options are given, so a table whose header tells KGX is read as TSV.
    package static func format(of path: String, data: Data, namingColumns: Bool) -> InputFormat? {
        let told = format(of: path, data: data)
        return namingColumns && told == .kgx ? .tsv : told
    }

    /// The format told by the name or the content alone.
    package static func format(of path: String, data: Data) -> InputFormat? {
        var name = path.lowercased()
        for suffix in [".gz", ".xz"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { return isDrugMechDB(data) ? .drugmechdb : .graph }
        if name.hasSuffix(".sif") { return .sif }
        if name.hasSuffix(".graphml") { return .graphml }
        if name.hasSuffix(".cyjs") { return .cyjs }
        // A TSV table whose header is KGX's (subject, predicate, object; or a nodes file's id and category) is KGX.
        if name.hasSuffix(".tsv") || name.hasSuffix(".tab") { return KGXImporter.isKGX(data) ? .kgx : .tsv }
        // `.txt` says only "text": a JSON object in it is told by its keys, anything else is a TSV table.
        if name.hasSuffix(".txt") { return startsWithObject(data) ? jsonFormat(of: data) : KGXImporter.isKGX(data) ? .kgx : .tsv }
        if name.hasSuffix(".csv") { return .csv }
        if name.hasSuffix(".bel") { return .bel }
        if name.hasSuffix(".json") { return jsonFormat(of: data) }
        return contentFormat(of: data)
    }

    /// The format of an input without a known extension, from its parsed top level: a JSON object by
    /// its keys, a YAML mapping (or text that does not parse as YAML, whose errors the loader gives) as
    /// a graph; `nil` for anything else (a table's lines are one YAML scalar).
    static func contentFormat(of data: Data) -> InputFormat? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return .graph }
        if first == UInt8(ascii: "{"), JSONScan(bytes).error == nil { return jsonFormat(of: data) }
        if first == UInt8(ascii: "<") { return .graphml }
        guard firstInvalidUTF8(bytes) == nil else { return nil }
        // A table's header: KGX by its tab-separated column names (before YAML, which would read the lines as one scalar).
        if KGXImporter.isKGX(data) { return .kgx }
        var composer = YAMLComposer(source: SourceText(path: "", text: String(decoding: bytes, as: UTF8.self)))
        switch composer.compose()?.content {
        case .mapping?, nil: return isDrugMechDB(data) ? .drugmechdb : .graph
        case .sequence?: return isDrugMechDB(data) ? .drugmechdb : nil
        case .scalar?: return nil
        }
    }

    /// Whether YAML text is DrugMechDB's: its top-level keys (or those of its list's items) include `graph` and
    /// `links`, and not a curated graph's `edges`. Read from the lines, without parsing.
    static func isDrugMechDB(_ data: Data) -> Bool {
        var links = false
        var graph = false
        var edges = false
        var list: Bool?
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let text = String(decoding: line.prefix(16), as: UTF8.self)
            if list == nil, let first = text.first, first != "#", !text.allSatisfy(\.isWhitespace) { list = text.hasPrefix("- ") }
            let key: Substring
            if list == true, text.hasPrefix("- ") || text.hasPrefix("  ") {
                key = text.dropFirst(2)
            } else if list == false, !text.hasPrefix(" ") {
                key = Substring(text)
            } else {
                continue
            }
            if key.hasPrefix("links:") { links = true }
            if key.hasPrefix("graph:") { graph = true }
            if key.hasPrefix("edges:") { edges = true }
        }
        return links && graph && !edges
    }

    /// Whether the first byte that is not white space (after a byte order mark) opens a JSON object.
    static func startsWithObject(_ data: Data) -> Bool {
        let json = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        return json.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{")
    }

    /// hetnetpy's JSON or a curated graph, told by the top-level keys (in any order, as `jq -S` leaves
    /// them): the first key only one of the two formats has decides; a graph when none does.
    static func jsonFormat(of data: Data) -> InputFormat {
        let hetionet: Set<String> = ["metanode_kinds", "metaedge_tuples", "kind_to_abbrev"]
        let cytoscape: Set<String> = ["elements"]
        let graph = Set(DocumentDecoder.Fields.top).subtracting(["nodes", "edges"])
        // A UTF-8 byte order mark is no part of the JSON (both loaders skip it).
        let json = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        let scan = json.withUnsafeBytes { JSONScan($0) { hetionet.contains($0) || graph.contains($0) || cytoscape.contains($0) } }
        if scan.topLevelKeys.last.map(cytoscape.contains) == true { return .cyjs }
        return scan.topLevelKeys.last.map(hetionet.contains) == true ? .hetionetJSON : .graph
    }

    /// Reads `data` (already decompressed) as the network at `path`.
    package static func load(
        data: Data, path: String, format: InputFormat? = nil, import options: ImportOptions = ImportOptions()
    ) -> NetworkLoadResult {
        guard let format = format ?? self.format(of: path, data: data, namingColumns: options.namesColumns) else {
            let names = InputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return NetworkLoadResult(
                network: nil,
                diagnostics: [
                    Diagnostic(.error, "cannot tell the format from the name or the content (\(names))", file: path)
                ], source: nil)
        }
        // An imported network's GraphML or Cytoscape.js export, read back as the network it was.
        let exchange = ExchangeNetworkReader.load(data: data, path: path, format: format)
        if case let .network(result) = exchange { return result }
        switch format {
        case .graph, .graphml, .cyjs, .bel:
            let result: LoadResult
            if case let .graph(read) = exchange { result = read } else { result = GraphLoader.load(data: data, path: path, format: format) }
            return NetworkLoadResult(network: result.graph.map(Network.init), diagnostics: result.diagnostics, source: result.source)
        case .sif where !options.contextColumns.isEmpty, .hetionetJSON where !options.contextColumns.isEmpty:
            let message = "context columns name columns of a TSV or CSV table; a \(format == .sif ? "SIF file" : "Hetionet JSON network") has none"
            return NetworkLoadResult(network: nil, diagnostics: [Diagnostic(.error, message, file: path)], source: nil)
        case .kgx where options.delimiter != nil || options.directionColumn != nil || options.actionColumn != nil:
            let message = "\(options.tableOnly!) applies to a TSV or CSV table; a KGX edges file has its own columns (docs/formats.md, \"KGX\")"
            return NetworkLoadResult(network: nil, diagnostics: [Diagnostic(.error, message, file: path)], source: nil)
        case .kgx where options.sourceColumn != nil || options.targetColumn != nil || options.relationColumn != nil:
            let message = "the column options name a TSV or CSV table's columns; a KGX edges file has subject, predicate and object"
            return NetworkLoadResult(network: nil, diagnostics: [Diagnostic(.error, message, file: path)], source: nil)
        case .kgx:
            var importer = KGXImporter(path: path, options: options)
            let network = importer.run(data)
            return imported(network, importer.diagnostics, data: data, path: path, options: options)
        case .sif where options.tableOnly != nil, .hetionetJSON where options.tableOnly != nil:
            let message =
                "\(options.tableOnly!) applies to a TSV or CSV table; a \(format == .sif ? "SIF file" : "Hetionet JSON network") has no header or rows of fields"
            return NetworkLoadResult(network: nil, diagnostics: [Diagnostic(.error, message, file: path)], source: nil)
        case .sif, .tsv, .csv:
            var importer = TableImporter(path: path, format: format, options: options)
            let network = importer.run(data)
            return imported(network, importer.diagnostics, data: data, path: path, options: options)
        case .drugmechdb:
            let (result, _) = DrugMechDBImporter.load(documents: [(path, data)], name: path)
            return NetworkLoadResult(network: result.graph.map(Network.init), diagnostics: result.diagnostics, source: result.source)
        case .hetionetJSON:
            var importer = HetionetImporter(path: path, options: options)
            let network = importer.run(data)
            return imported(network, importer.diagnostics, data: data, path: path, options: options)
        }
    }

    /// An importer's result, with the lines its diagnostics point at (read only when there are any).
    private static func imported(
        _ network: Network?, _ diagnostics: [Diagnostic], data: Data, path: String, options: ImportOptions
    ) -> NetworkLoadResult {
        var excerpts: [SourceExcerpt] = []
        if diagnostics.contains(where: { $0.line != nil }) {
            excerpts.append(SourceExcerpt(path: path, data: data, for: diagnostics))
            if let table = options.nodeTable, table.path != path {
                excerpts.append(SourceExcerpt(path: table.path, data: table.data, for: diagnostics))
            }
        }
        return NetworkLoadResult(network: network, diagnostics: diagnostics, source: nil, excerpts: excerpts)
    }
}

extension GraphLoader {
    /// Checks `data` as a curated graph in `format` (YAML or JSON, GraphML, Cytoscape.js JSON).
    package static func load(data: Data, path: String, format: InputFormat) -> LoadResult {
        switch format {
        case .graphml: GraphMLReader.load(data: data, path: path)
        case .cyjs: CytoscapeReader.load(data: data, path: path)
        case .drugmechdb: DrugMechDBImporter.load(documents: [(path, data)], name: path).0
        case .bel: BELReader.load(data: data, path: path)
        case .graph, .sif, .tsv, .csv, .hetionetJSON, .kgx: load(data: data, path: path)
        }
    }

    /// Checks UTF-8 `data` as the content of `path`.
    public static func load(data: Data, path: String) -> LoadResult {
        switch SourceText.decode(path: path, data: data) {
        case let .success(source):
            return load(source: source)
        case let .failure(.notUTF8(line, column, byte)):
            return LoadResult(path: path, source: nil, graph: nil, diagnostics: [notUTF8(path, line, column, byte)])
        }
    }

    /// The error for `data` that is not UTF-8, at its first bad byte (after any byte order mark); `nil` when it is UTF-8.
    package static func notUTF8(_ data: Data, path: String) -> Diagnostic? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let bad = utf8Error(in: bytes) else { return nil }
        return notUTF8(path, bad.line, bad.column, bad.byte)
    }

    static func notUTF8(_ path: String, _ line: Int, _ column: Int, _ byte: UInt8) -> Diagnostic {
        let hex = String(byte, radix: 16, uppercase: true)
        return Diagnostic(
            .error, "file is not valid UTF-8: unexpected byte 0x\(hex.count == 1 ? "0" : "")\(hex)", file: path,
            line: line, column: column)
    }
}
