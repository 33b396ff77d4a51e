import ArgumentParser
import PharmGraph
import PharmGraphIO

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate graph files and imported networks and report every problem, compiler-style.",
        discussion: """
            Each problem is printed to stderr as `path:line:column: error|warning: message`,
            followed by the source line and a caret. Exit status: 0 when clean, 1 on errors
            (or on warnings with --strict). Each claim is searched under its own work budget
            (--max-work); a claim the search cannot decide within it (or --timeout, for the
            whole run) is an error at the claim, never a pass.

            Examples:
              pharmgraph check Graphs/ketamine.yaml
              pharmgraph check --strict Graphs/*.yaml
              pharmgraph check --format json Graphs/ketamine.yaml
            """)

    @Argument(help: "The graph files or networks to check (- for stdin, REV:path for a git revision).")
    var files: [String]

    @OptionGroup var read: ReadOptions

    @OptionGroup var network: NetworkOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Output format: text (diagnostics on stderr) or json (a report on stdout).")
    var format: FormatOption<TextOrJSON> = .text

    /// Claims: the work budget is per claim, the timeout for the whole run.
    @OptionGroup var limits: SearchLimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one graph file to check") }
        if let message = InputReading.requireOneStdin(files + [network.nodes]) { throw ValidationError(message) }
    }

    func run() throws {
        let limits = limits.limits(perQuery: false)
        let options = network.loaderOptions(read)
        let results = files.map { Self.check($0, options: options, limits: limits) }
        let errors = results.map(\.diagnostics.errorCount).reduce(0, +)
        let warnings = results.map(\.diagnostics.warningCount).reduce(0, +)
        switch format.format {
        case .text:
            for result in results {
                for diagnostic in result.diagnostics { Console.error(result.formatter.format(diagnostic) + "\n") }
            }
            Console.error(
                "checked \(Console.count(files.count, "file")): \(Console.count(errors, "error")), \(Console.count(warnings, "warning"))\n"
            )
        case .json:
            Console.out(try JSONOutput.encode(CheckReport(results: results, strict: strict)))
        case .tsv:
            throw format.format.unsupported
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

/// One file's diagnostics, claims included.
struct CheckedFile {
    var path: String
    /// Source lines under the diagnostics: a graph's text or a network's excerpts.
    var formatter: DiagnosticFormatter
    var diagnostics: [Diagnostic]
}

extension Check {
    /// Loads a graph or network and, for a graph without errors, verifies its claims against its paths.
    static func check(_ path: String, options: InputLoader.Options, limits: SearchLimits = .standard) -> CheckedFile {
        let input = InputLoader.load(path, options: options)
        var diagnostics = input.diagnostics
        if let graph = input.graph { diagnostics = (diagnostics + ClaimVerifier.verify(graph, limits: limits)).sorted() }
        return CheckedFile(path: path, formatter: input.formatter, diagnostics: diagnostics)
    }
}

/// The JSON schema of `check --format json` (docs/cli.md).
struct CheckReport: Encodable {
    struct File: Encodable {
        var path: String
        var errors: Int
        var warnings: Int
        var diagnostics: [Item]
    }

    struct Item: Encodable {
        var severity: String
        var line: Int?
        var column: Int?
        var message: String
        var notes: [String]?
    }

    var files: [File]
    var errors: Int
    var warnings: Int
    var strict: Bool
    var ok: Bool

    init(results: [CheckedFile], strict: Bool) {
        files = results.map { result in
            File(
                path: result.path, errors: result.diagnostics.errorCount, warnings: result.diagnostics.warningCount,
                diagnostics: result.diagnostics.map {
                    Item(
                        severity: $0.severity.rawValue, line: $0.line, column: $0.column, message: $0.message,
                        notes: $0.notes.isEmpty ? nil : $0.notes)
                })
        }
        errors = files.map(\.errors).reduce(0, +)
        warnings = files.map(\.warnings).reduce(0, +)
        self.strict = strict
        ok = errors == 0 && !(strict && warnings > 0)
    }
}
