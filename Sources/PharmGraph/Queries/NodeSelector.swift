/// Resolves what a user typed to name nodes: an id, an unambiguous label or synonym, or `kind:K`.
public enum NodeSelector {
    /// Why a name could not be resolved.
    public struct ResolutionError: Error, CustomStringConvertible, Sendable {
        /// Whether the name matched several nodes (rather than none).
        public let isAmbiguous: Bool
        public let description: String

        init(_ description: String, ambiguous: Bool = false) {
            // Ids from the input go to the terminal: escaped.
            self.description = DisplayText.escaped(description)
            isAmbiguous = ambiguous
        }
    }

    /// The nodes `text` names, in network order.
    public static func resolve(_ text: String, in network: Network) throws(ResolutionError) -> [Int32] {
        if let id = network.node(text) { return [id] }
        if text.hasPrefix("kind:") {
            let kind = String(text.dropFirst(5))
            guard let k = network.kindIndex[kind] else {
                let suggestion = Suggestion.clause(for: kind, in: network.kinds.sorted())
                throw ResolutionError("no node of kind '\(kind)'\(suggestion)")
            }
            return (0..<Int32(network.nodeCount)).filter { network.nodeKinds[Int($0)] == k }
        }
        let lowered = text.lowercased()
        var matches: [Int32] = []
        for n in 0..<network.nodeCount where network.nodeNames[n].lowercased() == lowered {
            matches.append(Int32(n))
        }
        if matches.isEmpty, let graph = network.graph {
            for (n, node) in graph.nodes.enumerated() where node.synonyms.contains(where: { $0.lowercased() == lowered }) {
                matches.append(Int32(n))
            }
        }
        if matches.count == 1 { return matches }
        if matches.count > 1 {
            let ids = matches.prefix(5).map { "'\(network.nodeIDs[Int($0)])'" }.joined(separator: ", ")
            throw ResolutionError("'\(text)' names \(matches.count) nodes (\(ids)); give an id", ambiguous: true)
        }
        let suggestion = network.nodeCount <= 50_000 ? Suggestion.clause(for: text, in: network.nodeIDs) : ""
        throw ResolutionError("unknown node '\(text)'\(suggestion)")
    }
}
