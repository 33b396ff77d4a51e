import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphRender

struct Render: ParsableCommand {
    /// Above this many nodes the default engine is sfdp instead of dot (docs/rendering.md).
    static let dotNodeLimit = LayoutEngine.dotNodeLimit
    /// The largest `--depth`: beyond any graph's diameter.
    static let largestDepth = 1_000_000
    /// The largest `--benchmark-repeat`.
    static let largestBenchmarkRepeat = 10_000

    static let configuration = CommandConfiguration(
        abstract: "Draw a graph as a pathway diagram (SVG, PNG, PDF, DOT, Graphviz JSON), or write an interactive viewer page (HTML).",
        discussion: """
            Edges are drawn in SBGN Activity Flow glyphs, nodes by kind; the legend lists what is
            drawn. The format comes from the output's extension or --format; -o - writes to stdout.
            A file is written atomically: a failed render leaves no partial file. A device or FIFO
            is written in place, never replaced. Nodes are layered by kind, top to bottom (drugs,
            targets, mediators, processes, effects; --layering none, --rankdir LR), and a drug's
            enantiomers and metabolites share its box, badges naming the form (--expand-forms).
            The default engine is dot, or sfdp above \(dotNodeLimit) nodes (not layered; said on stderr). --where applies to every drawing; --max-length,
            --max-work and --timeout to --paths. An imported network (SIF, TSV/CSV, Hetionet JSON)
            is drawn whole up to \(Drawing.largestNetworkDrawing) nodes; a larger one only with --focus or
            --paths, which may draw at most as many of its nodes. A .html output is a viewer page: one
            self-contained file with the whole graph, hover details, search, context selects and every
            drug × effect path precomputed (--max-length sets their length; docs/viewer.md).
            See docs/rendering.md and docs/cli.md.

            Examples:
              pharmgraph render Graphs/ketamine.yaml -o ketamine.svg
              pharmgraph render Graphs/ketamine.yaml -o ketamine.png \\
                  --cluster-by system --rankdir LR --expand-forms
              pharmgraph render Graphs/ketamine.yaml -o nmdar.pdf \\
                  --focus nmdar --depth 2 --direction out
              pharmgraph render Graphs/ketamine.yaml -o paths.svg \\
                  --paths ketamine analgesia --max-length 5
              pharmgraph render Graphs/ketamine.yaml -o - --format dot \\
                  --where dose=subanesthetic
              pharmgraph render Graphs/ketamine.yaml --panels system -o panels --format png
              pharmgraph render Graphs/ketamine.yaml --summary -o summary.svg \\
                  --size 13.33,7.5
              pharmgraph render Graphs/ketamine.yaml -o ketamine.html
            """)

    @Argument(help: "The graph file or network (- for stdin, REV:path for a git revision).")
    var file: String

    @OptionGroup var read: ReadOptions

    @OptionGroup var network: NetworkOptions

    @Option(name: [.short, .customLong("output")], help: "The output file, device or FIFO, or - for stdout; with --panels, a new or empty directory.")
    var output: String

    @Option(help: "Output format (default: from the output's extension).")
    var format: RenderFormat?

    @Option(help: "Layout engine (default: dot; sfdp above \(dotNodeLimit) nodes).")
    var engine: LayoutEngine?

    @Option(help: "Rank direction: TB (top to bottom, for slides; the default) or LR (left to right, for posters; the default for --panels and --summary).")
    var rankdir: DiagramOptions.RankDirection?

    @Option(help: "Rank nodes by kind (drugs, targets, mediators, processes, effects) or not at all.")
    var layering: DiagramOptions.Layering = .kind

    @Flag(name: .customLong("expand-forms"), help: "Draw a drug's enantiomers and metabolites as their own nodes, not one box per family.")
    var expandForms = false

    @Option(name: .customLong("cluster-by"), help: "Draw a labelled cluster per value of this node field.")
    var clusterBy: ClusterField?

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    @Option(help: "Write one figure per value of this node field into the directory -o names, and their shared legend.")
    var panels: ClusterField?

    @Flag(help: "Draw the overview for a first slide: drugs, each effect's headline targets, and the effects.")
    var summary = false

    @OptionGroup var figure: FigureOptions

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

    @Flag(
        name: .customLong("all-paths"),
        help: "With --paths: draw every path found (up to \(Drawing.pathLimit)), not only the firmest that fit a 16:9 slide with labels of 8 pt.")
    var allPaths = false

    @Option(help: "With --paths: a node (or kind:K) every path must pass through; repeatable (any of them).")
    var via: [String] = []

    @Option(help: "With --paths: a node (or kind:K) no path may visit; repeatable.")
    var avoid: [String] = []

    /// `--where` for every drawing; `--max-length` with --paths.
    @OptionGroup var scope: PathScopeOptions

    /// With --paths: the path search's work budget and timeout.
    @OptionGroup var limits: SearchLimitOptions

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp("Also write a layout report: text, JSON when FILE ends in .json, - for stdout.", valueName: "file"))
    var report: String?

    @Option(name: .customLong("benchmark-repeat"), parsing: .unconditional, help: .hidden)
    var benchmarkRepeat: Int?

    /// The node fields `--cluster-by` can group by.
    enum ClusterField: String, ExpressibleByArgument, CaseIterable {
        case system
    }

    func validate() throws {
        try validateSlides()
        try figure.check(format: format ?? (panels != nil || output == "-" ? .svg : RenderFormat(fileExtension: output)))
        if format == nil && output != "-" && panels == nil && RenderFormat(fileExtension: output) == nil {
            throw ValidationError(
                "cannot tell the format of '\(output)' from its extension; use --format \(Self.choices(RenderFormat.allCases))"
            )
        }
        if !(0...Self.largestDepth).contains(depth) { throw ValidationError("--depth must be from 0 to \(Self.largestDepth)") }
        if !paths.isEmpty && paths.count != 2 {
            throw ValidationError("--paths takes two nodes, FROM and TO")
        }
        if isPage {
            if focus != nil || !paths.isEmpty || !scope.filters.isEmpty || panels != nil || summary || report != nil {
                throw ValidationError(
                    "a viewer page (html) draws the whole graph with its own search, paths and context selects; leave out --focus, --paths, --where, --panels, --summary and --report"
                )
            }
            if benchmarkRepeat != nil { throw ValidationError("--benchmark-repeat does not apply to a viewer page (html)") }
        }
        if scope.maxLength != nil && paths.isEmpty && !summary && !isPage {
            throw ValidationError("--max-length needs --paths or --summary")
        }
        if limits.given && paths.isEmpty { throw ValidationError("--max-work and --timeout need --paths") }
        if (!via.isEmpty || !avoid.isEmpty) && paths.isEmpty { throw ValidationError("--via and --avoid need --paths") }
        if allPaths && paths.isEmpty { throw ValidationError("--all-paths needs --paths") }
        if focus != nil && !paths.isEmpty { throw ValidationError("give --focus or --paths, not both") }
        if let message = InputReading.requireOneStdin([file, network.nodes]) { throw ValidationError(message) }
        if let report, let problem = LayoutReportRequest.conflict(report: report, output: output) { throw ValidationError(problem) }
        if let benchmarkRepeat, !(1...Self.largestBenchmarkRepeat).contains(benchmarkRepeat) {
            throw ValidationError("--benchmark-repeat must be from 1 to \(Self.largestBenchmarkRepeat)")
        }
    }

    /// Whether the output is a viewer page (docs/viewer.md).
    var isPage: Bool { (format ?? RenderFormat(fileExtension: output)) == .html }

    func run() throws {
        let format = format ?? RenderFormat(fileExtension: output) ?? .svg
        let filter = try scope.contextFilter()
        let input = InputLoader.load(file, options: network.loaderOptions(read, provenance: true))
        Console.report(input)
        guard let network = input.network else { throw ExitCode(1) }
        try QueryInput.check(filter, in: network)
        if panels != nil || summary { return try drawSlides(network: network, input: input, filter: filter, format: format) }
        let title = input.drawingTitle
        let drawing: Drawing
        do {
            // A path search that runs past about 2 s shows its steps on a terminal (docs/cli.md, "Progress").
            drawing = try Drawing(drawingScope, of: network, title: title, filter: filter, observer: Progress("search steps"))
            if let report = drawing.paths, report.partial {
                Console.error("warning: " + PathsReport.partialLine(report, hints: .cli) + "\n")
            }
            try drawing.checkSize(of: network)
        } catch {
            throw Self.fail(error, name: file, selection: selectionName, hint: selectionHint)
        }
        let provenance = Provenance(inputs: input.provenance, options: provenanceOptions)
        let options = try figure.recording(
            provenance,
            in: DiagramOptions(
                rankDirection: rankdir ?? .topToBottom, clusterBySystem: clusterBy == .system, legend: !noLegend, layering: layering,
                expandForms: expandForms),
            defaultSize: paths.isEmpty ? nil : .slide)
        if format == .html {
            let page = try ViewerOutput.page(graph: drawing.graph, options: options, engine: engine, maxLength: scope.length)
            try Self.write(page, to: output)
            return
        }
        try Self.draw(
            graph: drawing.graph, selection: drawing.selection, options: options, engine: engine,
            format: format, output: output, benchmarkRepeat: benchmarkRepeat,
            report: report.map { LayoutReportRequest(path: $0, provenance: provenance) },
            fit: paths.isEmpty ? nil : drawing, allPaths: allPaths, given: rankdir)
    }

    /// The selection's options as provenance records them: focus, depth and direction, or the paths' ends and bounds; `--where`.
    var provenanceOptions: [String: String] {
        var options = network.provenanceOptions
        if !scope.filters.isEmpty { options["where"] = scope.filters.joined(separator: ",") }
        if let panels { options["panels"] = panels.rawValue }
        if summary {
            options["summary"] = "true"
            options["max_length"] = String(scope.length)
        }
        if let focus {
            options["focus"] = focus
            options["depth"] = String(depth)
            options["direction"] = direction.rawValue
        } else if paths.count == 2 {
            options.merge(scope.provenanceOptions.merging(limits.provenanceOptions) { a, _ in a }) { a, _ in a }
            options["from"] = paths[0]
            options["to"] = paths[1]
            if !via.isEmpty { options["via"] = via.joined(separator: ",") }
            if !avoid.isEmpty { options["avoid"] = avoid.joined(separator: ",") }
            if allPaths { options["all_paths"] = "true" }
        }
        return options
    }

    /// What to draw, from the options.
    var drawingScope: DrawingScope {
        if let focus { return .focus(focus, depth: depth, direction: direction) }
        if paths.count == 2 {
            return .paths(
                from: paths[0], to: paths[1], maxLength: scope.length, limits: limits.limits(perQuery: true), via: via, avoid: avoid)
        }
        return .whole
    }

    /// The selection in words, for the message that refuses to draw too much of a network.
    var selectionName: String {
        if let focus { return "the neighbourhood of '\(focus)' within \(depth) step\(depth == 1 ? "" : "s")" }
        return paths.count == 2 ? "the paths from '\(paths[0])' to '\(paths[1])'" : "the network"
    }

    /// How to draw less, for the same message.
    var selectionHint: String {
        focus != nil ? "lower --depth, follow one --direction (in or out), or draw --paths FROM TO" : "lower --max-length"
    }

    /// Prints why a drawing cannot be made (`FILE: error: …` and a hint for a network too large) and returns exit 1.
    static func fail(_ failure: Drawing.Failure, name: String, selection: String, hint: String) -> ExitCode {
        let limit = Drawing.largestNetworkDrawing
        switch failure {
        case let .networkTooLarge(nodes):
            Console.error(
                "\(name): error: the network has \(nodes) nodes, more than the \(limit) render draws whole\n"
                    + "  hint: draw a part of it with --focus NODE (and --depth N) or --paths FROM TO\n")
        case let .selectionTooLarge(nodes):
            Console.error(
                DisplayText.escaped("\(name): error: \(selection) would draw \(nodes) nodes, more than the \(limit) render draws from a network")
                    + "\n  hint: \(hint)\n")
        case let .node(cause): Console.error("error: \(cause)\n")
        case let .focusNotOne(focus, count): Console.error("error: --focus: '\(focus)' names \(count) nodes; give one\n")
        case let .query(cause): Console.error("error: \(cause)\n")
        }
        return ExitCode(1)
    }

    /// The note printed when a large drawing is laid out with sfdp rather than dot.
    /// `layered`: the figure was to be layered by kind, which sfdp cannot do (docs/rendering.md, "Layers").
    static func sfdpNote(_ count: Int, layered: Bool, insist: String) -> String {
        let loss = layered ? ", so the figure is not layered by kind" : ""
        return "note: \(count) nodes is more than \(LayoutEngine.dotNodeLimit); laying out with sfdp\(loss) (\(insist))\n"
    }

    /// Lays out and renders a selection, then writes it to `output` with `OutputFile`, and the layout
    /// report measured on the same layout when `report` asks for one.
    ///
    /// Without an engine, dot is used up to `dotNodeLimit` nodes and sfdp above, with a note. With `fit`, the path
    /// figure of `selection` (`DiagramFitter.paths`): without `given`, the rank direction and width that fit a slide
    /// with the fewest crossings and, unless `allPaths`, as many of its paths as fit with labels of 8 pt; with it,
    /// every path in that direction, unfitted. Without `fit`, the layout `DiagramFitter.poster` chooses.
    static func draw(
        graph: Graph, selection: DiagramSelection, options: DiagramOptions, engine: LayoutEngine?, format: RenderFormat,
        output: String, benchmarkRepeat: Int? = nil, report: LayoutReportRequest? = nil, fit: Drawing? = nil, allPaths: Bool = false,
        given: DiagramOptions.RankDirection? = nil
    ) throws {
        var options = options
        let layout = Self.engine(engine, nodeCount: selection.nodes.count, layered: options.layering == .kind)
        options.engine = layout.rawValue
        // With `fit`, a figure for a slide: the rank direction that fits it best (docs/rendering.md, "Size").
        var fitter = DiagramFitter(layout: Self.layout)
        let dot: String
        if let fit {
            dot = fitter.paths(fit, options: options, allPaths: allPaths, given: given)
        } else {
            dot = fitter.poster(graph: graph, selection: selection, options: options)
        }
        try emit(dot, engine: layout, format: format, output: output, benchmarkRepeat: benchmarkRepeat, report: report)
    }

    /// Graphviz's `json` of `dot` laid out by dot, for `DiagramFitter`; `nil` when Graphviz cannot lay it out (the
    /// figure drawn is rendered again, and its error reported, by `emit` or `image`).
    static func layout(_ dot: String) -> Data? { try? Renderer.render(dot: dot, engine: .dot, format: .json).data }

    /// `engine`, or dot up to `LayoutEngine.dotNodeLimit` nodes and sfdp above (said on stderr).
    static func engine(_ engine: LayoutEngine?, nodeCount: Int, layered: Bool) -> LayoutEngine {
        if let engine { return engine }
        let layout = LayoutEngine.automatic(nodeCount: nodeCount)
        if layout == .sfdp { Console.error(sfdpNote(nodeCount, layered: layered, insist: "use --engine dot to insist")) }
        return layout
    }

    /// Lays out and renders `dot`, then writes it to `output` with `OutputFile`, and the layout report measured on
    /// the same layout when `report` asks for one.
    static func emit(
        _ dot: String, engine: LayoutEngine, format: RenderFormat, output: String, benchmarkRepeat: Int?, report: LayoutReportRequest?
    ) throws {
        let rendering: (image: Data, json: Data?)
        do {
            let start = DispatchTime.now().uptimeNanoseconds
            rendering = try image(dot, engine: engine.rawValue, format: format, measured: report != nil)
            let first = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if let benchmarkRepeat {
                try benchmark(dot, engine: engine, format: format, repeats: benchmarkRepeat, first: first)
            }
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode(1)
        }
        // The report is measured before anything is written, so that a failure leaves no figure without it.
        let reportData = try report.flatMap { request in try rendering.json.map { try request.document(json: $0) } }
        try write(rendering.image, to: output)
        if let report, let reportData { try report.write(reportData) }
    }

    /// Writes `data` with `OutputFile`: atomically to a file, in place to a device, FIFO or stdout.
    static func write(_ data: Data, to output: String) throws {
        do {
            try OutputFile.write(data, to: output)
        } catch let error where error.isBrokenPipe {
            // The reader left (`| head`): not an error, as for every stdout write (docs/cli.md).
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Renders `repeats` more times in this process and reports time and memory on stderr.
    ///
    /// `first` is the time of the first render, which also loads Graphviz's plugins and fonts.
    static func benchmark(_ dot: String, engine: LayoutEngine, format: RenderFormat, repeats: Int, first firstTime: Double) throws {
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
extension DiagramOptions.Layering: ExpressibleByArgument {}
extension DiagramSelection.Direction: ExpressibleByArgument {}
