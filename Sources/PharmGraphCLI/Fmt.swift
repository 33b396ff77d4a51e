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
            let source = InputSource(argument: file)
            let shown = DisplayText.escaped(file)
            // Only a regular file is rewritten: anything else is refused before it is opened.
            if !check, case .file = source, let reason = OutputFile.notRewritable(file) {
                Console.error("error: cannot format '\(shown)' in place: \(reason); use 'pharmgraph fmt - < \(shown)' to format a stream\n")
                failed = true
                continue
            }
            // A file in a git revision or a compressed file is read (so --check works) but never rewritten.
            if !check, let stream = Self.stream(source, shown: shown) {
                Console.error(
                    "\(shown): error: fmt does not rewrite \(stream.what); check it with 'pharmgraph fmt --check \(shown)', or format it as a stream with '\(stream.command)'\n"
                )
                failed = true
                continue
            }
            var options = InputLoader.Options(limit: read.limit)
            options.hints = .cli
            let input = InputLoader.load(file, options: options)
            // fmt has no --input-format: content whose format cannot be told is simply not a curated graph.
            if case .untold = input.content {
                Console.error(
                    "\(shown): error: fmt formats curated graphs only (YAML or JSON); this is neither a YAML mapping nor a JSON object\n")
                failed = true
                continue
            }
            if input.isNetwork {
                let format = input.format?.rawValue ?? "network"
                Console.error(
                    "\(shown): error: fmt formats curated graphs only (YAML or JSON); this is a \(format) network, which it leaves as it is\n")
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
                let command = Self.stream(source, shown: shown)?.command ?? "pharmgraph fmt \(shown)"
                Console.error("\(shown): not in canonical form (run '\(command)')\n")
                failed = true
                continue
            }
            do {
                if file == "-" {
                    try OutputFile.write(Data(text.utf8), to: file)
                } else {
                    try OutputFile.rewrite(Data(text.utf8), at: file)
                    Console.error("formatted \(shown)\n")
                }
            } catch  where error.isBrokenPipe {
                continue
            } catch {
                Console.error("\(shown): error: \(error.description)\n")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// For an input fmt reads but does not rewrite (in a git revision, or compressed): what it is,
    /// and the command that formats it as a stream. Opens a file, so only after it was read or found regular.
    private static func stream(_ source: InputSource, shown: String) -> (what: String, command: String)? {
        switch source {
        case .standardInput: nil
        case .revision: ("files in a git revision", "git show \(shown) | pharmgraph fmt -")
        case let .file(path): InputFile.isCompressed(path) ? ("compressed files", "pharmgraph fmt - < \(shown)") : nil
        }
    }
}
