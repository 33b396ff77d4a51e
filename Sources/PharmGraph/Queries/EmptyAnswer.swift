/// Why a path query found no path (a `none` verdict); see docs/queries.md, "Empty answers".
public enum EmptyReason: Sendable, Equatable {
    /// The source and the target are the same node: a simple path never returns to its start.
    case sameNode(NodeIndex)
    /// The graph states that a source has no effect on a target: this `no_effect` edge, admitted by the context filter.
    case noEffect(EdgeIndex)
    /// The context filter removes every path: `paths` exist without it (`atLeast`: a lower bound),
    /// and each of `terms` alone removes them all (with the paths restored when that term is dropped).
    case filtered(paths: Int, atLeast: Bool, terms: [FilterTerm])
    /// No path in the contexts the query covers, but some when it asserts a condition, or names a level of an
    /// ordinal key outside its default range: each such key=value with what it gives (docs/queries.md, "Contexts").
    case conditional([ContextOpening])
    /// Paths exist, but only through edges scoped to another drug's exposure (`exposure_of`): `edges` (up to
    /// three), walked from `sources`, none of which is in those drugs' families; `paths` of them (`atLeast`: a lower bound).
    case exposureScoped(edges: [EdgeIndex], sources: [NodeIndex], paths: Int, atLeast: Bool)
    /// A path exists, but the shortest has `shortest` steps, more than `maxLength`.
    case tooLong(shortest: Int, maxLength: Int)
    /// No path from the sources to the targets, but the targets reach the sources: `count` shortest such paths, e.g. `path`.
    case reverseOnly(path: NetworkPath, count: Int)
    /// No path at any length up to `PathQuery.largestMaxLength` under the query's traversal and constraints.
    case unreachable(Traversal)
    /// No path within the maximum length; whether a longer one exists was not settled by the explanation's bounded searches.
    case unsettled(maxLength: Int)

    /// A filter term and the paths that come back when it alone is dropped.
    public struct FilterTerm: Sendable, Equatable {
        public internal(set) var key: String
        public internal(set) var value: String
        public internal(set) var paths: Int
    }

    /// A context the query did not assert (a condition, or an ordinal level outside the default) and the paths it gives.
    public struct ContextOpening: Sendable, Equatable {
        public internal(set) var key: String
        public internal(set) var value: String
        /// `.condition` or `.ordinal`.
        public internal(set) var kind: ContextDeclaration.Kind
        public internal(set) var counts: SignCounts
        /// The search stopped early: the counts are lower bounds.
        public internal(set) var atLeast: Bool
        /// The tiered verdict of those paths, after the feedback analysis (docs/queries.md, "Verdicts").
        public internal(set) var verdict: Verdict
        /// Its certainty; `nil` when no signed path decides it.
        public internal(set) var certainty: Certainty?

        init(
            key: String, value: String, kind: ContextDeclaration.Kind, counts: SignCounts, atLeast: Bool, verdict: Verdict,
            certainty: Certainty?
        ) {
            (self.key, self.value, self.kind, self.counts, self.atLeast) = (key, value, kind, counts, atLeast)
            (self.verdict, self.certainty) = (verdict, certainty)
        }

        /// `positive, established`, `none`, or `undetermined` when the search stopped early.
        var verdictWords: String {
            atLeast ? Finding.undetermined.rawValue : verdict.rawValue + (certainty.map { ", " + $0.rawValue } ?? "")
        }

        /// `asserting condition=x gives 2 paths (verdict positive, established)`, or for a level `at dose=y there is 1 path (verdict negative)`.
        var words: String { phrase(conditional: false) }

        /// As `words`, or after `conditional on condition=x: ` (an empty answer's reason) `asserting it gives …`.
        func phrase(conditional: Bool) -> String {
            let term = DisplayText.escaped(key) + "=" + DisplayText.escaped(value)
            let found = (atLeast ? "at least " : "") + Plural.count(counts.total, "path")
            let be = counts.total == 1 && !atLeast ? "is" : "are"
            let gives =
                switch (kind == .condition, conditional) {
                case (true, true): "conditional on \(term): asserting it gives \(found)"
                case (true, false): "asserting \(term) gives \(found)"
                case (false, true): "conditional on \(term): at that level there \(be) \(found)"
                case (false, false): "at \(term) there \(be) \(found)"
                }
            return gives + " (verdict \(verdictWords))"
        }
    }

    /// What the query walked, for the words of `unreachable`.
    public struct Traversal: Sendable, Equatable {
        public internal(set) var undirected: Bool
        public internal(set) var relations: [String]?
        /// The query had via, avoid, sign or pattern constraints.
        public internal(set) var constrained: Bool
    }

    /// A machine word for JSON: `same_node`, `no_effect`, `filtered`, `conditional`, `exposure_scoped`, `too_long`, `reverse_only`, `unreachable`, `unsettled`.
    public var word: String {
        switch self {
        case .sameNode: "same_node"
        case .noEffect: "no_effect"
        case .filtered: "filtered"
        case .conditional: "conditional"
        case .exposureScoped: "exposure_scoped"
        case .tooLong: "too_long"
        case .reverseOnly: "reverse_only"
        case .unreachable: "unreachable"
        case .unsettled: "unsettled"
        }
    }

    /// The explanation in words (no option names), for a query from `sources` to `targets` on `network`.
    public func description(sources: [NodeIndex], targets: [NodeIndex], network: Network) -> String {
        let from = Self.names(sources, network)
        let to = Self.names(targets, network)
        switch self {
        case let .sameNode(node):
            return "no path: the source and the target are the same node, \(Self.names([node], network)), and a path never returns to its start"
        case let .noEffect(e):
            let edge = network.edge(e)
            var text = "no path: the graph states that \(Self.names([edge.from], network)) has no effect on \(Self.names([edge.to], network))"
            text += " (\(DisplayText.escaped(network.nodeIDs[Int(edge.from.rawValue)])) \(PathFormatter.glyph(edge.label.name, sign: .none)) "
            text += DisplayText.escaped(network.nodeIDs[Int(edge.to.rawValue)])
            if let refs = network.graph?.edges[e].refs, !refs.isEmpty { text += " [" + DisplayText.escaped(refs.joined(separator: ",")) + "]" }
            return text + ")"
        case let .filtered(paths, atLeast, terms):
            var text = "no path under the context filter: without it there \(paths == 1 ? "is" : "are") "
            text += (atLeast ? "at least " : "") + Plural.count(paths, "path")
            if terms.isEmpty { return text + "; no term alone cuts them, only the terms together" }
            // Each count is what comes back when that one term is dropped and the others still hold.
            let each = terms.map { term in
                "without \(DisplayText.escaped(term.key))=\(DisplayText.escaped(term.value)) alone there \(term.paths == 1 ? "is" : "are") "
                    + (atLeast ? "at least " : "") + Plural.count(term.paths, "path")
            }
            return text + "; " + each.joined(separator: ", ")
        case let .conditional(openings):
            return "no path in the contexts the query covers; " + openings.map { $0.phrase(conditional: true) }.joined(separator: "; ")
        case let .exposureScoped(edges, starts, paths, atLeast):
            return Self.scopedText(edges: edges, sources: starts, targets: targets, paths: paths, atLeast: atLeast, network: network)
        case let .tooLong(shortest, maxLength):
            return "no path within the maximum length: the shortest path has \(shortest) steps, more than the maximum length \(maxLength)"
        case let .reverseOnly(path, count):
            let formatter = PathFormatter(network: network)
            // With a set at either end, only some of it may reach the other way: name the direction, not the sets.
            let reach = sources.count == 1 && targets.count == 1 ? "\(to) reaches \(from)" : "paths run the other way, from \(to) to \(from)"
            return
                "no path from \(from) to \(to), but \(reach): \(Plural.count(count, "shortest path")) of \(Plural.count(path.length, "step")), e.g. "
                + formatter.describe(path)
        case let .unreachable(traversal):
            var text = targets.count == 1 ? "no path: \(to) is not reachable from \(from)" : "no path: none of \(to) is reachable from \(from)"
            var ways: [String] = []
            if traversal.undirected { ways.append("walking every edge both ways") }
            if let relations = traversal.relations {
                ways.append("walking only the relations " + relations.map { DisplayText.escaped($0) }.joined(separator: ", "))
            }
            if traversal.constrained { ways.append("under the query's constraints") }
            if !ways.isEmpty { text += " (" + ways.joined(separator: "; ") + ")" }
            return text
        case let .unsettled(maxLength):
            return
                "no path within the maximum length \(maxLength); whether a longer path exists was not settled by the explanation's bounded searches (work, time, or a few lengths further for a constrained query)"
        }
    }

    /// `no path: 'seiz' is reached from 'li' only through an edge scoped to another drug's exposure (1 path): the edge
    /// gsk -| seiz holds at ket's dose=sub (exposure_of: ket); the query starts from 'li', not from 'ket'`.
    static func scopedText(
        edges: [EdgeIndex], sources: [NodeIndex], targets: [NodeIndex], paths: Int, atLeast: Bool, network: Network
    ) -> String {
        let id = { (node: NodeIndex) in DisplayText.escaped(network.nodeIDs[Int(node.rawValue)]) }
        let declarations = network.scopes.declarations
        var drugs: [String] = []
        let clauses = edges.map { e in
            let edge = network.edge(e)
            let stated = network.graph?.edges[e]
            let drug = stated?.exposureOf ?? ""
            if !drugs.contains(drug) { drugs.append(drug) }
            let exposure = (stated?.context ?? [:]).filter { declarations[$0.key]?.exposure == true }.sorted { $0.key < $1.key }
            let at =
                exposure.isEmpty
                ? "under \(DisplayText.escaped(drug))'s exposure"
                : "at \(DisplayText.escaped(drug))'s "
                    + exposure.map { DisplayText.escaped($0.key) + "=" + DisplayText.escaped($0.value) }
                    .joined(separator: ", ")
            return "the edge \(id(edge.from)) \(PathFormatter.glyph(edge.label.name, sign: edge.label.sign)) \(id(edge.to)) holds \(at) "
                + "(exposure_of: \(DisplayText.escaped(drug)))"
        }
        let found = (atLeast ? "at least " : "") + Plural.count(paths, "path")
        let through = edges.count == 1 ? "an edge" : "edges"
        let owners = drugs.map { "'" + DisplayText.escaped($0) + "'" }.joined(separator: " or ")
        let starts = names(sources, network)
        return "no path: \(names(targets, network)) is reached from \(starts) only through \(through) scoped to another drug's exposure "
            + "(\(found)): " + clauses.joined(separator: "; ") + "; the query starts from \(starts), not from \(owners)"
    }

    /// `'a'`, `'a', 'b'`, or `12 nodes` for a larger set.
    static func names(_ nodes: [NodeIndex], _ network: Network) -> String {
        if nodes.count > 3 { return "\(nodes.count) nodes" }
        return nodes.map { "'\(DisplayText.escaped(network.nodeIDs[Int($0.rawValue)]))'" }.joined(separator: ", ")
    }
}

extension PathEngine {
    /// The work budget of each search an explanation runs (or the query's, when smaller): it stays cheap beside the query.
    static let explanationWork = 10_000_000

    /// How many lengths past the maximum a constrained query (via, sign, pattern) is searched for an explanation.
    static let constrainedLookahead = 3

    /// Why `result`, the answer to `query`, has no path; `nil` unless it is a complete `none`.
    ///
    /// Tried in order: the same nodes, a `no_effect` edge from a source to a target, the context filter,
    /// the maximum length, the reverse direction; otherwise unreachable (or unsettled within the budget).
    public func explain(_ query: PathQuery, result: PathReport) throws(QueryError) -> EmptyReason? {
        guard !result.partial, result.counts.total == 0 else { return nil }
        let probe = Self.probe(query)
        // Without the fast shortest-path count (via, sign, pattern), each extra length is a search of its own:
        // look a few lengths further only, and never call a pair unreachable from that.
        let fast = query.via == nil && query.sign == nil && query.pattern == nil
        let sources = Set(query.sources)
        let targets = Set(query.targets)
        if sources.count == 1, sources == targets { return .sameNode(query.sources[0]) }
        // A no_effect edge scoped to a drug's exposure counts when any of the sources is that drug.
        var stated = query.traversal
        stated.exposures = exposureParts(query).reduce(into: []) { $0.formUnion($1.traversal.exposures) }
        if let edge = noEffectEdge(from: sources, to: targets, traversal: stated) { return .noEffect(edge) }
        if let filtered = try filterReason(probe) { return filtered }
        if let conditional = try conditionalReason(probe) { return conditional }
        if let scoped = try exposureReason(probe) { return scoped }
        var longer = probe
        longer.maxLength = fast ? PathQuery.largestMaxLength : min(PathQuery.largestMaxLength, query.maxLength + Self.constrainedLookahead)
        let longest = query.pattern == nil ? try shortest(longer, limit: 1) : nil
        if let longest, let path = longest.paths.first { return .tooLong(shortest: path.length, maxLength: query.maxLength) }
        if !query.traversal.undirected {
            var back = probe
            back.sources = query.targets
            back.targets = query.sources
            // The clamps keep cutting the edges into their nodes, but start nothing backwards.
            (back.traversal, back.interventions) = (query.walk, [])
            back.pattern = query.pattern.map { $0.reversed() }
            let found = try shortest(back, limit: 1)
            if let path = found.paths.first, !found.partial { return .reverseOnly(path: path, count: found.counts.total) }
        }
        if let longest, longest.partial { return .unsettled(maxLength: query.maxLength) }
        if !fast { return .unsettled(maxLength: query.maxLength) }
        let traversal = EmptyReason.Traversal(
            undirected: query.traversal.undirected, relations: query.traversal.labels?.sorted(),
            constrained: query.via != nil || !query.avoid.isEmpty || query.sign != nil || query.pattern != nil
                || !query.traversal.filter.isEmpty)
        return .unreachable(traversal)
    }

    /// The first `no_effect` edge from a source to a target that the query's contexts admit.
    private func noEffectEdge(from sources: Set<NodeIndex>, to targets: Set<NodeIndex>, traversal: TraversalOptions) -> EdgeIndex? {
        // The label is read first, so a large imported network costs one array read per edge.
        guard network.labels.contains(where: { $0.relation == .noEffect }) else { return nil }
        return network.edgeIndices.first { e in
            guard network.label(of: e.rawValue).relation == .noEffect else { return false }
            let edge = network.edge(e)
            return sources.contains(edge.from) && targets.contains(edge.to) && network.admits(e, traversal)
        }
    }

    /// `conditional` when asserting one unasserted condition, or one ordinal level outside the default range, gives paths.
    ///
    /// Only the key=value terms that admit an edge the query leaves out are tried, one search each; combinations are not.
    private func conditionalReason(_ query: PathQuery) throws(QueryError) -> EmptyReason? {
        let openings = try alternatives(query, than: SignCounts())
        return openings.isEmpty ? nil : .conditional(openings)
    }

    /// `exposureScoped` when paths exist once every exposure-scoped edge may be walked, whatever the drug ends.
    private func exposureReason(_ query: PathQuery) throws(QueryError) -> EmptyReason? {
        let families = network.scopes.exposureFamilies
        guard !families.isEmpty, let graph = network.graph else { return nil }
        var open = query
        open.traversal.unscoped = true
        let found = try paths(open, limit: Self.scopedExamples)
        guard found.counts.total > 0 else { return nil }
        var edges: [EdgeIndex] = []
        var sources: [NodeIndex] = []
        for path in found.paths {
            let own = families[path.nodes[0].rawValue] ?? []
            let foreign = path.edges.filter { e in graph.edges[e].exposureOf.map { !own.contains($0) } ?? false }
            if !foreign.isEmpty, !sources.contains(path.nodes[0]) { sources.append(path.nodes[0]) }
            for e in foreign where !edges.contains(e) { edges.append(e) }
        }
        guard !edges.isEmpty else { return nil }
        return .exposureScoped(edges: Array(edges.prefix(3)), sources: sources, paths: found.counts.total, atLeast: found.partial)
    }

    /// How many paths an exposure explanation looks at for the scoped edges it names.
    static let scopedExamples = 20

    /// `query` with the budget of an explanation: the query's or `explanationWork`, whichever is smaller, and
    /// its timeout turned into one deadline for all the explanation's searches together.
    static func probe(_ query: PathQuery) -> PathQuery {
        var probe = query
        probe.maxWork = min(query.maxWork ?? .max, Self.explanationWork)
        if let timeout = query.timeout {
            let end = ContinuousClock.now + timeout
            probe.deadline = query.deadline.map { min($0, end) } ?? end
            probe.timeout = nil
        }
        return probe
    }

    /// The answers to `query` in the contexts it leaves out, where they differ from its complete `result`: each
    /// other condition, and each other ordinal level (outside the default range, or than the one named), alone
    /// (docs/queries.md, "Contexts").
    ///
    /// One search each, under an explanation's budget; none for a partial result or a graph without declarations;
    /// contexts with no path are left out.
    public func contextAlternatives(_ query: PathQuery, result: PathReport) throws(QueryError) -> [EmptyReason.ContextOpening] {
        guard !result.partial else { return [] }
        // An answer with paths is not made clearer by the contexts that give none.
        return try alternatives(Self.probe(query), than: result.counts).filter { $0.counts.total > 0 }
    }

    private func alternatives(_ query: PathQuery, than counts: SignCounts) throws(QueryError) -> [EmptyReason.ContextOpening] {
        var openings: [EmptyReason.ContextOpening] = []
        for (key, value, kind) in contextOpenings(query.traversal) {
            var opened = query
            opened.traversal.filter.required[key] = value
            var found = try paths(opened, limit: 0)
            if found.counts != counts {
                // The verdict is stated as the query's own would be: tiered, after the feedback analysis.
                try assess(opened, &found, detail: false)
                try assessFeedback(opened, report: &found)
                openings.append(
                    .init(
                        key: key, value: value, kind: kind, counts: found.counts, atLeast: found.partial,
                        verdict: found.assessment?.verdict ?? found.counts.verdict, certainty: found.assessment?.certainty))
            }
        }
        return openings
    }

    /// The terms a query could add or change that admit an edge it leaves out: each value of a declared condition key
    /// other than the one it asserts, each level outside the default range of a declared ordinal key it names no level
    /// for, and each other level of one it names.
    func contextOpenings(_ traversal: TraversalOptions) -> [(key: String, value: String, kind: ContextDeclaration.Kind)] {
        let scopes = network.scopes
        guard let graph = network.graph, !scopes.declarations.isEmpty else { return [] }
        // Exposure scoping is no context a query asserts: every scoped edge counts here.
        let drugs = Set(scopes.scopes.compactMap(\.exposureOf))
        let now = ContextAdmission(traversal.filter, declarations: scopes.declarations, exposures: drugs)
        var out: [(String, String, ContextDeclaration.Kind)] = []
        for declaration in graph.contexts where scopes.declarations[declaration.key] == declaration {
            let key = declaration.key
            guard declaration.kind != .categorical else { continue }
            let given = traversal.filter.required[key]
            // Another value than the query's term; without a term, a condition's every value, an ordinal key's uncovered levels.
            for value in declaration.values
            where value != given && (given != nil || declaration.kind == .condition || !now.covered(key).contains(value)) {
                var filter = traversal.filter
                filter.required[key] = value
                let opened = ContextAdmission(filter, declarations: scopes.declarations, exposures: drugs)
                if scopes.scopes.contains(where: { !now.admits($0) && opened.admits($0) }) { out.append((key, value, declaration.kind)) }
            }
        }
        return out
    }

    /// `filtered` when paths exist without the context filter, with the terms that alone remove them all.
    private func filterReason(_ query: PathQuery) throws(QueryError) -> EmptyReason? {
        let filter = query.traversal.filter
        guard !filter.isEmpty else { return nil }
        var open = query
        open.traversal.filter = ContextFilter()
        let unfiltered = try paths(open, limit: 0)
        // Nothing found by a search that stopped early settles nothing: say so rather than fall through to "unreachable".
        if unfiltered.counts.total == 0, unfiltered.partial { return .unsettled(maxLength: query.maxLength) }
        guard unfiltered.counts.total > 0 else { return nil }
        var terms: [EmptyReason.FilterTerm] = []
        for (key, value) in filter.required.sorted(by: { $0.key < $1.key }) {
            var others = query
            others.traversal.filter = ContextFilter(filter.required.filter { $0.key != key })
            let restored = try paths(others, limit: 0)
            if restored.counts.total > 0 { terms.append(.init(key: key, value: value, paths: restored.counts.total)) }
        }
        return .filtered(paths: unfiltered.counts.total, atLeast: unfiltered.partial, terms: terms)
    }
}
