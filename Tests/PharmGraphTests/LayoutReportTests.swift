import Foundation
import Testing

@testable import PharmGraph

/// A hand-made laid-out graph in the shape of Graphviz's `json` output (subgraphs, then nodes, in `objects`).
private struct Layout {
    var graph: [String: Any] = ["name": "G", "bb": "0,0,400,300", "layout": "dot"]
    var subgraphs: [[String: Any]] = []
    var nodes: [[String: Any]] = []
    var edges: [[String: Any]] = []

    /// A node centred at (x, y) points, `width` × `height` points.
    @discardableResult
    mutating func node(
        _ name: String, _ x: Double, _ y: Double, width: Double = 40, height: Double = 20, kind: String? = nil,
        attributes: [String: Any] = [:]
    ) -> Int {
        var node: [String: Any] = ["name": name, "pos": "\(x),\(y)", "width": "\(width / 72)", "height": "\(height / 72)"]
        if let kind { node["class"] = "kind-\(kind)" }
        node.merge(attributes) { _, new in new }
        nodes.append(node)
        return nodes.count - 1
    }

    /// An edge from node `tail` to node `head` drawn as the B-spline `points` (3n+1 control points).
    mutating func edge(_ tail: Int, _ head: Int, spline points: [(Double, Double)], attributes: [String: Any] = [:]) {
        var edge: [String: Any] = ["tail": tail, "head": head, "pos": points.map { "\($0.0),\($0.1)" }.joined(separator: " ")]
        edge.merge(attributes) { _, new in new }
        edges.append(edge)
    }

    /// An edge drawn as a straight line (one cubic piece with its control points on the line).
    mutating func line(_ tail: Int, _ head: Int, from a: (Double, Double), to b: (Double, Double), attributes: [String: Any] = [:]) {
        let third = ((b.0 - a.0) / 3, (b.1 - a.1) / 3)
        edge(tail, head, spline: [a, (a.0 + third.0, a.1 + third.1), (a.0 + 2 * third.0, a.1 + 2 * third.1), b], attributes: attributes)
    }

    /// An edge drawn as straight pieces through `points`.
    mutating func polyline(_ tail: Int, _ head: Int, through points: [(Double, Double)]) {
        var spline = [points[0]]
        for (a, b) in zip(points, points.dropFirst()) {
            spline += [(a.0 + (b.0 - a.0) / 3, a.1 + (b.1 - a.1) / 3), (a.0 + 2 * (b.0 - a.0) / 3, a.1 + 2 * (b.1 - a.1) / 3), b]
        }
        edge(tail, head, spline: spline)
    }

    var data: Data {
        var root = graph
        let offset = subgraphs.count
        root["_subgraph_cnt"] = offset
        root["objects"] = subgraphs + nodes.enumerated().map { index, node in node.merging(["_gvid": index + offset]) { a, _ in a } }
        root["edges"] = edges.enumerated().map { index, edge in
            edge.merging(["_gvid": index, "tail": (edge["tail"] as! Int) + offset, "head": (edge["head"] as! Int) + offset]) { _, new in new }
        }
        return try! JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
    }

    func report() throws -> LayoutReport { try LayoutReport(json: data) }
}

/// Text drawing operations as Graphviz writes them in `_ldraw_`.
private func label(_ text: String, points: Double) -> [[String: Any]] {
    [["op": "F", "size": points, "face": "Helvetica"], ["op": "T", "pt": [0, 0], "align": "c", "width": 10, "text": text]]
}

@Suite("Layout report on hand-made layouts")
struct LayoutReportTests {
    @Test("node boxes that share an area overlap; touching boxes, invisible and legend nodes do not")
    func overlaps() throws {
        var layout = Layout()
        layout.node("a", 100, 100)
        layout.node("b", 130, 110)  // overlaps a by 10 × 10
        layout.node("c", 300, 100)
        layout.node("d", 340, 100)  // touches c exactly
        layout.node("anchor", 100, 100, attributes: ["style": "invis"])
        layout.node("legend:drug", 105, 100, attributes: ["class": "legend-kind"])
        let report = try layout.report()
        #expect(report.overlaps == [LayoutReport.Overlap(first: "a", second: "b")])
        #expect(report.nodeCount == 4)
    }

    @Test("nodes of the cluster_legend subgraph are the legend: left out, and its box is the legend's share")
    func legend() throws {
        var layout = Layout()
        layout.subgraphs = [["_gvid": 0, "name": "cluster_legend", "bb": "0,0,120,100", "nodes": [3, 4], "edges": [1]]]
        let a = layout.node("a", 200, 200)
        let b = layout.node("b", 300, 200)
        let sample = layout.node("legend:a", 200, 205)  // overlaps a, but is the legend's
        let sample2 = layout.node("legend:b", 60, 50)
        layout.line(a, b, from: (200, 150), to: (300, 250))
        layout.line(sample, sample2, from: (200, 250), to: (300, 150))  // crosses a → b, but is the legend's
        let report = try layout.report()
        #expect(report.overlaps.isEmpty)
        #expect(report.crossings == 0)
        #expect(report.legendShare == 120.0 * 100 / (400 * 300))
        #expect(report.nodeCount == 2 && report.edgeCount == 1)

        var bare = Layout()
        bare.node("a", 10, 10)
        #expect(try bare.report().legendShare == nil)
        #expect(try bare.report().text.contains("legend: none"))
    }

    @Test("two straight edges forming an X cross once; parallel and disjoint edges do not cross")
    func cross() throws {
        var layout = Layout()
        let (a, b, c, d) = (layout.node("a", 0, 0), layout.node("b", 200, 200), layout.node("c", 0, 200), layout.node("d", 200, 0))
        layout.line(a, b, from: (10, 10), to: (190, 190))
        layout.line(c, d, from: (10, 190), to: (190, 10))
        #expect(try layout.report().crossings == 1)

        var apart = Layout()
        let (e, f, g, h) = (apart.node("e", 0, 0), apart.node("f", 200, 0), apart.node("g", 0, 50), apart.node("h", 200, 50))
        apart.line(e, f, from: (20, 0), to: (180, 0))
        apart.line(g, h, from: (20, 50), to: (180, 50))
        apart.line(e, h, from: (20, 300), to: (180, 290))
        #expect(try apart.report().crossings == 0)
    }

    @Test("a curve crossing a straight edge twice counts twice, once per crossing point")
    func curve() throws {
        var layout = Layout()
        let (a, b, c, d) = (layout.node("a", 0, 0), layout.node("b", 300, 0), layout.node("c", -100, 20), layout.node("d", 400, 20))
        // y(t) = 900 t (1 - t) (1 - 2t): up to about 87 and back to 0 by t = 0.5, then below 0.
        layout.edge(a, b, spline: [(0, 0), (100, 300), (200, -300), (300, 0)])
        layout.line(c, d, from: (-80, 20), to: (380, 20))
        #expect(try layout.report().crossings == 2)
    }

    @Test("three edges through one point: three crossings, the point counted once per pair even at a joint")
    func concurrent() throws {
        var layout = Layout()
        let top = (0..<3).map { layout.node("t\($0)", Double($0) * 100, 200) }
        let bottom = (0..<3).map { layout.node("b\($0)", Double($0) * 100, 0) }
        // All three pass through (100, 100), the midpoint, which is also a vertex of the flattened curves.
        layout.line(top[0], bottom[2], from: (0, 190), to: (200, 10))
        layout.line(top[2], bottom[0], from: (200, 190), to: (0, 10))
        layout.line(top[1], bottom[1], from: (100, 190), to: (100, 10))
        #expect(try layout.report().crossings == 3)
    }

    @Test("edges running together meet many times: one crossing if they leave on swapped sides, none if not")
    func contact() throws {
        /// A straight edge along y = 0, and an edge coming from above that zigzags across it `meetings` times,
        /// 2.5 pt apart, then runs on `apart` pt from it on the side it is on and ends at `end`.
        func crossings(meetings: Int, end: Double, apart: Double = 10) throws -> Int {
            var layout = Layout()
            let (a, b, c, d) = (layout.node("a", 0, 0), layout.node("b", 300, 0), layout.node("c", 0, 40), layout.node("d", 300, 40))
            layout.line(a, b, from: (20, 0), to: (280, 0))
            var zigzag = [(20.0, 20.0), (100.0, 1)]
            for k in 1...meetings { zigzag.append((100 + Double(k) * 5, k % 2 == 1 ? -1 : 1)) }
            let side = meetings % 2 == 1 ? -1.0 : 1
            zigzag += [(140, side * apart), (200, side * apart), (280, end)]
            layout.polyline(c, d, through: zigzag)
            return try layout.report().crossings
        }
        #expect(try crossings(meetings: 7, end: -20) == 1)  // above, then below: one crossing
        #expect(try crossings(meetings: 6, end: 20) == 0)  // above, touching, above again: none
        #expect(try crossings(meetings: 7, end: 20) == 2)  // below after the contact, back above at x ≈ 205
        // Lying 1 pt under the line all the way from the zigzag to x ≈ 204: one contact, left above, left above.
        #expect(try crossings(meetings: 7, end: 20, apart: 1) == 0)

        var touch = Layout()
        let (a, b, c, d) = (touch.node("a", 0, 0), touch.node("b", 300, 0), touch.node("c", 0, 40), touch.node("d", 300, 40))
        touch.line(a, b, from: (20, 0), to: (280, 0))
        touch.polyline(c, d, through: [(20, 20), (150, 0), (280, 20)])  // down to the line and back up: a touch
        #expect(try touch.report().crossings == 0)
    }

    @Test("an intersection near a node both edges end at is no crossing; the same lines with other ends cross")
    func sharedEndpoint() throws {
        func layout(sharing: Bool) -> Layout {
            var layout = Layout()
            let a = layout.node("a", 50, 50, width: 40, height: 40)
            let b = layout.node("b", 210, 100)
            let c = layout.node("c", 210, 0)
            let z = layout.node("z", 30, 250)
            // The lines meet at (59.1, 50), inside a's box.
            layout.line(a, b, from: (45, 45), to: (200, 100))
            layout.line(sharing ? a : z, c, from: (45, 55), to: (200, 0))
            return layout
        }
        #expect(try layout(sharing: true).report().crossings == 0)
        #expect(try layout(sharing: false).report().crossings == 1)
    }

    @Test("invisible edges and edges without a route count in no crossing")
    func invisibleEdges() throws {
        var layout = Layout()
        let (a, b, c, d) = (layout.node("a", 0, 0), layout.node("b", 200, 200), layout.node("c", 0, 200), layout.node("d", 200, 0))
        layout.line(a, b, from: (10, 10), to: (190, 190))
        layout.line(c, d, from: (10, 190), to: (190, 10), attributes: ["style": "invis"])
        layout.edges.append(["tail": c, "head": b])
        let report = try layout.report()
        #expect(report.crossings == 0)
        #expect(report.edgeCount == 2)
        #expect(report.unroutedEdges == 1)
        #expect(report.text.contains("1 without a route"))
    }

    @Test("the smallest label, at natural size, at the requested size and on an A4 page and a slide")
    func labels() throws {
        var layout = Layout()
        layout.graph["bb"] = "0,0,720,360"  // 10 × 5 in
        layout.graph["pad"] = "0"
        layout.graph["_ldraw_"] = label("Title", points: 14)
        layout.node("a", 100, 100, attributes: ["_ldraw_": label("A", points: 11)])
        layout.node("b", 300, 100)
        layout.line(0, 1, from: (120, 100), to: (280, 100), attributes: ["_hldraw_": label("S", points: 8), "_ldraw_": label("  ", points: 5)])
        var report = try layout.report()
        #expect(report.smallestLabel == LayoutReport.Label(points: 8, text: "S"))
        #expect(report.requested == nil)
        #expect(report.pages.map(\.name) == ["A4 page", "16:9 slide"])
        #expect(abs(report.pages[0].scale - 0.827) < 1e-9)
        #expect(abs(report.pages[0].smallestLabel! - 8 * 0.827) < 1e-9)
        #expect(report.pages[1].scale == 1)

        layout.graph["size"] = "5,5"
        report = try layout.report()
        #expect(report.requested?.scale == 0.5)
        #expect(report.requested?.smallestLabel == 4)
        #expect(report.pages.map(\.scale) == [0.5, 0.5])

        layout.graph["size"] = "20,20!"
        report = try layout.report()
        #expect(report.requested?.scale == 2)
        #expect(abs(report.pages[0].scale - 0.827) < 1e-9)
        #expect(report.text.contains("requested size 20.00 × 20.00 in: scale 2.000, smallest label 16.0 pt"))

        layout.graph["size"] = "20,20"
        #expect(try layout.report().requested?.scale == 1)
    }

    @Test("the margin (pad) counts in the image's size, as Graphviz scales it")
    func pad() throws {
        var layout = Layout()
        layout.graph["bb"] = "0,0,126,186.43"
        layout.graph["pad"] = "0.25"
        layout.graph["size"] = "1,1"
        layout.node("a", 63, 165, attributes: ["_ldraw_": label("a", points: 20)])
        let report = try layout.report()
        // dot -Tsvg of this graph is 52.44 × 72 pt: the scale 72 / (186.43 + 36).
        #expect(abs(report.requested!.scale - 72 / 222.43) < 1e-9)
        #expect(abs(report.naturalWidth - 162.0 / 72) < 1e-9)
        #expect(report.aspectRatio == 126 / 186.43)
    }

    @Test("layer order: nodes not after every node of an earlier layer, pairs out of order, edges against the flow")
    func layerOrder() throws {
        var layout = Layout()
        layout.graph["rankdir"] = "TB"
        let drug = layout.node("drug", 100, 300, kind: "drug")
        let target = layout.node("target", 100, 200, kind: "receptor")
        let effect = layout.node("effect", 100, 100, kind: "effect")
        layout.node("table", 300, 300)  // no kind: not layered
        layout.line(drug, target, from: (100, 290), to: (100, 210))
        layout.line(target, effect, from: (100, 190), to: (100, 110))
        var report = try layout.report()
        #expect(report.layerOrder == LayoutReport.LayerOrder(layeredNodes: 3, against: [], pairs: 3, pairsAgainst: 0, edgesAgainstFlow: 0))

        layout.nodes[effect]["pos"] = "200,250"  // above the target: against; its edge runs up
        layout.nodes.append(layout.nodes[target].merging(["name": "mediator", "class": "kind-protein", "pos": "300,200"]) { _, new in new })
        report = try layout.report()
        #expect(report.layerOrder.against == ["effect", "mediator"])  // the mediator shares the target's rank
        #expect(report.layerOrder.pairs == 6)
        #expect(report.layerOrder.pairsAgainst == 3)  // effect–target, effect–mediator, mediator–target
        #expect(report.layerOrder.edgesAgainstFlow == 1)
        #expect(report.text.contains("layer order: 2 of 4 nodes not below every node of an earlier layer (effect, mediator)"))

        layout.graph["rankdir"] = "LR"
        report = try layout.report()
        // Along x now: the target shares the drug's column; the effect is left of the mediator.
        #expect(report.layerOrder == LayoutReport.LayerOrder(layeredNodes: 4, against: ["target", "effect"], pairs: 6, pairsAgainst: 2, edgesAgainstFlow: 0))
        #expect(report.text.contains("not right of every node"))
    }

    @Test("an edge of class layer-reversed is written head first: its ends are read swapped for the flow")
    func reversedEdge() throws {
        var layout = Layout()
        layout.graph["rankdir"] = "TB"
        let target = layout.node("target", 100, 200, kind: "receptor")
        let ligand = layout.node("ligand", 100, 100, kind: "molecule")
        // ligand activates target, drawn upwards: written `target -> ligand [dir=back]`.
        layout.line(target, ligand, from: (100, 190), to: (100, 110), attributes: ["class": "relation-activates layer-reversed", "dir": "back"])
        #expect(try layout.report().layerOrder.edgesAgainstFlow == 1)
        layout.edges[0]["class"] = "relation-activates"
        #expect(try layout.report().layerOrder.edgesAgainstFlow == 0)
    }

    @Test("each kind's layer: drugs, targets, mediators and other kinds, processes and regions, effects and conditions")
    func layers() {
        let expected: [String: Int] = [
            "drug": 0, "receptor": 1, "channel": 1, "transporter": 1, "enzyme": 1, "molecule": 2, "protein": 2, "pathway": 2,
            "gene": 2, "process": 3, "region": 3, "effect": 4, "condition": 4,
        ]
        for (kind, layer) in expected { #expect(LayoutReport.layer(ofKind: kind) == layer, "\(kind)") }
    }

    @Test("malformed layouts are typed errors with readable messages")
    func errors() {
        func error(_ data: Data) -> LayoutReport.Error? {
            do {
                _ = try LayoutReport(json: data)
                return nil
            } catch { return error }
        }
        if case .notJSON? = error(Data("digraph {}".utf8)) {} else { Issue.record("not JSON") }
        #expect(error(Data("[1, 2]".utf8)) == .notALayout("the JSON is not an object"))
        #expect(error(Data("{\"name\": \"G\"}".utf8)) == .notALayout("the graph has no 'bb': it was not laid out"))
        var layout = Layout()
        layout.node("a", 0, 0)
        layout.nodes[0]["pos"] = "1,x"
        #expect(error(layout.data) == .badAttribute(object: "a", key: "pos", value: "1,x"))
        #expect(error(layout.data)?.description == "the layout's 'a' has a bad 'pos': '1,x'")
        layout.nodes[0]["pos"] = "1,2"
        layout.edges = [["tail": 0, "head": 5, "pos": "0,0 1,1 2,2 3,3"]]
        #expect(error(layout.data) == .badAttribute(object: "edge 0", key: "head", value: "5"))
        layout.edges = [["tail": 0, "head": 0, "pos": "0,0 1,1 2,2 3,3 4,4"]]
        #expect(error(layout.data) == .badAttribute(object: "edge 0", key: "pos", value: "0,0 1,1 2,2 3,3 4,4"))
        layout.edges = []
        layout.graph["size"] = "a,b"
        #expect(error(layout.data) == .badAttribute(object: "G", key: "size", value: "a,b"))
        layout.graph["size"] = nil
        layout.graph["bb"] = "0,0,-1,5"
        #expect(error(layout.data) == .badAttribute(object: "G", key: "bb", value: "0,0,-1,5"))
    }

    @Test("the JSON document: schema, counts, nulls for what is absent")
    func json() throws {
        var layout = Layout()
        let (a, b, c, d) = (layout.node("a", 0, 0), layout.node("b", 200, 200), layout.node("c", 0, 200), layout.node("d", 200, 0))
        layout.node("e", 5, 5)
        layout.line(a, b, from: (10, 10), to: (190, 190))
        layout.line(c, d, from: (10, 190), to: (190, 10))
        let text = try layout.report().jsonText()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? String == "pharmgraph-layout/1")
        #expect(object["crossings"] as? Int == 1)
        #expect((object["overlaps"] as? [String: Any])?["pairs"] as? [[String]] == [["a", "e"]])
        #expect(object["legend_share"] is NSNull)
        #expect(object["provenance"] == nil)
        let labels = try #require(object["labels"] as? [String: Any])
        #expect(labels["smallest_pt"] is NSNull && labels["requested"] is NSNull)
        #expect((labels["pages"] as? [[String: Any]])?.count == 2)
        #expect(try layout.report().jsonText() == text)
    }

    @Test("edge label lines overlap another edge's label or a node's box; a label's own lines, touching boxes and the legend do not")
    func labelOverlaps() throws {
        /// Text operations drawing `lines` centred at `x`, the first baseline at `y`, each `width` wide, 10 points, 12 apart.
        func text(_ lines: [String], x: Double, y: Double, width: Double = 40) -> [[String: Any]] {
            [["op": "F", "size": 10, "face": "Helvetica"]]
                + lines.enumerated().map { i, line in ["op": "T", "pt": [x, y - Double(i) * 12], "align": "c", "width": width, "text": line] }
        }
        var layout = Layout()
        let a = layout.node("a", 50, 250)
        let b = layout.node("b", 50, 50)
        let c = layout.node("c", 350, 50)
        let key = layout.node("legend:key", 350, 250, attributes: ["class": "legend-kind"])
        // Two tail labels at the same place: one overlap with a label. A two-line label: its lines stacked, no overlap.
        layout.line(a, b, from: (50, 240), to: (50, 60), attributes: ["_tldraw_": text(["S, R"], x: 70, y: 200)])
        layout.line(a, c, from: (60, 240), to: (340, 60), attributes: ["_tldraw_": text(["4, 11"], x: 80, y: 203)])
        layout.line(b, c, from: (70, 50), to: (330, 50), attributes: ["_ldraw_": text(["two", "lines"], x: 200, y: 120)])
        // A head label reaching 30 × 6 points into c's box (330…370 × 40…60), and one 0.5 points into it (no overlap).
        layout.line(a, c, from: (60, 245), to: (345, 60), attributes: ["_hldraw_": text(["10"], x: 340, y: 56.5)])
        layout.line(b, c, from: (70, 45), to: (330, 45), attributes: ["_hldraw_": text(["9"], x: 310.5, y: 45)])
        // The legend's edge and an invisible edge: left out, though on the others' labels.
        layout.line(key, c, from: (350, 240), to: (350, 60), attributes: ["_ldraw_": text(["leg"], x: 70, y: 200)])
        layout.line(a, b, from: (50, 240), to: (50, 60), attributes: ["_ldraw_": text(["hid"], x: 70, y: 200), "style": "invis"])
        let report = try layout.report()
        #expect(
            report.labelOverlaps == [
                LayoutReport.LabelOverlap(label: "S, R", other: "4, 11", node: false),
                LayoutReport.LabelOverlap(label: "10", other: "c", node: true),
            ])
        // The edges whose end label collides: both tail labels' edges, and the head label's (a -> c twice: one pair).
        #expect(report.endLabelOverlapEdges == [DiagramOptions.EdgeEnds(from: "a", to: "b"), DiagramOptions.EdgeEnds(from: "a", to: "c")])
        #expect(report.text.contains(#"edge label overlaps: 2 (1 with a label, 1 with a node: "S, R" & "4, 11", "10" & node c)"#))
        let json = try report.jsonText()
        #expect(json.contains(#""edge_label_overlaps" : {"#) && json.contains(#""with_labels" : 1"#) && json.contains(#""with_nodes" : 1"#))
        #expect(json.contains(#""other" : "c""#) && json.contains(#""with" : "node""#))
    }
}
