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
        let options = network.loaderOptions(read, provenance: format.format == .json)
        let inputs = files.map { InputLoader.load($0, options: options) }
        let report = CheckReport(
            files: inputs.map { CheckedFile($0, limits: limits) },
            nodeTable: inputs.contains(where: \.isNetwork) ? network.nodes : nil, strict: strict,
            options: self.limits.provenanceOptions.merging(network.provenanceOptions) { a, _ in a }
                .merging(["strict": strict ? "true" : "false"]) { a, _ in a })
        switch format.format {
        case .text: Console.error(report.text)
        case .json: Console.out(try report.jsonText())
        case .tsv: throw format.format.unsupported
        }
        if !report.ok { throw ExitCode(1) }
    }
}
