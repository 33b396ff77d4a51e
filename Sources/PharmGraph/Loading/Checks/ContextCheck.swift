/// Context declarations are well formed; edges, effect nodes and claims use declared keys and values;
/// `exact` and `exposure_of` make sense where they are written.
enum ContextCheck: DocumentCheck {
    enum Message {
        static func noValues(_ key: String) -> String { "context '\(key)' declares no values" }
        static func tooFewOrdinal(_ key: String, count: Int) -> String {
            "ordinal context '\(key)' needs at least 2 values, lowest first; it declares \(count)"
        }
        static func duplicateValue(_ value: String, in list: String, first: SourceLocation) -> String {
            "duplicate value '\(value)' in \(list); first at line \(first.line), column \(first.column)"
        }
        static func undeclaredDefault(_ value: String, key: String, suggestion: String) -> String {
            "'default' of context '\(key)' names '\(value)', which is not one of its values\(suggestion)"
        }
        static func emptyDefault(_ key: String) -> String {
            "'default' of context '\(key)' names no value; leave it out to cover every value"
        }
        static func conditionDefault(_ key: String) -> String {
            "'default' does not apply to condition context '\(key)': a condition holds only where a query asserts it"
        }
        static func unknownKey(_ key: String, field: String, suggestion: String) -> String {
            let hint = suggestion.isEmpty ? "; declare it under 'contexts:'" : suggestion
            return "undeclared context key '\(key)' in '\(field)'\(hint)"
        }
        static func unknownValue(_ value: String, key: String, declared: [String], suggestion: String) -> String {
            let hint = suggestion.isEmpty ? "; declared values: \(declared.joined(separator: ", "))" : suggestion
            return "value '\(value)' is not declared for context '\(key)'\(hint)"
        }
        static func exactNotInContext(_ key: String) -> String {
            "'exact' names '\(key)', which this edge's context does not give"
        }
        static func exactNotOrdinal(_ key: String) -> String {
            "'exact' names '\(key)', which is not declared as an ordinal context: only an ordinal value holds from itself upwards"
        }
        static func exposureOfNotDrug(_ id: String, kind: String) -> String {
            "'exposure_of' names '\(id)', a node of kind '\(kind)'; it must name a drug"
        }
        static func exposureWithoutDrug(_ key: String, value: String, from: String, kind: String) -> String {
            "exposure context '\(key): \(value)' on an edge from '\(from)', a \(kind), not a drug: whose \(key)? add exposure_of: DRUG, the drug whose \(key) it is"
        }
        static let exposureOfWithoutExposure =
            "'exposure_of' on an edge without an exposure context: it applies to the keys declared 'exposure: true' under 'contexts:', and this edge gives none"
        static func nodeContextKind(_ kind: String) -> String {
            "'context' on a node applies to effects and conditions (where they can occur), not to a node of kind '\(kind)'"
        }
    }

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var out = declarations(context.document)
        let declared = Dictionary(
            context.document.contexts.map { ($0.key.value, $0) }, uniquingKeysWith: { a, _ in a })
        if context.document.contextsLocation != nil {
            let upgrading = context.upgrading
            for edge in context.document.edges { out += uses(edge.contextEntries, "context", declared, upgrading) }
            for node in context.document.nodes { out += uses(node.context, "context", declared, upgrading) }
            for claim in context.document.claims { out += uses(claim.contextEntries, "where", declared, upgrading) }
        }
        for edge in context.document.edges { out += edgeFields(edge, declared, context) }
        for node in context.document.nodes {
            if let location = node.fieldLocations["context"], let kind = node.kind?.value, kind != .effect,
                kind != .condition
            {
                out.append(Diagnostic(.warning, Message.nodeContextKind(kind.rawValue), at: location))
            }
        }
        return out
    }

    private static func declarations(_ document: RawDocument) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for declaration in document.contexts {
            let key = declaration.key.value
            out += duplicates(declaration.values, in: "context '\(key)'")
            let distinct = Set(declaration.values.map(\.value)).count
            if declaration.values.isEmpty {
                out.append(Diagnostic(.error, Message.noValues(key), at: declaration.key.location))
            } else if declaration.kind?.value == .ordinal, distinct < 2 {
                out.append(Diagnostic(.error, Message.tooFewOrdinal(key, count: distinct), at: declaration.key.location))
            }
            guard let defaults = declaration.defaults, let defaultsAt = declaration.defaultsLocation else { continue }
            if declaration.kind?.value == .condition {
                out.append(Diagnostic(.error, Message.conditionDefault(key), at: defaultsAt))
                continue
            }
            if defaults.isEmpty { out.append(Diagnostic(.error, Message.emptyDefault(key), at: defaultsAt)) }
            out += duplicates(defaults, in: "the 'default' of context '\(key)'")
            let values = declaration.values.map(\.value)
            for value in defaults where !values.contains(value.value) {
                let suggestion = Suggestion.clause(for: value.value, in: values)
                out.append(
                    Diagnostic(.error, Message.undeclaredDefault(value.value, key: key, suggestion: suggestion), at: value.location))
            }
        }
        return out
    }

    private static func duplicates(_ items: [Located<String>], in list: String) -> [Diagnostic] {
        var seen: [String: SourceLocation] = [:]
        var out: [Diagnostic] = []
        for item in items {
            if let first = seen[item.value] {
                out.append(Diagnostic(.error, Message.duplicateValue(item.value, in: list, first: first), at: item.location))
            } else {
                seen[item.value] = item.location
            }
        }
        return out
    }

    /// Undeclared keys and values; an upgrade declares the missing keys, so it leaves those out.
    private static func uses(
        _ entries: [LocatedEntry], _ field: String, _ declared: [String: RawContext], _ upgrading: Bool
    ) -> [Diagnostic] {
        entries.compactMap { entry in
            guard let declaration = declared[entry.key.value] else {
                if upgrading { return nil }
                let suggestion = Suggestion.clause(for: entry.key.value, in: declared.keys.sorted())
                return Diagnostic(
                    .error, Message.unknownKey(entry.key.value, field: field, suggestion: suggestion), at: entry.key.location)
            }
            let values = declaration.values.map(\.value)
            // A declaration without values is reported once, at the declaration.
            guard !values.isEmpty, !values.contains(entry.value.value) else { return nil }
            let suggestion = Suggestion.clause(for: entry.value.value, in: values)
            return Diagnostic(
                .error,
                Message.unknownValue(entry.value.value, key: entry.key.value, declared: values, suggestion: suggestion),
                at: entry.value.location)
        }
    }

    private static func edgeFields(_ edge: RawEdge, _ declared: [String: RawContext], _ context: CheckContext)
        -> [Diagnostic]
    {
        var out = duplicates(edge.exact, in: "'exact'")
        for key in edge.exact {
            if edge.context[key.value] == nil {
                out.append(Diagnostic(.error, Message.exactNotInContext(key.value), at: key.location))
            } else if declared[key.value] == nil, context.upgrading {
                // The upgrade declares the key; the upgraded text is checked again.
                continue
            } else if declared[key.value]?.kind?.value != .ordinal {
                out.append(Diagnostic(.error, Message.exactNotOrdinal(key.value), at: key.location))
            }
        }
        if let drug = edge.exposureOf {
            if let node = context.nodes[drug.value] {
                if let kind = node.kind?.value, kind != .drug {
                    out.append(Diagnostic(.error, Message.exposureOfNotDrug(drug.value, kind: kind.rawValue), at: drug.location))
                }
            } else {
                let message = EdgeCheck.Message.unknownNode(
                    drug.value, field: "exposure_of", suggestion: context.nodeSuggestion(for: drug.value))
                out.append(Diagnostic(.error, message, at: drug.location))
            }
        }
        let exposures = edge.contextEntries.filter { declared[$0.key.value]?.exposure?.value == true }
        if let first = exposures.first, edge.exposureOf == nil, let from = edge.from,
            let kind = context.nodes[from.value]?.kind?.value, kind != .drug
        {
            let message = Message.exposureWithoutDrug(
                first.key.value, value: first.value.value, from: from.value, kind: kind.rawValue)
            out.append(Diagnostic(.warning, message, at: first.key.location))
        }
        if exposures.isEmpty, let drug = edge.exposureOf {
            out.append(Diagnostic(.warning, Message.exposureOfWithoutExposure, at: drug.location))
        }
        return out
    }
}
