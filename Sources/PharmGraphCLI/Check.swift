import ArgumentParser
import PharmGraph

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate graph files and report every problem, compiler-style.",
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

    @Argument(help: "The graph files to check (- for stdin).")
    var files: [String]

    @OptionGroup var read: ReadOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Output format: text (diagnostics on stderr) or json (a report on stdout).")
    var format: OutputFormat = .text

    /// Claims: the work budget is per claim, the timeout for the whole run.
    @OptionGroup var limits: SearchLimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one graph file to check") }
        if let message = InputReading.requireOneStdin(files) { throw ValidationError(message) }
    }

    func run() throws {
        let limits = limits.limits(perQuery: false)
        let report = CheckReport(
            files: files.map { CheckedFile(InputReading.loadGraph($0, limit: read.limit), limits: limits) }, strict: strict,
            options: self.limits.provenanceOptions.merging(["strict": strict ? "true" : "false"]) { a, _ in a })
        switch format {
        case .text: Console.error(report.text)
        case .json: Console.out(try ReportJSON.encode(report.json))
        }
        if !report.ok { throw ExitCode(1) }
    }
}
