/// A typed attribute value of an exchange format (docs/formats.md, "Attributes").
enum ExchangeValue: Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    /// A list of strings: native where the format has lists, else a JSON array in a string.
    case list([String])
    /// Structured data (the graph's kinds, contexts, references and claims) as JSON text:
    /// native in JSON formats, else a string.
    case json(String)

    /// The value as JSON text.
    var jsonText: String {
        switch self {
        case let .string(text): JSONText.string(text)
        case let .int(number): String(number)
        case let .bool(flag): flag ? "true" : "false"
        case let .list(items): "[" + items.map(JSONText.string).joined(separator: ", ") + "]"
        case let .json(text): text
        }
    }

    /// The value as one string: text as is, lists and structures as JSON.
    var flatText: String {
        switch self {
        case let .string(text): text
        case let .int(number): String(number)
        case let .bool(flag): flag ? "true" : "false"
        case .list, .json: jsonText
        }
    }
}

/// One named attribute of a node, an edge or the graph.
typealias ExchangeAttributes = [(name: String, value: ExchangeValue)]

/// The attributes every exchange format carries, one per field of the curated format, so that a round
/// trip keeps everything (docs/formats.md, "Attributes").
///
/// Maps (`context`, `xrefs`) become one attribute per key, `context:KEY` and `xrefs:NAMESPACE`, so that
/// tools can filter on them. Derived attributes for the tools (`name`, `interaction`, `sign`) are
/// written but ignored on import.
enum ExchangeFields {
    /// Attributes written for tools only, recomputed from the others and ignored on import.
    static let derivedNode: Set<String> = ["name"]
    static let derivedEdge: Set<String> = ["interaction", "sign"]
    /// Attribute name prefixes of flattened maps, by field.
    static let mapFields = ["context", "xrefs"]
    /// Fields whose value is a list.
    static let listFields: Set<String> = ["synonyms", "refs", "exact", "sources", "avoid"]
    /// Graph-level fields whose value is structured JSON.
    static let structuredFields: Set<String> = ["kinds", "contexts", "references", "claims"]

    /// The node's attributes after its `id`: derived `name`, then its fields in canonical order.
    static func node(_ node: Node) -> ExchangeAttributes {
        [("name", .string(node.displayLabel))] + attributes(node.canonicalFields.filter { $0.name != "id" })
    }

    /// The edge's attributes after its endpoints: derived `interaction` and `sign`, then its fields.
    static func edge(_ edge: Edge) -> ExchangeAttributes {
        var result: ExchangeAttributes = [("interaction", .string(edge.relation.rawValue))]
        if let sign = signValue(edge.sign) { result.append(("sign", .int(sign))) }
        return result + attributes(edge.canonicalFields.filter { $0.name != "from" && $0.name != "to" })
    }

    /// The sign as a number: 1, -1, 0 for unknown; `nil` for none (no causal claim).
    static func signValue(_ sign: Sign) -> Int? {
        switch sign {
        case .positive: 1
        case .negative: -1
        case .unknown: 0
        case .none: nil
        }
    }

    /// The graph's header, sources, kinds, contexts, references and claims.
    static func graph(_ graph: Graph) -> ExchangeAttributes {
        var result: ExchangeAttributes = [
            ("format", .int(graph.format)), ("id", .string(graph.id)), ("title", .string(graph.title)),
            ("version", .string(graph.version)),
        ]
        if let description = graph.description { result.append(("description", .string(description))) }
        if !graph.sources.isEmpty { result.append(("sources", .list(graph.sources))) }
        if !graph.kinds.isEmpty {
            result.append(("kinds", .json(object(graph.kinds.map { ($0.kind.rawValue, JSONText.string($0.description)) }))))
        }
        if !graph.contexts.isEmpty {
            result.append(("contexts", .json(object(graph.contexts.map { ($0.key, CanonicalWriter.jsonObject($0.canonicalFields)) }))))
        }
        if !graph.references.isEmpty {
            result.append(("references", .json(object(graph.references.map { ($0.key, CanonicalWriter.jsonObject($0.canonicalFields)) }))))
        }
        if !graph.claims.isEmpty {
            result.append(("claims", .json("[" + graph.claims.map { CanonicalWriter.jsonObject($0.canonicalFields) }.joined(separator: ", ") + "]")))
        }
        return result
    }

    /// Canonical fields as attributes, maps flattened to one attribute per key.
    static func attributes(_ fields: CanonicalFields) -> ExchangeAttributes {
        var result: ExchangeAttributes = []
        for (name, value) in fields {
            switch value {
            case let .text(text): result.append((name, .string(text)))
            case let .bool(flag): result.append((name, .bool(flag)))
            case let .integer(number): result.append((name, .int(number)))
            case let .list(items): result.append((name, .list(items)))
            case let .map(pairs): result += pairs.map { ("\(name):\($0.0)", .string($0.1)) }
            }
        }
        return result
    }

    /// A JSON object of members already written as JSON.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}

/// Escaping text one Unicode scalar at a time, for the exchange writers' own escape tables.
enum Escaping {
    /// `text` with each scalar that `table` maps replaced by its replacement.
    static func replacing(_ text: String, _ table: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replacement = table(scalar) { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
