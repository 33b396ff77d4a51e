import ArgumentParser
import PharmGraph

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph for other tools: GraphML, Cytoscape.js, CX2, Mermaid, SIF, BEL, Neo4j, BibTeX, RIS.",
        discussion: """
            The format comes from the output's extension or --format: .graphml,
            .cyjs (Cytoscape.js JSON), .cx2 (NDEx), .mmd or .mermaid (Mermaid
            flowchart), .bel (BEL statements), .bib or .ris (the references),
            .yaml or .json (the curated format, canonical). sif writes a
            directory: network.sif, nodes.tsv and edges.tsv, for Cytoscape; neo4j
            writes nodes.csv, relationships.csv, import.cypher and README.txt
            (the neo4j-admin database import command line).
            Every field of the graph is kept as an attribute; docs/formats.md says
            what each format keeps and loses. A graph with errors is not written;
            -o - writes to stdout.

            Examples:
              pharmgraph export Graphs/ketamine.yaml -o ketamine.graphml
              pharmgraph export Graphs/ketamine.yaml -o ketamine.cyjs
              pharmgraph export Graphs/ketamine.yaml -o - --format mermaid
              pharmgraph export Graphs/ketamine.yaml -o ketamine-tables --format sif
              pharmgraph export Graphs/ketamine.yaml -o ketamine-neo4j --format neo4j
              pharmgraph export Graphs/ketamine.yaml -o ketamine.bib
            """)

    @Argument(help: "The graph (or network) to export; - reads stdin.")
    var graph: String

    @Option(name: .shortAndLong, help: "The output file (a directory for sif and neo4j); - for stdout.")
    var output: String

    @OptionGroup var options: ExchangeOptions

    func validate() throws { try options.validate(input: graph, output: output) }

    func run() throws { try options.run(input: graph, output: output) }
}
