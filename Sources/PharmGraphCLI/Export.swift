import ArgumentParser
import PharmGraph

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph in an exchange format: GraphML, Cytoscape.js JSON, CX2, Mermaid, SIF tables.",
        discussion: """
            The format comes from the output's extension or --format: .graphml, .cyjs (Cytoscape.js
            JSON), .cx2 (NDEx), .mmd or .mermaid (Mermaid flowchart), .yaml or .json (the curated
            format, canonical). sif writes a directory: network.sif, nodes.tsv and edges.tsv, for
            Cytoscape. Every field of the graph is kept as an attribute; docs/formats.md says what
            each format keeps and loses. A graph with errors is not written; -o - writes to stdout.

            Examples:
              pharmgraph export Graphs/ketamine.yaml -o ketamine.graphml
              pharmgraph export Graphs/ketamine.yaml -o ketamine.cyjs
              pharmgraph export Graphs/ketamine.yaml -o - --format mermaid
              pharmgraph export Graphs/ketamine.yaml -o ketamine-tables --format sif
            """)

    @Argument(help: "The graph (or network) to export; - reads stdin.")
    var graph: String

    @Option(name: .shortAndLong, help: "The output file (a directory for sif); - for stdout.")
    var output: String

    @OptionGroup var options: ExchangeOptions

    func validate() throws { try options.validate(input: graph, output: output) }

    func run() throws { try options.run(input: graph, output: output) }
}
