import Foundation

/// A file of path queries, one `FROM<TAB>TO[<TAB>OPTIONS]` per line (`paths --batch`; docs/queries.md, "Batch verdicts").
///
/// Lines end as everywhere else (LF, CR, CRLF, NEL, LS, PS); blank lines and lines starting with `#` are skipped.
/// A line's OPTIONS are its own `--max-length N`, `--avoid NODE` and `--do NODE=+|-` (space-separated, repeatable
/// but for the length). Every bad line is a problem at its line and column; the good lines still run.
public struct PathBatch: Sendable {
    /// One query: its ends as written, its line (from 1) and its own options.
    public struct Row: Sendable, Equatable {
        public var from: String
        public var to: String
        public var line: Int
        public var options = Options()
    }

    /// A line's own options, resolved on the network.
    public struct Options: Sendable, Equatable {
        /// Replaces the command's `--max-length`.
        public var maxLength: Int?
        /// Added to the command's `--avoid`.
        public var avoid: [NodeIndex] = []
        /// With the line's `--do`: the command's clamps and the line's together; `nil` keeps the command's.
        public var interventions: [Intervention]?

        /// `query`, made from the command's options, with this line's applied.
        public func apply(to query: inout PathQuery) {
            if let maxLength { query.maxLength = maxLength }
            query.avoid += avoid
            if let interventions { query.interventions = interventions }
        }
    }

    /// A line that is not a query of the network, with its line and column (from 1).
    public enum RowError: Error, Sendable, Equatable {
        /// Not two non-empty tab-separated fields (and options); `fields` is how many there were.
        case fields(line: Int, fields: Int)
        /// The FROM (`isFrom`) or TO field names no node, or several where one is needed.
        case node(line: Int, column: Int, isFrom: Bool, NodeSelector.ResolutionError)
        /// One of the line's options is wrong: `message` says how.
        case option(line: Int, column: Int, String)

        /// `FILE:LINE:COLUMN: error: …` as a diagnostic of `path`.
        public func diagnostic(path: String) -> Diagnostic {
            switch self {
            case let .fields(line, fields):
                Diagnostic(.error, "expected FROM<TAB>TO[<TAB>OPTIONS], found \(fields) field(s)", file: path, line: line, column: 1)
            case let .node(line, column, isFrom, cause):
                Diagnostic(.error, "\(isFrom ? "FROM" : "TO"): \(cause.description)", file: path, line: line, column: column)
            case let .option(line, column, message):
                Diagnostic(.error, message, file: path, line: line, column: column)
            }
        }
    }

    /// The good queries, in file order.
    public let rows: [Row]
    /// The bad lines, in file order.
    public let problems: [RowError]

    /// Reads the queries of `text` (named `path`), checking every name and option against `network`; `interventions`:
    /// the command's `--do` terms, which a line's own join (a node clamped both ways is a problem of that line).
    public init(text: String, path: String, network: Network, interventions: [Intervention.Term] = []) {
        let source = SourceText(path: path, text: text)
        var rows: [Row] = []
        var problems: [RowError] = []
        for number in (0..<source.lineCount).map({ $0 + 1 }) {
            let line = source.line(number) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                rows.append(try Self.row(line, number: number, network: network, interventions: interventions))
            } catch {
                problems.append(error)
            }
        }
        self.rows = rows
        self.problems = problems
    }

    /// The query of one line.
    static func row(_ line: String, number: Int, network: Network, interventions: [Intervention.Term]) throws(RowError) -> Row {
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else { throw .fields(line: number, fields: fields.count) }
        var ends: [[NodeIndex]] = []
        for (k, name) in fields.prefix(2).enumerated() {
            do {
                ends.append(try NodeSelector.resolve(name, in: network))
            } catch {
                let column = k == 0 ? 1 : fields[0].unicodeScalars.count + 2
                throw .node(line: number, column: column, isFrom: k == 0, error)
            }
        }
        var row = Row(from: fields[0], to: fields[1], line: number)
        let optionsColumn = fields[0].unicodeScalars.count + fields[1].unicodeScalars.count + 3
        if fields.count == 3 {
            row.options = try options(fields[2], line: number, column: optionsColumn, network: network, interventions: interventions)
        }
        // A clamped end node has every edge into it cut: no path can reach it.
        let clamps = row.options.interventions ?? (try? Intervention.resolve(interventions, in: network)) ?? []
        if ends[1].count == 1, clamps.contains(where: { $0.node == ends[1][0] }) {
            let id = DisplayText.escaped(network.node(ends[1][0]).id)
            throw .option(
                line: number, column: fields[0].unicodeScalars.count + 2,
                "TO '\(id)' is clamped by --do: every edge into it is cut, so no path reaches it")
        }
        return row
    }

    /// The options a line may carry, each a name and its value (`--name value` or `--name=value`).
    static let optionNames = ["--max-length", "--avoid", "--do"]

    /// Parses a line's OPTIONS field, which starts at `column`.
    static func options(
        _ text: String, line: Int, column: Int, network: Network, interventions: [Intervention.Term]
    ) throws(RowError) -> Options {
        // Each word with its column.
        var words: [(text: String, column: Int)] = []
        var current = ""
        var start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == " " || scalar == "\t" {
                if !current.isEmpty { words.append((current, column + start)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { words.append((current, column + start)) }
        var options = Options()
        var terms: [Intervention.Term] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            var (name, value, valueColumn) = (word.text, String?.none, word.column)
            if let equals = word.text.firstIndex(of: "=") {
                (name, value) = (String(word.text[..<equals]), String(word.text[word.text.index(after: equals)...]))
                valueColumn = word.column + name.unicodeScalars.count + 1
            }
            guard Self.optionNames.contains(name) else {
                throw .option(
                    line: line, column: word.column,
                    "unknown option '\(DisplayText.escaped(name))' (a line may give \(Self.optionNames.joined(separator: ", ")))")
            }
            if value == nil {
                index += 1
                guard index < words.count else { throw .option(line: line, column: word.column, "\(name) needs a value") }
                (value, valueColumn) = (words[index].text, words[index].column)
            }
            try apply(name, value ?? "", to: &options, terms: &terms, line: line, column: valueColumn, network: network)
            index += 1
        }
        if !terms.isEmpty {
            do {
                options.interventions = try Intervention.resolve(interventions + terms, in: network)
            } catch {
                throw .option(line: line, column: column, "--do: \(error.description)")
            }
        }
        return options
    }

    /// Records one option of a line.
    private static func apply(
        _ name: String, _ value: String, to options: inout Options, terms: inout [Intervention.Term], line: Int, column: Int,
        network: Network
    ) throws(RowError) {
        switch name {
        case "--max-length":
            guard let length = Int(value), PathQuery.maxLengths.contains(length) else {
                let range = PathQuery.maxLengths
                throw .option(line: line, column: column, "--max-length must be from \(range.lowerBound) to \(range.upperBound)")
            }
            guard options.maxLength == nil else { throw .option(line: line, column: column, "--max-length is given twice") }
            options.maxLength = length
        case "--avoid":
            do {
                options.avoid += try NodeSelector.resolve(value, in: network)
            } catch {
                throw .option(line: line, column: column, "--avoid: \(error.description)")
            }
        default:
            let term: Intervention.Term
            do {
                term = try Intervention.Term(parsing: value)
            } catch {
                throw .option(line: line, column: column, "--do: \(error.description)")
            }
            do {
                _ = try NodeSelector.resolve(term.node, in: network)
            } catch {
                throw .option(line: line, column: column, "--do: \(error.description)")
            }
            terms.append(term)
        }
    }
}
