extension DiagramBuilder {
    /// The title, the version and the captions, one per line.
    func titleText() -> [String] {
        [graph.title] + (graph.version.isEmpty ? [] : ["version \(graph.version)"]) + selection.captions
    }

    /// The listed paths, one left-justified line each (`\l`), after a key to the arrows.
    func titleSuffix() -> [String] {
        guard !selection.paths.isEmpty else { return [] }
        var lines = ["→ increases, ⊣ decreases, ⇢ unknown sign, ⋯ no causal sign"]
        for (i, path) in selection.paths.enumerated() {
            lines.append("\(i + 1). net \(path.sign.symbol) \(path.sign.rawValue): \(pathText(path))")
        }
        return lines
    }

    /// `Ketamine ⊣ NMDA receptor → Analgesia`.
    func pathText(_ path: DiagramSelection.Path) -> String {
        let edges = path.edges.filter(graph.edges.indices.contains).map { graph.edges[$0] }
        guard let first = edges.first else { return "" }
        var text = label(of: first.from)
        for edge in edges {
            let arrow =
                switch edge.sign {
                case .positive: "→"
                case .negative: "⊣"
                case .unknown: "⇢"
                case .none: "⋯"
                }
            text += " \(arrow) \(label(of: edge.to))"
        }
        return text
    }

    func label(of id: String) -> String { graph.node(id)?.displayLabel ?? id }

    /// For each edge, the 1-based numbers of the listed paths through it.
    func pathNumbersByEdge() -> [Int: [Int]] {
        var numbers: [Int: [Int]] = [:]
        for (i, path) in selection.paths.enumerated() {
            for e in Set(path.edges) { numbers[e, default: []].append(i + 1) }
        }
        return numbers
    }
}
