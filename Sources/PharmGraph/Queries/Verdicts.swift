/// The verdict semantics (docs/queries.md, "Verdicts"): evidence tiers, the tiered verdict, caveats,
/// deciding edges, unsigned routes, mechanisms and the headline path, from the raw counts of a query.
struct VerdictRules {
    let network: Network
    /// Each node's place among the node ids sorted as strings (the last tie-break of the headline).
    let places: [Int32]

    /// The most paths a query's assessment enumerates; beyond it, shared edges, mechanisms and the headline are not computed.
    static let enumerationBound = 10_000

    /// The certainties the network's edges have, firmest first (`[.established]` for an imported network).
    static func levels(of network: Network) -> [Certainty] {
        guard let graph = network.graph else { return [.established] }
        let present = Set(graph.edges.map(\.effectiveCertainty))
        return Certainty.allCases.filter(present.contains)
    }

    /// The tiers from the counts of paths whose every edge is at most each level (firmest first, the
    /// last being every path): tier k = count(edges ≤ k) − count(edges ≤ k−1); empty tiers left out.
    static func tiers(cumulative: [(certainty: Certainty, counts: SignCounts)]) -> [Assessment.Tier] {
        var out: [Assessment.Tier] = []
        var previous = SignCounts()
        for (certainty, counts) in cumulative {
            let tier = SignCounts(
                positive: counts.positive - previous.positive, negative: counts.negative - previous.negative,
                unknown: counts.unknown - previous.unknown)
            if tier.total > 0 { out.append(Assessment.Tier(certainty: certainty, counts: tier)) }
            previous = counts
        }
        return out
    }

    /// The verdict of the firmest tier with a signed path, and that tier; unknown (or none) when no path is signed.
    static func decide(_ tiers: [Assessment.Tier], raw: SignCounts) -> (verdict: Verdict, top: Assessment.Tier?) {
        guard let top = tiers.first(where: { $0.counts.positive + $0.counts.negative > 0 }) else {
            return (raw.unknown > 0 ? .unknown : .none, nil)
        }
        let signed = SignCounts(positive: top.counts.positive, negative: top.counts.negative)
        return (signed.verdict, top)
    }

    /// The assessment of one query's paths: `cumulative` as for `tiers` (its last entry the raw counts),
    /// `paths` every raw path when they were enumerated (`nil` otherwise).
    func assess(raw: SignCounts, cumulative: [(certainty: Certainty, counts: SignCounts)], paths: [NetworkPath]?) -> Assessment {
        let tiers = Self.tiers(cumulative: cumulative)
        let (verdict, top) = Self.decide(tiers, raw: raw)
        var assessment = Assessment(
            verdict: verdict, rawVerdict: raw.verdict, certainty: top?.certainty, tiers: tiers, unsignedRoutes: raw.unknown)
        assessment.enumerated = paths != nil
        if let top {
            // Lower tiers of the other sign: caveats, weakest first.
            let against: Sign? = verdict == .positive ? .negative : verdict == .negative ? .positive : nil
            if let against {
                for tier in tiers.reversed() where tier.certainty > top.certainty {
                    let count = against == .positive ? tier.counts.positive : tier.counts.negative
                    guard count > 0 else { continue }
                    // What would have to be wrong: the shared edges weaker than the verdict's tier (firmer ones are not in doubt).
                    let edges = paths.map { self.shared(in: $0, tier: tier.certainty, sign: against).filter { self.certainty($0) > top.certainty } } ?? []
                    assessment.caveats.append(
                        Assessment.Caveat(sign: against, certainty: tier.certainty, paths: count, sharedEdges: edges))
                }
            }
            if verdict == .mixed {
                let fewer: Sign = top.counts.positive <= top.counts.negative ? .positive : .negative
                assessment.decidingSign = fewer
                if let paths { assessment.decidingEdges = shared(in: paths, tier: top.certainty, sign: fewer) }
            }
        }
        if let paths {
            assessment.mechanisms = mechanisms(of: paths)
            assessment.headline = headline(among: paths, verdict: verdict, certainty: top?.certainty)
            if let headline = assessment.headline, let graph = network.graph {
                assessment.correlational = headline.edges.contains { graph.edges[$0].correlational }
            }
        }
        return assessment
    }

    /// A path's tier: its weakest certainty (established on an imported network).
    func tier(of path: NetworkPath) -> Certainty {
        guard let graph = network.graph else { return .established }
        return path.edges.map { graph.edges[$0].effectiveCertainty }.max() ?? .established
    }

    /// The edges every path of `tier` and `sign` passes through, weakest first (then in input order).
    ///
    /// Structural hops at a path's start are attribution, so they are left out, and the first step after them is the
    /// drug's own step whichever form takes it: `ketamine -activates-> r` and `esketamine -activates-> r` are one step, and
    /// all its edges are named when every path takes it.
    func shared(in paths: [NetworkPath], tier: Certainty, sign: Sign) -> [EdgeIndex] {
        struct Step: Hashable {
            /// `nil`: the drug or one of its forms.
            var from: NodeIndex?
            var label: Int32
            var to: NodeIndex
        }
        var common: Set<Step>?
        var edges: [Step: Set<EdgeIndex>] = [:]
        for path in paths where path.sign == sign && self.tier(of: path) == tier {
            let start = structuralPrefix(path)
            var steps = Set<Step>()
            for i in start..<path.length {
                let step = Step(
                    from: i == start ? nil : path.nodes[i], label: network.edgeLabels[Int(path.edges[i].rawValue)], to: path.nodes[i + 1])
                steps.insert(step)
                edges[step, default: []].insert(path.edges[i])
            }
            common = common.map { $0.intersection(steps) } ?? steps
        }
        let named = (common ?? []).reduce(into: Set<EdgeIndex>()) { $0.formUnion(edges[$1] ?? []) }
        return named.sorted { a, b in
            let (ca, cb) = (certainty(a), certainty(b))
            return ca != cb ? ca > cb : a.rawValue < b.rawValue
        }
    }

    /// How many structural hops a path starts with (never all of its edges).
    func structuralPrefix(_ path: NetworkPath) -> Int {
        var start = 0
        while start < path.length - 1, isStructural(path.edges[start]) { start += 1 }
        return start
    }

    private func certainty(_ e: EdgeIndex) -> Certainty { network.graph?.edges[e].effectiveCertainty ?? .established }

    /// Whether edge `e` is a structural hop (has_component, has_metabolite): attribution, not mechanism.
    func isStructural(_ e: EdgeIndex) -> Bool {
        switch network.label(of: e.rawValue).relation {
        case .hasComponent?, .hasMetabolite?: true
        default: false
        }
    }

    /// The distinct mechanisms of `paths`: keyed by the nodes from the first one past the structural hops
    /// at the path's start, and each step's sign (parallel edges of one sign are one step).
    func mechanisms(of paths: [NetworkPath]) -> [Assessment.Mechanism] {
        struct Key: Hashable {
            var nodes: [NodeIndex]
            var signs: [Sign]
        }
        var found: [Key: Assessment.Mechanism] = [:]
        var order: [Key] = []
        for path in paths {
            let start = structuralPrefix(path)
            let via = Array(path.nodes[1..<(start + 1)])
            let key = Key(
                nodes: Array(path.nodes[(start + 1)...]),
                signs: path.edges[start...].map { network.label(of: $0.rawValue).sign })
            let certainty = tier(of: path)
            if var mechanism = found[key] {
                mechanism.paths += 1
                mechanism.certainty = min(mechanism.certainty, certainty)
                for form in via where !mechanism.via.contains(form) { mechanism.via.append(form) }
                found[key] = mechanism
            } else {
                found[key] = Assessment.Mechanism(nodes: key.nodes, sign: path.sign, certainty: certainty, paths: 1, via: via)
                order.append(key)
            }
        }
        return order.map { found[$0]! }.sorted { a, b in
            if a.certainty != b.certainty { return a.certainty < b.certainty }
            if a.paths != b.paths { return a.paths > b.paths }
            if a.nodes.count != b.nodes.count { return a.nodes.count < b.nodes.count }
            return a.nodes.map { places[$0] }.lexicographicallyPrecedes(b.nodes.map { places[$0] })
        }
    }

    /// The headline: of the best tier's paths (of the verdict's sign when it has one), one that starts at the
    /// drug's own target, ranked by primary edges, its least-cited edge, length, the form's strength, then ids; with a
    /// structural hop only when none does.
    func headline(among paths: [NetworkPath], verdict: Verdict, certainty: Certainty?) -> NetworkPath? {
        let candidates = paths.filter { path in
            switch verdict {
            case .positive: path.sign == .positive && tier(of: path) == certainty
            case .negative: path.sign == .negative && tier(of: path) == certainty
            case .mixed: path.sign != .unknown && tier(of: path) == certainty
            case .unknown, .none: true
            }
        }
        let direct = candidates.filter { !isStructural($0.edges[0]) }
        return (direct.isEmpty ? candidates : direct).min(by: ranksBefore)
    }

    /// The headline order: firmer tier (among unsigned routes), more primary edges, a better-cited weakest link (the
    /// fewest references on any one edge: a chain is as well cited as its least-cited step), shorter, then for paths
    /// through a form the stronger first step of the form, then node ids, then edge indices.
    func ranksBefore(_ a: NetworkPath, _ b: NetworkPath) -> Bool {
        let (ta, tb) = (tier(of: a), tier(of: b))
        if ta != tb { return ta < tb }
        let (pa, pb) = (primaries(a), primaries(b))
        if pa != pb { return pa > pb }
        let (ra, rb) = (weakestCitation(a), weakestCitation(b))
        if ra != rb { return ra > rb }
        if a.length != b.length { return a.length < b.length }
        let (sa, sb) = (formStrength(a), formStrength(b))
        if sa != sb { return sa > sb }
        let (na, nb) = (a.nodes.map { places[$0] }, b.nodes.map { places[$0] })
        if na != nb { return na.lexicographicallyPrecedes(nb) }
        return a.edges.map(\.rawValue).lexicographicallyPrecedes(b.edges.map(\.rawValue))
    }

    private func primaries(_ path: NetworkPath) -> Int {
        guard let graph = network.graph else { return 0 }
        return path.edges.filter { graph.edges[$0].importance == .primary }.count
    }

    /// The fewest references any one edge of the path has.
    func weakestCitation(_ path: NetworkPath) -> Int {
        guard let graph = network.graph else { return 0 }
        return path.edges.map { graph.edges[$0].refs.count }.min() ?? 0
    }

    /// For a path through a form (it starts with structural hops), the rank of the `strength` of the form's first
    /// edge past them: strong 3, moderate 2, weak 1, unstated 0; 0 for a path from the drug itself.
    func formStrength(_ path: NetworkPath) -> Int {
        let start = structuralPrefix(path)
        guard start > 0, let strength = network.graph?.edges[path.edges[start]].strength else { return 0 }
        return Strength.allCases.firstIndex(of: strength)! + 1
    }
}

extension PathEngine {
    /// The verdict semantics' rules for this engine's network.
    var verdictRules: VerdictRules { VerdictRules(network: network, places: idOrder()) }

    /// Fills `report.assessment` for the query it answers (nothing when the report is partial).
    ///
    /// With one certainty level in the network (imported networks) no search is run for the tiers; with
    /// `detail`, every path is enumerated when there are at most `VerdictRules.enumerationBound`, for the shared
    /// edges, mechanisms and headline. `shortest`: the report counts the paths of the smallest length only.
    public func assess(_ query: PathQuery, _ report: inout PathReport, detail: Bool = true, shortest: Bool = false) throws(QueryError) {
        guard !report.partial else { return }
        var query = query
        let levels = VerdictRules.levels(of: network)
        // The shortest paths' length matters only to a search: more than one tier, or the paths enumerated.
        if shortest, levels.count > 1 || detail {
            guard report.counts.total > 0 else {
                report.assessment = VerdictRules(network: network, places: []).assess(
                    raw: report.counts, cumulative: [], paths: detail ? [] : nil)
                return
            }
            var length = report.paths.first?.length
            if length == nil { length = try self.shortest(query, limit: 1).paths.first?.length }
            guard let length else { return }
            query.maxLength = length
        }
        var cumulative: [(certainty: Certainty, counts: SignCounts)] = []
        for level in levels.dropLast() {
            var capped = query
            capped.traversal.ceiling = level
            let counts = try paths(capped, limit: 0)
            guard !counts.partial else { return }
            cumulative.append((level, counts.counts))
        }
        cumulative.append((levels.last ?? .established, report.counts))
        var all: [NetworkPath]? = nil
        if detail, report.counts.total <= VerdictRules.enumerationBound {
            let listed = try paths(query, limit: VerdictRules.enumerationBound)
            if !listed.partial, listed.paths.count == report.counts.total { all = listed.paths }
        }
        // Node places order mechanisms and headlines only: not worth making for counts alone.
        let rules = all == nil ? VerdictRules(network: network, places: []) : verdictRules
        report.assessment = rules.assess(raw: report.counts, cumulative: cumulative, paths: all)
        if detail, query.sources.count > 1 { report.reachingSources = try reachingSources(query, paths: all) }
    }

    /// Which of the query's sources have a path (in query order): the first nodes of `paths` when they are every path,
    /// else a search back from the targets (`reachBack`, counts only); `nil` when that search stops early.
    func reachingSources(_ query: PathQuery, paths: [NetworkPath]?) throws(QueryError) -> [NodeIndex]? {
        let starts: Set<NodeIndex>
        if let paths {
            starts = Set(paths.map { $0.nodes[0] })
        } else {
            let (reports, partial) = try reachBack(query)
            guard !partial else { return nil }
            starts = Set(reports.map(\.target))
        }
        return query.sources.filter(starts.contains)
    }

    /// Per target (per source for `back`), the counts of the paths whose every edge is at most each level below the
    /// weakest in the network; `nil` when a search stopped early.
    func cappedReach(_ query: PathQuery, back: Bool) throws(QueryError) -> [(Certainty, [NodeIndex: SignCounts])]? {
        var out: [(Certainty, [NodeIndex: SignCounts])] = []
        for level in VerdictRules.levels(of: network).dropLast() {
            var capped = query
            capped.traversal.ceiling = level
            let (reports, partial) = back ? try reachBack(capped) : try reach(capped)
            guard !partial else { return nil }
            out.append((level, Dictionary(uniqueKeysWithValues: reports.map { ($0.target, $0.counts) })))
        }
        return out
    }

    /// Fills each report's assessment from the capped counts and the paths the search kept.
    func assess(
        _ reports: [TargetReport], query: PathQuery, back: Bool, kept: [Int32: [NetworkPath]]
    ) throws(QueryError) -> [TargetReport] {
        guard let capped = try cappedReach(query, back: back) else { return reports }
        let rules = verdictRules
        let last = VerdictRules.levels(of: network).last ?? .established
        return reports.map { report in
            var report = report
            var cumulative = capped.map { (certainty: $0.0, counts: $0.1[report.target] ?? SignCounts()) }
            cumulative.append((last, report.counts))
            let paths = kept[report.target.rawValue].flatMap { $0.count == report.counts.total ? $0 : nil }
            report.assessment = rules.assess(raw: report.counts, cumulative: cumulative, paths: paths)
            return report
        }
    }
}
