import Foundation

/// One clamp in JSON output: `node` (id) and `sign` (`positive`, `negative`).
struct InterventionJSON: Encodable, Sendable, Equatable {
    var node: String
    var sign: String

    init(_ intervention: Intervention, network: Network) {
        node = network.nodeIDs[intervention.node]
        sign = intervention.sign.rawValue
    }
}

extension Intervention {
    /// `interventions: do(nmdar = -), do(bdnf = +): edges into them cut; their paths count with the clamp's sign`.
    static func line(_ interventions: [Intervention], network: Network) -> String? {
        guard !interventions.isEmpty else { return nil }
        let terms = interventions.map { "do(\(DisplayText.escaped(network.nodeIDs[$0.node])) = \($0.sign.symbol))" }
        return "interventions: " + terms.joined(separator: ", ") + ": edges into them cut; their paths count with the clamp's sign"
    }
}

/// A feedback finding in JSON output.
struct FeedbackJSON: Encodable, Sendable, Equatable {
    /// `kept`, `other_sign`, `too_large`, `stopped`.
    var outcome: String
    var abstains: Bool
    /// The verdict of the search up to the length limit.
    var limitedVerdict: String
    var loops: [Loop]
    var region: Int
    /// The longest path the exhaustive count allowed (kept, other_sign).
    var maxLength: Int?
    var bySign: SignCountsJSON?
    /// The shortest path of the other sign (other_sign).
    var path: PathJSON?
    var text: String

    enum CodingKeys: String, CodingKey {
        case outcome, abstains, loops, region, path, text
        case limitedVerdict = "limited_verdict"
        case maxLength = "max_length"
        case bySign = "by_sign"
    }

    /// One unbalanced loop: its size and its first `listed` node ids, in id order.
    struct Loop: Encodable, Sendable, Equatable {
        var size: Int
        var nodes: [String]
    }

    /// At most this many ids of a loop are listed (a loop of a large network can hold most of its nodes).
    static let listed = 100

    init(_ feedback: Feedback, network: Network) {
        outcome = feedback.word
        abstains = feedback.abstains
        limitedVerdict = feedback.verdict.rawValue
        loops = feedback.loops.map { Loop(size: $0.count, nodes: $0.prefix(Self.listed).map { network.nodeIDs[$0] }) }
        region = feedback.region
        switch feedback.outcome {
        case let .kept(counts, maxLength):
            self.maxLength = maxLength
            bySign = counts.map(SignCountsJSON.init)
        case let .otherSign(counts, maxLength, path):
            self.maxLength = maxLength
            bySign = SignCountsJSON(counts)
            self.path = path.map { PathJSON($0, network: network) }
        case .tooLarge, .stopped: break
        }
        text = feedback.description(network: network)
    }
}

/// The answer of `effects --contrast`: the targets whose verdict changes between the values of a context key.
public struct ContrastReport: Sendable {
    static let schema = "pharmgraph-contrast/1"

    let network: Network
    public let contrast: Contrast
    let sources: [NodeIndex]
    let interventions: [Intervention]
    let maxLength: Int
    public let provenance: Provenance

    public init(
        network: Network, contrast: Contrast, query: PathQuery, provenance: Provenance
    ) {
        self.network = network
        self.contrast = contrast
        sources = query.sources
        interventions = query.interventions
        maxLength = query.maxLength
        self.provenance = provenance
    }

    /// A table of the changed targets (a verdict per value), each with the path that decides it under each value
    /// reached, then how many keep their verdict.
    public func text(hints: LimitHints = .library) -> String {
        let formatter = PathFormatter(network: network)
        let ids = contrast.changed.map { DisplayText.escaped(network.nodeIDs[$0]) }
        let values = contrast.values.map { DisplayText.escaped($0) }
        let width = max("effect".count, ids.map(\.count).max() ?? 0)
        // Each cell: the tiered verdict and, where one decides it, its certainty (`negative, probable`).
        let cells = contrast.changed.map { target in contrast.runs.map { Self.cell($0, target) } }
        let columns = values.indices.map { i in max(values[i].count, Finding.undetermined.rawValue.count, cells.map { $0[i].count }.max() ?? 0) }
        func pad(_ text: String, _ n: Int) -> String { text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0) }
        let key = DisplayText.escaped(contrast.key)
        var lines: [String] = []
        if let line = Intervention.line(interventions, network: network) { lines.append(line) }
        if contrast.changed.isEmpty {
            lines.append("no verdict changes between \(key)=" + values.joined(separator: ", "))
        } else {
            lines.append(Self.trimmed(pad("effect", width) + "  " + zip(values, columns).map { pad($0, $1) }.joined(separator: "  ")))
            for ((target, id), row) in zip(zip(contrast.changed, ids), cells) {
                let verdicts = zip(row, columns).map { pad($0, $1) }
                lines.append(Self.trimmed(pad(id, width) + "  " + verdicts.joined(separator: "  ")))
                for (run, value) in zip(contrast.runs, values) {
                    guard let report = run.report(target) else { continue }
                    lines.append("  \(key)=\(value): " + formatter.describe(report.deciding))
                    if let feedback = report.assessment?.feedback {
                        lines.append("    " + feedback.description(network: network))
                    }
                }
            }
        }
        let kept = contrast.unchanged
        lines.append(
            "\(Plural.count(kept, "effect")) \(kept == 1 ? "keeps its" : "keep their") verdict under every value of \(key) ("
                + values.joined(separator: ", ") + ")")
        if contrast.runs.contains(where: \.partial) {
            lines.append(
                "partial: a search stopped at its work budget or timeout (\(hints.boundOptions)); " + LimitHints.lowerBoundNote)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell: the verdict of `target` under `run`, with its certainty when a signed path decides it.
    static func cell(_ run: Contrast.Run, _ target: NodeIndex) -> String {
        let finding = run.finding(target).rawValue
        guard case .verdict = run.finding(target), let certainty = run.report(target)?.assessment?.certainty else { return finding }
        return finding + ", " + certainty.rawValue
    }

    /// `line` without its trailing spaces.
    static func trimmed(_ line: String) -> String { String(line.reversed().drop { $0 == " " }.reversed()) }

    /// One context's answer for a target in JSON.
    struct ContextJSON: Encodable, Sendable, Equatable {
        var value: String
        var verdict: String
        /// The verdict's certainty (null when no signed path decides it, or the search stopped early).
        var certainty: JSONNullable
        var total: Int
        var bySign: SignCountsJSON
        /// The path that decides it (headline, else shortest); absent when not reached.
        var path: PathJSON?
        var feedback: FeedbackJSON?

        enum CodingKeys: String, CodingKey {
            case value, verdict, certainty, total, path, feedback
            case bySign = "by_sign"
        }
    }

    struct TargetJSON: Encodable, Sendable, Equatable {
        var id: String
        var label: String
        var kind: String
        var contexts: [ContextJSON]
    }

    struct JSON: Encodable, Sendable, Equatable {
        var schemaVersion = ContrastReport.schema
        var provenance: Provenance
        var from: [String]
        var interventions: [InterventionJSON]?
        var key: String
        var values: [String]
        var maxLength: Int
        var partial: Bool
        var changed: [TargetJSON]
        var unchanged: Int

        enum CodingKeys: String, CodingKey {
            case provenance, from, interventions, key, values, partial, changed, unchanged
            case schemaVersion = "schema_version"
            case maxLength = "max_length"
        }
    }

    var json: JSON {
        let changed = contrast.changed.map { target in
            let node = network.node(target)
            let contexts = contrast.runs.map { run in
                let report = run.report(target)
                let counts = report?.counts ?? SignCounts()
                return ContextJSON(
                    value: run.value, verdict: run.finding(target).rawValue,
                    certainty: JSONNullable(run.partial ? nil : report?.assessment?.certainty?.rawValue), total: counts.total, bySign: SignCountsJSON(counts),
                    path: report.map { PathJSON($0.deciding, network: network) },
                    feedback: report?.assessment?.feedback.map { FeedbackJSON($0, network: network) })
            }
            return TargetJSON(id: node.id, label: node.label, kind: node.kind, contexts: contexts)
        }
        return JSON(
            provenance: provenance, from: sources.map { network.nodeIDs[$0] },
            interventions: interventions.isEmpty ? nil : interventions.map { InterventionJSON($0, network: network) },
            key: contrast.key, values: contrast.values, maxLength: maxLength, partial: contrast.runs.contains(where: \.partial),
            changed: changed, unchanged: contrast.unchanged)
    }

    /// The `pharmgraph-contrast/1` JSON document (docs/queries.md).
    public func jsonText() throws(EncodingError) -> String { try ReportJSON.encode(json) }
}
