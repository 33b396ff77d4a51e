extension Provenance.Input {
    /// A file loaded as `source`: its text's UTF-8 is the file's bytes after decompression.
    public init(source: SourceText, graph: Graph?, revision: String? = nil) {
        self.init(bytes: source.text.utf8, graph: graph, revision: revision)
    }
}

/// One file's diagnostics, claims included.
public struct CheckedFile: Sendable {
    public var path: String
    /// Source lines under the diagnostics: a curated graph's text or a network's excerpts.
    public var formatter: DiagnosticFormatter
    public var diagnostics: [Diagnostic]
    /// What the file was, for provenance; `nil` when it could not be read.
    public var input: Provenance.Input?
    /// How many files it stands for: 1, or a directory's record files.
    public var fileCount = 1

    /// Verifies the claims of `graph` (a file without errors) and keeps every diagnostic in order.
    public init(
        path: String, formatter: DiagnosticFormatter, graph: Graph?, diagnostics: [Diagnostic], input: Provenance.Input?,
        limits: SearchLimits = .standard
    ) {
        self.path = path
        self.formatter = formatter
        self.input = input
        self.diagnostics = diagnostics
        if let graph { self.diagnostics = (diagnostics + ClaimVerifier.verify(graph, limits: limits)).sorted() }
    }

    /// A curated graph's result.
    public init(_ result: LoadResult, limits: SearchLimits = .standard) {
        self.init(
            path: result.path, formatter: DiagnosticFormatter(source: result.source), graph: result.graph,
            diagnostics: result.diagnostics, input: result.source.map { Provenance.Input(source: $0, graph: result.graph) },
            limits: limits)
    }
}

/// What `check` found in its files (docs/cli.md): diagnostics per file, the totals, and whether it passes.
public struct CheckReport: Sendable {
    static let schema = "pharmgraph-check/1"

    public let files: [CheckedFile]
    public let strict: Bool
    /// The most warnings that still pass, if any bound is set (`--max-warnings`).
    public let maxWarnings: Int?
    public let provenance: Provenance
    /// The files checked: each input's (a directory's record files), and a node table read for a network.
    public let fileCount: Int

    /// `provenance` records the files that could be read, in order; `options` as given (e.g. `strict`).
    ///
    /// Each diagnostic is listed under the file it concerns: one that names another file (a `--nodes`
    /// table, `nodeTable`, read for a network) goes to that file's own entry, listed first, once
    /// however many networks read it.
    public init(files: [CheckedFile], nodeTable: String? = nil, strict: Bool, maxWarnings: Int? = nil, options: [String: String] = [:]) {
        self.files = Self.byFile(files, nodeTable: nodeTable)
        let tables = nodeTable.map { table in files.contains { $0.path == table } ? 0 : 1 } ?? 0
        fileCount = files.map(\.fileCount).reduce(tables, +)
        self.strict = strict
        self.maxWarnings = maxWarnings
        provenance = Provenance(
            inputs: files.compactMap(\.input), options: options)
    }

    /// The entries with each diagnostic moved to the entry of its own file (a new one, before the
    /// inputs, when it is not one of them), leaving out one already there (the same table read again).
    static func byFile(_ files: [CheckedFile], nodeTable: String?) -> [CheckedFile] {
        let given = Set(files.map(\.path))
        let moved = files.flatMap { file in file.diagnostics.filter { $0.file != file.path }.map { ($0, file.formatter) } }
        var others: [String] = []
        for path in (nodeTable.map { [$0] } ?? []) + moved.map(\.0.file) where !given.contains(path) && !others.contains(path) {
            others.append(path)
        }
        var entries = others.map { CheckedFile(path: $0, formatter: DiagnosticFormatter(source: nil), graph: nil, diagnostics: [], input: nil) }
        for file in files {
            var own = file
            own.diagnostics = file.diagnostics.filter { $0.file == file.path }
            entries.append(own)
        }
        for (diagnostic, formatter) in moved {
            guard let k = entries.firstIndex(where: { $0.path == diagnostic.file }), !entries[k].diagnostics.contains(diagnostic)
            else { continue }
            if k < others.count, entries[k].diagnostics.isEmpty { entries[k].formatter = formatter }
            entries[k].diagnostics.append(diagnostic)
        }
        return entries
    }

    public var errors: Int { files.map(\.diagnostics.errorCount).reduce(0, +) }
    public var warnings: Int { files.map(\.diagnostics.warningCount).reduce(0, +) }
    /// More warnings than `maxWarnings` allows.
    public var tooManyWarnings: Bool { maxWarnings.map { warnings > $0 } ?? false }
    /// The exit status is 0: no errors, no warnings under `strict`, and no more than `maxWarnings`.
    public var ok: Bool { errors == 0 && !(strict && warnings > 0) && !tooManyWarnings }

    /// Every diagnostic with its source line and caret, then the summary line.
    public var text: String { text(style: .plain, quiet: false) }

    /// Every diagnostic with its source line and caret (warnings left out when `quiet`), coloured by `style`,
    /// then the summary line.
    public func text(style: TerminalStyle, quiet: Bool) -> String {
        var out = ""
        for file in files {
            for diagnostic in file.diagnostics where !(quiet && diagnostic.severity == .warning) {
                out += style.diagnostic(diagnostic, formatted: file.formatter.format(diagnostic)) + "\n"
            }
        }
        return out + style.summary(summaryLine(quiet: quiet), failed: !ok) + "\n"
    }

    /// `checked 2 files: 1 error, 3 warnings`, with `(not shown)` after the warnings that `quiet` leaves out, and
    /// `, more than the 2 allowed` when there are too many.
    public func summaryLine(quiet: Bool = false) -> String {
        var line = "checked \(Plural.count(fileCount, "file")): \(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))"
        if quiet, warnings > 0 { line += " (not shown)" }
        if let maxWarnings, tooManyWarnings { line += ", more than the \(maxWarnings) allowed" }
        return line
    }

    /// The JSON document of `check --format json`.
    struct JSON: Encodable, Sendable, Equatable {
        struct File: Encodable, Sendable, Equatable {
            var path: String
            var errors: Int
            var warnings: Int
            var diagnostics: [Item]
            /// This file's entry of `provenance.inputs`; `null` for a file that could not be read.
            var input: Provenance.Input?

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(path, forKey: .path)
                try container.encode(errors, forKey: .errors)
                try container.encode(warnings, forKey: .warnings)
                try container.encode(diagnostics, forKey: .diagnostics)
                try container.encode(input, forKey: .input)
            }

            enum CodingKeys: String, CodingKey { case path, errors, warnings, diagnostics, input }
        }

        struct Item: Encodable, Sendable, Equatable {
            var severity: String
            var line: Int?
            var column: Int?
            var message: String
            var notes: [String]?
            /// On a line standing for errors not shown (`150 more errors not shown`): how many.
            var count: Int?
        }

        var schemaVersion = CheckReport.schema
        var provenance: Provenance
        var files: [File]
        var errors: Int
        var warnings: Int
        var strict: Bool
        var ok: Bool

        enum CodingKeys: String, CodingKey {
            case provenance, files, errors, warnings, strict, ok
            case schemaVersion = "schema_version"
        }
    }

    var json: JSON {
        JSON(
            provenance: provenance,
            files: files.map { file in
                JSON.File(
                    path: file.path, errors: file.diagnostics.errorCount, warnings: file.diagnostics.warningCount,
                    diagnostics: file.diagnostics.map {
                        JSON.Item(
                            severity: $0.severity.rawValue, line: $0.line, column: $0.column, message: $0.message,
                            notes: $0.notes.isEmpty ? nil : $0.notes, count: $0.count == 1 ? nil : $0.count)
                    }, input: file.input)
            }, errors: errors, warnings: warnings, strict: strict, ok: ok)
    }
}

/// `stats` of a curated graph or an imported network: the counts and where they came from.
public struct StatsReport: Sendable, Encodable {
    static let schema = "pharmgraph-stats/1"

    /// The counts, by what was read.
    enum Statistics: Sendable {
        case graph(GraphStatistics)
        case network(NetworkStatistics)
    }

    let statistics: Statistics
    public let provenance: Provenance

    public init(_ graph: Graph, input: Provenance.Input) {
        statistics = .graph(GraphStatistics(graph))
        provenance = Provenance(inputs: [input])
    }

    /// An imported network's counts; `name` and `format` as read.
    public init(_ network: Network, name: String, format: String, inputs: [Provenance.Input], options: [String: String] = [:]) {
        statistics = .network(NetworkStatistics(network, name: name, format: format))
        provenance = Provenance(inputs: inputs, options: options)
    }

    /// The plain-text report.
    public var text: String {
        switch statistics {
        case let .graph(statistics): statistics.text
        case let .network(statistics): statistics.text
        }
    }

    enum CodingKeys: String, CodingKey {
        case provenance
        case schemaVersion = "schema_version"
    }

    /// The statistics' own keys, with `schema_version` and `provenance` beside them.
    public func encode(to encoder: Encoder) throws {
        switch statistics {
        case let .graph(statistics): try statistics.encode(to: encoder)
        case let .network(statistics): try statistics.encode(to: encoder)
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schema, forKey: .schemaVersion)
        try container.encode(provenance, forKey: .provenance)
    }
}
