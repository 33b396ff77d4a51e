/// A typed, signed, directed relation between two nodes, with its evidence.
///
/// Equality compares meaning: the source location is ignored.
public struct Edge: Sendable, Equatable {
    public var from: String
    public var relation: Relation
    public var to: String
    /// The pharmacological action on the target, e.g. antagonist.
    public var action: Action?
    /// Keys into the graph's references.
    public var refs: [String]
    /// A quoted sentence from the source.
    public var evidence: String?
    /// Whether the effect is direct (physical) rather than downstream.
    public var direct: Bool?
    public var certainty: Certainty?
    /// Conditions under which the edge holds, e.g. `dose` → `subanesthetic`.
    public var context: [String: String]
    public var strength: Strength?
    /// Ordinal context keys whose value holds at that value only, not from it upwards.
    public var exact: [String]
    /// The drug whose exposure (dose, route, chronicity) this edge's exposure contexts describe.
    public var exposureOf: String?
    /// Whether the effect is known from blocking the source (its loss of function).
    public var lossOfFunction: Bool
    /// Whether the source states a correlation rather than a cause; the edge is still signed.
    public var correlational: Bool
    public var importance: Importance?
    public var note: String?
    public var location: SourceLocation?

    public init(
        from: String, relation: Relation, to: String, action: Action? = nil, refs: [String] = [],
        evidence: String? = nil, direct: Bool? = nil, certainty: Certainty? = nil,
        context: [String: String] = [:], strength: Strength? = nil, exact: [String] = [],
        exposureOf: String? = nil, lossOfFunction: Bool = false, correlational: Bool = false,
        importance: Importance? = nil, note: String? = nil, location: SourceLocation? = nil
    ) {
        self.from = from
        self.relation = relation
        self.to = to
        self.action = action
        self.refs = refs
        self.evidence = evidence
        self.direct = direct
        self.certainty = certainty
        self.context = context
        self.strength = strength
        self.exact = exact
        self.exposureOf = exposureOf
        self.lossOfFunction = lossOfFunction
        self.correlational = correlational
        self.importance = importance
        self.note = note
        self.location = location
    }

    /// The sign of the relation.
    public var sign: Sign { relation.sign }

    /// The edge's certainty, with a missing value read as established.
    public var effectiveCertainty: Certainty { certainty ?? .established }

    public static func == (a: Edge, b: Edge) -> Bool {
        a.from == b.from && a.relation == b.relation && a.to == b.to && a.action == b.action
            && a.refs == b.refs && a.evidence == b.evidence && a.direct == b.direct
            && a.certainty == b.certainty && a.context == b.context && a.strength == b.strength
            && a.exact == b.exact && a.exposureOf == b.exposureOf && a.lossOfFunction == b.lossOfFunction
            && a.correlational == b.correlational && a.importance == b.importance && a.note == b.note
    }
}
