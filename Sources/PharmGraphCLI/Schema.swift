import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the graph file format, for editors.",
        discussion: """
            The schema (draft-07) is generated from the loader's field tables and the model's
            words, so it matches what 'check' accepts; the repository ships it as
            schema/pharmgraph-graph.schema.json. It checks shape only (fields, types, closed
            words): 'check' does the rest. docs/curation.md shows the editor modeline.

            Examples:
              pharmgraph schema
              pharmgraph schema -o schema/pharmgraph-graph.schema.json
            """)

    @Option(name: .shortAndLong, help: "The file to write (- for stdout).")
    var output = "-"

    func run() throws {
        do {
            try OutputFile.write(Data(GraphSchema.text.utf8), to: output)
        } catch  where error.isBrokenPipe {
            return
        } catch {
            Console.error("error: \(error.description)\n")
            throw ExitCode(1)
        }
    }
}
