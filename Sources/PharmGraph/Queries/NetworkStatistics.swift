/// Counts that summarise an imported network: nodes per kind, edges per label and sign.
struct NetworkStatistics: Sendable, Codable, Equatable {
    /// The input's name and format.
    var network: String
    var format: String
    var nodes: Int
    var edges: Int
    var nodesByKind: [String: Int]
    /// Edges per label as imported (a relation name when the label maps to one).
    var edgesByLabel: [String: Int]
    /// Edges per sign; every sign appears, with zero when absent.
    var edgesBySign: [String: Int]
    /// The number of nodes with no edges.
    var isolatedNodes: Int

    enum CodingKeys: String, CodingKey {
        case network, format, nodes, edges
        case nodesByKind = "nodes_by_kind"
        case edgesByLabel = "edges_by_label"
        case edgesBySign = "edges_by_sign"
        case isolatedNodes = "isolated_nodes"
    }

    /// Counts `network`, read from `name` in `format`.
    init(_ network: Network, name: String, format: String) {
        self.network = name
        self.format = format
        nodes = network.nodeCount
        edges = network.edgeCount
        var kinds = [Int](repeating: 0, count: network.kinds.count)
        for kind in network.nodeKinds { kinds[Int(kind)] += 1 }
        nodesByKind = Dictionary(uniqueKeysWithValues: zip(network.kinds, kinds).filter { $0.1 > 0 })
        var labels = [Int](repeating: 0, count: network.labels.count)
        var linked = [Bool](repeating: false, count: network.nodeCount)
        for e in 0..<network.edgeCount {
            labels[Int(network.edgeLabels[e])] += 1
            linked[Int(network.edgeSources[e])] = true
            linked[Int(network.edgeTargets[e])] = true
        }
        edgesByLabel = [:]
        edgesBySign = Dictionary(uniqueKeysWithValues: Sign.allCases.map { ($0.rawValue, 0) })
        for (label, count) in zip(network.labels, labels) where count > 0 {
            edgesByLabel[label.name, default: 0] += count
            edgesBySign[label.sign.rawValue, default: 0] += count
        }
        isolatedNodes = linked.count { !$0 }
    }

    /// A plain-text report, in a fixed order (largest counts first, then by name).
    var text: String {
        let byCount = { (a: (key: String, value: Int), b: (key: String, value: Int)) in (b.value, a.key) < (a.value, b.key) }
        let row = { (name: String, count: Int, indent: String) in
            "\(indent)\(name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(count)"
        }
        var lines = ["\(network) (network, \(format))", "nodes: \(nodes)"]
        lines += nodesByKind.sorted(by: byCount).map { row($0.key, $0.value, "  ") }
        lines.append("edges: \(edges)")
        lines.append("  by label:")
        lines += edgesByLabel.sorted(by: byCount).map { row($0.key, $0.value, "    ") }
        lines.append("  by sign:")
        lines += Sign.allCases.map { row($0.rawValue, edgesBySign[$0.rawValue] ?? 0, "    ") }
        lines.append("isolated nodes: \(isolatedNodes)")
        return lines.map { DisplayText.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
