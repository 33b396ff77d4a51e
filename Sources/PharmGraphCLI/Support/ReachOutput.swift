import ArgumentParser
import PharmGraph

/// Shared by `effects` and `causes`: one row per node reached, with its verdict.
struct ReachOutput {
    let network: Network

    struct Row: Encodable {
        var id: String
        var label: String
        var kind: String
        var verdict: String
        var total: Int
        var bySign: SignCountsJSON
        var shortest: PathJSON

        enum CodingKeys: String, CodingKey {
            case id, label, kind, verdict, total, shortest
            case bySign = "by_sign"
        }
    }

    /// `partial`: the search stopped early, so every verdict is undetermined.
    func rows(_ reports: [TargetReport], partial: Bool = false) -> [Row] {
        let output = PathOutput(network: network)
        return reports.map { report in
            let node = network.node(report.target)
            return Row(
                id: node.id, label: node.label, kind: node.kind,
                verdict: Finding(report.counts, partial: partial).rawValue, total: report.counts.total, bySign: SignCountsJSON(report.counts),
                shortest: output.json(report.shortest))
        }
    }

    /// An aligned table: node, verdict, counts, shortest path.
    func table(_ reports: [TargetReport], heading: String, partial: Bool = false) -> String {
        let formatter = PathFormatter(network: network)
        let ids = reports.map { DisplayText.escaped(network.node($0.target).id) }
        let width = max(heading.count, ids.map(\.count).max() ?? 0)
        func pad(_ text: String, _ n: Int) -> String { text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0) }
        let verdictWidth = partial ? Finding.undetermined.rawValue.count : 8
        var lines = [pad(heading, width) + "  " + pad("verdict", verdictWidth) + "    +     -     ?  shortest path"]
        for (report, id) in zip(reports, ids) {
            let c = report.counts
            let counts = [c.positive, c.negative, c.unknown].map { String($0).leftPadded(5) }.joined(separator: " ")
            let finding = Finding(c, partial: partial).rawValue
            lines.append("\(pad(id, width))  \(pad(finding, verdictWidth)) \(counts)  \(formatter.describe(report.shortest))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text of `effects` and `causes`: the table, and for a partial search what it means.
    func text(_ reports: [TargetReport], heading: String, partial: Bool) -> String {
        var out = table(reports, heading: heading, partial: partial)
        if partial {
            out += "partial: the search stopped at its work budget or timeout (--max-work, --timeout); "
            out += SearchLimitOptions.lowerBoundNote + "; nodes not listed may still be reached\n"
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

/// Text or JSON, for `effects` and `causes`.
enum ReachFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
