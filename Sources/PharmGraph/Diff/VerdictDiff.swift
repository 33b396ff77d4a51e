/// How the research question's answers changed: the verdict of every source × target pair
/// (drug × effect or condition, by default), and the outcome of every claim kept in both versions.
///
/// Both graphs are searched with the path engine under the same query semantics and maximum
/// length; pairs are matched by id, old ids mapped through the node renames.
public struct VerdictDiff: Sendable {
    /// One graph's engine and the nodes whose pairs are compared.
    public struct Side: Sendable {
        public let engine: PathEngine
        public let sources: [Int32]
        public let targets: [Int32]

        public init(engine: PathEngine, sources: [Int32], targets: [Int32]) {
            self.engine = engine
            self.sources = sources
            self.targets = targets
        }
    }

    /// A source × target pair whose verdict changed, with the paths that explain it.
    public struct Pair: Sendable {
        /// Node ids, as in the new graph.
        public let source: String
        public let target: String
        /// Path counts in each graph (zero where the pair is unreachable or a node is missing).
        public let old: SignCounts
        public let new: SignCounts
        /// Paths only in the new graph, shortest first; at most `VerdictDiff.listedPaths`.
        public let gained: [DiffPath]
        /// Paths only in the old graph (node ids mapped to the new), shortest first; at most `VerdictDiff.listedPaths`.
        public let lost: [DiffPath]
        /// How many paths were gained and lost in all (among those examined).
        public let gainedCount: Int
        public let lostCount: Int
        /// More than `VerdictDiff.examinedPaths` paths on a side, so the gained and lost paths were found among the shortest.
        public let partial: Bool
    }

    /// A claim in both versions whose verdict, or whether it holds, changed.
    public struct ClaimOutcome: Sendable {
        public let old: Claim
        public let new: Claim
        public let oldVerdict: Verdict
        public let newVerdict: Verdict
        public var oldHolds: Bool { oldVerdict == old.expect }
        public var newHolds: Bool { newVerdict == new.expect }
    }

    /// How many gained and lost paths a pair lists.
    public static let listedPaths = 5
    /// How many paths per side are examined to explain a change.
    public static let examinedPaths = 1_000

    public let maxLength: Int
    /// Pairs reachable in either graph.
    public let pairsCompared: Int
    /// Pairs without a path in the old graph and with one in the new.
    public let newlyReachable: [Pair]
    /// Pairs with a path in the old graph and none in the new.
    public let noLongerReachable: [Pair]
    /// Pairs reachable in both whose verdict differs.
    public let changed: [Pair]
    public let claimOutcomes: [ClaimOutcome]
    /// Whether a search stopped early (never, without a timeout).
    public let partial: Bool

    public var isEmpty: Bool {
        newlyReachable.isEmpty && noLongerReachable.isEmpty && changed.isEmpty && claimOutcomes.isEmpty
    }

    /// Compares every pair of each side's sources and targets.
    ///
    /// - Parameters:
    ///   - traversal: which edges paths may use (context filter, relations); the same on both sides.
    ///   - graphDiff: for curated graphs, the node renames and the paired claims.
    public init(
        old: Side, new: Side, maxLength: Int = PathQuery.defaultMaxLength, traversal: TraversalOptions = TraversalOptions(),
        graphDiff: GraphDiff? = nil
    ) throws(PathEngine.QueryError) {
        self.maxLength = maxLength
        let renames = graphDiff?.renames ?? [:]
        let oldIDs = old.engine.network.nodeIDs.map { renames[$0] ?? $0 }
        let newIDs = new.engine.network.nodeIDs
        let (oldReach, oldPartial) = try Self.reach(old, maxLength: maxLength, traversal: traversal, ids: oldIDs)
        let (newReach, newPartial) = try Self.reach(new, maxLength: maxLength, traversal: traversal, ids: newIDs)
        partial = oldPartial || newPartial

        let keys = Set(oldReach.keys).union(newReach.keys).sorted { ($0.source, $0.target) < ($1.source, $1.target) }
        pairsCompared = keys.count
        var newlyReachable: [Pair] = []
        var noLongerReachable: [Pair] = []
        var changed: [Pair] = []
        let explainer = Explainer(old: old.engine, new: new.engine, oldIDs: oldIDs, maxLength: maxLength, traversal: traversal)
        for key in keys {
            let before = oldReach[key]
            let after = newReach[key]
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

        var outcomes: [ClaimOutcome] = []
        for case let (before?, after?) in graphDiff?.claimPairs ?? [] {
            guard let oldVerdict = try Self.verdict(of: before, on: old.engine),
                let newVerdict = try Self.verdict(of: after, on: new.engine)
            else { continue }
            let outcome = ClaimOutcome(old: before, new: after, oldVerdict: oldVerdict, newVerdict: newVerdict)
            if oldVerdict != newVerdict || outcome.oldHolds != outcome.newHolds { outcomes.append(outcome) }
        }
        claimOutcomes = outcomes
    }

    struct PairKey: Hashable {
        let source: String
        let target: String
    }

    /// A pair reachable on one side: its counts and its nodes there.
    struct Reached {
        let counts: SignCounts
        let source: Int32
        let target: Int32
    }

    /// Path counts for every reachable pair of a side, one search per source.
    private static func reach(
        _ side: Side, maxLength: Int, traversal: TraversalOptions, ids: [String]
    ) throws(PathEngine.QueryError) -> ([PairKey: Reached], Bool) {
        var counts: [PairKey: Reached] = [:]
        var partial = false
        guard !side.targets.isEmpty else { return (counts, false) }
        for source in side.sources {
            let query = PathQuery(sources: [source], targets: side.targets, maxLength: maxLength, traversal: traversal)
            let (reports, stopped) = try side.engine.reach(query)
            partial = partial || stopped
            for report in reports {
                let key = PairKey(source: ids[Int(source)], target: ids[Int(report.target)])
                counts[key] = Reached(counts: report.counts, source: source, target: report.target)
            }
        }
        return (counts, partial)
    }

    private static func verdict(of claim: Claim, on engine: PathEngine) throws(PathEngine.QueryError) -> Verdict? {
        guard let query = ClaimVerifier.query(for: claim, in: engine.network) else { return nil }
        return try engine.paths(query, limit: 0).verdict
    }

    /// Finds the paths one graph has and the other lacks.
    private struct Explainer {
        let old: PathEngine
        let new: PathEngine
        let oldIDs: [String]
        let maxLength: Int
        let traversal: TraversalOptions

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
            let query = PathQuery(
                sources: [reached.source], targets: [reached.target], maxLength: maxLength, traversal: traversal)
            let report = try engine.paths(query, limit: VerdictDiff.examinedPaths)
            let formatter = PathFormatter(network: network)
            let paths = report.paths.map { DiffPath($0, formatter: formatter, ids: ids) }
                .sorted { ($0.nodes.count, $0.text) < ($1.nodes.count, $1.text) }
            return (paths, report.paths.count == report.counts.total && !report.partial)
        }
    }
}

/// A path as shown in a diff: node ids (mapped to the new graph's), relations and net sign.
public struct DiffPath: Sendable, Equatable {
    public let nodes: [String]
    public let relations: [String]
    public let sign: Sign
    /// `a -inhibits-| b -activates-> c`.
    public let text: String
    /// The text plus each hop's context: parallel edges that differ only in context are
    /// different paths, so the same text can stand for several.
    let identity: String

    init(_ path: NetworkPath, formatter: PathFormatter, ids: [String]) {
        nodes = path.nodes.map { ids[Int($0)] }
        relations = formatter.relations(path)
        sign = path.sign
        var text = nodes[0]
        for (i, e) in path.edges.enumerated() {
            text += " \(formatter.hop(e, from: path.nodes[i])) \(nodes[i + 1])"
        }
        self.text = text
        identity = text + " | " + path.edges.map { e in
            formatter.network.context(of: e).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }.joined(separator: " | ")
    }

    public static func == (a: DiffPath, b: DiffPath) -> Bool {
        a.nodes == b.nodes && a.relations == b.relations && a.sign == b.sign && a.text == b.text
    }
}
