/// Resolves what a user typed to name nodes: an id, an unambiguous label or synonym, or `kind:K`.
public enum NodeSelector {
    /// Why a name could not be resolved.
    public enum ResolutionError: Error, CustomStringConvertible, Sendable, Equatable {
        /// `kind:K` with a kind no node has; `suggestion` is the closest kind, if any.
        case unknownKind(String, suggestion: String?)
        /// A label or synonym shared by `count` nodes; `ids` are the first few of them.
        case ambiguous(String, count: Int, ids: [String])
        /// Neither an id, a label nor a synonym; `suggestion` is the closest id, if any.
        case unknownNode(String, suggestion: String?)

        /// Whether the name matched several nodes (rather than none).
        public var isAmbiguous: Bool {
            if case .ambiguous = self { return true }
            return false
        }

        public var description: String {
            // Ids from the input go to the terminal: escaped.
            let text =
                switch self {
                case let .unknownKind(kind, suggestion): "no node of kind '\(kind)'\(Suggestion.clause(suggestion))"
                case let .ambiguous(name, count, ids):
                    "'\(name)' names \(count) nodes (\(ids.map { "'\($0)'" }.joined(separator: ", "))); give an id"
                case let .unknownNode(name, suggestion): "unknown node '\(name)'\(Suggestion.clause(suggestion))"
                }
            return DisplayText.escaped(text)
        }
    }

    /// The nodes `text` names, in network order.
    public static func resolve(_ text: String, in network: Network) throws(ResolutionError) -> [NodeIndex] {
        try resolveRaw(text, in: network).map { NodeIndex(rawValue: $0) }
    }

    /// The nodes of a list with one selector per line of `text` (named `path`), blank lines skipped; every line that
    /// selects nothing is a problem at its line, and the other lines still count.
    public static func resolveLines(_ text: String, path: String, in network: Network) -> (nodes: [NodeIndex], problems: [Diagnostic]) {
        let source = SourceText(path: path, text: text)
        var nodes: [NodeIndex] = []
        var problems: [Diagnostic] = []
        for number in (0..<source.lineCount).map({ $0 + 1 }) {
            guard let line = source.line(number), !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                nodes += try resolve(line, in: network)
            } catch {
                problems.append(Diagnostic(.error, error.description, file: path, line: number, column: 1))
            }
        }
        return (nodes, problems)
    }

    private static func resolveRaw(_ text: String, in network: Network) throws(ResolutionError) -> [Int32] {
        if let id = network.node(text) { return [id] }
        if text.hasPrefix("kind:") {
            let kind = String(text.dropFirst(5))
            guard let k = network.kindIndex[kind] else {
                throw .unknownKind(kind, suggestion: Suggestion.closest(to: kind, in: network.kinds.sorted()))
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
            throw .ambiguous(text, count: matches.count, ids: matches.prefix(5).map { network.nodeIDs[Int($0)] })
        }
        let suggestion = network.nodeCount <= 50_000 ? Suggestion.closest(to: text, in: network.nodeIDs) : nil
        throw .unknownNode(text, suggestion: suggestion)
    }
}
