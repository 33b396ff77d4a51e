/// Writes a graph as a Mermaid flowchart for Markdown (docs/formats.md, "Mermaid").
///
/// Nodes are `n1`, `n2`, … (Mermaid reserves words such as `end`), declared with their label and a
/// shape by kind; edges carry their relation as label. Mermaid has no T-bar: inhibition and
/// downregulation are drawn with the cross end (`--x`) and labelled. Hypothesized edges are dotted.
/// Colours by sign come from `linkStyle`, fills by kind from `classDef`.
enum MermaidWriter {
    /// The Mermaid text of `graph`.
    static func write(_ graph: Graph) -> String {
        var lines = ["flowchart LR"]
        if !graph.title.isEmpty { lines.insert("---\ntitle: \(escapedTitle(graph.title))\n---", at: 0) }
        var ids: [String: String] = [:]
        for (index, node) in graph.nodes.enumerated() {
            let id = "n\(index + 1)"
            ids[node.id] = id
            let (open, close) = brackets(node.kind)
            lines.append("    \(id)\(open)\"\(escaped(node.displayLabel))\"\(close)")
        }
        var linkStyles: [String] = []
        for edge in graph.edges {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            var label = edge.relation.rawValue.replacingOccurrences(of: "_", with: " ")
            if edge.certainty == .hypothesized || edge.certainty == .probable { label += " (\(edge.certainty!.rawValue))" }
            if !edge.context.isEmpty {
                label += " [" + edge.context.keys.sorted().map { "\($0)=\(edge.context[$0]!)" }.joined(separator: ", ") + "]"
            }
            lines.append("    \(from) \(link(edge.relation, dotted: edge.certainty == .hypothesized))|\"\(escaped(label))\"| \(to)")
            linkStyles.append(
                "    linkStyle \(linkStyles.count) stroke:\(edge.relation.isStructural ? DOTStyle.Palette.structural : DOTStyle.colour(for: edge.sign)),stroke-width:\(edge.effectiveCertainty == .established ? 2 : 1)px"
            )
        }
        lines += linkStyles
        var used: [String] = []
        for (index, node) in graph.nodes.enumerated() {
            let name = className(node)
            if !used.contains(name) {
                used.append(name)
                let look = DOTStyle.node(kind: node.kind, valence: node.valence)
                lines.append("    classDef \(name) fill:\(look.fill),stroke:\(DOTStyle.Palette.ink)")
            }
            lines.append("    class n\(index + 1) \(name)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The link between two nodes for a relation: an arrow, a cross end for inhibition, a circle for an
    /// unknown sign, no head for a relation without one; dotted when hypothesized.
    static func link(_ relation: Relation, dotted: Bool) -> String {
        let head: String
        switch relation {
        case .activates, .upregulates, .hasMetabolite, .hasComponent, .indication: head = ">"
        case .inhibits, .downregulates: head = "x"
        case .modulates, .noEffect: head = "o"
        case .binds, .comparedWith: head = "-"
        }
        if dotted { return head == "-" ? "-.-" : "-.-" + head }
        return head == "-" ? "---" : "--" + head
    }

    /// Mermaid's brackets for a node of `kind`.
    static func brackets(_ kind: NodeKind) -> (String, String) {
        switch kind {
        case .drug: ("[[", "]]")
        case .receptor, .channel, .transporter, .enzyme, .protein: ("(", ")")
        case .molecule: ("([", "])")
        case .pathway: (">", "]")
        case .effect: ("{{", "}}")
        case .condition: ("[/", "/]")
        case .region: ("[(", ")]")
        default: ("[", "]")
        }
    }

    /// The class name of a node's look: its kind (and valence), letters and digits only.
    static func className(_ node: Node) -> String {
        let raw = "k_" + node.kind.rawValue + (node.valence.map { "_" + $0.rawValue } ?? "")
        return String(raw.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
    }

    /// Text for a quoted Mermaid label: Mermaid's entity codes for `"`, `#`, `|`, `<`, `>`, `&` and backquote;
    /// line breaks become spaces.
    static func escaped(_ text: String) -> String {
        Escaping.replacing(text) { entities[$0] }
    }

    private static let entities: [Unicode.Scalar: String] = [
        "\"": "#quot;", "#": "#35;", "|": "#124;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "\n": " ", "\r": " ",
        "\t": " ",
    ]

    /// A title for Mermaid's front matter: one line, double-quoted.
    static func escapedTitle(_ text: String) -> String {
        JSONText.string(text.replacingOccurrences(of: "\n", with: " "))
    }
}
