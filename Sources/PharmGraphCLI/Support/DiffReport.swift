import PharmGraph

/// Everything `pharmgraph diff` found, ready to be written as text, JSON, TSV or a diagram.
struct DiffReport {
    enum Changes {
        /// Two curated graphs: the semantic diff.
        case graph(GraphDiff)
        /// Any other pair: nodes and (source, label, target) edges as sets.
        case network(NetworkDiff)
    }

    let old: DiffInput
    let new: DiffInput
    let oldContent: DiffInput.Content
    let newContent: DiffInput.Content
    let changes: Changes
    /// `nil` when verdicts were not compared.
    let verdicts: VerdictDiff?
    /// The context filter the verdicts were computed under.
    let filter: ContextFilter

    /// Counts for the summary line and the JSON summary.
    struct Counts {
        var headerFields = 0
        var nodesAdded = 0, nodesRemoved = 0, nodesChanged = 0, nodesRenamed = 0
        var edgesAdded = 0, edgesRemoved = 0, edgesChanged = 0, signFlips = 0
        var referencesAdded = 0, referencesRemoved = 0, referencesChanged = 0
        var claimsAdded = 0, claimsRemoved = 0, claimsChanged = 0
    }

    var counts: Counts {
        var counts = Counts()
        switch changes {
        case let .graph(diff):
            counts.headerFields = diff.header.count
            counts.nodesAdded = diff.nodesAdded.count
            counts.nodesRemoved = diff.nodesRemoved.count
            counts.nodesChanged = diff.nodesChanged.count
            counts.nodesRenamed = diff.nodesRenamed.count
            counts.edgesAdded = diff.edgesAdded.count
            counts.edgesRemoved = diff.edgesRemoved.count
            counts.edgesChanged = diff.edgesChanged.count
            counts.signFlips = diff.signFlips.count
            counts.referencesAdded = diff.referencesAdded.count
            counts.referencesRemoved = diff.referencesRemoved.count
            counts.referencesChanged = diff.referencesChanged.count
            counts.claimsAdded = diff.claimsAdded.count
            counts.claimsRemoved = diff.claimsRemoved.count
            counts.claimsChanged = diff.claimsChanged.count
        case let .network(diff):
            counts.nodesAdded = diff.nodesAdded.count
            counts.nodesRemoved = diff.nodesRemoved.count
            counts.nodesChanged = diff.nodesChanged.count
            counts.edgesAdded = diff.edgesAdded.count
            counts.edgesRemoved = diff.edgesRemoved.count
        }
        return counts
    }

    var hasDifferences: Bool {
        let structural =
            switch changes {
            case let .graph(diff): !diff.isEmpty
            case let .network(diff): !diff.isEmpty
            }
        return structural || !(verdicts?.isEmpty ?? true)
    }

    /// `nodes: 1 added, 2 changed; edges: 3 changed (1 sign flip); verdicts: 1 changed`, or `no differences`.
    var summaryLine: String {
        let c = counts
        func group(_ name: String, _ parts: [(Int, String)], note: String = "") -> String? {
            let shown = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            return shown.isEmpty ? nil : "\(name): " + shown.joined(separator: ", ") + note
        }
        var groups: [String?] = [
            c.headerFields > 0 ? "header: \(Console.count(c.headerFields, "field")) changed" : nil,
            group("nodes", [(c.nodesAdded, "added"), (c.nodesRemoved, "removed"), (c.nodesChanged, "changed"), (c.nodesRenamed, "renamed")]),
            group(
                "edges", [(c.edgesAdded, "added"), (c.edgesRemoved, "removed"), (c.edgesChanged, "changed")],
                note: c.signFlips > 0 ? " (\(Console.count(c.signFlips, "sign flip")))" : ""),
            group("references", [(c.referencesAdded, "added"), (c.referencesRemoved, "removed"), (c.referencesChanged, "changed")]),
            group("claims", [(c.claimsAdded, "added"), (c.claimsRemoved, "removed"), (c.claimsChanged, "changed")]),
        ]
        if let v = verdicts {
            let changedOutcomes = v.claimOutcomes.filter { $0.oldVerdict != .undetermined && $0.newVerdict != .undetermined }.count
            groups.append(
                group(
                    "verdicts",
                    [
                        (v.changed.count, "changed"), (v.newlyReachable.count, "newly reachable"),
                        (v.noLongerReachable.count, "no longer reachable"),
                        (v.undetermined.count, "undetermined"),
                        (changedOutcomes, changedOutcomes == 1 ? "claim outcome changed" : "claim outcomes changed"),
                        (
                            v.claimOutcomes.count - changedOutcomes,
                            v.claimOutcomes.count - changedOutcomes == 1 ? "claim outcome undetermined" : "claim outcomes undetermined"
                        ),
                    ]))
        }
        let parts = groups.compactMap { $0 }
        return parts.isEmpty ? "no differences" : parts.joined(separator: "; ")
    }
}
