import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// One broken GraphML or Cytoscape.js fixture per importer diagnostic: each is `exchange/base.*`
/// (valid/base.yaml exported) with one problem, and must give this error at this position, and no graph.
let exchangeCases: [FixtureCase] = [
    .init(file: "malformed-xml.graphml", line: 45, column: 5, message: "malformed XML: end tag '</node>' does not match '<edge>' at line 40, column 5"),
    .init(file: "doctype.graphml", line: 2, column: 1, message: "malformed XML: a DOCTYPE is not supported in GraphML input"),
    .init(file: "undefined-entity.graphml", line: 18, column: 28, message: "malformed XML: undefined entity '&nbsp;'"),
    .init(file: "not-graphml.graphml", line: 2, column: 1, message: "expected a <graphml> root element, found <graph>"),
    .init(file: "no-graph.graphml", line: 2, column: 1, message: "the GraphML file has no <graph>"),
    .init(file: "undeclared-key.graphml", line: 27, column: 18, message: "<data> refers to key 'n7', which no <key> declares"),
    .init(file: "key-without-name.graphml", line: 10, column: 3, message: "key 'n2' has no 'attr.name' attribute"),
    .init(
        file: "unknown-key-type.graphml", line: 10, column: 58,
        message: "key 'n2' has attr.type 'date'; expected string, boolean, int, long, float or double"),
    .init(file: "key-wrong-domain.graphml", line: 27, column: 18, message: "key 'e2' ('relation') is declared for edge data, not node data"),
    .init(file: "not-an-int.graphml", line: 16, column: 20, message: "'format' is an int key; expected a whole number, found 'one'"),
    .init(file: "not-a-boolean.graphml", line: 46, column: 22, message: "'direct' is a boolean key; expected true or false, found 'yes'"),
    .init(file: "undirected.graphml", line: 15, column: 36, message: "edgedefault is 'undirected'; pharmgraph graphs are directed"),
    .init(file: "node-without-id.graphml", line: 25, column: 5, message: "<node> has no 'id' attribute"),
    .init(file: "edge-without-target.graphml", line: 40, column: 5, message: "<edge> has no 'target' attribute"),
    .init(file: "hyperedge.graphml", line: 46, column: 5, message: "hyperedges are not supported"),
    .init(file: "invalid-json-list.graphml", line: 38, column: 32, message: "'refs' is not valid JSON: trailing comma before ']'"),
    .init(file: "data-twice.graphml", line: 24, column: 7, message: "'kind' is given twice"),
    .init(
        file: "unknown-relation.graphml", line: 43, column: 22,
        message: "unknown relation 'activate'; did you mean 'activates' (more activity)? The relations are: \(ExchangeTests.relationList)"),
    .init(file: "invalid-json.cyjs", line: 6, column: 22, message: "invalid JSON: expected a string key in double quotes"),
    .init(file: "no-elements.cyjs", line: 1, column: 1, message: "a Cytoscape.js JSON file needs 'elements'"),
    .init(file: "elements-not-object.cyjs", line: 8, column: 15, message: "'elements' must be an object of 'nodes' and 'edges', or a list"),
    .init(file: "element-without-data.cyjs", line: 11, column: 7, message: "expected an element object with 'data'"),
    .init(file: "bad-group.cyjs", line: 9, column: 14, message: "'elements' has 'nodez'; expected 'nodes' and 'edges'"),
    .init(
        file: "unknown-relation-cyjs.cyjs", line: 16, column: 134,
        message: "unknown relation 'activate'; did you mean 'activates' (more activity)? The relations are: \(ExchangeTests.relationList)"),
]

@Suite struct ExchangeTests {
    static let fixtures = Repository.path("Tests/PharmGraphTests/Fixtures")

    /// Loads a fixture (or any file) as its extension tells.
    static func load(_ path: String) throws -> LoadResult {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let format = try #require(NetworkInput.format(of: path, data: data))
        return GraphLoader.load(data: data, path: (path as NSString).lastPathComponent, format: format)
    }

    static func curated(_ relative: String) throws -> Graph {
        try #require(GraphLoader.load(text: String(contentsOfFile: Repository.path(relative), encoding: .utf8), path: relative).graph)
    }

    @Test(arguments: exchangeCases)
    func importerDiagnostic(_ fixture: FixtureCase) throws {
        let result = try Self.load(Self.fixtures + "/exchange/" + fixture.file)
        #expect(result.graph == nil)
        let matching = result.diagnostics.filter { $0.severity == .error && $0.message == fixture.message }
        #expect(matching.count == 1, "\(result.diagnostics.map(\.message))")
        #expect(matching.first?.line == fixture.line)
        #expect(matching.first?.column == fixture.column)
        #expect(matching.first?.file == fixture.file)
    }

    @Test(arguments: ["base.graphml", "base.cyjs"])
    func baseFixturesAreTheBaseGraph(_ file: String) throws {
        let result = try Self.load(Self.fixtures + "/exchange/" + file)
        #expect(result.diagnostics.isEmpty)
        #expect(result.graph == (try Self.curated("Tests/PharmGraphTests/Fixtures/valid/base.yaml")))
    }

    @Test(arguments: ["Graphs/ketamine.yaml", "Graphs/ketamine-overview.yaml"], [ExchangeFormat.graphml, .cyjs])
    func roundTripKeepsTheGraph(_ file: String, _ format: ExchangeFormat) throws {
        let graph = try Self.curated(file)
        guard case let .file(text) = format.export(graph) else {
            Issue.record("\(format) is one file")
            return
        }
        let input: InputFormat = format == .graphml ? .graphml : .cyjs
        let back = GraphLoader.load(data: Data(text.utf8), path: "x", format: input)
        #expect(back.diagnostics.filter { $0.severity == .error }.isEmpty, "\(back.diagnostics.prefix(3).map(\.message))")
        let reread = try #require(back.graph)
        #expect(reread == graph)
        #expect(reread.references.count == graph.references.count && reread.claims.count == graph.claims.count)
        #expect(reread.contexts == graph.contexts && reread.description == graph.description)
    }

    /// Text with every character the writers must escape, in a label, an evidence, a note and a reference.
    static let hostile = Graph(
        id: "hostile", title: "A \"quoted\" <title> & more", version: "1",
        format: 2, contexts: [ContextDeclaration(key: "dose", kind: .categorical, values: ["high"])],
        references: [Reference(key: "r1", citation: "Tab\there, newline\nthere, \\ and ]]> and &amp;")],
        nodes: [
            Node(id: "end", label: "A \"#1\" | <b> & `code`\nline 2", kind: .drug),
            Node(id: "b", label: "B", kind: .receptor),
            Node(id: "c", kind: .effect, valence: .therapeutic, context: ["dose": "high"]),
        ],
        edges: [
            Edge(from: "end", relation: .inhibits, to: "b", refs: ["r1"], evidence: "\"x\" < y\r\n& z\tw", certainty: .hypothesized),
            Edge(from: "b", relation: .activates, to: "c", refs: ["r1"], direct: true, context: ["dose": "high"], lossOfFunction: true),
            Edge(from: "b", relation: .modulates, to: "c", note: "parallel edge"),
        ])

    @Test(arguments: [ExchangeFormat.graphml, .cyjs])
    func roundTripKeepsHostileText(_ format: ExchangeFormat) throws {
        guard case let .file(text) = format.export(Self.hostile) else { return }
        let back = GraphLoader.load(data: Data(text.utf8), path: "x", format: format == .graphml ? .graphml : .cyjs)
        let graph = try #require(back.graph, "\(back.diagnostics.map(\.message))")
        #expect(graph == Self.hostile)
    }

    @Test func graphMLKeysAreTyped() throws {
        guard case let .file(text) = ExchangeFormat.graphml.export(Self.hostile) else { return }
        #expect(text.contains(#"<key id="e1" for="edge" attr.name="sign" attr.type="int"/>"#))
        #expect(text.contains(#"attr.name="direct" attr.type="boolean""#))
        #expect(text.contains(#"attr.name="loss_of_function" attr.type="boolean""#))
        #expect(text.contains(#"attr.name="context:dose" attr.type="string""#))
        #expect(text.contains(#"attr.name="format" attr.type="int""#))
        // Carriage returns survive XML's line-end normalization only as references.
        #expect(text.contains("&#13;"))
    }

    @Test func mermaidStructure() throws {
        guard case let .file(text) = ExchangeFormat.mermaid.export(Self.hostile) else { return }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("flowchart LR"))
        #expect(lines.contains(#"    n1[["A #quot;#35;1#quot; #124; #lt;b#gt; #amp; #96;code#96; line 2"]]"#))
        #expect(lines.contains(#"    n2("B")"#))
        #expect(lines.contains(#"    n3{{"c"}}"#))
        // Inhibition: the cross end, labelled; hypothesized: dotted.
        #expect(lines.contains(#"    n1 -.-x|"inhibits (hypothesized)"| n2"#))
        #expect(lines.contains(#"    n2 -->|"activates [dose=high]"| n3"#))
        #expect(lines.contains(#"    n2 --o|"modulates"| n3"#))
        #expect(lines.filter { $0.hasPrefix("    linkStyle ") }.count == 3)
        #expect(lines.contains("    linkStyle 0 stroke:#D55E00,stroke-width:1px"))
        // No node is named by its id: `end` is a Mermaid keyword.
        #expect(!lines.contains { $0.hasPrefix("    end") })
    }

    @Test func sifTables() throws {
        guard case let .directory(files) = ExchangeFormat.sif.export(Self.hostile) else {
            Issue.record("sif is a directory")
            return
        }
        #expect(files.map(\.name) == ["network.sif", "nodes.tsv", "edges.tsv"])
        #expect(files[0].text == "end\tinhibits\tb\nb\tactivates\tc\nb\tmodulates\tc\n")
        let nodes = files[1].text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(nodes[0] == "id\tname\tlabel\tkind\tvalence\tcontext:dose")
        #expect(nodes.count == 5)
        let edges = files[2].text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(edges[0].prefix(6) == ["name", "source", "target", "interaction", "sign", "relation"])
        #expect(edges.allSatisfy { $0.count == edges[0].count })
        #expect(edges[1][0] == "end (inhibits) b")
        #expect(files[2].text.contains(#""x" < y\r\n& z\tw"#))
    }

    /// The list that ends every unknown-relation message.
    static let relationList = Relation.allCases.map(\.rawValue).joined(separator: ", ")

    @Test func cx2Aspects() throws {
        guard case let .file(text) = ExchangeFormat.cx2.export(Self.hostile) else { return }
        let aspects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        // Each aspect is an object of one key, but the first, which holds CXVersion and hasFragments.
        #expect(aspects.first?["CXVersion"] as? String == "2.0")
        #expect(aspects.dropFirst().compactMap(\.keys.first) == ["metaData", "attributeDeclarations", "networkAttributes", "nodes", "edges", "status"])
        let edges = try #require(aspects[5]["edges"] as? [[String: Any]])
        #expect(edges.count == 3)
        #expect(edges[0]["s"] as? Int == 0 && edges[0]["t"] as? Int == 1)
        let declarations = try #require((aspects[2]["attributeDeclarations"] as? [[String: [String: [String: String]]]])?.first)
        #expect(declarations["edges"]?["refs"]?["d"] == "list_of_string")
        #expect(declarations["edges"]?["sign"]?["d"] == "integer")
        #expect(declarations["edges"]?["direct"]?["d"] == "boolean")
    }

    @Test func xmlReaderReadsWhatGraphMLAllows() throws {
        var reader = XMLReader("<?xml version=\"1.0\"?>\n<!-- c -->\n<a x='1' y=\"&lt;&#65;&#x42;\"><b><![CDATA[<raw> & ]]></b>t&amp;u<!-- d --></a>\n")
        let root = try reader.read()
        #expect(root.name == "a")
        #expect(root.attribute("y")?.value == "<AB")
        #expect(root.children.first?.text == "<raw> & ")
        #expect(root.text == "t&u")
        #expect(root.mark == YAMLMark(line: 3, column: 1))
    }

    @Test func formatsByExtension() {
        #expect(ExchangeFormat(fileName: "a.GraphML") == .graphml)
        #expect(ExchangeFormat(fileName: "a.cyjs") == .cyjs)
        #expect(ExchangeFormat(fileName: "a.json") == .json)
        #expect(ExchangeFormat(fileName: "a.cx2") == .cx2)
        #expect(ExchangeFormat(fileName: "a.mmd") == .mermaid)
        #expect(ExchangeFormat(fileName: "tables") == nil)
        #expect(ExchangeFormat.sif.isDirectory && !ExchangeFormat.graphml.isDirectory)
    }
}
