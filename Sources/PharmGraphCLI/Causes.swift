import ArgumentParser
import PharmGraph

struct Causes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every drug that reaches an effect, each with its verdict, path counts and shortest path.",
        discussion: """
            One search walks back from the effect, so it costs the same for one drug or thousands.

            Examples:
              pharmgraph causes Graphs/ketamine.yaml analgesia
              pharmgraph causes Graphs/ketamine.yaml nausea-vomiting --format json
            """)

    @OptionGroup var input: InputOptions

    @Argument(help: "The effect: a node id, label, synonym, or kind:K.")
    var effect: String

    @OptionGroup var traversal: TraversalArguments

    @OptionGroup var limits: SearchLimitOptions

    @Option(help: "What counts as a drug (default: kind:drug); repeatable.")
    var sources: [String] = []

    @Option(help: "Output format.")
    var format: FormatOption<TextOrJSON> = .text

    func run() throws {
        let (engine, inputs, _) = try QueryInput.loadWithInput(input, provenance: format.format == .json)
        let network = engine.network
        try QueryInput.check(try traversal.traversal().filter, in: network)
        let goals = try QueryInput.resolve(effect, in: network, what: "EFFECT")
        let drugs = try QueryInput.targets(
            sources, defaultKinds: NodeSelector.drugKinds, in: network, option: "--sources", what: "drugs")
        var query = PathQuery(sources: drugs, targets: goals, maxLength: traversal.maxLength, traversal: try traversal.traversal())
        limits.limits(perQuery: true).apply(to: &query)
        let (reports, partial) = try QueryInput.run { () throws(PathEngine.QueryError) in try engine.reachBack(query) }
        let report = ReachReport(
            network: network, direction: .causes, start: goals, maxLength: traversal.maxLength, reached: reports, partial: partial,
            provenance: Provenance(
                inputs: inputs,
                options: traversal.provenance(
                    limits, input.network.provenanceOptions.merging(["effect": effect, "sources": sources.joined(separator: ",")]) { a, _ in a })),
            filter: query.traversal.filter)
        try ReachOutput.print(report, format: format)
    }
}
