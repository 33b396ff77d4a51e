import PharmGraph
import ArgumentParser

/// Text or JSON, for `effects` and `causes`.
enum ReachFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes the report of `effects` or `causes` to stdout.
enum ReachOutput {
    static func print(_ report: ReachReport, format: ReachFormat) throws {
        switch format {
        case .text: Console.out(report.text(hints: .cli))
        case .json: Console.out(try ReportJSON.encode(report.json))
        }
    }
}
