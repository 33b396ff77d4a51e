import ArgumentParser
import Foundation
import PharmGraph

struct Effects: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every effect and condition a drug reaches, each with its verdict, path counts and shortest path.",
        discussion: """
            Compare contexts to see dose dependence (--contrast lists the verdicts that change).
            --do clamps a node: the edges into it are cut and its paths count with the clamp's sign;
            without DRUG, the effects of the interventions alone (docs/queries.md, "Interventions").

            Examples:
              pharmgraph effects Graphs/ketamine.yaml ketamine
              pharmgraph effects Graphs/ketamine.yaml ketamine --where dose=subanesthetic
              pharmgraph effects Graphs/ketamine.yaml ketamine \\
                  --where dose=anesthetic --format json
              pharmgraph effects Graphs/ketamine.yaml ketamine \\
                  --contrast dose=subanesthetic,anesthetic
              pharmgraph effects Graphs/ketamine.yaml --do nmdar=-
              pharmgraph effects Graphs/ketamine.yaml ketamine --do bdnf=-
            """)

    @OptionGroup var input: InputOptions

    @Argument(help: "The drug: a node id, label, synonym, or kind:K (optional with --do).")
    var drug: String?

    @OptionGroup var traversal: TraversalArguments

    @OptionGroup var intervention: InterventionOptions

    @Option(help: "Run the query under each value of a context key and list the verdicts that change.")
    var contrast: ContrastTerm?

    @OptionGroup var limits: SearchLimitOptions

    @Option(help: "What counts as an effect (default: kind:effect and kind:condition); repeatable.")
    var targets: [String] = []

    @Option(help: "Output format.")
    var format: FormatOption<TextOrJSON> = .text

    @Flag(help: "Print the verdicts of the raw path counts, as before the evidence tiers (text only; JSON has both).")
    var raw = false

    @OptionGroup var color: ColorOptions

    func validate() throws {
        if drug == nil, intervention.terms.isEmpty { throw ValidationError("give DRUG, or --do NODE=+|- (or both)") }
        if let contrast {
            if let problem = contrast.problem { throw ValidationError(problem) }
            if traversal.scope.filters.contains(where: { $0.hasPrefix(contrast.key + "=") }) {
                throw ValidationError("--contrast and --where both set '\(contrast.key)'; give one")
            }
        }
    }

    func run() throws {
        let options = ["drug": drug ?? "", "targets": targets.joined(separator: ",")].merging(intervention.provenanceOptions) { a, _ in a }
        if let contrast {
            try ContrastOutput.run(
                contrast, drug: drug, targets: targets, input: input, traversal: traversal, limits: limits, intervention: intervention,
                format: format, options: options, style: color.color.style(for: STDOUT_FILENO))
            return
        }
        try ReachOutput.run(
            .effects, input: input, traversal: traversal, limits: limits, format: format, raw: raw, options: options,
            intervention: intervention, style: color.color.style(for: STDOUT_FILENO)
        ) { network in
            let sources = try drug.map { try QueryInput.resolve($0, in: network, what: "DRUG") } ?? []
            return (sources, try QueryInput.targets(targets, defaultKinds: NodeSelector.effectKinds, in: network))
        }
    }
}
