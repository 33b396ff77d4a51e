import PharmGraph

/// The one run of `effects` and `causes`: load, resolve the ends, search, print.
enum ReachOutput {
    /// Runs `direction` from the nodes `ends` picks in the loaded network (the query's sources and targets);
    /// `options`: the command's own options as provenance records them; `raw`: today's table instead of the reading text.
    static func run(
        _ direction: ReachReport.Direction, input: InputOptions, traversal: TraversalArguments, limits: SearchLimitOptions,
        format: FormatOption<TextOrJSON>, raw: Bool = false, options: [String: String], intervention: InterventionOptions? = nil,
        style: TerminalStyle = .plain,
        ends: (Network) throws -> (sources: [NodeIndex], targets: [NodeIndex])
    ) throws {
        let (engine, inputs, _) = try QueryInput.loadWithInput(input, provenance: format.format == .json)
        let network = engine.network
        let walk = try traversal.traversal()
        try QueryInput.check(walk.filter, in: network)
        let (sources, targets) = try ends(network)
        var query = PathQuery(sources: sources, targets: targets, maxLength: traversal.maxLength, traversal: walk)
        query.interventions = try intervention?.interventions(in: network) ?? []
        limits.limits(perQuery: true).apply(to: &query)
        let (reports, partial) = try QueryInput.run { () throws(PathEngine.QueryError) in
            switch direction {
            case .effects:
                var (reports, partial) = try engine.reach(query, assess: true)
                try engine.assessFeedback(query, reports: &reports, partial: partial)
                return (reports, partial)
            case .causes: return try engine.reachBack(query, assess: true)
            }
        }
        let inherited = try QueryInput.run { () throws(PathEngine.QueryError) in
            direction == .effects ? try engine.inherited(query, own: reports, ownPartial: partial) : nil
        }
        var report = ReachReport(
            network: network, direction: direction, start: direction == .effects ? sources : targets, maxLength: traversal.maxLength,
            reached: reports, partial: partial,
            provenance: Provenance(
                inputs: inputs, options: traversal.provenance(limits, input.network.provenanceOptions.merging(options) { a, _ in a })),
            filter: walk.filter, inherited: inherited, interventions: query.interventions)
        report.raw = raw
        if reports.isEmpty, !partial, !query.sources.isEmpty, !query.targets.isEmpty {
            // Why nothing was reached: the paths query from the drugs to the effects, explained.
            let reason = try QueryInput.run { () throws(PathEngine.QueryError) in
                try engine.explain(query, result: PathReport(counts: SignCounts(), paths: [], partial: false))
            }
            report.explainEmpty(reason, sources: query.sources, targets: query.targets)
        }
        // The targets only another context reaches: part of the reading text and of JSON, not of `--raw` text.
        if direction == .effects, !raw || format.format == .json {
            (report.conditional, report.conditionalStopped) = try QueryInput.run { () throws(PathEngine.QueryError) in
                try engine.conditionalReach(query, reached: reports, partial: partial)
            }
        }
        switch format.format {
        case .text: Console.out(style.verdicts(in: raw ? report.text(hints: .cli) : report.readingText(hints: .cli)))
        case .json: Console.out(try report.jsonText())
        case .tsv, .github, .sarif: throw format.format.unsupported
        }
    }
}
