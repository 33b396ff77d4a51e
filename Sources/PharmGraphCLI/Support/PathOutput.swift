import PharmGraph

/// Text, JSON and TSV renderings of path query results.
struct PathOutput {
    let network: Network
    var formatter: PathFormatter { PathFormatter(network: network) }

    /// `+  a -inhibits-| b  [ref1 | ref2]`.
    func line(_ path: NetworkPath) -> String {
        let refs = formatter.references(path)
        var text = "\(path.sign.symbol)  \(formatter.describe(path))"
        if refs.contains(where: { !$0.isEmpty }) {
            text += "  [" + refs.map { $0.isEmpty ? "-" : DisplayText.escaped($0.joined(separator: ",")) }.joined(separator: " | ") + "]"
        }
        return text
    }

    /// `12 paths: 10 positive, 1 negative, 1 unknown; verdict: mixed`.
    static func summary(_ counts: SignCounts, partial: Bool = false) -> String {
        let found = "\(counts.total) path\(counts.total == 1 ? "" : "s"): \(counts.positive) positive, \(counts.negative) negative, \(counts.unknown) unknown"
        let finding = Finding(counts, partial: partial).rawValue
        return partial ? "at least \(found) (so far); verdict: \(finding)" : "\(found); verdict: \(finding)"
    }

    /// The line that says why a partial result stopped and what its numbers mean.
    static func partialLine(_ report: PathReport) -> String {
        "partial: " + SearchLimitOptions.stopReason(report.stop, work: report.work) + "; " + SearchLimitOptions.lowerBoundNote
    }

    func json(_ path: NetworkPath) -> PathJSON {
        PathJSON(
            nodes: formatter.nodeIDs(path), relations: formatter.relations(path), sign: path.sign.rawValue,
            length: path.length, refs: network.graph == nil ? nil : formatter.references(path))
    }

    /// One row; every id, relation and key escaped with `DisplayText.tsv`, so none splits a column or a list.
    func tsvRow(_ path: NetworkPath) -> String {
        [
            path.sign.rawValue, String(path.length),
            formatter.nodeIDs(path).map { DisplayText.tsv($0) }.joined(separator: " "),
            formatter.relations(path).map { DisplayText.tsv($0) }.joined(separator: " "),
            formatter.references(path).map { $0.map { DisplayText.tsv($0, also: [","]) }.joined(separator: ",") }
                .joined(separator: " "),
        ].joined(separator: "\t")
    }

    static let tsvHeader = "sign\tlength\tnodes\trelations\trefs"
}

/// One path in JSON output.
struct PathJSON: Encodable {
    var nodes: [String]
    var relations: [String]
    var sign: String
    var length: Int
    /// Reference keys per hop (curated graphs only).
    var refs: [[String]]?
}

/// Counts by sign in JSON output.
struct SignCountsJSON: Encodable {
    var positive: Int
    var negative: Int
    var unknown: Int

    init(_ counts: SignCounts) {
        positive = counts.positive
        negative = counts.negative
        unknown = counts.unknown
    }
}

extension LimitHints {
    /// The command line's words for a search's bounds.
    static let cli = LimitHints(workBudget: "raise --max-work, or lower --max-length", boundOptions: "--max-work, --timeout")
}
