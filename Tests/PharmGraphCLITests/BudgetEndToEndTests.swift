import Foundation
import PharmGraphTestSupport
import Testing

/// Every command that enumerates paths, on a graph no search finishes (`paths/dense.yaml`: about
/// 2.4e11 paths from d to e within 14 steps), under a small work budget so that the tests are quick.
@Suite("work budget and partial results, end to end")
struct BudgetEndToEndTests {
    let dense = "paths/dense.yaml"
    let budget = ["--max-work", "100000"]

    @Test("check: the claim is a positioned error and the exit status is 1, in text and JSON")
    func check() throws {
        let text = try pharmgraph(["check", dense] + budget)
        #expect(text.status == 1)
        #expect(
            text.stderr.hasPrefix(
                "paths/dense.yaml:238:5: error: claim 'd' -> 'e' could not be decided: the search stopped at its work budget (100000 search steps)"))
        #expect(text.stderr.hasSuffix("checked 1 file: 1 error, 0 warnings\n"))
        let strict = try pharmgraph(["check", "--strict", dense] + budget)
        #expect(strict.status == 1)
        let json = try pharmgraph(["check", dense, "--format", "json"] + budget)
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"line\" : 238"))
        #expect(json.stdout.contains("could not be decided"))
        // The budget is deterministic: the same message every run.
        #expect(try pharmgraph(["check", dense] + budget).stderr == text.stderr)
    }

    @Test("paths: partial in text, JSON and TSV; the verdict is undetermined")
    func paths() throws {
        let text = try pharmgraph(["paths", dense, "d", "e", "--max-length", "14", "--limit", "0"] + budget)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("no determinate effect of d on e: undetermined (the search stopped early)\nat least "))
        #expect(text.stdout.contains(" (so far)\npartial: "))
        let raw = try pharmgraph(["paths", dense, "d", "e", "--max-length", "14", "--limit", "0", "--raw"] + budget)
        #expect(raw.stdout.hasPrefix("at least ") && raw.stdout.contains("(so far); verdict: undetermined\n"))
        #expect(
            text.stdout.contains(
                "partial: stopped at the work budget (100000 search steps; raise --max-work, or lower --max-length); the counts are lower bounds and the verdict is undetermined, not a conclusion"
            ))
        let json = try pharmgraph(["paths", dense, "d", "e", "--max-length", "14", "--format", "json", "--limit", "1"] + budget)
        #expect(json.stdout.contains("\"partial\" : true"))
        #expect(json.stdout.contains("\"verdict\" : \"undetermined\""))
        let tsv = try pharmgraph(["paths", dense, "d", "e", "--max-length", "14", "--format", "tsv", "--limit", "1"] + budget)
        #expect(tsv.stderr.contains("verdict: undetermined"))
        #expect(tsv.stderr.contains("partial: stopped at the work budget"))
    }

    @Test("effects and causes: every row undetermined, and the output says partial")
    func reach() throws {
        let effects = try pharmgraph(["effects", dense, "d", "--max-length", "14"] + budget)
        #expect(effects.status == 0)
        #expect(effects.stdout.hasPrefix("d reaches 1 effect or condition within 14 steps\n  effect  reading                    +     -     ?\n"))
        #expect(effects.stdout.contains("\nTherapeutic effects (1)\n  e       no determinate effect  "))
        let raw = try pharmgraph(["effects", dense, "d", "--max-length", "14", "--raw"] + budget)
        #expect(raw.stdout.hasPrefix("effect  verdict         +     -     ?  shortest path\ne       undetermined"))
        #expect(effects.stdout.contains("partial: the search stopped at its work budget or timeout"))
        let causes = try pharmgraph(["causes", dense, "e", "--max-length", "14", "--format", "json"] + budget)
        #expect(causes.stdout.contains("\"partial\" : true"))
        #expect(causes.stdout.contains("\"verdict\" : \"undetermined\""))
    }

    @Test("render --paths: the caption says undetermined, and stderr warns")
    func render() throws {
        let result = try pharmgraph(["render", dense, "-o", "-", "--format", "dot", "--paths", "d", "e", "--max-length", "14"] + budget)
        #expect(result.status == 0)
        // The caption's wrapped lines joined. Fitted to a slide, one of the 50 paths kept is drawn, and the table says so.
        let caption = result.stdout.replacingOccurrences(of: "<br/>", with: " ")
        #expect(
            caption.contains(
                "verdict undetermined; 1 drawn, as many as fit a slide (--all-paths: all); the search stopped early: counts are lower bounds, the verdict undetermined"
            ))
        #expect(caption.contains("1 path drawn, the search stopped early; pharmgraph paths d e"))
        let all = try pharmgraph(["render", dense, "-o", "-", "--format", "dot", "--paths", "d", "e", "--max-length", "14", "--all-paths"] + budget)
        #expect(
            all.stdout.replacingOccurrences(of: "<br/>", with: " ").contains(
                "verdict undetermined; 50 drawn; the search stopped early: counts are lower bounds, the verdict undetermined"))
        #expect(result.stderr.contains("warning: partial: stopped at the work budget"))
        let misplaced = try pharmgraph(["render", dense, "-o", "-", "--format", "dot", "--max-work", "5"])
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.contains("--max-work and --timeout need --paths"))
    }

    @Test("diff: undetermined verdicts and claim outcomes are listed, and never read as no differences")
    func diff() throws {
        let text = try pharmgraph(["diff", dense, dense, "--max-work", "100000"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("? d → e: undetermined → undetermined"))
        #expect(text.stdout.contains("partial: a search stopped at its work budget or timeout"))
        #expect(text.stdout.contains("undecided (undetermined) → undecided (undetermined)"))
        #expect(text.stdout.hasPrefix("verdicts: 1 undetermined, 1 claim outcome undetermined\n"))
        let json = try pharmgraph(["diff", dense, dense, "--max-work", "100000", "--format", "json"])
        #expect(json.stdout.contains("\"undetermined\" : 1"))
        #expect(json.stdout.contains("\"verdict\" : \"undetermined\""))
        let bad = try pharmgraph(["diff", dense, dense, "--max-work", "lots"])
        #expect(bad.status == 2)
        // A typed option: ArgumentParser's message, as for every command.
        #expect(bad.stderr.hasPrefix("error: The value 'lots' is invalid for '--max-work <max-work>'"))
    }

    @Test("option ranges: negative budgets and timeouts are usage errors; 0 means no bound")
    func ranges() throws {
        for command in [["paths", dense, "d", "e"], ["effects", dense, "d"], ["causes", dense, "e"], ["check", dense]] {
            #expect(try pharmgraph(command + ["--max-work", "-1"]).status == 64)
            #expect(try pharmgraph(command + ["--timeout", "0"]).status == 64)
        }
        // No bound, on a query that finishes: exact counts, not partial.
        let unbounded = try pharmgraph("paths", dense, "d", "e", "--max-length", "3", "--limit", "0", "--max-work", "0")
        #expect(
            unbounded.stdout.hasPrefix(
                "d produces e: positive, established; 196 positive paths in 196 mechanisms\n196 paths: 196 positive, 0 negative, 0 unknown\n"))
    }

    @Test(
        "every bad --max-work, --timeout and --max-length is a usage error with its own message, for every command",
        arguments: [
            (["--max-work", "-1"], "--max-work must be a whole number of search steps, 0 or more"),
            (["--max-work", "lots"], "The value 'lots' is invalid for '--max-work <max-work>'"),
            (["--timeout", "0"], "--timeout must be a number of seconds above 0 and at most 1000000"),
            (["--timeout", "-2"], "--timeout must be a number of seconds above 0 and at most 1000000"),
            (["--timeout", "1000001"], "--timeout must be a number of seconds above 0 and at most 1000000"),
            (["--timeout", "nan"], "--timeout must be a number of seconds above 0 and at most 1000000"),
            (["--timeout", "soon"], "The value 'soon' is invalid for '--timeout <timeout>'"),
            (["--max-length", "0"], "--max-length must be from 1 to 100"),
            (["--max-length", "101"], "--max-length must be from 1 to 100"),
            (["--where", "dose"], "The value 'dose' is invalid for '--where <key=value>'"),
            (["--where", "dose=a", "--where", "dose=b"], "--where: invalid filter 'dose=b': 'dose' is already required to be 'a'"),
        ])
    func optionErrors(_ option: [String], _ message: String) throws {
        var commands: [[String]] = [
            ["paths", dense, "d", "e"], ["effects", dense, "d"], ["causes", dense, "e"],
            ["render", dense, "-o", "-", "--format", "dot", "--paths", "d", "e"], ["diff", dense, dense],
        ]
        if option[0] == "--max-work" || option[0] == "--timeout" { commands.append(["check", dense]) }
        for command in commands {
            let result = try pharmgraph(command + option)
            // One rule: 64 for a usage error, and diff(1)'s 2 for diff.
            #expect(result.status == (command[0] == "diff" ? 2 : 64), "\(command + option)")
            #expect(result.stderr.contains(message), "\(command + option): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command + option)")
        }
    }

    /// The timeout path: no work bound, and a search that would run for hours, so the 1 ms timeout
    /// (or deadline, for check and diff) is what stops it; nothing here measures time.
    @Test("--timeout stops every command's search, which then says so and is partial")
    func timeout() throws {
        let limits = ["--max-length", "14", "--max-work", "0", "--timeout", "0.001"]
        let paths = try pharmgraph(["paths", dense, "d", "e"] + limits)
        #expect(paths.status == 0)
        #expect(paths.stdout.contains("partial: stopped at the timeout"), "\(paths.stdout)")
        #expect(paths.stdout.contains("\nno determinate effect of d on e: undetermined (the search stopped early)\n"))
        for command in [["effects", dense, "d"], ["causes", dense, "e"]] {
            let result = try pharmgraph(command + limits)
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("partial: the search stopped at its work budget or timeout"), "\(command)")
        }
        let render = try pharmgraph(["render", dense, "-o", "-", "--format", "dot", "--paths", "d", "e"] + limits)
        #expect(render.status == 0)
        #expect(render.stderr.contains("warning: partial: stopped at the timeout"), "\(render.stderr)")
        let check = try pharmgraph(["check", dense, "--max-work", "0", "--timeout", "0.001"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("claim 'd' -> 'e' could not be decided"), "\(check.stderr)")
        let diff = try pharmgraph(["diff", dense, dense] + limits)
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("partial: a search stopped at its work budget or timeout"))
    }
}

/// `--k` and `--limit`: the paths built are bounded, the totals are not.
@Suite("paths --k and --limit, end to end")
struct KAndLimitEndToEndTests {
    let ketamine = Repository.path("Graphs/ketamine.yaml")

    @Test("--k: the k shortest paths with the totals and verdict of every path, in text, JSON, TSV and --batch")
    func kTotals() throws {
        // A mixed example: since the re-curation (issue 12) esketamine → sensorimotor-function is the
        // smallest drug → node pair of the curated graph with paths of both signs (3 +, 1 -, 5 ?).
        let pair = ["esketamine", "sensorimotor-function"]
        let text = try pharmgraph(["paths", ketamine] + pair + ["--k", "1", "--raw"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("-  esketamine -inhibits-| nmdar -activates-> sensorimotor-function"))
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().first == "9 paths: 3 positive, 1 negative, 5 unknown; verdict: mixed (showing the 1 shortest of 9)")
        let json = try pharmgraph(["paths", ketamine] + pair + ["--k", "1", "--format", "json"])
        #expect(json.stdout.contains("\"total\" : 9,"))
        // The tiered verdict and the raw counts' verdict agree: the paths of both signs rest on established edges.
        #expect(json.stdout.contains("\"verdict\" : \"mixed\""))
        #expect(json.stdout.contains("\"raw_verdict\" : \"mixed\""))
        #expect(json.stdout.contains("\"partial\" : false"))
        // The one path kept, and the headline.
        #expect(json.stdout.components(separatedBy: "\"length\"").count == 3)
        let tsv = try pharmgraph(["paths", ketamine] + pair + ["--k", "1", "--format", "tsv"])
        #expect(tsv.stderr.hasPrefix("9 paths: 3 positive, 1 negative, 5 unknown; verdict: mixed (established)\n"))
        #expect(tsv.stdout.split(separator: "\n").count == 2)
        let dense = try pharmgraph(["paths", "paths/dense.yaml", "d", "e", "--max-length", "4", "--k", "3", "--raw"])
        #expect(dense.stdout.hasSuffix("\n2380 paths: 2380 positive, 0 negative, 0 unknown; verdict: positive (showing the 3 shortest of 2380)\n"))
        #expect(dense.stdout.split(separator: "\n").count == 4)
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "esketamine\tsensorimotor-function\n".write(toFile: directory + "/q.tsv", atomically: true, encoding: .utf8)
        let batch = try Binary.run(["paths", ketamine, "--batch", "q.tsv", "--k", "1"], in: directory)
        #expect(batch.stdout.hasSuffix("\nesketamine\tsensorimotor-function\t9\t3\t1\t5\tmixed\t2\tno\tmixed\testablished\n"))
        let render = try Binary.run(["paths", ketamine] + pair + ["--k", "2", "--render", "p.dot"], in: directory)
        #expect(render.status == 0)
        // The caption's wrapped lines joined.
        let dot = try String(contentsOfFile: directory + "/p.dot", encoding: .utf8).replacingOccurrences(of: "<br/>", with: " ")
        #expect(dot.contains("at most 6 steps: 9 (3 +, 1 -, 5 ?), verdict mixed, established; the 2 shortest drawn"))
    }

    @Test("--k under a budget the counting cannot finish: k paths, and partial totals")
    func kPartial() throws {
        let run = try pharmgraph(["paths", "paths/dense.yaml", "d", "e", "--max-length", "14", "--k", "3", "--max-work", "100000"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.prefix(3).allSatisfy { $0.hasPrefix("+  d -activates-> p") && $0.hasSuffix("-activates-> e  [ref | ref]") })
        #expect(lines[3] == "no determinate effect of d on e: undetermined (the search stopped early)")
        #expect(lines[4].hasPrefix("at least "))
        #expect(lines[4].contains(/\(so far\) \(showing the 3 shortest of [0-9]+\)$/))
        #expect(lines[5].hasPrefix("partial: stopped at the work budget (100000 search steps"))
    }

    @Test("--limit and --k above 100000 are usage errors; 100000 is accepted", arguments: ["--limit", "--k"])
    func ranges(option: String) throws {
        let over = try pharmgraph(["paths", ketamine, "ketamine", "analgesia", option, "100001"])
        #expect(over.status == 64)
        #expect(over.stderr.contains("\(option) must be from \(option == "--k" ? 1 : 0) to 100000"), "\(over.stderr)")
        #expect(over.stdout.isEmpty)
        let most = try pharmgraph(["paths", ketamine, "ketamine", "analgesia", option, "100000", "--format", "tsv"])
        #expect(most.status == 0)
    }
}

/// Runs `pharmgraph` in the fixtures folder with an argument list.
private func pharmgraph(_ arguments: [String]) throws -> RunResult {
    try Binary.run(arguments, in: fixtures)
}
