import ArgumentParser
import Foundation
import PharmGraph

/// `--color auto|always|never` (docs/cli.md, "Colour").
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never

    /// Whether to colour what goes to `fd`: `always` and `never` as said; `auto` when `NO_COLOR` is unset or empty,
    /// `TERM` is not `dumb`, and `fd` is a terminal (or `otherwise` holds, e.g. git's pager in diff's external mode).
    func enabled(for fd: Int32, otherwise: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(fd) != 0 || otherwise
        }
    }

    /// The style for text written to `fd`.
    func style(for fd: Int32) -> TerminalStyle { TerminalStyle(colour: enabled(for: fd)) }
}

/// The `--color` option of check, paths, effects and causes.
struct ColorOptions: ParsableArguments {
    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColorChoice = .auto
}
