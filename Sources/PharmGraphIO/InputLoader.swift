import Foundation
import PharmGraph

/// Where an input argument is read from (docs/cli.md, "Input").
public enum InputSource: Sendable, Equatable {
    /// Standard input (`-`).
    case standardInput
    /// A file (or FIFO, device, `/dev/fd/N`) on disk.
    case file(String)
    /// The file `path` in a git revision (`REV:path`), read with git in the current directory.
    case revision(spec: String, path: String)

    /// The source an argument names: `-`, an existing file, else `REV:path`, else a (missing) file.
    public init(argument: String) {
        if argument == "-" {
            self = .standardInput
        } else if FileManager.default.fileExists(atPath: argument) {
            self = .file(argument)
        } else if let (_, path) = GitRevision.split(argument) {
            self = .revision(spec: argument, path: path)
        } else {
            self = .file(argument)
        }
    }

    /// The revision of `REV:path`, as given.
    public var revision: String? {
        if case let .revision(spec, _) = self, let (revision, _) = GitRevision.split(spec) { return revision }
        return nil
    }

    /// The name whose extension tells the format: the path part of `REV:path`.
    public var formatName: String {
        switch self {
        case .standardInput: "-"
        case let .file(path): path
        case let .revision(_, path): path
        }
    }
}

/// A curated graph or an imported network, read by `InputLoader`, with every diagnostic.
public struct LoadedInput: Sendable {
    /// What the input turned out to be.
    public enum Content: Sendable {
        /// A curated graph (YAML or JSON), checked.
        case graph(LoadResult)
        /// An imported network (SIF, TSV, CSV, Hetionet JSON).
        case network(NetworkLoadResult)
        /// Nothing: the input could not be read.
        case unread([Diagnostic])
        /// Nothing: the input was read, but neither its name nor its content told its format.
        case untold(Diagnostic)
    }

    /// The argument as given; the file name in diagnostics.
    public let name: String
    /// The format read, when known.
    public let format: InputFormat?
    public let content: Content
    /// What was read, for provenance: the input (id, version, SHA-256, revision), then a node table.
    public let provenance: [Provenance.Input]
    /// Problems of the request rather than of the content (import options a curated graph does not use).
    var requestDiagnostics: [Diagnostic] = []
    /// DrugMechDB records, kept apart, when the input is DrugMechDB without errors (`check` checks each one).
    public internal(set) var drugMechDB: DrugMechDBCorpus?
    /// How many files were read: 1, or a directory's record files.
    public internal(set) var fileCount = 1

    init(name: String, format: InputFormat?, content: Content, provenance: [Provenance.Input]) {
        self.name = name
        self.format = format
        self.content = content
        self.provenance = provenance
    }

    /// Every diagnostic, sorted by position.
    public var diagnostics: [Diagnostic] {
        let own: [Diagnostic] =
            switch content {
            case let .graph(result): result.diagnostics
            case let .network(result): result.diagnostics
            case let .unread(diagnostics): diagnostics
            case let .untold(diagnostic): [diagnostic]
            }
        return requestDiagnostics.isEmpty ? own : (requestDiagnostics + own).sorted()
    }

    /// The text of a curated graph.
    public var source: SourceText? {
        switch content {
        case let .graph(result): result.source
        case let .network(result): result.source
        case .unread, .untold: nil
        }
    }

    /// Formats diagnostics with their source lines (curated text or imported excerpts).
    public var formatter: DiagnosticFormatter {
        switch content {
        case let .graph(result): DiagnosticFormatter(source: result.source)
        case let .network(result): result.formatter
        case .unread, .untold: DiagnosticFormatter(source: nil)
        }
    }

    /// The curated graph, when the input is one without errors.
    public var graph: Graph? {
        if case let .graph(result) = content { return result.graph }
        return nil
    }

    /// The network to query: a curated graph's, or the imported one; `nil` on errors.
    public var network: Network? {
        switch content {
        case let .graph(result): result.graph.map(Network.init)
        case let .network(result): result.network
        case .unread, .untold: nil
        }
    }

    /// Whether the input is an imported network rather than a curated graph.
    public var isNetwork: Bool {
        if case .network = content { return true }
        return format.map { !$0.isCurated } ?? false
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The title of a drawing of an imported network (`n.sif (sif network)`); empty for a curated graph,
    /// whose own title is drawn.
    public var drawingTitle: String {
        isNetwork ? "\(DisplayText.escaped(name)) (\(format?.rawValue ?? "imported") network)" : ""
    }
}

extension CheckedFile {
    /// What `check` reports of a loaded input: its diagnostics and, for a curated graph, its claims verified.
    public init(_ input: LoadedInput, limits: SearchLimits = .standard) {
        // DrugMechDB's claims are verified record by record, each on its own edges: the same verdicts as
        // the corpus graph's claims under `record: ID`, without searching the whole corpus once per record.
        let records = input.drugMechDB.map { DrugMechDBCheck.run($0, limits: limits) } ?? []
        self.init(
            path: input.name, formatter: input.formatter, graph: input.drugMechDB == nil ? input.graph : nil,
            diagnostics: input.diagnostics + records, input: input.provenance.first, limits: limits)
        fileCount = input.fileCount
    }
}

/// The one way every command reads its input: a path, `-` or `REV:path`, decompressed (gzip, xz)
/// within a size limit, its format told, then checked as a curated graph or imported as a network.
public enum InputLoader {
    /// How to read an input.
    public struct Options: Sendable {
        /// The format; `nil`: by the name's extension, then by the parsed top-level keys.
        public var format: InputFormat?
        /// The most bytes an input (and a node table) may hold once decompressed.
        public var limit: Int {
            didSet { if limit != oldValue { table = NodeTableCache() } }
        }
        /// Whether gzip/xz inputs are decompressed (`fmt` reads what it writes back).
        public var decompress: Bool
        /// A node table to read for imported networks (`--nodes`).
        public var nodeTable: String? {
            didSet { if nodeTable != oldValue { table = NodeTableCache() } }
        }
        /// The node table's bytes, read on first use and shared by every copy of these options:
        /// a table on stdin, in a FIFO or `<(…)` is read once for all the inputs of a command.
        fileprivate var table = NodeTableCache()
        public var sourceColumn: String?
        public var targetColumn: String?
        public var relationColumn: String?
        public var relationMap: [String: Relation]
        /// TSV/CSV columns read as edge contexts, each keyed by its name as given here.
        public var contextColumns: [String] = []
        /// Whether provenance records the SHA-256 of each input's bytes: a pass over every byte (about a
        /// quarter of the load time of a large network), so a caller that shows no provenance turns it off.
        public var hashesContent = true
        /// The words messages use for what the caller can change (`.library`; the CLI passes its flags).
        public var hints = InputHints.library
        /// TSV/CSV: the field separator (one ASCII byte), instead of tab or comma.
        public var delimiter: UInt8?
        /// TSV/CSV: the per-row direction column (default: `direction`, when present).
        public var directionColumn: String?
        /// TSV/CSV: the action column (default: `action`, when present).
        public var actionColumn: String?
        /// TSV/CSV: merge rows that repeat an earlier row's edge.
        public var mergeDuplicates = false
        /// Told of each record file read while a directory loads (`done`, `total`), e.g. to draw progress.
        public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

        /// Whether any option that only an imported network uses was given.
        var importsNetwork: Bool {
            nodeTable != nil || sourceColumn != nil || targetColumn != nil || relationColumn != nil || !relationMap.isEmpty
                || !contextColumns.isEmpty || delimiter != nil || directionColumn != nil || actionColumn != nil || mergeDuplicates
        }

        /// The options that change what an imported network holds, as provenance records them (only those given):
        /// `input_format`, `nodes`, `source_column`, `target_column`, `relation_column`, `relation_map`, `context_columns`.
        public var provenanceOptions: [String: String] {
            var options: [String: String] = [:]
            options["input_format"] = format?.rawValue
            options["nodes"] = nodeTable
            options["source_column"] = sourceColumn
            options["target_column"] = targetColumn
            options["relation_column"] = relationColumn
            if !relationMap.isEmpty {
                options["relation_map"] = relationMap.keys.sorted().map { "\($0)=\(relationMap[$0]!.rawValue)" }.joined(separator: ",")
            }
            if !contextColumns.isEmpty { options["context_columns"] = contextColumns.joined(separator: ",") }
            options["delimiter"] = delimiter.map { String(UnicodeScalar($0)) }
            options["direction_column"] = directionColumn
            options["action_column"] = actionColumn
            if mergeDuplicates { options["merge_duplicates"] = "true" }
            return options
        }

        public init(
            format: InputFormat? = nil, limit: Int = InputFile.defaultLimit, decompress: Bool = true, nodeTable: String? = nil,
            sourceColumn: String? = nil, targetColumn: String? = nil, relationColumn: String? = nil,
            relationMap: [String: Relation] = [:], contextColumns: [String] = []
        ) {
            self.format = format
            self.limit = limit
            self.decompress = decompress
            self.nodeTable = nodeTable
            self.sourceColumn = sourceColumn
            self.targetColumn = targetColumn
            self.relationColumn = relationColumn
            self.relationMap = relationMap
            self.contextColumns = contextColumns
        }
    }

    /// Why an input could not be read.
    public enum ReadFailure: Error, Sendable {
        case file(InputFile.ReadError)
        case git(GitRevision.ShowError)

        /// The message lines after `name: error: ` (git's may span several), in the words of `hints`.
        public func lines(_ hints: InputHints = .library) -> [String] {
            switch self {
            case let .file(error), let .git(.read(error)): [message(error, hints)]
            case let .git(error): error.lines
            }
        }

        private func message(_ error: InputFile.ReadError, _ hints: InputHints) -> String {
            error.exceededLimit ? error.description + "; " + hints.sizeLimit : error.description
        }

        /// One error diagnostic for `name`: the first line, the rest as notes.
        public func diagnostic(name: String, hints: InputHints = .library) -> Diagnostic {
            let lines = self.lines(hints)
            return Diagnostic(.error, lines[0], file: name, notes: Array(lines.dropFirst()))
        }
    }

    /// Reads, decompresses and loads the input `argument` names.
    public static func load(_ argument: String, options: Options = Options()) -> LoadedInput {
        var isDirectory: ObjCBool = false
        if argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
            return loadDirectory(argument, options: options)
        }
        let source = InputSource(argument: argument)
        let data: Data
        do {
            data = try read(source, limit: options.limit, decompress: options.decompress)
        } catch {
            return LoadedInput(
                name: argument, format: options.format, content: .unread([error.diagnostic(name: argument, hints: options.hints)]), provenance: [])
        }
        return load(data: data, name: argument, formatName: source.formatName, options: options, revision: source.revision)
    }

    /// The (decompressed) bytes of `source`.
    public static func read(_ source: InputSource, limit: Int, decompress: Bool = true) throws(ReadFailure) -> Data {
        switch source {
        case .standardInput, .file:
            do {
                return try InputFile.read(source == .standardInput ? "-" : source.formatName, limit: limit, decompress: decompress)
            } catch {
                throw .file(error)
            }
        case let .revision(spec, _):
            do {
                return try GitRevision.read(spec, limit: limit)
            } catch {
                throw .git(error)
            }
        }
    }

    /// Loads bytes already read, named `name` in diagnostics, the format told from `formatName` and the content;
    /// `revision`: the git revision they came from, for provenance.
    public static func load(data: Data, name: String, formatName: String, options: Options, revision: String? = nil) -> LoadedInput {
        let columns = options.sourceColumn != nil || options.targetColumn != nil || options.relationColumn != nil
        guard let format = options.format ?? NetworkInput.format(of: formatName, data: data, namingColumns: columns) else {
            // Bytes that are not text tell no format: the real error, at its line and column, not a request for --input-format.
            if let error = GraphLoader.notUTF8(data, path: name) {
                return LoadedInput(name: name, format: nil, content: .unread([error]), provenance: [])
            }
            let names = InputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            let diagnostic = Diagnostic(
                .error, "cannot tell the format from the name or the content; \(options.hints.inputFormat) (\(names))", file: name)
            return LoadedInput(name: name, format: nil, content: .untold(diagnostic), provenance: [])
        }
        if format == .drugmechdb {
            return drugMechDB(documents: [(name, data)], name: name, options: options, revision: revision)
        }
        let exchange = ExchangeNetworkReader.load(data: data, path: name, format: format)
        if case let .network(result) = exchange {
            // An imported network's GraphML or Cytoscape.js export, read back as the network it was.
            return LoadedInput(
                name: name, format: format, content: .network(result),
                provenance: [Provenance.Input(bytes: data, graph: nil, revision: revision, hashed: options.hashesContent)])
        }
        if format.isCurated {
            let result: LoadResult
            if case let .graph(read) = exchange { result = read } else { result = GraphLoader.load(data: data, path: name, format: format) }
            var input = LoadedInput(
                name: name, format: format, content: .graph(result),
                provenance: [Provenance.Input(bytes: data, graph: result.graph, revision: revision, hashed: options.hashesContent)])
            if options.importsNetwork {
                input.requestDiagnostics.append(
                    Diagnostic(
                        .warning,
                        "the import options given (node table, columns, relation map, context columns) apply to imported networks; this curated graph does not use them",
                        file: name))
            }
            return input
        }
        var imports = ImportOptions(
            sourceColumn: options.sourceColumn, targetColumn: options.targetColumn, relationColumn: options.relationColumn,
            relationMap: options.relationMap)
        imports.contextColumns = options.contextColumns
        imports.delimiter = options.delimiter
        imports.directionColumn = options.directionColumn
        imports.actionColumn = options.actionColumn
        imports.mergeDuplicates = options.mergeDuplicates
        imports.hints = options.hints
        if let table = options.nodeTable {
            let bytes = options.table.bytes { () throws(ReadFailure) in try read(InputSource(argument: table), limit: options.limit) }
            switch bytes {
            case let .success(data): imports.nodeTable = (table, data)
            case let .failure(error):
                return LoadedInput(name: name, format: format, content: .unread([error.diagnostic(name: table, hints: options.hints)]), provenance: [])
            }
        } else if format == .kgx, revision == nil, name != "-",
            let nodes = KGXImporter.nodesFileCandidates(besides: formatName).first(where: { FileManager.default.fileExists(atPath: $0) })
        {
            // A KGX edges file's nodes file beside it (X_edges.tsv → X_nodes.tsv): docs/formats.md, "KGX".
            do {
                imports.nodeTable = (nodes, try InputFile.read(nodes, limit: options.limit))
            } catch {
                return LoadedInput(
                    name: name, format: format, content: .unread([ReadFailure.file(error).diagnostic(name: nodes, hints: options.hints)]), provenance: [])
            }
        }
        let result = NetworkInput.load(data: data, path: name, format: format, import: imports)
        var provenance = [Provenance.Input(bytes: data, graph: result.network?.graph, revision: revision, hashed: options.hashesContent)]
        if let table = imports.nodeTable {
            provenance.append(Provenance.Input(bytes: table.data, graph: nil, hashed: options.hashesContent))
        }
        var input = LoadedInput(name: name, format: format, content: .network(result), provenance: provenance)
        // A nodes file found beside a KGX edges file is a file read too (`--nodes` is counted by `check` itself).
        if options.nodeTable == nil, imports.nodeTable != nil { input.fileCount = 2 }
        return input
    }
}

extension InputLoader {
    /// A directory: DrugMechDB record files (`*.yaml`, `*.yml`, by name; names starting with `_`, such as
    /// DrugMechDB's `_index.yaml`, are not records).
    static func loadDirectory(_ path: String, options: Options) -> LoadedInput {
        if let format = options.format, format != .drugmechdb {
            let message = "a directory is read as DrugMechDB records; the format \(format.rawValue) names a file"
            return LoadedInput(name: path, format: format, content: .unread([Diagnostic(.error, message, file: path)]), provenance: [])
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            let message = "cannot list the directory: \((error as NSError).localizedDescription)"
            return LoadedInput(name: path, format: .drugmechdb, content: .unread([Diagnostic(.error, message, file: path)]), provenance: [])
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        var documents: [(path: String, data: Data)] = []
        var unread: [Diagnostic] = []
        for name in names.sorted() where !name.hasPrefix("_") && !name.hasPrefix(".") {
            let lower = name.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else { continue }
            do {
                documents.append((base + name, try InputFile.read(base + name, limit: options.limit)))
            } catch {
                unread.append(ReadFailure.file(error).diagnostic(name: base + name, hints: options.hints))
            }
        }
        guard unread.isEmpty else { return LoadedInput(name: path, format: .drugmechdb, content: .unread(unread), provenance: []) }
        return drugMechDB(documents: documents, name: path, options: options, revision: nil)
    }

    /// DrugMechDB files read as one input named `name`.
    static func drugMechDB(documents: [(path: String, data: Data)], name: String, options: Options, revision: String?) -> LoadedInput {
        let (result, corpus) = DrugMechDBImporter.load(documents: documents, name: name, progress: options.progress)
        var bytes = Data()
        for document in documents { bytes.append(document.data) }
        var input = LoadedInput(
            name: name, format: .drugmechdb, content: .graph(result),
            provenance: [Provenance.Input(bytes: bytes, graph: result.graph, revision: revision, hashed: options.hashesContent)])
        input.drugMechDB = corpus
        input.fileCount = documents.count
        if options.importsNetwork {
            input.requestDiagnostics.append(
                Diagnostic(
                    .warning,
                    "the import options given (node table, columns, relation map, context columns) apply to tables; DrugMechDB records do not use them",
                    file: name))
        }
        return input
    }
}

/// A node table's bytes (or why they could not be read), read once and shared; safe to use from several threads.
private final class NodeTableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Data, InputLoader.ReadFailure>?

    /// The bytes `read` gives the first time; the same result every time after.
    func bytes(_ read: () throws(InputLoader.ReadFailure) -> Data) -> Result<Data, InputLoader.ReadFailure> {
        lock.lock()
        defer { lock.unlock() }
        if let result { return result }
        let read = Result { () throws(InputLoader.ReadFailure) in try read() }
        result = read
        return read
    }
}
