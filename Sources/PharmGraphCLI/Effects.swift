import ArgumentParser
import PharmGraph

struct Effects: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every effect and condition a drug reaches, each with its verdict, path counts and shortest path.",
        discussion: """
            Compare contexts to see dose dependence.

            Examples:
              pharmgraph effects Graphs/ketamine.yaml ketamine
              pharmgraph effects Graphs/ketamine.yaml ketamine --where dose=subanesthetic
              pharmgraph effects Graphs/ketamine.yaml ketamine --where dose=anesthetic --format json
            """)

    @OptionGroup var input: InputOptions

    @Argument(help: "The drug: a node id, label, synonym, or kind:K.")
    var drug: String

    @OptionGroup var traversal: TraversalArguments

    @OptionGroup var limits: SearchLimitOptions

    @Option(help: "What counts as an effect (default: kind:effect and kind:condition); repeatable.")
    var targets: [String] = []

    @Option(help: "Output format.")
    var format: FormatOption<TextOrJSON> = .text

    func run() throws {
        let (engine, inputs, _) = try QueryInput.loadWithInput(input, provenance: format.format == .json)
        let network = engine.network
        try QueryInput.check(try traversal.traversal().filter, in: network)
        let sources = try QueryInput.resolve(drug, in: network, what: "DRUG")
        let goals = try QueryInput.targets(targets, defaultKinds: NodeSelector.effectKinds, in: network)
        var query = PathQuery(sources: sources, targets: goals, maxLength: traversal.maxLength, traversal: try traversal.traversal())
        limits.limits(perQuery: true).apply(to: &query)
        let (reports, partial) = try QueryInput.run { () throws(PathEngine.QueryError) in try engine.reach(query) }
        let report = ReachReport(
            network: network, direction: .effects, start: sources, maxLength: traversal.maxLength, reached: reports, partial: partial,
            provenance: Provenance(
                inputs: inputs,
                options: traversal.provenance(
                    limits, input.network.provenanceOptions.merging(["drug": drug, "targets": targets.joined(separator: ",")]) { a, _ in a })),
            filter: query.traversal.filter)
        try ReachOutput.print(report, format: format)
    }

}
