/// Where an edge of a curated graph holds, under the graph's declared contexts (docs/queries.md, "Contexts").
///
/// Per key, the values at which the edge holds: an ordinal key's levels (its value and up, or that value
/// only when the key is `exact`), a categorical or undeclared key's value, and the conditions a query must
/// assert. The context of the edge's target node is intersected with the edge's own.
struct EdgeScope: Hashable, Sendable {
    /// Declared ordinal keys: the declared levels at which the edge holds (empty: at none).
    var levels: [String: Set<String>] = [:]
    /// Categorical and undeclared keys (and undeclared values of ordinal keys): the values at which it holds.
    var values: [String: Set<String>] = [:]
    /// Condition keys: the values a query must assert.
    var conditions: [String: Set<String>] = [:]
    /// The drug whose forms alone may walk the edge (`exposure_of`).
    var exposureOf: String?

    /// The scope of `edge` into `target`, under `declarations` (by key).
    init(edge: Edge, target: Node?, declarations: [String: ContextDeclaration]) {
        self.init(context: edge.context, exact: Set(edge.exact), target: target?.context ?? [:], declarations: declarations)
        exposureOf = edge.exposureOf
    }

    /// The scope of an edge with `context` (its `exact` keys at that level only) into a node with context `target`.
    init(context: [String: String], exact: Set<String>, target: [String: String], declarations: [String: ContextDeclaration]) {
        add(context, exact: exact, declarations)
        add(target, exact: [], declarations)
    }

    /// The declared keys (sorted) on which an edge with `context` (`exact` as above) into a node with context `target`
    /// holds nowhere: both give the key a declared value, and no query `--where key=VALUE` admits the edge
    /// (`ContextAdmission.admits(_:key:)`), so it can never be walked.
    static func contradictions(
        context: [String: String], exact: Set<String>, target: [String: String], declarations: [String: ContextDeclaration]
    ) -> [String] {
        context.keys.sorted().filter { key in
            guard let declaration = declarations[key], let value = context[key], let other = target[key],
                declaration.values.contains(value), declaration.values.contains(other)
            else { return false }
            let scope = EdgeScope(
                context: [key: value], exact: exact.intersection([key]), target: [key: other], declarations: declarations)
            return !declaration.values.contains { asked in
                ContextAdmission(ContextFilter([key: asked]), declarations: declarations).admits(scope, key: key)
            }
        }
    }

    /// Intersects the scope with `context` (its ordinal values thresholds, except the `exact` keys).
    private mutating func add(_ context: [String: String], exact: Set<String>, _ declarations: [String: ContextDeclaration]) {
        for (key, value) in context {
            let declaration = declarations[key]
            switch declaration?.kind {
            case .ordinal?:
                // A value the declaration lacks (an error `check` reports) is read as categorical.
                guard let order = declaration?.values, let i = order.firstIndex(of: value) else { fallthrough }
                let held: Set<String> = exact.contains(key) ? [value] : Set(order[i...])
                levels[key] = levels[key].map { $0.intersection(held) } ?? held
            case .categorical?, nil:
                values[key] = values[key].map { $0.intersection([value]) } ?? [value]
            case .condition?:
                conditions[key, default: []].insert(value)
            }
        }
    }
}

/// The context side of a query: what its `--where` terms require, what the declarations cover by
/// default, and which drugs' exposure-scoped edges it walks.
struct ContextAdmission: Sendable {
    let filter: ContextFilter
    let declarations: [String: ContextDeclaration]
    let exposures: Set<String>

    init(_ filter: ContextFilter, declarations: [String: ContextDeclaration], exposures: Set<String> = []) {
        self.filter = filter
        self.declarations = declarations
        self.exposures = exposures
    }

    /// The levels of an ordinal key the query covers: the one required, else the declared default, else all.
    func covered(_ key: String) -> [String] {
        if let value = filter.required[key] { return [value] }
        guard let declaration = declarations[key] else { return [] }
        return declaration.defaults ?? declaration.values
    }

    /// Whether the query admits an edge of `scope`, on paths from a drug whose exposures are `exposures`.
    func admits(_ scope: EdgeScope) -> Bool {
        if let drug = scope.exposureOf, !exposures.contains(drug) { return false }
        for key in scope.levels.keys where !admits(scope, key: key) { return false }
        for key in scope.values.keys where !admits(scope, key: key) { return false }
        for key in scope.conditions.keys where !admits(scope, key: key) { return false }
        return true
    }

    /// Whether the scope's constraint on `key` alone admits the edge under this query.
    func admits(_ scope: EdgeScope, key: String) -> Bool {
        if let held = scope.levels[key], !covered(key).contains(where: held.contains) { return false }
        if let held = scope.values[key] {
            if held.isEmpty { return false }
            if let wanted = filter.required[key], !held.contains(wanted) { return false }
        }
        if let needed = scope.conditions[key] {
            guard let asserted = filter.required[key], needed == [asserted] else { return false }
        }
        return true
    }
}

extension Network {
    /// The scopes of a curated graph's edges (`scopes[edgeScopes[e]]`), the declarations by key,
    /// and per node the `exposure_of` drugs whose exposure a path from it is (the drug itself); all empty for an imported network.
    struct ContextScopes: Sendable {
        var scopes: [EdgeScope] = []
        var edgeScopes: [Int32] = []
        var declarations: [String: ContextDeclaration] = [:]
        /// Node → the `exposure_of` drugs a path from it walks the edges of (itself, when it is one); other nodes are absent.
        var exposureFamilies: [Int32: [String]] = [:]

        /// An imported network's: no declarations, so contexts filter as categorical values.
        static let none = ContextScopes()

        /// The scopes of `graph`, whose node `i` is network node `i`.
        init(_ graph: Graph, nodeIndex: [String: Int32]) {
            for declaration in graph.contexts where declarations[declaration.key] == nil {
                declarations[declaration.key] = declaration
            }
            var index: [EdgeScope: Int32] = [:]
            for edge in graph.edges {
                let scope = EdgeScope(edge: edge, target: graph.node(edge.to), declarations: declarations)
                if let existing = index[scope] {
                    edgeScopes.append(existing)
                } else {
                    index[scope] = Int32(scopes.count)
                    edgeScopes.append(Int32(scopes.count))
                    scopes.append(scope)
                }
            }
            exposureFamilies = Self.families(graph, nodeIndex: nodeIndex)
        }

        private init() {}

        /// For each `exposure_of` drug, the one source whose exposure it is: the drug itself. A dose of racemic
        /// ketamine is no dose of esketamine or of norketamine given as drugs (docs/queries.md, "Contexts"); a path
        /// from the drug through one of its forms is still the drug's exposure, as its source is the drug.
        private static func families(_ graph: Graph, nodeIndex: [String: Int32]) -> [Int32: [String]] {
            var families: [Int32: [String]] = [:]
            for drug in Set(graph.edges.compactMap(\.exposureOf)).sorted() {
                if let i = nodeIndex[drug] { families[i, default: []].append(drug) }
            }
            return families
        }
    }

    /// How the query `options` admits each of the network's distinct contexts or scopes, and the
    /// index of each edge's one; computed once per traversal, never per step of a search.
    func contextAdmission(_ options: TraversalOptions) -> (usable: [Bool], index: [Int32]) {
        if scopes.scopes.isEmpty { return (contexts.map { options.filter.admits($0) }, edgeContexts) }
        let admission = ContextAdmission(options.filter, declarations: scopes.declarations, exposures: options.exposures)
        return (scopes.scopes.map(admission.admits), scopes.edgeScopes)
    }

    /// Whether edge `e` is walked under `options` (one edge; the step graph does all at once).
    func admits(_ e: EdgeIndex, _ options: TraversalOptions) -> Bool {
        if scopes.scopes.isEmpty { return options.filter.admits(edge(e).context) }
        let admission = ContextAdmission(options.filter, declarations: scopes.declarations, exposures: options.exposures)
        return admission.admits(scopes.scopes[Int(scopes.edgeScopes[Int(e.rawValue)])])
    }
}

extension ContextFilter {
    /// The indices of `graph`'s edges that hold under every term, with the graph's declared semantics (an
    /// ordinal term admits the edges that hold at its level); the defaults play no part: a drawing shows the graph.
    public func admittedEdges(of graph: Graph) -> [Int] {
        guard !isEmpty else { return Array(graph.edges.indices) }
        var declarations: [String: ContextDeclaration] = [:]
        for declaration in graph.contexts where declarations[declaration.key] == nil { declarations[declaration.key] = declaration }
        let admission = ContextAdmission(self, declarations: declarations)
        return graph.edges.indices.filter { e in
            let scope = EdgeScope(edge: graph.edges[e], target: graph.node(graph.edges[e].to), declarations: declarations)
            return required.keys.allSatisfy { admission.admits(scope, key: $0) }
        }
    }
}

extension PathEngine {
    /// `query` split by the exposure-scoped edges its drug ends may walk: one part per distinct set of
    /// `exposure_of` drugs among the families of its sources (of its targets, walking back), each with
    /// those sources (targets) only, so that every path is counted under its own drug's scope.
    func exposureParts(_ query: PathQuery) -> [PathQuery] {
        exposureSplit(query).map(\.query)
    }

    /// `exposureParts` with each part's signed sources (`PathQuery.signedSources`, clamped nodes included, each in
    /// exactly one part: a clamp is no drug, so it walks no exposure-scoped edge and joins the part with no family).
    func exposureSplit(_ query: PathQuery) -> [(query: PathQuery, sources: [(node: Int32, sign: Int8)])] {
        let families = network.scopes.exposureFamilies
        guard !families.isEmpty else { return [(query, query.signedSources)] }
        if query.traversal.unscoped {
            var open = query
            open.traversal.exposures = Set(families.values.joined())
            return [(open, query.signedSources)]
        }
        let reversed = query.traversal.reversed
        var groups: [[String]: [(node: Int32, sign: Int8)]] = [:]
        var order: [[String]] = []
        let ends = reversed ? query.targets.map { (node: $0.rawValue, sign: Int8(1)) } : query.signedSources
        for end in ends {
            let key = families[end.node] ?? []
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(end)
        }
        if order.isEmpty { order = [[]] }
        return order.map { key in
            var part = query
            part.traversal.exposures = Set(key)
            let members = groups[key] ?? []
            if order.count > 1 {
                let named = Set(members.map(\.node))
                if reversed {
                    part.targets = members.map { NodeIndex(rawValue: $0.node) }
                } else {
                    part.sources = query.sources.filter { named.contains($0.rawValue) }
                }
            }
            return (part, reversed || order.count == 1 ? query.signedSources : members)
        }
    }
}

extension SearchSpec {
    /// The spec with the ends of `part`, one of `exposureSplit`: its signed sources, or walking back its targets.
    func restricted(to part: PathQuery, sources: [(node: Int32, sign: Int8)]) -> SearchSpec {
        var spec = self
        if part.traversal.reversed {
            var isTarget = [Bool](repeating: false, count: spec.isTarget.count)
            for t in part.targets { isTarget[Int(t.rawValue)] = true }
            spec.isTarget = isTarget
        } else {
            spec.sources = sources.map(\.node)
            if !spec.sourceSigns.isEmpty { spec.sourceSigns = sources.map(\.sign) }
        }
        return spec
    }
}
