import ArgumentParser
import Foundation
import PharmGraph

/// Text or JSON, for commands with a machine-readable output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Writing to the standard streams.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints each diagnostic of `result` to stderr, with its source line and caret.
    static func report(_ result: LoadResult) {
        let formatter = DiagnosticFormatter(source: result.source)
        for diagnostic in result.diagnostics {
            error(formatter.format(diagnostic) + "\n")
        }
    }

    /// `1 error`, `2 warnings`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// Deterministic, pretty JSON.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
