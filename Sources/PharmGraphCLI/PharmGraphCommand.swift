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
            """,
        version: pharmGraphVersion,
        subcommands: [Check.self, Stats.self, Fmt.self, Render.self, Paths.self, Effects.self, Causes.self, Diff.self]
    )

    /// Runs the command; `diff`'s usage errors exit 2, as diff(1)'s do, even the few the
    /// argument parser catches before `diff` runs (an option without its value, a value
    /// given to a flag). Every other command keeps ArgumentParser's exit codes (64 for usage).
    // Messages go through `Console`, so that a failed write to stdout or stderr cannot trap.
    static func main() {
        let isDiff = CommandLine.arguments.dropFirst().first == "diff"
        Console.prepare(failureStatus: isDiff ? 2 : 1)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure, isDiff {
                Console.error("error: \(message(for: error))\nusage: pharmgraph diff <old> <new> [options]; see 'pharmgraph diff --help'\n")
                Foundation.exit(2)
            }
            let text = fullMessage(for: error)
            if !text.isEmpty {
                if code == .success { Console.out(text + "\n") } else { Console.error(text + "\n") }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
