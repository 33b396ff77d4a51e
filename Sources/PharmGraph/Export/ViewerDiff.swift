/// What a diff page adds to the data: each node's and edge's status and its changes, old → new (docs/viewer.md).
struct ViewerDiff: Encodable, Sendable {
    /// The two inputs' names.
    var old: String
    var new: String
    /// `nodes: 1 added; edges: 3 changed (1 sign flip)`, as the text report's summary.
    var summary: String
    /// Nodes that are not unchanged, by id (new ids; removed nodes by their old id).
    var nodes: [String: Item]
    /// One per edge of the page's `edges`, in order: the new graph's edges, then the removed ones.
    var edges: [Item]

    /// A status (`unchanged`, `added`, `removed`, `changed`, `sign flip`) and the changes, `field: old → new`.
    struct Item: Encodable, Sendable {
        var status: String
        var changes: [String]
    }
}

/// Why a viewer page cannot be made of a diff.
public enum ViewerDiffError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A side is an imported network, not a curated graph.
    case notCuratedGraphs
    case query(PathEngine.QueryError)
    /// The union is more than the diff diagram draws.
    case tooLarge(DiffDiagram.SizeError)

    public var description: String {
        switch self {
        case .notCuratedGraphs: "the viewer draws the diff of two curated graphs; an imported network has no evidence to show"
        case let .query(error): error.description
        case let .tooLarge(error): error.description
        }
    }
}

/// The union of a diff's two graphs, as the diff diagram draws it: the new graph's nodes and edges, then the removed ones.
struct DiffUnion {
    let graph: Graph
    let diff: ViewerDiff

    init(_ report: DiffReport) throws(ViewerDiffError) {
        guard case let .graph(changes) = report.changes else { throw .notCuratedGraphs }
        let new = changes.new
        let renames = changes.renames
        let removedEdges = changes.edgesRemoved.map { edge in
            var edge = edge
            edge.from = renames[edge.from] ?? edge.from
            edge.to = renames[edge.to] ?? edge.to
            return edge
        }
        let known = Set(new.references.map(\.key))
        graph = Graph(
            id: new.id, title: new.title, version: new.version, format: new.format, contexts: new.contexts,
            references: new.references + changes.old.references.filter { !known.contains($0.key) },
            nodes: new.nodes + changes.nodesRemoved, edges: new.edges + removedEdges, claims: new.claims)

        var nodes: [String: ViewerDiff.Item] = [:]
        for change in changes.nodesRenamed + changes.nodesChanged {
            var lines = change.rename == nil ? [] : ["id: \(change.old.id) → \(change.new.id)"]
            lines += change.changes.map { $0.summary(limit: nil) }
            nodes[change.new.id] = ViewerDiff.Item(status: DiffStatus.changed.name, changes: lines)
        }
        for node in changes.nodesAdded { nodes[node.id] = ViewerDiff.Item(status: DiffStatus.added.name, changes: []) }
        for node in changes.nodesRemoved { nodes[node.id] = ViewerDiff.Item(status: DiffStatus.removed.name, changes: []) }

        var edgeChanges: [Int: EdgeChange] = [:]
        for change in changes.edgesChanged { edgeChanges[change.index] = change }
        var edges: [ViewerDiff.Item] = new.edges.indices.map { e in
            if changes.edgePartners[e] == nil { return ViewerDiff.Item(status: DiffStatus.added.name, changes: []) }
            guard let change = edgeChanges[e] else { return ViewerDiff.Item(status: DiffStatus.unchanged.name, changes: []) }
            let status: DiffStatus = change.isSignFlip ? .signFlip : .changed
            return ViewerDiff.Item(status: status.name, changes: change.changes.map { $0.summary(limit: nil) })
        }
        edges += removedEdges.map { _ in ViewerDiff.Item(status: DiffStatus.removed.name, changes: []) }
        diff = ViewerDiff(old: report.old.name, new: report.new.name, summary: report.summaryLine, nodes: nodes, edges: edges)
    }
}

extension ViewerData {
    /// The data of a diff page: the union of the two graphs, each node's and edge's status and changes,
    /// and the new graph's path results (its edges keep their indices in the union).
    public init(diff report: DiffReport, maxLength: Int = PathQuery.defaultMaxLength, limits: SearchLimits = .standard) throws(ViewerDiffError) {
        let union = try DiffUnion(report)
        guard case let .graph(changes) = report.changes else { throw .notCuratedGraphs }
        do {
            try self.init(graph: union.graph, searching: changes.new, maxLength: maxLength, limits: limits)
        } catch {
            throw .query(error)
        }
        diff = union.diff
    }
}

extension ViewerPage {
    /// The diff diagram as DOT for a diff page (everything drawn, coloured by status), each node and edge with its DOM id.
    public static func diagram(of report: DiffReport, engine: String = "dot", caption: Bool = true) throws(ViewerDiffError) -> String {
        let union = try DiffUnion(report)
        let drawing: DiffDiagram
        do {
            drawing = try report.diagram(context: nil, engine: engine, caption: caption)
        } catch {
            throw .tooLarge(error)
        }
        let ends = union.graph.edges.map { (from: $0.from, to: $0.to) }
        return identified(drawing.model, nodeIDs: union.graph.nodes.map(\.id), edges: ends).text
    }
}
