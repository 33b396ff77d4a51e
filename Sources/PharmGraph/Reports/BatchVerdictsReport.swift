import Foundation

/// The rows of a batch (`verdicts`, `paths --batch`) as a TSV table or JSON Lines (docs/queries.md, "Batch verdicts").
public struct BatchVerdictsReport: Sendable {
    public let network: Network
    public let rows: [PairVerdict]

    public init(network: Network, rows: [PairVerdict]) {
        self.network = network
        self.rows = rows
    }

    /// The header line and one row per pair (`PathsReport.batchHeader`).
    public var tsv: String { ([PathsReport.batchHeader] + rows.map(Self.tsvRow)).joined(separator: "\n") + "\n" }

    /// One summary row: the ends, the counts, the (tiered) verdict, the shortest length (`-` for none), whether partial,
    /// the raw counts' verdict and the verdict's certainty (`-` for none).
    static func tsvRow(_ row: PairVerdict) -> String {
        let c = row.counts
        return [
            DisplayText.tsvText(row.from), DisplayText.tsvText(row.to), "\(c.total)", "\(c.positive)", "\(c.negative)", "\(c.unknown)",
            row.finding.rawValue, row.shortest.map { String($0.length) } ?? "-", row.partial ? "yes" : "no",
            Finding(c, partial: row.partial).rawValue, row.assessment?.certainty?.rawValue ?? "-",
        ].joined(separator: "\t")
    }

    /// One JSON object per line, keys sorted, for each pair (docs/queries.md, "Batch verdicts").
    public func jsonLines() throws(EncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for row in rows {
            let line = Line(row, network: network)
            do {
                out += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
            } catch let error as EncodingError {
                throw error
            } catch {
                throw EncodingError.invalidValue(line, EncodingError.Context(codingPath: [], debugDescription: "\(error)"))
            }
        }
        return out
    }

    /// One pair in JSON: `from`, `to`, `line` (batch files), `total`, `by_sign`, `verdict`, `partial`, `shortest` (a path or
    /// null), and the verdict semantics' fields beside them (`raw_verdict` always).
    struct Line: Encodable, Sendable {
        var from: String
        var to: String
        var line: Int?
        var total: Int
        var bySign: SignCountsJSON
        var verdict: String
        var rawVerdict: String
        var partial: Bool
        var shortest: PathJSON?
        var assessment: AssessmentJSON?

        enum CodingKeys: String, CodingKey {
            case from, to, line, total, verdict, partial, shortest
            case bySign = "by_sign"
            case rawVerdict = "raw_verdict"
        }

        init(_ row: PairVerdict, network: Network) {
            (from, to, line) = (row.from, row.to, row.line)
            total = row.counts.total
            bySign = SignCountsJSON(row.counts)
            verdict = row.finding.rawValue
            rawVerdict = Finding(row.counts, partial: row.partial).rawValue
            partial = row.partial
            shortest = row.shortest.map { PathJSON($0, network: network) }
            assessment = row.partial ? nil : row.assessment.map { AssessmentJSON($0, network: network) }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encodeIfPresent(line, forKey: .line)
            try c.encode(total, forKey: .total)
            try c.encode(bySign, forKey: .bySign)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(partial, forKey: .partial)
            if let shortest { try c.encode(shortest, forKey: .shortest) } else { try c.encodeNil(forKey: .shortest) }
            if let assessment { try assessment.encode(to: encoder) } else { try c.encode(rawVerdict, forKey: .rawVerdict) }
        }
    }
}
