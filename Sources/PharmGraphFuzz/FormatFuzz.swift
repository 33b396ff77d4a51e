import Foundation
import PharmGraph

/// `fmt`'s writer: load, write canonically, load again.
enum FormatFuzz {
    static func roundTrip(_ data: Data) throws(Violation) {
        let result = GraphLoader.load(data: data, path: "fuzz.yaml")
        guard let graph = result.graph else { return }
        // YAML, keeping comments: fmt's own self-check (same graph, as many comments) must pass.
        let text: String
        do {
            text = try CanonicalWriter.canonicalText(of: result)
        } catch {
            throw Violation("fmt refused a graph that loaded without errors: \(error)")
        }
        let reloaded = GraphLoader.load(text: text, path: "fuzz.yaml")
        guard reloaded.graph == graph else { throw Violation("the canonical YAML reloads as another graph") }
        // Idempotence: formatting the output again (comments included) changes nothing, so every
        // comment stays on the item the first pass attached it to.
        let again: String
        do {
            again = try CanonicalWriter.canonicalText(of: reloaded)
        } catch {
            throw Violation("fmt refused its own output: \(error)")
        }
        if again != text { throw Violation("canonical YAML is not idempotent:\n--- first\n\(text)--- second\n\(again)") }
        // JSON: same graph, idempotent.
        let json = CanonicalWriter.write(graph, syntax: .json)
        let fromJSON = GraphLoader.load(text: json, path: "fuzz.json")
        guard let jsonGraph = fromJSON.graph, jsonGraph == graph else {
            let cause = fromJSON.diagnostics.first.map { " (\($0.headline))" } ?? ""
            throw Violation("the canonical JSON reloads as another graph\(cause)")
        }
        if CanonicalWriter.write(jsonGraph, syntax: .json) != json { throw Violation("canonical JSON is not idempotent") }
    }
}
