/// An expected net effect of a source on a target, stated in the graph file.
///
/// Claims are checked against the graph's paths. Equality compares meaning:
/// the source location is ignored.
public struct Claim: Sendable, Equatable {
    public var from: String
    public var to: String
    /// The verdict the paths must give.
    public var expect: Verdict
    /// Context filter: edges whose context has a key with another value are left out.
    public var context: [String: String]
    /// A node every counted path must pass through.
    public var via: String?
    /// Nodes no counted path may pass through.
    public var avoid: [String]
    /// The weakest certainty the verdict may have: its best path's weakest link must be at least this firm.
    public var certainty: Certainty?
    /// The longest path considered; `nil` means the default.
    public var maxLength: Int?
    public var refs: [String]
    public var note: String?
    public var location: SourceLocation?

    public init(
        from: String, to: String, expect: Verdict, context: [String: String] = [:], via: String? = nil,
        avoid: [String] = [], certainty: Certainty? = nil, maxLength: Int? = nil, refs: [String] = [], note: String? = nil, location: SourceLocation? = nil
    ) {
        self.from = from
        self.to = to
        self.expect = expect
        self.context = context
        self.via = via
        self.avoid = avoid
        self.certainty = certainty
        self.maxLength = maxLength
        self.refs = refs
        self.note = note
        self.location = location
    }

    public static func == (a: Claim, b: Claim) -> Bool {
        a.from == b.from && a.to == b.to && a.expect == b.expect && a.context == b.context
            && a.via == b.via && a.avoid == b.avoid && a.certainty == b.certainty && a.maxLength == b.maxLength && a.refs == b.refs && a.note == b.note
    }
}

/// A kind declared in a graph file's `kinds:` section.
public struct KindDeclaration: Sendable, Equatable {
    public var kind: NodeKind
    public var description: String
    public var location: SourceLocation?

    public init(kind: NodeKind, description: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.description = description
        self.location = location
    }

    public static func == (a: KindDeclaration, b: KindDeclaration) -> Bool {
        a.kind == b.kind && a.description == b.description
    }
}
