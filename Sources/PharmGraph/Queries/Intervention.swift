/// A clamp on one node, `--do NODE=+|-` (docs/queries.md, "Interventions"): every edge into the
/// node is cut, and the node acts as a source whose paths count with the clamp's sign.
public struct Intervention: Sendable, Hashable {
    public var node: NodeIndex
    /// `.positive` (the node is driven up) or `.negative` (it is blocked).
    public var sign: Sign

    public init(node: NodeIndex, sign: Sign) {
        self.node = node
        self.sign = sign
    }

    /// A `NODE=SIGN` term as written, its node not yet resolved.
    public struct Term: Sendable, Equatable {
        /// The node as written: an id, label, synonym or `kind:K`.
        public var node: String
        public var sign: Sign
        /// The term as written.
        public var text: String

        /// Parses `NODE=+`, `NODE=-`, `NODE=positive` or `NODE=negative` (split at the last `=`).
        public init(parsing text: String) throws(ParseError) {
            guard let equals = text.lastIndex(of: "="), equals != text.startIndex else { throw .malformed(text) }
            let name = String(text[..<equals])
            let word = String(text[text.index(after: equals)...])
            switch word {
            case "+", "positive": sign = .positive
            case "-", "negative": sign = .negative
            default: throw .sign(text, word: word)
            }
            node = name
            self.text = text
        }
    }

    /// Why a `--do` term was rejected.
    public enum ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        /// Not `NODE=SIGN` with a non-empty node.
        case malformed(String)
        /// A sign other than `+`, `-`, `positive`, `negative`.
        case sign(String, word: String)

        public var description: String {
            switch self {
            case let .malformed(term): "invalid intervention '\(DisplayText.escaped(term))': expected NODE=+ or NODE=-"
            case let .sign(term, word):
                "invalid intervention '\(DisplayText.escaped(term))': the sign '\(DisplayText.escaped(word))' is not +, -, positive or negative"
            }
        }
    }

    /// Why terms could not become interventions on a network.
    public enum ResolutionError: Error, CustomStringConvertible, Sendable, Equatable {
        /// The term's node names no node (or several, ambiguously).
        case node(term: String, NodeSelector.ResolutionError)
        /// One node clamped with both signs, by these two terms.
        case conflicting(node: String, first: String, second: String)

        public var description: String {
            switch self {
            case let .node(_, cause): cause.description
            case let .conflicting(node, first, second):
                "'\(DisplayText.escaped(node))' is clamped both ways, by '\(DisplayText.escaped(first))' and '\(DisplayText.escaped(second))'"
            }
        }
    }

    /// The interventions `terms` name on `network`, by node (a `kind:K` term clamps every node of the kind), without repeats.
    public static func resolve(_ terms: [Term], in network: Network) throws(ResolutionError) -> [Intervention] {
        var signs: [NodeIndex: (sign: Sign, term: String)] = [:]
        for term in terms {
            let text = term.text
            let nodes: [NodeIndex]
            do {
                nodes = try NodeSelector.resolve(term.node, in: network)
            } catch {
                throw .node(term: text, error)
            }
            for node in nodes {
                if let earlier = signs[node], earlier.sign != term.sign {
                    throw .conflicting(node: network.nodeIDs[node], first: earlier.term, second: text)
                }
                signs[node] = signs[node] ?? (term.sign, text)
            }
        }
        return signs.keys.sorted().map { Intervention(node: $0, sign: signs[$0]!.sign) }
    }
}

extension PathQuery {
    /// The sources a search starts from: the query's own, then the clamped nodes not among them, each
    /// with its starting sign (the clamp's, else +); see docs/queries.md, "Interventions".
    var signedSources: [(node: Int32, sign: Int8)] {
        let clamp = Dictionary(interventions.map { ($0.node.rawValue, $0.sign.stepValue) }) { a, _ in a }
        var out = sources.map { (node: $0.rawValue, sign: clamp[$0.rawValue] ?? 1) }
        let named = Set(sources.map(\.rawValue))
        for node in interventions.map(\.node.rawValue).sorted() where !named.contains(node) {
            out.append((node, clamp[node]!))
        }
        return out
    }

    /// The traversal with every edge into a clamped node cut.
    var walk: TraversalOptions {
        guard !interventions.isEmpty else { return traversal }
        var options = traversal
        options.cut = Array(Set(traversal.cut + interventions.map(\.node.rawValue))).sorted()
        return options
    }
}
