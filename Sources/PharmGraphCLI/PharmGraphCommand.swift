import ArgumentParser
import Foundation
import PharmGraph

@main
struct PharmGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pharmgraph",
        abstract: "Validate, query, render and diff typed, signed mechanism-of-action graphs.",
        discussion: """
            Graph files are YAML (or JSON) as described in docs/graph-format.md.

            Examples:
              pharmgraph check Graphs/*.yaml
              pharmgraph check --strict --format json Graphs/ketamine.yaml
              pharmgraph stats Graphs/ketamine.yaml
              pharmgraph fmt --check Graphs/ketamine.yaml
              pharmgraph render Graphs/ketamine.yaml -o ketamine.svg
              pharmgraph paths Graphs/ketamine.yaml ketamine analgesia
              pharmgraph effects Graphs/ketamine.yaml ketamine --where dose=subanesthetic
              pharmgraph causes Graphs/ketamine.yaml analgesia
              pharmgraph diff Graphs/ketamine-overview.yaml Graphs/ketamine.yaml
              pharmgraph export Graphs/ketamine.yaml -o ketamine.graphml
              pharmgraph new esketamine -o Graphs/esketamine.yaml
              pharmgraph verdicts net.sif --sources kind:drug --targets kind:effect
            """,
        version: PharmGraphVersion.current,
        subcommands: [
            Check.self, Stats.self, Fmt.self, Render.self, Paths.self, Effects.self, Causes.self, Diff.self, Export.self,
            Convert.self, New.self, Schema.self, Verdicts.self,
        ]
    )

    /// Runs the command and exits with the status `ExitStatus.of` gives.
    // Messages go through `Console`, so that a failed write to stdout or stderr cannot trap.
    static func main() {
        let isDiff = CommandLine.arguments.dropFirst().first == "diff"
        Console.prepare(failureStatus: isDiff ? ExitStatus.diffTrouble : ExitStatus.failure)
        // `--version` alone also names the Graphviz it links, which only a render would otherwise load.
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            Console.out(VersionText.lines())
            Foundation.exit(ExitStatus.success)
        }
        let commands = configuration.subcommands.map { $0._commandName }
        if let problem = CommandSuggestion.problem(Array(CommandLine.arguments.dropFirst()), commands: commands) {
            Console.error(problem + "\n")
            Foundation.exit(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = ExitStatus.of(error, diff: isDiff)
            if isDiff, status == ExitStatus.diffTrouble, !(error is ExitCode) {
                let usage = exitCode(for: error) == .validationFailure
                Console.error("error: \(message(for: error))\n")
                if usage { Console.error("usage: pharmgraph diff <old> <new> [options]; see 'pharmgraph diff --help'\n") }
                Foundation.exit(status)
            }
            let text = fullMessage(for: error)
            if !text.isEmpty {
                if status == ExitStatus.success { Console.out(text + "\n") } else { Console.error(text + "\n") }
            }
            Foundation.exit(status)
        }
    }
}

/// The one exit-status rule (docs/cli.md, "Exit status").
enum ExitStatus {
    /// Done, nothing found: a clean check, an answered query, a written file, help.
    static let success: Int32 = 0
    /// Findings or errors: problems in an input, a failed claim, a non-canonical file, an unreadable file.
    static let failure: Int32 = 1
    /// A usage error (EX_USAGE): a bad option, a missing argument, an option out of range.
    static let usage: Int32 = 64
    /// `diff`, as diff(1): the inputs differ.
    static let diffDifferences: Int32 = 1
    /// `diff`, as diff(1): trouble, usage errors included.
    static let diffTrouble: Int32 = 2

    /// The status for an error out of parsing or running a command; `diff`: for the `diff` command.
    static func of(_ error: any Error, diff: Bool) -> Int32 {
        let code = PharmGraphCommand.exitCode(for: error).rawValue
        // A command's own ExitCode is its answer; help and --version are success.
        guard diff, !(error is ExitCode), code != success else { return code }
        // Everything else that stops diff, usage errors first, is trouble: never "the inputs differ".
        return diffTrouble
    }
}
