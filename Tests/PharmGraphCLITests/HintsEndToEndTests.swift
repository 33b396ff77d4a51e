import Foundation
import PharmGraphTestSupport
import Testing

/// Issue 17, "At every mistake, a next step": each message, from the binary (docs/cli.md, "Mistakes").
@Suite("hints: a next step at every mistake")
struct HintsEndToEndTests {
    /// Runs the binary in the fixtures folder with `environment` added to (or, `nil`, removed from) `NO_COLOR=1`.
    func run(_ arguments: [String], environment: [String: String?] = [:], in directory: String = fixtures) throws -> RunResult {
        guard let url = Binary.url else { throw CocoaError(.fileNoSuchFile) }
        return try Program.run(url.path, arguments, in: directory, environment: ["NO_COLOR": "1"].merging(environment) { $1 })
    }

    // MARK: did you mean

    @Test("a misspelt subcommand gets 'did you mean', exit 64", arguments: [["pahts"], ["help", "pahts"], ["chek", "x.yaml"]])
    func misspeltCommand(_ arguments: [String]) throws {
        let result = try run(arguments)
        let word = arguments.first { $0 != "help" }!
        let match = word == "pahts" ? "paths" : "check"
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: Unknown command '\(word)'. Did you mean '\(match)'?\n"), "\(result.stderr)")
        #expect(result.stderr.contains("See 'pharmgraph --help'"))
    }

    @Test("a word like no subcommand lists the commands")
    func unknownCommand() throws {
        let result = try run(["frobnicate"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Unknown command 'frobnicate'. The commands are: check, stats, fmt, render, paths"), "\(result.stderr)")
    }

    /// A misspelt option of every command, and the option suggested.
    static let misspeltOptions: [(arguments: [String], typo: String, option: String)] = [
        (["check", "valid/example.yaml"], "--strikt", "--strict"),
        (["stats", "valid/example.yaml"], "--formt", "--format"),
        (["fmt", "valid/example.yaml"], "--chek", "--check"),
        (["render", "valid/example.yaml", "-o", "-"], "--rankdri", "--rankdir"),
        (["paths", "paths/signed.yaml", "drug-a", "e-pos"], "--max-lenght", "--max-length"),
        (["effects", "paths/signed.yaml", "drug-a"], "--max-lenght", "--max-length"),
        (["causes", "paths/signed.yaml", "e-pos"], "--max-lenght", "--max-length"),
        (["diff", "diff/old.yaml", "diff/new.yaml"], "--max-lenght", "--max-length"),
    ]

    @Test("every command suggests the option a typo meant; diff exits 2 as diff(1), the others 64")
    func misspeltOption() throws {
        for (arguments, typo, option) in Self.misspeltOptions {
            let result = try run(arguments + [typo, "3"])
            #expect(result.status == (arguments[0] == "diff" ? 2 : 64), "\(arguments[0])")
            #expect(result.stderr.contains("Unknown option '\(typo)'. Did you mean '\(option)'?"), "\(arguments[0]): \(result.stderr)")
        }
    }

    // MARK: causes with no answer

    @Test("causes with no drug says why: beyond the maximum length, nothing points in, reached only backwards")
    func causesEmpty() throws {
        let far = try run(["causes", "paths/unreached.yaml", "e-far"])
        #expect(far.status == 0)
        #expect(far.stdout.hasPrefix("no drug reaches e-far within 6 steps\n"), "\(far.stdout)")
        #expect(far.stdout.contains("7 steps"), "\(far.stdout)")
        #expect(!far.stdout.contains("reading"), "no bare column header: \(far.stdout)")
        let orphan = try run(["causes", "paths/unreached.yaml", "e-orphan"])
        #expect(orphan.stdout.contains("no edge in the graph points into 'e-orphan'"), "\(orphan.stdout)")
        let back = try run(["causes", "paths/unreached.yaml", "e-back"])
        #expect(back.stdout.contains("no path from 'drug-a' to 'e-back', but 'e-back' reaches 'drug-a'"), "\(back.stdout)")
        let json = try run(["causes", "paths/unreached.yaml", "e-far", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let explanation = document?["explanation"] as? [String: Any]
        #expect(explanation?["reason"] as? String == "too_long")
        // An answer with rows has no explanation.
        let answered = try run(["causes", "paths/signed.yaml", "e-pos", "--format", "json"])
        #expect(!answered.stdout.contains("\"explanation\""))
    }

    // MARK: --k

    @Test("paths --k says it shows fewer paths than exist, and the summary states the full count")
    func kFewer() throws {
        let all = try run(["paths", "paths/signed.yaml", "drug-a", "e-pos", "--limit", "0"])
        let one = try run(["paths", "paths/signed.yaml", "drug-a", "e-pos", "--k", "1"])
        #expect(one.status == 0)
        let total = all.stdout.split(separator: "\n").first { $0.contains(" paths: ") }.map(String.init)
        #expect(total != nil, "\(all.stdout)")
        if let total {
            let count = total.prefix { $0 != " " }
            #expect(one.stdout.contains("\(count) paths: "), "\(one.stdout)")
            #expect(one.stdout.contains("showing the 1 shortest of \(count)"), "\(one.stdout)")
        }
    }

    // MARK: check --quiet, --max-warnings, the summary line

    @Test("check --quiet prints errors only but counts the warnings; the summary line closes every format")
    func quiet() throws {
        let loud = try run(["check", "diagnostics/unused-reference.yaml"])
        #expect(loud.stderr.contains("warning: "))
        let quiet = try run(["check", "--quiet", "diagnostics/unused-reference.yaml"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "checked 1 file: 0 errors, 1 warning (not shown)\n")
        let errors = try run(["check", "-q", "diagnostics/unused-reference.yaml", "diagnostics/unknown-node.yaml"])
        #expect(errors.status == 1)
        #expect(errors.stderr.contains("error: unknown node"))
        #expect(!errors.stderr.contains("warning:"))
        #expect(errors.stderr.hasSuffix("checked 2 files: 1 error, 1 warning (not shown)\n"), "\(errors.stderr)")
        for format in ["json", "github", "sarif"] {
            let result = try run(["check", "--format", format, "diagnostics/unused-reference.yaml"])
            #expect(result.stderr == "checked 1 file: 0 errors, 1 warning\n", "\(format)")
        }
    }

    @Test("check --max-warnings N fails with more than N warnings")
    func maxWarnings() throws {
        let within = try run(["check", "--max-warnings", "1", "diagnostics/unused-reference.yaml"])
        #expect(within.status == 0)
        let over = try run(["check", "--max-warnings", "0", "--quiet", "diagnostics/unused-reference.yaml"])
        #expect(over.status == 1)
        #expect(over.stderr == "checked 1 file: 0 errors, 1 warning (not shown), more than the 0 allowed\n")
        let negative = try run(["check", "--max-warnings=-1", "diagnostics/unused-reference.yaml"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--max-warnings must be 0 or more"))
    }

    // MARK: --format github and sarif

    @Test("check --format github: one workflow command per diagnostic, properties escaped")
    func github() throws {
        let result = try run(["check", "--format", "github", "diagnostics/several-problems.yaml"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(
            lines.first
                == "::error file=diagnostics/several-problems.yaml,line=9,col=10,title=pharmgraph check::duplicate node id 'target-b'; first defined at line 8, column 10"
        )
        #expect(result.stderr == "checked 1 file: 5 errors, 0 warnings\n")
        // A claim's notes follow its message on lines of their own: LF escaped as %0A, one command per line.
        let claims = try run(["check", "--format", "github", "paths/claims-fail.yaml"])
        let first = try #require(claims.stdout.split(separator: "\n").first)
        #expect(first.hasPrefix("::error file=paths/claims-fail.yaml,line=30,col=5,title=pharmgraph check::claim 'drug-a' -> 'e-mixed'"))
        #expect(first.contains("%0Anote: negative path: "))
        // A file name with a comma and a colon, and a warning.
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: fixtures + "/diagnostics/unused-reference.yaml", toPath: directory + "/a,b:c%.yaml")
        let odd = try run(["check", "--format", "github", "a,b:c%.yaml"], in: directory)
        #expect(odd.stdout.hasPrefix("::warning file=a%2Cb%3Ac%25.yaml,line="), "\(odd.stdout)")
        #expect(try run(["check", "--format", "github", "--quiet", "a,b:c%.yaml"], in: directory).stdout.isEmpty)
    }

    @Test("check --format sarif: a SARIF 2.1.0 log with rules, results and regions, the same on every run")
    func sarif() throws {
        let result = try run(["check", "--format", "sarif", "diagnostics/several-problems.yaml", "diagnostics/unused-reference.yaml"])
        #expect(result.status == 1)
        #expect(try run(["check", "--format", "sarif", "diagnostics/several-problems.yaml", "diagnostics/unused-reference.yaml"]).stdout == result.stdout)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "pharmgraph")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 6)
        for item in results {
            let index = try #require(item["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == item["ruleId"] as? String)
            #expect(["error", "warning"].contains(item["level"] as? String))
            #expect(((item["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
        let first = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((first["artifactLocation"] as? [String: Any])?["uri"] as? String == "diagnostics/several-problems.yaml")
        let region = try #require(first["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 9)
        #expect(region["startColumn"] as? Int == 10)
        #expect(results.last?["level"] as? String == "warning")
    }

    // MARK: colour

    @Test("--color always colours check's diagnostics like a compiler, paths' and effects' verdicts, diff's lines")
    func colourAlways() throws {
        let check = try run(["check", "--color", "always", "diagnostics/several-problems.yaml", "diagnostics/unused-reference.yaml"])
        #expect(check.stderr.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(check.stderr.contains("\u{1B}[1;35mwarning\u{1B}[0m"))
        #expect(check.stderr.contains("\u{1B}[1;32m^\u{1B}[0m"))
        let paths = try run(["paths", "--color", "always", "paths/signed.yaml", "drug-a", "e-mixed"])
        #expect(paths.stdout.contains("\u{1B}[33mmixed\u{1B}[0m"), "\(paths.stdout)")
        let effects = try run(["effects", "--color", "always", "paths/signed.yaml", "drug-a"])
        #expect(effects.stdout.contains("\u{1B}["), "\(effects.stdout)")
        let diff = try run(["diff", "--color", "always", "diff/old.yaml", "diff/new.yaml"])
        #expect(diff.stdout.contains("\u{1B}["))
        // Never, and the default on a pipe: no escape at all.
        for arguments in [["check", "--color", "never", "diagnostics/several-problems.yaml"], ["check", "diagnostics/several-problems.yaml"]] {
            #expect(!(try run(arguments).stderr.contains("\u{1B}")))
        }
        #expect(!(try run(["paths", "paths/signed.yaml", "drug-a", "e-mixed"]).stdout.contains("\u{1B}")))
    }

    @Test("NO_COLOR wins over auto on a terminal, --color always wins over NO_COLOR, TERM=dumb turns auto off")
    func colourRule() throws {
        // script(1) gives the binary a terminal; its output is the terminal's.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let url = Binary.url else {
            Issue.record("script(1) is needed to give the binary a terminal")
            return
        }
        func onTerminal(_ arguments: String, _ environment: [String: String?]) throws -> String {
            let command = "cd '\(fixtures)' && '\(url.path)' \(arguments)"
            return try Program.run("/usr/bin/script", ["-qec", command, "/dev/null"], environment: environment).stdout
        }
        let check = "check diagnostics/unknown-node.yaml"
        #expect(try onTerminal(check, ["NO_COLOR": nil, "TERM": "xterm"]).contains("\u{1B}[1;31merror"))
        #expect(!(try onTerminal(check, ["NO_COLOR": "1", "TERM": "xterm"]).contains("\u{1B}[")))
        #expect(try onTerminal(check, ["NO_COLOR": "", "TERM": "xterm"]).contains("\u{1B}[1;31merror"), "an empty NO_COLOR counts as unset")
        #expect(!(try onTerminal(check, ["NO_COLOR": nil, "TERM": "dumb"]).contains("\u{1B}[")))
        #expect(try onTerminal(check + " --color always", ["NO_COLOR": "1", "TERM": "dumb"]).contains("\u{1B}[1;31merror"))
        #expect(!(try onTerminal(check + " --color never", ["NO_COLOR": nil, "TERM": "xterm"]).contains("\u{1B}[")))
    }

    // MARK: progress

    @Test("progress: count and rate on stderr, erased at the end, nothing on stdout; off on a pipe unless forced")
    func progress() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let batch = directory + "/batch.tsv"
        try "drug-a\te-pos\ndrug-a\te-mixed\ndrug-b\te-none\n".write(toFile: batch, atomically: true, encoding: .utf8)
        let arguments = ["paths", "paths/signed.yaml", "--batch", batch]
        let plain = try run(arguments)
        let forced = try run(arguments, environment: ["PHARMGRAPH_PROGRESS": "force"])
        #expect(plain.stderr.isEmpty)
        #expect(forced.stdout == plain.stdout)
        #expect(forced.stderr.hasPrefix("\r1 of 3 queries ("), "\(forced.stderr.debugDescription)")
        #expect(forced.stderr.contains("\r3 of 3 queries ("))
        #expect(forced.stderr.contains("/s)"))
        // The last thing written erases the line: spaces, then a carriage return.
        #expect(forced.stderr.hasSuffix(" \r"))
        let never = try run(arguments, environment: ["PHARMGRAPH_PROGRESS": "never"])
        #expect(never.stderr.isEmpty)
        // check counts files; its diagnostics and summary follow the erased line.
        let check = try run(["check", "valid/example.yaml", "valid/base.yaml"], environment: ["PHARMGRAPH_PROGRESS": "force"])
        #expect(check.stderr.hasPrefix("\r1 of 2 files ("), "\(check.stderr.debugDescription)")
        #expect(check.stderr.hasSuffix(" \rchecked 2 files: 0 errors, 0 warnings\n"), "\(check.stderr.debugDescription)")
    }

    @Test("a long search shows its steps and rate on stderr, erased before the answer; stdout is the same")
    func searchProgress() throws {
        // Every ordered pair of 11 nodes joined: about 10^6 search steps from n0 to n10 within 7 steps.
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let names = (0...10).map { "n\($0)" }
        var rows = ["source\tinteraction\ttarget"]
        for a in names { for b in names where a != b { rows.append("\(a)\tactivates\t\(b)") } }
        let network = directory + "/dense.tsv"
        try (rows.joined(separator: "\n") + "\n").write(toFile: network, atomically: true, encoding: .utf8)
        let arguments = ["paths", network, "n0", "n10", "--max-length", "7"]
        let plain = try run(arguments)
        let forced = try run(arguments, environment: ["PHARMGRAPH_PROGRESS": "force"])
        #expect(plain.status == 0 && forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == plain.stdout)
        #expect(forced.stderr.hasPrefix("\r65,536 search steps ("), "\(forced.stderr.prefix(200).debugDescription)")
        #expect(forced.stderr.contains("/s)"))
        #expect(forced.stderr.hasSuffix(" \r"), "\(forced.stderr.suffix(80).debugDescription)")
        #expect(!plain.stderr.contains("search steps"))

        // The searches that render --paths and diff --verdicts run show the same line, erased before their output.
        let figure = directory + "/paths.svg"
        let render = try run(
            ["render", network, "--paths", "n0", "n10", "--max-length", "7", "-o", figure], environment: ["PHARMGRAPH_PROGRESS": "force"])
        #expect(render.status == 0, "\(render.stderr.suffix(300))")
        #expect(render.stderr.hasPrefix("\r65,536 search steps ("), "\(render.stderr.prefix(200).debugDescription)")
        #expect(render.stderr.hasSuffix(" \r"), "\(render.stderr.suffix(80).debugDescription)")
        #expect(FileManager.default.fileExists(atPath: figure))
        let changed = directory + "/changed.tsv"
        try (rows.dropLast().joined(separator: "\n") + "\n").write(toFile: changed, atomically: true, encoding: .utf8)
        let diffArguments = ["diff", network, changed, "--verdicts", "--drugs", "n0", "--targets", "n10", "--max-length", "7"]
        let diffPlain = try run(diffArguments)
        let diffForced = try run(diffArguments, environment: ["PHARMGRAPH_PROGRESS": "force"])
        #expect(diffForced.status == diffPlain.status && diffForced.stdout == diffPlain.stdout, "\(diffForced.stderr.suffix(300))")
        #expect(diffForced.stderr.hasPrefix("\r65,536 search steps ("), "\(diffForced.stderr.prefix(200).debugDescription)")
        #expect(diffForced.stderr.hasSuffix(diffPlain.stderr))
        #expect(!diffPlain.stderr.contains("search steps"))
    }

    @Test("a directory of DrugMechDB records shows the files read, then erases the line; stdout is the same")
    func loadProgress() throws {
        let arguments = ["stats", "drugmechdb/corpus"]
        let plain = try run(arguments)
        let forced = try run(arguments, environment: ["PHARMGRAPH_PROGRESS": "force"])
        #expect(plain.status == 0 && forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == plain.stdout)
        #expect(forced.stderr.hasPrefix("\r1 record files read ("), "\(forced.stderr.debugDescription)")
        #expect(forced.stderr.contains("\r2 record files read ("))
        // The line is erased before anything else is written: what follows it is what a plain run prints.
        #expect(forced.stderr.hasSuffix(plain.stderr))
        #expect(forced.stderr.dropLast(plain.stderr.count).hasSuffix(" \r"), "\(forced.stderr.debugDescription)")
        #expect(!plain.stderr.contains("record files read"))
    }

    // MARK: help at 80 columns

    @Test("every command's --help keeps each example on one line at 80 columns")
    func helpExamples() throws {
        let commands = [
            "", "check", "stats", "fmt", "render", "paths", "effects", "causes", "diff", "export", "convert", "new", "schema", "verdicts",
        ]
        for command in commands {
            let arguments = (command.isEmpty ? [] : [command]) + ["--help"]
            let help = try run(arguments, environment: ["COLUMNS": "80"]).stdout
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "Examples:" }, "\(command)")
            let examples = lines[(start + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(!examples.isEmpty, "\(command)")
            // Each line starts a command, or continues the one before it after a shell line continuation (` \\`).
            var continued = false
            for line in examples {
                let starts = line.trimmingCharacters(in: .whitespaces).hasPrefix("pharmgraph ")
                #expect(starts != continued && (continued ? line.hasPrefix("      ") : line.hasPrefix("  ")), "\(command): a wrapped example: \(line)")
                #expect(line.count <= 80, "\(command): \(line)")
                continued = line.hasSuffix(" \\")
            }
            #expect(!continued, "\(command): the last example ends with a continuation")
        }
    }
}
