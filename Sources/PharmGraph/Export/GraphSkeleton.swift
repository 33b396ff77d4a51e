/// The commented starting file `pharmgraph new` writes: every section of the format, one example
/// of each item, placeholders to replace. It passes `check --strict` and is in canonical form.
public enum GraphSkeleton {
    /// Why no skeleton can be made for a name.
    public enum NameError: Error, Equatable, CustomStringConvertible {
        /// The name has no letter or digit to make an id of.
        case noIdentifier(String)

        public var description: String {
            switch self {
            case let .noIdentifier(name):
                "cannot make a node id of '\(name)': give the drug's name in letters and digits, e.g. 'esketamine'"
            }
        }
    }

    /// The skeleton for a graph of `drug`'s mechanism; the drug's node id is its name in kebab-case.
    public static func text(drug: String, schema: String? = nil) throws(NameError) -> String {
        let id = kebabCased(drug)
        guard !id.isEmpty else { throw NameError.noIdentifier(drug) }
        let name = drug.trimmingWhitespace
        let label = name.prefix(1).uppercased() + name.dropFirst()
        let q = YAMLScalar.write
        var lines: [String] = []
        if let schema { lines.append("# yaml-language-server: $schema=\(schema)") }
        lines += [
            "# A mechanism graph for \(label); the format is in docs/graph-format.md, the walk-through",
            "# in docs/curation.md. Replace every example below, then run:",
            "#   pharmgraph check --strict FILE && pharmgraph fmt FILE",
            "format: \(GraphFormat.current)",
            "id: \(id)",
            "title: \(q("\(label) mechanism of action"))",
            "version: \"0.1.0\"",
            "description: \(q("The mechanism of action of \(label), curated from the sources below."))",
            "# The documents the graph was curated from",
            "sources:",
            "  - Replace with the title of the article or label you curate from",
            "# Extra node kinds, beyond drug, receptor, channel, transporter, enzyme, protein, molecule,",
            "# pathway, process, effect, condition and region",
            "kinds:",
            "  cell: a neuron type or other cell population",
            "# The context vocabulary: every context key and value an edge, node or claim uses",
            "contexts:",
            "  dose: {type: ordinal, values: [subanesthetic, anesthetic], exposure: true, description: \"the drug's dose, lowest first; an edge holds from its level up\"}",
            "# One entry per cited article: key (surname and year) -> citation, doi, pmid, url",
            "references:",
            "  author2024: {citation: \"Author, A. (2024). Replace with the full citation. Journal, 1(1), 1-10.\"}",
            "nodes:",
            "  # kind drug: role is racemate, enantiomer or metabolite; xrefs map a namespace to an id,",
            "  # e.g. xrefs: {CHEBI: \"6121\", DrugBank: DB01221}",
            "  - {id: \(id), label: \(q(label)), kind: drug}",
            "  - {id: target-receptor, label: Target receptor, kind: receptor, system: example-system}",
            "  # An effect needs a valence: therapeutic, adverse or neutral",
            "  - {id: therapeutic-effect, label: Therapeutic effect, kind: effect, valence: therapeutic}",
            "edges:",
            "  # relation: activates, inhibits, upregulates, downregulates, modulates, binds, no_effect,",
            "  # has_metabolite, has_component, indication, compared_with; evidence quotes the source",
            "  - {from: \(id), relation: inhibits, to: target-receptor, action: antagonist, refs: [author2024], evidence: Replace with the sentence quoted from the source., direct: true, context: {dose: subanesthetic}}",
            "  - {from: target-receptor, relation: inhibits, to: therapeutic-effect, refs: [author2024], certainty: probable}",
            "claims:",
            "  # The net effects the graph must support; check verifies every one",
            "  - {from: \(id), to: therapeutic-effect, expect: positive, where: {dose: subanesthetic}, via: target-receptor}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
