/// A place in one of a network's tables (its integer id); `Table` says which, so that node and
/// edge indices cannot be mixed up.
public struct NetworkIndex<Table>: RawRepresentable, Hashable, Comparable, Sendable {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    init(_ value: Int32) { rawValue = value }

    init(_ value: Int) { rawValue = Int32(value) }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A node's place in a `Network`.
public typealias NodeIndex = NetworkIndex<Network.Nodes>

/// An edge's place in a `Network`, in input order (edge `i` of a curated graph is `graph.edges[i]`).
public typealias EdgeIndex = NetworkIndex<Network.Edges>

extension Network {
    /// The table of nodes, as an index type's tag.
    public enum Nodes {}
    /// The table of edges, as an index type's tag.
    public enum Edges {}

    /// One node, as a query's answer shows it.
    public struct NodeView: Sendable, Equatable {
        public let index: NodeIndex
        public let id: String
        /// The display label (an imported network's name; a curated node's label, or its id).
        public let label: String
        public let kind: String
    }

    /// One edge, as a query's answer shows it.
    public struct EdgeView: Sendable, Equatable {
        public let index: EdgeIndex
        public let from: NodeIndex
        public let to: NodeIndex
        /// How the edge behaves in queries: its relation or imported label, and its sign.
        let label: Label
        public let context: [String: String]

        /// The relation name, or an imported network's own label (e.g. `CbG`, `1`).
        public var labelName: String { label.name }

        /// The curated relation, when the label is one.
        public var relation: Relation? { label.relation }
        /// The sign used when the edge is traversed.
        public var sign: Sign { label.sign }
    }

    /// Node `i`.
    public func node(_ i: NodeIndex) -> NodeView {
        let n = Int(i.rawValue)
        return NodeView(index: i, id: nodeIDs[n], label: nodeNames[n], kind: kinds[Int(nodeKinds[n])])
    }

    /// Edge `e`.
    public func edge(_ e: EdgeIndex) -> EdgeView {
        let k = Int(e.rawValue)
        return EdgeView(
            index: e, from: NodeIndex(edgeSources[k]), to: NodeIndex(edgeTargets[k]), label: labels[Int(edgeLabels[k])],
            context: contexts[Int(edgeContexts[k])])
    }

    /// The index of the node with this id.
    public func index(of id: String) -> NodeIndex? { nodeIndex[id].map { NodeIndex(rawValue: $0) } }

    /// Every node index, in order.
    public var nodeIndices: [NodeIndex] { (0..<Int32(nodeCount)).map { NodeIndex(rawValue: $0) } }

    /// Every edge index, in input order.
    public var edgeIndices: [EdgeIndex] { (0..<Int32(edgeCount)).map { EdgeIndex(rawValue: $0) } }

    /// Whether `i` is a node of this network.
    public func contains(_ i: NodeIndex) -> Bool { (0..<Int32(nodeCount)).contains(i.rawValue) }
}

extension Array {
    /// The element at a node's or an edge's place, for per-node and per-edge arrays.
    subscript<Table>(_ i: NetworkIndex<Table>) -> Element { self[Int(i.rawValue)] }
}
