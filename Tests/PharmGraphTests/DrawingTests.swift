import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

/// The example graph as a network.
private func example() throws -> Network {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/valid/example.yaml"))
    return Network(try #require(result.graph))
}

/// An imported SIF network.
private func sif(_ text: String) throws -> Network {
    let result = NetworkInput.load(data: Data(text.utf8), path: "n.sif")
    return try #require(result.network, "\(result.diagnostics.map(\.headline))")
}

/// A SIF chain n0 → n1 → … of `count` nodes.
private func chain(_ count: Int) throws -> Network {
    try sif((0..<count - 1).map { "n\($0)\tactivates\tn\($0 + 1)\n" }.joined())
}

@Suite("What to draw: whole, focus, paths; the network bound")
struct DrawingTests {
    @Test("whole: every node of a curated graph, none refused")
    func whole() throws {
        let network = try example()
        let drawing = try Drawing(.whole, of: network, title: "", filter: ContextFilter())
        #expect(drawing.selection.nodes.count == network.nodeCount)
        #expect(drawing.paths == nil)
        try drawing.checkSize(of: network)
    }

    @Test("focus: the neighbourhood of one node; a name of several nodes or none is refused by case")
    func focus() throws {
        let network = try example()
        let drawing = try Drawing(.focus("NMDAR", depth: 1, direction: .out), of: network, title: "", filter: ContextFilter())
        let ids = Set(drawing.selection.nodes.map { drawing.graph.nodes[$0].id })
        #expect(ids.contains("nmdar") && ids.contains("pain-signalling"))
        #expect(!ids.contains("ketamine"))
        #expect(throws: Drawing.Failure.node(.unknownNode("nmdr", suggestion: "nmdar"))) {
            try Drawing(.focus("nmdr", depth: 1, direction: .both), of: network, title: "", filter: ContextFilter())
        }
        let pair = try sif("a\tactivates\tb\n")
        let kind = try #require(pair.kinds.first)
        #expect(throws: Drawing.Failure.focusNotOne("kind:\(kind)", count: 2)) {
            try Drawing(.focus("kind:\(kind)", depth: 1, direction: .both), of: pair, title: "", filter: ContextFilter())
        }
    }

    @Test("paths: the engine's report, its caption and ends; a bad length is the engine's error")
    func paths() throws {
        let network = try example()
        let drawing = try Drawing(
            .paths(from: "ketamine", to: "analgesia", maxLength: 6, limits: .standard), of: network, title: "", filter: ContextFilter())
        let report = try #require(drawing.paths)
        #expect(report.counts.total == 1)
        #expect(drawing.selection.captions.first == "Paths from Ketamine to Analgesia, at most 6 steps: 1 (1 +, 0 -, 0 ?), verdict positive, established")
        #expect(throws: Drawing.Failure.query(.maxLengthOutOfRange(0))) {
            try Drawing(.paths(from: "ketamine", to: "analgesia", maxLength: 0, limits: .standard), of: network, title: "", filter: ContextFilter())
        }
        #expect(throws: Drawing.Failure.node(.unknownNode("nobody", suggestion: nil))) {
            try Drawing(.paths(from: "nobody", to: "analgesia", maxLength: 6, limits: .standard), of: network, title: "", filter: ContextFilter())
        }
    }

    @Test("paths: when the limit cuts, a firmer longer path is drawn before a hypothesized shorter one; the caption is tiered")
    func tiers() throws {
        let text = """
            id: tiers
            title: Tiers
            version: "1"
            references:
              ref: {citation: Hand-made fixture.}
            nodes:
              - {id: d, kind: drug}
              - {id: a, kind: receptor}
              - {id: b, kind: receptor}
              - {id: c, kind: process}
              - {id: e, kind: effect, valence: therapeutic}
            edges:
              - {from: d, relation: activates, to: a, refs: [ref], certainty: hypothesized}
              - {from: a, relation: inhibits, to: e, refs: [ref], certainty: hypothesized}
              - {from: d, relation: activates, to: b, refs: [ref]}
              - {from: b, relation: activates, to: c, refs: [ref]}
              - {from: c, relation: activates, to: e, refs: [ref]}
            """
        let graph = try #require(GraphLoader.load(text: text, path: "tiers.yaml").graph)
        let engine = PathEngine(graph: graph)
        let network = engine.network
        let query = PathQuery(
            sources: try NodeSelector.resolve("d", in: network), targets: try NodeSelector.resolve("e", in: network), maxLength: 6)
        var report = try engine.paths(query, limit: 1)
        // The engine keeps the shortest: the hypothesized d -> a -| e (negative).
        #expect(report.paths.map(\.length) == [2])
        try engine.assess(query, &report, detail: false)
        let chosen = try Drawing.firmest(report, query: query, engine: engine, limit: 1)
        #expect(chosen.paths.map(\.edges) == [[2, 3, 4]])
        #expect(chosen.counts == report.counts)
        // With room for both, the firmer comes first still, and the drawing numbers them so.
        let both = try Drawing.firmest(try engine.paths(query, limit: 2), query: query, engine: engine, limit: 2)
        #expect(both.paths.count == 2)
        let drawing = Drawing(paths: both, query: query, names: ("d", "e"), network: network)
        #expect(drawing.selection.captions.first == "Paths from d to e, at most 6 steps: 2 (1 +, 1 -, 0 ?), verdict mixed")
        let dot = PathwayDiagram(graph: drawing.graph, selection: drawing.selection).dot
        #expect(dot.contains("valign=\"top\">1</td><td align=\"left\" valign=\"top\"> <font color=\"#0072B2\">+ positive"))
        // The tiered verdict: the established path decides.
        let cut = Drawing(paths: chosen, query: query, names: ("d", "e"), network: network, choice: .firmest)
        #expect(
            cut.selection.captions.first
                == "Paths from d to e, at most 6 steps: 2 (1 +, 1 -, 0 ?), verdict positive, established; 1 drawn, the firmest evidence first")
        let scoped = try Drawing(.paths(from: "d", to: "e", maxLength: 6, limits: .standard), of: network, title: "", filter: ContextFilter())
        #expect(scoped.selection.captions.first == "Paths from d to e, at most 6 steps: 2 (1 +, 1 -, 0 ?), verdict positive, established")
    }

    @Test("an imported network: whole up to 1,500 nodes; above, whole is refused and a large selection fails its size check")
    func networkBound() throws {
        let limit = Drawing.largestNetworkDrawing
        let small = try chain(limit)
        #expect(try Drawing(.whole, of: small, title: "n.sif", filter: ContextFilter()).selection.nodes.count == limit)
        let large = try chain(limit + 1)
        #expect(throws: Drawing.Failure.networkTooLarge(nodes: limit + 1)) {
            try Drawing(.whole, of: large, title: "n.sif", filter: ContextFilter())
        }
        let near = try Drawing(.focus("n0", depth: 3, direction: .out), of: large, title: "n.sif", filter: ContextFilter())
        #expect(near.selection.nodes.count == 4)
        try near.checkSize(of: large)
        let far = try Drawing(.focus("n0", depth: limit + 1, direction: .out), of: large, title: "n.sif", filter: ContextFilter())
        #expect(throws: Drawing.Failure.selectionTooLarge(nodes: limit + 1)) { try far.checkSize(of: large) }
        // A path drawing of a network has only the paths' edges and ends.
        let path = try Drawing(.paths(from: "n0", to: "n2", maxLength: 6, limits: .standard), of: large, title: "n.sif", filter: ContextFilter())
        #expect(path.graph.nodes.map(\.id).sorted() == ["n0", "n1", "n2"])
    }
}

@Suite("Query inputs: default targets and batch files")
struct QueryInputTests {
    @Test("targets: the named ones, else every node of the default kinds present; each failure by case")
    func targets() throws {
        let network = try example()
        let effects = try NodeSelector.targets([], defaultKinds: NodeSelector.effectKinds, in: network)
        #expect(effects == (try NodeSelector.resolve("kind:effect", in: network)))
        let named = try NodeSelector.targets(["analgesia", "ketamine"], defaultKinds: NodeSelector.effectKinds, in: network)
        #expect(named == (try NodeSelector.resolve("analgesia", in: network) + NodeSelector.resolve("ketamine", in: network)))
        #expect(named.count == 2)
        #expect(throws: NodeSelector.TargetError.selector(.unknownNode("nobody", suggestion: nil))) {
            try NodeSelector.targets(["nobody"], defaultKinds: NodeSelector.effectKinds, in: network)
        }
        let bare = try sif("a\tactivates\tb\n")
        #expect(throws: NodeSelector.TargetError.noNodeOfKinds([.effect, .condition])) {
            try NodeSelector.targets([], defaultKinds: NodeSelector.effectKinds, in: bare)
        }
    }

    @Test("a batch file: rows with their lines; comments, blank lines and every line break; errors at line and column")
    func batch() throws {
        let network = try example()
        let batch = PathBatch(text: "# queries\r\nketamine\tanalgesia\r\n\n  \nNMDAR\tkind:effect", path: "q.tsv", network: network)
        #expect(batch.rows.map { "\($0.line):\($0.from)>\($0.to)" } == ["2:ketamine>analgesia", "5:NMDAR>kind:effect"])
        #expect(batch.problems.isEmpty)
        // Every bad line is a problem; the good ones are still rows.
        let bad = PathBatch(text: "ketamine\tanalgesia\nketamine\nketamine\t\n", path: "q.tsv", network: network)
        #expect(bad.rows.map(\.line) == [1])
        #expect(bad.problems == [.fields(line: 2, fields: 1), .fields(line: 3, fields: 2)])
        let error = PathBatch.RowError.node(line: 1, column: 10, isFrom: false, .unknownNode("analgesa", suggestion: "analgesia"))
        #expect(PathBatch(text: "ketamine\tanalgesa\n", path: "q.tsv", network: network).problems == [error])
        let diagnostic = error.diagnostic(path: "q.tsv")
        #expect(diagnostic.headline.hasPrefix("q.tsv:1:10: error: TO: unknown node 'analgesa'"))
    }

    @Test("firstPaths: the firmest paths drawn, the caption and the path table say how many of how many (golden)")
    func firstPaths() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/signed.yaml"))
        let network = Network(try #require(result.graph))
        let all = try Drawing(
            .paths(from: "drug-a", to: "e-pos", maxLength: 6, limits: .standard), of: network, title: "", filter: ContextFilter())
        #expect(all.drawnPaths == 4)
        #expect(!all.selection.captions[0].contains("drawn"))
        let two = all.firstPaths(2)
        #expect(two.drawnPaths == 2)
        #expect(
            two.selection.captions[0].hasSuffix(
                "verdict mixed, established; 2 drawn, the headline mechanism first, then the firmest evidence, as many as fit a slide "
                    + "(--all-paths: all)"))
        let dot = PathwayDiagram(graph: two.graph, selection: two.selection, options: DiagramOptions(rankDirection: .topToBottom)).dot
        #expect(Golden.compare(dot, to: "Tests/PharmGraphTests/Golden/render/path-table-first-2.dot") == .matches)
        #expect(
            dot.contains(
                "2 of 4 paths drawn, the headline mechanism first, then the firmest evidence; pharmgraph paths drug-a e-pos --limit\u{00A0}0 lists"))
        // Only the two paths' nodes and edges: the headline (3 steps) and the shortest other established one (2 steps).
        #expect(dot.contains(#">1</td>"#) && dot.contains(#">2</td>"#) && !dot.contains(#">3</td>"#))
        // A count of all, or of none, is the drawing as it is.
        #expect(all.firstPaths(4).selection == all.selection)
        #expect(all.firstPaths(0).selection == all.selection)
    }
}
