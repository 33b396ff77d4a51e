import ArgumentParser
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
            """,
        version: pharmGraphVersion,
        subcommands: [Check.self, Stats.self, Fmt.self]
    )
}
