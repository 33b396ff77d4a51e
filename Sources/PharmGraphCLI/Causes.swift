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

    @Option(help: "Output format: text or json.")
    var format: ReachFormat = .text

    func run() throws {
        let engine = try QueryInput.load(input)
        let network = engine.network
        let goals = try QueryInput.resolve(effect, in: network, what: "EFFECT")
        let drugs = try Effects.targets(sources, default: ["drug"], in: network)
        var query = PathQuery(sources: drugs, targets: goals, maxLength: traversal.maxLength, traversal: try traversal.traversal())
        limits.limits(perQuery: true).apply(to: &query)
        let (reports, partial) = try QueryInput.run { () throws(PathEngine.QueryError) in try engine.reachBack(query) }
        let output = ReachOutput(network: network)
        switch format {
        case .text:
            Console.out(output.text(reports, heading: "drug", partial: partial))
        case .json:
            let json = ReachJSON(
                to: goals.map { network.node($0).id }, maxLength: traversal.maxLength, partial: partial,
                reached: output.rows(reports, partial: partial))
            Console.out(try JSONOutput.encode(json))
        }
    }
}
