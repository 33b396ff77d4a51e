/// What a context filter left out of a network: its terms, and the edges removed of all.
public struct FilterSummary: Sendable, Equatable {
    public let filter: ContextFilter
    public let edgesRemoved: Int
    public let edges: Int

    /// The summary of `filter` on `network`; `nil` when nothing is filtered.
    public init?(_ filter: ContextFilter, in network: Network) {
        guard !filter.isEmpty else { return nil }
        self.filter = filter
        edgesRemoved = filter.removedEdgeCount(in: network)
        edges = network.edgeCount
    }

    /// `the context filter dose=subanesthetic left out 12 of 229 edges`, naming the filter in the words of `hints`.
    public func line(hints: LimitHints = .library) -> String {
        "\(hints.contextFilter) \(filter.terms.joined(separator: ",")) left out \(edgesRemoved) of \(Plural.count(edges, "edge"))"
    }

    /// The `filter` object of paths and reach JSON.
    struct JSON: Encodable, Sendable, Equatable {
        var terms: [String: String]
        var edgesRemoved: Int
        var edges: Int

        enum CodingKeys: String, CodingKey {
            case terms, edges
            case edgesRemoved = "edges_removed"
        }
    }

    var json: JSON { JSON(terms: filter.required, edgesRemoved: edgesRemoved, edges: edges) }
}
