/// The choice of a slide figure's rank direction and rank width (docs/rendering.md, "Size"): each candidate is laid
/// out and measured by `LayoutReport`; the smallest label on a 16:9 slide must reach `minimumLabel`, and among the
/// candidates that reach it the fewest edge crossings win.
public enum DiagramFit {
    /// One layout tried: its rank direction and rank width, and what `LayoutReport` measured of it.
    public struct Candidate: Sendable, Equatable {
        public var rankDirection: DiagramOptions.RankDirection
        public var rankWidth: Int?
        /// The smallest label on a 16:9 slide, in points (0 for none measured).
        public var smallestLabel: Double
        public var crossings: Int
        /// Laid out with nodes and ranks closer (`DiagramOptions.packed`).
        public var packed: Bool
        /// The round it was laid out in.
        public var round: Round = .plain

        public init(
            rankDirection: DiagramOptions.RankDirection, rankWidth: Int?, smallestLabel: Double, crossings: Int, packed: Bool = false,
            round: Round = .plain
        ) {
            self.rankDirection = rankDirection
            self.rankWidth = rankWidth
            self.smallestLabel = smallestLabel
            self.crossings = crossings
            self.packed = packed
            self.round = round
        }
    }

    /// A round of candidates: as drawn by default, packed (`DiagramOptions.packed`), then packed with the layers split
    /// by structure (`DiagramOptions.chained`), then packed with a path figure's labels wrapped narrower
    /// (`DiagramOptions.narrowLabels`; the same figure as `packed` for any other, so not laid out again).
    public enum Round: String, Sendable, CaseIterable {
        case plain
        case packed
        case chained
        case narrow
    }

    /// The node separation, in inches, of a packed candidate (`DiagramOptions.packed`; by default 0.25, or 0.1 for
    /// panels left to right).
    public static let packedNodeSeparation = "0.06"

    /// The rank separation, in inches, of a packed candidate (by default 0.45).
    public static let packedRankSeparation = "0.3"

    /// What settling a slide figure's edge labels needs of a layout report.
    public struct LabelFit: Sendable, Equatable {
        /// On a 16:9 slide, in points (0 for none measured).
        public var smallestLabel: Double
        public var crossings: Int
        public var labelOverlaps: Int
        /// `LayoutReport.endLabelOverlapEdges`.
        public var edges: Set<DiagramOptions.EdgeEnds>

        public init(smallestLabel: Double, crossings: Int, labelOverlaps: Int, edges: Set<DiagramOptions.EdgeEnds> = []) {
            (self.smallestLabel, self.crossings, self.labelOverlaps, self.edges) = (smallestLabel, crossings, labelOverlaps, edges)
        }

        /// What `report` measured.
        public init(_ report: LayoutReport) {
            let fit = slideFit(report)
            self.init(
                smallestLabel: fit.smallestLabel, crossings: fit.crossings, labelOverlaps: report.labelOverlaps.count,
                edges: report.endLabelOverlapEdges)
        }
    }

    /// `dot`, or the same candidate with some end labels flipped, floated or inlined (`floated`, given
    /// `DiagramOptions.floatingLabels`) when `dot`'s edge labels overlap: `settled(_:measure:)` of this one candidate.
    public static func settled<Failure: Error>(
        _ dot: String, floated: (DiagramOptions.LabelFloat) -> String, measure: (String) throws(Failure) -> LabelFit?
    ) throws(Failure) -> String {
        try settled([dot], floated: { floated($1) }, measure: measure)
    }

    /// The first of `candidates` (the DOT of the chosen layout; `floated(i, float)`: candidate `i`'s DOT with some end
    /// labels floated), or a layout with fewer edge label overlaps (`measure`: a layout
    /// report's `LabelFit`; `nil` for a layout it cannot read): for each candidate in order (the chosen one, then the
    /// `alternates`), the candidate as it is (except the first), then the colliding edges' end labels on the other side
    /// of their edges, then its labels floated as `xlabel`s, first only the
    /// edges whose end labels collide, then every edge, then, when the first fits a slide, inlined as the edges'
    /// `label`s (laid out by dot, so they take room), the colliding edges, then every edge. Of those with no more crossings than the first and a smallest
    /// label no smaller than the first's or than `minimumLabel` (a figure that fits a slide keeps fitting it), the one
    /// with the fewest label overlaps, if fewer than the first's, the earliest on a tie (docs/rendering.md, "Edge
    /// labels"). Nothing more is made or laid out when the first's labels do not overlap, nor once a layout has none.
    public static func settled<Failure: Error>(
        _ candidates: [String], floated: (Int, DiagramOptions.LabelFloat) -> String, measure: (String) throws(Failure) -> LabelFit?
    ) throws(Failure) -> String {
        guard let first = candidates.first else { return "" }
        guard let fit = try measure(first), fit.labelOverlaps > 0 else { return first }
        var best = (dot: first, overlaps: fit.labelOverlaps)
        var tried: Set<String> = [first]
        // A figure that fits a slide keeps fitting it; one that does not keeps its label, to Graphviz's rounding.
        let floor = fit.smallestLabel >= minimumLabel ? minimumLabel : fit.smallestLabel - labelTolerance
        func consider(_ dot: String) throws(Failure) -> LabelFit? {
            guard tried.insert(dot).inserted, let other = try measure(dot) else { return nil }
            if other.labelOverlaps < best.overlaps && other.crossings <= fit.crossings && other.smallestLabel >= floor {
                best = (dot, other.labelOverlaps)
            }
            return other
        }
        for (i, candidate) in candidates.enumerated() where best.overlaps > 0 {
            var colliding = fit.edges
            if i > 0 {
                guard let own = try consider(candidate), own.labelOverlaps > 0 else { continue }
                colliding = own.edges
            }
            // Inlined labels take room: only for a figure that fits a slide, which they must keep fitting.
            let inline: [DiagramOptions.LabelFloat] = fit.smallestLabel >= minimumLabel ? [.inlineEdges(colliding), .inlineAll] : []
            let floats: [DiagramOptions.LabelFloat] = [.flipEdges(colliding), .edges(colliding), .all] + inline
            for float in floats where best.overlaps > 0 { _ = try consider(floated(i, float)) }
        }
        return best.dot
    }

    /// What a slide candidate needs of `report`: its smallest label on a 16:9 slide (0 for none measured) and its crossings.
    public static func slideFit(_ report: LayoutReport) -> (smallestLabel: Double, crossings: Int) {
        (report.pages.first { $0.name == LayoutReport.Page.slide.name }?.smallestLabel ?? 0, report.crossings)
    }

    /// Every candidate laid out for a slide figure, the one `best` chooses first (the one drawn), then its
    /// `alternates`, best first: `preferred` first, then the other direction, each with
    /// every width of `rankWidths`, laid out and measured by `measure` (`slideFit` of its layout report; `nil` for a
    /// layout it cannot read: never chosen unless nothing else is). When the best of that round crosses, or does not reach `minimumLabel`, a second round
    /// packs the same candidates closer (`DiagramOptions.packed`), and when the best of both still does, a third also
    /// splits the layers by structure (`DiagramOptions.chained`); the best of all is drawn, the earlier round on a tie
    /// (docs/rendering.md, "Size").
    public static func fits<Failure: Error>(
        preferred: DiagramOptions.RankDirection, make: (DiagramOptions.RankDirection, Int?, Round) -> String,
        measure: (String) throws(Failure) -> (smallestLabel: Double, crossings: Int)?
    ) throws(Failure) -> [(dot: String, candidate: Candidate)] {
        var tried: [(dot: String, candidate: Candidate)] = []
        for round in Round.allCases {
            if round != .plain, let chosen = best(tried.map(\.candidate)),
                tried[chosen].candidate.crossings == 0 && tried[chosen].candidate.smallestLabel >= minimumLabel
            {
                break
            }
            for direction in [preferred] + DiagramOptions.RankDirection.allCases.filter({ $0 != preferred }) {
                for width in rankWidths {
                    let dot = make(direction, width, round)
                    // A bound no row reaches draws the same figure.
                    guard !tried.contains(where: { $0.dot == dot }) else { continue }
                    let fit = try measure(dot)
                    tried.append(
                        (
                            dot,
                            Candidate(
                                rankDirection: direction, rankWidth: width, smallestLabel: fit?.smallestLabel ?? 0,
                                crossings: fit?.crossings ?? Int.max, packed: round != .plain, round: round)
                        ))
                }
            }
        }
        let chosen = best(tried.map(\.candidate)) ?? 0
        return [tried[chosen]] + alternates(to: chosen, among: tried.map(\.candidate)).map { tried[$0] }
    }

    /// The indices of the `candidates` that may be drawn instead of the `chosen` one for fewer edge label overlaps
    /// (`settled`): when it fits a slide (its smallest label reaches `minimumLabel`), those that fit too and cross no
    /// more, the fewest crossings first, then the largest label, then the earliest; none when it does not fit.
    public static func alternates(to chosen: Int, among candidates: [Candidate]) -> [Int] {
        guard candidates.indices.contains(chosen), candidates[chosen].smallestLabel >= minimumLabel else { return [] }
        let crossings = candidates[chosen].crossings
        return candidates.indices.filter {
            $0 != chosen && candidates[$0].crossings <= crossings && candidates[$0].smallestLabel >= minimumLabel
        }
        .sorted { a, b in
            let (x, y) = (candidates[a], candidates[b])
            return x.crossings != y.crossings ? x.crossings < y.crossings : x.smallestLabel != y.smallestLabel ? x.smallestLabel > y.smallestLabel : a < b
        }
    }

    /// The rank widths tried, in order of preference: unbounded ranks first, then rows dealt over ranks of at most
    /// 6, 4, 3 or 2 nodes.
    public static let rankWidths: [Int?] = [nil, 6, 4, 3, 2]

    /// The smallest label on a slide, in points, that a figure must keep (issue 13).
    public static let minimumLabel = 8.0

    /// A hundredth of a point is Graphviz's rounding, not a better fit.
    static let labelTolerance = 0.01

    /// The index of the best of `candidates` (tried in order of preference, the first being the figure as drawn
    /// without a choice): of those whose smallest label reaches `minimumLabel`, the fewest crossings, then the largest
    /// label; when none reaches it, the largest label among those that cross no more than the first. An earlier
    /// candidate wins a tie. `nil` for no candidate.
    public static func best(_ candidates: [Candidate]) -> Int? {
        guard let first = candidates.first else { return nil }
        let fits = candidates.contains { $0.smallestLabel >= minimumLabel }
        var best = 0
        for (i, candidate) in candidates.enumerated().dropFirst() {
            let current = candidates[best]
            let larger = candidate.smallestLabel > current.smallestLabel + labelTolerance
            if fits {
                guard candidate.smallestLabel >= minimumLabel else { continue }
                let fewer = candidate.crossings < current.crossings || candidate.crossings == current.crossings && larger
                if current.smallestLabel < minimumLabel || fewer { best = i }
            } else if candidate.crossings <= first.crossings, larger {
                best = i
            }
        }
        return best
    }

    /// What the layout report measured of a figure laid out plainly or with its edges concentrated.
    public struct Measured: Sendable, Equatable {
        public var crossings: Int
        public var overlaps: Int
        /// Drawn edges Graphviz gave no route.
        public var unrouted: Int

        /// What `report` measured.
        public init(_ report: LayoutReport) {
            self.init(crossings: report.crossings, overlaps: report.overlaps.count, unrouted: report.unroutedEdges)
        }

        init(crossings: Int, overlaps: Int, unrouted: Int) {
            (self.crossings, self.overlaps, self.unrouted) = (crossings, overlaps, unrouted)
        }
    }

    /// The rank widths tried for a figure not fitted to a slide (the whole graph, a focus), each laid out plainly and
    /// concentrated (docs/rendering.md, "Layers"): unbounded ranks first, then at most 6 nodes a rank.
    public static let posterRankWidths: [Int?] = [nil, 6]

    /// The index of the layout of `candidates` drawn for a figure not fitted to a slide, the first being the plain one
    /// with unbounded ranks: of those with every edge routed (dot can lose one when it concentrates edges) and no more
    /// node overlaps than the first, the fewest crossings; an earlier candidate wins a tie. `nil` for no candidate.
    public static func fewestCrossings(_ candidates: [Measured]) -> Int? {
        guard let first = candidates.first else { return nil }
        var best = 0
        for (i, candidate) in candidates.enumerated().dropFirst()
        where candidate.unrouted == 0 && candidate.overlaps <= first.overlaps && candidate.crossings < candidates[best].crossings {
            best = i
        }
        return best
    }
}
