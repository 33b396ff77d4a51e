/// A context key declared in a graph's `contexts:` header: its type, allowed values and default range.
///
/// Equality compares meaning: the source location is ignored. See docs/graph-format.md.
public struct ContextDeclaration: Sendable, Equatable {
    /// How a key's values relate to each other and to queries.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Ordered values (dose): an edge's value is the threshold from which it holds.
        case ordinal
        /// Unordered values (region, species): an edge holds where its value is required or none is.
        case categorical
        /// A state (disease, hypoxia, hyperstimulation): an edge holds only when the query asserts it.
        case condition
    }

    public internal(set) var key: String
    public internal(set) var kind: Kind
    /// Allowed values; for an ordinal key, lowest first.
    public internal(set) var values: [String]
    /// The values a query covers when it names none for this key; `nil` means every value.
    public internal(set) var defaults: [String]?
    /// Whether the key describes a drug's exposure (dose, route, chronicity) and so belongs to the drug's edge.
    public internal(set) var exposure: Bool
    public internal(set) var description: String?
    public internal(set) var location: SourceLocation?

    public init(
        key: String, kind: Kind, values: [String], defaults: [String]? = nil, exposure: Bool = false,
        description: String? = nil, location: SourceLocation? = nil
    ) {
        self.key = key
        self.kind = kind
        self.values = values
        self.defaults = defaults
        self.exposure = exposure
        self.description = description
        self.location = location
    }

    public static func == (a: ContextDeclaration, b: ContextDeclaration) -> Bool {
        a.key == b.key && a.kind == b.kind && a.values == b.values && a.defaults == b.defaults
            && a.exposure == b.exposure && a.description == b.description
    }
}

/// How much an edge matters to the mechanism it belongs to; breaks ties when a headline path is chosen.
public enum Importance: String, Sendable, CaseIterable, Codable {
    /// The source's chief mechanism.
    case primary
    /// A supporting or minor route.
    case secondary
}
