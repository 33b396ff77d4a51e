import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private let fixtures = "Tests/PharmGraphTests/Fixtures/diff/"

private func graph(_ name: String) throws -> Graph {
    let result = loadGraph(Repository.path(fixtures + name))
    return try #require(result.graph, "\(name): \(result.diagnostics.map(\.headline))")
}

private func graph(yaml: String) throws -> Graph {
    let result = GraphLoader.load(text: yaml, path: "inline.yaml")
    return try #require(result.graph, "\(result.diagnostics.map(\.headline))")
}

private func network(_ text: String, path: String) throws -> Network {
    let result = NetworkInput.load(data: Data(text.utf8), path: path)
    return try #require(result.network, "\(result.diagnostics.map(\.headline))")
}

private func change(_ field: String, _ old: DiffValue, _ new: DiffValue) -> FieldChange {
    FieldChange(field: field, old: old, new: new)
}

/// A graph of two nodes and the given edge lines, for pairing tests.
private func pair(_ edges: String...) throws -> Graph {
    try graph(
        yaml: """
            id: g
            title: G
            version: "1"
            references: {r: {citation: R}}
            nodes: [{id: a, kind: drug}, {id: b, kind: receptor}]
            edges:
            \(edges.map { "  - " + $0 }.joined(separator: "\n"))
            """)
}

/// `old.yaml` → `new.yaml`, worked out by hand:
///
///     header      version 1.0.0 → 1.1.0; sources + "Example source B"
///     references  smith2020 doi wrong → right; + lee2021; - old2010
///     renames     channel-y → ion-channel-y (xref UniProt:P00001, label changed);
///                 nmda-r → nmdar (label "NMDA receptor", synonym added)
///     nodes       drug-a xrefs + CHEBI, role; receptor-x synonyms, system, description;
///                 process-p kind; effect-f valence; condition-c label; + effect-g; - old-process
///     edges       drug-a → receptor-x activates → inhibits (sign flip), agonist → antagonist;
///                 drug-a → ion-channel-y context dose anesthetic → subanesthetic;
///                 ion-channel-y → process-p certainty hypothesized → established;
///                 process-p → effect-e activates → upregulates (same sign), refs + lee2021;
///                 drug-a → nmdar strength, refs + jones2019, evidence;
///                 + process-p → effect-g, + drug-a no_effect effect-f;
///                 - nmda-r → old-process, - old-process → effect-f
///     verdicts    drug-a → effect-e: (+ via receptor-x, + via channel) → (− via receptor-x, +): positive → mixed
///                 drug-a → effect-g: none → positive;  drug-a → effect-f: negative → none
///                 drug-a → condition-c: negative both times (not reported)
///     claims      drug-a → condition-c refs + smith2020, note; + drug-a → effect-g; - drug-a → effect-f;
///                 drug-a → effect-e expects positive: holds → fails (mixed)
@Suite("Semantic diff of curated graphs")
struct GraphDiffTests {
    @Test("header and references")
    func headerAndReferences() throws {
        let diff = GraphDiff(old: try graph("old.yaml"), new: try graph("new.yaml"))
        #expect(
            diff.header == [
                change("version", .text("1.0.0"), .text("1.1.0")),
                change("sources", .list(["Example source A"]), .list(["Example source A", "Example source B"])),
            ])
        #expect(diff.header[1].addedItems == ["Example source B"])
        #expect(diff.header[1].removedItems == [])
        #expect(diff.referencesAdded.map(\.key) == ["lee2021"])
        #expect(diff.referencesRemoved.map(\.key) == ["old2010"])
        #expect(diff.referencesChanged.map(\.new.key) == ["smith2020"])
        #expect(diff.referencesChanged.first?.changes == [change("doi", .text("10.1000/wrong.1"), .text("10.1000/right.1"))])
    }

    @Test("renames by xref and by label, then field changes, additions and removals")
    func nodes() throws {
        let diff = GraphDiff(old: try graph("old.yaml"), new: try graph("new.yaml"))
        #expect(diff.renames == ["channel-y": "ion-channel-y", "nmda-r": "nmdar"])
        #expect(diff.nodesRenamed.map(\.rename) == [.xref(namespace: "UniProt", identifier: "P00001"), .label("NMDA receptor")])
        #expect(
            diff.nodesRenamed.map(\.changes) == [
                [change("label", .text("Channel Y"), .text("Y channel"))],
                [change("synonyms", .absent, .list(["NMDAR"]))],
            ])
        #expect(diff.nodesChanged.map(\.new.id) == ["drug-a", "receptor-x", "process-p", "effect-f", "condition-c"])
        #expect(
            diff.nodesChanged.map { $0.changes.map(\.field) } == [
                ["xrefs", "role"], ["synonyms", "system", "description"], ["kind"], ["valence"], ["label"],
            ])
        #expect(diff.nodesChanged[0].changes[0].new == .map(["CHEBI": "00001", "DrugBank": "DB00001"]))
        #expect(diff.nodesChanged[2].changes == [change("kind", .text("process"), .text("pathway"))])
        #expect(diff.nodesAdded.map(\.id) == ["effect-g"])
        #expect(diff.nodesRemoved.map(\.id) == ["old-process"])
    }

    @Test("edges: a sign flip, context, certainty, relation within a sign, references and evidence")
    func edges() throws {
        let diff = GraphDiff(old: try graph("old.yaml"), new: try graph("new.yaml"))
        let changed = diff.edgesChanged
        #expect(
            changed.map { "\($0.new.from)>\($0.new.to)" } == [
                "drug-a>receptor-x", "drug-a>ion-channel-y", "ion-channel-y>process-p", "process-p>effect-e", "drug-a>nmdar",
            ])
        #expect(changed.map(\.isSignFlip) == [true, false, false, false, false])
        #expect(diff.signFlips.map(\.old.relation) == [.activates])
        #expect(
            changed[0].changes == [
                change("relation", .text("activates"), .text("inhibits")), change("action", .text("agonist"), .text("antagonist")),
            ])
        #expect(changed[1].changes == [change("context", .map(["dose": "anesthetic"]), .map(["dose": "subanesthetic"]))])
        // The old edge is kept as written, with the old node id.
        #expect(changed[1].old.to == "channel-y")
        #expect(changed[2].changes == [change("certainty", .text("hypothesized"), .text("established"))])
        #expect(changed[3].changes.map(\.field) == ["relation", "refs"])
        #expect(changed[3].changes[1].addedItems == ["lee2021"])
        #expect(changed[4].changes.map(\.field) == ["strength", "refs", "evidence"])
        #expect(
            diff.edgesAdded.map { "\($0.from) \($0.relation.rawValue) \($0.to)" } == [
                "process-p activates effect-g", "drug-a no_effect effect-f",
            ])
        #expect(
            diff.edgesRemoved.map { "\($0.from) \($0.relation.rawValue) \($0.to)" } == [
                "nmda-r activates old-process", "old-process activates effect-f",
            ])
    }

    @Test("claims are matched by from and to, after renames")
    func claims() throws {
        let diff = GraphDiff(old: try graph("old.yaml"), new: try graph("new.yaml"))
        #expect(diff.claimsChanged.map(\.new.to) == ["condition-c"])
        #expect(diff.claimsChanged.first?.changes.map(\.field) == ["refs", "note"])
        #expect(diff.claimsAdded.map(\.to) == ["effect-g"])
        #expect(diff.claimsRemoved.map(\.to) == ["effect-f"])
        #expect(!diff.isEmpty)
    }

    @Test("order, list order and an explicit 'established' are not differences")
    func reordered() throws {
        let old = try graph("old.yaml")
        #expect(GraphDiff(old: old, new: try graph("reordered.yaml")).isEmpty)
        #expect(GraphDiff(old: old, new: old).isEmpty)
    }

    @Test("a shared xref outranks a shared label; each node is renamed at most once")
    func renameEvidence() throws {
        let base = """
            id: g
            title: G
            version: "1"
            nodes:

            """
        let old = try graph(
            yaml: base + """
                  - {id: a1, label: Alpha, kind: receptor, xrefs: {HGNC: "1"}}
                  - {id: b1, label: Beta, kind: receptor}
                  - {id: c1, label: Gamma, kind: receptor}
                edges: []
                """)
        let new = try graph(
            yaml: base + """
                  - {id: b2, label: Alpha, kind: receptor}
                  - {id: a2, label: Other, kind: receptor, xrefs: {HGNC: "1"}}
                  - {id: b3, label: beta, kind: receptor}
                  - {id: b4, label: Beta, kind: receptor}
                edges: []
                """)
        let diff = GraphDiff(old: old, new: new)
        // a1 shares an xref with a2 and only a label with b2: the xref wins.
        // b1 matches b3 and b4 by label (case-insensitive): the first in the new file is taken.
        #expect(diff.renames == ["a1": "a2", "b1": "b3"])
        #expect(diff.nodesAdded.map(\.id) == ["b2", "b4"])
        #expect(diff.nodesRemoved.map(\.id) == ["c1"])
    }

    @Test("edges pair by identity, then relation and context, then context, then relation, then endpoints")
    func pairing() throws {
        let r = "refs: [r]"
        // Same context outranks same relation: the un-contexted activates became an inhibits.
        var diff = GraphDiff(
            old: try pair("{from: a, relation: activates, to: b, \(r)}"),
            new: try pair("{from: a, relation: activates, to: b, \(r), context: {dose: x}}", "{from: a, relation: inhibits, to: b, \(r)}"))
        #expect(diff.edgesChanged.count == 1)
        #expect(diff.signFlips.count == 1)
        #expect(diff.edgesAdded.map(\.context) == [["dose": "x"]])
        #expect(diff.edgesRemoved.isEmpty)

        // An identical edge is paired first; the parallel one changed its context.
        diff = GraphDiff(
            old: try pair("{from: a, relation: inhibits, to: b, \(r), context: {dose: high}}", "{from: a, relation: activates, to: b, \(r)}"),
            new: try pair("{from: a, relation: activates, to: b, \(r)}", "{from: a, relation: inhibits, to: b, \(r), context: {dose: low}}"))
        #expect(diff.edgesChanged.map(\.changes) == [[change("context", .map(["dose": "high"]), .map(["dose": "low"]))]])
        #expect(diff.edgesAdded.isEmpty && diff.edgesRemoved.isEmpty)

        // Nothing alike but the endpoints: still a change, not a removal and an addition.
        diff = GraphDiff(
            old: try pair("{from: a, relation: activates, to: b, \(r), context: {dose: high}}"),
            new: try pair("{from: a, relation: modulates, to: b, \(r), context: {dose: low}}"))
        #expect(diff.edgesChanged.map { $0.changes.map(\.field) } == [["relation", "context"]])
        #expect(!diff.edgesChanged[0].isSignFlip)

        // Different endpoints never pair.
        diff = GraphDiff(
            old: try pair("{from: a, relation: activates, to: b, \(r)}"),
            new: try pair("{from: b, relation: activates, to: a, \(r)}"))
        #expect(diff.edgesChanged.isEmpty)
        #expect(diff.edgesAdded.count == 1 && diff.edgesRemoved.count == 1)
    }
}

@Suite("Verdict changes between graph versions")
struct VerdictDiffTests {
    private func verdicts(filter: ContextFilter = ContextFilter()) throws -> VerdictDiff {
        let old = try graph("old.yaml")
        let new = try graph("new.yaml")
        let diff = GraphDiff(old: old, new: new)
        func side(_ graph: Graph) throws -> VerdictDiff.Side {
            let engine = PathEngine(graph: graph)
            let drugs = try NodeSelector.resolve("kind:drug", in: engine.network)
            let targets = try ["kind:effect", "kind:condition"].flatMap { try NodeSelector.resolve($0, in: engine.network) }
            return VerdictDiff.Side(engine: engine, sources: drugs, targets: targets)
        }
        return try VerdictDiff(
            old: try side(old), new: try side(new), traversal: TraversalOptions(filter: filter), graphDiff: diff)
    }

    @Test("positive → mixed, newly reachable, no longer reachable, with the paths that explain them")
    func pairs() throws {
        let diff = try verdicts()
        #expect(diff.maxLength == 6)
        #expect(diff.pairsCompared == 4)
        #expect(!diff.partial)
        let changed = try #require(diff.changed.first)
        #expect(diff.changed.count == 1)
        #expect((changed.source, changed.target) == ("drug-a", "effect-e"))
        #expect(changed.old == SignCounts(positive: 2))
        #expect(changed.new == SignCounts(positive: 1, negative: 1))
        #expect(
            changed.gained.map(\.text) == [
                "drug-a -inhibits-| receptor-x -activates-> effect-e",
                "drug-a -inhibits-| ion-channel-y -inhibits-| process-p -upregulates-> effect-e",
            ])
        // Old paths are written with the new ids (channel-y was renamed).
        #expect(
            changed.lost.map(\.text) == [
                "drug-a -activates-> receptor-x -activates-> effect-e",
                "drug-a -inhibits-| ion-channel-y -inhibits-| process-p -activates-> effect-e",
            ])
        #expect(changed.gained.map(\.sign) == [.negative, .positive])
        #expect((changed.gainedCount, changed.lostCount, changed.partial) == (2, 2, false))

        #expect(diff.newlyReachable.map(\.target) == ["effect-g"])
        #expect(diff.newlyReachable.first?.new == SignCounts(positive: 1))
        #expect(diff.noLongerReachable.map(\.target) == ["effect-f"])
        #expect(diff.noLongerReachable.first?.lost.map(\.text) == ["drug-a -inhibits-| nmdar -activates-> old-process -activates-> effect-f"])
    }

    @Test("claim outcomes: holds → fails")
    func claims() throws {
        let outcomes = try verdicts().claimOutcomes
        #expect(outcomes.map(\.new.to) == ["effect-e"])
        #expect(outcomes.map(\.oldVerdict) == [.verdict(.positive)])
        #expect(outcomes.map(\.newVerdict) == [.verdict(.mixed)])
        #expect(outcomes.map(\.oldHolds) == [true])
        #expect(outcomes.map(\.newHolds) == [false])
    }

    @Test("a context filter applies to both graphs")
    func filtered() throws {
        // The channel edge holds at anesthetic doses in the old graph, subanesthetic in the new.
        let diff = try verdicts(filter: ContextFilter(["dose": "anesthetic"]))
        #expect(diff.changed.map(\.target) == ["effect-e"])
        #expect(diff.changed.first?.new == SignCounts(negative: 1))
        #expect(diff.noLongerReachable.map(\.target) == ["condition-c", "effect-f"])
        #expect(diff.newlyReachable.isEmpty)
    }

    @Test("format 2: the version, context declarations and the new node, edge and claim fields")
    func formatTwoFields() throws {
        let old = try graph(
            yaml: """
                id: g
                title: G
                version: "1"
                references: {r: {citation: R}}
                nodes: [{id: a, kind: drug}, {id: b, kind: receptor}, {id: e, kind: effect, valence: adverse}]
                edges:
                  - {from: a, relation: inhibits, to: b, refs: [r], context: {dose: low}}
                  - {from: b, relation: activates, to: e, refs: [r]}
                claims:
                  - {from: a, to: e, expect: negative}
                """)
        let new = try graph(
            yaml: """
                format: 2
                id: g
                title: G
                version: "1"
                contexts:
                  dose: {type: ordinal, values: [low, high], default: [low], exposure: true}
                references: {r: {citation: R}}
                nodes: [{id: a, kind: drug}, {id: b, kind: receptor}, {id: e, kind: effect, valence: adverse, context: {dose: high}}]
                edges:
                  - {from: a, relation: inhibits, to: b, refs: [r], context: {dose: low}, exact: [dose], importance: primary, loss_of_function: true}
                  - {from: b, relation: activates, to: e, refs: [r], exposure_of: a, correlational: true}
                claims:
                  - {from: a, to: e, expect: negative, certainty: probable, avoid: [b]}
                """)
        let diff = GraphDiff(old: old, new: new)
        #expect(
            diff.header == [
                change("format", .text("1"), .text("2")),
                change("contexts", .absent, .map(["dose": "ordinal: low < high; default: low; exposure"])),
            ])
        #expect(diff.nodesChanged.map(\.changes) == [[change("context", .absent, .map(["dose": "high"]))]])
        #expect(
            diff.edgesChanged.map(\.changes) == [
                [
                    change("exact", .absent, .list(["dose"])), change("importance", .absent, .text("primary")),
                    change("loss_of_function", .absent, .flag(true)),
                ],
                [change("exposure_of", .absent, .text("a")), change("correlational", .absent, .flag(true))],
            ])
        #expect(
            diff.claimsChanged.map(\.changes) == [
                [change("certainty", .absent, .text("probable")), change("avoid", .absent, .list(["b"]))]
            ])
        // A changed declaration shows as the key's old and new summary.
        let ordinal = try #require(new.context("dose"))
        var categorical = ordinal
        categorical.kind = .categorical
        #expect(categorical.summary == "categorical: low, high; default: low; exposure")
        #expect(ordinal.summary != categorical.summary)
    }

    @Test("identical graphs: nothing to report")
    func identical() throws {
        let engine = PathEngine(graph: try graph("old.yaml"))
        let side = VerdictDiff.Side(
            engine: engine, sources: try NodeSelector.resolve("kind:drug", in: engine.network),
            targets: try NodeSelector.resolve("kind:effect", in: engine.network))
        let diff = try VerdictDiff(old: side, new: side)
        #expect(diff.isEmpty)
        #expect(diff.pairsCompared == 2)
    }
}

@Suite("Set diff of imported networks")
struct NetworkDiffTests {
    @Test("edges are a multiset in file order; direction counts for directed edges")
    func sif() throws {
        let old = try network(try String(contentsOfFile: Repository.path(fixtures + "old.sif"), encoding: .utf8), path: "old.sif")
        let new = try network(try String(contentsOfFile: Repository.path(fixtures + "new.sif"), encoding: .utf8), path: "new.sif")
        let diff = NetworkDiff(old: old, new: new)
        func triples(_ network: Network, _ edges: [EdgeIndex]) -> [String] {
            edges.map(network.edge).map { "\(network.node($0.from).id) \($0.label.name) \(network.node($0.to).id)" }
        }
        // old lists `A::1 x B::1` twice and new once: the second is removed.
        #expect(diff.edgesRemoved == [1, 3, 4])
        #expect(triples(old, diff.edgesRemoved) == ["A::1 x B::1", "B::2 u B::3", "C::9 z B::1"])
        #expect(triples(new, diff.edgesAdded) == ["B::3 u B::2", "A::1 w B::1", "D::4 z B::1"])
        #expect(diff.nodesRemoved.map { old.node($0).id } == ["C::9"])
        #expect(diff.nodesAdded.map { new.node($0).id } == ["D::4"])
        #expect(diff.nodesChanged.isEmpty)
        #expect(NetworkDiff(old: old, new: old).isEmpty)
    }

    @Test("both-ways (Hetionet) edges match in either orientation; names and kinds are compared")
    func bothWays() throws {
        func hetionet(_ edges: String, name: String) -> String {
            """
            {"metanode_kinds": ["Gene", "Compound"], "kind_to_abbrev": {"Gene": "G", "Compound": "C", "binds": "b", "interacts": "i"},
             "nodes": [{"kind": "Gene", "identifier": 1, "name": "\(name)"}, {"kind": "Gene", "identifier": 2, "name": "B"},
                       {"kind": "Compound", "identifier": "DB1", "name": "C"}],
             "edges": [\(edges)]}
            """
        }
        let old = try network(
            hetionet(
                """
                {"source_id": ["Gene", 1], "target_id": ["Gene", 2], "kind": "interacts", "direction": "both"},
                {"source_id": ["Compound", "DB1"], "target_id": ["Gene", 1], "kind": "binds", "direction": "forward"}
                """, name: "A"), path: "old.json")
        let new = try network(
            hetionet(
                """
                {"source_id": ["Gene", 2], "target_id": ["Gene", 1], "kind": "interacts", "direction": "both"},
                {"source_id": ["Gene", 1], "target_id": ["Compound", "DB1"], "kind": "binds", "direction": "forward"}
                """, name: "A1"), path: "new.json")
        let diff = NetworkDiff(old: old, new: new)
        #expect(diff.edgesRemoved == [1])
        #expect(diff.edgesAdded == [1])
        #expect(diff.nodesChanged.map { new.node($0.new).id } == ["Gene::1"])
    }

    @Test("a large multiset (many partitions, repeated triples, new nodes and labels) matches a plain count in file order")
    func largeMultiset() throws {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        func line(nodes: Int, labels: Int) -> String { "N::\(next(nodes))\tl\(next(labels))\tN::\(next(nodes))" }
        var oldLines: [String] = []
        for _ in 0..<30_000 { oldLines.append(next(10) == 0 && !oldLines.isEmpty ? oldLines[next(oldLines.count)] : line(nodes: 400, labels: 3)) }
        // New: most old lines shuffled by blocks, some dropped, some repeated, and edges with new nodes and a new label.
        var newLines: [String] = []
        for (i, l) in oldLines.enumerated().reversed() where i % 17 != 0 { newLines.append(l) }
        for _ in 0..<3_000 { newLines.insert(next(2) == 0 ? oldLines[next(oldLines.count)] : line(nodes: 450, labels: 4), at: next(newLines.count)) }
        let old = try network(oldLines.joined(separator: "\n") + "\n", path: "old.sif")
        let new = try network(newLines.joined(separator: "\n") + "\n", path: "new.sif")

        // The semantics, counted plainly: each new line cancels an equal old line still left; the old lines cancelled
        // are each triple's first ones.
        var left: [String: Int] = [:]
        for l in oldLines { left[l, default: 0] += 1 }
        var added: [Int] = []
        for (i, l) in newLines.enumerated() {
            if left[l, default: 0] > 0 { left[l]! -= 1 } else { added.append(i) }
        }
        var cancelled: [String: Int] = [:]
        for l in oldLines { cancelled[l, default: 0] += 1 }
        for (l, n) in left { cancelled[l]! -= n }
        var removed: [Int] = []
        for (i, l) in oldLines.enumerated() {
            if cancelled[l, default: 0] > 0 { cancelled[l]! -= 1 } else { removed.append(i) }
        }
        let diff = NetworkDiff(old: old, new: new)
        #expect(diff.edgesAdded.map { Int($0.rawValue) } == added)
        #expect(diff.edgesRemoved.map { Int($0.rawValue) } == removed)
        #expect(!added.isEmpty && !removed.isEmpty && removed.count < oldLines.count / 5)
    }
}

@Suite("Diff diagrams")
struct DiffDiagramTests {
    @Test("every status has its own look; removed edges attach to renamed nodes")
    func statuses() throws {
        let diff = GraphDiff(old: try graph("old.yaml"), new: try graph("new.yaml"))
        let diagram = try DiffDiagram(diff, names: ("old", "new"), context: nil)
        #expect(diagram.nodeCount == 10)
        #expect(diagram.edgeCount == 11)
        #expect(
            diagram.dot.contains(##""nmdar" -> "old-process" [class="diff-removed", arrowhead="onormal", color="#D55E00", penwidth="2.5", style="dashed""##))
        #expect(diagram.dot.contains(#"label="sign flip: activates → inhibits\naction: agonist → antagonist""#))
        #expect(diagram.dot.contains(#""old-process" [label="Old process", class="diff-removed""#))
        #expect(diagram.dot.contains(#"label="NMDA receptor\nid: nmda-r → nmdar\nsynonyms: +NMDAR""#))
        #expect(diagram.dot.contains(#"label="Drug A\nxrefs: +CHEBI=00001\nrole: racemate → enantiomer""#))
        #expect(diagram.dot.contains("cluster_legend"))
    }

    @Test("context: the changes, then their neighbours step by step")
    func context() throws {
        // a - b - c - d - e, and only d -> e changes.
        func chain(_ last: String) throws -> Network {
            try network("source\tinteraction\ttarget\na\tx\tb\nb\tx\tc\nc\tx\td\nd\t\(last)\te\n", path: "chain.sif")
        }
        let diff = NetworkDiff(old: try chain("x"), new: try chain("y"))
        #expect(try DiffDiagram(diff, names: ("a", "b"), context: 0).nodeCount == 2)
        #expect(try DiffDiagram(diff, names: ("a", "b"), context: 0).edgeCount == 2)
        #expect(try DiffDiagram(diff, names: ("a", "b"), context: 1).nodeCount == 3)
        #expect(try DiffDiagram(diff, names: ("a", "b"), context: 1).edgeCount == 3)
        #expect(try DiffDiagram(diff, names: ("a", "b"), context: 9).nodeCount == 5)
        #expect(try DiffDiagram(diff, names: ("a", "b"), context: nil).edgeCount == 5)
    }

    @Test("the diagram's title is a plain label (no HTML, which leaks in Graphviz) unless captioned; the caption is small and grey; the comment")
    func frame() throws {
        let old = try network("source\tinteraction\ttarget\na\tx\tb\n", path: "old.sif")
        let new = try network("source\tinteraction\ttarget\na\tx\tb\nb\ty\tc\n", path: "new.sif")
        let diff = NetworkDiff(old: old, new: new)
        let plain = try DiffDiagram(diff, names: ("old.sif", "new.sif"), context: 1).dot
        let title = try #require(plain.split(separator: "\n").first { $0.hasPrefix("  graph [") })
        #expect(title.hasPrefix(#"  graph [label="old.sif → new.sif\nnodes: 1 added; edges: 1 added\nthe changes and the nodes within 1 step of them\n""#))
        #expect(!title.contains("label=<"))
        #expect(!plain.contains("comment="))
        let framed = try DiffDiagram(diff, names: ("old.sif", "new.sif"), context: 1, caption: "v1 · abc", metadata: "tool: x").dot
        #expect(framed.contains(##"them<br/><font point-size="10" color="#6B6B6B">v1 · abc</font>>"##))
        #expect(framed.contains(#"comment="tool: x""#))
    }

    @Test("too large to draw: refused, with the way out")
    func tooLarge() throws {
        var text = "source\tinteraction\ttarget\n"
        for i in 0..<(DiffDiagram.maximumNodes + 10) { text += "n\(i)\tx\tn\(i + 1)\n" }
        let old = try network(text, path: "big.sif")
        let new = try network(text + "n0\ty\tn2\n", path: "big.sif")
        let diff = NetworkDiff(old: old, new: new)
        #expect(throws: DiffDiagram.SizeError.tooLarge(nodes: DiffDiagram.maximumNodes + 11, edges: DiffDiagram.maximumNodes + 11, context: nil)) {
            try DiffDiagram(diff, names: ("a", "b"), context: nil)
        }
        // The added edge n0 -> n2, and one step around it: n1 and n3.
        #expect(try DiffDiagram(diff, names: ("a", "b"), context: 1).nodeCount == 4)
    }
}
