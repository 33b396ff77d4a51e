import Foundation
import PharmGraphTestSupport
import Testing

/// The one exit-status rule (docs/cli.md): 0 success, 1 findings or errors, 64 usage; `diff`
/// keeps diff(1)'s 0 (same), 1 (different) and 2 (trouble, usage errors included).
@Suite("exit status, every command")
struct ExitStatusTests {
    /// A command line and the status it must end with.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        var testDescription: String { "\(arguments.joined(separator: " ")) → \(status)" }
    }

    static let cases: [Case] = [
        // 0: success, and help.
        Case(arguments: ["check", "valid/example.yaml"], status: 0),
        Case(arguments: ["stats", "valid/example.yaml"], status: 0),
        Case(arguments: ["fmt", "--check", "valid/base.yaml"], status: 0),
        Case(arguments: ["render", "valid/example.yaml", "-o", "-", "--format", "dot"], status: 0),
        Case(arguments: ["paths", "paths/signed.yaml", "drug-a", "e-pos"], status: 0),
        Case(arguments: ["effects", "paths/signed.yaml", "drug-a"], status: 0),
        Case(arguments: ["causes", "paths/signed.yaml", "e-pos"], status: 0),
        Case(arguments: ["paths", "--help"], status: 0),
        Case(arguments: ["--version"], status: 0),
        // 1: findings or errors.
        Case(arguments: ["check", "diagnostics/unknown-node.yaml"], status: 1),
        Case(arguments: ["check", "paths/claims-fail.yaml"], status: 1),
        Case(arguments: ["stats", "diagnostics/unknown-node.yaml"], status: 1),
        Case(arguments: ["fmt", "--check", "diagnostics/unknown-node.yaml"], status: 1),
        Case(arguments: ["render", "missing.yaml", "-o", "-", "--format", "dot"], status: 1),
        Case(arguments: ["paths", "paths/signed.yaml", "drug-a", "nobody"], status: 1),
        Case(arguments: ["effects", "missing.yaml", "drug-a"], status: 1),
        Case(arguments: ["causes", "paths/signed.yaml", "nobody"], status: 1),
        // 64: usage, caught by the parser or by validate().
        Case(arguments: ["check"], status: 64),
        Case(arguments: ["check", "--format", "tsv", "valid/example.yaml"], status: 64),
        Case(arguments: ["stats", "--bogus", "valid/example.yaml"], status: 64),
        Case(arguments: ["fmt"], status: 64),
        Case(arguments: ["render", "valid/example.yaml", "-o", "-", "--rankdir", "RL"], status: 64),
        Case(arguments: ["paths", "paths/signed.yaml", "drug-a", "e-pos", "--max-length"], status: 64),
        Case(arguments: ["effects", "paths/signed.yaml", "drug-a", "--format", "tsv"], status: 64),
        Case(arguments: ["causes", "paths/signed.yaml", "e-pos", "--max-length", "0"], status: 64),
        Case(arguments: ["frobnicate"], status: 64),
        // diff: 0 same, 1 different, 2 trouble and usage, even when the parser catches it first.
        Case(arguments: ["diff", "diff/old.yaml", "diff/old.yaml"], status: 0),
        Case(arguments: ["diff", "diff/old.yaml", "diff/new.yaml"], status: 1),
        Case(arguments: ["diff", "diff/old.yaml", "missing.yaml"], status: 2),
        Case(arguments: ["diff", "diff/old.yaml", "diff/new.yaml", "--max-length"], status: 2),
        Case(arguments: ["diff", "diff/old.yaml", "diff/new.yaml", "--color", "red"], status: 2),
        Case(arguments: ["diff", "diff/old.yaml", "diff/new.yaml", "--max-length", "0"], status: 2),
        Case(arguments: ["diff", "diff/old.yaml", "diff/new.yaml", "--context", "1"], status: 2),
        Case(arguments: ["diff", "--help"], status: 0),
    ]

    @Test("each command ends with the status of the rule", arguments: cases)
    func status(_ example: Case) throws {
        let result = try Binary.run(example.arguments, in: fixtures)
        #expect(result.status == example.status, "\(result.stderr)")
        // Usage errors and diff's trouble say what is wrong, and write nothing to stdout.
        if example.status == 64 || (example.arguments.first == "diff" && example.status == 2) {
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.lowercased().contains("error: "), "\(result.stderr)")
        }
    }
}
