import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphRender

struct Render: ParsableCommand {
    /// Above this many nodes the default engine is sfdp instead of dot (docs/rendering.md).
    static let dotNodeLimit = 150
    /// The most paths `--paths` draws and lists (the shortest first).
    static let pathLimit = 50
    /// The largest `--depth`: beyond any graph's diameter.
    static let largestDepth = 1_000_000
    /// The largest `--benchmark-repeat`.
    static let largestBenchmarkRepeat = 10_000
    /// The most nodes drawn from an imported network, whole or by any selection (docs/decisions.md).
    static let largestWholeNetwork = 1_500

    static let configuration = CommandConfiguration(
        abstract: "Draw a graph as a pathway diagram (SVG, PNG, PDF, DOT or Graphviz JSON).",
        discussion: """
            Edges are drawn in SBGN Activity Flow glyphs, nodes by kind; the legend lists what is
            drawn. The format comes from the output's extension or --format; -o - writes to stdout.
            A file is written atomically: a failed render leaves no partial file. A device or FIFO
            is written in place, never replaced. The default engine is dot, or sfdp above
            \(dotNodeLimit) nodes (said on stderr). --where applies to every drawing; --max-length,
            --max-work and --timeout to --paths. An imported network (SIF, TSV/CSV, Hetionet JSON)
            is drawn whole up to \(largestWholeNetwork) nodes; a larger one only with --focus or
            --paths, which may draw at most as many of its nodes. See docs/rendering.md and docs/cli.md.

            Examples:
              pharmgraph render Graphs/ketamine.yaml -o ketamine.svg
              pharmgraph render Graphs/ketamine.yaml -o ketamine.png --cluster-by system --rankdir TB
              pharmgraph render Graphs/ketamine.yaml -o nmdar.pdf --focus nmdar --depth 2 --direction out
              pharmgraph render Graphs/ketamine.yaml -o paths.svg --paths ketamine analgesia --max-length 5
              pharmgraph render Graphs/ketamine.yaml -o - --format dot --where dose=subanesthetic
            """)

    @Argument(help: "The graph file or network (- for stdin, REV:path for a git revision).")
    var file: String

    @OptionGroup var read: ReadOptions

    @OptionGroup var network: NetworkOptions

    @Option(name: [.short, .customLong("output")], help: "The output file, device or FIFO, or - for stdout.")
    var output: String

    @Option(help: "Output format (default: from the output's extension).")
    var format: RenderFormat?

    @Option(help: "Layout engine (default: dot; sfdp above \(dotNodeLimit) nodes).")
    var engine: LayoutEngine?

    @Option(help: "Rank direction.")
    var rankdir: DiagramOptions.RankDirection = .LR

    @Option(name: .customLong("cluster-by"), help: "Draw a labelled cluster per value of this node field.")
    var clusterBy: ClusterField?

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    @Option(help: "Draw only the neighbourhood of this node (id, label or synonym).")
    var focus: String?

    @Option(parsing: .unconditional, help: "With --focus: how many steps from the focus node.")
    var depth: Int = 2

    @Option(help: "With --focus: which way to follow edges.")
    var direction: DiagramSelection.Direction = .both

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Draw the simple paths between two nodes, each with its net sign.", valueName: "from> <to"))
    var paths: [String] = []

    /// `--where` for every drawing; `--max-length` with --paths.
    @OptionGroup var scope: PathScopeOptions

    /// With --paths: the path search's work budget and timeout.
    @OptionGroup var limits: SearchLimitOptions

    @Option(name: .customLong("benchmark-repeat"), parsing: .unconditional, help: .hidden)
    var benchmarkRepeat: Int?

    /// The node fields `--cluster-by` can group by.
    enum ClusterField: String, ExpressibleByArgument, CaseIterable {
        case system
    }

    func validate() throws {
        if format == nil && output != "-" && RenderFormat(fileExtension: output) == nil {
            throw ValidationError(
                "cannot tell the format of '\(output)' from its extension; use --format \(Self.choices(RenderFormat.allCases))"
            )
        }
        if !(0...Self.largestDepth).contains(depth) { throw ValidationError("--depth must be from 0 to \(Self.largestDepth)") }
        if !paths.isEmpty && paths.count != 2 {
            throw ValidationError("--paths takes two nodes, FROM and TO")
        }
        if scope.maxLength != nil && paths.isEmpty { throw ValidationError("--max-length needs --paths") }
        if limits.given && paths.isEmpty { throw ValidationError("--max-work and --timeout need --paths") }
        if focus != nil && !paths.isEmpty { throw ValidationError("give --focus or --paths, not both") }
        if let message = InputReading.requireOneStdin([file, network.nodes]) { throw ValidationError(message) }
        if let benchmarkRepeat, !(1...Self.largestBenchmarkRepeat).contains(benchmarkRepeat) {
            throw ValidationError("--benchmark-repeat must be from 1 to \(Self.largestBenchmarkRepeat)")
        }
    }

    func run() throws {
        let format = format ?? RenderFormat(fileExtension: output) ?? .svg
        let filter = try scope.contextFilter()
        let input = InputLoader.load(file, options: network.loaderOptions(read))
        Console.report(input)
        guard let network = input.network else { throw ExitCode(1) }
        if network.graph == nil, focus == nil, paths.isEmpty, network.nodeCount > Self.largestWholeNetwork {
            Console.error(
                "\(file): error: the network has \(network.nodeCount) nodes, more than the \(Self.largestWholeNetwork) render draws whole\n"
                    + "  hint: draw a part of it with --focus NODE (and --depth N) or --paths FROM TO\n")
            throw ExitCode(1)
        }

        let graph: Graph
        let selection: DiagramSelection
        do {
            let title = input.isNetwork ? "\(file) (\(input.format?.rawValue ?? "imported") network)" : ""
            (graph, selection) = try select(in: network, title: title, filter: filter)
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode(1)
        }
        if let focus {
            try Self.refuseLarge(
                selection, of: network, name: file,
                what: "the neighbourhood of '\(focus)' within \(depth) step\(depth == 1 ? "" : "s")",
                hint: "lower --depth, follow one --direction (in or out), or draw --paths FROM TO")
        } else if paths.count == 2 {
            try Self.refuseLarge(
                selection, of: network, name: file, what: "the paths from '\(paths[0])' to '\(paths[1])'",
                hint: "lower --max-length")
        }

        let options = DiagramOptions(
            rankDirection: rankdir, clusterBySystem: clusterBy == .system,
            legend: !noLegend)
        try Self.draw(
            graph: graph, selection: selection, options: options, engine: engine,
            format: format, output: output, benchmarkRepeat: benchmarkRepeat)
    }

    /// Refuses, before any layout, to draw more than `largestWholeNetwork` nodes of an imported network:
    /// `FILE: error: WHAT would draw N nodes, more than …` and the hint, exit 1, nothing written.
    static func refuseLarge(_ selection: DiagramSelection, of network: Network, name: String, what: String, hint: String) throws {
        guard network.graph == nil, selection.nodes.count > largestWholeNetwork else { return }
        Console.error(
            DisplayText.escaped(
                "\(name): error: \(what) would draw \(selection.nodes.count) nodes, more than the \(largestWholeNetwork) render draws from a network")
                + "\n  hint: \(hint)\n")
        throw ExitCode(1)
    }

    /// Lays out and renders a selection, then writes it to `output` with `OutputFile`.
    ///
    /// Without an engine, dot is used up to `dotNodeLimit` nodes and sfdp above, with a note.
    static func draw(
        graph: Graph, selection: DiagramSelection, options: DiagramOptions, engine: LayoutEngine?, format: RenderFormat,
        output: String, benchmarkRepeat: Int? = nil
    ) throws {
        var options = options
        let layout: LayoutEngine
        if let engine {
            layout = engine
        } else {
            let count = selection.nodes.count
            layout = count > Self.dotNodeLimit ? .sfdp : .dot
            if layout == .sfdp {
                Console.error(
                    "note: \(count) nodes is more than \(Self.dotNodeLimit); laying out with sfdp (use --engine dot to insist)\n")
            }
        }
        options.engine = layout.rawValue
        let diagram = PathwayDiagram(graph: graph, selection: selection, options: options)

        let rendering: Rendering
        do {
            let start = DispatchTime.now().uptimeNanoseconds
            rendering = try Renderer.render(dot: diagram.dot, engine: layout, format: format)
            let first = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if let benchmarkRepeat {
                try benchmark(diagram.dot, engine: layout, format: format, repeats: benchmarkRepeat, first: first)
            }
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode(1)
        }
        for warning in rendering.warnings {
            Console.error("graphviz: \(warning)\n")
        }
        do {
            try OutputFile.write(rendering.data, to: output)
        } catch let error where error.isBrokenPipe {
            // The reader left (`| head`): not an error, as for every stdout write (docs/cli.md).
            return
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// The graph to draw and what of it: the whole, a focus neighbourhood, or the paths between two nodes.
    private func select(in network: Network, title: String, filter: ContextFilter) throws -> (Graph, DiagramSelection) {
        if paths.count == 2 {
            return try pathSelection(from: paths[0], to: paths[1], in: network, title: title, filter: filter)
        }
        let graph = network.drawingGraph(title: title)
        if let focus {
            let nodes = try NodeSelector.resolve(focus, in: network)
            guard nodes.count == 1 else {
                throw RenderFailure(description: "--focus: '\(focus)' names \(nodes.count) nodes; give one")
            }
            return (network.labelled(graph), DiagramSelection.neighbourhood(
                of: network.node(nodes[0]).id, depth: depth, direction: direction, in: graph, filter: filter))
        }
        return (network.labelled(graph), DiagramSelection.whole(graph, filter: filter))
    }

    /// The union of the simple paths from `from` to `to`, found by the path engine, shortest first.
    private func pathSelection(
        from: String, to: String, in network: Network, title: String, filter: ContextFilter
    ) throws -> (Graph, DiagramSelection) {
        let engine = PathEngine(network: network)
        let sources = try NodeSelector.resolve(from, in: network)
        let targets = try NodeSelector.resolve(to, in: network)
        var query = PathQuery(
            sources: sources, targets: targets, maxLength: scope.length, traversal: TraversalOptions(filter: filter))
        limits.limits(perQuery: true).apply(to: &query)
        let report = try engine.paths(query, limit: Self.pathLimit)
        if report.partial { Console.error("warning: " + PathsReport.partialLine(report, hints: .cli) + "\n") }
        return Self.pathDrawing(report: report, query: query, names: (from, to), network: network, title: title)
    }

    /// The graph to draw the paths of `report` on (for an imported network, only their edges and ends),
    /// and the drawn paths, captioned with its counts and verdict.
    static func pathDrawing(
        report: PathReport, query: PathQuery, names: (from: String, to: String), network: Network, title: String = ""
    ) -> (graph: Graph, selection: DiagramSelection) {
        let used = Array(Set(report.paths.flatMap(\.edges))).sorted()
        let graph =
            network.graph ?? network.labelled(network.drawingGraph(title: title, edges: used, nodes: query.sources + query.targets), edges: used)
        let position = network.graph == nil ? Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) }) : nil
        let drawn = report.paths.map { path in
            DiagramSelection.Path(edges: path.edges.map { position?[$0] ?? Int($0.rawValue) }, sign: path.sign)
        }
        let name = { (nodes: [NodeIndex], text: String) -> String in
            nodes.count == 1 ? (graph.node(network.node(nodes[0]).id)?.displayLabel ?? text) : text
        }
        let counts = report.counts
        let filter = query.traversal.filter
        var caption =
            "Paths from \(name(query.sources, names.from)) to \(name(query.targets, names.to)), at most \(query.maxLength) steps: "
        caption += counts.total == 0 ? (report.partial ? "none found" : "none") : "\(counts.total) (\(counts.positive) +, \(counts.negative) -, \(counts.unknown) ?), net \(report.finding.rawValue)"
        if counts.total > drawn.count {
            caption += report.partial ? "; \(drawn.count) drawn" : "; the \(drawn.count) shortest drawn"
        }
        if report.partial { caption += "; the search stopped early: counts are lower bounds, the verdict undetermined" }
        var captions = [caption]
        if !filter.isEmpty {
            captions.append("Where " + filter.required.keys.sorted().map { "\($0)=\(filter.required[$0]!)" }.joined(separator: ", "))
        }
        let ends = (query.sources + query.targets).map { network.node($0).id }
        return (graph, DiagramSelection.paths(drawn, ends: ends, in: graph, captions: captions))
    }

    /// Renders `repeats` more times in this process and reports time and memory on stderr.
    ///
    /// `first` is the time of the first render, which also loads Graphviz's plugins and fonts.
    private static func benchmark(_ dot: String, engine: LayoutEngine, format: RenderFormat, repeats: Int, first firstTime: Double) throws {
        var times: [Double] = []
        times.reserveCapacity(repeats)
        let first = MemoryUsage.current()
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try Renderer.render(dot: dot, engine: engine, format: format)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let last = MemoryUsage.current()
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2]
        Console.error(
            String(
                format:
                    "benchmark: first_ms=%.2f renders=%d median_ms=%.2f min_ms=%.2f max_ms=%.2f rss_start_kb=%d peak_start_kb=%d rss_end_kb=%d peak_end_kb=%d\n",
                firstTime, repeats, median, sorted[0], sorted[sorted.count - 1], first.rss, first.peak, last.rss, last.peak))
    }

    private static func choices<T: RawRepresentable>(_ cases: [T]) -> String where T.RawValue == String {
        cases.map(\.rawValue).joined(separator: ", ")
    }
}

/// A render that cannot be done, with the reason.
struct RenderFailure: Error, CustomStringConvertible {
    let description: String
}

/// This process's resident and peak memory, from /proc/self/status (zero where unavailable).
enum MemoryUsage {
    static func current() -> (rss: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func value(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return 0 }
            return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? 0
        }
        return (value("VmRSS"), value("VmHWM"))
    }
}

extension RenderFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension DiagramOptions.RankDirection: ExpressibleByArgument {}
extension DiagramSelection.Direction: ExpressibleByArgument {}
