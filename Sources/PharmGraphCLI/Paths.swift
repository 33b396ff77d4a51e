import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphRender

struct Paths: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the signed paths from one node (or set) to another, with the net-effect verdict.",
        discussion: """
            FROM and TO are node ids, unambiguous labels or synonyms, or kind:K for every node of
            kind K. A path is simple (no node repeats); its sign is the product of its edges'
            signs. The verdict covers all paths up to --max-length: positive or negative when all
            paths of known sign agree, mixed when both occur, unknown, or none. A search stops at
            --max-work search steps (or --timeout); the result is then partial: the counts are
            lower bounds and the verdict is undetermined. See docs/queries.md.

            Examples:
              pharmgraph paths Graphs/ketamine.yaml ketamine analgesia
              pharmgraph paths Graphs/ketamine.yaml ketamine kind:effect \\
                  --where dose=subanesthetic --limit 0
              pharmgraph paths Graphs/ketamine.yaml ketamine depression \\
                  --via nmdar --format json
              pharmgraph paths hetionet.sif.gz Compound::DB01156 kind:Disease \\
                  --undirected --max-length 3
            """)

    /// The largest `--limit` and `--k`: more paths than anyone reads, and a bound on the paths held in memory.
    static let largestCount = 100_000

    @OptionGroup var input: InputOptions

    @Argument(help: "Where paths start: a node id, label, synonym, or kind:K.")
    var from: String?

    @Argument(help: "Where paths end: a node id, label, synonym, or kind:K.")
    var to: String?

    @Option(help: "Run many queries in one process: a file of FROM<TAB>TO[<TAB>OPTIONS] lines; prints one summary row (or JSON line) each.")
    var batch: String?

    @Flag(help: "Print how long reading, indexing and searching took, on stderr.")
    var timings = false

    @OptionGroup var traversal: TraversalArguments

    @OptionGroup var intervention: InterventionOptions

    @Option(parsing: .unconditional, help: "How many paths to print, at most 100000 (the totals are exact unless partial); 0 prints the summary alone.")
    var limit: Int = 20

    @Flag(help: "Only the paths of the smallest length that has any.")
    var shortest = false

    @Option(
        name: .customLong("k"), parsing: .unconditional,
        help: "The k shortest paths (at most 100000), by length, then evidence; the totals still cover every path.")
    var k: Int?

    @Option(help: "A node (or kind:K) every path must pass through; repeatable (any of them).")
    var via: [String] = []

    @Option(help: "A node (or kind:K) no path may visit; repeatable.")
    var avoid: [String] = []

    @Option(help: "Count only paths of this sign: positive, negative or unknown.")
    var sign: PathSign?

    @Option(help: "Node kinds step by step, comma-separated (a metapath, e.g. Compound,Gene,Disease).")
    var pattern: KindSequence?

    @OptionGroup var limits: SearchLimitOptions

    @Option(help: "Output format.")
    var format: FormatOption<TextJSONOrTSV> = .text

    @Flag(help: "Print the summary of the raw path counts, as before the evidence tiers (text only; JSON has both).")
    var raw = false

    @Option(help: "Also draw the printed paths (with --limit 0, up to 50 chosen by evidence) to OUT.svg, .png, .pdf or .dot.")
    var render: String?

    @OptionGroup var figure: FigureOptions

    @OptionGroup var color: ColorOptions
    @Option(help: "Print, instead of the report, the references behind the verdict's paths as bibtex or ris (the verdict goes to stderr).")
    var cite: CitationExport.Style?

    enum PathSign: String, ExpressibleByArgument, CaseIterable {
        case positive, negative, unknown
        var sign: Sign {
            switch self {
            case .positive: .positive
            case .negative: .negative
            case .unknown: .unknown
            }
        }
    }

    func validate() throws {
        if batch == nil, from == nil || to == nil { throw ValidationError("give FROM and TO, or --batch FILE") }
        if batch != nil, from != nil { throw ValidationError("give FROM and TO, or --batch FILE, not both") }
        if !(0...Self.largestCount).contains(limit) { throw ValidationError("--limit must be from 0 to \(Self.largestCount)") }
        if let k, !(1...Self.largestCount).contains(k) { throw ValidationError("--k must be from 1 to \(Self.largestCount)") }
        if let message = InputReading.requireOneStdin([input.graph, input.nodes, batch]) { throw ValidationError(message) }
        if shortest, k != nil { throw ValidationError("give --shortest or --k, not both") }
        if render == "-" { throw ValidationError("--render needs a file name: the report itself goes to stdout") }
        if let render, RenderFormat(fileExtension: render) == nil {
            let names = RenderFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--render: cannot tell the format of '\(render)' from its extension (\(names))")
        }
        if let render, RenderFormat(fileExtension: render) == .html {
            throw ValidationError(
                "--render: a viewer page draws the whole graph with every path precomputed; write it with pharmgraph render GRAPH -o FILE.html")
        }
        if let option = figure.given.first, render == nil { throw ValidationError("\(option) needs --render") }
        try figure.check(format: render.flatMap { RenderFormat(fileExtension: $0) })
        if render != nil, batch != nil { throw ValidationError("--render draws one query; it cannot be used with --batch") }
        if cite != nil, batch != nil || render != nil || format.format != .text {
            throw ValidationError("--cite prints a bibliography in place of the report; it cannot be used with --batch, --render or --format")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let (engine, inputs, title) = try QueryInput.loadWithInput(input, provenance: format.format == .json || render != nil)
        let loaded = clock.now
        try QueryInput.check(try traversal.traversal().filter, in: engine.network)
        engine.prepare(try traversal.traversal())
        let indexed = clock.now
        // The most work one query did, for --timings.
        let work: Int
        if let batch {
            work = try runBatch(batch, engine: engine)
        } else {
            work = try runOne(from: from!, to: to!, engine: engine, inputs: inputs, title: title)
        }
        if timings {
            let finished = clock.now
            Console.error(
                "timings: load \(Self.seconds(loaded - started)) s, index \(Self.seconds(indexed - loaded)) s, queries \(Self.seconds(finished - indexed)) s; work \(work) search steps (the most in one query)\n"
            )
        }
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    func query(from: String, to: String, engine: PathEngine) throws -> PathQuery {
        let network = engine.network
        var query = PathQuery(
            sources: try QueryInput.resolve(from, in: network, what: "FROM"),
            targets: try QueryInput.resolve(to, in: network, what: "TO"), maxLength: traversal.maxLength,
            via: via.isEmpty ? nil : try via.flatMap { try QueryInput.resolve($0, in: network, what: "--via") },
            avoid: try avoid.flatMap { try QueryInput.resolve($0, in: network, what: "--avoid") },
            pattern: pattern?.kinds,
            sign: sign?.sign, traversal: try traversal.traversal())
        query.interventions = try intervention.interventions(in: network)
        if query.targets.count == 1, query.interventions.contains(where: { $0.node == query.targets[0] }) {
            let id = DisplayText.escaped(network.node(query.targets[0]).id)
            Console.error("error: TO '\(id)' is clamped by --do: every edge into it is cut, so no path reaches it\n")
            throw ExitCode(1)
        }
        limits.limits(perQuery: true).apply(to: &query)
        return query
    }

    /// The query's report with its assessment; `detail`: also the shared edges, mechanisms and headline.
    func report(_ query: PathQuery, engine: PathEngine, detail: Bool) throws -> PathReport {
        try QueryInput.run { () throws(PathEngine.QueryError) -> PathReport in try search(query, engine: engine, detail: detail) }
    }

    /// The search the options ask for, assessed; `keep` replaces `--limit` (a batch row shows one shortest path).
    func search(_ query: PathQuery, engine: PathEngine, detail: Bool, keep: Int? = nil) throws(PathEngine.QueryError) -> PathReport {
        var report: PathReport
        if let k {
            report = try engine.kShortest(query, k: k)
        } else if shortest {
            report = try engine.shortest(query, limit: keep ?? limit)
        } else {
            report = try engine.paths(query, limit: keep ?? limit)
        }
        try engine.assess(query, &report, detail: detail, shortest: shortest)
        // --shortest answers for the shortest length only: no route past the limit concerns it.
        if !shortest { try engine.assessFeedback(query, report: &report) }
        return report
    }

    /// One summary row (or JSON line) per `FROM<TAB>TO[<TAB>OPTIONS]` line of `file`; every bad line is reported at its
    /// line and column, the others still run, and the exit status is then 1.
    func runBatch(_ file: String, engine: PathEngine) throws -> Int {
        var work = 0
        let text = String(decoding: try QueryInput.read(file, limit: input.read.limit), as: UTF8.self)
        let queries = PathBatch(text: text, path: file, network: engine.network, interventions: try intervention.parsed())
        let diagnostics = DiagnosticFormatter(source: SourceText(path: file, text: text))
        for problem in queries.problems { Console.error(diagnostics.format(problem.diagnostic(path: file)) + "\n") }
        var rows: [PairVerdict] = []
        var failed = !queries.problems.isEmpty
        let progress = Progress("queries", total: queries.rows.count)
        defer { progress.finish() }
        // The batch's own line counts queries; a search's steps would overwrite it.
        engine.observer = nil
        for row in queries.rows {
            var query = try query(from: row.from, to: row.to, engine: engine)
            row.options.apply(to: &query)
            let report: PathReport
            do {
                report = try search(query, engine: engine, detail: false, keep: 1)
            } catch {
                // A search the engine refuses (a pattern longer than the line's --max-length, a count past 2^63) is
                // that line's error; the other lines still run.
                progress.finish()
                Console.error(diagnostics.format(Diagnostic(.error, error.description, file: file, line: row.line, column: 1)) + "\n")
                failed = true
                progress.advance()
                continue
            }
            work = max(work, report.work)
            rows.append(PairVerdict(from: row.from, to: row.to, line: row.line, report))
            progress.advance()
        }
        let output = BatchVerdictsReport(network: engine.network, rows: rows)
        Console.out(format.format == .json ? try output.jsonLines() : output.tsv)
        if failed { throw ExitCode(1) }
        return work
    }

    func runOne(from: String, to: String, engine: PathEngine, inputs: [Provenance.Input], title: String) throws -> Int {
        let query = try query(from: from, to: to, engine: engine)
        let result = try report(query, engine: engine, detail: true)
        let provenance = Provenance(inputs: inputs, options: provenanceOptions(from: from, to: to))
        if let render {
            try draw(result, query: query, to: render, engine: engine, names: (from, to), title: title, provenance: provenance)
        }
        let (explanation, alternatives) = try QueryInput.run { () throws(PathEngine.QueryError) in
            let explanation = try engine.explain(query, result: result)
            // --shortest counts the shortest paths only: no other context's count compares with it.
            return (explanation, explanation == nil && !shortest ? try engine.contextAlternatives(query, result: result) : [])
        }
        var report = PathsReport(
            network: engine.network, query: query, result: result, shown: k ?? limit, provenance: provenance, explanation: explanation,
            alternatives: alternatives)
        report.raw = raw
        report.kShortest = k != nil
        let style = color.color.style(for: STDOUT_FILENO)
        if let cite {
            try PathCitations.write(cite, query: query, verdict: result.verdict, engine: engine, summary: report.summaryLines(hints: .cli, showing: false))
            return result.work
        }
        switch format.format {
        case .text: Console.out(style.verdicts(in: raw ? report.text(hints: .cli) : report.readingText(hints: .cli)))
        case .json: Console.out(try report.jsonText())
        case .tsv:
            Console.out(report.tsv)
            Console.error(report.summaryLines(hints: .cli, showing: false))
        case .github, .sarif: throw format.format.unsupported
        }
        return result.work
    }

    /// The query's options as provenance records them.
    func provenanceOptions(from: String, to: String) -> [String: String] {
        var options = traversal.provenance(limits, input.network.provenanceOptions.merging(intervention.provenanceOptions) { a, _ in a })
        options["from"] = from
        options["to"] = to
        if let k { options["k"] = String(k) } else { options["limit"] = String(limit) }
        if shortest { options["shortest"] = "true" }
        if !via.isEmpty { options["via"] = via.joined(separator: ",") }
        if !avoid.isEmpty { options["avoid"] = avoid.joined(separator: ",") }
        if let sign { options["sign"] = sign.rawValue }
        if let pattern { options["pattern"] = pattern.argument }
        return options
    }
}

extension Paths {
    /// Draws the query's paths: the printed ones, or up to `Drawing.pathLimit` chosen by evidence with `--limit 0`.
    func draw(
        _ report: PathReport, query: PathQuery, to output: String, engine: PathEngine, names: (from: String, to: String), title: String,
        provenance: Provenance
    ) throws {
        var drawn = report
        var choice = Drawing.PathChoice.shortest
        if limit == 0 && k == nil {
            drawn = try QueryInput.run { () throws(PathEngine.QueryError) in
                var all = report
                all.paths = try engine.paths(query, limit: Drawing.pathLimit).paths
                return try Drawing.firmest(all, query: query, engine: engine, limit: Drawing.pathLimit)
            }
            choice = .firmest
        }
        let drawing = Drawing(paths: drawn, query: query, names: names, network: engine.network, title: title, choice: choice)
        do {
            try drawing.checkSize(of: engine.network)
        } catch {
            throw Render.fail(error, name: input.graph, selection: "the paths from '\(names.from)' to '\(names.to)'", hint: "lower --limit or --max-length")
        }
        try Render.draw(
            graph: drawing.graph, selection: drawing.selection, options: try figure.recording(provenance, defaultSize: .slide), engine: nil,
            format: RenderFormat(fileExtension: output) ?? .svg, output: output)
    }
}
