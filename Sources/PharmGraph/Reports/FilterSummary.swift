/// What a query's contexts left out of a network: the context filter's terms and the edges they removed,
/// and what the graph's declared defaults left out (an ordinal key's default range, unasserted conditions).
struct FilterSummary: Sendable, Equatable {
    let filter: ContextFilter
    /// Edges the filter's terms leave out.
    let edgesRemoved: Int
    let edges: Int
    /// Per declared key the filter names no value for, what its default leaves out (keys with nothing left out are absent).
    let defaults: [DefaultScope]

    /// What a declared key's default leaves out when a query names no value for it.
    struct DefaultScope: Sendable, Equatable {
        let key: String
        /// `.ordinal` (its default range) or `.condition` (not asserted).
        let kind: ContextDeclaration.Kind
        /// The levels an ordinal key's default covers, lowest first; empty for a condition.
        let covered: [String]
        /// Edges left out by this key's default alone.
        let edgesRemoved: Int
        /// The values that, required instead, bring some of them back, in declared order, each with how many.
        let including: [Inclusion]
        /// Whether `covered` is a run of consecutive levels (written `a–b`, else listed).
        let contiguous: Bool
    }

    /// A value of a key and how many of the edges its default left out it brings back.
    struct Inclusion: Sendable, Equatable {
        let value: String
        let edges: Int
    }

    /// The summary of `filter` on `network`; `nil` when there is no term and the defaults leave nothing out.
    init?(_ filter: ContextFilter, in network: Network) {
        let defaults = Self.defaults(filter, in: network)
        guard !filter.isEmpty || !defaults.isEmpty else { return nil }
        self.filter = filter
        edgesRemoved = filter.removedEdgeCount(in: network)
        edges = network.edgeCount
        self.defaults = defaults
    }

    /// Per declared ordinal or condition key without a term, the edges its default leaves out and the values that include them.
    private static func defaults(_ filter: ContextFilter, in network: Network) -> [DefaultScope] {
        let scopes = network.scopes
        guard let graph = network.graph, !scopes.declarations.isEmpty else { return [] }
        var edgesOfScope = [Int](repeating: 0, count: scopes.scopes.count)
        for s in scopes.edgeScopes { edgesOfScope[Int(s)] += 1 }
        let admission = ContextAdmission(filter, declarations: scopes.declarations)
        var out: [DefaultScope] = []
        for declaration in graph.contexts where scopes.declarations[declaration.key] == declaration {
            let key = declaration.key
            guard filter.required[key] == nil, declaration.kind != .categorical else { continue }
            // Scopes this key's default leaves out; an ordinal scope that holds at no level at all is no default's doing.
            let leftOut = scopes.scopes.indices.filter { i in
                let scope = scopes.scopes[i]
                if let levels = scope.levels[key], levels.isEmpty { return false }
                return !admission.admits(scope, key: key)
            }
            let removed = leftOut.reduce(0) { $0 + edgesOfScope[$1] }
            guard removed > 0 else { continue }
            let including: [Inclusion] = declaration.values.compactMap { value in
                let opened = ContextAdmission(
                    ContextFilter(filter.required.merging([key: value]) { $1 }), declarations: scopes.declarations)
                let back = leftOut.filter { opened.admits(scopes.scopes[$0], key: key) }.reduce(0) { $0 + edgesOfScope[$1] }
                return back > 0 ? Inclusion(value: value, edges: back) : nil
            }
            let covered = declaration.kind == .ordinal ? declaration.values.filter(admission.covered(key).contains) : []
            let places = covered.compactMap { declaration.values.firstIndex(of: $0) }.sorted()
            out.append(
                DefaultScope(
                    key: key, kind: declaration.kind, covered: covered, edgesRemoved: removed, including: including,
                    contiguous: places.last.map { $0 - places[0] + 1 == places.count } ?? true))
        }
        return out
    }

    /// `the context filter dose=subanesthetic left out 12 of 229 edges`, naming the filter in the words of `hints`,
    /// and a line of what the defaults left out, e.g. `the default dose range subanesthetic–anesthetic left out
    /// 3 edges (the context filter dose=supratherapeutic includes them)`.
    func line(hints: LimitHints = .library) -> String {
        var lines: [String] = []
        if !filter.isEmpty {
            lines.append("\(hints.contextFilter) \(filter.terms.joined(separator: ",")) left out \(edgesRemoved) of \(Plural.count(edges, "edge"))")
        }
        if !defaults.isEmpty {
            lines.append(defaults.map { $0.words(hints: hints) }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    /// The `filter` object of paths and reach JSON.
    struct JSON: Encodable, Sendable, Equatable {
        var terms: [String: String]
        var edgesRemoved: Int
        var edges: Int
        /// What the declared defaults left out (only when they left out an edge).
        var defaults: [DefaultJSON]?

        enum CodingKeys: String, CodingKey {
            case terms, edges, defaults
            case edgesRemoved = "edges_removed"
        }
    }

    /// One key's default in JSON: `key`, `type`, `covered` (ordinal), `edges_removed`, `including` (value → edges).
    struct DefaultJSON: Encodable, Sendable, Equatable {
        var key: String
        var type: String
        var covered: [String]?
        var edgesRemoved: Int
        var including: [String: Int]

        enum CodingKeys: String, CodingKey {
            case key, type, covered, including
            case edgesRemoved = "edges_removed"
        }
    }

    var json: JSON {
        let defaults = defaults.map { d in
            DefaultJSON(
                key: d.key, type: d.kind.rawValue, covered: d.kind == .ordinal ? d.covered : nil, edgesRemoved: d.edgesRemoved,
                including: Dictionary(uniqueKeysWithValues: d.including.map { ($0.value, $0.edges) }))
        }
        return JSON(terms: filter.required, edgesRemoved: edgesRemoved, edges: edges, defaults: defaults.isEmpty ? nil : defaults)
    }
}

extension FilterSummary.DefaultScope {
    /// `the default dose range subanesthetic–anesthetic left out 3 edges (--where dose=supratherapeutic includes them)`,
    /// or `unasserted conditions left out 4 edges (--where condition=a includes 3, condition=b 1)`.
    func words(hints: LimitHints) -> String {
        let key = DisplayText.escaped(self.key)
        var text: String
        switch kind {
        case .ordinal:
            let levels = covered.map { DisplayText.escaped($0) }
            let range =
                levels.count == 1
                ? "level \(levels[0])"
                : contiguous ? "range \(levels[0])–\(levels[levels.count - 1])" : "levels " + levels.joined(separator: ", ")
            text = "the default \(key) \(range) left out \(Plural.count(edgesRemoved, "edge"))"
        case .condition, .categorical:
            text = "unasserted \(self.key == "condition" ? "conditions" : "\(key) conditions") left out \(Plural.count(edgesRemoved, "edge"))"
        }
        guard !including.isEmpty else { return text }
        if including.count == 1, including[0].edges == edgesRemoved {
            return text + " (\(hints.contextFilter) \(key)=\(DisplayText.escaped(including[0].value)) includes them)"
        }
        let each = including.enumerated().map { i, inclusion in
            (i == 0 ? "\(hints.contextFilter) " : "") + "\(key)=\(DisplayText.escaped(inclusion.value)) "
                + (i == 0 ? "includes \(inclusion.edges)" : "\(inclusion.edges)")
        }
        return text + " (" + each.joined(separator: ", ") + ")"
    }
}
