/// A drug, target, pathway, process, effect or other entity in a graph.
///
/// Equality compares meaning: the source location is ignored.
public struct Node: Sendable, Equatable {
    /// Unique kebab-case identifier.
    public var id: String
    /// Human-readable name; `nil` means "use the id".
    public var label: String?
    public var kind: NodeKind
    public var synonyms: [String]
    /// Cross-references by namespace, e.g. `CHEBI` → `6121`.
    public var xrefs: [String: String]
    /// A grouping such as `glutamatergic`, used for clusters.
    public var system: String?
    public var description: String?
    /// For drugs: racemate, enantiomer or metabolite.
    public var role: DrugRole?
    /// For effects: therapeutic, adverse or neutral.
    public var valence: Valence?
    /// For effects: the contexts in which the effect can occur, e.g. `dose` → `anesthetic` (from that dose on).
    public var context: [String: String]
    /// Where the node was defined, if it came from a file.
    public var location: SourceLocation?

    public init(
        id: String, label: String? = nil, kind: NodeKind, synonyms: [String] = [],
        xrefs: [String: String] = [:], system: String? = nil, description: String? = nil,
        role: DrugRole? = nil, valence: Valence? = nil, context: [String: String] = [:],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.synonyms = synonyms
        self.xrefs = xrefs
        self.system = system
        self.description = description
        self.role = role
        self.valence = valence
        self.context = context
        self.location = location
    }

    /// The label, or the id when there is none.
    public var displayLabel: String { label ?? id }

    public static func == (a: Node, b: Node) -> Bool {
        a.id == b.id && a.label == b.label && a.kind == b.kind && a.synonyms == b.synonyms
            && a.xrefs == b.xrefs && a.system == b.system && a.description == b.description
            && a.role == b.role && a.valence == b.valence && a.context == b.context
    }
}
