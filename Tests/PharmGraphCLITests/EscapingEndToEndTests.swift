import Foundation
import PharmGraphTestSupport
import Testing

/// Ids that hold an escape sequence, a bidi override and a space, in every text and TSV output.
@Suite("hostile ids: escaped in text, unambiguous in TSV")
struct EscapingEndToEndTests {
    static let red = "esc\u{1B}[31mred"
    static let evil = "rtl\u{202E}evil"

    /// A SIF network `a b -activates-> red -inhibits-| evil`, and the same without its first edge.
    static func networks() throws -> (old: String, new: String, folder: String) {
        let folder = try makeTemporaryDirectory()
        let old = folder + "/old.sif"
        let new = folder + "/new.sif"
        try "a b\tactivates\t\(red)\n\(red)\tinhibits\t\(evil)\n".write(toFile: old, atomically: true, encoding: .utf8)
        try "\(red)\tinhibits\t\(evil)\n".write(toFile: new, atomically: true, encoding: .utf8)
        return (old, new, folder)
    }

    @Test("paths, effects and causes: text escaped, TSV columns intact")
    func queries() throws {
        let (old, _, folder) = try Self.networks()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try pharmgraph("paths", old, "a b", Self.evil, "--raw")
        #expect(
            text.stdout == """
                -  a b -activates-> esc\\u{1B}[31mred -inhibits-| rtl\\u{202E}evil
                1 path: 0 positive, 1 negative, 0 unknown; verdict: negative

                """)
        let reading = try pharmgraph("paths", old, "a b", Self.evil)
        #expect(
            reading.stdout == """
                -  a b -activates-> esc\\u{1B}[31mred -inhibits-| rtl\\u{202E}evil
                a b reduces rtl\\u{202E}evil: negative, established; 1 negative path in 1 mechanism
                1 path: 0 positive, 1 negative, 0 unknown

                """)
        let tsv = try pharmgraph("paths", old, "a b", Self.evil, "--format", "tsv")
        let row = try #require(tsv.stdout.split(separator: "\n").dropFirst().first).split(separator: "\t", omittingEmptySubsequences: false)
        #expect(row.count == 5)
        #expect(row[2] == "a\\u{20}b esc\\u{1B}[31mred rtl\\u{202E}evil")
        let effects = try pharmgraph("effects", old, "a b", "--targets", Self.evil)
        #expect(!effects.stdout.contains("\u{1B}") && !effects.stdout.contains("\u{202E}"))
        #expect(effects.stdout.contains("rtl\\u{202E}evil  reduces"))
        let causes = try pharmgraph("causes", old, Self.evil, "--sources", "a b")
        #expect(!causes.stdout.contains("\u{1B}") && causes.stdout.contains("a b -activates-> esc\\u{1B}[31mred"))
        let unknown = try pharmgraph("paths", old, "a b", "x\u{1B}[2J")
        #expect(unknown.stderr == "error: TO: unknown node 'x\\u{1B}[2J'\n")
    }

    @Test("diff: text escaped, TSV escaped the same way as paths")
    func diff() throws {
        let (old, new, folder) = try Self.networks()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try pharmgraph("diff", old, new)
        #expect(!text.stdout.contains("\u{1B}") && text.stdout.contains("  - a b -activates-> esc\\u{1B}[31mred\n"))
        let tsv = try pharmgraph("diff", old, new, "--format", "tsv")
        #expect(tsv.stdout == "change\tfrom\tlabel\tto\tdetail\nremoved\ta\\u{20}b\tactivates\tesc\\u{1B}[31mred\t\n")
        // A name that cannot be read is escaped in diff's error as in check's.
        let missing = folder + "/no\u{1B}[2Jx.yaml"
        let unread = try pharmgraph("diff", missing, new)
        #expect(unread.status == 2)
        #expect(unread.stderr == "\(folder)/no\\u{1B}[2Jx.yaml: error: cannot read file: no such file\n")
        #expect(try pharmgraph("check", missing).stderr.hasPrefix(unread.stderr))
    }

    @Test("check and stats: messages and source lines escaped, the caret still under the column")
    func diagnostics() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/g.yaml"
        // libyaml refuses raw control characters, but `\e` makes one; a bidi override may stand raw.
        try "id: g\ntitle: T\nversion: \"1\"\nnodes:\n  - {id: \"\\e[2J\u{202E}x\", kind: drug}\nedges: []\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let check = try pharmgraph("check", path)
        #expect(check.status == 1)
        #expect(!check.stderr.contains("\u{1B}") && !check.stderr.contains("\u{202E}"))
        #expect(check.stderr.contains("error: node id '\\u{1B}[2J\\u{202E}x' is not kebab-case"))
        #expect(check.stderr.contains("\n  - {id: \"\\e[2J\\u{202E}x\", kind: drug}\n         ^\n"))
        // A kind is free text (an unknown one is a warning): stats lists it escaped.
        let valid = folder + "/k.yaml"
        try "id: g\ntitle: T\nversion: \"1\"\nnodes:\n  - {id: a, kind: \"k\\e[2J\"}\nedges: []\n"
            .write(toFile: valid, atomically: true, encoding: .utf8)
        let stats = try pharmgraph("stats", valid)
        #expect(stats.status == 0)
        #expect(!stats.stdout.contains("\u{1B}") && stats.stdout.contains("  k\\u{1B}[2J"))
    }
}

/// `fmt` on files whose lines end in CR or hold a line separator in a comment.
@Suite("fmt with every line break, end to end")
struct FmtLineBreakEndToEndTests {
    @Test("a CR-only file with comments is formatted (LF out), comments on their items, and then left alone")
    func crOnly() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/cr.yaml"
        let lines = [
            "id: g", "title: G", "version: \"1\"", "nodes:", "  # the drug\u{2028}  # (really)", "  - {kind: drug, id: a}",
            "  - {id: b, kind: receptor}  # b", "edges:", "  - {from: a, relation: inhibits, to: b}",
        ]
        try (lines.joined(separator: "\r") + "\r").write(toFile: path, atomically: true, encoding: .utf8)
        let first = try pharmgraph("fmt", path)
        #expect(first.status == 0, "\(first.stderr)")
        let formatted = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            formatted == """
                id: g
                title: G
                version: "1"
                nodes:
                  # the drug
                  # (really)
                  - {id: a, kind: drug}
                  - {id: b, kind: receptor}  # b
                edges:
                  - {from: a, relation: inhibits, to: b}

                """)
        let again = try pharmgraph("fmt", "--check", path)
        #expect(again.status == 0, "\(again.stderr)")
    }
}
