import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private func fixture(_ name: String) -> String { Repository.path("Tests/PharmGraphTests/Fixtures/import/\(name)") }

private func load(_ name: String, format: InputFormat? = nil, options: ImportOptions = ImportOptions()) throws -> NetworkLoadResult {
    let path = fixture(name)
    return NetworkInput.load(data: try InputFile.read(path), path: path, format: format, import: options)
}

private func count(_ network: Network, _ from: String, _ to: String, pattern: [String]? = nil) throws -> SignCounts {
    let engine = PathEngine(network: network)
    return try engine.paths(
        PathQuery(
            sources: NodeSelector.resolve(from, in: network), targets: NodeSelector.resolve(to, in: network),
            pattern: pattern), limit: 0
    ).counts
}

@Suite("Importing networks")
struct ImportTests {
    @Test("SIF: header skipped, several targets per line, lone nodes, relation names map to signs")
    func sif() throws {
        let network = try #require(try load("small.sif").network)
        #expect(network.nodeIDs == ["A", "B", "C", "D", "E", "F"])
        #expect(network.edgeCount == 4)
        #expect(try count(network, "A", "D") == SignCounts(negative: 1))
        // `pp` is not a relation: unknown sign, still traversed.
        #expect(try count(network, "A", "E") == SignCounts(unknown: 1))
        #expect(network.kind(of: 0) == "node")
    }

    @Test("TSV: labels stay unknown until mapped with a relation map")
    func relationMap() throws {
        let unmapped = try #require(try load("signed.tsv").network)
        #expect(try count(unmapped, "A", "D") == SignCounts(unknown: 2))
        let mapped = try #require(
            try load("signed.tsv", options: ImportOptions(relationMap: ["1": .activates, "-1": .inhibits])).network)
        // A -> B -| C -> D is negative; A -| D is negative.
        #expect(try count(mapped, "A", "D") == SignCounts(negative: 2))
    }

    @Test("a node table gives names and kinds (CSV quoting included)")
    func nodeTable() throws {
        let table = fixture("nodes.csv")
        let options = ImportOptions(nodeTable: (table, try InputFile.read(table)))
        let network = try #require(try load("signed.tsv", options: options).network)
        #expect(network.nodeNames == ["Alpha, the first", "Beta", "Gamma", "Delta \"quoted\""])
        #expect(network.kind(of: 3) == "effect")
        #expect(try NodeSelector.resolve("kind:enzyme", in: network).count == 2)
        #expect(try NodeSelector.resolve("beta", in: network) == [1])
    }

    @Test("CSV with other column names, chosen by flags")
    func columns() throws {
        let missing = try load("renamed.csv")
        #expect(missing.network == nil)
        #expect(
            missing.diagnostics.map(\.message).first
                == "no source column: expected 'source' in the header (found 'from', 'how', 'to'); set sourceColumn")
        // A front end passes its own words for the way out (the CLI: its flags).
        var cli = ImportOptions()
        cli.hints = InputHints(inputFormat: "", sizeLimit: "", column: ["source": "name it with --source-column"])
        #expect(
            try load("renamed.csv", options: cli).diagnostics.map(\.message).first
                == "no source column: expected 'source' in the header (found 'from', 'how', 'to'); name it with --source-column")
        let options = ImportOptions(sourceColumn: "from", targetColumn: "to", relationColumn: "how")
        let network = try #require(try load("renamed.csv", options: options).network)
        #expect(network.nodeIDs == ["A", "B", "C"])
        #expect(network.edgeCount == 2)
    }

    @Test("context columns: each named column's cell is the edge's context under the name given; an empty cell is none")
    func contextColumns() throws {
        // Without the option the columns are not contexts.
        let plain = try #require(try load("contexts.tsv").network)
        #expect((0..<plain.edgeCount).allSatisfy { plain.context(of: Int32($0)).isEmpty })
        // Header names match case-insensitively; the key is the name as given.
        let options = ImportOptions(relationMap: ["1": .activates, "-1": .inhibits], contextColumns: ["species", "dose"])
        let network = try #require(try load("contexts.tsv", options: options).network)
        #expect(
            (0..<network.edgeCount).map { network.context(of: Int32($0)) } == [
                ["species": "human", "dose": "low"], ["species": "mouse"], ["dose": "high"], ["species": "human", "dose": "low"],
            ])
        // The filter walks them: species=human leaves out B -| C (mouse); species=mouse both human edges, so A reaches D by none.
        let engine = PathEngine(network: network)
        func counts(_ filter: [String: String]) throws -> SignCounts {
            try engine.paths(
                PathQuery(sources: [0], targets: [3], traversal: TraversalOptions(filter: ContextFilter(filter))), limit: 0
            ).counts
        }
        #expect(try counts([:]) == SignCounts(negative: 2))
        #expect(try counts(["species": "human"]) == SignCounts(negative: 1))
        #expect(try counts(["species": "mouse"]) == SignCounts())
        #expect(try counts(["dose": "high"]) == SignCounts())
        #expect(ContextFilter(["species": "human"]).removedEdgeCount(in: network) == 1)
    }

    @Test("a context column missing from the header is an error at the header, with its columns; SIF and Hetionet JSON have none")
    func missingContextColumn() throws {
        let result = try load("contexts.tsv", options: ImportOptions(contextColumns: ["Species", "Specie", "route"]))
        #expect(result.network == nil)
        #expect(
            result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
                "1:1 no context column 'Specie' in the header (found 'source', 'interaction', 'target', 'Species', 'dose'); did you mean 'Species'?",
                "1:1 no context column 'route' in the header (found 'source', 'interaction', 'target', 'Species', 'dose')",
            ])
        for name in ["small.sif", "tiny-hetionet.json"] {
            let other = try load(name, options: ImportOptions(contextColumns: ["Species"]))
            #expect(other.network == nil)
            #expect(other.diagnostics.first?.message.hasPrefix("context columns name columns of a TSV or CSV table; a ") == true)
        }
    }

    @Test("malformed rows are errors at their line and column; the load fails")
    func errors() throws {
        func errors(_ name: String, options: ImportOptions = ImportOptions()) throws -> [String] {
            let result = try load(name, options: options)
            #expect(result.network == nil)
            return result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        }
        #expect(try errors("wrong-columns.tsv") == ["3:1 expected 3 columns as in the header, found 2"])
        #expect(try errors("not-utf8.tsv") == ["3:6 file is not valid UTF-8: unexpected byte 0xFF"])
        #expect(
            try errors("missing-target.sif") == [
                "1:3 expected source, relation and target, found 2 fields (relation 'pp' has no target)"
            ])
        let table = fixture("nodes.csv")
        #expect(
            try errors("unknown-node.tsv", options: ImportOptions(nodeTable: (table, try InputFile.read(table)))) == [
                "3:6 unknown node 'Z': not in the node table '\(table)'"
            ])
        #expect(
            try errors("no-relation.tsv") == [
                "1:1 no relation column: expected 'relation' or 'interaction' or 'type' or 'sign' in the header (found 'source', 'target'); set relationColumn"
            ])
    }

    @Test(
        "an empty or blank table is an error at 1:1, not an empty network",
        arguments: [
            ("e.sif", "", "1:1 file is empty; expected lines of source, relation and target"),
            ("e.sif", "\n\n \t\n", "1:1 file is empty; expected lines of source, relation and target"),
            ("e.tsv", "\n\n", "1:1 file is empty; expected a header line"),
            ("e.csv", "", "1:1 file is empty; expected a header line"),
        ])
    func emptyTables(_ path: String, _ text: String, _ expected: String) {
        let result = NetworkInput.load(data: Data(text.utf8), path: path)
        #expect(result.network == nil)
        #expect(result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [expected])
        let table = ImportOptions(nodeTable: ("n.tsv", Data("\n".utf8)))
        let nodes = NetworkInput.load(data: Data("a\tactivates\tb\n".utf8), path: "x.sif", import: table)
        #expect(nodes.diagnostics.first?.message == "node table is empty; expected a header line")
    }

    @Test("a header after blank lines is found at its line")
    func leadingBlankLines() throws {
        let result = NetworkInput.load(data: Data("\n\nsource\tinteraction\ttarget\na\t1\tb\nc\t1\n".utf8), path: "x.tsv")
        let messages = result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(messages == ["5:1 expected 3 columns as in the header, found 2"])
    }

    @Test(
        "CSV quoting: a quote opens a field only at its start, must close on the line, and end the field",
        arguments: [
            ("A,1,\"B\nC,1,D\n", "2:5 unterminated quoted field: no closing '\"' on this line"),
            ("A,1,\"B\"x\n", "2:8 unexpected text after the closing quote of a quoted field"),
            ("\"A,1,B\n", "2:1 unterminated quoted field: no closing '\"' on this line"),
            ("é,1,\"B\"\"\n", "2:5 unterminated quoted field: no closing '\"' on this line"),
        ])
    func csvQuotes(_ rows: String, _ expected: String) {
        let result = NetworkInput.load(data: Data(("source,interaction,target\n" + rows).utf8), path: "q.csv")
        #expect(result.network == nil)
        #expect(result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [expected])
        let header = NetworkInput.load(data: Data("source,\"interaction,target\n".utf8), path: "q.csv")
        #expect(header.diagnostics.map(\.message) == ["unterminated quoted field: no closing '\"' on this line"])
        let table = ImportOptions(nodeTable: ("n.csv", Data("id,name,kind\nA,\"Al\n".utf8)))
        let nodes = NetworkInput.load(data: Data("A\tactivates\tA\n".utf8), path: "x.sif", import: table)
        let first = nodes.diagnostics.first.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(first == "n.csv:2:3 unterminated quoted field: no closing '\"' on this line")
    }

    @Test("CSV quoting: quoted separators and doubled quotes are kept; a quote inside a plain field is a character")
    func csvQuotedFields() throws {
        let text = "source,interaction,target\n\"A, the \"\"first\"\"\",1,B\"s\n\"\",1,C\n"
        let result = NetworkInput.load(data: Data(text.utf8), path: "q.csv")
        #expect(result.diagnostics.map(\.message) == ["empty source field"])
        let good = NetworkInput.load(data: Data("source,interaction,target\n\"A, the \"\"first\"\"\",1,B\"s\n".utf8), path: "q.csv")
        let network = try #require(good.network)
        #expect(network.nodeIDs == ["A, the \"first\"", "B\"s"])
    }

    @Test("Hetionet JSON: Kind::id nodes, metaedge labels, direction both walked either way")
    func hetionetJSON() throws {
        let network = try #require(try load("tiny-hetionet.json").network)
        #expect(network.nodeIDs == ["Compound::DB1", "Gene::7", "Gene::8"])
        #expect(network.labels.map(\.name) == ["CbG", "GiG"])
        // Compound -> Gene 7, then against the stored direction Gene 8 -> Gene 7.
        #expect(try count(network, "Compound::DB1", "Gene::8", pattern: ["Compound", "Gene", "Gene"]) == SignCounts(unknown: 1))
    }

    @Test("SIF and TSV rows end at CR, CRLF and LF alike: no id ever holds a line break", arguments: ["\r", "\r\n", "\n"])
    func lineBreaks(_ br: String) throws {
        let sif = ["A\tactivates\tB", "B\tinhibits\tC"].joined(separator: br) + br
        let network = try #require(NetworkInput.load(data: Data(sif.utf8), path: "net.sif").network)
        #expect(network.nodeIDs == ["A", "B", "C"])
        #expect(network.edgeCount == 2)
        let tsv = ["source\ttarget\trelation", "A\tB\tactivates", "B\tC"].joined(separator: br)
        let result = NetworkInput.load(data: Data(tsv.utf8), path: "net.tsv")
        #expect(
            result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
                "3:1 expected 3 columns as in the header, found 2"
            ])
    }

    @Test("Hetionet JSON: syntax errors and bad items at their line and column")
    func hetionetPositions() throws {
        func errors(_ text: String) -> [String] {
            let result = NetworkInput.load(data: Data(text.utf8), path: "h.json", format: .hetionetJSON)
            #expect(result.network == nil)
            return result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        }
        #expect(errors("{\"nodes\": [],\n \"edges\": [,]}") == ["2:12 invalid JSON: expected a value"])
        #expect(
            errors("{\"nodes\": [\r\n  {\"kind\": \"Gene\", \"identifier\": tru}]}") == [
                "2:34 invalid JSON: invalid literal; expected 'true'"
            ])
        #expect(errors("{\"nodes\": [{\"kind\": \"G\"}], \"edges\": []") == ["1:39 invalid JSON: unexpected end of input"])
        let bad = """
            {"metanode_kinds": ["Gene"], "kind_to_abbrev": {},
             "nodes": [{"kind": "Gene", "identifier": 1},
                       {"kind": "Gene"}],
             "edges": [{"source_id": ["Gene", 1], "target_id": ["Gene", 2], "kind": "x"}]}
            """
        // The end of a file that ends in a line break is the end of its last line.
        #expect(errors("{\"nodes\": [\r\n") == ["1:12 invalid JSON: unexpected end of input"])
        #expect(errors("\n  [1]") == ["2:3 hetionet json: the top level is not an object"])
        #expect(errors("{\"nodes\": [],\n \"edges\": {}}") == ["2:11 hetionet json: 'edges' is not a list of objects"])
        #expect(errors(" {\"nodes\": []}") == ["1:2 hetionet json: missing 'edges': expected a list of edges"])
        #expect(
            errors(bad) == [
                "3:12 hetionet json: nodes[1]: expected 'kind' and 'identifier'",
                "4:12 hetionet json: edges[0]: unknown target node 'Gene::2'",
            ])
    }

    @Test(
        "Hetionet JSON is strict: what RFC 8259 forbids is an error at its place, trailing commas included",
        arguments: [
            // Foundation's JSONSerialization on Linux accepts these two; the scan must not.
            (#"{"nodes": [{"kind": "Gene", "identifier": "a", "name": "n",},], "edges": [],}"#, "1:59 invalid JSON: trailing comma before '}'"),
            (#"{"nodes": [], "edges": [{"a": 1}, ]}"#, "1:33 invalid JSON: trailing comma before ']'"),
            ("{\"nodes\": [], // nodes\n \"edges\": []}", "1:15 invalid JSON: expected a string key in double quotes"),
            (#"{"nodes": [], /* c */ "edges": []}"#, "1:15 invalid JSON: expected a string key in double quotes"),
            (#"{'nodes': [], "edges": []}"#, "1:2 invalid JSON: expected a string key in double quotes"),
            (#"{nodes: [], "edges": []}"#, "1:2 invalid JSON: expected a string key in double quotes"),
            (#"{"nodes": [NaN], "edges": []}"#, "1:12 invalid JSON: expected a value"),
            (#"{"nodes": [-Infinity], "edges": []}"#, "1:12 invalid JSON: invalid number"),
            (#"{"nodes": [01], "edges": []}"#, "1:13 invalid JSON: expected ',' or ']'"),
            (#"{"nodes": [+1], "edges": []}"#, "1:12 invalid JSON: expected a value"),
            (#"{"nodes": [.5], "edges": []}"#, "1:12 invalid JSON: expected a value"),
            (#"{"nodes": [1.], "edges": []}"#, "1:12 invalid JSON: invalid number: digits must follow '.'"),
            (#"{"nodes": ["\x"], "edges": []}"#, "1:14 invalid JSON: invalid escape in a string"),
            ("{\"nodes\": [\"\t\"], \"edges\": []}", "1:13 invalid JSON: control character in a string; write it escaped"),
            (#"{"nodes": [], "edges": []} {}"#, "1:28 invalid JSON: unexpected text after the JSON value"),
        ])
    func hetionetStrict(_ text: String, _ expected: String) {
        let result = NetworkInput.load(data: Data(text.utf8), path: "h.json", format: .hetionetJSON)
        #expect(result.network == nil)
        #expect(result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [expected])
    }

    @Test("Hetionet JSON: a repeated top-level key is an error, not a list dropped unseen")
    func hetionetDuplicateKeys() {
        let text = "{\"nodes\": [{\"kind\": \"Gene\", \"identifier\": \"a\"}],\n \"edges\": [],\n \"nodes\": []}"
        let result = NetworkInput.load(data: Data(text.utf8), path: "h.json", format: .hetionetJSON)
        #expect(result.network == nil)
        #expect(
            result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
                "3:2 hetionet json: duplicate key 'nodes'; first defined at line 1, column 2"
            ])
    }

    @Test("Hetionet JSON: a byte-order mark is skipped, bytes that are not UTF-8 are an error at their place")
    func hetionetEncoding() throws {
        let text = #"{"nodes": [{"kind": "Gene", "identifier": "a"}], "edges": []}"#
        let marked = NetworkInput.load(data: Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), path: "h.json", format: .hetionetJSON)
        #expect(try #require(marked.network).nodeIDs == ["Gene::a"])
        let bad = Data(Array(#"{"nodes": [{"kind": "G"#.utf8) + [0xE9] + Array(#""}], "edges": []}"#.utf8))
        let result = NetworkInput.load(data: bad, path: "h.json", format: .hetionetJSON)
        #expect(result.network == nil)
        #expect(
            result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
                "1:23 file is not valid UTF-8: unexpected byte 0xE9"
            ])
    }

    @Test(
        "every importer's diagnostics come with their source line and a caret",
        arguments: [
            (
                "net.sif", "a\tinhibits\tb\nc\tinhibits\n",
                "net.sif:2:3: error: expected source, relation and target, found 2 fields (relation 'inhibits' has no target)\nc\tinhibits\n \t^"
            ),
            ("net.tsv", "source\ttarget\trelation\nA\tB\n", "net.tsv:2:1: error: expected 3 columns as in the header, found 2\nA\tB\n^"),
            (
                "net.csv", "\u{FEFF}source,target,relation\r\nA,B,activates\r\nB,C\r\n",
                "net.csv:3:1: error: expected 3 columns as in the header, found 2\nB,C\n^"
            ),
            (
                "h.json", "{\"metanode_kinds\": [], \"nodes\": [{\"kind\": \"Gene\", \"identifier\": \"a\"},\n  {\"kind\": \"Gene\"}],\n \"edges\": []}",
                "h.json:2:3: error: hetionet json: nodes[1]: expected 'kind' and 'identifier'\n  {\"kind\": \"Gene\"}],\n  ^"
            ),
            // CR is JSON whitespace and a line break.
            (
                "h.json", "{\"metanode_kinds\": [], \"nodes\": [],\r\"edges\": [],}",
                "h.json:2:12: error: invalid JSON: trailing comma before '}'\n\"edges\": [],}\n           ^"
            ),
        ])
    func importerCarets(_ path: String, _ text: String, _ expected: String) {
        let result = NetworkInput.load(data: Data(text.utf8), path: path)
        #expect(result.network == nil)
        #expect(result.diagnostics.map(result.formatter.format) == [expected])
    }

    @Test("a long source line (minified JSON) is shown around the caret, not whole")
    func longLineWindow() {
        let items = (0..<200).map { #"{"kind": "Gene", "identifier": "g\#($0)"}"# }
        let text = #"{"metanode_kinds": [], "nodes": ["# + items.joined(separator: ", ") + #", {"kind": 1}], "edges": []}"#
        let result = NetworkInput.load(data: Data(text.utf8), path: "h.json")
        let offset = text.utf8.count - #"{"kind": 1}], "edges": []}"#.utf8.count
        #expect(result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["1:\(offset + 1)"])
        let lines = result.diagnostics.map(result.formatter.format).first?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == 3)
        guard lines.count == 3 else { return }
        let shown = Array(lines[1].unicodeScalars)
        #expect(shown.count == 241)  // "…" and 240 characters: the line ends inside the window
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix(#"{"kind": 1}], "edges": []}"#))
        // The caret is under the '{' of the bad item.
        let caret = lines[2].count - 1
        #expect(lines[2].allSatisfy { $0 == " " || $0 == "^" } && lines[2].last == "^")
        #expect(String(shown[caret...].prefix(11).map(Character.init)) == #"{"kind": 1}"#)
        // Cut at both ends, the caret still under its character.
        let middle = String(repeating: "a", count: 499) + "X" + String(repeating: "b", count: 500)
        let formatted = DiagnosticFormatter(source: SourceText(path: "x", text: middle)).format(
            Diagnostic(.error, "m", file: "x", line: 1, column: 500))
        let parts = formatted.split(separator: "\n").map { Array($0.unicodeScalars) }
        #expect(parts.count == 3 && parts[1].count == 242 && parts[1].first == "…" && parts[1].last == "…")
        if parts.count == 3 { #expect(parts[1][parts[2].count - 1] == "X") }
        // A short line is shown whole.
        #expect(
            DiagnosticFormatter(source: SourceText(path: "x", text: "ab")).format(
                Diagnostic(.error, "m", file: "x", line: 1, column: 2)) == "x:1:2: error: m\nab\n ^")
    }

    @Test("a node table's diagnostics show the node table's line, the edge table's its own")
    func nodeTableCarets() {
        let options = ImportOptions(nodeTable: ("nodes.csv", Data("id,name,kind\nx,X\n".utf8)))
        let result = NetworkInput.load(data: Data("source\trelation\ttarget\nx\tinhibits\ty\n".utf8), path: "e.tsv", import: options)
        #expect(
            result.diagnostics.map(result.formatter.format) == [
                "nodes.csv:2:1: error: expected 3 columns as in the header, found 2\nx,X\n^",
                "e.tsv:2:1: error: unknown node 'x': not in the node table 'nodes.csv'\nx\tinhibits\ty\n^",
                "e.tsv:2:12: error: unknown node 'y': not in the node table 'nodes.csv'\nx\tinhibits\ty\n \t        \t^",
            ])
    }

    @Test(
        "a curated .json graph is strict JSON, though libyaml would take YAML flow",
        arguments: [
            (#"{"id": "g", "title": "G", "version": "1", "nodes": [], "edges": [],}"#, "1:67 invalid JSON: trailing comma before '}'"),
            (#"{id: "g", "title": "G", "version": "1", "nodes": [], "edges": []}"#, "1:2 invalid JSON: expected a string key in double quotes"),
            (#"{"id": 'g', "title": "G", "version": "1", "nodes": [], "edges": []}"#, "1:8 invalid JSON: expected a value"),
            (
                "{\"id\": \"g\", # c\n\"title\": \"G\", \"version\": \"1\", \"nodes\": [], \"edges\": []}",
                "1:13 invalid JSON: expected a string key in double quotes"
            ),
            (#"{"id": "g", "title": "G", "version": 1.0e, "nodes": [], "edges": []}"#, "1:38 invalid JSON: invalid number: digits must follow the exponent"),
            ("id: g\ntitle: G\nversion: \"1\"\nnodes: []\nedges: []\n", "1:1 invalid JSON: expected a value"),
        ])
    func curatedJSONIsStrict(_ text: String, _ expected: String) {
        for path in ["g.json", "g.JSON"] {
            let result = GraphLoader.load(text: text, path: path)
            #expect(result.graph == nil)
            #expect(result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [expected])
        }
        // The same text in a .yaml file is YAML, which takes it.
        #expect(GraphLoader.load(text: text, path: "g.yaml").diagnostics.filter { $0.message.contains("JSON") }.isEmpty)
    }

    @Test("JSON formats are told apart by their top-level keys, not by words anywhere in the file")
    func jsonSniffing() throws {
        let curated = """
            {"id": "g", "title": "G", "version": "1", "description": "not metanode_kinds, nor \\"metanode_kinds\\"",
             "nodes": [{"id": "m", "kind": "drug", "label": "metanode_kinds"}], "edges": []}
            """
        #expect(NetworkInput.format(of: "g.json", data: Data(curated.utf8)) == .graph)
        let result = NetworkInput.load(data: Data(curated.utf8), path: "g.json")
        #expect(result.network?.nodeIDs == ["m"], "\(result.diagnostics.map(\.headline))")
        // `jq -S` puts "edges" (the bulk of the file) first.
        let sorted = #"{"edges": [{"metanode_kinds": 1}], "kind_to_abbrev": {}, "metanode_kinds": [], "nodes": []}"#
        #expect(NetworkInput.format(of: "h.json", data: Data(sorted.utf8)) == .hetionetJSON)
        #expect(NetworkInput.format(of: "h.json.gz", data: try InputFile.read(fixture("tiny-hetionet.json"))) == .hetionetJSON)
    }

    @Test("an unknown extension with content that tells nothing is an error naming the formats")
    func unknownFormat() {
        let result = NetworkInput.load(data: Data("a b c\n".utf8), path: "net.dat")
        #expect(
            result.diagnostics.map(\.message) == [
                "cannot tell the format from the name or the content (graph, sif, tsv, csv, hetionet-json, graphml, cyjs, drugmechdb, bel, kgx)"
            ])
        #expect(NetworkInput.load(data: Data("a b c\n".utf8), path: "net.dat", format: .sif).network?.edgeCount == 1)
    }

    @Test("gzip and xz are read directly")
    func compressed() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plain = try Data(contentsOf: URL(fileURLWithPath: fixture("small.sif")))
        for (tool, suffix) in [("gzip", "gz"), ("xz", "xz")] {
            let path = "\(directory)/small.sif"
            try plain.write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool, "-f", path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(try InputFile.read("\(path).\(suffix)") == plain)
        }
        #expect(throws: InputFile.ReadError.self) { try InputFile.gunzip(Data("not gzip".utf8)) }
        #expect(throws: InputFile.ReadError.self) { try InputFile.unxz(Data("not xz".utf8)) }
    }
}

@Suite("Real networks in ../shared/data", .enabled(if: Repository.sharedData != nil, "../shared/data is absent"))
struct SharedDataTests {
    @Test("hetnetpy's answer: 142 CbGpPWpGaD paths from bupropion to nicotine dependence")
    func bupropion() throws {
        let path = Repository.sharedData! + "/hetionet/subgraphs/bupropion-CbGpPWpGaD-subgraph.json.xz"
        let network = try #require(NetworkInput.load(data: try InputFile.read(path), path: path).network)
        let counts = try count(
            network, "Compound::DB01156", "Disease::DOID:0050742",
            pattern: ["Compound", "Gene", "Pathway", "Gene", "Disease"])
        #expect(counts == SignCounts(unknown: 142))
        // The same by name.
        #expect(try count(network, "bupropion", "nicotine dependence", pattern: ["Compound", "Gene", "Pathway", "Gene", "Disease"]).total == 142)
    }

    @Test("the Hetionet partial SIF loads with every edge and node kinds from ids")
    func hetionetSIF() throws {
        let path = Repository.sharedData! + "/hetionet/hetionet-v1.0-edges-partial16.sif.gz"
        let network = try #require(NetworkInput.load(data: try InputFile.read(path), path: path).network)
        #expect(network.edgeCount == 765_796)
        #expect(Set(network.kinds) == ["Anatomy", "Compound", "Disease", "Gene"])
        #expect(network.labels.count == 16)
    }

    @Test("OmniPath with its signs mapped")
    func omnipath() throws {
        let path = Repository.sharedData! + "/omnipath-signed/omnipath_carnival.tsv"
        let result = NetworkInput.load(
            data: try InputFile.read(path), path: path, import: ImportOptions(relationMap: ["1": .activates, "-1": .inhibits]))
        let network = try #require(result.network)
        #expect(network.edgeCount == 19_807)
        #expect(network.nodeCount == 6_124)
        let positive = (0..<Int32(network.edgeCount)).count { network.label(of: $0).sign == .positive }
        #expect(positive == 14_350)
    }
}
