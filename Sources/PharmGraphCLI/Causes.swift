import ArgumentParser
import Foundation
import PharmGraph

struct Causes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every drug that reaches an effect: those that drive it, those that counter it, and the undecided.",
        discussion: """
            One search walks back from the effect, so it costs the same for one drug or thousands.
            The forms of one drug (racemate, enantiomers, metabolites) are ranked by the strength
            of their first effect edge. --raw prints the one-line table of verdicts and counts.

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

    @Flag(help: "Print the verdicts of the raw path counts, as before the evidence tiers (text only; JSON has both).")
    var raw = false

    @OptionGroup var color: ColorOptions

    func run() throws {
        try ReachOutput.run(
            .causes, input: input, traversal: traversal, limits: limits, format: format, raw: raw,
            options: ["effect": effect, "sources": sources.joined(separator: ",")], style: color.color.style(for: STDOUT_FILENO)
        ) { network in
            let goals = try QueryInput.resolve(effect, in: network, what: "EFFECT")
            let drugs = try QueryInput.targets(
                sources, defaultKinds: NodeSelector.drugKinds, in: network, option: "--sources", what: "drugs")
            return (drugs, goals)
        }
    }
}
