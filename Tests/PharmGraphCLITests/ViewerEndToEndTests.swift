import Foundation
import PharmGraphTestSupport
import Testing

private let ketamine = Repository.path("Graphs/ketamine.yaml")

/// A written viewer page: its text and its embedded data.
private struct Page: Sendable {
    let text: String
    let bytes: Int
    /// The JSON between the data element's tags.
    let json: String

    init(path: String) throws {
        let contents = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes = contents.count
        text = String(decoding: contents, as: UTF8.self)
        let open = #"<script type="application/json" id="pharmgraph-data">"#
        let start = try #require(text.range(of: open))
        let end = try #require(text.range(of: "</script>", range: start.upperBound..<text.endIndex))
        json = String(text[start.upperBound..<end.lowerBound])
    }

    var data: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]) ?? [:] }

    var edges: [[String: Any]] { data["edges"] as? [[String: Any]] ?? [] }

    /// A pair's answer in a context (`""` for none).
    func pair(_ from: String, _ to: String, context: String = "") -> [String: Any]? {
        guard let index = (data["pairs"] as? [String: [String: Int]])?[context]?[from + "\t" + to],
            let answers = data["answers"] as? [[String: Any]], let table = data["paths"] as? [[Int]], answers.indices.contains(index)
        else { return nil }
        // The answer with its paths as edge indices (the data stores each path once, by index).
        var answer = answers[index]
        answer["paths"] = (answer["paths"] as? [Int])?.map { table.indices.contains($0) ? table[$0] : [] }
        return answer
    }

    /// A path of edge indices as `paths --format json` writes it: node ids and relations.
    static func described(_ path: [Int], edges: [[String: Any]]) -> String {
        let nodes = [edges[path[0]]["from"] as? String ?? ""] + path.map { edges[$0]["to"] as? String ?? "" }
        return nodes.joined(separator: " ") + " | " + path.map { edges[$0]["relation"] as? String ?? "" }.joined(separator: " ")
    }
}

/// The ketamine page, written once for the suite (the path searches take a few seconds in a debug build).
private enum KetaminePage {
    static let written: Result<(Page, RunResult), any Error> = Result {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/ketamine.html"
        let run = try pharmgraph("render", ketamine, "-o", path)
        return (try Page(path: path), run)
    }
}

@Suite("pharmgraph render -o FILE.html and diff --render FILE.html, end to end")
struct ViewerEndToEndTests {
    @Test("the ketamine page: written, under 1.5 MB, no URL but the DOI link's base, the SVG's ids for every edge")
    func ketaminePage() throws {
        let (page, run) = try KetaminePage.written.get()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(page.bytes < 1_500_000, "\(page.bytes) bytes")
        // The path results scale with the graph: each distinct path and answer stored once (1,870 pair entries, 16,782 path uses).
        let results = try ["paths", "answers", "pairs"].reduce(0) { sum, key in
            sum + (try JSONSerialization.data(withJSONObject: try #require(page.data[key]), options: [])).count
        }
        #expect(results < 250_000, "the path results take \(results) bytes")
        #expect(page.text.hasPrefix("<!DOCTYPE html>"))
        #expect(page.text.components(separatedBy: "//").count == 2, "only 'https://doi.org/' in the script")
        #expect(page.text.components(separatedBy: "https://doi.org/").count == 2)
        #expect(!page.text.contains("http://") && !page.text.contains(" src=") && !page.text.contains(" href="))
        #expect(page.data["format"] as? String == "pharmgraph-viewer/2")
        for (i, _) in page.edges.enumerated() { #expect(page.text.contains("id=\"edge&#45;\(i)\""), "edge \(i)") }
        #expect(page.text.contains("id=\"node&#45;nmdar\""))
        for id in ["from", "to", "show-paths", "verdict", "search", "search-results", "info", "pharmgraph-data"] {
            #expect(page.text.contains("id=\"\(id)\""), "\(id)")
        }
    }

    @Test("the embedded paths are those of paths --format json: ketamine → antidepressant-effect and analgesia, unfiltered and at a dose")
    func agreesWithPaths() throws {
        let (page, _) = try KetaminePage.written.get()
        let edges = page.edges
        for (to, filter) in [("antidepressant-effect", ""), ("analgesia", ""), ("antidepressant-effect", "dose=subanesthetic")] {
            var arguments = ["paths", ketamine, "ketamine", to, "--format", "json", "--limit", "100000"]
            if !filter.isEmpty { arguments += ["--where", filter] }
            let run = try Binary.run(arguments, in: fixtures)
            #expect(run.status == 0, "\(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let pair = try #require(page.pair("ketamine", to, context: filter), "\(to) \(filter)")
            #expect(pair["verdict"] as? String == json["verdict"] as? String)
            #expect(pair["reading"] as? String == json["reading"] as? String)
            #expect(pair["total"] as? Int == json["total"] as? Int)
            #expect(pair["counts"] as? [String: Int] == json["by_sign"] as? [String: Int])
            let expected = try #require(json["paths"] as? [[String: Any]]).map { path in
                ((path["nodes"] as? [String]) ?? []).joined(separator: " ") + " | " + ((path["relations"] as? [String]) ?? []).joined(separator: " ")
            }
            let shown = try #require(pair["paths"] as? [[Int]])
            #expect(shown.map { Page.described($0, edges: edges) } == expected, "\(to) \(filter)")
            #expect(!shown.isEmpty)
        }
    }

    @Test("a context's dimmed edges are those its filter leaves out, as render --where draws them")
    func contextMatchesWhere() throws {
        let (page, _) = try KetaminePage.written.get()
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // The page draws every form as its own node: so does this render.
        let run = try pharmgraph("render", ketamine, "-o", directory + "/sub.dot", "--where", "dose=subanesthetic", "--expand-forms")
        #expect(run.status == 0, "\(run.stderr)")
        let dot = try String(contentsOfFile: directory + "/sub.dot", encoding: .utf8)
        /// `from to relation` of each drawn edge statement, sorted.
        func ends(_ line: Substring) -> String? {
            let parts = line.split(separator: "\"")
            guard parts.count > 4, parts[2].contains("->"), let relation = line.range(of: "class=\"relation-") else { return nil }
            // An edge against the layers is written head first (class layer-reversed, docs/rendering.md "Layers").
            let (from, to) = line.contains("layer-reversed") ? (parts[3], parts[1]) : (parts[1], parts[3])
            return "\(from) \(to) " + line[relation.upperBound...].prefix { $0 != " " && $0 != "\"" }
        }
        let drawn = dot.split(separator: "\n").compactMap(ends).sorted()
        let contexts = try #require(page.data["contexts"] as? [String: [String: Any]])
        let removed = Set(try #require((contexts["dose"]?["removed"] as? [String: [Int]])?["subanesthetic"]))
        #expect(!removed.isEmpty)
        let kept = page.edges.enumerated().filter { !removed.contains($0.offset) }.map { edge in
            "\(edge.element["from"] as? String ?? "") \(edge.element["to"] as? String ?? "") \(edge.element["relation"] as? String ?? "")"
        }
        #expect(drawn == kept.sorted())
    }

    @Test("--format html writes the page to stdout; a page refuses --focus, --paths and --where; paths --render refuses .html")
    func formatsAndRefusals() throws {
        let run = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--format", "html")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>") && run.stdout.contains("id=\"pharmgraph-data\""))
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for extra in [["--focus", "nmdar"], ["--paths", "ketamine", "nmdar"], ["--where", "dose=subanesthetic"]] {
            let refused = try Binary.run(["render", "valid/example.yaml", "-o", directory + "/x.html"] + extra, in: fixtures)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("viewer page"), "\(refused.stderr)")
        }
        let paths = try pharmgraph("paths", "valid/example.yaml", "ketamine", "nmdar", "--render", directory + "/p.html")
        #expect(paths.status != 0 && paths.stderr.contains("pharmgraph render GRAPH -o FILE.html"), "\(paths.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "nothing written")
    }

    @Test("hostile labels: the page runs no script of the data and adds no attribute")
    func hostile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for fixture in ["render/hostile-labels.yaml", "viewer/hostile-viewer.yaml"] {
            let path = directory + "/page.html"
            let run = try pharmgraph("render", fixture, "-o", path)
            #expect(run.status == 0, "\(fixture): \(run.stderr)")
            let page = try Page(path: path)
            #expect(page.text.components(separatedBy: "<script").count == 3, "\(fixture)")
            #expect(page.text.components(separatedBy: "</script>").count == 3, "\(fixture)")
            #expect(MarkupScan.eventAttributes(in: page.text).isEmpty, "\(fixture): \(MarkupScan.eventAttributes(in: page.text))")
            #expect(!page.text.contains("<img") && !page.text.contains("<iframe") && !page.text.contains("<b>"), "\(fixture)")
            #expect((page.data["nodes"] as? [Any])?.isEmpty == false)
        }
    }

    @Test("diff --render FILE.html: the union with each edge's status and changes, old → new; the new graph's paths")
    func diffPage() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/diff.html"
        let overview = Repository.path("Graphs/ketamine-overview.yaml")
        let run = try pharmgraph("diff", overview, ketamine, "--no-verdicts", "--render", path)
        #expect(run.status == 1, "differences: \(run.stderr)")
        let page = try Page(path: path)
        #expect(page.bytes < 1_500_000)
        let diff = try #require(page.data["diff"] as? [String: Any])
        let items = try #require(diff["edges"] as? [[String: Any]])
        #expect(items.count == page.edges.count)
        let statuses = Set(items.compactMap { $0["status"] as? String })
        #expect(statuses.isSuperset(of: ["added", "changed"]), "\(statuses)")
        for (i, item) in items.enumerated() where item["status"] as? String != "unchanged" {
            #expect(page.text.contains("id=\"edge&#45;\(i)\""), "edge \(i)")
        }
        let changed = items.filter { ["changed", "sign flip"].contains($0["status"] as? String) }
        #expect(!changed.isEmpty && changed.allSatisfy { !(($0["changes"] as? [String]) ?? []).isEmpty })
        #expect(changed.contains { (($0["changes"] as? [String]) ?? []).contains { $0.contains(" → ") } }, "old → new values")
        #expect(page.pair("ketamine", "analgesia") != nil)
        #expect(page.text.components(separatedBy: "//").count == 2)

        let refused = try pharmgraph("diff", overview, ketamine, "--render", directory + "/c.html", "--context", "1")
        #expect(refused.status == 2 && refused.stderr.contains("--context"), "\(refused.stderr)")
        let network = try pharmgraph("diff", "import/small.sif", "import/small.sif", "--render", directory + "/n.html")
        #expect(network.status == 2 && network.stderr.contains("curated graphs"), "\(network.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/n.html"))
    }
}
