import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// One edge of a test network: from, sign (+1, -1, or 0 for a label of unknown sign), to.
private typealias SignedEdge = (from: String, sign: Int, to: String)

/// The SIF text of `edges`: `activates`, `inhibits`, or `linked` (an unmapped label, walked with unknown sign).
private func sif(_ edges: [SignedEdge]) -> String {
    edges.map { "\($0.from)\t\($0.sign > 0 ? "activates" : $0.sign < 0 ? "inhibits" : "linked")\t\($0.to)\n" }.joined()
}

private func engine(_ edges: [SignedEdge]) throws -> PathEngine {
    let result = NetworkInput.load(data: Data(sif(edges).utf8), path: "test.sif", format: nil, import: ImportOptions())
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    return PathEngine(network: try #require(result.network))
}

/// A simple path as the brute force found it: its nodes, and the product of its edges' signs.
private typealias Walked = (nodes: [String], sign: Int)

/// Every simple edge sequence from `source` to any of `targets` of at most `maxLength` edges, the slow
/// way: one edge at a time, each edge walked forward, and backward too when `undirected`; a path may pass
/// through one target to another.
private func bruteForce(_ edges: [SignedEdge], undirected: Bool, from source: String, to targets: Set<String>, maxLength: Int)
    -> [Walked]
{
    var found: [Walked] = []
    func walk(_ path: [String], _ sign: Int) {
        let node = path[path.count - 1]
        if path.count > 1, targets.contains(node) { found.append((path, sign)) }
        guard path.count - 1 < maxLength else { return }
        for edge in edges {
            for (a, b) in undirected ? [(edge.from, edge.to), (edge.to, edge.from)] : [(edge.from, edge.to)]
            where a == node && !path.contains(b) {
                walk(path + [b], sign * edge.sign)
            }
        }
    }
    walk([source], 1)
    return found
}

/// What the brute force counts: the counts by sign of `paths` of at most `maxLength` edges, of sign `sign`
/// (if set), through a node of `via` (if set), whose node kinds (the id's part before `::`) are `pattern`
/// (if set); and how many of them pass through a target before their end.
private func count(
    _ paths: [Walked], targets: Set<String>, maxLength: Int, sign wanted: Sign? = nil, via: Set<String>? = nil,
    pattern: [String]? = nil
) -> (counts: SignCounts, throughTargets: Int) {
    var counts = SignCounts()
    var through = 0
    for (nodes, sign) in paths where nodes.count - 1 <= maxLength {
        if let wanted, wanted.stepValue != Int8(sign) { continue }
        if let via, via.isDisjoint(with: nodes) { continue }
        if let pattern, pattern != nodes.map({ String($0.split(separator: ":")[0]) }) { continue }
        counts = counts + SignCounts(positive: sign > 0 ? 1 : 0, negative: sign < 0 ? 1 : 0, unknown: sign == 0 ? 1 : 0)
        if nodes.dropLast().contains(where: targets.contains) { through += 1 }
    }
    return (counts, through)
}

/// A fixed pseudo-random multigraph by a linear congruential generator: `edges` edges among `nodes`
/// nodes `A::v0`, `B::v1`, `A::v2`, … (two kinds), of every sign, with parallel edges and self-loops.
private func randomGraph(seed: UInt64, nodes: Int, edges: Int) -> [SignedEdge] {
    var state = seed
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    let name = { (i: Int) in "\(i % 2 == 0 ? "A" : "B")::v\(i)" }
    return (0..<edges).map { _ in (name(next(nodes)), next(3) - 1, name(next(nodes))) }
}

@Suite("Counting the last step in bulk, with targets already on the path, agrees with brute force")
struct FinalStepTests {
    /// Hetionet's shape: compound – gene – disease – gene – disease, where diseases are targets met
    /// mid-path, one disease is adjacent to another, two diseases have self-loops, and a gene reaches a
    /// disease by parallel edges of every sign.
    @Test("a hand-made Compound–Gene–Disease graph, every length and sign, directed and undirected")
    func handMade() throws {
        let edges: [SignedEdge] = [
            ("C::c", 1, "G::g1"), ("C::c", -1, "G::g2"), ("C::c", 0, "D::d3"),
            ("G::g1", 1, "D::d1"), ("G::g1", -1, "D::d1"), ("G::g1", 0, "D::d2"),
            ("D::d1", 1, "G::g2"), ("G::g2", 1, "D::d2"), ("G::g2", 1, "D::d2"), ("G::g2", -1, "D::d2"), ("G::g2", 0, "D::d2"),
            ("D::d1", -1, "D::d2"), ("D::d2", 1, "D::d2"), ("D::d2", 1, "G::g3"), ("G::g3", -1, "D::d1"),
            ("G::g3", 1, "D::d3"), ("G::g1", 1, "G::g3"), ("D::d3", 0, "D::d3"),
            // A target without steps of its own, directed: a path may end there one step early.
            ("G::g3", -1, "D::d4"), ("D::d1", 1, "D::d4"),
        ]
        let engine = try engine(edges)
        let network = engine.network
        let diseases: Set = ["D::d1", "D::d2", "D::d3", "D::d4"]
        let source = try #require(network.index(of: "C::c"))
        let targets = diseases.sorted().compactMap(network.index(of:))
        var through = 0
        for undirected in [true, false] {
            let paths = bruteForce(edges, undirected: undirected, from: "C::c", to: diseases, maxLength: 6)
            for maxLength in 1...6 {
                for sign in [nil, Sign.positive, .negative, .unknown] {
                    var query = PathQuery(sources: [source], targets: targets, maxLength: maxLength, sign: sign)
                    query.traversal.undirected = undirected
                    let expected = count(paths, targets: diseases, maxLength: maxLength, sign: sign)
                    let label = "undirected \(undirected), ≤ \(maxLength), sign \(sign?.rawValue ?? "any")"
                    let bulk = try engine.paths(query, limit: 0)
                    #expect(!bulk.partial && bulk.counts == expected.counts, "\(label)")
                    #expect(try engine.paths(query, limit: 1_000_000).counts == expected.counts, "walked: \(label)")
                    through += expected.throughTargets
                }
            }
        }
        // The case the bulk count must correct for occurs.
        #expect(through > 100)
        // One figure by hand, so that the brute force is checked too; of at most 2 edges, undirected:
        // positive C–g1–d1 (+ +), C–g2–d2 (- -); negative C–g1–d1 (+ -), C–g2–d1, C–g2–d2 (- +, twice);
        // unknown C–d3, C–g1–d2, C–g2–d2 (- ?).
        let two = count(bruteForce(edges, undirected: true, from: "C::c", to: diseases, maxLength: 2), targets: diseases, maxLength: 2)
        #expect(two.counts == SignCounts(positive: 2, negative: 4, unknown: 3))
        var query = PathQuery(sources: [source], targets: targets, maxLength: 2)
        query.traversal.undirected = true
        #expect(try engine.paths(query, limit: 0).counts == two.counts)
    }

    /// Pseudo-random multigraphs with parallel edges, self-loops, nodes without out-edges, and every sign: every node as the
    /// source, to a target set of four nodes (often adjacent to each other, so targets are met mid-path),
    /// at every length up to 5, with sign, via and pattern constraints, directed and undirected.
    @Test("random multigraphs: every source, length, sign, via and pattern", arguments: [UInt64(1), 7, 42, 2026])
    func random(seed: UInt64) throws {
        let edges = randomGraph(seed: seed, nodes: 10, edges: 28)
        let engine = try engine(edges)
        let network = engine.network
        let names = network.nodeIndices.map { network.node($0).id }.sorted()
        let targets = Set(names.prefix(4))
        let targetIndices = targets.sorted().compactMap(network.index(of:))
        let via: Set = [names[5]]
        var through = 0
        var compared = 0
        for undirected in [true, false] {
            for source in names {
                let paths = bruteForce(edges, undirected: undirected, from: source, to: targets, maxLength: 5)
                for maxLength in 1...5 {
                    var base = PathQuery(sources: [try #require(network.index(of: source))], targets: targetIndices, maxLength: maxLength)
                    base.traversal.undirected = undirected
                    var settings: [(name: String, query: PathQuery, expected: (counts: SignCounts, throughTargets: Int))] = []
                    for sign in [nil, Sign.positive, .negative, .unknown] {
                        var query = base
                        query.sign = sign
                        settings.append(("sign \(sign?.rawValue ?? "any")", query, count(paths, targets: targets, maxLength: maxLength, sign: sign)))
                        query.via = via.compactMap(network.index(of:))
                        settings.append(
                            ("via, sign \(sign?.rawValue ?? "any")", query, count(paths, targets: targets, maxLength: maxLength, sign: sign, via: via)))
                    }
                    if maxLength >= 2 {
                        // Kinds alternate A, B, A, …, ending at A.
                        let kinds = (0...maxLength).map { ($0 + maxLength) % 2 == 0 ? "A" : "B" }
                        var query = base
                        query.pattern = kinds
                        settings.append(("pattern", query, count(paths, targets: targets, maxLength: maxLength, pattern: kinds)))
                    }
                    for (name, query, expected) in settings {
                        let label = "seed \(seed), undirected \(undirected), \(source), ≤ \(maxLength), \(name)"
                        let bulk = try engine.paths(query, limit: 0)
                        #expect(!bulk.partial && bulk.counts == expected.counts, "\(label)")
                        let perTarget = try engine.reach(query).reports.map(\.counts).reduce(SignCounts(), +)
                        #expect(perTarget == expected.counts, "per target: \(label)")
                        through += expected.throughTargets
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 700)
        #expect(through > 1000)
    }
}
