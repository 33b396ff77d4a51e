import Foundation
import PharmGraphTestSupport
import Testing

@Suite("pharmgraph render --report, end to end")
struct LayoutReportEndToEndTests {
    @Test("--summary --report measures the summary; --panels --report FILE writes FILE-SLUG.EXT per panel")
    func slides() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try pharmgraph("render", "render/panels.yaml", "--summary", "-o", directory + "/summary.svg", "--report", directory + "/summary.txt")
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(try String(contentsOfFile: directory + "/summary.txt", encoding: .utf8).contains("\nnode overlaps: 0\n"))
        let panels = try pharmgraph("render", "render/panels.yaml", "--panels", "system", "-o", directory + "/panels", "--report", directory + "/layout.json")
        #expect(panels.status == 0, "\(panels.stderr)")
        let figures = try listing(directory + "/panels").filter { $0 != "legend.svg" }.map { String($0.dropLast(4)) }
        let reports = try listing(directory).filter { $0.hasPrefix("layout-") }
        #expect(!figures.isEmpty && reports == figures.map { "layout-\($0).json" })
    }

    @Test("--report FILE writes the text report beside the figure; FILE.json the JSON; - prints the text")
    func report() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try pharmgraph("render", "valid/example.yaml", "-o", directory + "/out.svg", "--report", directory + "/layout.txt")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty && run.stderr.isEmpty)
        let text = try String(contentsOfFile: directory + "/layout.txt", encoding: .utf8)
        #expect(text.hasPrefix("layout: dot, rankdir TB; "))
        for line in ["\nnode overlaps: 0\n", "\nedge crossings: ", "\nlegend: ", "\nlayer order: ", "\nsmallest label: ", "  16:9 slide 13.33 × 7.50 in"] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/out.svg")), as: UTF8.self).contains("<svg"))

        let json = try pharmgraph(
            "render", "valid/example.yaml", "-o", directory + "/out.png", "--report", directory + "/layout.json", "--focus", "nmdar")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/layout.json"))) as? [String: Any])
        #expect(object["schema_version"] as? String == "pharmgraph-layout/1")
        #expect(object["engine"] as? String == "dot")
        #expect((object["provenance"] as? [String: Any])?["options"] as? [String: String] == ["focus": "nmdar", "depth": "2", "direction": "both"])
        #expect((object["overlaps"] as? [String: Any])?["count"] as? Int == 0)
        #expect(try listing(directory) == ["layout.json", "layout.txt", "out.png", "out.svg"])

        // The report measures the figure's own layout: the same as measuring its JSON rendering.
        let stdout = try pharmgraph("render", "valid/example.yaml", "-o", directory + "/out.json", "--report", "-")
        #expect(stdout.status == 0, "\(stdout.stderr)")
        #expect(stdout.stdout == text)
    }

    @Test("--report and -o cannot both be stdout or the same file; a report that cannot be written fails with exit 1")
    func refusals() throws {
        let both = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--report", "-")
        #expect(both.status == 64)
        #expect(both.stderr.contains("--report - and -o - both write to standard output"))
        #expect(both.stdout.isEmpty)

        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let same = try pharmgraph("render", "valid/example.yaml", "-o", directory + "/x.svg", "--report", directory + "/x.svg")
        #expect(same.status == 64)
        #expect(same.stderr.contains("--report and -o name the same file"))
        #expect(try listing(directory).isEmpty)

        let missing = try pharmgraph("render", "valid/example.yaml", "-o", directory + "/x.svg", "--report", directory + "/no/such/r.txt")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("error: cannot write '\(directory)/no/such/r.txt'"))
    }

    @Test("--report with --format dot still measures a layout, and the DOT written is unchanged")
    func dotFormat() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "dot", "--report", directory + "/r.txt")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Golden.compare(run.stdout, to: "Tests/PharmGraphCLITests/Golden/render-example.dot") == .matches)
        #expect(try String(contentsOfFile: directory + "/r.txt", encoding: .utf8).contains("edge crossings: "))
    }

    @Test("Graphs/ketamine.yaml: the whole graph crosses at least 30 % less than plain dot, every edge routed, 0 overlaps, legend ≤ 15 %")
    func wholeGraphGoal() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graph = Repository.path("Graphs/ketamine.yaml")
        func measured(_ name: String, _ extra: [String]) throws -> [String: Any] {
            let run = try Binary.run(["render", graph, "-o", directory + "/\(name).svg", "--report", directory + "/\(name).json"] + extra, in: fixtures)
            #expect(run.status == 0, "\(run.stderr)")
            return try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/\(name).json"))) as? [String: Any])
        }
        let ours = try measured("ours", [])
        let plain = try measured("plain", ["--layering", "none", "--expand-forms", "--no-legend"])
        let crossings = try #require(ours["crossings"] as? Int)
        let baseline = try #require(plain["crossings"] as? Int)
        #expect(Double(crossings) <= 0.7 * Double(baseline), "\(crossings) against \(baseline)")
        #expect(ours["unrouted_edges"] as? Int == 0)
        #expect((ours["overlaps"] as? [String: Any])?["count"] as? Int == 0)
        #expect((ours["legend_share"] as? Double ?? 1) <= 0.15)
    }

    @Test("Graphs/ketamine.yaml: a default path figure of 67 paths draws the firmest that fit a slide at 8 pt and says so; --all-paths draws 50")
    func slidePathCap() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graph = Repository.path("Graphs/ketamine.yaml")
        let query = ["render", graph, "--paths", "ketamine", "antidepressant-effect"]
        let run = try Binary.run(query + ["-o", directory + "/p.dot", "--report", directory + "/p.json"], in: fixtures)
        #expect(run.status == 0, "\(run.stderr)")
        // The caption and the table's note, their wrapped lines joined.
        let dot = try String(contentsOfFile: directory + "/p.dot", encoding: .utf8).replacingOccurrences(of: "<br/>", with: " ")
        let drawn = try #require(
            dot.firstMatch(of: #/(\d+) of 67 paths drawn, the headline mechanism first, then the firmest evidence; pharmgraph paths ketamine/#))
        let count = try #require(Int(drawn.1))
        #expect((2..<50).contains(count))
        #expect(dot.contains("; \(count) drawn, the headline mechanism first, then the firmest evidence, as many as fit a slide (--all-paths: all)"))
        // Numbered 1 to `count` in the table, no more.
        #expect(dot.contains(#">\#(count)</td>"#) && !dot.contains(#">\#(count + 1)</td>"#))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/p.json"))) as? [String: Any])
        let pages = try #require((report["labels"] as? [String: Any])?["pages"] as? [[String: Any]])
        let slide = try #require(pages.first { $0["name"] as? String == "16:9 slide" }?["smallest_pt"] as? Double)
        #expect(slide >= 8)
        #expect(((report["provenance"] as? [String: Any])?["options"] as? [String: String])?["all_paths"] == nil)
        // --all-paths: the 50 the search keeps, without the slide's cap.
        let all = try Binary.run(query + ["-o", "-", "--format", "dot", "--all-paths"], in: fixtures)
        #expect(all.status == 0, "\(all.stderr)")
        let allDOT = all.stdout.replacingOccurrences(of: "<br/>", with: " ")
        #expect(allDOT.contains("50 of 67 paths drawn") && allDOT.contains("; 50 drawn") && !allDOT.contains("as many as fit a slide"))
        let alone = try Binary.run(["render", graph, "-o", "-", "--format", "dot", "--all-paths"], in: fixtures)
        #expect(alone.status != 0 && alone.stderr.contains("--all-paths needs --paths"))
    }
}
