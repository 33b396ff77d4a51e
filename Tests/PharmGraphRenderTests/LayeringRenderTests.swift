import Foundation
import PharmGraphRender
import Testing

@testable import PharmGraph

/// Each node's centre in the laid-out drawing (Graphviz's JSON, y pointing up), by name.
private func positions(_ diagram: PathwayDiagram) throws -> [String: (x: Double, y: Double)] {
    let rendering = try Renderer.render(dot: diagram.dot, engine: .dot, format: .json)
    #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
    let json = try #require(try JSONSerialization.jsonObject(with: rendering.data) as? [String: Any])
    var positions: [String: (x: Double, y: Double)] = [:]
    for object in json["objects"] as? [[String: Any]] ?? [] {
        guard let name = object["name"] as? String, let pos = object["pos"] as? String else { continue }
        let xy = pos.split(separator: ",").compactMap { Double($0) }
        if xy.count == 2 { positions[name] = (xy[0], xy[1]) }
    }
    return positions
}

@Suite("layers by kind, laid out by dot")
struct LayeringRenderTests {
    @Test("every node of a layer is drawn before every node of the next, clustered or not, TB and LR")
    func order() throws {
        let graph = try graph("Tests/PharmGraphTests/Fixtures/render/layers.yaml")
        for clustered in [false, true] {
            for direction in DiagramOptions.RankDirection.allCases {
                let options = DiagramOptions(rankDirection: direction, clusterBySystem: clustered, legend: false)
                let at = try positions(PathwayDiagram(graph: graph, selection: .whole(graph), options: options))
                // How far along the rank direction: down the page for TB, rightwards for LR.
                let depth = { (id: String) -> Double in direction == .topToBottom ? -at[id]!.y : at[id]!.x }
                let layers = Dictionary(grouping: graph.nodes, by: { DiagramLayers.layer(of: $0.kind) })
                for (a, b) in zip(0..<4, 1..<5) {
                    let last = layers[a]!.map { depth($0.id) }.max()!
                    let first = layers[b]!.map { depth($0.id) }.min()!
                    #expect(last < first, "layer \(a) before \(b), \(direction), clustered \(clustered)")
                }
            }
        }
    }

    @Test("the curated graphs, clustered by system or not: every layer above the next")
    func curatedGraphs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Graphs").path)
        for name in names.filter({ $0.hasSuffix(".yaml") }).sorted() {
            let graph = try graph("Graphs/" + name)
            for clustered in [false, true] {
                let options = DiagramOptions(clusterBySystem: clustered, legend: false)
                let at = try positions(PathwayDiagram(graph: graph, selection: .whole(graph), options: options))
                let drawn = graph.nodes.filter { at[$0.id] != nil }
                let layers = Dictionary(grouping: drawn, by: { DiagramLayers.layer(of: $0.kind) })
                let present = layers.keys.sorted()
                for (a, b) in zip(present, present.dropFirst()) {
                    let lowest = layers[a]!.map { at[$0.id]!.y }.min()!
                    let highest = layers[b]!.map { at[$0.id]!.y }.max()!
                    #expect(lowest > highest, "\(name): layer \(a) above \(b), clustered \(clustered)")
                }
            }
        }
    }

    @Test("without layering, the back edges rank the effect above the receptor it inhibits")
    func none() throws {
        let graph = try graph("Tests/PharmGraphTests/Fixtures/render/layers.yaml")
        let options = DiagramOptions(legend: false, layering: .none)
        let at = try positions(PathwayDiagram(graph: graph, selection: .whole(graph), options: options))
        // condition → drug puts the condition first: the figure is not layered.
        #expect(at["condition"]!.y > at["drug"]!.y)
    }

    @Test("a collapsed family with badges lays out and renders as SVG, the badges drawn as text")
    func families() throws {
        let graph = try graph("Tests/PharmGraphTests/Fixtures/render/families.yaml")
        let diagram = PathwayDiagram(graph: graph, selection: .whole(graph))
        let rendering = try Renderer.render(dot: diagram.dot, engine: .dot, format: .svg)
        #expect(rendering.warnings.isEmpty)
        let svg = String(decoding: rendering.data, as: UTF8.self)
        for badge in [">rac, S<", ">R<", ">Nor, (S)&#45;nor<", ">S<"] { #expect(svg.contains(badge), "\(badge)") }
        #expect(!svg.contains("<title>esdrugamine</title>"))
    }
}
