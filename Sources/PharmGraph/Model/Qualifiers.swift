/// How firmly the source states an edge.
public enum Certainty: String, Sendable, CaseIterable, Codable, Comparable {
    /// Stated as fact.
    case established
    /// Stated with hedging: "is thought to", "evidence suggests", "likely".
    case probable
    /// Proposed or speculative: "may", "might", "has been proposed".
    case hypothesized

    private var order: Int { Certainty.allCases.firstIndex(of: self)! }
    public static func < (lhs: Certainty, rhs: Certainty) -> Bool { lhs.order < rhs.order }
}

/// The relative strength or potency of an edge.
public enum Strength: String, Sendable, CaseIterable, Codable, Comparable {
    case weak
    case moderate
    case strong

    private var order: Int { Strength.allCases.firstIndex(of: self)! }
    public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.order < rhs.order }
}

/// Whether an effect is wanted.
public enum Valence: String, Sendable, CaseIterable, Codable {
    case therapeutic
    case adverse
    case neutral
}

/// What a drug node is, chemically, relative to the others.
public enum DrugRole: String, Sendable, CaseIterable, Codable {
    case racemate
    case enantiomer
    case metabolite
}

/// The net effect of a source on a target, over all paths considered.
public enum Verdict: String, Sendable, CaseIterable, Codable {
    /// Every path of known sign is positive.
    case positive
    /// Every path of known sign is negative.
    case negative
    /// Paths of both signs occur.
    case mixed
    /// Only paths of unknown sign.
    case unknown
    /// No path.
    case none
}
