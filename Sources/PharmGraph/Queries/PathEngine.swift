import Foundation

/// A path query: from which nodes to which, how far, and under which constraints.
public struct PathQuery: Sendable {
    public var sources: [NodeIndex]
    public var targets: [NodeIndex]
    /// The longest path considered, in edges.
    public var maxLength: Int
    /// Nodes a counted path must pass through (at least one of them).
    public var via: [NodeIndex]?
    /// Nodes no path may visit.
    public var avoid: [NodeIndex]
    /// Node kinds step by step (a metapath); paths then have exactly `pattern.count - 1` edges.
    public var pattern: [String]?
    /// Count only paths of this sign.
    public var sign: Sign?
    public var traversal: TraversalOptions
    /// Stop after this long and mark the result partial.
    public var timeout: Duration?
    /// Stop at this moment (a bound shared by several queries) and mark the result partial.
    public var deadline: ContinuousClock.Instant?
    /// The most work the search may do, in search steps (docs/queries.md), before it stops
    /// and marks the result partial; `nil` for no bound. Deterministic, unlike a timeout.
    public var maxWork: Int? = PathQuery.defaultMaxWork
    /// Clamped nodes (`--do`): edges into them are cut, and they are sources of their clamp's sign.
    public var interventions: [Intervention] = []

    /// The default maximum length.
    public static let defaultMaxLength = 6

    /// The maximum lengths a query may ask for; the one bound every command checks, through `check(maxLength:)`.
    public static let maxLengths = 1...100

    /// The largest maximum length a query may ask for.
    public static var largestMaxLength: Int { maxLengths.upperBound }

    /// Throws `maxLengthOutOfRange` unless `maxLength` is in `maxLengths`.
    public static func check(maxLength: Int) throws(PathEngine.QueryError) {
        guard maxLengths.contains(maxLength) else { throw .maxLengthOutOfRange(maxLength) }
    }

    /// The default work budget, in search steps: about 5 s of search (docs/queries.md has the measurements).
    public static let defaultMaxWork = 500_000_000

    public init(
        sources: [NodeIndex], targets: [NodeIndex], maxLength: Int = PathQuery.defaultMaxLength, via: [NodeIndex]? = nil,
        avoid: [NodeIndex] = [], pattern: [String]? = nil, sign: Sign? = nil, traversal: TraversalOptions = TraversalOptions(),
        timeout: Duration? = nil
    ) {
        self.sources = sources
        self.targets = targets
        self.maxLength = maxLength
        self.via = via
        self.avoid = avoid
        self.pattern = pattern
        self.sign = sign
        self.traversal = traversal
        self.timeout = timeout
    }
}

/// How much work each search of a command may do: a work budget per search (deterministic),
/// a timeout per query, and a deadline shared by all (both off by default).
public struct SearchLimits: Sendable, Equatable {
    /// Search steps per query (`PathQuery.maxWork`); `nil` for no bound.
    public var maxWork: Int?
    /// Per query, from its start.
    public var timeout: Duration?
    /// For every query, whenever it starts.
    public var deadline: ContinuousClock.Instant?

    public init(maxWork: Int? = PathQuery.defaultMaxWork, timeout: Duration? = nil, deadline: ContinuousClock.Instant? = nil) {
        self.maxWork = maxWork
        self.timeout = timeout
        self.deadline = deadline
    }

    /// The default: `PathQuery.defaultMaxWork` steps per query, no timeout.
    public static let standard = SearchLimits()

    /// Sets the query's budget, timeout and deadline to these.
    public func apply(to query: inout PathQuery) {
        query.maxWork = maxWork
        query.timeout = timeout
        query.deadline = deadline
    }
}

/// Answers path queries on one network, caching the adjacency built for each traversal setting.
public final class PathEngine: @unchecked Sendable {
    public let network: Network
    /// Told of every search's steps as it goes (progress on a terminal); `nil` by default.
    public var observer: (any SearchObserver)?
    private let lock = NSLock()
    private var stepGraphs: [TraversalOptions: StepGraph] = [:]
    /// Recent search preparations, by everything but the sources (a small LRU).
    private var preparations: [PreparationKey: SearchPreparation] = [:]
    private var preparationOrder: [PreparationKey] = []
    private static let keptPreparations = 8

    struct PreparationKey: Hashable {
        var targets: [NodeIndex]
        var avoid: [NodeIndex]
        var via: [NodeIndex]?
        var pattern: [String]?
        var maxLength: Int
        var traversal: TraversalOptions
        var counts: Bool
    }

    /// The preparation for `query` at `length`, made once and reused by later queries.
    func preparation(_ query: PathQuery, spec: SearchSpec, steps: StepGraph, counts: Bool) -> SearchPreparation {
        let key = PreparationKey(
            targets: query.targets.sorted(), avoid: query.avoid.sorted(), via: query.via?.sorted(), pattern: query.pattern,
            maxLength: spec.maxLength, traversal: query.walk, counts: counts)
        lock.lock()
        if let cached = preparations[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = SearchPreparation(spec, steps: steps, kinds: network.nodeKinds, counts: counts)
        lock.lock()
        defer { lock.unlock() }
        if preparations[key] == nil {
            preparations[key] = made
            preparationOrder.append(key)
            if preparationOrder.count > Self.keptPreparations {
                preparations[preparationOrder.removeFirst()] = nil
            }
        }
        return made
    }

    /// Two reset BFS sides, reused from the last shortest-path query when free.
    private var spareSides: (ShortestPathCounter.Side, ShortestPathCounter.Side)?

    private func takeSides() -> (ShortestPathCounter.Side, ShortestPathCounter.Side) {
        lock.lock()
        defer { lock.unlock() }
        if let sides = spareSides {
            spareSides = nil
            return sides
        }
        let n = network.nodeCount
        return (ShortestPathCounter.Side(nodeCount: n), ShortestPathCounter.Side(nodeCount: n))
    }

    private func returnSides(_ forward: ShortestPathCounter.Side, _ backward: ShortestPathCounter.Side) {
        forward.reset()
        backward.reset()
        lock.lock()
        spareSides = (forward, backward)
        lock.unlock()
    }

    /// Runs a search with a cached preparation, charging its work to `meter`.
    func search<V: PathVisitor>(
        _ query: PathQuery, spec: SearchSpec, meter: inout WorkMeter, visitor: inout V
    ) throws(QueryError) -> Bool {
        // One search per set of exposure-scoped edges the query's drug ends may walk (usually one).
        let parts = exposureSplit(query)
        for (part, sources) in parts {
            var spec = parts.count == 1 ? spec : spec.restricted(to: part, sources: sources)
            spec.maxWork = meter.remaining
            spec.deadline = meter.deadline
            spec.observer = observer
            let steps = steps(for: part.walk)
            let prepared = preparation(part, spec: spec, steps: steps, counts: visitor.acceptsCounts)
            let (end, work) = PathSearch.run(spec, on: steps, kinds: network.nodeKinds, preparation: prepared, visitor: &visitor)
            meter.work += work
            observer?.searchEnded()
            switch end {
            case .complete: continue
            case let .stopped(reason):
                meter.stop = reason
                return false
            case .overflow: throw .pathCountOverflow
            }
        }
        return true
    }

    /// The work budget and deadline of one query, shared by its searches.
    struct WorkMeter {
        let maxWork: Int
        let deadline: ContinuousClock.Instant?
        var work = 0
        var stop: SearchStop?

        init(_ query: PathQuery) {
            maxWork = query.maxWork ?? .max
            let timed = query.timeout.map { ContinuousClock.now + $0 }
            switch (timed, query.deadline) {
            case let (a?, b?): deadline = min(a, b)
            case let (a, b): deadline = a ?? b
            }
        }

        var remaining: Int { max(maxWork - work, 0) }

        func report(_ counts: SignCounts, paths: [NetworkPath]) -> PathReport {
            PathReport(counts: counts, paths: paths, partial: stop != nil, stop: stop, work: work)
        }
    }

    public init(network: Network) { self.network = network }

    /// An engine on a curated graph.
    public convenience init(graph: Graph) { self.init(network: Network(graph)) }

    /// Builds (and caches) the adjacency for a traversal setting ahead of the first query.
    public func prepare(_ options: TraversalOptions) { _ = steps(for: options) }

    func steps(for options: TraversalOptions) -> StepGraph {
        lock.lock()
        defer { lock.unlock() }
        if let cached = stepGraphs[options] { return cached }
        let built = StepGraph(network: network, options: options)
        stepGraphs[options] = built
        return built
    }

    /// Why a query cannot run, in domain terms (the CLI adds option names).
    public enum QueryError: Error, CustomStringConvertible, Sendable, Equatable {
        /// A pattern of fewer than two kinds.
        case patternTooShort(kinds: Int)
        /// A pattern kind no node has; `suggestion` is the closest kind, if any.
        case unknownKind(String, suggestion: String?)
        /// A traversal label no edge has; `suggestion` is the closest relation or label, if any.
        case unknownLabel(String, suggestion: String?)
        /// A maximum length outside `PathQuery.maxLengths`.
        case maxLengthOutOfRange(Int)
        /// A node index outside the network.
        case nodeOutOfRange(NodeIndex)
        /// A pattern with more steps than the maximum length.
        case patternLongerThanMaxLength(steps: Int, maxLength: Int)
        /// More paths than a 64-bit count holds.
        case pathCountOverflow
        /// More shortest paths than a 64-bit count holds.
        case shortestPathCountOverflow

        public var description: String {
            switch self {
            case .patternTooShort: "a pattern needs at least two kinds"
            case let .unknownKind(kind, suggestion): "unknown kind '\(kind)' in pattern\(Suggestion.clause(suggestion))"
            case let .unknownLabel(label, suggestion):
                "no edge has the relation or label '\(label)'\(Suggestion.clause(suggestion))"
            case .maxLengthOutOfRange:
                "the maximum length must be from \(PathQuery.maxLengths.lowerBound) to \(PathQuery.maxLengths.upperBound)"
            case let .nodeOutOfRange(node): "node \(node.rawValue) is not in the network"
            case let .patternLongerThanMaxLength(steps, maxLength):
                "the pattern has \(steps) steps, more than the maximum length \(maxLength)"
            case .pathCountOverflow: "more paths than a 64-bit count holds"
            case .shortestPathCountOverflow: "more shortest paths than a 64-bit count holds"
            }
        }
    }

    /// Throws `nodeOutOfRange` for the first node of the query outside the network, before any array is indexed with it.
    private func checkNodes(_ query: PathQuery) throws(QueryError) {
        for node in query.sources + query.targets + query.avoid + (query.via ?? []) + query.interventions.map(\.node)
        where !network.contains(node) {
            throw .nodeOutOfRange(node)
        }
    }

    private func spec(for query: PathQuery, maxLength: Int? = nil) throws(QueryError) -> SearchSpec {
        let n = network.nodeCount
        try checkNodes(query)
        var isTarget = [Bool](repeating: false, count: n)
        for t in query.targets { isTarget[Int(t.rawValue)] = true }
        var avoid: [Bool]? = nil
        if !query.avoid.isEmpty {
            var mask = [Bool](repeating: false, count: n)
            for a in query.avoid { mask[Int(a.rawValue)] = true }
            avoid = mask
        }
        var via: [Bool]? = nil
        if let nodes = query.via {
            var mask = [Bool](repeating: false, count: n)
            for v in nodes { mask[Int(v.rawValue)] = true }
            via = mask
        }
        var pattern: [Int32]? = nil
        if let kinds = query.pattern {
            guard kinds.count >= 2 else { throw .patternTooShort(kinds: kinds.count) }
            var ids: [Int32] = []
            for kind in kinds {
                guard let k = network.kindIndex[kind] else {
                    throw .unknownKind(kind, suggestion: Suggestion.closest(to: kind, in: network.kinds.sorted()))
                }
                ids.append(k)
            }
            pattern = ids
        }
        if let labels = query.traversal.labels {
            let known = network.labels.map(\.name)
            for label in labels.sorted() where !known.contains(label) {
                let suggestion = Suggestion.closest(to: label, in: Set(known + Relation.allCases.map(\.rawValue)).sorted())
                throw .unknownLabel(label, suggestion: suggestion)
            }
        }
        let length = maxLength ?? query.maxLength
        try PathQuery.check(maxLength: length)
        if let pattern, pattern.count - 1 > length {
            throw .patternLongerThanMaxLength(steps: pattern.count - 1, maxLength: length)
        }
        let sources = query.signedSources
        return SearchSpec(
            sources: sources.map(\.node), sourceSigns: query.interventions.isEmpty ? [] : sources.map(\.sign), isTarget: isTarget, maxLength: length,
            avoid: avoid, via: via, pattern: pattern,
            sign: query.sign)
    }

    /// Counts every path and keeps up to `limit` of them, shortest first.
    public func paths(_ query: PathQuery, limit: Int = 20) throws(QueryError) -> PathReport {
        let spec = try spec(for: query)
        var meter = WorkMeter(query)
        var visitor = CollectingVisitor(limit: limit, maxLength: spec.maxLength, deadline: meter.deadline)
        _ = try search(query, spec: spec, meter: &meter, visitor: &visitor)
        return meter.report(visitor.counts, paths: visitor.shortestFirst)
    }

    /// All paths of the smallest length that has any (none when there is no path within the maximum).
    ///
    /// Without via, pattern or sign constraints, and with disjoint sources and targets, a
    /// bidirectional BFS counts them without enumerating; otherwise lengths are tried in turn.
    public func shortest(_ query: PathQuery, limit: Int = 20) throws(QueryError) -> PathReport {
        if query.via == nil, query.pattern == nil, query.sign == nil, PathQuery.maxLengths.contains(query.maxLength),
            Set(query.signedSources.map { NodeIndex(rawValue: $0.node) }).isDisjoint(with: query.targets)
        {
            try checkNodes(query)
            // One count per set of exposure-scoped edges the sources may walk (usually one); the shortest of them answers.
            var best: (length: Int, counts: SignCounts, paths: [NetworkPath])?
            for (part, sources) in exposureSplit(query) {
                let counter = ShortestPathCounter(
                    steps: steps(for: part.walk), avoid: Set(query.avoid.map(\.rawValue)),
                    sourceSigns: Dictionary(sources.filter { $0.sign != 1 }.map { ($0.node, $0.sign) }) { a, _ in a })
                let (forward, backward) = takeSides()
                defer { returnSides(forward, backward) }
                guard
                    let found = try counter.run(
                        sources: sources.map(\.node), targets: part.targets.map(\.rawValue), maxLength: best?.length ?? query.maxLength,
                        forward: forward,
                        backward: backward)
                else { continue }
                let paths = counter.paths(forward: forward, backward: backward, middle: found.middle, limit: limit)
                if let shorter = best, shorter.length == found.length {
                    var counts = shorter.counts
                    guard counts.add(found.counts) else { throw .shortestPathCountOverflow }
                    best = (found.length, counts, Array((shorter.paths + paths).prefix(limit)))
                } else {
                    best = (found.length, found.counts, paths)
                }
            }
            guard let best else { return PathReport(counts: SignCounts(), paths: [], partial: false) }
            return PathReport(counts: best.counts, paths: best.paths, partial: false)
        }
        let minimum = query.pattern.map { $0.count - 1 } ?? 1
        guard minimum <= query.maxLength else { return try paths(query, limit: limit) }
        var meter = WorkMeter(query)
        for length in minimum...query.maxLength {
            let spec = try spec(for: query, maxLength: length)
            var visitor = CollectingVisitor(limit: limit, maxLength: length, deadline: meter.deadline)
            let complete = try search(query, spec: spec, meter: &meter, visitor: &visitor)
            if visitor.counts.total > 0 || !complete || length == query.maxLength {
                return meter.report(visitor.counts, paths: visitor.shortestFirst)
            }
        }
        return meter.report(SignCounts(), paths: [])
    }

    /// The `k` shortest paths, by length, then evidence (best certainty, most references), then node ids.
    ///
    /// The counts cover every path up to the maximum length, as `paths` counts them. Paths are
    /// built and ranked only up to the length of the k-th: rounds of growing length stop at the
    /// first with k paths, then one search counts the longer ones without building them, under
    /// the same budget. Only `k` paths are kept at a time; of the parallel-edge combinations of
    /// one node sequence, at most `rankedExpansions` are ranked (imported networks have no
    /// evidence, so there the first `k` are).
    public func kShortest(_ query: PathQuery, k: Int) throws(QueryError) -> PathReport {
        // Checked up front, also when no round runs (a pattern longer than the maximum).
        let full = try spec(for: query)
        let minimum = query.pattern.map { $0.count - 1 } ?? 1
        let places = idOrder()
        let rank = { (path: NetworkPath, order: Int) -> PathRank in
            let evidence = self.evidence(of: path)
            return PathRank(
                length: path.length, certainty: evidence.certainty, references: evidence.references,
                names: path.nodes.map { places[$0] }, order: order)
        }
        let expansions = network.graph == nil ? k : max(k, Self.rankedExpansions)
        var meter = WorkMeter(query)
        var collected = RankingVisitor(k: k, expansions: expansions, rank: rank)
        var ranked = 0
        var complete = true
        if minimum <= query.maxLength {
            // Each round counts every path up to `length` and keeps the best k; the first round with k paths answers.
            for length in minimum...query.maxLength {
                let spec = try spec(for: query, maxLength: length)
                var visitor = RankingVisitor(k: k, expansions: expansions, rank: rank, deadline: meter.deadline)
                complete = try search(query, spec: spec, meter: &meter, visitor: &visitor)
                collected = visitor
                ranked = length
                if visitor.counts.total >= k || !complete { break }
            }
        }
        var counts = collected.counts
        if complete, minimum <= ranked, ranked < query.maxLength {
            // The totals and the verdict cover every path up to the maximum length: count the rest, building none.
            var counter = CollectingVisitor(limit: 0, maxLength: full.maxLength)
            if try search(query, spec: full, meter: &meter, visitor: &counter) {
                counts = counter.counts
            } else {
                // Both are lower bounds of each sign's count; keep the larger.
                let more = counter.counts
                counts = SignCounts(
                    positive: max(counts.positive, more.positive), negative: max(counts.negative, more.negative),
                    unknown: max(counts.unknown, more.unknown))
            }
        }
        return meter.report(counts, paths: collected.kept)
    }

    private var idPlaces: [Int32]?

    /// Each node's place among the node ids sorted as strings, made once.
    func idOrder() -> [Int32] {
        lock.lock()
        if let idPlaces {
            lock.unlock()
            return idPlaces
        }
        lock.unlock()
        let ids = network.nodeIDs
        var places = [Int32](repeating: 0, count: ids.count)
        for (place, node) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { places[node] = Int32(place) }
        lock.lock()
        defer { lock.unlock() }
        idPlaces = places
        return places
    }

    /// How many parallel-edge combinations of one node sequence `kShortest` ranks on a curated graph.
    static let rankedExpansions = 10_000

    /// A path's evidence: its weakest certainty (established best) and its number of references.
    func evidence(of path: NetworkPath) -> (certainty: Certainty, references: Int) {
        guard let graph = network.graph else { return (.established, 0) }
        var worst = Certainty.established
        var references = 0
        for e in path.edges {
            let edge = graph.edges[e]
            worst = max(worst, edge.effectiveCertainty)
            references += edge.refs.count
        }
        return (worst, references)
    }

    /// For each target reached: counts by sign and a shortest path. Sources are searched together.
    /// With `assess`, each report's `assessment` is filled too (docs/queries.md, "Verdicts").
    public func reach(_ query: PathQuery, assess: Bool = false) throws(QueryError) -> (reports: [TargetReport], partial: Bool) {
        let spec = try spec(for: query)
        var meter = WorkMeter(query)
        var visitor = PerTargetVisitor(nodeCount: network.nodeIDs.count)
        if assess { (visitor.keep, visitor.budget) = (VerdictRules.enumerationBound, Self.assessmentBudget) }
        let complete = try search(query, spec: spec, meter: &meter, visitor: &visitor)
        var reports = visitor.reports.sorted { a, b in
            (a.shortest.length, network.nodeIDs[a.target]) < (b.shortest.length, network.nodeIDs[b.target])
        }
        if assess, complete { reports = try self.assess(reports, query: query, back: false, kept: visitor.kept) }
        return (reports, !complete)
    }

    /// The most paths `reach` and `reachBack` keep in all to assess their targets.
    static let assessmentBudget = 200_000

    /// For each source that reaches any target: counts by sign and a shortest path (source first).
    /// With `assess`, each report's `assessment` is filled too.
    ///
    /// One search walks back from the targets, so it costs the same for one source or thousands.
    public func reachBack(_ query: PathQuery, assess: Bool = false) throws(QueryError) -> (reports: [TargetReport], partial: Bool) {
        var reversed = query
        reversed.sources = query.targets
        reversed.targets = query.sources
        // The clamps still cut the edges into their nodes; the clamped nodes are not added as sources.
        reversed.traversal = query.walk
        reversed.interventions = []
        reversed.traversal.reversed = true
        if let pattern = query.pattern { reversed.pattern = pattern.reversed() }
        let spec = try spec(for: reversed)
        var meter = WorkMeter(reversed)
        var visitor = PerTargetVisitor(nodeCount: network.nodeIDs.count)
        if assess { (visitor.keep, visitor.budget) = (VerdictRules.enumerationBound, Self.assessmentBudget) }
        let complete = try search(reversed, spec: spec, meter: &meter, visitor: &visitor)
        var reports = visitor.reports.map { report in
            TargetReport(target: report.target, counts: report.counts, shortest: report.shortest.reversed)
        }
        .sorted { a, b in
            (a.shortest.length, network.nodeIDs[a.target]) < (b.shortest.length, network.nodeIDs[b.target])
        }
        if assess, complete {
            reports = try self.assess(reports, query: query, back: true, kept: visitor.kept.mapValues { $0.map(\.reversed) })
        }
        return (reports, !complete)
    }
}

extension NetworkPath {
    /// The same path walked from its last node to its first.
    var reversed: NetworkPath { NetworkPath(nodes: nodes.reversed(), edges: edges.reversed(), sign: sign) }
}
