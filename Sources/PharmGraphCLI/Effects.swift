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

    @Flag(help: "Print the verdicts of the raw path counts, as before the evidence tiers (text only; JSON has both).")
    var raw = false

    func run() throws {
        try ReachOutput.run(
            .effects, input: input, traversal: traversal, limits: limits, format: format, raw: raw,
            options: ["drug": drug, "targets": targets.joined(separator: ",")]
        ) { network in
            let sources = try QueryInput.resolve(drug, in: network, what: "DRUG")
            return (sources, try QueryInput.targets(targets, defaultKinds: NodeSelector.effectKinds, in: network))
        }
    }

}
