import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

private let fixtures = "Tests/PharmGraphTests/Fixtures/"
private let goldenDir = "Tests/PharmGraphCLITests/Golden/"
private let hints = LimitHints(workBudget: "raise the budget", boundOptions: "the bounds")

/// A fixture's bytes, and the side of a diff it makes, named as the CLI tests name it.
private func side(_ name: String) throws -> DiffReport.Side {
    let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path(fixtures + name)))
    let result = NetworkInput.load(data: data, path: name)
    let network = try #require(result.network, "\(result.diagnostics.map(\.headline))")
    let content: DiffReport.Content = network.graph.map { .graph($0) } ?? .network(network)
    return DiffReport.Side(name: name, content: content, input: Provenance.Input(bytes: data, graph: network.graph))
}

private func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

@Suite("SHA-256 and provenance")
struct ProvenanceTests {
    @Test("SHA-256 gives the FIPS 180-4 test vectors, across the one- and two-block padding boundary")
    func vectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8)
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        // A sequence without contiguous storage gives the same digest as its array.
        let bytes = (0..<200).map { UInt8($0 % 251) }
        #expect(SHA256.hex(bytes.lazy.map { $0 }) == SHA256.hex(bytes))
        #expect(SHA256.hex(bytes.dropLast()) != SHA256.hex(bytes))
    }

    @Test("provenance JSON: every key present, nulls included, no path and no time")
    func json() throws {
        let provenance = Provenance(
            inputs: [Provenance.Input(id: "g", version: "2", sha256: String(repeating: "ab", count: 32), revision: "HEAD~1")],
            options: ["max_length": "4"])
        let encoded = try object(try ReportJSON.encode(provenance))
        #expect(Set(encoded.keys) == ["tool", "tool_version", "semantics", "inputs", "options"])
        #expect(encoded["tool_version"] as? String == PharmGraphVersion.current)
        #expect(encoded["semantics"] as? String == "pharmgraph-semantics/1")
        let input = try #require((encoded["inputs"] as? [[String: Any]])?.first)
        #expect(Set(input.keys) == ["id", "version", "sha256", "revision"])
        #expect(input["revision"] as? String == "HEAD~1")
        let network = try ReportJSON.encode(Provenance.Input(id: nil, version: nil, sha256: "00"))
        #expect(network.contains("\"id\" : null") && network.contains("\"revision\" : null"))
    }

    @Test("the caption: tool, semantics, each input's short hash, the options")
    func caption() {
        let provenance = Provenance(
            inputs: [Provenance.Input(id: "ketamine", version: "2.1", sha256: "1a2b3c4d5e6f7a8b", revision: "v2")],
            options: ["where": "dose=low", "max_length": "6"])
        #expect(
            provenance.caption
                == "pharmgraph \(PharmGraphVersion.current) · pharmgraph-semantics/1 · ketamine 2.1 sha256:1a2b3c4d5e6f @v2 · max_length=6 where=dose=low")
        #expect(Provenance(inputs: [Provenance.Input(id: nil, version: nil, sha256: "ff\u{1B}")]).caption.hasSuffix("sha256:ff\\u{1B}"))
    }
}

@Suite("Field changes: one rendering")
struct FieldChangeRenderingTests {
    @Test("parts: list items added then removed, map entries by key, nil for a plain value")
    func parts() {
        let list = FieldChange(field: "refs", old: .list(["a", "b"]), new: .list(["b", "c"]))
        #expect(list.parts == [.added(key: nil, value: "c"), .removed(key: nil, value: "a")])
        let map = FieldChange(field: "context", old: .map(["dose": "low", "site": "x"]), new: .map(["dose": "high", "time": "t"]))
        #expect(
            map.parts == [
                .changed(key: "dose", old: "low", new: "high"), .removed(key: "site", value: "x"), .added(key: "time", value: "t"),
            ])
        #expect(FieldChange(field: "note", old: .absent, new: .text("n")).parts == nil)
    }

    @Test("summary: the diagram's line, values cut to the limit")
    func summary() {
        #expect(FieldChange(field: "refs", old: .list(["a"]), new: .list(["b"])).summary(limit: nil) == "refs: +b −a")
        #expect(
            FieldChange(field: "context", old: .map(["dose": "low"]), new: .map(["dose": "high"])).summary(limit: 32)
                == "context: dose: low → high")
        #expect(FieldChange(field: "note", old: .absent, new: .text("abcdefgh")).summary(limit: 4) == "note: none → abc…")
        #expect(FieldChange(field: "direct", old: .flag(true), new: .flag(false)).summary(limit: nil) == "direct: true → false")
    }

    @Test("text: sign flips, quoting and map entries")
    func text() throws {
        let report = try DiffReport(
            old: side("diff/old.yaml"), new: side("diff/new.yaml"),
            options: {
                var options = DiffReport.Options()
                options.verdicts = false
                return options
            }())
        let text = DiffText(report: report, style: DiffStyle(colour: false), hints: hints)
        let flip = FieldChange(field: "relation", old: .text("activates"), new: .text("inhibits"))
        #expect(text.fieldLines(flip, indent: "") == ["relation: activates → inhibits  (sign flip + → -)"])
        let map = FieldChange(field: "context", old: .map(["dose": "a b"]), new: .map([:]))
        #expect(text.fieldLines(map, indent: "  ") == ["  context: - dose=\"a b\""])
    }
}

@Suite("Diff reports in the library")
struct DiffReportTests {
    @Test("text, JSON and TSV of the example diff are the documented goldens")
    func goldens() throws {
        let report = try DiffReport(old: side("diff/old.yaml"), new: side("diff/new.yaml"))
        #expect(report.hasDifferences)
        #expect(report.verdicts != nil)
        #expect(report.counts.signFlips == 1)
        let text = DiffText(report: report, style: DiffStyle(colour: false), hints: hints).render()
        let json = try DiffJSON(report).encoded()
        #expect(Golden.compare(text, to: goldenDir + "diff-example.txt") == .matches)
        #expect(Golden.compare(json, to: goldenDir + "diff-example.json") == .matches)
        #expect(Golden.compare(DiffTSV.render(report), to: goldenDir + "diff-example.tsv") == .matches)
    }

    @Test("JSON: schema, provenance of both inputs, the documented nulls of networks")
    func networkJSON() throws {
        let old = try side("diff/old.sif")
        let new = try side("diff/new.sif")
        let report = try DiffReport(old: old, new: new)
        #expect(report.verdicts == nil)
        #expect(!report.verdictsSkippedBySize)
        let encoded = try DiffJSON(report).encoded()
        let json = try object(encoded)
        #expect(json["schema"] as? String == "pharmgraph-diff/1")
        #expect(json["schema_version"] as? String == "pharmgraph-diff/1")
        #expect(json["mode"] as? String == "network")
        for key in ["header", "references", "claims", "verdicts"] { #expect(json[key] is NSNull, "\(key)") }
        let provenance = try #require(json["provenance"] as? [String: Any])
        let inputs = try #require(provenance["inputs"] as? [[String: Any]])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Repository.path(fixtures + "diff/old.sif")))
        #expect(inputs.map { $0["sha256"] as? String } == [SHA256.hex(bytes), new.input.sha256])
        #expect(provenance["options"] as? [String: String] == ["verdicts": "off"])
        #expect(Golden.compare(encoded, to: goldenDir + "diff-network.json") == .matches)
    }

    @Test("provenance options: verdict options only when verdicts are compared, recorded ones beside them")
    func options() throws {
        var options = DiffReport.Options()
        options.filter = try ContextFilter(terms: ["dose=anesthetic"])
        options.drugs = ["drug-a"]
        options.recorded = ["max_work": "100"]
        let report = try DiffReport(old: side("diff/old.yaml"), new: side("diff/new.yaml"), options: options)
        #expect(
            report.provenance.options == [
                "verdicts": "on", "max_length": "6", "where": "dose=anesthetic", "drugs": "drug-a", "max_work": "100",
            ])
        options.verdicts = false
        let off = try DiffReport(old: side("diff/old.yaml"), new: side("diff/new.yaml"), options: options)
        #expect(off.provenance.options == ["verdicts": "off", "max_work": "100"])
        #expect(off.verdicts == nil && !off.verdictsSkippedBySize)
    }

    @Test("a list field change carries added and removed; a plain one does not")
    func changeJSON() throws {
        let list = try object(try ReportJSON.encode(DiffJSON.Change(FieldChange(field: "refs", old: .absent, new: .list(["a"])))))
        #expect(list["added"] as? [String] == ["a"])
        #expect(list["removed"] as? [String] == [])
        #expect(list["old"] is NSNull)
        let plain = try object(try ReportJSON.encode(DiffJSON.Change(FieldChange(field: "direct", old: .flag(true), new: .absent))))
        #expect(Set(plain.keys) == ["field", "old", "new"])
        #expect(plain["old"] as? Bool == true)
    }

    @Test("a filter term neither version can match is a typed failure; one either version uses is not")
    func filterFailure() throws {
        var options = DiffReport.Options()
        options.filter = ContextFilter(["dose": "low", "dos": "anesthetic"])
        let (old, new) = (try side("diff/old.yaml"), try side("diff/new.yaml"))
        do throws(DiffReport.Failure) {
            _ = try DiffReport(old: old, new: new, options: options)
            Issue.record("expected a filter failure")
        } catch {
            guard case let .filter(problems) = error else {
                Issue.record("expected a filter failure, got \(error)")
                return
            }
            #expect(
                problems == [
                    .unknownKey("dos", suggestion: "dose", known: ["dose"]),
                    .unknownValue(key: "dose", value: "low", suggestion: nil, known: ["anesthetic", "subanesthetic"]),
                ])
        }
        // anesthetic only in the old version, subanesthetic only in the new one.
        for value in ["anesthetic", "subanesthetic"] {
            options.filter = ContextFilter(["dose": value])
            _ = try DiffReport(old: old, new: new, options: options)
        }
    }

    @Test("an ambiguous or unknown --drugs selector is a typed failure")
    func selectorFailure() throws {
        var options = DiffReport.Options()
        options.drugs = ["no-such-node"]
        let (old, new) = (try side("diff/old.yaml"), try side("diff/new.yaml"))
        do throws(DiffReport.Failure) {
            _ = try DiffReport(old: old, new: new, options: options)
            Issue.record("expected a selector failure")
        } catch {
            guard case let .selector(role, _) = error else {
                Issue.record("expected .selector, got \(error)")
                return
            }
            #expect(role == .drugs)
        }
    }
}

@Suite("Path, reach, check and stats reports in the library")
struct QueryReportTests {
    private func engine() throws -> (PathEngine, Provenance.Input) {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path(fixtures + "paths/signed.yaml")))
        let network = try #require(NetworkInput.load(data: data, path: "paths/signed.yaml").network)
        return (PathEngine(network: network), Provenance.Input(bytes: data, graph: network.graph))
    }

    @Test("paths: text, TSV and JSON are the documented goldens")
    func paths() throws {
        let (engine, input) = try engine()
        let network = engine.network
        let query = PathQuery(sources: [try #require(network.index(of: "drug-a"))], targets: [try #require(network.index(of: "e-pos"))])
        var result = try engine.paths(query, limit: 20)
        try engine.assess(query, &result)
        let report = PathsReport(
            network: network, query: query, result: result, shown: 20,
            provenance: Provenance(inputs: [input], options: ["from": "drug-a", "to": "e-pos", "limit": "20", "max_length": "6"]))
        // The golden is the CLI's default text: the reading line above the summary.
        #expect(Golden.compare(report.readingText(hints: hints), to: goldenDir + "paths-signed.txt") == .matches)
        #expect(Golden.compare(report.tsv, to: goldenDir + "paths-signed.tsv") == .matches)
        let json = try ReportJSON.encode(report.json)
        #expect(Golden.compare(json, to: goldenDir + "paths-signed.json") == .matches)
        #expect(report.summaryLines(hints: hints, showing: false).hasPrefix("4 paths: 2 positive, 1 negative, 1 unknown; verdict: mixed (established)\n"))
        var raw = report
        raw.raw = true
        #expect(raw.summaryLines(hints: hints, showing: false) == "4 paths: 2 positive, 1 negative, 1 unknown; verdict: mixed\n")
        #expect(PathsReport.batchRow(from: "drug-a", to: "e-pos", result) == "drug-a\te-pos\t4\t2\t1\t1\tmixed\t2\tno\tmixed\testablished")
        #expect(
            PathsReport.batchRow(from: "x", to: "y", PathReport(counts: SignCounts(), paths: [], partial: true))
                == "x\ty\t0\t0\t0\t0\tundetermined\t-\tyes\tundetermined\t-")
        var shown = PathsReport(network: network, query: query, result: result, shown: 1, provenance: Provenance(inputs: [input]))
        shown.raw = true
        #expect(shown.text(hints: hints).hasSuffix("verdict: mixed (showing 1)\n"))
    }

    @Test("a partial result says why, in the front end's words")
    func partial() {
        var result = PathReport(counts: SignCounts(positive: 2), paths: [], partial: true)
        result.stop = .workBudget
        result.work = 7
        #expect(
            PathsReport.partialLine(result, hints: hints)
                == "partial: stopped at the work budget (7 search steps; raise the budget); the counts are lower bounds and the verdict is undetermined, not a conclusion"
        )
        #expect(PathsReport.summary(result.counts, partial: true) == "at least 2 paths: 2 positive, 0 negative, 0 unknown (so far); verdict: undetermined")
    }

    @Test("effects: the table and its JSON; a partial search marks every verdict undetermined")
    func reach() throws {
        let (engine, input) = try engine()
        let network = engine.network
        let drug = try #require(network.index(of: "drug-a"))
        let targets = try NodeSelector.resolve("kind:effect", in: network)
        let (reached, partial) = try engine.reach(PathQuery(sources: [drug], targets: targets), assess: true)
        let report = ReachReport(
            network: network, direction: .effects, start: [drug], maxLength: 6, reached: reached, partial: partial,
            provenance: Provenance(inputs: [input], options: ["drug": "drug-a", "max_length": "6"]))
        #expect(Golden.compare(report.readingText(hints: hints), to: goldenDir + "effects-signed.txt") == .matches)
        let json = try ReportJSON.encode(report.json)
        #expect(Golden.compare(json, to: goldenDir + "effects-signed.json") == .matches)
        let stopped = ReachReport(
            network: network, direction: .causes, start: targets, maxLength: 6, reached: reached, partial: true,
            provenance: Provenance(inputs: [input]))
        #expect(stopped.json.reached.allSatisfy { $0.verdict == "undetermined" })
        #expect(stopped.json.from == nil && stopped.json.to?.isEmpty == false)
        #expect(stopped.text(hints: hints).hasPrefix("drug "))
        #expect(stopped.text(hints: hints).contains("partial: the search stopped at its work budget or timeout (the bounds); "))
    }

    @Test("check: totals, strictness and the provenance of the files read")
    func check() throws {
        let unused = loadGraph(Repository.path(fixtures + "diagnostics/unused-reference.yaml"))
        let missing = GraphLoader.unreadable(path: "missing.yaml", message: "cannot read file: no such file")
        let lenient = CheckReport(files: [CheckedFile(unused)], strict: false)
        #expect(lenient.errors == 0 && lenient.warnings > 0 && lenient.ok)
        #expect(!CheckReport(files: [CheckedFile(unused)], strict: true).ok)
        let both = CheckReport(files: [CheckedFile(unused), CheckedFile(missing)], strict: false)
        #expect(!both.ok)
        #expect(both.text.hasSuffix("checked 2 files: 1 error, \(Plural.count(lenient.warnings, "warning"))\n"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Repository.path(fixtures + "diagnostics/unused-reference.yaml")))
        #expect(both.provenance.inputs.map(\.sha256) == [SHA256.hex(bytes)])
        let json = try object(try ReportJSON.encode(both.json))
        #expect(json["schema_version"] as? String == "pharmgraph-check/1")
        #expect(json["ok"] as? Bool == false)
    }

    @Test("check: a node table's diagnostics are its own entry, first and once; totals count errors not shown")
    func checkByFile() throws {
        let table = ImportOptions(nodeTable: ("nodes.tsv", Data("id\tname\tkind\nA\tAlpha\n".utf8)))
        let rows = (1...250).map { _ in "A\tactivates\n" }.joined()
        func checked(_ path: String, _ text: String) -> CheckedFile {
            let result = NetworkInput.load(data: Data(text.utf8), path: path, import: table)
            return CheckedFile(
                path: path, formatter: result.formatter, graph: nil, diagnostics: result.diagnostics, input: nil)
        }
        let report = CheckReport(
            files: [checked("a.sif", "A\tactivates\tB\n"), checked("b.tsv", "source\tinteraction\ttarget\n" + rows)],
            nodeTable: "nodes.tsv", strict: false)
        #expect(report.files.map(\.path) == ["nodes.tsv", "a.sif", "b.tsv"])
        #expect(report.files.map(\.diagnostics.errorCount) == [1, 2, 250])
        #expect(report.files[0].diagnostics.map(\.file) == ["nodes.tsv"])
        #expect(report.errors == 253)
        #expect(report.text.hasPrefix("nodes.tsv:2:1: error: expected 3 columns as in the header, found 2\nA\tAlpha\n^\n"))
        #expect(report.text.contains("b.tsv: error: 150 more errors not shown\n"))
        #expect(report.text.hasSuffix("checked 3 files: 253 errors, 0 warnings\n"))
        let json = report.json
        #expect(json.errors == 253)
        #expect(json.files.map(\.errors) == [1, 2, 250])
        #expect(json.files[2].diagnostics.count == 101)
        #expect(json.files[2].diagnostics.last?.count == 150)
        #expect(json.files[2].diagnostics.first?.count == nil)
        let unread = CheckReport(
            files: [
                CheckedFile(
                    path: "a.sif", formatter: DiagnosticFormatter(source: nil), graph: nil,
                    diagnostics: [Diagnostic(.error, "cannot read file: no such file", file: "missing.tsv")], input: nil)
            ], nodeTable: "missing.tsv", strict: false)
        #expect(unread.files.map(\.path) == ["missing.tsv", "a.sif"])
        #expect(unread.files.map(\.diagnostics.count) == [1, 0])
        #expect(CheckReport(files: [], nodeTable: "clean.tsv", strict: false).files.map(\.path) == ["clean.tsv"])
    }

    @Test("stats: the statistics' keys beside schema_version and provenance")
    func stats() throws {
        let path = Repository.path(fixtures + "valid/example.yaml")
        let result = loadGraph(path)
        let graph = try #require(result.graph)
        let report = StatsReport(graph, input: Provenance.Input(source: try #require(result.source), graph: graph))
        let json = try object(try ReportJSON.encode(report))
        #expect(json["schema_version"] as? String == "pharmgraph-stats/1")
        #expect(json["nodes"] as? Int == 5)
        #expect(json["nodes_by_kind"] != nil && json["provenance"] != nil)
        #expect(report.provenance.inputs.first?.sha256 == SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(Golden.compare(report.text, to: goldenDir + "stats-example.txt") == .matches)
    }

    @Test("one path-text writer: glyphs by sign and direction")
    func glyphs() {
        #expect(PathFormatter.glyph("activates", sign: .positive) == "-activates->")
        #expect(PathFormatter.glyph("inhibits", sign: .negative) == "-inhibits-|")
        #expect(PathFormatter.glyph("binds", sign: .unknown) == "-binds-o")
        #expect(PathFormatter.glyph("no_effect", sign: .none) == "-no_effect-o")
        #expect(PathFormatter.glyph("DaG", sign: .positive, backward: true) == "<-DaG-")
    }
}
