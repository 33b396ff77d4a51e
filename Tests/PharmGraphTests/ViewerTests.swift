import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// The viewer page's data and text (docs/viewer.md); the page in a browser is tested by Tests/browser.
@Suite("Viewer page")
struct ViewerTests {
    private func graph(_ path: String) throws -> Graph {
        try #require(loadGraph(Repository.path(path)).graph)
    }

    /// The page's data as JSON, decoded.
    private func decoded(_ data: ViewerData) throws -> [String: Any] {
        let text = try data.scriptText()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Each context's pairs with their answers, the answers' paths resolved to edge indices through the tables.
    private func resolvedPairs(_ data: [String: Any]) throws -> [String: [String: [String: Any]]] {
        let table = try #require(data["paths"] as? [[Int]])
        let answers = try #require(data["answers"] as? [[String: Any]])
        let pairs = try #require(data["pairs"] as? [String: [String: Int]])
        return try pairs.mapValues { context in
            try context.mapValues { index in
                var answer = try #require(answers.indices.contains(index) ? answers[index] : nil, "answer \(index)")
                let paths = try #require(answer["paths"] as? [Int])
                answer["paths"] = try paths.map { try #require(table.indices.contains($0) ? table[$0] : nil, "path \($0)") }
                return answer
            }
        }
    }

    @Test("every pair's answer is the one paths gives: verdict, reading, counts and each path's edges")
    func pairsAgreeWithPaths() throws {
        let graph = try graph("Graphs/ketamine-overview.yaml")
        let data = try decoded(try ViewerData(graph: graph))
        #expect(data["format"] as? String == "pharmgraph-viewer/2")
        let all = try resolvedPairs(data)
        let unfiltered = try #require(all[""])
        #expect(!unfiltered.isEmpty)
        let network = Network(graph)
        let engine = PathEngine(network: network)
        for (name, filter) in [("", ContextFilter()), ("dose=subanesthetic", ContextFilter(["dose": "subanesthetic"]))] {
            let pairs = try #require(all[name])
            for (key, pair) in pairs {
                let ends = key.split(separator: "\t").map(String.init)
                let query = PathQuery(
                    sources: try NodeSelector.resolve(ends[0], in: network), targets: try NodeSelector.resolve(ends[1], in: network),
                    traversal: TraversalOptions(filter: filter))
                var result = try engine.paths(query, limit: ViewerData.pathLimit)
                try engine.assess(query, &result)
                try engine.assessFeedback(query, report: &result)
                let report = PathsReport(network: network, query: query, result: result, shown: ViewerData.pathLimit, provenance: Provenance(inputs: []))
                #expect(pair["verdict"] as? String == report.json.verdict, "\(name) \(key)")
                #expect(pair["reading"] as? String == report.json.reading, "\(name) \(key)")
                #expect(pair["sentence"] as? String == report.readingLine, "\(name) \(key)")
                #expect(pair["total"] as? Int == result.counts.total)
                let counts = try #require(pair["counts"] as? [String: Int])
                #expect(counts == ["positive": result.counts.positive, "negative": result.counts.negative, "unknown": result.counts.unknown])
                #expect(pair["paths"] as? [[Int]] == result.paths.map { $0.edges.map { Int($0.rawValue) } }, "\(name) \(key)")
                #expect(pair["signs"] as? String == result.paths.map(\.sign.symbol).joined())
            }
        }
        // A pair without a path in the graph is absent: the page says so.
        #expect(unfiltered.keys.allSatisfy { key in (unfiltered[key]?["total"] as? Int ?? 0) > 0 })
    }

    @Test("contexts: each declared key=value, the edges its filter leaves out, and its own path results")
    func contexts() throws {
        let graph = try graph("Graphs/ketamine-overview.yaml")
        let data = try decoded(try ViewerData(graph: graph))
        let order = try #require(data["context_order"] as? [String])
        #expect(order == graph.contexts.map(\.key))
        let contexts = try #require(data["contexts"] as? [String: [String: Any]])
        let paths = try #require(data["pairs"] as? [String: Any])
        for declaration in graph.contexts {
            let entry = try #require(contexts[declaration.key])
            #expect(entry["values"] as? [String] == declaration.values)
            let removed = try #require(entry["removed"] as? [String: [Int]])
            for value in declaration.values {
                let kept = Set(ContextFilter([declaration.key: value]).admittedEdges(of: graph))
                #expect(removed[value] == graph.edges.indices.filter { !kept.contains($0) })
                #expect(paths["\(declaration.key)=\(value)"] != nil)
            }
        }
        #expect(Set(paths.keys).count == 1 + graph.contexts.reduce(0) { $0 + $1.values.count })
    }

    @Test("paths and answers are stored once each, however many pairs and contexts share them, and every one is used")
    func pathsStoredOnce() throws {
        let graph = try graph("Graphs/ketamine.yaml")
        let data = try decoded(try ViewerData(graph: graph))
        let table = try #require(data["paths"] as? [[Int]])
        let answers = try #require(data["answers"] as? [[String: Any]])
        let pairs = try #require(data["pairs"] as? [String: [String: Int]])
        #expect(Set(table).count == table.count, "a path stored twice")
        let answerTexts = try answers.map { answer in
            String(decoding: try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self)
        }
        #expect(Set(answerTexts).count == answers.count, "an answer stored twice")
        let usedAnswers = Set(pairs.values.flatMap(\.values))
        #expect(usedAnswers == Set(answers.indices), "an answer no pair uses, or a pair without an answer")
        let usedPaths = Set(answers.flatMap { $0["paths"] as? [Int] ?? [] })
        #expect(usedPaths == Set(table.indices), "a path no answer uses, or an answer's path missing")
        // Ketamine's pairs share their answers across contexts: far fewer answers than pairs, and fewer paths than uses.
        let uses = pairs.values.reduce(0) { $0 + $1.count }
        #expect(answers.count * 4 < uses, "\(answers.count) answers for \(uses) pairs")
        let pathUses = pairs.values.flatMap(\.values).reduce(0) { $0 + (answers[$1]["paths"] as? [Int] ?? []).count }
        #expect(table.count * 4 < pathUses, "\(table.count) paths for \(pathUses) uses")
        for path in table { #expect(!path.isEmpty && path.allSatisfy { graph.edges.indices.contains($0) }) }
    }

    @Test("nodes and edges carry what the page shows; edge i is its index")
    func nodesAndEdges() throws {
        let graph = try graph("Graphs/ketamine.yaml")
        let data = try decoded(try ViewerData(graph: graph))
        let edges = try #require(data["edges"] as? [[String: Any]])
        #expect(edges.count == graph.edges.count)
        for (i, edge) in edges.enumerated() {
            #expect(edge["i"] as? Int == i)
            #expect(edge["from"] as? String == graph.edges[i].from)
            #expect(edge["relation"] as? String == graph.edges[i].relation.rawValue)
            #expect(edge["sign"] as? String == graph.edges[i].sign.rawValue)
            #expect(edge["refs"] as? [String] == graph.edges[i].refs)
        }
        let nodes = try #require(data["nodes"] as? [[String: Any]])
        let ketamine = try #require(nodes.first { $0["id"] as? String == "ketamine" })
        #expect(ketamine["synonyms"] as? [String] == graph.node("ketamine")?.synonyms)
        #expect((ketamine["xrefs"] as? [String: String])?["CHEBI"] == "6121")
        let references = try #require(data["references"] as? [String: [String: Any]])
        #expect(references["zanos2018"]?["doi"] as? String == "10.1038/mp.2017.255")
        // A URL is kept only where there is no DOI: the page links DOIs alone.
        #expect(references["zanos2018"]?["url"] == nil)
        #expect((data["claims"] as? [Any])?.count == graph.claims.count)
    }

    @Test("the JSON cannot end its script element: < > & U+2028 U+2029 escaped, and every string decodes exactly")
    func scriptSafety() throws {
        let graph = try graph("Tests/PharmGraphTests/Fixtures/viewer/hostile-viewer.yaml")
        let data = try ViewerData(graph: graph)
        let text = try data.scriptText()
        for character in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!text.contains(character), "\(character)") }
        #expect(!text.contains("//"))
        let decoded = try decoded(data)
        let nodes = try #require(decoded["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["label"] as? String } == graph.nodes.map(\.displayLabel))
        #expect(nodes[0]["synonyms"] as? [String] == graph.nodes[0].synonyms)
        let references = try #require(decoded["references"] as? [String: [String: Any]])
        #expect(references["evil"]?["citation"] as? String == graph.reference("evil")?.citation)
    }

    @Test("the page escapes every string it writes as markup, and carries no URL but the DOI link's base")
    func pageEscaping() throws {
        let graph = try graph("Tests/PharmGraphTests/Fixtures/viewer/hostile-viewer.yaml")
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
             "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Generated by graphviz -->
            <svg width="100pt" height="50pt"
             viewBox="0.00 0.00 100.00 50.00" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
            <!-- drug&#45;a -->
            <g id="node-drug-a" class="node"><title>x</title></g>
            </svg>

            """
        let page = try ViewerPage.html(svg: svg, data: try ViewerData(graph: graph))
        #expect(page.components(separatedBy: "<script").count == 3, "the JSON and the page's script, nothing else")
        #expect(page.contains("<h1>&lt;/script&gt;&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt; &quot; onload="))
        #expect(MarkupScan.eventAttributes(in: page).isEmpty)
        #expect(!page.contains("<!--"))
        #expect(page.contains("viewBox=\"0.00 0.00 100.00 50.00\" id=\"diagram\""))
        #expect(!page.contains("xmlns") && !page.contains("<?xml") && !page.contains("DOCTYPE svg"))
        let urls = page.components(separatedBy: "http").dropFirst()
        #expect(urls.count == 1 && urls.first!.hasPrefix("s://doi.org/' + encodeURI("), "\(urls.map { $0.prefix(40) })")
        #expect(page.components(separatedBy: "//").count == 2)
    }

    @Test("the diagram gives each node and edge its DOM id, parallel edges in order, the legend none")
    func identifiers() throws {
        let graph = try graph("Graphs/ketamine.yaml")
        let dot = ViewerPage.diagram(of: graph, options: DiagramOptions())
        for node in graph.nodes { #expect(dot.contains("\"\(node.id)\" [") && dot.contains("id=\"node-\(node.id)\""), "\(node.id)") }
        // Layered: each node is named again in its rank's subgraph, where it gets no second id.
        #expect(dot.contains("rank=\"same\"") && dot.contains("layer-anchor"))
        #expect(dot.components(separatedBy: "id=\"node-").count == graph.nodes.count + 1, "the legend's nodes have none")
        // Each edge statement's id names an edge with its ends and relation; each edge has exactly one.
        var seen: [Int] = []
        for line in dot.split(separator: "\n") where line.contains("id=\"edge-") {
            let index = try #require(line.range(of: "id=\"edge-").flatMap { Int(line[$0.upperBound...].prefix { $0.isNumber }) })
            let edge = graph.edges[index]
            // An edge against the layer order is written head first (docs/rendering.md, "Layers").
            let (tail, head) = line.contains(" layer-reversed\"") ? (edge.to, edge.from) : (edge.from, edge.to)
            #expect(line.contains("\"\(tail)\" -> \"\(head)\" ["), "\(line)")
            #expect(line.contains("relation-\(edge.relation.rawValue) "), "\(line)")
            seen.append(index)
        }
        #expect(seen.sorted() == Array(graph.edges.indices))
    }

    @Test("a node id as a DOM id: ASCII letters, digits and - kept, anything else _hex_")
    func domIDs() {
        #expect(ViewerPage.domID("nmdar") == "nmdar")
        #expect(ViewerPage.domID("Compound::DB01156") == "Compound_3a__3a_DB01156")
        #expect(ViewerPage.domID("a b\"é_") == "a_20_b_22__e9__5f_")
    }
}
