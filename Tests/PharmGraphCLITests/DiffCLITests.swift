import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// Runs any program; `environment` entries replace or (with `nil`) remove inherited ones.
private func run(
    _ executable: String, _ arguments: [String], in directory: String, environment: [String: String?] = [:]
) throws -> RunResult {
    try Program.run(executable, arguments, in: directory, environment: environment)
}

/// A temporary git repository with its own configuration (no global or system settings).
struct Repo {
    let path: String
    var environment: [String: String?] {
        [
            "HOME": path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_PAGER": "cat", "PAGER": "cat",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org", "NO_COLOR": "1",
        ]
    }

    init() throws {
        path = try makeTemporaryDirectory()
        try git("init", "-q", "-b", "main")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> RunResult {
        let result = try run("/usr/bin/env", ["git"] + arguments, in: path, environment: environment)
        if result.status != 0 && arguments.first != "diff" {
            Issue.record("git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result
    }

    func copy(_ fixture: String, to name: String) throws {
        let target = path + "/" + name
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.copyItem(atPath: fixtures + "/" + fixture, toPath: target)
    }

    func pharmgraph(_ arguments: String...) throws -> RunResult { try Binary.run(arguments, in: path) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("pharmgraph diff, end to end")
struct DiffCLITests {
    @Test("text, JSON and TSV reports of a change of every kind; exit 1")
    func goldens() throws {
        let text = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml")
        #expect(text.status == 1)
        #expect(text.stderr.isEmpty)
        #expect(!text.stdout.contains("\u{1B}["))
        expectGolden(text.stdout, "diff-example.txt")
        #expect(
            text.stdout.hasPrefix(
                "header: 2 fields changed; nodes: 1 added, 1 removed, 5 changed, 2 renamed; edges: 2 added, 2 removed, 5 changed (1 sign flip); "))

        let json = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--format", "json")
        #expect(json.status == 1)
        expectGolden(json.stdout, "diff-example.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "pharmgraph-diff/1")
        #expect(object["mode"] as? String == "graph")
        #expect(object["differences"] as? Bool == true)
        let summary = object["summary"] as? [String: Any]
        #expect((summary?["edges"] as? [String: Int])?["sign_flips"] == 1)
        let verdicts = object["verdicts"] as? [String: Any]
        let changed = (verdicts?["changed"] as? [[String: Any]])?.first
        #expect((changed?["old"] as? [String: Any])?["verdict"] as? String == "positive")
        #expect((changed?["new"] as? [String: Any])?["verdict"] as? String == "mixed")

        let tsv = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--format", "tsv")
        #expect(tsv.status == 1)
        expectGolden(tsv.stdout, "diff-example.tsv")
    }

    @Test("networks: nodes and edges as sets, text and JSON")
    func networks() throws {
        let text = try pharmgraph("diff", "diff/old.sif", "diff/new.sif")
        #expect(text.status == 1)
        expectGolden(text.stdout, "diff-network.txt")
        let json = try pharmgraph("diff", "diff/old.sif", "diff/new.sif", "--format", "json")
        #expect(json.status == 1)
        expectGolden(json.stdout, "diff-network.json")
        // A curated graph against a network is compared as networks.
        let mixed = try pharmgraph("diff", "diff/old.yaml", "diff/old.sif", "--format", "json")
        #expect(mixed.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(mixed.stdout.utf8)) as? [String: Any]
        #expect(object?["mode"] as? String == "network")
    }

    @Test("identical and merely reordered files exit 0")
    func identical() throws {
        let same = try pharmgraph("diff", "diff/old.yaml", "diff/old.yaml")
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("no differences\n"))
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/reordered.yaml").status == 0)
        #expect(try pharmgraph("diff", "diff/old.sif", "diff/old.sif", "--format", "tsv").stdout == "change\tfrom\tlabel\tto\tdetail\n")
        let json = try pharmgraph("diff", "diff/new.yaml", "diff/new.yaml", "--format", "json")
        #expect(json.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["differences"] as? Bool == false)
    }

    @Test("verdict options: --no-verdicts, --where, --drugs, --targets, --max-length")
    func verdictOptions() throws {
        let off = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--no-verdicts")
        #expect(off.status == 1)
        #expect(!off.stdout.contains("Verdicts"))
        #expect(!off.stdout.contains("verdicts:"))
        #expect(off.stdout.contains("Sign flips"))

        let filtered = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--where", "dose=anesthetic")
        #expect(filtered.stdout.contains("Verdicts (paths of up to 6 edges where dose=anesthetic; 3 reachable pairs compared)"))
        #expect(filtered.stdout.contains("~ drug-a → effect-e: positive → negative"))
        #expect(filtered.stdout.contains("- drug-a → condition-c: negative → none"))

        let short = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--max-length", "2", "--targets", "effect-e")
        #expect(short.stdout.contains("~ drug-a → effect-e: positive → negative"))
        #expect(short.stdout.contains("1 reachable pair compared"))

        // Networks have verdicts only when asked (--drugs asks); here labels are mapped to relations.
        let plain = try pharmgraph("diff", "diff/old.sif", "diff/new.sif", "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])?["verdicts"] is NSNull)
        let network = try pharmgraph(
            "diff", "diff/old.sif", "diff/new.sif", "--drugs", "A::1", "--targets", "kind:B",
            "--relation-map", "x=activates,w=inhibits", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(network.stdout.utf8)) as? [String: Any]
        let verdicts = try #require(object?["verdicts"] as? [String: Any])
        let changed = (verdicts["changed"] as? [[String: Any]])?.map { "\($0["source"]!)>\($0["target"]!)" }
        #expect(changed == ["A::1>B::1"])
        // B::3 hung off B::2 -u-> B::3, which turned round.
        let gone = (verdicts["no_longer_reachable"] as? [[String: Any]])?.map { "\($0["target"]!)" }
        #expect(gone == ["B::3"])
        #expect((verdicts["newly_reachable"] as? [Any])?.isEmpty == true)

        let unknown = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--drugs", "nobody")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: --drugs: unknown node 'nobody'"))
    }

    @Test("malformed and missing files exit 2 with file:line:column messages")
    func badInput() throws {
        let malformed = try pharmgraph("diff", "diff/old.yaml", "diff/malformed.yaml")
        #expect(malformed.status == 2)
        #expect(malformed.stdout.isEmpty)
        #expect(malformed.stderr.hasPrefix("diff/malformed.yaml:8:20: error: unknown field 'relaton' in edge; did you mean 'relation'?\n"))
        let missing = try pharmgraph("diff", "diff/missing.yaml", "diff/malformed.yaml")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("diff/missing.yaml: error: cannot read file: no such file\n"))
        #expect(missing.stderr.contains("diff/malformed.yaml:8:20: error:"))
        let syntax = try pharmgraph("diff", "diagnostics/yaml-syntax.yaml", "diff/old.yaml")
        #expect(syntax.status == 2)
        #expect(syntax.stderr.range(of: #"^diagnostics/yaml-syntax\.yaml:\d+:\d+: error: "#, options: .regularExpression) != nil)
    }

    @Test("usage errors exit 2, as diff(1)")
    func usage() throws {
        for arguments in [
            ["diff"], ["diff", "diff/old.yaml"], ["diff", "a", "b", "c"], ["diff", "diff/old.yaml", "diff/new.yaml", "--bogus"],
            ["diff", "diff/old.yaml", "diff/new.yaml", "--format", "xml"], ["diff", "diff/old.yaml", "diff/new.yaml", "--color", "red"],
            ["diff", "diff/old.yaml", "diff/new.yaml", "--max-length", "0"], ["diff", "diff/old.yaml", "diff/new.yaml", "--context", "1"],
            ["diff", "diff/old.yaml", "diff/new.yaml", "--where", "dose"], ["diff", "diff/old.yaml", "diff/new.yaml", "--format", "--color"],
            ["diff", "diff/old.yaml", "diff/new.yaml", "--render", "out.gif"],
            // Caught by the argument parser before diff runs.
            ["diff", "diff/old.yaml", "diff/new.yaml", "--format"], ["diff", "diff/old.yaml", "diff/new.yaml", "--verdicts=yes"],
        ] {
            let result = try Binary.run(arguments, in: fixtures)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("error: "), "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        let help = try pharmgraph("diff", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
    }

    @Test("colour: only on a terminal or with --color always; NO_COLOR turns auto off")
    func colour() throws {
        let always = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--color", "always")
        #expect(always.stdout.contains("\u{1B}[1;35m! drug-a -inhibits-| receptor-x\u{1B}[0m"))
        #expect(!(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--color", "never").stdout.contains("\u{1B}[")))
        // A pseudo-terminal, through script(1).
        let binary = try #require(Binary.url).path
        let command = "'\(binary)' diff diff/old.yaml diff/new.yaml --no-verdicts"
        let terminal = try run("/usr/bin/script", ["-qec", command, "/dev/null"], in: fixtures, environment: ["NO_COLOR": nil])
        #expect(terminal.stdout.contains("\u{1B}[32m+ "))
        let declined = try run("/usr/bin/script", ["-qec", command, "/dev/null"], in: fixtures, environment: ["NO_COLOR": "1"])
        #expect(!declined.stdout.contains("\u{1B}["))
        #expect(declined.stdout.contains("Sign flips"))
    }

    @Test("REV:path reads from git; an existing file wins; bad revisions and malformed blobs exit 2")
    func revisions() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.copy("diff/old.yaml", to: "g.yaml")
        try repo.copy("diff/malformed.yaml", to: "bad.yaml")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "v1")
        try repo.copy("diff/new.yaml", to: "g.yaml")

        let golden = try String(contentsOfFile: Repository.path("Tests/PharmGraphCLITests/Golden/diff-example.txt"), encoding: .utf8)
        let result = try repo.pharmgraph("diff", "HEAD:g.yaml", "g.yaml")
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        // The same report as between the files, under the revision's name.
        #expect(
            result.stdout
                == golden.replacingOccurrences(of: "--- diff/old.yaml", with: "--- HEAD:g.yaml")
                .replacingOccurrences(of: "+++ diff/new.yaml", with: "+++ g.yaml"))
        #expect(try repo.pharmgraph("diff", "HEAD:g.yaml", "main:g.yaml").status == 0)
        // Provenance: the revision as given, and the hash of the blob's bytes (those of the committed file).
        let json = try repo.pharmgraph("diff", "HEAD:g.yaml", "g.yaml", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let inputs = try #require((object["provenance"] as? [String: Any])?["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["revision"] as? String } == ["HEAD", nil])
        let committed = try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/PharmGraphTests/Fixtures/diff/old.yaml")))
        let current = try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/PharmGraphTests/Fixtures/diff/new.yaml")))
        #expect(inputs.map { $0["sha256"] as? String } == [SHA256.hex(committed), SHA256.hex(current)])

        // A file whose name looks like REV:path is read as the file.
        try repo.copy("diff/new.yaml", to: "HEAD:g.yaml")
        #expect(try repo.pharmgraph("diff", "HEAD:g.yaml", "g.yaml").status == 0)

        let badRevision = try repo.pharmgraph("diff", "HEAD~3:g.yaml", "g.yaml")
        #expect(badRevision.status == 2)
        #expect(badRevision.stdout.isEmpty)
        #expect(badRevision.stderr == "HEAD~3:g.yaml: error: no such revision 'HEAD~3' in the git repository here\n")
        let badPath = try repo.pharmgraph("diff", "HEAD:nope.yaml", "g.yaml")
        #expect(badPath.status == 2)
        #expect(badPath.stderr == "HEAD:nope.yaml: error: no such path 'nope.yaml' in HEAD\n")

        let malformed = try repo.pharmgraph("diff", "HEAD:bad.yaml", "g.yaml")
        #expect(malformed.status == 2)
        #expect(malformed.stderr.hasPrefix("HEAD:bad.yaml:8:20: error: unknown field 'relaton' in edge"))
    }

    @Test("REV:path follows the rule files do: compression by name or magic, --max-inflated caps plain and compressed blobs")
    func revisionDecoding() throws {
        let repo = try Repo()
        defer { repo.remove() }
        // 100,000 edges, 2.3 MB: over a 1M cap uncompressed, and well under it gzipped.
        let big = (0..<100_000).map { "a\($0)\tactivates\tb\($0)\n" }.joined()
        try Data(big.utf8).write(to: URL(fileURLWithPath: repo.path + "/big.sif"))
        try Data("a\tactivates\tb\nb\tinhibits\tc\n".utf8).write(to: URL(fileURLWithPath: repo.path + "/plain"))
        let made = try run("/bin/sh", ["-c", "gzip -c plain > small.sif && gzip -c big.sif > big.sif.gz"], in: repo.path)
        try #require(made.status == 0, "gzip is missing: \(made.stderr)")
        try repo.git("add", "big.sif", "small.sif", "big.sif.gz")
        try repo.git("commit", "-q", "-m", "v1")

        // gzip data named .sif is told by its magic number, as the file beside it is.
        let magic = try repo.pharmgraph("diff", "HEAD:small.sif", "small.sif")
        #expect(magic.status == 0, "\(magic.stderr)")
        #expect(magic.stdout.hasPrefix("no differences"))
        #expect(magic.stderr.isEmpty)

        for name in ["big.sif", "big.sif.gz"] {
            let limit = "HEAD:\(name): error: the input exceeds the 1 MiB size limit (counted after decompression); raise it with --max-inflated SIZE\n"
            let capped = try repo.pharmgraph("diff", "--max-inflated", "1M", "HEAD:\(name)", "HEAD:\(name)")
            #expect(capped.status == 2)
            #expect(capped.stdout.isEmpty)
            #expect(capped.stderr == limit + limit)
            let admitted = try repo.pharmgraph("diff", "--max-inflated", "3M", "HEAD:\(name)", name)
            #expect(admitted.status == 0, "\(admitted.stderr)")
        }
    }

    @Test("git diff with pharmgraph as the external diff driver, including added and deleted files")
    func gitDriver() throws {
        let repo = try Repo()
        defer { repo.remove() }
        let binary = try #require(Binary.url).path
        try "*.yaml diff=pharmgraph\n".write(
            toFile: repo.path + "/.gitattributes", atomically: true, encoding: .utf8)
        try repo.git("config", "diff.pharmgraph.command", "'\(binary)' diff --git-external")
        try repo.copy("diff/old.yaml", to: "g.yaml")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "v1")
        try repo.copy("diff/new.yaml", to: "g.yaml")

        let changed = try repo.git("diff")
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.hasPrefix("diff --pharmgraph a/g.yaml b/g.yaml\nheader: 2 fields changed; nodes: 1 added"))
        #expect(changed.stdout.contains("  ! drug-a -inhibits-| receptor-x\n"))
        #expect(changed.stdout.contains("--- a/g.yaml (diff-example 1.0.0: 9 nodes, 9 edges)\n"))

        // Added: git passes /dev/null as the old file.
        try repo.copy("diff/new.yaml", to: "added.yaml")
        try repo.git("add", "added.yaml")
        let added = try repo.git("diff", "--cached", "--", "added.yaml")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("nodes: 9 added;"))
        #expect(added.stdout.contains("--- a/added.yaml (nothing)"))

        // Deleted.
        try repo.git("rm", "-q", "--cached", "g.yaml")
        let deleted = try repo.git("diff", "--cached", "--", "g.yaml")
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("nodes: 9 removed;"))
        #expect(deleted.stdout.contains("+++ b/g.yaml (nothing)"))

        // Trouble still stops git, with pharmgraph's message.
        try repo.copy("diff/malformed.yaml", to: "g.yaml")
        try repo.git("add", "g.yaml")
        let broken = try repo.git("diff", "HEAD", "--", "g.yaml")
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("b/g.yaml:8:20: error: unknown field 'relaton' in edge"))
    }

    @Test("--render draws the union graph; --context keeps the changes and their neighbourhood")
    func render() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let svg = directory + "/diff.svg"
        let drawn = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--render", svg)
        #expect(drawn.status == 1)
        expectGolden(drawn.stdout, "diff-example.txt")
        let image = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(image.contains("<svg"))
        // Graphviz writes the classes into the SVG, hyphens as &#45;.
        for status in ["added", "removed", "changed", "sign&#45;flip", "unchanged"] {
            #expect(image.contains("class=\"edge diff&#45;\(status)\""), "\(status)")
        }

        // The DOT text is ours and deterministic.
        let dot = directory + "/diff.dot"
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--render", dot, "--no-verdicts").status == 1)
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        expectGolden(text, "diff-example.dot")
        #expect(text.contains(#""drug-a" -> "receptor-x" [class="diff-sign-flip""#))
        #expect(text.contains(#""nmdar" -> "old-process" [class="diff-removed""#))
        #expect(text.contains(#""receptor-x" -> "effect-e" [class="diff-unchanged""#))

        // --context 0: the changes alone; unchanged edges between drawn nodes are left out.
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--render", dot, "--context", "0").status == 1)
        let changes = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(!changes.contains("class=\"diff-unchanged\"; "))
        #expect(!changes.contains(#""receptor-x" -> "effect-e""#))
        #expect(changes.contains(#""effect-e" [label="Effect E", class="diff-unchanged""#))
        #expect(changes.contains("only the changes are drawn"))

        // A render that cannot be written: exit 2, nothing printed, nothing left behind.
        let failed = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--render", directory + "/missing/diff.svg")
        #expect(failed.status == 2)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.hasPrefix("error: --render: cannot write"))
    }

    @Test("--render of a diagram too large to draw: exit 2, the core's reason and the CLI's option hint")
    func renderTooLarge() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var text = "source\tinteraction\ttarget\n"
        for i in 0..<1_600 { text += "n\(i)\tx\tn\(i + 1)\n" }
        try text.write(toFile: directory + "/old.sif", atomically: true, encoding: .utf8)
        try (text + "n0\ty\tn2\n").write(toFile: directory + "/new.sif", atomically: true, encoding: .utf8)
        let svg = directory + "/diff.svg"
        let whole = try pharmgraph("diff", directory + "/old.sif", directory + "/new.sif", "--render", svg)
        #expect(whole.status == 2)
        #expect(whole.stderr.contains("error: --render: the diagram would have 1601 nodes and 1601 edges"))
        #expect(whole.stderr.contains("; draw the changes alone with --context 0"))
        #expect(!FileManager.default.fileExists(atPath: svg))
        let wide = try pharmgraph("diff", directory + "/old.sif", directory + "/new.sif", "--render", svg, "--context", "2000")
        #expect(wide.status == 2)
        #expect(wide.stderr.contains("; use a smaller --context"))
        #expect(try pharmgraph("diff", directory + "/old.sif", directory + "/new.sif", "--render", svg, "--context", "1").status == 1)
        #expect(FileManager.default.fileExists(atPath: svg))
    }

    @Test(
        "Hetionet: the removed and added edges match the fixture exactly",
        .enabled(if: Repository.sharedData != nil, "needs ../shared/data"))
    func hetionet() throws {
        let data = try #require(Repository.sharedData) + "/hetionet/"
        let result = try Binary.run(
            [
                "diff", data + "hetionet-v1.0-edges-partial16.sif.gz",
                data + "diff-fixture/hetionet-v1.0-edges-partial16.v2.sif.gz", "--format", "tsv",
            ])
        #expect(result.status == 1)
        var removed: [Substring] = []
        var added: [Substring] = []
        for line in result.stdout.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let triple = fields[1].dropLast()  // the empty detail column
            if fields[0] == "removed" { removed.append(triple) } else if fields[0] == "added" { added.append(triple) }
        }
        func rows(_ name: String) throws -> [Substring] {
            try String(contentsOfFile: data + "diff-fixture/" + name, encoding: .utf8).split(separator: "\n").dropFirst().map { $0 }
        }
        let expectedRemoved = try rows("removed.tsv")
        let expectedAdded = try rows("added.tsv")
        #expect(expectedRemoved.count == 7_658 && expectedAdded.count == 7_658)
        #expect(removed == expectedRemoved)
        #expect(added == expectedAdded)
    }
}
