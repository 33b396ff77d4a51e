/// The causal sign of a relation, an action or a path.
public enum Sign: String, Sendable, CaseIterable, Codable, Comparable {
    /// Increases its target.
    case positive
    /// Decreases its target.
    case negative
    /// Causal, but of unknown or mixed sign.
    case unknown
    /// Makes no causal claim (binding, tested absence of effect).
    case none

    /// A one-character symbol for compact output.
    public var symbol: String {
        switch self {
        case .positive: "+"
        case .negative: "-"
        case .unknown: "?"
        case .none: "0"
        }
    }

    /// The sign of a chain of this sign followed by `other`.
    ///
    /// Unknown absorbs the known signs; `none` absorbs everything because a
    /// non-causal step breaks the causal chain.
    public func composed(with other: Sign) -> Sign {
        switch (self, other) {
        case (.none, _), (_, .none): .none
        case (.unknown, _), (_, .unknown): .unknown
        case (.positive, .positive), (.negative, .negative): .positive
        case (.positive, .negative), (.negative, .positive): .negative
        }
    }

    /// Whether the sign is positive or negative.
    public var isDefinite: Bool { self == .positive || self == .negative }

    /// The compact form the path engine stores per step: +1, -1, or 0 for unknown (and none).
    var stepValue: Int8 {
        switch self {
        case .positive: 1
        case .negative: -1
        case .unknown, .none: 0
        }
    }

    /// The sign of a compact step value; 0 is unknown.
    init(stepValue: Int8) {
        self = stepValue == 1 ? .positive : stepValue == -1 ? .negative : .unknown
    }

    /// The product of two compact step values, with unknown (0) absorbing.
    static func product(_ a: Int8, _ b: Int8) -> Int8 { a == 0 || b == 0 ? 0 : a * b }

    private var order: Int {
        switch self {
        case .positive: 0
        case .negative: 1
        case .unknown: 2
        case .none: 3
        }
    }

    public static func < (lhs: Sign, rhs: Sign) -> Bool { lhs.order < rhs.order }
}
