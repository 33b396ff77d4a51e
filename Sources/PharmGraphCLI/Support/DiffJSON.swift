import Foundation
import PharmGraph

/// A JSON value, for the diff report whose fields hold values of several types.
enum JSONValue: Encodable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .int(number): try container.encode(number)
        case let .bool(flag): try container.encode(flag)
        case .null: try container.encodeNil()
        case let .array(items): try container.encode(items)
        case let .object(fields): try container.encode(fields)
        }
    }

    init(_ strings: [String]) { self = .array(strings.map(JSONValue.string)) }
    init(_ map: [String: String]) { self = .object(map.mapValues(JSONValue.string)) }
    init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
}

/// The `--format json` report of `pharmgraph diff`; the schema is in docs/diff.md.
struct DiffJSON {
    static let schema = "pharmgraph-diff/1"

    let report: DiffReport

    func encode() throws -> String {
        var root: [String: JSONValue] = [
            "schema": .string(Self.schema),
            "old": side(report.old, report.oldContent),
            "new": side(report.new, report.newContent),
            "differences": .bool(report.hasDifferences),
            "summary": summary(),
            "verdicts": report.verdicts.map(verdicts) ?? .null,
        ]
        switch report.changes {
        case let .graph(diff):
            root["mode"] = .string("graph")
            root["header"] = .array(diff.header.map(Self.change))
            root["nodes"] = .object([
                "added": .array(diff.nodesAdded.map(Self.node)),
                "removed": .array(diff.nodesRemoved.map(Self.node)),
                "renamed": .array(diff.nodesRenamed.map(Self.rename)),
                "changed": .array(
                    diff.nodesChanged.map { .object(["id": .string($0.new.id), "changes": .array($0.changes.map(Self.change))]) }),
            ])
            root["edges"] = .object([
                "added": .array(diff.edgesAdded.map(Self.edge)),
                "removed": .array(diff.edgesRemoved.map(Self.edge)),
                "changed": .array(diff.edgesChanged.map(Self.edgeChange)),
            ])
            root["references"] = .object([
                "added": .array(diff.referencesAdded.map(Self.reference)),
                "removed": .array(diff.referencesRemoved.map(Self.reference)),
                "changed": .array(
                    diff.referencesChanged.map { .object(["key": .string($0.new.key), "changes": .array($0.changes.map(Self.change))]) }),
            ])
            root["claims"] = .object([
                "added": .array(diff.claimsAdded.map(Self.claim)),
                "removed": .array(diff.claimsRemoved.map(Self.claim)),
                "changed": .array(
                    diff.claimsChanged.map {
                        .object(["old": Self.claim($0.old), "new": Self.claim($0.new), "changes": .array($0.changes.map(Self.change))])
                    }),
            ])
        case let .network(diff):
            root["mode"] = .string("network")
            root["header"] = .null
            root["references"] = .null
            root["claims"] = .null
            root["nodes"] = .object([
                "added": .array(diff.nodesAdded.map { Self.networkNode(diff.new, $0) }),
                "removed": .array(diff.nodesRemoved.map { Self.networkNode(diff.old, $0) }),
                "renamed": .array([]),
                "changed": .array(diff.nodesChanged.map { pair in
                    var changes: [JSONValue] = []
                    let (old, new) = (diff.old.node(pair.old), diff.new.node(pair.new))
                    if old.label != new.label {
                        changes.append(Self.change("name", .string(old.label), .string(new.label)))
                    }
                    if old.kind != new.kind {
                        changes.append(Self.change("kind", .string(old.kind), .string(new.kind)))
                    }
                    return .object(["id": .string(new.id), "changes": .array(changes)])
                }),
            ])
            root["edges"] = .object([
                "added": .array(diff.edgesAdded.map { Self.networkEdge(diff.new, $0) }),
                "removed": .array(diff.edgesRemoved.map { Self.networkEdge(diff.old, $0) }),
                "changed": .array([]),
            ])
        }
        return try JSONOutput.encode(JSONValue.object(root))
    }

    private func side(_ input: DiffInput, _ content: DiffInput.Content) -> JSONValue {
        var fields: [String: JSONValue] = ["path": .string(input.name)]
        switch content {
        case let .graph(graph):
            fields["type"] = .string("graph")
            fields["id"] = .string(graph.id)
            fields["version"] = .string(graph.version)
            fields["nodes"] = .int(graph.nodes.count)
            fields["edges"] = .int(graph.edges.count)
        case let .network(network):
            fields["type"] = .string("network")
            fields["nodes"] = .int(network.nodeCount)
            fields["edges"] = .int(network.edgeCount)
        }
        return .object(fields)
    }

    private func summary() -> JSONValue {
        let counts = report.counts
        var fields: [String: JSONValue] = [
            "nodes": .object([
                "added": .int(counts.nodesAdded), "removed": .int(counts.nodesRemoved),
                "changed": .int(counts.nodesChanged), "renamed": .int(counts.nodesRenamed),
            ]),
            "edges": .object([
                "added": .int(counts.edgesAdded), "removed": .int(counts.edgesRemoved),
                "changed": .int(counts.edgesChanged), "sign_flips": .int(counts.signFlips),
            ]),
            "header": .int(counts.headerFields),
            "references": .object([
                "added": .int(counts.referencesAdded), "removed": .int(counts.referencesRemoved),
                "changed": .int(counts.referencesChanged),
            ]),
            "claims": .object([
                "added": .int(counts.claimsAdded), "removed": .int(counts.claimsRemoved),
                "changed": .int(counts.claimsChanged),
            ]),
            "verdicts": .null,
        ]
        if let verdicts = report.verdicts {
            fields["verdicts"] = .object([
                "newly_reachable": .int(verdicts.newlyReachable.count),
                "no_longer_reachable": .int(verdicts.noLongerReachable.count),
                "changed": .int(verdicts.changed.count), "claim_outcomes": .int(verdicts.claimOutcomes.count),
                "undetermined": .int(verdicts.undetermined.count),
            ])
        }
        return .object(fields)
    }

    private func verdicts(_ diff: VerdictDiff) -> JSONValue {
        .object([
            "max_length": .int(diff.maxLength),
            "where": JSONValue(report.filter.required),
            "pairs_compared": .int(diff.pairsCompared),
            "partial": .bool(diff.partial),
            "newly_reachable": .array(diff.newlyReachable.map(Self.pair)),
            "no_longer_reachable": .array(diff.noLongerReachable.map(Self.pair)),
            "changed": .array(diff.changed.map(Self.pair)),
            "undetermined": .array(diff.undetermined.map(Self.pair)),
            "claims": .array(
                diff.claimOutcomes.map { outcome in
                    .object([
                        "claim": Self.claim(outcome.new),
                        "old": .object([
                            "expect": .string(outcome.old.expect.rawValue), "verdict": .string(outcome.oldVerdict.rawValue),
                            "holds": .bool(outcome.oldHolds),
                        ]),
                        "new": .object([
                            "expect": .string(outcome.new.expect.rawValue), "verdict": .string(outcome.newVerdict.rawValue),
                            "holds": .bool(outcome.newHolds),
                        ]),
                    ])
                }),
        ])
    }

    // MARK: Items

    static func value(_ value: DiffValue) -> JSONValue {
        switch value {
        case .absent: .null
        case let .text(text): .string(text)
        case let .flag(flag): .bool(flag)
        case let .list(items): JSONValue(items)
        case let .map(entries): JSONValue(entries)
        }
    }

    static func change(_ change: FieldChange) -> JSONValue {
        var fields: [String: JSONValue] = [
            "field": .string(change.field), "old": value(change.old), "new": value(change.new),
        ]
        if change.old.isList || change.new.isList {
            fields["added"] = JSONValue(change.addedItems)
            fields["removed"] = JSONValue(change.removedItems)
        }
        return .object(fields)
    }

    static func change(_ field: String, _ old: JSONValue, _ new: JSONValue) -> JSONValue {
        .object(["field": .string(field), "old": old, "new": new])
    }

    static func node(_ node: Node) -> JSONValue {
        var fields: [String: JSONValue] = ["id": .string(node.id), "kind": .string(node.kind.rawValue)]
        if let label = node.label { fields["label"] = .string(label) }
        if !node.synonyms.isEmpty { fields["synonyms"] = JSONValue(node.synonyms) }
        if !node.xrefs.isEmpty { fields["xrefs"] = JSONValue(node.xrefs) }
        if let system = node.system { fields["system"] = .string(system) }
        if let description = node.description { fields["description"] = .string(description) }
        if let role = node.role { fields["role"] = .string(role.rawValue) }
        if let valence = node.valence { fields["valence"] = .string(valence.rawValue) }
        return .object(fields)
    }

    static func rename(_ change: NodeChange) -> JSONValue {
        let evidence: JSONValue =
            switch change.rename {
            case let .label(label)?: .object(["by": .string("label"), "label": .string(label)])
            case let .xref(namespace, identifier)?:
                .object(["by": .string("xref"), "namespace": .string(namespace), "identifier": .string(identifier)])
            case nil: .null
            }
        return .object([
            "old_id": .string(change.old.id), "new_id": .string(change.new.id), "evidence": evidence,
            "changes": .array(change.changes.map(Self.change)),
        ])
    }

    static func edge(_ edge: Edge) -> JSONValue {
        var fields: [String: JSONValue] = [
            "from": .string(edge.from), "relation": .string(edge.relation.rawValue), "to": .string(edge.to),
            "sign": .string(edge.sign.rawValue), "refs": JSONValue(edge.refs),
        ]
        if let action = edge.action { fields["action"] = .string(action.rawValue) }
        if let evidence = edge.evidence { fields["evidence"] = .string(evidence) }
        if let direct = edge.direct { fields["direct"] = .bool(direct) }
        if let certainty = edge.certainty { fields["certainty"] = .string(certainty.rawValue) }
        if !edge.context.isEmpty { fields["context"] = JSONValue(edge.context) }
        if let strength = edge.strength { fields["strength"] = .string(strength.rawValue) }
        if let note = edge.note { fields["note"] = .string(note) }
        return .object(fields)
    }

    static func edgeChange(_ change: EdgeChange) -> JSONValue {
        .object([
            "from": .string(change.new.from), "to": .string(change.new.to), "sign_flip": .bool(change.isSignFlip),
            "old": edge(change.old), "new": edge(change.new), "changes": .array(change.changes.map(Self.change)),
        ])
    }

    static func reference(_ reference: Reference) -> JSONValue {
        var fields: [String: JSONValue] = ["key": .string(reference.key), "citation": .string(reference.citation)]
        if let doi = reference.doi { fields["doi"] = .string(doi) }
        if let pmid = reference.pmid { fields["pmid"] = .string(pmid) }
        if let url = reference.url { fields["url"] = .string(url) }
        return .object(fields)
    }

    static func claim(_ claim: Claim) -> JSONValue {
        var fields: [String: JSONValue] = [
            "from": .string(claim.from), "to": .string(claim.to), "expect": .string(claim.expect.rawValue),
            "where": JSONValue(claim.context), "refs": JSONValue(claim.refs),
        ]
        if let via = claim.via { fields["via"] = .string(via) }
        if let maxLength = claim.maxLength { fields["max_length"] = .int(maxLength) }
        if let note = claim.note { fields["note"] = .string(note) }
        return .object(fields)
    }

    static func networkNode(_ network: Network, _ n: NodeIndex) -> JSONValue {
        let node = network.node(n)
        return .object(["id": .string(node.id), "name": .string(node.label), "kind": .string(node.kind)])
    }

    static func networkEdge(_ network: Network, _ e: EdgeIndex) -> JSONValue {
        let edge = network.edge(e)
        return .object([
            "from": .string(network.node(edge.from).id), "label": .string(edge.label.name),
            "to": .string(network.node(edge.to).id),
        ])
    }

    static func pair(_ pair: VerdictDiff.Pair) -> JSONValue {
        func counts(_ counts: SignCounts, _ finding: Finding) -> JSONValue {
            .object([
                "verdict": .string(finding.rawValue), "positive": .int(counts.positive),
                "negative": .int(counts.negative), "unknown": .int(counts.unknown),
            ])
        }
        func path(_ path: DiffPath) -> JSONValue {
            .object(["nodes": JSONValue(path.nodes), "relations": JSONValue(path.relations), "sign": .string(path.sign.rawValue)])
        }
        return .object([
            "source": .string(pair.source), "target": .string(pair.target), "old": counts(pair.old, pair.oldFinding), "new": counts(pair.new, pair.newFinding),
            "gained": .array(pair.gained.map(path)), "lost": .array(pair.lost.map(path)),
            "gained_count": .int(pair.gainedCount), "lost_count": .int(pair.lostCount), "partial": .bool(pair.partial),
        ])
    }
}

extension DiffValue {
    fileprivate var isList: Bool {
        if case .list = self { return true }
        return false
    }
}
