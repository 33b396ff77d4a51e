import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite graph files in the canonical style, one item per line.",
        discussion: """
            Sections and fields go in a fixed order, and every reference, node, edge and claim
            on one line, so git diffs are line-level. Comments are kept. A file with errors is
            never touched; files are replaced atomically. Only regular files (or links to them)
            are rewritten: a FIFO, device, socket or /dev/fd/N is refused unread; format a
            stream with FILE -, which reads stdin and writes the canonical text to stdout. With
            --check nothing is written and the exit status is 1 if any file is not canonical.

            Examples:
              pharmgraph fmt Graphs/ketamine.yaml
              pharmgraph fmt --check Graphs/*.yaml
            """)

    @Argument(help: "The graph files to format in place; - reads stdin and writes stdout.")
    var files: [String]

    @OptionGroup var read: ReadOptions

    @Flag(help: "Report files that are not canonical instead of rewriting them.")
    var check = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one graph file to format") }
        if let message = InputReading.requireOneStdin(files) { throw ValidationError(message) }
    }

    func run() throws {
        var failed = false
        for file in files {
            // Only a regular file is rewritten: anything else is refused before it is opened.
            if !check, file != "-", let reason = OutputFile.notRewritable(file) {
                Console.error("error: cannot format '\(file)' in place: \(reason); use 'pharmgraph fmt - < \(file)' to format a stream\n")
                failed = true
                continue
            }
            // A compressed file is read (so --check works) but never rewritten.
            if !check, file != "-", InputFile.isCompressed(file) {
                Console.error(
                    "\(file): error: fmt does not rewrite compressed files; check it with 'pharmgraph fmt --check \(file)', or format it as a stream with 'pharmgraph fmt - < \(file)'\n")
                failed = true
                continue
            }
            let input = InputLoader.load(file, options: InputLoader.Options(limit: read.limit))
            if input.isNetwork {
                let format = input.format?.rawValue ?? "network"
                Console.error(
                    "\(file): error: fmt formats curated graphs only (YAML or JSON); this is a \(format) network, which it leaves as it is\n")
                failed = true
                continue
            }
            guard case let .graph(result) = input.content else {
                Console.report(input)
                failed = true
                continue
            }
            Console.report(result)
            let text: String
            do {
                text = try CanonicalWriter.canonicalText(of: result)
            } catch {
                Console.error(DisplayText.escaped(error.description) + "\n")
                failed = true
                continue
            }
            // A filter (`-`) always echoes its input, canonical or not.
            guard text != result.source?.text || (file == "-" && !check) else { continue }
            if check {
                let command = file != "-" && InputFile.isCompressed(file) ? "pharmgraph fmt - < \(file)" : "pharmgraph fmt \(file)"
                Console.error("\(file): not in canonical form (run '\(command)')\n")
                failed = true
                continue
            }
            do {
                if file == "-" {
                    try OutputFile.write(Data(text.utf8), to: file)
                } else {
                    try OutputFile.rewrite(Data(text.utf8), at: file)
                    Console.error("formatted \(file)\n")
                }
            } catch where error.isBrokenPipe {
                continue
            } catch {
                Console.error("\(file): error: \(error.description)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
