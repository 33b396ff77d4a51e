import Foundation
import Testing
import Yams

@testable import PharmGraph

/// Every line break libyaml knows, with a name for test output.
let lineBreakKinds: [(name: String, text: String)] = [
    ("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r"), ("NEL", "\u{85}"), ("LS", "\u{2028}"), ("PS", "\u{2029}"),
]

@Suite("One line model: positions, carets, comments")
struct LineModelTests {
    /// A clean graph whose lines are joined by `br`, with comments on items and sections.
    static func commented(_ br: String, commentBreak: String? = nil) -> String {
        [
            "# top", "id: g", "title: G", "version: \"1\"", "references:", "  r1: {citation: C.}", "nodes:",
            "  # about a" + (commentBreak.map { $0 + "  # still about a" } ?? ""),
            "  - {id: a, kind: drug}  # trailing a", "  # about b", "  - {id: b, kind: receptor}", "edges:",
            "  # about the edge", "  - {from: a, relation: inhibits, to: b, refs: [r1]}  # trailing edge", "# the end",
        ].joined(separator: br) + br
    }

    @Test("positions and source lines agree with libyaml's marks, for every kind of line break", arguments: 0..<6)
    func positionsMatchLibyaml(_ kind: Int) throws {
        let br = lineBreakKinds[kind].text
        let text = ["id: x", "title: T", "version: \"1\"", "nodes:", "  - {id: a, kind: drug}", "edges: []", "  extra: 1", "bad: é"]
            .joined(separator: br)
        // Yams composes it (a mapping at line 7 cannot be a sibling): read its marks.
        let yamsError = try #require(throws: YamlError.self) { try Yams.compose(yaml: text) }
        let mark: Yams.Mark
        switch yamsError {
        case let .parser(_, _, problemMark, _), let .scanner(_, _, problemMark, _): mark = problemMark
        default:
            Issue.record("expected a syntax error, got \(yamsError)")
            return
        }
        let result = GraphLoader.load(text: text, path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.line == mark.line && diagnostic.column == mark.column, "\(lineBreakKinds[kind].name)")
        #expect(result.source?.line(7) == "  extra: 1")
        #expect(result.source?.lineCount == 8)

        // A clean file: every node's position is libyaml's.
        let clean =
            [
                "id: x", "title: T", "version: \"1\"", "nodes:", "  - {id: a, label: é, kind: drug}", "  - {id: b, label: ü, kind: drug}",
                "edges: [{from: a, relation: inhibits, to: b}]",
            ]
            .joined(separator: br) + br
        let graph = try #require(GraphLoader.load(text: clean, path: "t.yaml").graph)
        let root = try #require(try Yams.compose(yaml: clean))
        let nodes = try #require(root["nodes"]?.sequence)
        for (node, yamsNode) in zip(graph.nodes, nodes) {
            #expect(node.location?.line == yamsNode.mark?.line && node.location?.column == yamsNode.mark?.column)
        }
    }

    @Test("the caret line shows the right source line for every kind of line break", arguments: 0..<6)
    func caret(_ kind: Int) throws {
        let br = lineBreakKinds[kind].text
        let text = ["id: x", "title: T", "version: \"1\"", "nodes: []", "edges: []", "extra: 1"].joined(separator: br) + br
        let result = GraphLoader.load(text: text, path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(
            DiagnosticFormatter(source: result.source).format(diagnostic)
                == "t.yaml:6:1: error: unknown field 'extra' in the graph\nextra: 1\n^")
    }

    @Test("a file that is not UTF-8 is located in the same line model", arguments: 0..<6)
    func notUTF8(_ kind: Int) {
        var bytes = Array("id: x\(lineBreakKinds[kind].text)title: ab".utf8)
        bytes.append(0xE9)
        let result = GraphLoader.load(data: Data(bytes), path: "t.yaml")
        #expect(result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["2:10"])
    }

    @Test("fmt keeps each comment with its item, and is idempotent, for every kind of line break", arguments: 0..<6)
    func fmtKeepsComments(_ kind: Int) throws {
        let text = Self.commented(lineBreakKinds[kind].text)
        let result = GraphLoader.load(text: text, path: "c.yaml")
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.headline))")
        let once = try CanonicalWriter.canonicalText(of: result)
        // The canonical form writes LF; the LF file is already canonical.
        #expect(once == Self.commented("\n"))
        let twice = try CanonicalWriter.canonicalText(of: GraphLoader.load(text: once, path: "c.yaml"))
        #expect(twice == once)
    }

    @Test("a line break inside a comment ends it there, as libyaml reads it", arguments: ["\u{2028}", "\u{2029}", "\u{85}", "\r"])
    func breakInsideComment(_ br: String) throws {
        let text = Self.commented("\n", commentBreak: br)
        let result = GraphLoader.load(text: text, path: "c.yaml")
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.headline))")
        let once = try CanonicalWriter.canonicalText(of: result)
        let lines = once.split(separator: "\n").map(String.init)
        // Both halves of the comment stay right above node a.
        let a = try #require(lines.firstIndex(of: "  - {id: a, kind: drug}  # trailing a"))
        #expect(Array(lines[(a - 2)..<a]) == ["  # about a", "  # still about a"])
        #expect(try CanonicalWriter.canonicalText(of: GraphLoader.load(text: once, path: "c.yaml")) == once)
    }

    @Test("the comment map follows the line model: a comment is never handed to another item")
    func commentAttachment() throws {
        // Before the shared line model, the LS shifted every later line by one and `b`'s comment went to the edge.
        let text = Self.commented("\n", commentBreak: "\u{2028}")
        let result = GraphLoader.load(text: text, path: "c.yaml")
        let graph = try #require(result.graph)
        let map = CanonicalWriter.commentMap(for: graph, source: try #require(result.source))
        #expect(map.leading[.item(section: "nodes", index: 1)] == ["# about b"])
        #expect(map.leading[.item(section: "nodes", index: 0)] == ["# about a", "# still about a"])
        #expect(map.trailing[.item(section: "edges", index: 0)] == "# trailing edge")
        #expect(map.leading[.end] == ["# the end"])
    }

    @Test("a # line inside a quoted scalar that runs over lines is text, not a comment (fuzz reproducer Tests/Fuzz/fmt/multiline-quoted-hash.yaml)")
    func quotedScalarOverLines() throws {
        let text = """
            id: g
            title: "first line
            # not a comment
            last line"
            note: 'one
              # nor this'
            # a comment
            """
        let map = CommentMap(source: SourceText(path: "q.yaml", text: text), anchors: [(1, 1, .section("id"))])
        #expect(map.count == 1)
        #expect(map.leading[.end] == ["# a comment"])
    }

    @Test(
        "a quote inside a plain scalar opens nothing, a block scalar's lines are text, a flow item's # after a space is a comment",
        arguments: [
            ("id: g\ntitle: a 5\" probe\n# one\ndescription: x\n", ["# one"]),
            ("id: g\ntitle: the drug 's form\n# one\nversion: '1' # two\n", ["# one", "# two"]),
            ("id: g\ndescription: | # header\n  # text\n  more\n# after\n", ["# header", "# after"]),
            ("id: g\nsources: [a, \"b # c\", d] # e\n", ["# e"]),
            ("id: g\ntitle: a#b\n", []),
        ])
    func scalarsHoldNoComments(text: String, comments: [String]) {
        let map = CommentMap(source: SourceText(path: "q.yaml", text: text), anchors: [(1, 1, .section("id"))])
        let found = map.leading.values.flatMap { $0 } + map.trailing.values
        #expect(map.count == comments.count)
        #expect(found.sorted() == comments.sorted())
    }

    @Test("the fmt self-check refuses a comment that would change items")
    func selfCheckCatchesMoves() {
        let source = SourceText(path: "c.yaml", text: Self.commented("\n"))
        let anchors: [(line: Int, column: Int, anchor: CommentMap.Anchor)] = [
            (9, 5, .item(section: "nodes", index: 0)), (11, 5, .item(section: "nodes", index: 1)),
        ]
        let before = CommentMap(source: source, anchors: anchors)
        let after = CommentMap(source: source, anchors: [(9, 5, .item(section: "nodes", index: 0)), (11, 5, .item(section: "nodes", index: 2))])
        #expect(before.count == after.count)
        #expect(before.firstMove(in: after) != nil)
        #expect(before.firstMove(in: before) == nil)
    }

    @Test("an error at the end of the input points inside the last line")
    func endOfInput() throws {
        let result = GraphLoader.load(text: "id: x\nnodes: [a, b\n", path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        // libyaml says line 3, column 1: a line the file does not have.
        #expect(diagnostic.line == 2 && diagnostic.column == 13, "\(diagnostic.headline)")
        let formatted = DiagnosticFormatter(source: result.source).format(diagnostic)
        #expect(formatted.hasSuffix("\nnodes: [a, b\n            ^"))
    }

    @Test("text output escapes control and bidi characters, and TSV also the backslash and the space")
    func displayText() {
        #expect(DisplayText.escaped("a\u{1B}[31mb\u{202E}c\u{85}d\te") == "a\\u{1B}[31mb\\u{202E}c\\u{85}d\\u{9}e")
        #expect(DisplayText.escaped("tab\tkept", keepingTabs: true) == "tab\tkept")
        #expect(DisplayText.escaped("plain ünïcode, \\ kept") == "plain ünïcode, \\ kept")
        #expect(DisplayText.tsv("a b\\c\td\ne") == "a\\u{20}b\\u{5C}c\\u{9}d\\u{A}e")
        #expect(DisplayText.tsv("x,y", also: [","]) == "x\\u{2C}y")
        for scalar in ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{2069}", "\u{7F}", "\u{9F}", "\u{2028}"] {
            #expect(DisplayText.escaped(scalar) != scalar)
        }
    }

    @Test("the caret stays under its column after escapes in the source line")
    func caretAfterEscape() throws {
        // YAML allows a raw right-to-left override; the source line shows it escaped.
        let text = "id: x\ntitle: T\nversion: \"1\"\nnodes: []\nedges: []\nkinds: {\"\u{202E}\": a, b: 1, c: [x]}\n"
        let result = GraphLoader.load(text: text, path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.line == 6 && diagnostic.column == 26)
        let lines = DiagnosticFormatter(source: result.source).format(diagnostic).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1] == "kinds: {\"\\u{202E}\": a, b: 1, c: [x]}")
        #expect(lines[2] == String(repeating: " ", count: try #require(lines[1].firstIndex(of: "[")).utf16Offset(in: lines[1])) + "^")
    }

    @Test("LineBreaks: lines and byte positions, a final break starting no line")
    func lineBreaks() {
        for (_, br) in lineBreakKinds {
            let bytes = Array("ab\(br)ü\(br)\(br)c".utf8)
            #expect(LineBreaks.lines(of: bytes).map { String(decoding: bytes[$0], as: UTF8.self) } == ["ab", "ü", "", "c"])
            let c = bytes.count - 1
            #expect(LineBreaks.position(ofByte: c, in: bytes) == (4, 1))
            let ended = Array("ab\(br)ü\(br)".utf8)
            #expect(LineBreaks.lines(of: ended).count == 2)
            #expect(LineBreaks.position(ofByte: ended.count, in: ended) == (2, 2))
        }
        // CR then LF is one break; LF then CR is two.
        #expect(LineBreaks.lines(of: Array("a\r\nb\n\rc".utf8)).count == 4)
    }
}
