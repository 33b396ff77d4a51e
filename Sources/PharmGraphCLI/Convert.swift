import ArgumentParser
import PharmGraph

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a graph or network in any input format and write it in an exchange format.",
        discussion: """
            IN is read through the same loader as every command (--input-format, else its
            extension, else its content: YAML, JSON, GraphML, Cytoscape.js JSON, SIF, TSV, CSV,
            Hetionet JSON); OUT is written as export writes it (--format, else its extension).
            A GraphML or Cytoscape.js file written by pharmgraph converts back to the same graph.

            Examples:
              pharmgraph convert Graphs/ketamine.yaml ketamine.graphml
              pharmgraph convert ketamine.graphml ketamine.yaml
              pharmgraph convert network.sif network.cyjs --relation-map 1=activates,-1=inhibits
            """)

    @Argument(help: "The input; - reads stdin.")
    var input: String

    @Argument(help: "The output file (a directory for sif); - for stdout.")
    var output: String

    @OptionGroup var options: ExchangeOptions

    func validate() throws { try options.validate(input: input, output: output) }

    func run() throws { try options.run(input: input, output: output) }
}
