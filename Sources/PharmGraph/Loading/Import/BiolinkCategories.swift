/// The node kind of each Biolink category DrugMechDB and KGX graphs use (docs/formats.md, "DrugMechDB", "KGX").
public enum BiolinkCategory {
    /// Category (as DrugMechDB writes it in a node's `label`) → kind.
    public static let kinds: [(category: String, kind: NodeKind)] = [
        ("Drug", "drug"), ("ChemicalSubstance", "molecule"), ("Protein", "protein"), ("MacromolecularComplex", "protein"),
        ("GeneFamily", "gene-family"), ("BiologicalProcess", "process"), ("MolecularActivity", "process"),
        ("Pathway", "pathway"), ("Disease", "condition"), ("PhenotypicFeature", "phenotype"),
        ("GrossAnatomicalStructure", "region"), ("CellularComponent", "cellular-component"), ("Cell", "cell"),
        ("OrganismTaxon", "organism"),
        // Categories KGX graphs use beyond DrugMechDB's schema (docs/formats.md, "KGX").
        ("Gene", "gene"), ("SmallMolecule", "molecule"), ("ChemicalEntity", "molecule"), ("MolecularMixture", "molecule"),
        ("Polypeptide", "protein"), ("AnatomicalEntity", "region"), ("DiseaseOrPhenotypicFeature", "condition"),
    ]

    /// The kinds that are not well known, with the description a graph declares them with.
    public static let declaredKinds: [KindDeclaration] = [
        KindDeclaration(kind: "gene-family", description: "a family of genes or their products (Biolink GeneFamily)"),
        KindDeclaration(kind: "phenotype", description: "a phenotypic feature, a sign or symptom (Biolink PhenotypicFeature)"),
        KindDeclaration(kind: "cellular-component", description: "a part of a cell (Biolink CellularComponent)"),
        KindDeclaration(kind: "cell", description: "a cell type (Biolink Cell)"),
        KindDeclaration(kind: "organism", description: "an organism taxon, e.g. a pathogen (Biolink OrganismTaxon)"),
        KindDeclaration(kind: "gene", description: "a gene (Biolink Gene)"),
    ]

    /// The kind of a category, also written with a `biolink:` prefix; `nil` when the table lacks it.
    public static func kind(of category: String) -> NodeKind? {
        let name = category.hasPrefix("biolink:") ? String(category.dropFirst("biolink:".count)) : category
        return index[name]
    }

    private static let index = Dictionary(kinds.map { ($0.category, $0.kind) }, uniquingKeysWith: { first, _ in first })
}
