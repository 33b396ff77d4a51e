import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented skeleton graph for a drug, ready to edit.",
        discussion: """
            The skeleton has every section of the format (header, context vocabulary, one
            reference, node and edge examples, a claim), with comments saying what goes where.
            It passes 'check --strict' and 'fmt --check' as written. An existing file is never
            overwritten unless --force is given. docs/curation.md walks through the rest.

            Examples:
              pharmgraph new esketamine -o Graphs/esketamine.yaml
              pharmgraph new esketamine -o - --schema ../schema/pharmgraph-graph.schema.json
            """)

    @Argument(help: "The drug's name; its node id is the name in kebab-case.")
    var drug: String

    @Option(name: .shortAndLong, help: "The file to write (- for stdout).")
    var output: String

    @Option(help: "A JSON Schema path or URL for the yaml-language-server modeline on the first line.")
    var schema: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        do {
            _ = try GraphSkeleton.text(drug: drug)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let text = try GraphSkeleton.text(drug: drug, schema: schema)
        let shown = DisplayText.escaped(output)
        if output != "-", !force, Self.exists(output), OutputFile.notRewritable(output) == nil {
            Console.error("error: '\(shown)' already exists; choose another file, or add --force to replace it\n")
            throw ExitCode(1)
        }
        do {
            try OutputFile.write(Data(text.utf8), to: output)
        } catch  where error.isBrokenPipe {
            return
        } catch {
            Console.error("error: \(error.description)\n")
            throw ExitCode(1)
        }
        if output != "-" {
            Console.error("wrote \(shown); edit it, then run 'pharmgraph check --strict \(shown)'\n")
        }
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
