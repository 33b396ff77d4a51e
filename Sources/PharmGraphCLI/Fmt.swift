import ArgumentParser
import Foundation
import PharmGraph

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite graph files in the canonical style, one item per line.",
        discussion: """
            Sections and fields go in a fixed order, and every reference, node, edge and claim
            on one line, so git diffs are line-level. Comments are kept. A file with errors is
            never touched; files are replaced atomically. With --check nothing is written and
            the exit status is 1 if any file is not canonical.

            Examples:
              pharmgraph fmt Graphs/ketamine.yaml
              pharmgraph fmt --check Graphs/*.yaml
            """)

    @Argument(help: "The graph files to format in place.")
    var files: [String]

    @Flag(help: "Report files that are not canonical instead of rewriting them.")
    var check = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one graph file to format") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let result = GraphLoader.load(path: file)
            Console.report(result)
            let text: String
            do {
                text = try CanonicalWriter.canonicalText(of: result)
            } catch {
                Console.error(DisplayText.escaped(error.description) + "\n")
                failed = true
                continue
            }
            guard text != result.source?.text else { continue }
            if check {
                Console.error("\(file): not in canonical form (run 'pharmgraph fmt \(file)')\n")
                failed = true
                continue
            }
            do {
                try AtomicFile.write(Data(text.utf8), to: file)
                Console.error("formatted \(file)\n")
            } catch {
                Console.error("\(file): error: \(error.description)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
