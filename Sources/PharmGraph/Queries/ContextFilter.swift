/// A `--where key=value` filter on edge contexts.
///
/// An edge whose context has a filtered key with another value is left out;
/// an edge without the key stays (it holds in every context).
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
