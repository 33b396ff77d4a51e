import Foundation
import PharmGraphTestSupport
import Testing

/// The test fixtures folder; the end-to-end tests run the binary there, so paths in its
/// output are relative and stable.
let fixtures = Repository.path("Tests/PharmGraphTests/Fixtures")

/// Runs `pharmgraph` in the fixtures folder.
func pharmgraph(_ arguments: String...) throws -> RunResult {
    try Binary.run(arguments, in: fixtures)
}

/// Expects `text` to equal the golden file `Tests/PharmGraphCLITests/Golden/NAME`.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Golden.compare(text, to: "Tests/PharmGraphCLITests/Golden/\(name)") == .matches, sourceLocation: sourceLocation)
}

/// Files in `directory`, sorted.
func listing(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
}
