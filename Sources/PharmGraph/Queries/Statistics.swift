/// Counts that summarise a graph: per kind, relation, sign and certainty, plus references and claims.
struct GraphStatistics: Sendable, Codable, Equatable {
    struct Header: Sendable, Codable, Equatable {
        var id: String
        var title: String
        var version: String
    }

    struct References: Sendable, Codable, Equatable {
        var total: Int
        var cited: Int
        /// Keys no edge or claim cites, in file order.
        var unused: [String]
    }

    struct ClaimSummary: Sendable, Codable, Equatable {
        var from: String
        var to: String
        var expect: Verdict
        var `where`: [String: String]
        var via: String?
        var maxLength: Int?

        enum CodingKeys: String, CodingKey {
            case from, to, expect, `where`, via
            case maxLength = "max_length"
        }
    }

    var graph: Header
    var nodes: Int
    var edges: Int
    var nodesByKind: [String: Int]
    var edgesByRelation: [String: Int]
    var edgesBySign: [String: Int]
    var edgesByCertainty: [String: Int]
    var references: References
    var claims: [ClaimSummary]
    /// Ids of nodes with no edges, in file order.
    var isolatedNodes: [String]

    enum CodingKeys: String, CodingKey {
        case graph, nodes, edges, references, claims
        case nodesByKind = "nodes_by_kind"
        case edgesByRelation = "edges_by_relation"
        case edgesBySign = "edges_by_sign"
        case edgesByCertainty = "edges_by_certainty"
        case isolatedNodes = "isolated_nodes"
    }

    /// Counts `graph`. Every relation, sign and certainty appears, with zero when absent.
    init(_ graph: Graph) {
        self.graph = Header(id: graph.id, title: graph.title, version: graph.version)
        nodes = graph.nodes.count
        edges = graph.edges.count
        nodesByKind = Dictionary(grouping: graph.nodes, by: \.kind.rawValue).mapValues(\.count)
        edgesByRelation = Dictionary(uniqueKeysWithValues: Relation.allCases.map { ($0.rawValue, 0) })
        edgesBySign = Dictionary(uniqueKeysWithValues: Sign.allCases.map { ($0.rawValue, 0) })
        edgesByCertainty = Dictionary(uniqueKeysWithValues: Certainty.allCases.map { ($0.rawValue, 0) })
        for edge in graph.edges {
            edgesByRelation[edge.relation.rawValue, default: 0] += 1
            edgesBySign[edge.sign.rawValue, default: 0] += 1
            edgesByCertainty[edge.effectiveCertainty.rawValue, default: 0] += 1
        }
        let cited = Set(graph.edges.flatMap(\.refs) + graph.claims.flatMap(\.refs))
        references = References(
            total: graph.references.count,
            cited: graph.references.count { cited.contains($0.key) },
            unused: graph.references.map(\.key).filter { !cited.contains($0) })
        claims = graph.claims.map {
            ClaimSummary(from: $0.from, to: $0.to, expect: $0.expect, where: $0.context, via: $0.via, maxLength: $0.maxLength)
        }
        let linked = Set(graph.edges.flatMap { [$0.from, $0.to] })
        isolatedNodes = graph.nodes.map(\.id).filter { !linked.contains($0) }
    }

    /// A plain-text report, in a fixed order.
    var text: String {
        var lines: [String] = []
        lines.append("\(graph.title) (\(graph.id) \(graph.version))")
        lines.append("nodes: \(nodes)")
        for (kind, count) in nodesByKind.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            lines.append("  \(kind.padding(toLength: 16, withPad: " ", startingAt: 0)) \(count)")
        }
        lines.append("edges: \(edges)")
        lines.append("  by relation:")
        for relation in Relation.allCases where edgesByRelation[relation.rawValue, default: 0] > 0 {
            lines.append("    \(relation.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(edgesByRelation[relation.rawValue]!)")
        }
        lines.append("  by sign:")
        for sign in Sign.allCases {
            lines.append("    \(sign.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(edgesBySign[sign.rawValue] ?? 0)")
        }
        lines.append("  by certainty:")
        for certainty in Certainty.allCases {
            lines.append(
                "    \(certainty.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(edgesByCertainty[certainty.rawValue] ?? 0)")
        }
        lines.append("references: \(references.total) (\(references.cited) cited)")
        if !references.unused.isEmpty { lines.append("  unused: \(references.unused.joined(separator: ", "))") }
        lines.append("claims: \(claims.count)")
        for claim in claims {
            var line = "  \(claim.from) -> \(claim.to): \(claim.expect.rawValue)"
            if let via = claim.via { line += " via \(via)" }
            if !claim.where.isEmpty {
                line += " where " + claim.where.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            }
            if let maxLength = claim.maxLength { line += " max-length \(maxLength)" }
            lines.append(line)
        }
        lines.append("isolated nodes: \(isolatedNodes.count)")
        for id in isolatedNodes { lines.append("  \(id)") }
        return lines.map { DisplayText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
