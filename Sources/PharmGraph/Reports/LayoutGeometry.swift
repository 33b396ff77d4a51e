/// The measurements of the layout report on a laid-out drawing (docs/rendering.md, "Layout report").
enum LayoutGeometry {
    /// Node boxes must share more than this (points) in both directions to overlap: Graphviz rounds to 0.01.
    static let overlapTolerance = 0.01
    /// Each cubic Bézier piece of an edge becomes this many straight segments.
    static let segmentsPerCurve = 16
    /// Intersections of two edges closer than this (points) are one.
    static let samePoint = 0.5
    /// Intersections of two edges within this distance (points) of each other along both edges, or between
    /// which the edges stay within `closeness` of each other, are one contact, where the edges run together.
    static let contactGap = 20.0
    static let closeness = 2.0
    /// A contact is a crossing when the points this far (points) before and after it along one edge lie on
    /// opposite sides of the other.
    static let probe = 5.0
    /// An intersection within this distance (points) of the box of a node both edges end at is not a crossing.
    static let endpointMargin = 10.0
    /// Positions along the flow closer than this (points) are the same rank.
    static let sameRank = 0.5

    /// The pairs of nodes whose boxes overlap, each pair in node order.
    static func overlaps(_ nodes: [LaidOutGraph.Node]) -> [(Int, Int)] {
        let order = nodes.indices.sorted { nodes[$0].box.minX < nodes[$1].box.minX }
        var pairs: [(Int, Int)] = []
        for (k, a) in order.enumerated() {
            for b in order[(k + 1)...] {
                if nodes[b].box.minX >= nodes[a].box.maxX { break }
                if nodes[a].box.overlaps(nodes[b].box, tolerance: overlapTolerance) { pairs.append((min(a, b), max(a, b))) }
            }
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// Label boxes must share more than this (points) in both directions to overlap: a text line's box is only
    /// an estimate of its ink (`LaidOutGraph.descent`).
    static let labelTolerance = 1.0

    /// The lines of `edges`' labels that overlap another edge label's line (not of the same draw list of the same
    /// edge: a label's own lines are stacked) or a node of `nodes`' box, in edge order, then line order; with each, the
    /// indices into `edges` of the edges whose head or tail label (not their label or xlabel) is in it.
    static func labelOverlaps(_ edges: [LaidOutGraph.Edge], nodes: [LaidOutGraph.Node]) -> [(overlap: LayoutReport.LabelOverlap, ends: [Int])] {
        let lines = edges.enumerated().flatMap { index, edge in edge.labels.map { (edge: index, line: $0) } }
        let atEnd = { (line: (edge: Int, line: LaidOutGraph.LabelLine)) in line.line.part > 0 ? [line.edge] : [] }
        var found: [(overlap: LayoutReport.LabelOverlap, ends: [Int])] = []
        for (k, a) in lines.enumerated() {
            for b in lines[(k + 1)...] where !(a.edge == b.edge && a.line.part == b.line.part) {
                if a.line.box.overlaps(b.line.box, tolerance: labelTolerance) {
                    found.append((LayoutReport.LabelOverlap(label: a.line.text, other: b.line.text, node: false), atEnd(a) + atEnd(b)))
                }
            }
            for node in nodes where a.line.box.overlaps(node.box, tolerance: labelTolerance) {
                found.append((LayoutReport.LabelOverlap(label: a.line.text, other: node.name, node: true), atEnd(a)))
            }
        }
        return found
    }

    /// A straight piece of a flattened edge.
    struct Segment {
        var from: LayoutPoint
        var to: LayoutPoint
        var box: LayoutBox
        /// The length of the polyline before this segment.
        var start: Double
        var length: Double
    }

    /// An edge as the polylines that approximate its splines, with its ends.
    struct Polyline {
        var tail: Int
        var head: Int
        var segments: [Segment]
        var box: LayoutBox
    }

    /// The point of a cubic Bézier piece at `t`.
    static func bezier(_ p: ArraySlice<LayoutPoint>, _ t: Double) -> LayoutPoint {
        let s = 1 - t
        let (a, b, c, d) = (s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t)
        let i = p.startIndex
        return LayoutPoint(
            x: a * p[i].x + b * p[i + 1].x + c * p[i + 2].x + d * p[i + 3].x,
            y: a * p[i].y + b * p[i + 1].y + c * p[i + 2].y + d * p[i + 3].y)
    }

    /// A spline flattened: the tail's arrow tip, `segmentsPerCurve` points per Bézier piece, the head's arrow tip.
    static func flatten(_ spline: LaidOutGraph.Spline) -> [LayoutPoint] {
        var points = spline.start.map { [$0] } ?? []
        points.append(spline.points[0])
        for piece in stride(from: 0, to: spline.points.count - 1, by: 3) {
            let controls = spline.points[piece..<(piece + 4)]
            for step in 1...segmentsPerCurve { points.append(bezier(controls, Double(step) / Double(segmentsPerCurve))) }
        }
        if let end = spline.end { points.append(end) }
        return points
    }

    static func polyline(_ edge: LaidOutGraph.Edge) -> Polyline? {
        var segments: [Segment] = []
        var length = 0.0
        for spline in edge.splines {
            let points = flatten(spline)
            for (from, to) in zip(points, points.dropFirst()) where from != to {
                let piece = ((to.x - from.x) * (to.x - from.x) + (to.y - from.y) * (to.y - from.y)).squareRoot()
                segments.append(Segment(from: from, to: to, box: LayoutBox(around: [from, to])!, start: length, length: piece))
                length += piece
            }
        }
        guard let box = segments.map(\.box).reduce(nil, { union, box in union.map { $0.union(box) } ?? box }) else { return nil }
        return Polyline(tail: edge.tail, head: edge.head, segments: segments, box: box)
    }

    /// Where two segments meet (ends included): the point and its distance along each polyline; parallel segments never meet.
    static func intersection(_ a: Segment, _ b: Segment) -> (point: LayoutPoint, alongA: Double, alongB: Double)? {
        let r = LayoutPoint(x: a.to.x - a.from.x, y: a.to.y - a.from.y)
        let u = LayoutPoint(x: b.to.x - b.from.x, y: b.to.y - b.from.y)
        let denominator = r.x * u.y - r.y * u.x
        guard abs(denominator) > 1e-12 else { return nil }
        let q = LayoutPoint(x: b.from.x - a.from.x, y: b.from.y - a.from.y)
        let s = (q.x * u.y - q.y * u.x) / denominator
        let t = (q.x * r.y - q.y * r.x) / denominator
        let slack = 1e-9
        guard s >= -slack, s <= 1 + slack, t >= -slack, t <= 1 + slack else { return nil }
        return (LayoutPoint(x: a.from.x + s * r.x, y: a.from.y + s * r.y), a.start + s * a.length, b.start + t * b.length)
    }

    /// The point `distance` along the polyline, clamped to its ends.
    static func point(_ line: Polyline, at distance: Double) -> LayoutPoint {
        let index = max(0, (line.segments.lastIndex { $0.start <= distance }) ?? 0)
        let segment = line.segments[index]
        let s = segment.length > 0 ? min(1, max(0, (distance - segment.start) / segment.length)) : 0
        return LayoutPoint(x: segment.from.x + s * (segment.to.x - segment.from.x), y: segment.from.y + s * (segment.to.y - segment.from.y))
    }

    /// The distance from `point` to the polyline, and on which side of its nearest segment the point lies
    /// (`true` left, `false` right).
    static func side(of point: LayoutPoint, from line: Polyline) -> (distance: Double, left: Bool) {
        var best = (distance: Double.infinity, left: false)
        for segment in line.segments {
            let (dx, dy) = (segment.to.x - segment.from.x, segment.to.y - segment.from.y)
            let (px, py) = (point.x - segment.from.x, point.y - segment.from.y)
            let t = segment.length > 0 ? min(1, max(0, (px * dx + py * dy) / (segment.length * segment.length))) : 0
            let distance = ((px - t * dx) * (px - t * dx) + (py - t * dy) * (py - t * dy)).squareRoot()
            if distance < best.distance { best = (distance, dx * py - dy * px > 0) }
        }
        return best
    }

    /// The crossings of two edges (docs/rendering.md, "Layout report"): their polylines' meeting points,
    /// leaving out those within `endpointMargin` of a node both edges end at and counting those closer
    /// than `samePoint` once, are grouped into contacts (`contactGap`, `closeness`); a contact is one
    /// crossing when the first edge comes into it on one side of the second and leaves on the other.
    static func crossings(_ a: Polyline, _ b: Polyline, nodes: [LaidOutGraph.Node]) -> Int {
        let shared = Set([a.tail, a.head]).intersection([b.tail, b.head]).sorted().map { nodes[$0].box }
        var meetings: [(point: LayoutPoint, alongA: Double, alongB: Double)] = []
        for first in a.segments where first.box.meets(b.box) {
            for second in b.segments where first.box.meets(second.box) {
                guard let meeting = intersection(first, second),
                    !shared.contains(where: { $0.contains(meeting.point, margin: endpointMargin) }),
                    !meetings.contains(where: { abs($0.point.x - meeting.point.x) < samePoint && abs($0.point.y - meeting.point.y) < samePoint })
                else { continue }
                meetings.append(meeting)
            }
        }
        meetings.sort { $0.alongA < $1.alongA }
        /// Whether the first edge stays within `closeness` of the second between two distances along it.
        func together(_ from: Double, _ to: Double) -> Bool {
            [0.25, 0.5, 0.75].allSatisfy { side(of: point(a, at: from + $0 * (to - from)), from: b).distance <= closeness }
        }
        var crossings = 0
        var first = 0
        for (k, meeting) in meetings.enumerated() {
            if k + 1 < meetings.count {
                let next = meetings[k + 1]
                let near = next.alongA - meeting.alongA <= contactGap && abs(next.alongB - meeting.alongB) <= contactGap
                if near || together(meeting.alongA, next.alongA) { continue }
            }
            let before = side(of: point(a, at: meetings[first].alongA - probe), from: b)
            let after = side(of: point(a, at: meeting.alongA + probe), from: b)
            if before.distance > samePoint / 10, after.distance > samePoint / 10, before.left != after.left { crossings += 1 }
            first = k + 1
        }
        return crossings
    }

    /// The crossings of every pair of edges.
    static func crossings(_ edges: [Polyline], nodes: [LaidOutGraph.Node]) -> Int {
        let order = edges.indices.sorted { edges[$0].box.minX < edges[$1].box.minX }
        var total = 0
        for (k, a) in order.enumerated() {
            for b in order[(k + 1)...] {
                if edges[b].box.minX > edges[a].box.maxX { break }
                if edges[a].box.meets(edges[b].box) { total += crossings(edges[a], edges[b], nodes: nodes) }
            }
        }
        return total
    }

    /// A node's position along the flow: larger is later (lower in TB, further right in LR).
    static func flow(_ point: LayoutPoint, rankDirection: String) -> Double {
        switch rankDirection {
        case "LR": point.x
        case "RL": -point.x
        case "BT": point.y
        default: -point.y
        }
    }
}
