/// The measurements of the layout report on a laid-out drawing (docs/rendering.md, "Layout report").
enum LayoutGeometry {
    /// Node boxes must share more than this (points) in both directions to overlap: Graphviz rounds to 0.01.
    static let overlapTolerance = 0.01
    /// Each cubic Bézier piece of an edge becomes this many straight segments.
    static let segmentsPerCurve = 16
    /// Intersections of two edges closer than this (points) are one.
    static let samePoint = 0.5
    /// Intersections of two edges within this distance (points) of each other along both edges are one
    /// contact, where the edges run together: a crossing only when they meet an odd number of times there.
    static let contactGap = 20.0
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

    /// The crossings of two edges (docs/rendering.md, "Layout report"): their polylines' meeting points,
    /// leaving out those within `endpointMargin` of a node both edges end at and counting those closer
    /// than `samePoint` once, grouped into contacts (`contactGap`); a contact with an odd number of
    /// meeting points is one crossing (the edges leave it on swapped sides), with an even number none.
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
        var crossings = 0
        var run = 0
        for (k, meeting) in meetings.enumerated() {
            run += 1
            let next = k + 1 < meetings.count ? meetings[k + 1] : nil
            if let next, next.alongA - meeting.alongA <= contactGap, abs(next.alongB - meeting.alongB) <= contactGap { continue }
            crossings += run % 2
            run = 0
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
