import Foundation

/// The default kinds of the nodes a query starts or ends at, and the resolution of target lists.
extension NodeSelector {
    /// What `effects` reaches when no targets are named: effects and conditions.
    public static let effectKinds: [NodeKind] = [.effect, .condition]
    /// Where `causes` starts when no sources are named: drugs.
    public static let drugKinds: [NodeKind] = [.drug]

    /// Why a list of targets could not be chosen.
    public enum TargetError: Error, Sendable, Equatable {
        /// A named selector that does not resolve.
        case selector(ResolutionError)
        /// No selector was named and the network has no node of any of these kinds.
        case noNodeOfKinds([NodeKind])
    }

    /// The nodes `selectors` name, in order; with none, every node of the `defaultKinds` the network has.
    public static func targets(_ selectors: [String], defaultKinds: [NodeKind], in network: Network) throws(TargetError) -> [NodeIndex] {
        let names = selectors.isEmpty ? defaultKinds.filter { network.kinds.contains($0.rawValue) }.map { "kind:\($0.rawValue)" } : selectors
        if names.isEmpty { throw .noNodeOfKinds(defaultKinds) }
        var nodes: [NodeIndex] = []
        for name in names {
            do {
                nodes += try resolve(name, in: network)
            } catch {
                throw .selector(error)
            }
        }
        return nodes
    }
}

/// A file of path queries, one `FROM<TAB>TO` per line (`paths --batch`; docs/queries.md).
///
/// Lines end as everywhere else (LF, CR, CRLF, NEL, LS, PS); blank lines and lines starting with `#` are skipped.
public struct PathBatch: Sendable {
    /// One query: its ends as written, and its line (from 1).
    public struct Row: Sendable, Equatable {
        public var from: String
        public var to: String
        public var line: Int
    }

    /// A line that is not a query of the network, with its line and column (from 1).
    public enum RowError: Error, Sendable, Equatable {
        /// Not two non-empty tab-separated fields; `fields` is how many there were.
        case fields(line: Int, fields: Int)
        /// The FROM (`isFrom`) or TO field names no node, or several where one is needed.
        case node(line: Int, column: Int, isFrom: Bool, NodeSelector.ResolutionError)

        /// `FILE:LINE:COLUMN: error: …` as a diagnostic of `path`.
        public func diagnostic(path: String) -> Diagnostic {
            switch self {
            case let .fields(line, fields):
                Diagnostic(.error, "expected FROM<TAB>TO, found \(fields) field(s)", file: path, line: line, column: 1)
            case let .node(line, column, isFrom, cause):
                Diagnostic(.error, "\(isFrom ? "FROM" : "TO"): \(cause.description)", file: path, line: line, column: column)
            }
        }
    }

    /// The queries, in file order.
    public let rows: [Row]

    /// Reads the queries of `text` (named `path`), checking every name against `network`; the first bad line throws.
    public init(text: String, path: String, network: Network) throws(RowError) {
        let source = SourceText(path: path, text: text)
        var rows: [Row] = []
        for number in (0..<source.lineCount).map({ $0 + 1 }) {
            let line = source.line(number) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else { throw .fields(line: number, fields: fields.count) }
            for (k, name) in fields.enumerated() {
                do {
                    _ = try NodeSelector.resolve(name, in: network)
                } catch {
                    let column = k == 0 ? 1 : fields[0].unicodeScalars.count + 2
                    throw .node(line: number, column: column, isFrom: k == 0, error)
                }
            }
            rows.append(Row(from: fields[0], to: fields[1], line: number))
        }
        self.rows = rows
    }
}
