import Foundation
import PharmGraphTestSupport
import Testing

/// BEL through the binary: read by every command through the one loader, written by `export`.
@Suite("BEL scripts end to end")
struct BELEndToEndTests {
    private let bel = fixtures + "/bel"

    @Test("check: a valid script is clean; skipped statements are warnings at line:column; syntax errors exit 1")
    func check() throws {
        let valid = try Binary.run(["check", bel + "/valid.bel"])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stderr == "checked 1 file: 0 errors, 0 warnings\n")

        let nested = try Binary.run(["check", "nested-statement.bel"], in: bel)
        #expect(nested.status == 0, "\(nested.stderr)")
        #expect(
            nested.stderr.contains(
                "nested-statement.bel:5:21: warning: nested statement not read (an edge cannot be the object of an edge); statement skipped\n"
                    + "p(HGNC:A) increases (p(HGNC:B) decreases p(HGNC:C))\n                    ^\n"))
        #expect(nested.stderr.contains("nested-statement.bel: warning: 1 statement not read: 1 nested statements\n"))
        #expect(nested.stderr.hasSuffix("checked 1 file: 0 errors, 2 warnings\n"))

        let broken = try Binary.run(["check", "unknown-function.bel"], in: bel)
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("unknown-function.bel:5:24: error: unknown BEL function 'foo'\n"))

        // --input-format bel reads a script whose name says nothing, stdin included.
        let text = try String(contentsOfFile: bel + "/valid.bel", encoding: .utf8)
        let piped = try Binary.run(["check", "-", "--input-format", "bel"], input: text)
        #expect(piped.status == 0, "\(piped.stderr)")
    }

    @Test("paths and stats read a BEL script: drug x lowers proliferation through AKT1's kinase activity")
    func query() throws {
        let paths = try Binary.run(["paths", bel + "/valid.bel", "a(CHEBI:\"drug x\")", "bp(GOBP:\"cell proliferation\")"])
        #expect(paths.status == 0, "\(paths.stderr)")
        #expect(paths.stdout.contains("negative"), "\(paths.stdout)")
        let stats = try Binary.run(["stats", bel + "/valid.bel"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("nodes: 12\n"), "\(stats.stdout)")
        #expect(stats.stdout.contains("edges: 9\n"), "\(stats.stdout)")
    }

    @Test("export --format bel: ketamine.yaml's signed edges as BEL, which check reads back without a problem")
    func export() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/ketamine.bel"
        let written = try Binary.run(["export", Repository.path("Graphs/ketamine.yaml"), "-o", out])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("DEFINE NAMESPACE PG AS PATTERN \".*\"\n"))
        #expect(text.contains("\na(PG:ketamine) "))
        let back = try Binary.run(["check", out])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stderr == "checked 1 file: 0 errors, 0 warnings\n")
        let stdout = try Binary.run(["export", bel + "/valid.bel", "-o", "-", "--format", "bel"])
        #expect(stdout.status == 0, "\(stdout.stderr)")
        #expect(stdout.stdout.contains("\na(CHEBI:\"drug x\") directlyDecreases p(HGNC:AKT1)\n"))
    }
}
