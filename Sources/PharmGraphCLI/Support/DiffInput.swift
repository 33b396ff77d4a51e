import Dispatch
import Foundation
import PharmGraph
import PharmGraphIO

/// Something `pharmgraph diff` cannot go on with; the message is printed and the exit status is 2.
struct DiffTrouble: Error {
    /// Lines for stderr, without trailing newlines.
    let lines: [String]

    init(_ message: String) { lines = [message] }
    init(lines: [String]) { self.lines = lines }
}

/// One side of a diff: where it is read from, what it is called, and what it holds once loaded.
struct DiffInput: Sendable {
    enum Source: Sendable {
        /// A file on disk.
        case file(String)
        /// `git show REV:path`, run in the current directory.
        case revision(String)
        /// Nothing: the side of a file git reports as added or deleted (`/dev/null`).
        case empty
    }

    /// A loaded side: a curated graph, or any other network.
    typealias Content = DiffReport.Content

    let source: Source
    /// The name shown in output and diagnostics.
    let name: String
    /// The name the format is told from (git's temporary files keep the real name only in the path argument).
    let formatName: String

    /// The input an argument names: `/dev/null` (nothing), else as every command reads it (`InputSource`).
    init(argument: String) {
        name = argument
        formatName = argument
        switch argument == "/dev/null" ? nil : InputSource(argument: argument) {
        case nil: source = .empty
        case .standardInput?: source = .file(argument)
        case let .file(path)?: source = .file(path)
        case let .revision(spec, _)?: source = .revision(spec)
        }
    }

    init(source: Source, name: String, formatName: String) {
        self.source = source
        self.name = name
        self.formatName = formatName
    }

    var isEmpty: Bool {
        if case .empty = source { return true }
        return false
    }

    /// The revision of a `REV:path` input (empty for the index, `:path`), for provenance.
    private var revision: String? {
        guard case let .revision(spec) = source, let colon = spec.firstIndex(of: ":") else { return nil }
        return String(spec[..<colon])
    }

    /// The path part of `REV:path`, or the name.
    private var pathForFormat: String {
        if case .revision = source, let colon = formatName.firstIndex(of: ":") {
            return String(formatName[formatName.index(after: colon)...])
        }
        return formatName
    }

    /// The decompressed bytes, at most `limit` of them.
    func read(limit: Int) throws(DiffTrouble) -> Data {
        let input: InputSource
        switch source {
        case .empty: return Data()
        case let .file(path): input = path == "-" ? .standardInput : .file(path)
        case let .revision(spec): input = .revision(spec: spec, path: pathForFormat)
        }
        do {
            return try InputLoader.read(input, limit: limit)
        } catch {
            // As every command prints it: the name escaped, git's further lines as notes.
            throw DiffTrouble(DiagnosticFormatter(source: nil).format(error.diagnostic(name: name, hints: .cli)))
        }
    }

    /// Reads and loads the input through `InputLoader`; any diagnostics but warnings make it trouble.
    func load(format: InputFormat?, options: InputLoader.Options, limit: Int) throws(DiffTrouble) -> DiffReport.Side {
        if isEmpty {
            let graph = Graph(id: "", title: "", version: "", nodes: [], edges: [])
            return DiffReport.Side(name: name, content: .graph(graph), isEmpty: true, input: Provenance.Input(bytes: [], graph: nil))
        }
        var options = options
        options.format = format
        options.limit = limit
        let input: LoadedInput
        let provenance: Provenance.Input
        if case let .file(path) = source, let streamed = InputLoader.streamSIF(path, name: name, formatName: pathForFormat, options: options) {
            // A SIF side is imported while it inflates, never held whole (docs/decisions.md, "Load at the floor").
            input = streamed
            provenance = input.provenance.first ?? Provenance.Input(bytes: [UInt8](), graph: nil, hashed: false)
        } else {
            let data = try read(limit: limit)
            input = InputLoader.load(data: data, name: name, formatName: pathForFormat, options: options, revision: revision)
            provenance = input.provenance.first ?? Provenance.Input(bytes: data, graph: nil, revision: revision, hashed: options.hashesContent)
        }
        if let graph = input.graph { return DiffReport.Side(name: name, content: .graph(graph), input: provenance) }
        if input.isNetwork, let network = input.network {
            return DiffReport.Side(name: name, content: .network(network), input: provenance)
        }
        throw DiffTrouble(lines: Self.errors(input.diagnostics, formatter: input.formatter))
    }

    /// The errors among `diagnostics`, formatted with their source lines (warnings are not the diff's business).
    private static func errors(_ diagnostics: [Diagnostic], formatter: DiagnosticFormatter) -> [String] {
        let lines = diagnostics.filter { $0.severity == .error }.map(formatter.format)
        return lines.isEmpty ? ["error: the input could not be loaded"] : lines
    }

    /// Loads both sides at once (two cores halve the time on large networks); old first in any trouble.
    static func loadPair(
        _ old: DiffInput, _ new: DiffInput, format: InputFormat?, options: InputLoader.Options, limit: Int
    ) throws(DiffTrouble) -> (DiffReport.Side, DiffReport.Side) {
        let inputs = [old, new]
        let results = ParallelMap.map(2) { i in
            Result { () throws(DiffTrouble) in try inputs[i].load(format: format, options: options, limit: limit) }
        }
        var lines: [String] = []
        var contents: [DiffReport.Side] = []
        for result in results {
            switch result {
            case let .success(content): contents.append(content)
            case let .failure(trouble): lines += trouble.lines
            }
        }
        guard lines.isEmpty else { throw DiffTrouble(lines: lines) }
        return (contents[0], contents[1])
    }
}
