/// What of a curated graph or an imported network to draw (docs/rendering.md).
public enum DrawingScope: Sendable, Equatable {
    /// Every node and edge.
    case whole
    /// The nodes within `depth` steps of the one node `name` names, following edges `direction`.
    case focus(String, depth: Int, direction: DiagramSelection.Direction)
    /// The union of the simple paths from `from` to `to` of at most `maxLength` edges: `Drawing.pathLimit` of them,
    /// chosen by evidence (`Drawing.firmest`).
    case paths(from: String, to: String, maxLength: Int, limits: SearchLimits, via: [String] = [], avoid: [String] = [])
}

/// The graph to draw and the selection of it, for `render` and `paths --render`.
public struct Drawing: Sendable {
    /// The most nodes drawn from an imported network, whole or by any selection; curated graphs have no bound (docs/decisions.md).
    public static let largestNetworkDrawing = 1_500
    /// The most paths a drawing of paths shows, the firmest evidence first, then the shortest.
    public static let pathLimit = 50

    /// How the paths of a drawing were chosen, for its caption.
    public enum PathChoice: Sendable, Equatable {
        /// The engine's: the shortest (the paths `paths` printed).
        case shortest
        /// By the verdict's evidence tiers: the firmest first, then the shortest (`firmest`).
        case firmest
    }

    /// Why a drawing cannot be made.
    public enum Failure: Error, Sendable, Equatable {
        /// A whole imported network of more than `largestNetworkDrawing` nodes.
        case networkTooLarge(nodes: Int)
        /// A selection of an imported network that would draw more than `largestNetworkDrawing` nodes.
        case selectionTooLarge(nodes: Int)
        /// A node name that does not resolve.
        case node(NodeSelector.ResolutionError)
        /// A focus name that names `count` nodes, not one.
        case focusNotOne(String, count: Int)
        /// The path search could not run.
        case query(PathEngine.QueryError)
    }

    public var graph: Graph
    public var selection: DiagramSelection
    /// The search's result, for a drawing of paths; `partial` when it stopped early.
    public var paths: PathReport?
    /// What the caption and path table say of the paths, for a drawing of paths.
    var outline: PathOutline?

    /// Selects what `scope` draws of `network` (titled `title` when it is an imported network), leaving out
    /// edges `filter` excludes; a whole imported network above `largestNetworkDrawing` nodes is refused. `observer` is told
    /// of a path search's steps.
    public init(
        _ scope: DrawingScope, of network: Network, title: String, filter: ContextFilter, observer: (any SearchObserver)? = nil
    ) throws(Failure) {
        switch scope {
        case .whole:
            if network.graph == nil, network.nodeCount > Self.largestNetworkDrawing { throw .networkTooLarge(nodes: network.nodeCount) }
            let graph = network.drawingGraph(title: title)
            self.init(graph: network.labelled(graph), selection: DiagramSelection.whole(graph, filter: filter))
        case let .focus(name, depth, direction):
            let nodes: [NodeIndex]
            do {
                nodes = try NodeSelector.resolve(name, in: network)
            } catch {
                throw .node(error)
            }
            guard nodes.count == 1 else { throw .focusNotOne(name, count: nodes.count) }
            let graph = network.drawingGraph(title: title)
            let selection = DiagramSelection.neighbourhood(
                of: network.node(nodes[0]).id, depth: depth, direction: direction, in: graph, filter: filter)
            self.init(graph: network.labelled(graph), selection: selection)
        case let .paths(from, to, maxLength, limits, via, avoid):
            let sources: [NodeIndex]
            let targets: [NodeIndex]
            var through: [NodeIndex] = []
            var avoided: [NodeIndex] = []
            do {
                sources = try NodeSelector.resolve(from, in: network)
                targets = try NodeSelector.resolve(to, in: network)
                for name in via { through += try NodeSelector.resolve(name, in: network) }
                for name in avoid { avoided += try NodeSelector.resolve(name, in: network) }
            } catch {
                throw .node(error)
            }
            var query = PathQuery(
                sources: sources, targets: targets, maxLength: maxLength, via: through.isEmpty ? nil : through, avoid: avoided,
                traversal: TraversalOptions(filter: filter))
            limits.apply(to: &query)
            var report: PathReport
            do {
                let engine = PathEngine(network: network)
                engine.observer = observer
                report = try engine.paths(query, limit: Self.pathLimit)
                // The verdict as `paths` states it: tiered, after the feedback analysis, with its headline mechanism.
                try engine.assess(query, &report)
                try engine.assessFeedback(query, report: &report)
                report = try Self.firmest(report, query: query, engine: engine, limit: Self.pathLimit)
                if let headline = report.assessment?.headline, !report.paths.contains(headline) {
                    report.paths = [headline] + report.paths.prefix(Self.pathLimit - 1)
                }
            } catch {
                throw .query(error)
            }
            self.init(paths: report, query: query, names: (from, to), network: network, title: title, choice: .firmest)
        }
    }

    private init(graph: Graph, selection: DiagramSelection) {
        self.graph = graph
        self.selection = selection
    }

    /// The paths of `report` (for an imported network, drawn on only their edges and ends), numbered in the order of
    /// evidence (the assessment's headline mechanism first, then the firmest tier, then the shortest, then the report's
    /// order), captioned with its counts and
    /// verdict (the tiered one when assessed); `names` are the ends as the user wrote them, `choice` how the paths were picked.
    public init(
        paths report: PathReport, query: PathQuery, names: (from: String, to: String), network: Network, title: String = "",
        choice: PathChoice = .shortest
    ) {
        let rules = VerdictRules(network: network, places: [])
        let headline = report.assessment?.headline
        let ordered = report.paths.enumerated().sorted { a, b in
            if headline != nil, (a.element == headline) != (b.element == headline) { return a.element == headline }
            let (ta, tb) = (rules.tier(of: a.element), rules.tier(of: b.element))
            if ta != tb { return ta < tb }
            return a.element.length != b.element.length ? a.element.length < b.element.length : a.offset < b.offset
        }.map(\.element)
        let used = Array(Set(report.paths.flatMap(\.edges))).sorted()
        let graph =
            network.graph ?? network.labelled(network.drawingGraph(title: title, edges: used, nodes: query.sources + query.targets), edges: used)
        let position = network.graph == nil ? Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) }) : nil
        let drawn = ordered.map { path in
            DiagramSelection.Path(edges: path.edges.map { position?[$0] ?? Int($0.rawValue) }, sign: path.sign)
        }
        let name = { (nodes: [NodeIndex], text: String) -> String in
            nodes.count == 1 ? (graph.node(network.node(nodes[0]).id)?.displayLabel ?? text) : text
        }
        let counts = report.counts
        let filter = query.traversal.filter
        var caption =
            "Paths from \(name(query.sources, names.from)) to \(name(query.targets, names.to))"
            + (query.via.map { " through " + $0.map { graph.node(network.node($0).id)?.displayLabel ?? network.node($0).id }.joined(separator: " or ") } ?? "")
            + (query.avoid.isEmpty
                ? "" : ", avoiding " + query.avoid.map { graph.node(network.node($0).id)?.displayLabel ?? network.node($0).id }.joined(separator: ", "))
            + ", at most \(query.maxLength) steps: "
        if counts.total == 0 {
            caption += report.partial ? "none found" : "none"
        } else {
            caption += "\(counts.total) (\(counts.positive) +, \(counts.negative) -, \(counts.unknown) ?), verdict \(report.tieredFinding.rawValue)"
            if !report.partial, let certainty = report.assessment?.certainty { caption += ", \(certainty.rawValue)" }
        }
        let outline = PathOutline(
            caption: caption, total: counts.total, partial: report.partial, choice: choice,
            headline: headline.map(report.paths.contains) ?? false, names: names,
            filter: filter.isEmpty ? [] : ["Where " + filter.required.keys.sorted().map { "\($0)=\(filter.required[$0]!)" }.joined(separator: ", ")])
        let ends = (query.sources + query.targets).map { network.node($0).id }
        var selection = DiagramSelection.paths(drawn, ends: ends, in: graph, captions: outline.captions(drawn: drawn.count))
        selection.pathsNote = outline.note(drawn: drawn.count)
        self.init(graph: graph, selection: selection)
        paths = report
        self.outline = outline
    }

    /// How many paths this drawing draws (0 for a drawing of no paths).
    public var drawnPaths: Int { selection.pathCount }

    /// This drawing with only its first `count` paths (the firmest evidence first), its caption and path table saying
    /// how many of how many are drawn, for a path figure fitted to a slide (docs/rendering.md, "Path figures"). As it
    /// is for a drawing of no paths or a `count` of all of them.
    public func firstPaths(_ count: Int) -> Drawing {
        guard let outline, count >= 1, count < selection.pathCount else { return self }
        var copy = self
        var selection = DiagramSelection.paths(
            Array(self.selection.paths.prefix(count)), ends: self.selection.highlighted, in: graph,
            captions: outline.captions(drawn: count, fitted: true))
        selection.pathsNote = outline.note(drawn: count)
        copy.selection = selection
        return copy
    }

    /// What a path figure's caption and table say of the paths: the search's counts and verdict, and how the drawn
    /// ones were chosen.
    struct PathOutline: Sendable {
        /// The first caption line up to the counts and verdict.
        var caption: String
        var total: Int
        var partial: Bool
        var choice: PathChoice
        /// Whether the assessment's headline mechanism is drawn first.
        var headline: Bool
        var names: (from: String, to: String)
        /// The `--where` line, if any.
        var filter: [String]

        /// The caption lines when `drawn` paths are drawn; `fitted`: as many as fit a slide.
        func captions(drawn: Int, fitted: Bool = false) -> [String] {
            var caption = self.caption
            if total > drawn {
                let note =
                    switch (partial, choice) {
                    case (true, _): "; \(drawn) drawn"
                    case (false, .shortest): "; the \(drawn) shortest drawn"
                    case (false, .firmest): "; \(drawn) drawn, " + firmest
                    }
                caption += note + (fitted ? ", as many as fit a slide (--all-paths: all)" : "")
            }
            if partial { caption += "; the search stopped early: counts are lower bounds, the verdict undetermined" }
            return [caption] + filter
        }

        /// How a firmest-first drawing orders its paths.
        var firmest: String { headline ? "the headline mechanism first, then the firmest evidence" : "the firmest evidence first" }

        /// The path table's line when fewer than all the paths are drawn: how many of how many, and which command
        /// lists them all; `nil` when every path is drawn.
        func note(drawn: Int) -> String? {
            guard total > drawn else { return nil }
            let order =
                switch (partial, choice) {
                case (true, _): "the search stopped early"
                case (false, .shortest): "the shortest"
                case (false, .firmest): firmest
                }
            let of = partial ? "\(Plural.count(drawn, "path")) drawn" : "\(drawn) of \(total) paths drawn"
            return "\(of), \(order); pharmgraph paths \(names.from) \(names.to) --limit\u{00A0}0 lists every one"
        }
    }

    /// `report` with at most `limit` of its query's paths: those of the firmest evidence tier (their weakest certainty) first,
    /// then the shortest, then in the engine's order (docs/rendering.md, "Path figures"). One search per tier with paths
    /// left to choose, each capped at that tier's certainty (`TraversalOptions.ceiling`); the counts and assessment stay.
    public static func firmest(_ report: PathReport, query: PathQuery, engine: PathEngine, limit: Int) throws(PathEngine.QueryError)
        -> PathReport
    {
        // Every path kept, or a search that stopped early: nothing to choose among.
        guard report.paths.count < report.counts.total, !report.partial else { return report }
        let rules = VerdictRules(network: engine.network, places: [])
        var chosen: [NetworkPath] = []
        for level in VerdictRules.levels(of: engine.network) where chosen.count < limit {
            var capped = query
            capped.traversal.ceiling = level
            let found = try engine.paths(capped, limit: limit)
            chosen += found.paths.filter { rules.tier(of: $0) == level }
            if found.partial { break }
        }
        var out = report
        out.paths = Array(chosen.prefix(limit))
        return out
    }

    /// Throws `selectionTooLarge` when this drawing of an imported network has more than `largestNetworkDrawing` nodes.
    public func checkSize(of network: Network) throws(Failure) {
        guard network.graph == nil, selection.nodes.count > Self.largestNetworkDrawing else { return }
        throw .selectionTooLarge(nodes: selection.nodes.count)
    }
}
