import PharmGraphRender
import Testing

@Suite("Graphviz linkage")
struct GraphvizLinkTests {
    @Test("libgvc links and reports a version")
    func version() throws {
        let version = try Graphviz.version()
        let parts = version.split(separator: ".")
        #expect(parts.count >= 2, "unexpected version string '\(version)'")
        #expect(parts.allSatisfy { Int($0) != nil }, "unexpected version string '\(version)'")
    }
}
