import Foundation
import PharmGraphTestSupport
import Testing

/// `verdicts` and `paths --batch`: every pair's verdict, sorted, the same for any --jobs; JSON Lines; bad lines at their line.
@Suite("verdicts and paths --batch, end to end")
struct VerdictsEndToEndTests {
    @Test("verdicts: a header, then each pair with a path as paths --batch answers it, sorted by source then target")
    func samAsPathsBatch() throws {
        let run = try pharmgraph("verdicts", "paths/signed.yaml", "--sources", "kind:drug", "--targets", "kind:effect")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "from\tto\ttotal\tpositive\tnegative\tunknown\tverdict\tshortest\tpartial\traw_verdict\tcertainty")
        let pairs = lines.dropFirst().map { $0.split(separator: "\t").prefix(2).joined(separator: "\t") }
        #expect(pairs == ["drug-a\te-mixed", "drug-a\te-pos", "drug-a\te-unknown", "drug-b\te-none"])
        // The same pairs through paths --batch (every pair: those without a path give no verdicts row).
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let every = ["drug-a", "drug-b"].flatMap { d in ["e-mixed", "e-none", "e-pos", "e-unknown"].map { "\(d)\t\($0)" } }
        try (every.joined(separator: "\n") + "\n").write(toFile: directory + "/q.tsv", atomically: true, encoding: .utf8)
        let batch = try Binary.run(["paths", fixtures + "/paths/signed.yaml", "--batch", "q.tsv"], in: directory)
        #expect(batch.status == 0)
        // A row shows one shortest path whatever --limit keeps.
        let unlimited = try Binary.run(["paths", fixtures + "/paths/signed.yaml", "--batch", "q.tsv", "--limit", "0"], in: directory)
        #expect(unlimited.status == 0 && unlimited.stdout == batch.stdout)
        let withPath = batch.stdout.split(separator: "\n").map(String.init).filter { $0.split(separator: "\t")[2] != "0" }
        #expect(withPath == lines)
    }

    @Test("a source whose count passes 64 bits is an error on stderr and exit 1; the other sources' rows are printed")
    func overflowingSource() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var text = "m0\tactivates\tn5\n"
        for hop in 0..<5 { text += "n\(hop)\tactivates" + String(repeating: "\tn\(hop + 1)", count: 10_000) + "\n" }
        try text.write(toFile: directory + "/n.sif", atomically: true, encoding: .utf8)
        for jobs in ["1", "2"] {
            let run = try Binary.run(
                ["verdicts", "n.sif", "--sources", "n0", "--sources", "m0", "--targets", "n5", "--max-length", "5", "--jobs", jobs], in: directory)
            #expect(run.status == 1)
            #expect(run.stderr.contains("error: --sources 'n0': more paths than"), "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2 && lines.last?.hasPrefix("m0\tn5\t1\t1\t0\t0\tpositive\t") == true, "\(run.stdout)")
        }
    }

    @Test("--jobs 1, 2 and 4 print the same bytes, TSV and JSON Lines; rows sorted bytewise; progress counts pairs")
    func jobsIdentical() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try GeneratedNetwork.sif(nodes: 100, edges: 220, seed: 7, lower: "b").write(toFile: directory + "/n.sif", atomically: true, encoding: .utf8)
        for format in ["tsv", "json"] {
            let runs = try ["1", "2", "4"].map { jobs in
                try Binary.run(
                    [
                        "verdicts", "n.sif", "--sources", "kind:Drug", "--targets", "kind:Disease", "--max-length", "3", "--undirected", "--jobs", jobs,
                        "--format", format,
                    ],
                    in: directory)
            }
            #expect(runs.allSatisfy { $0.status == 0 })
            #expect(runs[1].stdout == runs[0].stdout && runs[2].stdout == runs[0].stdout, "\(format)")
            let lines = runs[0].stdout.split(separator: "\n").map(String.init)
            #expect(lines.count > 100)
            if format == "tsv" {
                let keys = lines.dropFirst().map { line in line.split(separator: "\t").prefix(2).map { Array($0.utf8) } }
                #expect(
                    zip(keys, keys.dropFirst()).allSatisfy { a, b in a[0] != b[0] ? a[0].lexicographicallyPrecedes(b[0]) : a[1].lexicographicallyPrecedes(b[1])
                    })
                // Bytewise: upper case before lower case.
                #expect(keys.first.map { String(decoding: $0[0], as: UTF8.self).hasPrefix("Drug::B") } == true)
                #expect(keys.last.map { String(decoding: $0[0], as: UTF8.self).hasPrefix("Drug::b") } == true)
            } else {
                for line in lines {
                    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    #expect(object?["from"] is String && object?["to"] is String && object?["verdict"] is String, "\(line)")
                }
            }
        }
        let progress = try Program.run(
            try #require(Binary.url).path,
            ["verdicts", "n.sif", "--sources", "kind:Drug", "--targets", "kind:Disease", "--max-length", "2", "--undirected", "--jobs", "2"], in: directory,
            environment: ["PHARMGRAPH_PROGRESS": "force"])
        #expect(progress.status == 0)
        #expect(progress.stderr.contains(" pairs ("))
    }

    @Test("verdicts: a selector that names nothing, a missing end, a bad --jobs: clear errors")
    func errors() throws {
        let kind = try pharmgraph("verdicts", "paths/signed.yaml", "--sources", "kind:drugs", "--targets", "kind:effect")
        #expect(kind.status == 1)
        #expect(kind.stderr == "error: --sources: no node of kind 'drugs'; did you mean 'drug'?\n")
        #expect(kind.stdout.isEmpty)
        let node = try pharmgraph("verdicts", "paths/signed.yaml", "--sources", "kind:drug", "--targets", "e-poss")
        #expect(node.status == 1)
        #expect(node.stderr == "error: --targets: unknown node 'e-poss'; did you mean 'e-pos'?\n")
        let missing = try pharmgraph("verdicts", "paths/signed.yaml", "--sources", "kind:drug")
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("give --targets"))
        let jobs = try pharmgraph("verdicts", "paths/signed.yaml", "--sources", "kind:drug", "--targets", "kind:effect", "--jobs", "0")
        #expect(jobs.status == 64)
        #expect(jobs.stderr.contains("--jobs must be from 1 to 256"))
    }

    @Test("paths --batch: JSON Lines; every bad line at its line and column while the others run, exit 1; a line's own options")
    func pathsBatch() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graph = fixtures + "/paths/signed.yaml"
        let text =
            "drug-a\te-pos\ndrug-a\te-poss\ndrug-b\te-none\ndrug-a\te-pos\t--max-length 1\ndrug-a\te-pos\t--avoid r1 --via r2\n"
            + "drug-a\te-pos\t--avoid r1\ndrug-a\te-mixed\t--do r2=-\n"
        try text.write(toFile: directory + "/q.tsv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["paths", graph, "--batch", "q.tsv"], in: directory)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                q.tsv:2:8: error: TO: unknown node 'e-poss'; did you mean 'e-pos'?
                drug-a\te-poss
                      \t^
                q.tsv:5:25: error: unknown option '--via' (a line may give --max-length, --avoid, --do)
                drug-a\te-pos\t--avoid r1 --via r2
                      \t     \t           ^

                """)
        let rows = run.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 6)
        #expect(rows[1] == "drug-a\te-pos\t4\t2\t1\t1\tmixed\t2\tno\tmixed\testablished")
        #expect(rows[2].hasPrefix("drug-b\te-none\t1\t"))
        // Each line's options answer as the same options on the command line.
        for (row, options) in [(rows[3], ["--max-length", "1"]), (rows[4], ["--avoid", "r1"]), (rows[5], ["--do", "r2=-"])] {
            let fields = row.split(separator: "\t").map(String.init)
            let single = try Binary.run(["paths", graph, fields[0], fields[1], "--format", "json"] + options, in: directory)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? [String: Any])
            #expect(fields[2] == "\(object["total"] as? Int ?? -1)", "\(options)")
            #expect(fields[6] == object["verdict"] as? String, "\(options)")
        }
        let json = try Binary.run(["paths", graph, "--batch", "q.tsv", "--format", "json"], in: directory)
        #expect(json.status == 1)
        let objects = try json.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["line"] as? Int } == [1, 3, 4, 6, 7])
        #expect(objects[0]["verdict"] as? String == "mixed" && objects[0]["total"] as? Int == 4)
    }

    @Test("paths --batch: a search the engine refuses is that line's error at its line; the other lines still print")
    func refusedSearch() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graph = Repository.path("Graphs/ketamine.yaml")
        try "ketamine\tanalgesia\nketamine\tanalgesia\t--max-length 1\nketamine\tmood-elevation\n"
            .write(toFile: directory + "/q.tsv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["paths", graph, "--batch", "q.tsv", "--pattern", "drug,receptor,effect"], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("q.tsv:2:1: error: the pattern has 2 steps, more than the maximum length 1\n"), "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: "\t") }
        #expect(rows.dropFirst() == ["ketamine\tanalgesia", "ketamine\tmood-elevation"])
    }

    @Test("--list-sources lists the sources in output order; --sources-from slices of it, run apart and joined, print the whole output")
    func slicedSources() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try GeneratedNetwork.sif(nodes: 80, edges: 180, seed: 11, lower: "b").write(toFile: directory + "/n.sif", atomically: true, encoding: .utf8)
        let common = ["verdicts", "n.sif", "--targets", "kind:Disease", "--max-length", "3", "--undirected"]
        let whole = try Binary.run(common + ["--sources", "kind:Drug"], in: directory)
        #expect(whole.status == 0)
        let listed = try Binary.run(common + ["--sources", "kind:Drug", "--list-sources"], in: directory)
        #expect(listed.status == 0 && listed.stderr.isEmpty)
        let ids = listed.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count > 4)
        #expect(zip(ids, ids.dropFirst()).allSatisfy { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        // Three slices in order: the first from a file (with a blank line and CRLF), the others on stdin.
        let cut = [0, ids.count / 3, 2 * ids.count / 3, ids.count]
        try (ids[cut[0]..<cut[1]].joined(separator: "\r\n") + "\n\n").write(toFile: directory + "/s.txt", atomically: true, encoding: .utf8)
        let first = try Binary.run(common + ["--sources-from", "s.txt"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        var joined = first.stdout
        for slice in 1...2 {
            let run = try Binary.run(common + ["--sources-from", "-"], in: directory, input: ids[cut[slice]..<cut[slice + 1]].joined(separator: "\n"))
            #expect(run.status == 0, "\(run.stderr)")
            joined += run.stdout.split(separator: "\n", maxSplits: 1).dropFirst().joined()
        }
        #expect(joined == whole.stdout)
        let empty = try Binary.run(common + ["--sources-from", "-"], in: directory, input: "\n \n")
        #expect(empty.status == 64 && empty.stderr.contains("- names no source (--sources-from)"), "\(empty.stderr)")
        // Every line naming no node is reported at its line, and nothing is printed.
        try "Drug::nope\n\(ids[0])\n\nkind:Nothing\n".write(toFile: directory + "/bad.txt", atomically: true, encoding: .utf8)
        let unknown = try Binary.run(common + ["--sources-from", "bad.txt"], in: directory)
        #expect(unknown.status == 1 && unknown.stdout.isEmpty, "\(unknown.stderr)")
        #expect(unknown.stderr.hasPrefix("bad.txt:1:1: error: unknown node 'Drug::nope'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("bad.txt:4:1: error: "), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("bad.txt:2:"), "\(unknown.stderr)")
        let twice = try Binary.run(["verdicts", "-", "--targets", "kind:Disease", "--sources-from", "-"], in: directory)
        #expect(twice.status == 64 && twice.stderr.contains("only one input can be '-'"))
    }
}
