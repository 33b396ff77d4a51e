/// Drawn context (docs/rendering.md, "Context"): an edge that holds only in a context carries a short
/// grey label of its values, and the legend says what each short form stands for.
enum DiagramContext {
    /// Short forms of common context values (looked up case-insensitively).
    static let table: [String: String] = [
        "subanesthetic": "sub", "subanaesthetic": "sub", "anesthetic": "anaes", "anaesthetic": "anaes",
        "supratherapeutic": "supra", "subtherapeutic": "subther", "therapeutic": "ther",
        "prefrontal-cortex": "PFC", "hippocampus": "HPC", "lateral-habenula": "LHb", "nucleus-accumbens": "NAc",
        "ventral-tegmental-area": "VTA", "nmdar-hyperstimulation": "NMDAR hyperstim.",
    ]

    /// Values up to this many characters are drawn as they are.
    static let longest = 16

    /// The size, in points, of the small labels beside edges (context, drug-form badges, path numbers): 10, so that
    /// they stay at least 8 pt on a slide when a figure is scaled by 0.8 (the node labels' is 11; docs/rendering.md, "Size").
    static let fontSize = "10"

    /// A value's short form: the table's, else the value itself up to `longest` characters, else its first
    /// word and the initials of the others (`nociceptive-neurons` → `nociceptive n.`), else its first
    /// `longest - 1` characters and `…`.
    static func short(_ value: String) -> String {
        if let entry = table[value.lowercased()] { return entry }
        guard value.count > longest else { return value }
        let words = value.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        if words.count > 1, words[0].count < longest {
            return String(words[0]) + " " + words.dropFirst().map { String($0.prefix(1)) + "." }.joined()
        }
        return String(value.prefix(longest - 1)) + "…"
    }

    /// An edge's label: its context's values in the order of their keys, short forms, `sub, PFC`.
    static func label(_ context: [String: String]) -> String? {
        guard !context.isEmpty else { return nil }
        return context.keys.sorted().map { short(context[$0]!) }.joined(separator: ", ")
    }

    /// The attributes that draw `context` on its edge: a small grey label; none without a context.
    static func attributes(_ context: [String: String]) -> [DOTAttribute] {
        guard let label = label(context) else { return [] }
        return [
            .text("xlabel", label), .literal("fontsize", fontSize), .literal("fontcolor", DiagramFrame.captionColour),
        ]
    }

    /// The legend's lines for the contexts of `edges`, one per key in key order, each value with its short
    /// form when it has one: `dose: sub = subanesthetic, anaes = anesthetic`.
    static func legendLines(_ edges: [Edge]) -> [(key: String, values: String)] {
        var values: [String: Set<String>] = [:]
        for edge in edges {
            for (key, value) in edge.context { values[key, default: []].insert(value) }
        }
        return values.keys.sorted().map { key in
            let entries = values[key]!.sorted().map { value in
                let short = short(value)
                return short == value ? value : "\(short) = \(value)"
            }
            return (key, entries.joined(separator: ", "))
        }
    }
}
