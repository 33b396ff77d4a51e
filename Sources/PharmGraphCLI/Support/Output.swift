import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

/// The format of a command's report: one type for every command (docs/decisions.md, "Options").
enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case tsv
    /// GitHub Actions workflow commands (`check`).
    case github
    /// A SARIF 2.1.0 log (`check`).
    case sarif

    /// For the branch of a format a command's `--format` never yields: thrown, never trapped.
    var unsupported: ValidationError { ValidationError("--format \(rawValue) is not available here") }
}

/// The formats one command writes, the values its `--format` accepts.
protocol OutputFormats {
    static var formats: [OutputFormat] { get }
}

/// `text` or `json`: stats, effects and causes.
enum TextOrJSON: OutputFormats {
    static let formats: [OutputFormat] = [.text, .json]
}

/// `text`, `json`, `github` or `sarif`: check.
enum CheckFormats: OutputFormats {
    static let formats: [OutputFormat] = [.text, .json, .github, .sarif]
}

/// `text`, `json` or `tsv`: paths and diff.
enum TextJSONOrTSV: OutputFormats {
    static let formats: [OutputFormat] = [.text, .json, .tsv]
}

/// `--format`: an `OutputFormat` that the command writes; help and errors list only those.
struct FormatOption<Choices: OutputFormats>: ExpressibleByArgument, Sendable {
    let format: OutputFormat

    static var text: Self { Self(format: .text) }

    private init(format: OutputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Choices.formats.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Choices.formats.map(\.rawValue) }

    var defaultValueDescription: String { format.rawValue }
}

/// Writing to the standard streams with write(2), so that a failed write never traps (docs/cli.md, "Output streams").
enum Console {
    /// The exit status after a failed write: 1, or 2 for `diff`, whose trouble status is 2.
    static var failureStatus: Int32 { state.failureStatus }

    private static let state = ConsoleState()

    static func out(_ text: String) { write(Data(text.utf8), to: STDOUT_FILENO) }

    static func error(_ text: String) { write(Data(text.utf8), to: STDERR_FILENO) }

    /// Writes `data` to stdout or stderr, handling a failure as described above.
    static func write(_ data: Data, to fd: Int32) {
        guard !state.isAbandoned(fd) else { return }
        if let code = Descriptor.writeAll(fd, data) { failed(fd, code: code) }
    }

    /// A write to `fd` failed with `code`: abandon the stream on EPIPE, else report and exit.
    static func failed(_ fd: Int32, code: Int32) {
        if code == EPIPE {
            state.abandon(fd)
            return
        }
        if fd != STDERR_FILENO, !state.isAbandoned(STDERR_FILENO) {
            let name = fd == STDOUT_FILENO ? "standard output" : "descriptor \(fd)"
            _ = Descriptor.writeAll(STDERR_FILENO, Data("error: cannot write to \(name): \(Descriptor.reason(code))\n".utf8))
        }
        Foundation.exit(state.failureStatus)
    }

    /// Before any work: ignores SIGPIPE, sets the failure status, and holds closed standard descriptors (docs/decisions.md).
    static func prepare(failureStatus: Int32) {
        signal(SIGPIPE, SIG_IGN)
        state.failureStatus = failureStatus
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where !Descriptor.isOpen(fd) {
            let placeholder = open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY) | O_CLOEXEC)
            if placeholder >= 0, placeholder != fd {
                dup2(placeholder, fd)
                close(placeholder)
            }
        }
    }

    /// Prints each diagnostic of `result` to stderr, with its source line and caret.
    static func report(_ result: LoadResult) {
        let formatter = DiagnosticFormatter(source: result.source)
        for diagnostic in result.diagnostics {
            error(formatter.format(diagnostic) + "\n")
        }
    }

    /// Prints each diagnostic of a loaded input to stderr, with its source line and caret.
    static func report(_ input: LoadedInput) {
        let formatter = input.formatter
        for diagnostic in input.diagnostics {
            error(formatter.format(diagnostic) + "\n")
        }
    }

}

/// Which standard streams were abandoned after EPIPE, and the failure status; shared by threads.
private final class ConsoleState: @unchecked Sendable {
    private let lock = NSLock()
    private var abandoned: Set<Int32> = []
    private var status: Int32 = 1

    var failureStatus: Int32 {
        get { lock.withLock { status } }
        set { lock.withLock { status = newValue } }
    }

    func abandon(_ fd: Int32) { lock.withLock { _ = abandoned.insert(fd) } }

    func isAbandoned(_ fd: Int32) -> Bool { lock.withLock { abandoned.contains(fd) } }
}
