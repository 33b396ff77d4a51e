import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

/// The engine of a fixture graph under Fixtures/paths.
private func engine(_ name: String) throws -> PathEngine {
    let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/paths/\(name)"))
    return PathEngine(graph: try #require(result.graph))
}

/// An imported SIF network's engine.
private func sifEngine(_ text: String) throws -> PathEngine {
    let result = NetworkInput.load(data: Data(text.utf8), path: "n.sif")
    return PathEngine(network: try #require(result.network, "\(result.diagnostics.map(\.headline))"))
}

@Suite("Batch verdicts: every pair, as paths answers it, sorted, the same for any number of jobs")
struct BatchVerdictsTests {
    @Test("each row is the pair's paths answer (counts, tiered verdict, certainty); pairs without a path have none")
    func sameAsPaths() throws {
        let engine = try engine("signed.yaml")
        let network = engine.network
        let drugs = try NodeSelector.resolve("kind:drug", in: network)
        let effects = try NodeSelector.resolve("kind:effect", in: network)
        let batch = BatchVerdicts(sources: drugs, targets: effects, template: PathQuery(sources: [], targets: []), network: network)
        let rows = try batch.run(on: engine).rows
        var expected: [String] = []
        for source in drugs {
            for target in effects {
                let query = PathQuery(sources: [source], targets: [target])
                var report = try engine.paths(query)
                try engine.assess(query, &report, detail: false)
                try engine.assessFeedback(query, report: &report)
                guard report.counts.total > 0 else { continue }
                let (from, to) = (network.node(source).id, network.node(target).id)
                expected.append(PathsReport.batchRow(from: from, to: to, report))
            }
        }
        let tsv = BatchVerdictsReport(network: network, rows: rows).tsv
        #expect(tsv == ([PathsReport.batchHeader] + expected.sorted()).joined(separator: "\n") + "\n")
        #expect(tsv.contains("drug-a\te-pos\t4\t2\t1\t1\tmixed\t2\tno\tmixed\testablished\n"))
        #expect(!tsv.contains("drug-b\te-pos"))
        #expect(batch.pairCount == drugs.count * effects.count)
    }

    @Test("rows sorted bytewise by (source id, target id), identical for 1, 2 and 5 jobs; progress counts every pair")
    func jobs() throws {
        let engine = try sifEngine(GeneratedNetwork.sif(nodes: 100, edges: 220, seed: 42, lower: "x"))
        let network = engine.network
        let drugs = try NodeSelector.resolve("kind:Drug", in: network)
        let diseases = try NodeSelector.resolve("kind:Disease", in: network)
        // Undirected, as Hetionet is walked: no feedback analysis, so the test stays fast.
        let template = PathQuery(sources: [], targets: [], maxLength: 3, traversal: TraversalOptions(undirected: true))
        let one = try BatchVerdicts(sources: drugs, targets: diseases, template: template, jobs: 1, network: network).run(on: engine).rows
        #expect(one.count > 50)
        let keys = one.map { [Array($0.from.utf8), Array($0.to.utf8)] }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { a, b in a[0] != b[0] ? a[0].lexicographicallyPrecedes(b[0]) : a[1].lexicographicallyPrecedes(b[1]) })
        // Mixed case: bytewise puts every upper-case id first.
        var order: [String] = []
        for row in one where order.last != row.from { order.append(row.from) }
        #expect(order.first?.hasPrefix("Drug::X") == true && order.last?.hasPrefix("Drug::x") == true)
        let text = { (rows: [PairVerdict]) in
            let report = BatchVerdictsReport(network: network, rows: rows)
            return report.tsv + (try report.jsonLines())
        }
        for jobs in [2, 5] {
            let counted = Counted()
            let batch = BatchVerdicts(sources: drugs, targets: diseases, template: template, jobs: jobs, network: network)
            let rows = try batch.run(on: engine) { counted.add($0) }.rows
            #expect(try text(rows) == text(one), "jobs \(jobs)")
            #expect(counted.total == batch.pairCount)
        }
    }

    @Test("JSON Lines: one object per pair, with the verdict semantics' fields; a query error is thrown")
    func jsonLinesAndErrors() throws {
        let engine = try engine("signed.yaml")
        let network = engine.network
        let batch = BatchVerdicts(
            sources: try NodeSelector.resolve("kind:drug", in: network), targets: try NodeSelector.resolve("kind:effect", in: network),
            template: PathQuery(sources: [], targets: []), network: network)
        let lines = try BatchVerdictsReport(network: network, rows: try batch.run(on: engine).rows).jsonLines()
        let objects = try lines.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 4)
        let first = try #require(objects.first { $0["from"] as? String == "drug-a" && $0["to"] as? String == "e-pos" })
        #expect(first["verdict"] as? String == "mixed")
        #expect(first["raw_verdict"] as? String == "mixed")
        #expect(first["tiers"] is [Any])
        #expect((first["shortest"] as? [String: Any])?["length"] as? Int == 2)
        var bad = PathQuery(sources: [], targets: [])
        bad.pattern = ["drug"]
        let failing = BatchVerdicts(sources: batch.sources, targets: batch.targets, template: bad, jobs: 2, network: network)
        #expect(throws: PathEngine.QueryError.patternTooShort(kinds: 1)) { try failing.run(on: engine) }
    }

    @Test("a source whose count passes 64 bits fails alone: the other sources' rows stay, for any number of jobs")
    func overflowFailsOneSource() throws {
        // n0 reaches n5 by 10^20 paths (five hops of 10,000 parallel edges); m0 and z0 reach it by one each.
        var text = "m0\tactivates\tn5\nz0\tinhibits\tn5\n"
        for hop in 0..<5 { text += "n\(hop)\tactivates" + String(repeating: "\tn\(hop + 1)", count: 10_000) + "\n" }
        let engine = try sifEngine(text)
        let network = engine.network
        let sources = try ["z0", "n0", "m0"].flatMap { try NodeSelector.resolve($0, in: network) }
        let target = try NodeSelector.resolve("n5", in: network)
        for jobs in [1, 2] {
            let batch = BatchVerdicts(sources: sources, targets: target, template: PathQuery(sources: [], targets: []), jobs: jobs, network: network)
            let outcome = try batch.run(on: engine)
            #expect(outcome.rows.map { "\($0.from) \($0.to) \($0.counts.positive) \($0.counts.negative)" } == ["m0 n5 1 0", "z0 n5 0 1"])
            #expect(outcome.failures.map(\.source) == ["n0"])
            #expect(outcome.failures.map(\.error) == [.pathCountOverflow])
        }
    }

    @Test("a batch line's own options: length, avoided nodes, clamps; each bad one at its column")
    func lineOptions() throws {
        let network = try engine("signed.yaml").network
        let r1 = try NodeSelector.resolve("r1", in: network)
        let text = "drug-a\te-pos\t--max-length 1 --avoid=r1\ndrug-a\te-pos\t--do r2=-\n"
        let batch = PathBatch(text: text, path: "q.tsv", network: network)
        #expect(batch.problems.isEmpty)
        #expect(batch.rows.map(\.options.maxLength) == [1, nil])
        #expect(batch.rows[0].options.avoid == r1)
        #expect(batch.rows[1].options.interventions?.map(\.sign) == [.negative])
        var query = PathQuery(sources: [], targets: [], maxLength: 6, avoid: [])
        batch.rows[0].options.apply(to: &query)
        #expect(query.maxLength == 1 && query.avoid == r1)
        let bad = PathBatch(
            text: "drug-a\te-pos\t--max-length 0\ndrug-a\te-pos\t--via r1\ndrug-a\te-pos\t--avoid\ndrug-a\te-pos\t--do e-pos=+\n"
                + "drug-a\te-pos\t--avoid r9\ndrug-a\te-pos\t--do r1=+ --do r1=-\n",
            path: "q.tsv", network: network, interventions: [])
        #expect(bad.rows.isEmpty)
        #expect(
            bad.problems.map { $0.diagnostic(path: "q.tsv").headline } == [
                "q.tsv:1:27: error: --max-length must be from 1 to 100",
                "q.tsv:2:14: error: unknown option '--via' (a line may give --max-length, --avoid, --do)",
                "q.tsv:3:14: error: --avoid needs a value",
                "q.tsv:4:8: error: TO 'e-pos' is clamped by --do: every edge into it is cut, so no path reaches it",
                "q.tsv:5:22: error: --avoid: unknown node 'r9'; did you mean 'r1'?",
                "q.tsv:6:14: error: --do: 'r1' is clamped both ways, by 'r1=+' and 'r1=-'",
            ])
    }
}

/// Pairs told done, from any thread.
private final class Counted: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.withLock { count += n } }
    var total: Int { lock.withLock { count } }
}
