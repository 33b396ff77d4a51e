/// A mechanism-of-action graph: header, references, nodes, edges and claims.
///
/// A `Graph` is an immutable value; lookups by id are indexed at creation.
/// Equality compares meaning: source locations are ignored.
public struct Graph: Sendable, Equatable {
    public let id: String
    public let title: String
    public let version: String
    /// The graph format version the file is written in (`format:`); files without one are version 1.
    public let format: Int
    /// The declared context vocabulary (`contexts:`), in file order.
    public let contexts: [ContextDeclaration]
    public let description: String?
    public let sources: [String]
    public let kinds: [KindDeclaration]
    public let references: [Reference]
    public let nodes: [Node]
    public let edges: [Edge]
    public let claims: [Claim]

    private let nodeIndex: [String: Int]
    private let referenceIndex: [String: Int]

    public init(
        id: String, title: String, version: String, format: Int = 1, contexts: [ContextDeclaration] = [],
        description: String? = nil, sources: [String] = [], kinds: [KindDeclaration] = [], references: [Reference] = [], nodes: [Node], edges: [Edge],
        claims: [Claim] = []
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.format = format
        self.contexts = contexts
        self.description = description
        self.sources = sources
        self.kinds = kinds
        self.references = references
        self.nodes = nodes
        self.edges = edges
        self.claims = claims
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = i }
        nodeIndex = index
        var refIndex: [String: Int] = [:]
        for (i, ref) in references.enumerated() where refIndex[ref.key] == nil { refIndex[ref.key] = i }
        referenceIndex = refIndex
    }

    /// The node with this id.
    public func node(_ id: String) -> Node? { nodeIndex[id].map { nodes[$0] } }

    /// The reference with this key.
    public func reference(_ key: String) -> Reference? { referenceIndex[key].map { references[$0] } }

    /// The declaration of a context key, if the graph declares it.
    public func context(_ key: String) -> ContextDeclaration? { contexts.first { $0.key == key } }

    /// Whether the kind is well known or declared in this graph.
    public func isKnownKind(_ kind: NodeKind) -> Bool {
        kind.isWellKnown || kinds.contains { $0.kind == kind }
    }

    public static func == (a: Graph, b: Graph) -> Bool {
        a.id == b.id && a.title == b.title && a.version == b.version && a.format == b.format
            && a.contexts == b.contexts && a.description == b.description
            && a.sources == b.sources && a.kinds == b.kinds && a.references == b.references
            && a.nodes == b.nodes && a.edges == b.edges && a.claims == b.claims
    }
}
