import ArgumentParser
import Foundation
import PharmGraph

/// `tsv` or `json` (JSON Lines): verdicts.
enum TSVOrJSON: OutputFormats {
    static let formats: [OutputFormat] = [.tsv, .json]
}

struct Verdicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The verdict of every source × target pair with a path, in parallel, in a stable order.",
        discussion: """
            One row per pair with a path: its counts by sign and its verdict, as paths gives for the pair.
            Rows are sorted bytewise by source id, then target id, whatever --jobs is.
            --format json writes JSON Lines, one object per pair (docs/queries.md, "Batch verdicts").

            Examples:
              pharmgraph verdicts Graphs/ketamine.yaml --sources kind:drug \\
                  --targets kind:effect
              pharmgraph verdicts hetionet.sif.gz --sources kind:Compound \\
                  --targets kind:Disease --max-length 3 --undirected --jobs 2
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Where paths start: a node id, label, synonym, or kind:K; repeatable.")
    var sources: [String] = []

    @Option(help: "Where paths end: a node id, label, synonym, or kind:K; repeatable.")
    var targets: [String] = []

    @OptionGroup var traversal: TraversalArguments

    @OptionGroup var limits: SearchLimitOptions

    @Option(help: "How many threads search at once (1 to \(BatchVerdicts.largestJobs)); the output is the same for any.")
    var jobs: Int = 1

    @Option(help: "Output format: tsv (a header line, then one row per pair) or json (JSON Lines).")
    var format: FormatOption<TSVOrJSON> = FormatOption(argument: "tsv")!

    @Flag(help: "Print how long reading, indexing and searching took, on stderr.")
    var timings = false

    @Option(help: "More --sources, one per line of FILE (- for stdin); blank lines are skipped.")
    var sourcesFrom: String?

    @Flag(help: "Print the distinct source ids, one per line in the output's order, and search nothing.")
    var listSources = false

    func validate() throws {
        if sources.isEmpty, sourcesFrom == nil { throw ValidationError("give --sources (a node, or kind:K for every node of a kind)") }
        if targets.isEmpty { throw ValidationError("give --targets (a node, or kind:K for every node of a kind)") }
        if !(1...BatchVerdicts.largestJobs).contains(jobs) { throw ValidationError("--jobs must be from 1 to \(BatchVerdicts.largestJobs)") }
        if let message = InputReading.requireOneStdin([input.graph, input.nodes, sourcesFrom]) { throw ValidationError(message) }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let (engine, _, _) = try QueryInput.loadWithInput(input, provenance: false)
        let loaded = clock.now
        let network = engine.network
        let walk = try traversal.traversal()
        try QueryInput.check(walk.filter, in: network)
        engine.prepare(walk)
        let indexed = clock.now
        let from = try sources.flatMap { try QueryInput.resolve($0, in: network, what: "--sources") } + fileSources(in: network)
        let to = try targets.flatMap { try QueryInput.resolve($0, in: network, what: "--targets") }
        if listSources {
            try printSources(from, in: network)
            return
        }
        var template = PathQuery(sources: [], targets: [], maxLength: traversal.maxLength, traversal: walk)
        limits.limits(perQuery: true).apply(to: &template)
        let batch = BatchVerdicts(sources: from, targets: to, template: template, jobs: jobs, network: network)
        // The batch's own line counts pairs; the searches' steps, from several threads, would overwrite it.
        engine.observer = nil
        let progress = Progress("pairs", total: batch.pairCount)
        let outcome = try QueryInput.run { () throws(PathEngine.QueryError) in
            try batch.run(on: engine) { progress.advance(by: $0) }
        }
        progress.finish()
        let rows = outcome.rows
        for (source, error) in outcome.failures {
            Console.error("error: --sources '\(DisplayText.escaped(source))': \(error.description); its pairs have no row\n")
        }
        let report = BatchVerdictsReport(network: network, rows: rows)
        Console.out(format.format == .json ? try report.jsonLines() : report.tsv)
        if timings {
            Console.error(
                "timings: load \(Paths.seconds(loaded - started)) s, index \(Paths.seconds(indexed - loaded)) s, queries \(Paths.seconds(clock.now - indexed)) s; \(batch.pairCount) pairs, \(rows.count) with a path\n"
            )
        }
        if !outcome.failures.isEmpty { throw ExitCode(1) }
    }

    /// The nodes of `--sources-from`, one selector per non-blank line; every line naming no node is reported at its
    /// line (exit 1); none without the option.
    func fileSources(in network: Network) throws -> [NodeIndex] {
        guard let sourcesFrom else { return [] }
        let text = String(decoding: try QueryInput.read(sourcesFrom, limit: input.read.limit), as: UTF8.self)
        let (nodes, problems) = NodeSelector.resolveLines(text, path: sourcesFrom, in: network)
        let diagnostics = DiagnosticFormatter(source: SourceText(path: sourcesFrom, text: text))
        for problem in problems { Console.error(diagnostics.format(problem) + "\n") }
        if !problems.isEmpty { throw ExitCode(1) }
        if nodes.isEmpty, sources.isEmpty { throw ValidationError("\(sourcesFrom) names no source (--sources-from)") }
        return nodes
    }

    /// `--list-sources`: the batch's sources, bytewise sorted; an id with a line break cannot be listed (exit 1).
    func printSources(_ from: [NodeIndex], in network: Network) throws {
        let batch = BatchVerdicts(sources: from, targets: [], template: PathQuery(sources: [], targets: []), network: network)
        let ids = batch.sources.map { network.node($0).id }
        let broken = ids.filter { $0.contains(where: \.isNewline) }
        for id in broken { Console.error("error: --list-sources: the id '\(DisplayText.escaped(id))' has a line break; it cannot be listed one per line\n") }
        if !broken.isEmpty { throw ExitCode(1) }
        Console.out(ids.map { $0 + "\n" }.joined())
    }
}
