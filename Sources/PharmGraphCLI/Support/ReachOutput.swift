import PharmGraph

/// Writes the report of `effects` or `causes` to stdout.
enum ReachOutput {
    static func print(_ report: ReachReport, format: FormatOption<TextOrJSON>) throws {
        switch format.format {
        case .text: Console.out(report.text(hints: .cli))
        case .json: Console.out(try report.jsonText())
        case .tsv: throw format.format.unsupported
        }
    }
}
