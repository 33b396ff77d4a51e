import ArgumentParser
import PharmGraph

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count a graph's nodes, edges, references and claims.",
        discussion: """
            Counts nodes per kind, and edges per relation, sign and certainty; lists unused
            references, claims and isolated nodes. A file with errors is not counted: its
            diagnostics are printed and the exit status is 1.

            Examples:
              pharmgraph stats Graphs/ketamine.yaml
              pharmgraph stats --format json Graphs/ketamine.yaml
            """)

    @Argument(help: "The graph file (- for stdin).")
    var file: String

    @OptionGroup var read: ReadOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let result = InputReading.loadGraph(file, limit: read.limit)
        Console.report(result)
        guard let graph = result.graph, let source = result.source else { throw ExitCode(1) }
        let report = StatsReport(graph, input: Provenance.Input(source: source, graph: graph))
        switch format {
        case .text: Console.out(report.text)
        case .json: Console.out(try ReportJSON.encode(report))
        }
    }
}
