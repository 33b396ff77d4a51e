/// How a DrugMechDB (Biolink) predicate is read: the relation, which way round, and what kind of link it is.
///
/// The table is docs/formats.md's "DrugMechDB" predicate table; every predicate in the real data is in it.
public struct DrugMechDBPredicate: Sendable, Equatable {
    /// What kind of statement a predicate makes.
    public enum Reading: String, Sendable, CaseIterable {
        /// A causal effect of the subject on the object, with the relation's sign.
        case causal
        /// A causal effect of the object on the subject ("disrupted by"): the edge is turned around.
        case inverse
        /// A correlation, not a cause: signed, and marked `correlational` so a verdict resting on it says so.
        case correlational
        /// A physical interaction without a causal claim: `binds`, not walked unless `--relations binds`.
        case physical
        /// Taxon, location, part, class or similarity: `binds`, not walked unless `--relations binds`.
        case structural
        /// A clinical statement that is no mechanism step (a contraindication): `binds`, not walked by default.
        case clinical
    }

    /// The predicate as DrugMechDB writes it, e.g. `decreases activity of`.
    public let name: String
    /// The relation the edge gets.
    public let relation: Relation
    public let reading: Reading

    /// Whether the edge runs from the link's target to its source.
    public var isInverse: Bool { reading == .inverse }

    /// The predicate named `name`, if the table has it.
    public static func named(_ name: String) -> DrugMechDBPredicate? { index[name] }

    /// Every predicate, in the order of the documented table.
    public static let all: [DrugMechDBPredicate] = {
        func rows(_ reading: Reading, _ pairs: [(String, Relation)]) -> [DrugMechDBPredicate] {
            pairs.map { DrugMechDBPredicate(name: $0.0, relation: $0.1, reading: reading) }
        }
        return rows(
            .causal,
            [
                ("positively regulates", .activates), ("increases activity of", .activates),
                ("increases abundance of", .upregulates), ("increases expression of", .upregulates),
                ("increases stability of", .upregulates), ("increases transport of", .activates),
                ("increases response to", .activates), ("causes", .activates), ("contributes to", .activates),
                ("produces", .upregulates), ("has output", .upregulates), ("exacerbates", .activates),
                ("predisposes", .activates), ("participates in", .activates), ("actively involved in", .activates),
                ("capable of", .activates), ("enables", .activates), ("precedes", .activates),
                ("manifestation of", .activates), ("has phenotype", .activates), ("phenotype of", .activates),
                ("has metabolite", .hasMetabolite), ("derives into", .hasMetabolite), ("has active ingredient", .hasComponent),
                ("negatively regulates", .inhibits), ("decreases activity of", .inhibits),
                ("decreases abundance of", .downregulates), ("decreases expression of", .downregulates),
                ("decreases synthesis of", .downregulates), ("decreases uptake of", .inhibits),
                ("decreases response to", .inhibits), ("increases degradation of", .downregulates), ("disrupts", .inhibits),
                ("prevents", .inhibits), ("treats", .inhibits), ("ameliorates", .inhibits),
                ("regulates", .modulates), ("affects risk for", .modulates),
            ])
            + rows(
                .inverse,
                [
                    ("caused by", .activates), ("disrupted by", .inhibits), ("affected by", .modulates),
                    ("produced by", .upregulates), ("derives from", .hasMetabolite), ("is metabolite of", .hasMetabolite),
                    ("has participant", .activates),
                ])
            + rows(
                .correlational,
                [("positively correlated with", .activates), ("negatively correlated with", .inhibits), ("correlated with", .modulates)])
            + rows(
                .physical,
                [
                    ("molecularly interacts with", .binds), ("directly interacts with", .binds), ("physically interacts with", .binds),
                    ("interacts with", .binds), ("in complex with", .binds),
                ])
            + rows(
                .structural,
                [
                    ("in taxon", .binds), ("located in", .binds), ("occurs in", .binds), ("location of", .binds), ("part of", .binds),
                    ("has part", .binds), ("subclass of", .binds), ("superclass of", .binds), ("expressed in", .binds),
                    ("expresses", .binds), ("coexists with", .binds), ("similar to", .binds), ("chemically similar to", .binds),
                ])
            + rows(.clinical, [("contraindicated for", .binds)])
    }()

    private static let index = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
