import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate graph files and imported networks and report every problem, compiler-style.",
        discussion: """
            Each problem is printed to stderr as `path:line:column: error|warning: message`,
            followed by the source line and a caret; a summary line closes the output.
            Exit status: 0 when clean, 1 on errors (or on warnings with --strict, or on more
            than --max-warnings). Each claim is searched under its own work budget
            (--max-work); a claim the search cannot decide within it (or --timeout, for the
            whole run) is an error at the claim, never a pass. --format github prints GitHub
            Actions annotations on stdout; --format sarif a SARIF 2.1.0 log.

            Examples:
              pharmgraph check Graphs/ketamine.yaml
              pharmgraph check --strict Graphs/*.yaml
              pharmgraph check --quiet --max-warnings 10 Graphs/*.yaml
              pharmgraph check --format json Graphs/ketamine.yaml
              pharmgraph check --format github Graphs/*.yaml
              pharmgraph check --format sarif Graphs/*.yaml > pharmgraph.sarif
            """)

    @Argument(help: "The graph files or networks to check (- for stdin, REV:path for a git revision).")
    var files: [String]

    @OptionGroup var read: ReadOptions

    @OptionGroup var network: NetworkOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print errors only; warnings are still counted in the summary line.")
    var quiet = false

    @Option(help: "Fail (exit 1) when there are more than N warnings.")
    var maxWarnings: Int?

    @Option(
        help: """
            Output format: text (diagnostics on stderr), json (a report on stdout), github (GitHub Actions \
            annotations on stdout) or sarif (a SARIF 2.1.0 log on stdout).
            """)
    var format: FormatOption<CheckFormats> = .text

    @OptionGroup var color: ColorOptions

    /// Claims: the work budget is per claim, the timeout for the whole run.
    @OptionGroup var limits: SearchLimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one graph file to check") }
        if let message = InputReading.requireOneStdin(files + [network.nodes]) { throw ValidationError(message) }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
    }

    func run() throws {
        let limits = limits.limits(perQuery: false)
        let options = network.loaderOptions(read, provenance: format.format == .json)
        var inputs: [LoadedInput] = []
        var checked: [CheckedFile] = []
        let progress = Progress("files", total: files.count)
        for file in files {
            inputs.append(InputLoader.load(file, options: options))
            checked.append(CheckedFile(inputs[inputs.count - 1], limits: limits))
            progress.advance()
        }
        progress.finish()
        let report = CheckReport(
            files: checked,
            nodeTable: inputs.contains(where: \.isNetwork) ? network.nodes : nil, strict: strict, maxWarnings: maxWarnings,
            options: self.limits.provenanceOptions.merging(network.provenanceOptions) { a, _ in a }
                .merging(["strict": strict ? "true" : "false"]) { a, _ in a }
                .merging(maxWarnings.map { ["max_warnings": String($0)] } ?? [:]) { a, _ in a })
        // Machine formats go to stdout; the summary line closes stderr in every format.
        let style = color.color.style(for: STDERR_FILENO)
        switch format.format {
        case .text: Console.error(report.text(style: style, quiet: quiet))
        case .json: Console.out(try report.jsonText())
        case .github: Console.out(report.githubText(quiet: quiet))
        case .sarif: Console.out(try report.sarifText())
        case .tsv: throw format.format.unsupported
        }
        if format.format != .text { Console.error(style.summary(report.summaryLine(quiet: quiet && format.format == .github), failed: !report.ok) + "\n") }
        if !report.ok { throw ExitCode(1) }
    }
}
