/// How one KGX edge reads: its label, relation and orientation, from the Biolink predicate table and the edge's qualifiers.
///
/// docs/formats.md, "KGX": the predicate (or `qualified_predicate`) through `DrugMechDBPredicate`'s table, the sign
/// from `object_direction_qualifier`, turned by a decreased `subject_direction_qualifier`; `negated` edges are `no_effect`.
struct KGXStatement: Equatable {
    /// A direction qualifier's value (Biolink `DirectionQualifierEnum`).
    enum Direction: Hashable {
        case increased, decreased

        /// `increased`/`upregulated` or `decreased`/`downregulated`; `nil` for anything else.
        init?(_ text: String) {
            switch text.lowercased() {
            case "increased", "upregulated": self = .increased
            case "decreased", "downregulated": self = .decreased
            default: return nil
            }
        }
    }

    /// What the edge's columns say, as written (empty when absent).
    struct Columns: Hashable {
        var predicate: String
        var qualifiedPredicate = ""
        var objectDirection: Direction?
        var objectAspect = ""
        var subjectDirection: Direction?
        var subjectAspect = ""
        var negated = false
        /// The raw direction texts, for the label.
        var objectDirectionText = ""
        var subjectDirectionText = ""
    }

    /// The label's name: the predicate as written, with its qualifiers, `(turned around)` and `NOT` as they apply.
    let name: String
    /// The relation; `nil` for a predicate the table lacks and no qualifier signs (unknown sign).
    let relation: Relation?
    /// Whether the edge runs from the object to the subject (an inverse predicate such as `caused_by`).
    let isInverse: Bool
    /// Whether the predicate (or qualified predicate) is in the Biolink predicate table.
    let isKnown: Bool
    /// The predicate's reading, when it is in the table.
    let reading: DrugMechDBPredicate.Reading?

    /// The table key of a Biolink predicate: `biolink:positively_regulates` → `positively regulates`.
    static func key(_ predicate: String) -> String {
        let name = predicate.hasPrefix("biolink:") ? predicate.dropFirst("biolink:".count) : Substring(predicate)
        return name.replacingOccurrences(of: "_", with: " ")
    }

    /// Aspects whose change is one of amount rather than activity.
    static let amountAspects: Set<String> = ["abundance", "expression", "synthesis", "stability", "secretion", "uptake", "transport"]

    init(_ columns: Columns) {
        let written = columns.qualifiedPredicate.isEmpty ? columns.predicate : columns.qualifiedPredicate
        let entry = DrugMechDBPredicate.named(Self.key(written)) ?? DrugMechDBPredicate.named(Self.key(columns.predicate))
        isKnown = entry != nil
        reading = entry?.reading
        isInverse = entry?.isInverse ?? false
        var parts: [String] = []
        for (role, direction, aspect) in [
            ("subject", columns.subjectDirectionText, columns.subjectAspect), ("object", columns.objectDirectionText, columns.objectAspect),
        ] where !direction.isEmpty || !aspect.isEmpty {
            parts.append([role, direction, aspect.replacingOccurrences(of: "_", with: " ")].filter { !$0.isEmpty }.joined(separator: " "))
        }
        var name = written + (parts.isEmpty ? "" : " [" + parts.joined(separator: "; ") + "]")
        if isInverse { name += " (turned around)" }
        if columns.negated {
            self.name = "NOT " + name
            relation = .noEffect
            return
        }
        self.name = name
        relation = Self.relation(entry: entry, columns)
    }

    /// The relation of a statement that is not negated.
    private static func relation(entry: DrugMechDBPredicate?, _ columns: Columns) -> Relation? {
        let qualified = columns.objectDirection != nil || columns.subjectDirection != nil
        guard qualified else { return entry?.relation }
        var sign: Sign
        if let object = columns.objectDirection {
            let base = entry.map(\.relation.sign) == .negative ? Sign.negative : .positive
            sign = object == .increased ? base : base.composed(with: .negative)
        } else {
            sign = entry?.relation.sign ?? .unknown
        }
        if columns.subjectDirection == .decreased { sign = sign.composed(with: .negative) }
        var amount = Self.amountAspects.contains(columns.objectAspect.lowercased())
        if columns.objectAspect.lowercased() == "degradation" {
            // More degradation is less of the object.
            sign = sign.composed(with: .negative)
            amount = true
        }
        if let entry, [.upregulates, .downregulates].contains(entry.relation) { amount = true }
        switch sign {
        case .positive: return amount ? .upregulates : .activates
        case .negative: return amount ? .downregulates : .inhibits
        // No sign from the qualifiers: the table's relation, or none for a predicate it lacks (warned, mappable).
        case .unknown, .none: return entry?.relation
        }
    }
}
