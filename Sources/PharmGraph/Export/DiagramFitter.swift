import Foundation

/// Chooses a figure's layout by laying its candidates out (docs/rendering.md, "Size", "Path figures" and "Layers"):
/// `layout` gives Graphviz's `json` of a DOT laid out by dot (the caller's renderer, since this library calls no C),
/// which `LayoutReport` measures; each DOT is laid out once.
public struct DiagramFitter {
    /// How a candidate DOT is laid out: Graphviz's `json` under dot, `nil` when Graphviz cannot lay it out.
    public typealias Layout = (String) -> Data?

    /// Makes a slide candidate's DOT: its rank direction and width, its round, and how its edge labels float.
    public typealias Make = (DiagramOptions.RankDirection, Int?, DiagramFit.Round, DiagramOptions.LabelFloat) -> String

    private let layout: Layout
    /// The report of every DOT laid out so far (`nil`: one `LayoutReport` cannot read, or Graphviz could not lay out).
    private var reports: [String: LayoutReport?] = [:]

    public init(layout: @escaping Layout) { self.layout = layout }

    /// How many different DOTs were laid out.
    public var laidOut: Int { reports.count }

    /// The layout report of `dot`, laid out on first use.
    private mutating func report(_ dot: String) -> LayoutReport? {
        if let known = reports[dot] { return known }
        let report = layout(dot).flatMap { try? LayoutReport(json: $0) }
        reports[dot] = report
        return report
    }

    /// The DOT `make` gives for `given` (with unbounded ranks), or without it the candidate `DiagramFit.fits` chooses:
    /// labels of at least 8 pt on a 16:9 slide, then the fewest crossings; then, with `settle`, its edge labels settled
    /// (`DiagramFit.settled`: floated or inlined when they collide and that helps). Other engines than dot, which
    /// ignore ranks, get `make(preferred, nil, .plain, .none)`. With the DOT, its smallest label on a slide before
    /// settling (0 when not measured).
    public mutating func slide(
        given: DiagramOptions.RankDirection?, preferred: DiagramOptions.RankDirection, engine: String, settle: Bool = true, make: Make
    ) -> (dot: String, label: Double) {
        if let given { return (make(given, nil, .plain, .none), 0) }
        guard engine == "dot" else { return (make(preferred, nil, .plain, .none), 0) }
        let fits = DiagramFit.fits(preferred: preferred, make: { make($0, $1, $2, .none) }, measure: { report($0).map(DiagramFit.slideFit) })
        guard settle else { return (fits[0].dot, fits[0].candidate.smallestLabel) }
        let dot = DiagramFit.settled(
            fits.map(\.dot), floated: { make(fits[$0].candidate.rankDirection, fits[$0].candidate.rankWidth, fits[$0].candidate.round, $1) },
            measure: { report($0).map(DiagramFit.LabelFit.init) })
        return (dot, fits[0].candidate.smallestLabel)
    }

    /// The rank direction of panels and the summary when both directions fit a slide equally (or the engine is not
    /// dot): left to right, drug → target → effect across a landscape slide (docs/rendering.md, "Size").
    public static let slideDirection = DiagramOptions.RankDirection.leftToRight

    /// `slide` of the diagram `diagram` draws with each candidate's options (`DiagramOptions.candidate` of `options`).
    private mutating func slide(
        given: DiagramOptions.RankDirection?, preferred: DiagramOptions.RankDirection, options: DiagramOptions, settle: Bool = true,
        diagram: (DiagramOptions) -> PathwayDiagram
    ) -> (dot: String, label: Double) {
        slide(given: given, preferred: preferred, engine: options.engine, settle: settle) {
            diagram(options.candidate($0, width: $1, round: $2, floating: $3)).dot
        }
    }

    /// The DOT of `summary` fitted to a slide (`slide`), in the direction `given` if any.
    public mutating func summary(_ summary: DiagramSummary, options: DiagramOptions, given: DiagramOptions.RankDirection?) -> String {
        slide(given: given, preferred: Self.slideDirection, options: options) { PathwayDiagram(summary: summary, options: $0) }.dot
    }

    /// The DOT of `panel` of `panels` fitted to a slide (`slide`), in the direction `given` if any.
    public mutating func panel(
        _ panel: DiagramPanels.Panel, of panels: DiagramPanels, options: DiagramOptions, given: DiagramOptions.RankDirection?
    ) -> String {
        slide(given: given, preferred: Self.slideDirection, options: options) { PathwayDiagram(panel: panel, of: panels, options: $0) }.dot
    }

    /// The DOT of `drawing`'s path figure fitted to a slide (`slide`) with as many of its paths as keep its smallest
    /// label at `DiagramFit.minimumLabel`: all of them when they do (or with `allPaths`, or under another engine than
    /// dot), else the most of the firmest first that do, found by halving the count (`Drawing.firstPaths`, whose
    /// caption and table say so); all of them when not even one path does. Every count is fitted unsettled (settling
    /// keeps a fitting figure fitting), then the one drawn is settled. In the direction `given`, if any, every path is
    /// drawn as it is, nothing laid out.
    public mutating func paths(_ drawing: Drawing, options: DiagramOptions, allPaths: Bool, given: DiagramOptions.RankDirection?) -> String {
        if let given {
            var options = options
            options.rankDirection = given
            return PathwayDiagram(graph: drawing.graph, selection: drawing.selection, options: options).dot
        }
        func fit(_ count: Int, settle: Bool = false) -> (dot: String, label: Double) {
            let selection = drawing.firstPaths(count).selection
            return slide(given: nil, preferred: options.rankDirection, options: options, settle: settle) {
                PathwayDiagram(graph: drawing.graph, selection: selection, options: $0)
            }
        }
        let all = fit(drawing.drawnPaths)
        let legible = { (label: Double) in label >= DiagramFit.minimumLabel }
        guard options.engine == "dot", !allPaths, drawing.drawnPaths > 1, !legible(all.label) else {
            return fit(drawing.drawnPaths, settle: true).dot
        }
        // The most paths that fit: `low` fits (0: none found yet), `high` does not.
        var (low, high) = (0, drawing.drawnPaths)
        while high - low > 1 {
            let middle = (low + high) / 2
            if legible(fit(middle).label) { low = middle } else { high = middle }
        }
        return fit(low > 0 ? low : drawing.drawnPaths, settle: true).dot
    }

    /// The DOT of a figure not fitted to a slide (the whole graph, a focus): laid out plainly and with its edges
    /// concentrated, each with unbounded ranks and ranks of at most `DiagramFit.posterRankWidths` nodes, and the
    /// layout `DiagramFit.fewestCrossings` chooses. Only a layered figure under dot without clusters is tried; a path
    /// figure, which is never concentrated, is drawn as given.
    public mutating func poster(graph: Graph, selection: DiagramSelection, options: DiagramOptions) -> String {
        // Each candidate's DOT, made once.
        var made: [Int?: [Bool: String]] = [:]
        func dot(width: Int?, concentrate: Bool) -> String {
            if let known = made[width]?[concentrate] { return known }
            var candidate = options
            candidate.rankWidth = width
            candidate.concentrate = concentrate
            let dot = PathwayDiagram(graph: graph, selection: selection, options: candidate).dot
            made[width, default: [:]][concentrate] = dot
            return dot
        }
        let plain = dot(width: options.rankWidth, concentrate: options.concentrate)
        guard options.engine == "dot", options.layering == .kind, !options.clusterBySystem else { return plain }
        guard dot(width: options.rankWidth, concentrate: true) != plain else { return plain }
        var tried: [(dot: String, measured: DiagramFit.Measured)] = []
        for width in DiagramFit.posterRankWidths {
            for concentrate in [false, true] {
                let dot = dot(width: width, concentrate: concentrate)
                // A bound no row reaches draws the same figure.
                guard !tried.contains(where: { $0.dot == dot }) else { continue }
                // A layout the report cannot read is not a candidate (the plain one, first, is always kept).
                guard let report = report(dot) else {
                    if tried.isEmpty { return plain }
                    continue
                }
                tried.append((dot, DiagramFit.Measured(report)))
            }
        }
        return tried[DiagramFit.fewestCrossings(tried.map(\.measured)) ?? 0].dot
    }
}
