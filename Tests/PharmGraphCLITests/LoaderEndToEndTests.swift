import Foundation
import PharmGraphTestSupport
import Testing

/// Every command through the one input loader: curated YAML, YAML.gz, SIF/TSV, Hetionet JSON, stdin, REV:path.
@Suite("Every command reads every input it can serve, end to end")
struct LoaderEndToEndTests {
    private let directory: String
    private let example = fixtures + "/valid/example.yaml"
    private let sif = fixtures + "/import/small.sif"
    private let tsv = fixtures + "/import/signed.tsv"
    private let hetionet = fixtures + "/input/hetionet.json"

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    private func run(_ arguments: String..., input: String = "") throws -> RunResult {
        try Binary.run(arguments, in: directory, input: input)
    }

    /// `file` gzipped into the temporary directory as `name`.
    private func gzipped(_ file: String, as name: String) throws -> String {
        let made = try Program.run("/bin/sh", ["-c", "gzip -c \"$0\" > \"$1\"", file, path(name)])
        try #require(made.status == 0, "gzip is missing: \(made.stderr)")
        return path(name)
    }

    @Test("check: a curated YAML, its .gz, SIF, TSV and Hetionet JSON are valid; a network's row errors are positioned")
    func check() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gz = try gzipped(example, as: "example.yaml.gz")
        for input in [example, gz, sif, tsv, hetionet] {
            let result = try run("check", input)
            #expect(result.status == 0, "\(input): \(result.stderr)")
            // The TSV's labels 1 and -1 have no mapping: a warning each (docs/formats.md, "Richer TSV/CSV").
            #expect(result.stderr.hasSuffix("checked 1 file: 0 errors, \(input == tsv ? 2 : 0) warnings\n"), "\(input)")
        }
        let all = try run("check", example, gz, sif, hetionet)
        #expect(all.stderr == "checked 4 files: 0 errors, 0 warnings\n")

        let text = try String(contentsOfFile: hetionet, encoding: .utf8)
        try text.replacingOccurrences(of: "[\"Gene\", 627], \"target_id\"", with: "[\"Gene\", 628], \"target_id\"")
            .write(toFile: path("broken.json"), atomically: true, encoding: .utf8)
        let broken = try run("check", "broken.json")
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("broken.json:12:3: error: hetionet json: edges[2]: unknown source node 'Gene::628'\n"))
        #expect(broken.stderr.hasSuffix("checked 1 file: 1 error, 0 warnings\n"))

        let row = try run("check", fixtures + "/import/missing-target.sif", "--format", "json")
        #expect(row.status == 1)
        #expect(row.stdout.contains("\"message\" : \"expected source, relation and target, found 2 fields (relation 'pp' has no target)\""))

        let unknown = try run("check", fixtures + "/import/unknown-node.tsv", "--nodes", fixtures + "/import/nodes.csv")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("'Z'"))
    }

    @Test("stats: a .gz counts as its graph; SIF, TSV and Hetionet JSON count nodes and edges by kind, label and sign")
    func stats() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gz = try gzipped(example, as: "example.yaml.gz")
        #expect(try run("stats", gz).stdout == (try run("stats", example)).stdout)
        let network = try run("stats", hetionet)
        #expect(network.status == 0)
        #expect(
            network.stdout == """
                \(hetionet) (network, hetionet-json)
                nodes: 4
                  Gene             2
                  Compound         1
                  Disease          1
                edges: 3
                  by label:
                    CbG              1
                    GaD              1
                    Gr>G             1
                  by sign:
                    positive         0
                    negative         0
                    unknown          3
                    none             0
                isolated nodes: 0

                """)
        let json = try run("stats", sif, "--format", "json")
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(counts["nodes"] as? Int == 6)
        #expect(counts["edges"] as? Int == 4)
        #expect(counts["isolated_nodes"] as? Int == 1)
        #expect(counts["edges_by_label"] as? [String: Int] == ["activates": 1, "inhibits": 2, "pp": 1])
        #expect(counts["edges_by_sign"] as? [String: Int] == ["positive": 1, "negative": 2, "unknown": 1, "none": 0])
        let mapped = try run("stats", tsv, "--relation-map", "1=activates,-1=inhibits")
        #expect(mapped.stdout.contains("    positive         2\n    negative         2\n"))
    }

    @Test("import options given for a curated graph are a warning, never silently ignored")
    func importOptionsOnAGraph() throws {
        let message = "warning: the import options given (node table, columns, relation map, context columns) apply to imported networks; "
        let check = try run("check", example, "--relation-map", "x=activates")
        #expect(check.status == 0)
        #expect(check.stderr.contains(message))
        #expect(try run("check", "--strict", example, "--nodes", "nowhere.tsv").status == 1)
        let paths = try run("paths", example, "ketamine", "analgesia", "--source-column", "from")
        #expect(paths.status == 0 && paths.stderr.contains(message))
        #expect(try run("check", example).stderr == "checked 1 file: 0 errors, 0 warnings\n")
    }

    @Test("stdin: the format from --input-format, else from the parsed top-level keys")
    func standardInput() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try String(contentsOfFile: sif, encoding: .utf8)
        let unnamed = try run("stats", "-", input: table)
        #expect(unnamed.status == 1)
        #expect(unnamed.stderr.hasPrefix("-: error: cannot tell the format from the name or the content; give --input-format"))
        let named = try run("stats", "-", "--input-format", "sif", input: table)
        #expect(named.status == 0)
        #expect(named.stdout.hasPrefix("- (network, sif)\nnodes: 6\n"))
        // Bytes that are not UTF-8: the real error at its position.
        let latin1 = try Program.run(
            "/bin/sh", ["-c", "printf 'id: g\\ntitle: caf\\351\\n' | \"$0\" check -", try #require(Binary.url).path], in: directory)
        #expect(latin1.status == 1)
        #expect(latin1.stderr.hasPrefix("-:2:11: error: file is not valid UTF-8: unexpected byte 0xE9\n"))
        #expect(try run("check", "-", "--input-format", "sif", input: table).status == 0)
        let json = try String(contentsOfFile: hetionet, encoding: .utf8)
        let keys = try run("stats", "-", input: json)
        #expect(keys.stdout.hasPrefix("- (network, hetionet-json)\n"))
        let paths = try run("paths", "-", "Ketamine", "depression", "--input-format", "hetionet-json", "--raw", input: json)
        #expect(paths.stdout.hasSuffix("1 path: 0 positive, 0 negative, 1 unknown; verdict: unknown\n"))
        let render = try run("render", "-", "--input-format", "sif", "-o", "-", "--format", "dot", input: table)
        #expect(render.status == 0)
        #expect(render.stdout.contains("\"B\" -> \"C\""))
    }

    @Test("render: networks drawn whole, by --focus and by --paths; above 1,500 nodes only a part, with a hint")
    func render() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let whole = try run("render", hetionet, "-o", "-", "--format", "dot")
        #expect(whole.status == 0)
        #expect(whole.stderr.isEmpty)
        #expect(whole.stdout.contains("\"Compound::DB01\" -> \"Gene::2902\""))
        #expect(whole.stdout.contains("(hetionet-json network)"))
        let focus = try run("render", hetionet, "--focus", "GRIN1", "--depth", "1", "--direction", "out", "-o", "-", "--format", "dot")
        #expect(focus.stdout.contains("\"Gene::2902\" -> \"Gene::627\""))
        #expect(!focus.stdout.contains("\"Compound::DB01\" ->"))
        let paths = try run("render", sif, "--paths", "A", "C", "-o", "-", "--format", "dot")
        #expect(paths.stdout.contains("Paths from A to C, at most 6 steps: 1 (0 +, 1 -, 0 ?), verdict negative, established"))
        #expect(!paths.stdout.contains("\"C\" -> \"E\""))
        let gz = try gzipped(example, as: "example.yaml.gz")
        #expect(try run("render", gz, "-o", "-", "--format", "dot").stdout == (try run("render", example, "-o", "-", "--format", "dot")).stdout)

        let chain = (0...1500).map { "n\($0)\tactivates\tn\($0 + 1)" }.joined(separator: "\n") + "\n"
        try chain.write(toFile: path("big.sif"), atomically: true, encoding: .utf8)
        let big = try run("render", "big.sif", "-o", "big.svg")
        #expect(big.status == 1)
        #expect(
            big.stderr == "big.sif: error: the network has 1502 nodes, more than the 1500 render draws whole\n"
                + "  hint: draw a part of it with --focus NODE (and --depth N) or --paths FROM TO\n")
        #expect(!FileManager.default.fileExists(atPath: path("big.svg")))
        let part = try run("render", "big.sif", "--focus", "n700", "--depth", "2", "-o", "-", "--format", "dot")
        #expect(part.status == 0)
        #expect(part.stdout.contains("\"n698\" -> \"n699\"") && !part.stdout.contains("\"n697\""))
    }

    @Test("fmt: a network is refused plainly and left as it is")
    func fmt() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: sif, toPath: path("n.sif"))
        try FileManager.default.copyItem(atPath: hetionet, toPath: path("h.json"))
        for (name, format) in [("n.sif", "sif"), ("h.json", "hetionet-json")] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path(name)))
            let result = try run("fmt", name)
            #expect(result.status == 1)
            #expect(
                result.stderr
                    == "\(name): error: fmt formats curated graphs only (YAML or JSON); this is a \(format) network, which it leaves as it is\n"
            )
            #expect(try Data(contentsOf: URL(fileURLWithPath: path(name))) == before)
        }
        // fmt has no --input-format, so it does not ask for one.
        let untold = try run("fmt", "-", input: try String(contentsOfFile: sif, encoding: .utf8))
        #expect(untold.status == 1)
        #expect(untold.stdout.isEmpty)
        #expect(
            untold.stderr
                == "-: error: fmt formats curated graphs only (YAML or JSON); this is neither a YAML mapping nor a JSON object\n")
        #expect(try run("fmt", "--input-format", "sif", "-").status == 64)
        // paths --render draws networks too.
        #expect(!(try run("paths", "--help")).stdout.contains("curated graphs)"))
    }

    @Test("fmt: a compressed graph is checked and formatted as a stream, never rewritten")
    func fmtCompressed() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gz = try gzipped(example, as: "example.yaml.gz")
        let before = try Data(contentsOf: URL(fileURLWithPath: gz))
        let rewrite = try run("fmt", "example.yaml.gz")
        #expect(rewrite.status == 1)
        #expect(
            rewrite.stderr
                == "example.yaml.gz: error: fmt does not rewrite compressed files; check it with 'pharmgraph fmt --check example.yaml.gz', or format it as a stream with 'pharmgraph fmt - < example.yaml.gz'\n"
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: gz)) == before)
        let check = try run("fmt", "--check", "example.yaml.gz")
        #expect(check.status == 0)
        #expect(check.stderr.isEmpty)
        let text = try String(contentsOfFile: example, encoding: .utf8)
        try (text.replacingOccurrences(of: "id: example\n", with: "id:    example\n")).write(
            toFile: path("messy.yaml"), atomically: true, encoding: .utf8)
        let messyGz = try gzipped(path("messy.yaml"), as: "messy.yaml.gz")
        let messy = try run("fmt", "--check", "messy.yaml.gz")
        #expect(messy.status == 1)
        #expect(messy.stderr == "messy.yaml.gz: not in canonical form (run 'pharmgraph fmt - < messy.yaml.gz')\n")
        let stream = try Program.run("/bin/sh", ["-c", "\"$0\" fmt - < \"$1\"", try #require(Binary.url).path, messyGz])
        #expect(stream.status == 0)
        #expect(stream.stdout == text)
    }

    @Test("fmt: a file in a git revision is checked, never rewritten; the command suggested works")
    func fmtRevision() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.copy("valid/example.yaml", to: "g.yaml")
        let text = try String(contentsOfFile: example, encoding: .utf8)
        try text.replacingOccurrences(of: "id: example\n", with: "id:    example\n")
            .write(toFile: repo.path + "/nc.yaml", atomically: true, encoding: .utf8)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "v1")
        let before = try Data(contentsOf: URL(fileURLWithPath: repo.path + "/nc.yaml"))
        for spec in ["HEAD:nc.yaml", "HEAD:g.yaml"] {
            let rewrite = try repo.pharmgraph("fmt", spec)
            #expect(rewrite.status == 1)
            #expect(
                rewrite.stderr
                    == "\(spec): error: fmt does not rewrite files in a git revision; check it with 'pharmgraph fmt --check \(spec)', or format it as a stream with 'git show \(spec) | pharmgraph fmt -'\n"
            )
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: repo.path + "/nc.yaml")) == before)
        #expect(try repo.pharmgraph("fmt", "--check", "HEAD:g.yaml").status == 0)
        let check = try repo.pharmgraph("fmt", "--check", "HEAD:nc.yaml")
        #expect(check.status == 1)
        #expect(check.stderr == "HEAD:nc.yaml: not in canonical form (run 'git show HEAD:nc.yaml | pharmgraph fmt -')\n")
        let binary = try #require(Binary.url).path
        let suggested = try Program.run("/bin/sh", ["-c", "git show HEAD:nc.yaml | \"$0\" fmt -", binary], in: repo.path)
        #expect(suggested.status == 0)
        #expect(suggested.stdout == text)
    }

    @Test("paths, effects, causes and diff read .gz graphs and networks through the same loader")
    func queries() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gz = try gzipped(example, as: "example.yaml.gz")
        #expect(try run("paths", gz, "ketamine", "analgesia").stdout == (try run("paths", example, "ketamine", "analgesia")).stdout)
        #expect(try run("effects", gz, "ketamine").stdout == (try run("effects", example, "ketamine")).stdout)
        #expect(try run("causes", gz, "analgesia").stdout == (try run("causes", example, "analgesia")).stdout)
        let effects = try run("effects", hetionet, "Ketamine", "--targets", "kind:Disease")
        #expect(effects.status == 0)
        #expect(effects.stdout.contains("\nNodes reached (1)\n  Disease::DOID:1596  no determinate effect"))
        let same = try run("diff", gz, example)
        #expect(same.status == 0)
        let network = try gzipped(sif, as: "small.sif.gz")
        #expect(try run("diff", network, sif).status == 0)
    }

    @Test("--nodes on stdin, a FIFO or <(…) is read once and used for every network of check and diff")
    func nodeTableReadOnce() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: sif, toPath: path("one.sif"))
        try FileManager.default.copyItem(atPath: sif, toPath: path("two.sif"))
        let table = "id\tname\tkind\n" + ["A", "B", "C", "D", "E", "F"].map { "\($0)\tname \($0)\tenzyme\n" }.joined()
        try table.write(toFile: path("nodes.tsv"), atomically: true, encoding: .utf8)
        // The table is a checked file of its own (its row errors are filed under its name).
        let stdin = try run("check", "one.sif", "two.sif", "--nodes", "-", input: table)
        #expect(stdin.status == 0)
        #expect(stdin.stderr == "checked 3 files: 0 errors, 0 warnings\n")
        let diff = try run("diff", "one.sif", "two.sif", "--nodes", "-", input: table)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("no differences"))
        let binary = try #require(Binary.url).path
        // A FIFO has one writer: a second open would wait for ever (the timeout is only a guard against that).
        try SpecialFiles.makeFIFO(path("fifo"))
        let fifo = try Program.run(
            "/bin/sh", ["-c", "cat nodes.tsv > fifo & exec timeout -s KILL 60 \"$0\" check one.sif two.sif --nodes fifo", binary],
            in: directory)
        // Should the command not have opened the FIFO, this lets the writer go rather than wait for ever.
        let release = open(path("fifo"), O_RDONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        #expect(fifo.status == 0)
        #expect(fifo.stderr == "checked 3 files: 0 errors, 0 warnings\n")
        let substitution = try Program.run(
            "/bin/bash", ["-c", "exec \"$0\" check one.sif two.sif --nodes <(cat nodes.tsv)", binary], in: directory)
        #expect(substitution.status == 0)
        #expect(substitution.stderr == "checked 3 files: 0 errors, 0 warnings\n")
    }

    @Test("REV:path: check and stats read a graph and a network from git")
    func revisions() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.copy("valid/example.yaml", to: "g.yaml")
        try repo.copy("import/small.sif", to: "net.sif")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "v1")
        try "broken: [\n".write(toFile: repo.path + "/g.yaml", atomically: true, encoding: .utf8)

        let check = try repo.pharmgraph("check", "HEAD:g.yaml", "HEAD:net.sif")
        #expect(check.status == 0)
        #expect(check.stderr == "checked 2 files: 0 errors, 0 warnings\n")
        #expect(try repo.pharmgraph("check", "g.yaml").status == 1)
        let stats = try repo.pharmgraph("stats", "HEAD:net.sif")
        #expect(stats.status == 0)
        #expect(stats.stdout.hasPrefix("HEAD:net.sif (network, sif)\nnodes: 6\n"))
        #expect(try repo.pharmgraph("stats", "HEAD:g.yaml").stdout.hasPrefix("Example mechanism graph (example 1.0.0)\n"))

        let bad = try repo.pharmgraph("check", "HEAD~3:g.yaml")
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("HEAD~3:g.yaml: error: no such revision 'HEAD~3' in the git repository here\n"))
    }

    @Test("REV:path: only a file in a revision is read; a spec is never an option to git; each other case a clear error")
    func revisionsOnlyFiles() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.copy("valid/example.yaml", to: "g.yaml")
        try FileManager.default.createDirectory(atPath: repo.path + "/sub", withIntermediateDirectories: false)
        try repo.copy("import/small.sif", to: "sub/n.sif")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "nodes")
        let written = repo.path + "/written"
        let cases: [(spec: String, message: String)] = [
            ("--output=\(written):g.yaml", "a git revision cannot start with '-'"),
            ("HEAD:sub", "'sub' is a folder in HEAD, not a file"),
            (":/nodes", "':/nodes' names a git commit, not a file; give REV:path"),
            ("HEAD:g*.yaml", "no such path 'g*.yaml' in HEAD"),
            ("v1*:g.yaml", "no such revision 'v1*' in the git repository here"),
            (":nope.yaml", "no such path 'nope.yaml' in the git index (staged files)"),
        ]
        for (spec, message) in cases {
            for command in ["check", "stats"] {
                let result = try repo.pharmgraph(command, "--", spec)
                #expect(result.status == 1, "\(command) \(spec)")
                #expect(result.stderr.hasPrefix("\(spec): error: \(message)\n"), "\(command) \(spec): \(result.stderr)")
            }
            let diff = try repo.pharmgraph("diff", "--", spec, "g.yaml")
            #expect(diff.status == 2, "diff \(spec)")
            #expect(diff.stderr == "\(spec): error: \(message)\n", "diff \(spec)")
        }
        let paths = try repo.pharmgraph("paths", "--", "--output=\(written):g.yaml", "ketamine", "analgesia")
        #expect(paths.status == 1)
        #expect(!FileManager.default.fileExists(atPath: written))
        #expect(try repo.pharmgraph("check", "HEAD:sub/n.sif", ":g.yaml").status == 0)
    }

    @Test("paths --batch reads its file as every input is read: REV:path, with the same errors")
    func batchThroughLoader() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.copy("import/small.sif", to: "n.sif")
        try "A\tC\nB\tE\n".write(toFile: repo.path + "/batch.tsv", atomically: true, encoding: .utf8)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "v1")
        let expected = try repo.pharmgraph("paths", "n.sif", "--batch", "batch.tsv")
        #expect(expected.status == 0)
        #expect(expected.stdout.hasPrefix("from\tto\ttotal"))
        try FileManager.default.removeItem(atPath: repo.path + "/batch.tsv")
        let revision = try repo.pharmgraph("paths", "n.sif", "--batch", "HEAD:batch.tsv")
        #expect(revision.status == 0, "\(revision.stderr)")
        #expect(revision.stdout == expected.stdout)
        let missing = try repo.pharmgraph("paths", "n.sif", "--batch", "HEAD:nope.tsv")
        #expect(missing.status == 1)
        #expect(missing.stderr == "HEAD:nope.tsv: error: no such path 'nope.tsv' in HEAD\n")
    }
}
