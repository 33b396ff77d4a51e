import PharmGraph
import Testing

/// One broken fixture and the one diagnostic it must give, at the position worked out by hand; shared by the
/// graph, BEL, DrugMechDB and exchange importers' fixture tables.
struct FixtureCase: CustomTestStringConvertible, Sendable {
    /// The fixture's name; with `ext`, the file is `file.ext`.
    let file: String
    var severity: Diagnostic.Severity = .error
    let line: Int
    let column: Int
    let message: String
    /// The summary warning (no position) a skipped statement adds, for readers that summarise.
    var summary: String?
    /// The fixture's extension, when the table names fixtures without one.
    var ext = ""

    var testDescription: String { ext.isEmpty ? file : "\(file).\(ext)" }
}
