extension DiagramBuilder {
    // MARK: Legend

    /// The legend cluster: one sample per node kind, relation and certainty drawn.
    func legend(nodes: [Node], edges: [Edge]) -> DOTSubgraph {
        let prefix = DiagramFrame.legendPrefix(avoiding: graph.nodes.lazy.map(\.id))
        var looks: [(label: String, look: DOTStyle.NodeLook)] = []
        var seenKinds = Set<NodeKind>()
        for kind in NodeKind.wellKnown.map(\.kind) + nodes.map(\.kind).filter({ !$0.isWellKnown }).sorted()
        where nodes.contains(where: { $0.kind == kind }) && seenKinds.insert(kind).inserted {
            if kind == .effect {
                let valences = Valence.allCases.filter { v in nodes.contains { $0.kind == .effect && $0.valence == v } }
                for valence in valences {
                    looks.append(("effect (\(valence.rawValue))", DOTStyle.node(kind: kind, valence: valence)))
                }
            } else {
                looks.append((kind.rawValue, DOTStyle.node(kind: kind, valence: nil)))
            }
        }
        let relations = Relation.allCases.filter { r in edges.contains { $0.relation == r } }
        let certainties = Certainty.allCases.filter { c in edges.contains { $0.effectiveCertainty == c } }

        var statements: [DOTStatement] = []
        for (i, entry) in looks.enumerated() {
            statements.append(
                .node(
                    .literal("\(prefix)kind:\(i)"),
                    [.text("label", entry.label), .literal("class", "legend-kind")] + entry.look.attributes
                        + [.tooltip("node kind: \(entry.label)")]))
        }
        for relation in relations {
            let sign = relation.isStructural ? "structural" : "sign \(relation.sign.symbol)"
            statements += sample(
                prefix: prefix, key: "relation:\(relation.rawValue)", name: relation.name, detail: sign,
                className: "legend-relation", glyph: DOTStyle.edge(relation, certainty: .established))
        }
        if certainties != [.established] {
            for certainty in certainties {
                statements += sample(
                    prefix: prefix, key: "certainty:\(certainty.rawValue)", name: certainty.rawValue,
                    detail: "certainty", className: "legend-certainty", glyph: DOTStyle.certaintySample(certainty))
            }
        }
        if let line = pathColourLegend(prefix: prefix) { statements.append(line) }
        return DiagramFrame.legend(label: "Legend", tooltip: "Legend", statements: statements)
    }

    /// A point, a sample edge in `glyph`, and the name it stands for with a grey detail.
    func sample(
        prefix: String, key: String, name: String, detail: String, className: String, glyph: [DOTAttribute]
    ) -> [DOTStatement] {
        let start = DOTValue.literal("\(prefix)\(key):start")
        let label = DOTValue.literal("\(prefix)\(key)")
        let markup = DOTValue.html(escaping: name) + " <font color=\"#666666\">(" + DOTValue.html(escaping: detail) + ")</font>"
        return [
            .node(start, [.literal("shape", "point"), .literal("width", "0.05"), .literal("color", DOTStyle.Palette.ink)]),
            .node(
                label,
                [
                    DOTAttribute("label", .html(markup: markup)), .literal("class", className),
                    .literal("shape", "plaintext"), .literal("style", "solid"), .literal("margin", "0.02,0"),
                    .literal("fontsize", "10"), .tooltip("\(name) (\(detail))"),
                ]),
            .edge(start, label, [.literal("class", className), .literal("weight", "100")] + glyph + [.tooltip(name)]),
        ]
    }
}
