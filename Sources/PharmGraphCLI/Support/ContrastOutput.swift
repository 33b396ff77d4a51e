import ArgumentParser
import PharmGraph

/// The run of `effects --contrast`: load, check each value's filter, query under each, print the changes.
enum ContrastOutput {
    static func run(
        _ contrast: ContrastTerm, drug: String?, targets: [String], input: InputOptions, traversal: TraversalArguments,
        limits: SearchLimitOptions, intervention: InterventionOptions, format: FormatOption<TextOrJSON>, options: [String: String],
        style: TerminalStyle = .plain
    ) throws {
        let (engine, inputs, _) = try QueryInput.loadWithInput(input, provenance: format.format == .json)
        let network = engine.network
        let walk = try traversal.traversal()
        try QueryInput.check(walk.filter, in: network)
        // Each value is checked as a --where term is: a key or value no edge uses is an error with a suggestion.
        let problems =
            ContextFilter([:]).problems(against: [network])
            + contrast.values.flatMap { value in
                ContextFilter([contrast.key: value]).problems(against: [network])
            }
        var reported = Set<String>()
        for problem in problems where reported.insert(problem.description).inserted {
            Console.error("error: --contrast: \(problem.description)\n")
        }
        if !problems.isEmpty { throw ExitCode(1) }
        let sources = try drug.map { try QueryInput.resolve($0, in: network, what: "DRUG") } ?? []
        var query = PathQuery(
            sources: sources, targets: try QueryInput.targets(targets, defaultKinds: NodeSelector.effectKinds, in: network),
            maxLength: traversal.maxLength, traversal: walk)
        query.interventions = try intervention.interventions(in: network)
        limits.limits(perQuery: true).apply(to: &query)
        let answer = try QueryInput.run { () throws(PathEngine.QueryError) in
            try engine.contrast(query, key: contrast.key, values: contrast.values)
        }
        var recorded = options
        recorded["contrast"] = contrast.text
        let report = ContrastReport(
            network: network, contrast: answer, query: query,
            provenance: Provenance(
                inputs: inputs, options: traversal.provenance(limits, input.network.provenanceOptions.merging(recorded) { a, _ in a })))
        switch format.format {
        case .text: Console.out(style.verdicts(in: report.text(hints: .cli)))
        case .json: Console.out(try report.jsonText())
        case .tsv, .github, .sarif: throw format.format.unsupported
        }
    }
}
