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
            stream with FILE -, which reads stdin and writes the canonical text to stdout (for
            editors: pipe the buffer through 'pharmgraph fmt -'). With --check nothing is written
            and the exit status is 1 if any file is not canonical. With --diff nothing is written
            either: what fmt would change is printed as a unified diff (patch -p0 applies it), and
            the exit status is 1 if there is any change.

            With --upgrade, a format-1 file is migrated to format 2 (docs/graph-format.md): it gets
            'format: 2' and a 'contexts:' block declaring every context key it uses, with the values
            it uses; a note on stderr names each inferred declaration for review. A file already in
            format 2 is left byte-identical. --upgrade --check writes nothing and exits 1 when a file
            needs the upgrade.

            Examples:
              pharmgraph fmt Graphs/ketamine.yaml
              pharmgraph fmt --check Graphs/*.yaml
              pharmgraph fmt --diff Graphs/ketamine.yaml
              pharmgraph fmt - < draft.yaml > canonical.yaml
              pharmgraph fmt --upgrade Graphs/ketamine.yaml
            """)

    @Argument(help: "The graph files to format in place; - reads stdin and writes stdout.")
    var files: [String]

    @OptionGroup var read: ReadOptions

    @Flag(help: "Report files that are not canonical instead of rewriting them.")
    var check = false

    @Flag(help: "Print what fmt would change as a unified diff instead of rewriting; exit 1 if any.")
    var diff = false

    @Flag(help: "Migrate format-1 files to format 2 (declares the contexts they use), in canonical form.")
    var upgrade = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one graph file to format") }
        if let message = InputReading.requireOneStdin(files) { throw ValidationError(message) }
        if check, diff { throw ValidationError("--check and --diff both leave files alone; give one of them") }
    }

    /// Whether files are rewritten (or, for -, the result written to stdout).
    private var writes: Bool { !check && !diff }

    func run() throws {
        var failed = false
        for file in files {
            let source = InputSource(argument: file)
            let shown = DisplayText.escaped(file)
            // Only a regular file is rewritten: anything else is refused before it is opened.
            if writes, case .file = source, let reason = OutputFile.notRewritable(file) {
                Console.error("error: cannot format '\(shown)' in place: \(reason); use 'pharmgraph fmt - < \(shown)' to format a stream\n")
                failed = true
                continue
            }
            // A file in a git revision or a compressed file is read (so --check works) but never rewritten.
            if writes, let stream = Self.stream(source, shown: shown) {
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
            if upgrade {
                if !upgrade(result, file: file, shown: shown) { failed = true }
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
            guard text != result.source?.text || (file == "-" && writes) else { continue }
            if diff {
                Console.out(UnifiedDiff.text(old: result.source?.text ?? "", new: text, oldLabel: shown, newLabel: shown))
                failed = true
                continue
            }
            if check {
                let command = Self.stream(source, shown: shown)?.command ?? "pharmgraph fmt \(shown)"
                Console.error("\(shown): not in canonical form (run '\(command)')\n")
                failed = true
                continue
            }
            if !Self.write(text, to: file, shown: shown) { failed = true }
        }
        if failed { throw ExitCode(1) }
    }

    /// `--upgrade` of one loaded file; false when it failed or, with `--check`, needs the upgrade.
    private func upgrade(_ result: LoadResult, file: String, shown: String) -> Bool {
        guard let source = result.source else {
            Console.report(result)
            return false
        }
        switch FormatUpgrade.upgrade(source) {
        case let .failure(.hasErrors(lenient)):
            Console.report(lenient)
            Console.error("\(shown) has errors; not upgraded\n")
            return false
        case let .failure(.wouldHaveErrors(errors)):
            for error in errors {
                Console.error("\(shown): error: after the upgrade: \(DisplayText.escaped(error.message))\n")
            }
            Console.error("\(shown): not upgraded; declare those contexts under 'contexts:' by hand, then upgrade again\n")
            return false
        case let .failure(.format(error)):
            Console.error(DisplayText.escaped(error.description) + "\n")
            return false
        case .success(.current):
            if file == "-", writes { return Self.write(source.text, to: file, shown: shown) }
            if writes { Console.error("\(shown): already in format \(GraphFormat.current); left as it is\n") }
            return true
        case let .success(.upgraded(text, notes, upgraded)):
            if check {
                Console.error("\(shown): format 1; run 'pharmgraph fmt --upgrade \(shown)' to migrate it to format \(GraphFormat.current)\n")
                return false
            }
            if diff {
                Console.out(UnifiedDiff.text(old: source.text, new: text, oldLabel: shown, newLabel: shown))
                return false
            }
            for note in notes { Console.error("\(shown): note: \(DisplayText.escaped(note))\n") }
            guard Self.write(text, to: file, shown: shown, verb: "upgraded") else { return false }
            let warnings = upgraded.diagnostics.filter { $0.severity == .warning }.count
            if warnings > 0 {
                let said = warnings == 1 ? "1 warning" : "\(warnings) warnings"
                let how = file == "-" ? "check the output" : "run 'pharmgraph check \(shown)'"
                Console.error("\(shown): the upgraded file has \(said) to review: \(how)\n")
            }
            return true
        }
    }

    /// Writes `text` to stdout for `-`, or atomically over `file`; false when that failed.
    private static func write(_ text: String, to file: String, shown: String, verb: String = "formatted") -> Bool {
        do {
            if file == "-" {
                try OutputFile.write(Data(text.utf8), to: file)
            } else {
                try OutputFile.rewrite(Data(text.utf8), at: file)
                Console.error("\(verb) \(shown)\n")
            }
        } catch  where error.isBrokenPipe {
            return true
        } catch {
            Console.error("\(shown): error: \(error.description)\n")
            return false
        }
        return true
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
