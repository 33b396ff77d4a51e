import ArgumentParser
import PharmGraph
import PharmGraphIO

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count a graph's nodes, edges, references and claims.",
        discussion: """
            Counts nodes per kind, and edges per relation, sign and certainty; lists unused
            references, claims and isolated nodes. An imported network (SIF, TSV/CSV, Hetionet
            JSON) gets its nodes per kind and edges per label and sign. A file with errors is not
            counted: its diagnostics are printed and the exit status is 1.

            Examples:
              pharmgraph stats Graphs/ketamine.yaml
              pharmgraph stats --format json Graphs/ketamine.yaml
            """)

    @Argument(help: "The graph file or network (- for stdin, REV:path for a git revision).")
    var file: String

    @OptionGroup var read: ReadOptions

    @OptionGroup var network: NetworkOptions

    @Option(help: "Output format.")
    var format: FormatOption<TextOrJSON> = .text

    func validate() throws {
        if let message = InputReading.requireOneStdin([file, network.nodes]) { throw ValidationError(message) }
    }

    func run() throws {
        let input = InputLoader.load(file, options: network.loaderOptions(read, provenance: format.format == .json))
        Console.report(input)
        let report: StatsReport
        if let graph = input.graph, let provenance = input.provenance.first {
            report = StatsReport(graph, input: provenance)
        } else if let network = input.network, input.isNetwork {
            report = StatsReport(
                network, name: file, format: input.format?.rawValue ?? "", inputs: input.provenance, options: self.network.provenanceOptions)
        } else {
            throw ExitCode(1)
        }
        switch format.format {
        case .text: Console.out(report.text)
        case .json: Console.out(try report.jsonText())
        case .tsv, .github, .sarif: throw format.format.unsupported
        }
    }
}
