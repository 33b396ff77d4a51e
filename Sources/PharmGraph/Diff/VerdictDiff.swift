/// How the research question's answers changed: the verdict of every source × target pair
/// (drug × effect or condition, by default), and the outcome of every claim kept in both versions.
///
/// Both graphs are searched with the path engine under the same query semantics and maximum
/// length; pairs are matched by id, old ids mapped through the node renames.
struct VerdictDiff: Sendable {
    /// One graph's engine and the nodes whose pairs are compared.
    struct Side: Sendable {
        let engine: PathEngine
        let sources: [NodeIndex]
        let targets: [NodeIndex]
    }

    /// A source × target pair whose verdict changed, with the paths that explain it.
    struct Pair: Sendable {
        /// Node ids, as in the new graph.
        let source: String
        let target: String
        /// Path counts in each graph (zero where the pair is unreachable or a node is missing).
        let old: SignCounts
        let new: SignCounts
        /// Paths only in the new graph, shortest first; at most `VerdictDiff.listedPaths`.
        let gained: [DiffPath]
        /// Paths only in the old graph (node ids mapped to the new), shortest first; at most `VerdictDiff.listedPaths`.
        let lost: [DiffPath]
        /// How many paths were gained and lost in all (among those examined).
        let gainedCount: Int
        let lostCount: Int
        /// More than `VerdictDiff.examinedPaths` paths on a side, so the gained and lost paths were found among the shortest.
        let partial: Bool
        /// The search on that side stopped early: its counts are lower bounds and its verdict undetermined.
        var oldStopped = false
        var newStopped = false

        /// Each side's verdict, or undetermined where its search stopped early.
        var oldFinding: Finding { Finding(old, partial: oldStopped) }
        var newFinding: Finding { Finding(new, partial: newStopped) }
    }

    /// A claim in both versions whose verdict, or whether it holds, changed.
    struct ClaimOutcome: Sendable {
        let old: Claim
        let new: Claim
        /// Undetermined where the search stopped early.
        let oldVerdict: Finding
        let newVerdict: Finding
        var oldHolds: Bool { oldVerdict == .verdict(old.expect) }
        var newHolds: Bool { newVerdict == .verdict(new.expect) }
    }

    /// How many gained and lost paths a pair lists.
    static let listedPaths = 5
    /// How many paths per side are examined to explain a change.
    static let examinedPaths = 1_000

    let maxLength: Int
    /// Pairs reachable in either graph.
    let pairsCompared: Int
    /// Pairs without a path in the old graph and with one in the new.
    let newlyReachable: [Pair]
    /// Pairs with a path in the old graph and none in the new.
    let noLongerReachable: [Pair]
    /// Pairs reachable in both whose verdict differs.
    let changed: [Pair]
    /// Pairs whose verdict is undetermined on a side (its search stopped early), so whether it changed is unknown.
    let undetermined: [Pair]
    let claimOutcomes: [ClaimOutcome]
    /// Whether a search stopped early (at its work budget or timeout).
    let partial: Bool

    var isEmpty: Bool {
        newlyReachable.isEmpty && noLongerReachable.isEmpty && changed.isEmpty && undetermined.isEmpty
            && claimOutcomes.isEmpty
    }

    /// Compares every pair of each side's sources and targets.
    ///
    /// - Parameters:
    ///   - traversal: which edges paths may use (context filter, relations); the same on both sides.
    ///   - graphDiff: for curated graphs, the node renames and the paired claims.
    ///   - limits: the work budget of each search (one per source and side, pair explained and claim) and the deadline.
    init(
        old: Side, new: Side, maxLength: Int = PathQuery.defaultMaxLength, traversal: TraversalOptions = TraversalOptions(),
        graphDiff: GraphDiff? = nil, limits: SearchLimits = .standard
    ) throws(PathEngine.QueryError) {
        self.maxLength = maxLength
        let renames = graphDiff?.renames ?? [:]
        let oldIDs = old.engine.network.nodeIDs.map { renames[$0] ?? $0 }
        let newIDs = new.engine.network.nodeIDs
        let (oldReach, oldStopped) = try Self.reach(old, maxLength: maxLength, traversal: traversal, ids: oldIDs, limits: limits)
        let (newReach, newStopped) = try Self.reach(new, maxLength: maxLength, traversal: traversal, ids: newIDs, limits: limits)
        var partial = !oldStopped.isEmpty || !newStopped.isEmpty

        let keys = Set(oldReach.keys).union(newReach.keys).sorted { ($0.source, $0.target) < ($1.source, $1.target) }
        pairsCompared = keys.count
        var newlyReachable: [Pair] = []
        var noLongerReachable: [Pair] = []
        var changed: [Pair] = []
        var undetermined: [Pair] = []
        let explainer = Explainer(
            old: old.engine, new: new.engine, oldIDs: oldIDs, maxLength: maxLength, traversal: traversal, limits: limits)
        for key in keys {
            let before = oldReach[key]
            let after = newReach[key]
            // A search stopped early leaves every pair of its source undetermined on that side.
            let stopped = (oldStopped.contains(key.source), newStopped.contains(key.source))
            if stopped.0 || stopped.1 {
                // Not explained: that would search again, to no conclusion.
                var pair = Pair(
                    source: key.source, target: key.target, old: before?.counts ?? SignCounts(),
                    new: after?.counts ?? SignCounts(), gained: [], lost: [], gainedCount: 0, lostCount: 0, partial: true)
                pair.oldStopped = stopped.0
                pair.newStopped = stopped.1
                undetermined.append(pair)
                continue
            }
            guard (before?.counts ?? SignCounts()).verdict != (after?.counts ?? SignCounts()).verdict else { continue }
            let pair = try explainer.explain(key, old: before, new: after)
            if pair.old.total == 0 {
                newlyReachable.append(pair)
            } else if pair.new.total == 0 {
                noLongerReachable.append(pair)
            } else {
                changed.append(pair)
            }
        }
        self.newlyReachable = newlyReachable
        self.noLongerReachable = noLongerReachable
        self.changed = changed
        self.undetermined = undetermined

        var outcomes: [ClaimOutcome] = []
        for case let (before?, after?) in graphDiff?.claimPairs ?? [] {
            guard let oldVerdict = try Self.verdict(of: before, on: old.engine, limits: limits),
                let newVerdict = try Self.verdict(of: after, on: new.engine, limits: limits)
            else { continue }
            let outcome = ClaimOutcome(old: before, new: after, oldVerdict: oldVerdict, newVerdict: newVerdict)
            // An undetermined outcome is listed: whether it changed is unknown.
            if oldVerdict != newVerdict || outcome.oldHolds != outcome.newHolds || oldVerdict == .undetermined {
                outcomes.append(outcome)
            }
            if oldVerdict == .undetermined || newVerdict == .undetermined { partial = true }
        }
        claimOutcomes = outcomes
        self.partial = partial
    }

    struct PairKey: Hashable {
        let source: String
        let target: String
    }

    /// A pair reachable on one side: its counts and its nodes there.
    struct Reached {
        let counts: SignCounts
        let source: NodeIndex
        let target: NodeIndex
    }

    /// Path counts for every reachable pair of a side, one search per source; and the sources
    /// (ids as compared) whose search stopped early.
    private static func reach(
        _ side: Side, maxLength: Int, traversal: TraversalOptions, ids: [String], limits: SearchLimits
    ) throws(PathEngine.QueryError) -> ([PairKey: Reached], Set<String>) {
        var counts: [PairKey: Reached] = [:]
        var partial: Set<String> = []
        guard !side.targets.isEmpty else { return (counts, []) }
        for source in side.sources {
            var query = PathQuery(sources: [source], targets: side.targets, maxLength: maxLength, traversal: traversal)
            limits.apply(to: &query)
            let (reports, stopped) = try side.engine.reach(query)
            if stopped { partial.insert(ids[source]) }
            for report in reports {
                let key = PairKey(source: ids[source], target: ids[report.target])
                counts[key] = Reached(counts: report.counts, source: source, target: report.target)
            }
        }
        return (counts, partial)
    }

    private static func verdict(of claim: Claim, on engine: PathEngine, limits: SearchLimits) throws(PathEngine.QueryError) -> Finding? {
        guard var query = ClaimVerifier.query(for: claim, in: engine.network) else { return nil }
        limits.apply(to: &query)
        return try engine.paths(query, limit: 0).finding
    }

    /// Finds the paths one graph has and the other lacks.
    private struct Explainer {
        let old: PathEngine
        let new: PathEngine
        let oldIDs: [String]
        let maxLength: Int
        let traversal: TraversalOptions
        let limits: SearchLimits

        func explain(_ key: PairKey, old before: Reached?, new after: Reached?) throws(PathEngine.QueryError) -> Pair {
            let (oldPaths, oldComplete) = try paths(before, on: old, ids: oldIDs)
            let (newPaths, newComplete) = try paths(after, on: new, ids: new.network.nodeIDs)
            // Compared as multisets of identities, so two parallel paths are not one.
            let gained = Self.subtract(oldPaths, from: newPaths)
            let lost = Self.subtract(newPaths, from: oldPaths)
            return Pair(
                source: key.source, target: key.target, old: before?.counts ?? SignCounts(),
                new: after?.counts ?? SignCounts(),
                gained: Array(gained.prefix(VerdictDiff.listedPaths)), lost: Array(lost.prefix(VerdictDiff.listedPaths)),
                gainedCount: gained.count, lostCount: lost.count, partial: !oldComplete || !newComplete)
        }

        /// The paths of `paths` left after taking away, one for one, those of `other`.
        static func subtract(_ other: [DiffPath], from paths: [DiffPath]) -> [DiffPath] {
            var remaining = Dictionary(other.map { ($0.identity, 1) }, uniquingKeysWith: +)
            return paths.filter { path in
                if let n = remaining[path.identity], n > 0 {
                    remaining[path.identity] = n - 1
                    return false
                }
                return true
            }
        }

        /// The shortest paths of the pair (up to the examined number), ordered by length then text.
        private func paths(_ reached: Reached?, on engine: PathEngine, ids: [String]) throws(PathEngine.QueryError) -> ([DiffPath], Bool) {
            guard let reached else { return ([], true) }
            let network = engine.network
            var query = PathQuery(
                sources: [reached.source], targets: [reached.target], maxLength: maxLength, traversal: traversal)
            limits.apply(to: &query)
            let report = try engine.paths(query, limit: VerdictDiff.examinedPaths)
            let formatter = PathFormatter(network: network)
            let paths = report.paths.map { DiffPath($0, formatter: formatter, ids: ids) }
                .sorted { ($0.nodes.count, $0.text) < ($1.nodes.count, $1.text) }
            return (paths, report.paths.count == report.counts.total && !report.partial)
        }
    }
}

/// A path as shown in a diff: node ids (mapped to the new graph's), relations and net sign.
struct DiffPath: Sendable, Equatable {
    let nodes: [String]
    let relations: [String]
    let sign: Sign
    /// `a -inhibits-| b -activates-> c`.
    let text: String
    /// The text plus each hop's context: parallel edges that differ only in context are
    /// different paths, so the same text can stand for several.
    let identity: String

    init(_ path: NetworkPath, formatter: PathFormatter, ids: [String]) {
        nodes = path.nodes.map { ids[$0] }
        relations = formatter.relations(path)
        sign = path.sign
        text = formatter.text(path, names: ids)
        identity =
            text + " | "
            + path.edges.map { e in
                formatter.network.edge(e).context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            }.joined(separator: " | ")
    }

    static func == (a: DiffPath, b: DiffPath) -> Bool {
        a.nodes == b.nodes && a.relations == b.relations && a.sign == b.sign && a.text == b.text
    }
}
