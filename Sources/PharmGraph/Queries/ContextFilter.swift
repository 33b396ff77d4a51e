/// A `--where key=value` filter on edge contexts.
///
/// On an undeclared (categorical) key, an edge whose context has the key with another value is left
/// out; an edge without the key stays (it holds in every context). A curated graph's declared keys
/// give ordinal and condition semantics (`EdgeScope`, docs/queries.md "Contexts").
public struct ContextFilter: Sendable, Equatable {
    /// Required values by key.
    public var required: [String: String]

    public init(_ required: [String: String] = [:]) { self.required = required }

    /// Parses `key=value` terms, as given on the command line.
    public init(terms: [String]) throws(ParseError) {
        var required: [String: String] = [:]
        for term in terms {
            let parts = term.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .malformed(term)
            }
            let key = String(parts[0])
            if let existing = required[key], existing != String(parts[1]) {
                throw .conflicting(term, key: key, existing: existing)
            }
            required[key] = String(parts[1])
        }
        self.required = required
    }

    /// Why a filter term was rejected.
    public enum ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        /// Not `key=value` with both sides non-empty.
        case malformed(String)
        /// A second, different value for a key already required.
        case conflicting(String, key: String, existing: String)

        /// The term rejected.
        public var term: String {
            switch self {
            case let .malformed(term), let .conflicting(term, _, _): term
            }
        }

        public var description: String {
            switch self {
            case let .malformed(term): "invalid filter '\(term)': expected key=value"
            case let .conflicting(term, key, existing):
                "invalid filter '\(term)': '\(key)' is already required to be '\(existing)'"
            }
        }
    }

    /// Whether nothing is filtered.
    public var isEmpty: Bool { required.isEmpty }

    /// Whether an edge with this context passes.
    public func admits(_ context: [String: String]) -> Bool {
        for (key, value) in required {
            if let actual = context[key], actual != value { return false }
        }
        return true
    }
}

extension ContextFilter {
    /// Why a filter term can match no edge of a network: its key, or its value for that key, is used by none.
    public enum FilterError: Error, CustomStringConvertible, Sendable, Equatable {
        /// No edge has `key`; `suggestion`: the closest key used; `known`: every key used, sorted.
        case unknownKey(String, suggestion: String?, known: [String])
        /// No edge has `key` with `value`; `suggestion`: the closest value used for the key; `known`: those values, sorted.
        case unknownValue(key: String, value: String, suggestion: String?, known: [String])

        /// At most this many known keys or values are listed when there is no suggestion.
        static let listed = 10

        /// The message; the given and the graph's keys and values escaped for a terminal.
        public var description: String {
            switch self {
            case let .unknownKey(key, suggestion, known):
                "no edge has the context key '\(DisplayText.escaped(key))'" + Self.hint(suggestion, known, what: "keys")
            case let .unknownValue(key, value, suggestion, known):
                "no edge has the context value '\(DisplayText.escaped(value))' for '\(DisplayText.escaped(key))'"
                    + Self.hint(suggestion, known, what: "values")
            }
        }

        /// `; did you mean 'x'?`, else the keys or values used (at most `listed`), else that edges have no context.
        private static func hint(_ suggestion: String?, _ known: [String], what: String) -> String {
            if let suggestion { return Suggestion.clause(DisplayText.escaped(suggestion)) }
            if known.isEmpty { return "; no edge has a context" }
            let shown = known.prefix(listed).map { "'\(DisplayText.escaped($0))'" }.joined(separator: ", ")
            return "; the edges use the \(what) \(shown)" + (known.count > listed ? ", … (\(known.count) in all)" : "")
        }
    }

    /// Throws the first problem of `problems(against:)`, if any.
    public func check(against networks: [Network]) throws(FilterError) {
        if let first = problems(against: networks).first { throw first }
    }

    /// Throws when a term can match no edge of `network`.
    public func check(against network: Network) throws(FilterError) { try check(against: [network]) }

    /// Every term whose key, or value for that key, neither a graph of `networks` declares (`contexts:`) nor
    /// any of their edges (or effect nodes) uses, in key order; suggestions come from the declared ones first.
    public func problems(against networks: [Network]) -> [FilterError] {
        guard !isEmpty else { return [] }
        var declared: [String: [String]] = [:]
        var used: [String: Set<String>] = [:]
        for network in networks {
            for declaration in network.graph?.contexts ?? [] { declared[declaration.key, default: []] += declaration.values }
            for context in network.contexts + (network.graph?.nodes.map(\.context) ?? []) {
                for (key, value) in context { used[key, default: []].insert(value) }
            }
        }
        let keys = Set(declared.keys).union(used.keys)
        return required.keys.sorted().compactMap { key in
            let value = required[key]!
            guard keys.contains(key) else {
                let known = keys.sorted()
                let suggestion = Suggestion.closest(to: key, in: declared.keys.sorted()) ?? Suggestion.closest(to: key, in: known)
                return .unknownKey(key, suggestion: suggestion, known: known)
            }
            let values = Set(declared[key] ?? []).union(used[key] ?? [])
            guard values.contains(value) else {
                let suggestion =
                    Suggestion.closest(to: value, in: Set(declared[key] ?? []).sorted()) ?? Suggestion.closest(to: value, in: values.sorted())
                return .unknownValue(key: key, value: value, suggestion: suggestion, known: values.sorted())
            }
            return nil
        }
    }

    /// How many edges of `network` the filter's terms leave out (not counting what the declared defaults leave out).
    public func removedEdgeCount(in network: Network) -> Int {
        guard !isEmpty else { return 0 }
        if network.scopes.scopes.isEmpty {
            let admitted = network.contexts.map(admits)
            return network.edgeContexts.count { !admitted[Int($0)] }
        }
        let admission = ContextAdmission(self, declarations: network.scopes.declarations)
        let admitted = network.scopes.scopes.map { scope in required.keys.allSatisfy { admission.admits(scope, key: $0) } }
        return network.scopes.edgeScopes.count { !admitted[Int($0)] }
    }

    /// The terms as `key=value`, sorted by key.
    public var terms: [String] { required.keys.sorted().map { "\($0)=\(required[$0]!)" } }
}
