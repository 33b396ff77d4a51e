/// The closed set of edge relations, each with a documented sign.
///
/// See docs/graph-format.md for the meaning of each relation.
public enum Relation: String, Sendable, CaseIterable, Codable, Comparable {
    case activates
    case inhibits
    case upregulates
    case downregulates
    case modulates
    case binds
    case noEffect = "no_effect"
    case hasMetabolite = "has_metabolite"
    case hasComponent = "has_component"
    /// A clinical use of a drug; documentation only, never walked.
    case indication
    /// A comparison between two sources ("less respiratory depression than opioids"); never walked.
    case comparedWith = "compared_with"

    /// The relation's sign.
    public var sign: Sign {
        switch self {
        case .activates, .upregulates, .hasMetabolite, .hasComponent: .positive
        case .inhibits, .downregulates: .negative
        case .modulates: .unknown
        case .binds, .noEffect, .indication, .comparedWith: .none
        }
    }

    /// Whether the relation is a structural link between chemicals rather than an effect.
    public var isStructural: Bool {
        switch self {
        case .hasMetabolite, .hasComponent: true
        case .activates, .inhibits, .upregulates, .downregulates, .modulates, .binds, .noEffect, .indication,
            .comparedWith:
            false
        }
    }

    /// The spelling used in graph files.
    public var name: String { rawValue }

    private var order: Int { Relation.allCases.firstIndex(of: self)! }

    public static func < (lhs: Relation, rhs: Relation) -> Bool { lhs.order < rhs.order }
}
