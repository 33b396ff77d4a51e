import Foundation
import PharmGraphTestSupport
import Testing

@Suite("pharmgraph fmt --upgrade, end to end")
struct UpgradeEndToEndTests {
    /// A temporary folder holding a copy of `Fixtures/upgrade/format1.yaml` as `g.yaml`.
    private func copy(_ fixture: String = "upgrade/format1.yaml") throws -> (directory: String, original: String) {
        let directory = try makeTemporaryDirectory()
        let original = try String(contentsOfFile: fixtures + "/" + fixture, encoding: .utf8)
        try original.write(toFile: directory + "/g.yaml", atomically: true, encoding: .utf8)
        return (directory, original)
    }

    @Test("--check says an upgrade is needed (exit 1) and writes nothing; then the upgrade writes, notes, and is final")
    func upgrade() throws {
        let (directory, original) = try copy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/g.yaml"
        // The format-1 file uses a format-2 field: check names the version it needs and the command.
        let checked = try Binary.run(["check", "g.yaml"], in: directory)
        #expect(checked.status == 1)
        #expect(
            checked.stderr.hasPrefix(
                "g.yaml:15:107: error: edge field 'importance' needs format 2, but this file is format 1; add 'format: 2' to its header, or run 'pharmgraph fmt --upgrade' to migrate it\n"
            ))
        // Plain fmt refuses it, like any file with errors.
        #expect(try Binary.run(["fmt", "g.yaml"], in: directory).status == 1)

        let dry = try Binary.run(["fmt", "--upgrade", "--check", "g.yaml"], in: directory)
        #expect(dry.status == 1)
        #expect(dry.stderr == "g.yaml: format 1; run 'pharmgraph fmt --upgrade g.yaml' to migrate it to format 2\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)

        let run = try Binary.run(["fmt", "--upgrade", "g.yaml"], in: directory)
        #expect(run.status == 0)
        #expect(
            run.stderr == """
                g.yaml: note: declared context 'dose' ordinal (subanesthetic < supratherapeutic), exposure: true, default [subanesthetic]: its values are all on the built-in dose scale; check the order, and give 'exposure_of' to dose edges whose source is not the drug
                g.yaml: note: declared context 'region' categorical with the values the file uses: cortex, hippocampus
                upgraded g.yaml

                """)
        let upgraded = try String(contentsOfFile: path, encoding: .utf8)
        #expect(upgraded.hasPrefix("# A format-1 graph: contexts are free keys.\nformat: 2\nid: upgrade-me\n"))
        #expect(upgraded.contains("  - {from: target-b, relation: activates, to: effect-c, refs: [ref2020], context: {region: cortex}}  # trailing\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["g.yaml"])
        let clean = try Binary.run(["check", "g.yaml"], in: directory)
        #expect(clean.status == 0 && clean.stderr == "checked 1 file: 0 errors, 0 warnings\n")

        // Now format 2: --check passes, and the upgrade leaves it byte-identical.
        #expect(try Binary.run(["fmt", "--upgrade", "--check", "g.yaml"], in: directory).status == 0)
        let again = try Binary.run(["fmt", "--upgrade", "g.yaml"], in: directory)
        #expect(again.status == 0)
        #expect(again.stderr == "g.yaml: already in format 2; left as it is\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == upgraded)
        #expect(try Binary.run(["fmt", "--check", "g.yaml"], in: directory).status == 0)
    }

    @Test("an upgraded file whose dose edges need exposure_of says how many warnings to review")
    func warningsToReview() throws {
        let (directory, _) = try copy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/g.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "context: {region: cortex}", with: "context: {dose: subanesthetic, region: cortex}")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Binary.run(["fmt", "--upgrade", "g.yaml"], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr.hasSuffix("upgraded g.yaml\ng.yaml: the upgraded file has 1 warning to review: run 'pharmgraph check g.yaml'\n"))
        let check = try Binary.run(["check", "g.yaml"], in: directory)
        #expect(
            check.stderr.contains(
                "g.yaml:18:84: warning: exposure context 'dose: subanesthetic' on an edge from 'target-b', a receptor, not a drug: whose dose? add exposure_of: DRUG, the drug whose dose it is"
            ))
    }

    @Test("a file with other errors is not upgraded, and its errors are printed")
    func refusesErrors() throws {
        let (directory, original) = try copy("diagnostics/unknown-node.yaml")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Binary.run(["fmt", "--upgrade", "g.yaml"], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("g.yaml:11:44: error: unknown node 'target-bb' in 'to'; did you mean 'target-b'?"))
        #expect(run.stderr.contains("g.yaml has errors; not upgraded\n"))
        #expect(try String(contentsOfFile: directory + "/g.yaml", encoding: .utf8) == original)
    }

    @Test("--upgrade - reads stdin and writes the upgraded text to stdout")
    func stream() throws {
        let original = try String(contentsOfFile: fixtures + "/upgrade/format1-other-dose.yaml", encoding: .utf8)
        let run = try Binary.run(["fmt", "--upgrade", "-"], in: fixtures, input: original)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("format: 2\nid: other-dose\n"))
        #expect(run.stdout.contains("contexts:\n  dose: {type: categorical, values: [anesthetic, low]}\n"))
        let current = try String(contentsOfFile: fixtures + "/valid/base2.yaml", encoding: .utf8)
        let echoed = try Binary.run(["fmt", "--upgrade", "-"], in: fixtures, input: current)
        #expect(echoed.status == 0 && echoed.stdout == current)
    }
}

@Suite("pharmgraph diff shows format-2 changes, end to end")
struct FormatDiffEndToEndTests {
    @Test("a file and its upgrade differ in the version and the declared contexts, in text and JSON")
    func diffOfUpgrade() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = try String(contentsOfFile: fixtures + "/upgrade/format1-other-dose.yaml", encoding: .utf8)
        try original.write(toFile: directory + "/old.yaml", atomically: true, encoding: .utf8)
        try original.write(toFile: directory + "/new.yaml", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["fmt", "--upgrade", "new.yaml"], in: directory).status == 0)
        let text = try Binary.run(["diff", "old.yaml", "new.yaml"], in: directory)
        #expect(text.stdout.hasSuffix("Graph\n  format: 1 → 2\n  contexts: + dose=\"categorical: anesthetic, low\"\n"), "\(text.stdout)")
        let json = try Binary.run(["diff", "--format", "json", "old.yaml", "new.yaml"], in: directory)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let header = object?["header"] as? [[String: Any]]
        #expect(header?.compactMap { $0["field"] as? String } == ["format", "contexts"], "\(json.stdout)")

        // An added edge and claim carry the new fields in the JSON.
        var text2 = try String(contentsOfFile: directory + "/new.yaml", encoding: .utf8)
        text2 = text2.replacingOccurrences(
            of: "edges:\n",
            with: "edges:\n  - {from: effect-c, relation: inhibits, to: drug-a, refs: [ref2020], importance: primary, loss_of_function: true}\n")
        text2 += "claims:\n  - {from: drug-a, to: effect-c, expect: positive, certainty: probable}\n"
        try text2.write(toFile: directory + "/new.yaml", atomically: true, encoding: .utf8)
        let added = try Binary.run(["diff", "--format", "json", "old.yaml", "new.yaml"], in: directory)
        let all = try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any]
        let edge = ((all?["edges"] as? [String: Any])?["added"] as? [[String: Any]])?.first
        #expect(edge?["importance"] as? String == "primary" && edge?["loss_of_function"] as? Bool == true, "\(added.stdout)")
        #expect(edge?["correlational"] == nil && edge?["exact"] == nil)
        let claim = ((all?["claims"] as? [String: Any])?["added"] as? [[String: Any]])?.first
        #expect(claim?["certainty"] as? String == "probable" && claim?["avoid"] == nil, "\(added.stdout)")
    }
}
