import PharmGraph
import PharmGraphRender

/// What `pharmgraph --version` prints: the tool, its semantics and the Graphviz it links.
enum VersionText {
    /// The lines, each ending in a newline; a Graphviz that does not answer is said so, not hidden.
    static func lines() -> String {
        let graphviz: String
        do {
            graphviz = try Graphviz.version() + " (libgvc)"
        } catch {
            graphviz = "unavailable (\(error))"
        }
        return """
            pharmgraph \(PharmGraphVersion.current)
            semantics: \(PharmGraphVersion.semantics)
            Graphviz: \(graphviz)

            """
    }
}
