import Testing

@testable import PharmGraph

@Suite("diagram crossing minimisation")
struct DiagramOrderTests {
    /// Complete bipartite graph K(m,n) on two ranks: its fewest crossings are C(m,2)·C(n,2).
    private func complete(_ m: Int, _ n: Int) -> DiagramOrder {
        DiagramOrder(
            rankOf: Array(repeating: 0, count: m) + Array(repeating: 1, count: n), edges: (0..<m).flatMap { a in (0..<n).map { (from: a, to: m + $0) } })
    }

    @Test("crossings are counted between edge pieces of adjacent ranks; edges sharing an end do not cross")
    func counting() {
        // a b / x y with a→y, b→x: one crossing; a→x, a→y: none (shared end).
        #expect(DiagramOrder.crossings([[0, 1], [2, 3]], below: [[3], [2], [], []]) == 1)
        #expect(DiagramOrder.crossings([[0, 1], [2, 3]], below: [[2, 3], [], [], []]) == 0)
        #expect(DiagramOrder.crossings([[0, 1, 2], [3, 4, 5]], below: [[5], [4], [3], [], [], []]) == 3)
    }

    @Test("a reversed matching is untangled to no crossing")
    func matching() {
        // a b c over x y z with a→z, b→y, c→x: 3 crossings as given, 0 at best.
        let order = DiagramOrder(rankOf: [0, 0, 0, 1, 1, 1], edges: [(0, 5), (1, 4), (2, 3)])
        #expect(order.crossings == 0)
        #expect(DiagramOrder.crossings(order.order, below: [[5], [4], [3], [], [], []]) == 0)
    }

    @Test("complete bipartite graphs reach their known minimum, no lower")
    func bipartite() {
        #expect(complete(2, 2).crossings == 1)
        #expect(complete(2, 4).crossings == 6)
        #expect(complete(3, 3).crossings == 9)
    }

    @Test("a long edge runs through virtual nodes, which are ordered too")
    func longEdge() {
        // Ranks: a b / m / x y; a→y spans two ranks (a virtual node on rank 1), b→m→x. As given (virtual node
        // after m): one crossing; at best none.
        let order = DiagramOrder(rankOf: [0, 0, 1, 2, 2], edges: [(0, 4), (1, 2), (2, 3)])
        #expect(order.order.map(\.count) == [2, 2, 2])
        #expect(order.crossings == 0)
        // Edges along a rank and loops are left out.
        #expect(DiagramOrder(rankOf: [0, 0, 1], edges: [(0, 1), (2, 2), (0, 2)]).order.map(\.count) == [2, 1])
    }

    @Test("the result is deterministic")
    func deterministic() {
        let a = complete(3, 4)
        let b = complete(3, 4)
        #expect(a.order == b.order && a.crossings == b.crossings)
    }

    @Test("ranks: a row is dealt over narrower ranks only when that crosses clearly less; the layer order holds")
    func chosenWidth() {
        // A drug, two receptors each acting on the same four effects: K(2,4) crosses 6 times on two ranks; with
        // the effects dealt over two ranks of 2 (docs/rendering.md, "Layers") it crosses less.
        let nodes: [(id: String, kind: NodeKind)] =
            [("d", .drug), ("r1", .receptor), ("r2", .receptor)] + (1...4).map { ("e\($0)", NodeKind.effect) }
        let edges = [("d", "r1"), ("d", "r2")] + ["r1", "r2"].flatMap { r in (1...4).map { (r, "e\($0)") } }
        let layers = DiagramLayers(nodes: nodes, edges: edges.map { (from: $0.0, to: $0.1) }, layering: .kind, engine: "dot")
        #expect(layers.rankCount == 4)
        #expect(layers.estimatedCrossings <= 4)
        #expect(layers.ranks["d"] == 0 && layers.ranks["r1"] == 1 && layers.ranks["r2"] == 1)
        #expect(layers.ranks["e1"] == 2 && layers.ranks["e2"] == 2 && layers.ranks["e3"] == 3 && layers.ranks["e4"] == 3)
        // One receptor: nothing to gain, one rank per layer.
        let single = DiagramLayers(
            nodes: Array(nodes.prefix(2)) + Array(nodes.dropFirst(3)), edges: [("d", "r1")] + (1...4).map { (from: "r1", to: "e\($0)") },
            layering: .kind, engine: "dot")
        #expect(single.rankCount == 3 && single.ranks["e4"] == 2)
    }
}
