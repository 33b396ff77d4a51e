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

    /// `dot`, or the same candidate with some end labels floated (`floated`, given `DiagramOptions.floatingLabels`)
    /// when `dot`'s edge labels overlap (`measure`: its layout report's `LabelFit`; `nil` for a layout it cannot read):
    /// as `xlabel`s, first only the edges whose end labels collide, then every edge; then inlined as the edges' `label`s
    /// (laid out by dot, so they take room), the colliding edges, then every edge. Of those with no more crossings and a
    /// smallest label no smaller than `dot`'s or than `minimumLabel` (a figure that fits a slide keeps fitting it), the
    /// one with the fewest label overlaps, if fewer than `dot`'s, the first on a tie (docs/rendering.md, "Edge labels").
    /// Nothing more is made or laid out when `dot`'s labels do not overlap, nor once a candidate has none.
    public static func settled<Failure: Error>(
        _ dot: String, floated: (DiagramOptions.LabelFloat) -> String, measure: (String) throws(Failure) -> LabelFit?
    ) throws(Failure) -> String {
        guard let fit = try measure(dot), fit.labelOverlaps > 0 else { return dot }
        var best = (dot: dot, overlaps: fit.labelOverlaps)
        var tried: Set<String> = [dot]
        let floats: [DiagramOptions.LabelFloat] = [.edges(fit.edges), .all, .inlineEdges(fit.edges), .inlineAll]
        for float in floats where best.overlaps > 0 {
            let other = floated(float)
            guard tried.insert(other).inserted, let otherFit = try measure(other) else { continue }
            if otherFit.labelOverlaps < best.overlaps && otherFit.crossings <= fit.crossings
                && otherFit.smallestLabel >= min(fit.smallestLabel, minimumLabel) - labelTolerance
            {
                best = (other, otherFit.labelOverlaps)
            }
        }
        return best.dot
    }

    /// What a slide candidate needs of `report`: its smallest label on a 16:9 slide (0 for none measured) and its crossings.
    public static func slideFit(_ report: LayoutReport) -> (smallestLabel: Double, crossings: Int) {
        (report.pages.first { $0.name == LayoutReport.Page.slide.name }?.smallestLabel ?? 0, report.crossings)
    }

    /// The DOT `make` gives for the candidate `best` chooses: `preferred` first, then the other direction, each with
    /// every width of `rankWidths`, laid out and measured by `measure` (`slideFit` of its layout report; `nil` for a
    /// layout it cannot read: never chosen unless nothing else is). When the best of that round crosses, or does not reach `minimumLabel`, a second round
    /// packs the same candidates closer (`DiagramOptions.packed`), and when the best of both still does, a third also
    /// splits the layers by structure (`DiagramOptions.chained`); the best of all is drawn, the earlier round on a tie
    /// (docs/rendering.md, "Size").
    public static func fitted<Failure: Error>(
        preferred: DiagramOptions.RankDirection, make: (DiagramOptions.RankDirection, Int?, Round) -> String,
        measure: (String) throws(Failure) -> (smallestLabel: Double, crossings: Int)?
    ) throws(Failure) -> String {
        try fit(preferred: preferred, make: make, measure: measure).dot
    }

    /// `fitted`'s DOT with the candidate it chose, as measured.
    public static func fit<Failure: Error>(
        preferred: DiagramOptions.RankDirection, make: (DiagramOptions.RankDirection, Int?, Round) -> String,
        measure: (String) throws(Failure) -> (smallestLabel: Double, crossings: Int)?
    ) throws(Failure) -> (dot: String, candidate: Candidate) {
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
        return tried[best(tried.map(\.candidate)) ?? 0]
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
