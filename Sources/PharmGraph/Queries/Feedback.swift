/// What a feedback analysis found on the way from a query's sources to its targets: unbalanced
/// loops, and whether routes of the other sign pass the length limit (docs/queries.md, "Feedback loops").
public struct Feedback: Sendable, Equatable {
    /// The unbalanced strongly connected components on the way, each as its nodes in id order, largest first.
    public internal(set) var loops: [[NodeIndex]]
    /// How many nodes lie on the way (reached from a source and reaching a target by signed steps).
    public internal(set) var region: Int
    /// The verdict the search up to the length limit gave.
    public internal(set) var verdict: Verdict
    public internal(set) var outcome: Outcome

    /// Regions up to this many nodes are resolved by counting every simple path through them: larger ones are a
    /// network's giant loop, where such a count cannot finish.
    static let resolvableNodes = 200
    /// The most search steps the count may take (about 0.1 s): counting simple paths is exponential in the worst case.
    static let resolutionWork = 5_000_000

    init(loops: [[NodeIndex]], region: Int, verdict: Verdict, outcome: Outcome) {
        self.loops = loops
        self.region = region
        self.verdict = verdict
        self.outcome = outcome
    }

    /// How the loops were settled.
    public enum Outcome: Sendable, Equatable {
        /// Every simple path was counted (up to `maxLength` steps, the most the region allows): none of the other sign.
        /// `counts`: those of the exhaustive count; `nil` when the query's own search already reached that length.
        case kept(counts: SignCounts?, maxLength: Int)
        /// Paths of the other sign pass the length limit: the counts at every length, and the shortest such path.
        case otherSign(counts: SignCounts, maxLength: Int, path: NetworkPath?)
        /// More than `resolvableNodes` nodes on the way: not resolved.
        case tooLarge
        /// The exhaustive count stopped at its work budget or timeout.
        case stopped(SearchStop)
    }

    /// Whether the verdict is not determinate by path counting.
    var abstains: Bool {
        if case .kept = outcome { return false }
        return true
    }

    /// The verdict to report: mixed when both signs were found at some length, unknown when not resolved, else unchanged.
    var reported: Verdict {
        switch outcome {
        case .kept: verdict
        case .otherSign: .mixed
        case .tooLarge, .stopped: .unknown
        }
    }

    /// A machine word for JSON: `kept`, `other_sign`, `too_large`, `stopped`.
    var word: String {
        switch outcome {
        case .kept: "kept"
        case .otherSign: "other_sign"
        case .tooLarge: "too_large"
        case .stopped: "stopped"
        }
    }

    /// At most this many nodes of a loop are named.
    static let named = 6

    /// The finding in words: `feedback loop through a, b, c (unbalanced): …`.
    public func description(network: Network) -> String {
        let loopText = loops.map { loop in
            let ids = loop.prefix(Self.named).map { DisplayText.escaped(network.nodeIDs[$0]) }.joined(separator: ", ")
            return loop.count > Self.named ? "\(ids), … (\(loop.count) nodes)" : ids
        }
        let head = "feedback loop" + (loops.count > 1 ? "s" : "") + " through " + loopText.joined(separator: "; ") + " (unbalanced)"
        let other = verdict == .positive ? "negative" : "positive"
        let abstain = "; the verdict is not determinate by path counting"
        switch outcome {
        case let .kept(_, maxLength):
            return head
                + ": every simple path counted (up to \(Plural.count(maxLength, "step")), all the \(region) nodes on the way allow): none is \(other), the verdict stands"
        case let .otherSign(counts, maxLength, path):
            let n = verdict == .positive ? counts.negative : counts.positive
            var text = head + ": routes of the other sign pass the length limit (\(n) \(other) of every path up to \(Plural.count(maxLength, "step"))"
            if let path { text += "; the shortest, \(Plural.count(path.length, "step")): " + PathFormatter(network: network).describe(path) }
            return text + ")" + abstain
        case .tooLarge:
            return head
                + ": routes of the other sign may pass the length limit; \(region) nodes lie on the way, too many to count every path (more than \(Self.resolvableNodes))"
                + abstain
        case let .stopped(stop):
            return head
                + ": routes of the other sign may pass the length limit; counting every path through the \(region) nodes on the way stopped at its \(stop.rawValue)"
                + abstain
        }
    }
}

extension Assessment {
    /// Records a feedback finding; when it abstains, the verdict becomes `Feedback.reported` (mixed or unknown).
    mutating func apply(_ feedback: Feedback) {
        self.feedback = feedback
        verdict = feedback.reported
    }
}

/// Tarjan's strongly connected components, iterative (explicit stacks, no recursion), linear time.
enum StronglyConnected {
    /// Each node's component, numbered from 0 in the order Tarjan closes them (reverse topological), and their number.
    /// `offsets[v]..<offsets[v+1]` index `successors` for node v.
    static func components(nodeCount n: Int, offsets: [Int32], successors: [Int32]) -> (component: [Int32], count: Int) {
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var callNode: [Int32] = []
        var callCursor: [Int32] = []
        var counter: Int32 = 0
        var count: Int32 = 0
        // Enters `v`: numbers it, and pushes it on the component stack and the call stack.
        func enter(_ v: Int) {
            index[v] = counter
            low[v] = counter
            counter += 1
            stack.append(Int32(v))
            onStack[v] = true
            callNode.append(Int32(v))
            callCursor.append(offsets[v])
        }
        for root in 0..<n where index[root] < 0 {
            enter(root)
            while let top = callNode.last {
                let v = Int(top)
                let cursor = Int(callCursor[callCursor.count - 1])
                if cursor < Int(offsets[v + 1]) {
                    callCursor[callCursor.count - 1] += 1
                    let w = Int(successors[cursor])
                    if index[w] < 0 {
                        enter(w)
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                callNode.removeLast()
                callCursor.removeLast()
                if let parent = callNode.last { low[Int(parent)] = min(low[Int(parent)], low[v]) }
                if low[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[Int(w)] = false
                        component[Int(w)] = count
                        if Int(w) == v { break }
                    }
                    count += 1
                }
            }
        }
        return (component, Int(count))
    }

    /// Whether each component is sign-balanced (Harary): its nodes 2-colour so that + edges join
    /// equal colours and − edges different ones. `signs` are ±1, parallel to `successors`.
    static func balanced(
        nodeCount n: Int, offsets: [Int32], successors: [Int32], signs: [Int8], component: [Int32], count: Int
    ) -> [Bool] {
        var balanced = [Bool](repeating: true, count: count)
        var colour = [Int8](repeating: -1, count: n)
        var queue: [Int32] = []
        for root in 0..<n where colour[root] < 0 {
            colour[root] = 0
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(root))
            var head = 0
            while head < queue.count {
                let v = Int(queue[head])
                head += 1
                for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                    let w = Int(successors[k])
                    guard component[w] == component[v] else { continue }
                    let expected = colour[v] ^ (signs[k] < 0 ? 1 : 0)
                    if colour[w] < 0 {
                        colour[w] = expected
                        queue.append(Int32(w))
                    } else if colour[w] != expected {
                        balanced[Int(component[v])] = false
                    }
                }
            }
        }
        return balanced
    }
}

/// The feedback analysis of one query: the nodes its sources reach by signed steps, and the
/// unbalanced loops among them; made once, then asked per target.
struct FeedbackAnalysis {
    let network: Network
    let steps: StepGraph
    /// Nodes reached from a source by signed steps.
    let reached: [Bool]
    /// The unbalanced components of at least two nodes, each as its nodes.
    let loops: [[Int32]]
    /// Node → its unbalanced loop's place in `loops`, or -1.
    let loopOf: [Int32]
    let avoid: [Bool]

    init(network: Network, steps: StepGraph, sources: [Int32], avoid: [NodeIndex]) {
        self.network = network
        self.steps = steps
        let n = steps.nodeCount
        let csr = steps.forward
        var avoided = [Bool](repeating: false, count: n)
        for a in avoid { avoided[Int(a.rawValue)] = true }
        self.avoid = avoided
        // Forward reach by signed steps.
        var reached = [Bool](repeating: false, count: n)
        var order: [Int32] = []
        for s in sources where !reached[Int(s)] && !avoided[Int(s)] {
            reached[Int(s)] = true
            order.append(s)
        }
        var head = 0
        while head < order.count {
            let v = Int(order[head])
            head += 1
            for k in csr.steps(of: v) where csr.signs[k] != 0 {
                let w = Int(csr.neighbors[k])
                if !reached[w], !avoided[w] {
                    reached[w] = true
                    order.append(Int32(w))
                }
            }
        }
        self.reached = reached
        // The loop edges among them: signed, directed, causal (not structural), not self-loops.
        let structural = network.labels.map { $0.relation?.isStructural ?? false }
        var local = [Int32](repeating: -1, count: n)
        for (i, v) in order.enumerated() { local[Int(v)] = Int32(i) }
        var offsets: [Int32] = [0]
        var successors: [Int32] = []
        var signs: [Int8] = []
        offsets.reserveCapacity(order.count + 1)
        for v in order {
            for k in csr.steps(of: Int(v)) where csr.signs[k] != 0 {
                let w = local[Int(csr.neighbors[k])]
                guard w >= 0, csr.neighbors[k] != v else { continue }
                let causal = csr.members(k).contains { i in
                    let e = Int(csr.memberEdges[i])
                    return !network.edgeBothWays[e] && !structural[Int(network.edgeLabels[e])]
                }
                if causal {
                    successors.append(w)
                    signs.append(csr.signs[k])
                }
            }
            offsets.append(Int32(successors.count))
        }
        let (component, count) = StronglyConnected.components(nodeCount: order.count, offsets: offsets, successors: successors)
        let balanced = StronglyConnected.balanced(
            nodeCount: order.count, offsets: offsets, successors: successors, signs: signs, component: component, count: count)
        var members = [[Int32]](repeating: [], count: count)
        for (i, c) in component.enumerated() where !balanced[Int(c)] { members[Int(c)].append(order[i]) }
        let loops = members.filter { $0.count >= 2 }
        var loopOf = [Int32](repeating: -1, count: n)
        for (i, loop) in loops.enumerated() { for v in loop { loopOf[Int(v)] = Int32(i) } }
        self.loops = loops
        self.loopOf = loopOf
    }

    /// The nodes on the way to `targets` (reached, and reaching a target by signed steps), and the loops among them.
    func region(to targets: [Int32]) -> (nodes: [Int32], loops: [Int]) {
        let reverse = steps.reverse
        var seen = Set<Int32>()
        var nodes: [Int32] = []
        for t in targets where reached[Int(t)] && seen.insert(t).inserted { nodes.append(t) }
        var head = 0
        var found = Set<Int>()
        while head < nodes.count {
            let v = Int(nodes[head])
            head += 1
            if loopOf[v] >= 0 { found.insert(Int(loopOf[v])) }
            for k in reverse.steps(of: v) where reverse.signs[k] != 0 {
                let u = reverse.neighbors[k]
                if reached[Int(u)], seen.insert(u).inserted { nodes.append(u) }
            }
        }
        return (nodes, found.sorted())
    }
}

extension PathEngine {
    /// Whether `query` gets a feedback analysis: directed, with no metapath and no sign filter.
    static func analysesFeedback(_ query: PathQuery) -> Bool {
        !query.traversal.undirected && query.pattern == nil && query.sign == nil
    }

    /// The feedback finding for `query`, whose search up to its length limit gave `verdict`; `nil`
    /// when the verdict is not determinate or no unbalanced loop lies on the way.
    func feedback(_ query: PathQuery, verdict: Verdict) throws(QueryError) -> Feedback? {
        guard verdict == .positive || verdict == .negative, Self.analysesFeedback(query) else { return nil }
        let analysis = FeedbackAnalysis(
            network: network, steps: steps(for: query.walk), sources: query.signedSources.map(\.node), avoid: query.avoid)
        return try feedback(query, targets: query.targets.map(\.rawValue), verdict: verdict, analysis: analysis)
    }

    private func feedback(
        _ query: PathQuery, targets: [Int32], verdict: Verdict, analysis: FeedbackAnalysis
    ) throws(QueryError) -> Feedback? {
        guard !analysis.loops.isEmpty else { return nil }
        let (nodes, found) = analysis.region(to: targets)
        guard !found.isEmpty else { return nil }
        let ids = network.nodeIDs
        let named: [[NodeIndex]] = found.map { (i: Int) -> [NodeIndex] in
            analysis.loops[i].map { NodeIndex(rawValue: $0) }.sorted { (a: NodeIndex, b: NodeIndex) in ids[a] < ids[b] }
        }
        let loops = named.sorted { (a: [NodeIndex], b: [NodeIndex]) -> Bool in
            a.count != b.count ? a.count > b.count : ids[a[0]] < ids[b[0]]
        }
        let region = nodes.count
        func finding(_ outcome: Feedback.Outcome) -> Feedback {
            Feedback(loops: loops, region: region, verdict: verdict, outcome: outcome)
        }
        // A simple path visits each node on the way at most once.
        let longest = min(region - 1, PathQuery.largestMaxLength)
        if longest <= query.maxLength { return finding(.kept(counts: nil, maxLength: longest)) }
        guard region <= Feedback.resolvableNodes else { return finding(.tooLarge) }
        var exact = query
        exact.targets = targets.map { NodeIndex(rawValue: $0) }
        exact.maxLength = longest
        let inside = Set(nodes)
        exact.avoid = query.avoid + network.nodeIndices.filter { !inside.contains($0.rawValue) }
        exact.maxWork = min(query.maxWork ?? Feedback.resolutionWork, Feedback.resolutionWork)
        let all = try paths(exact, limit: 0)
        if let stop = all.stop { return finding(.stopped(stop)) }
        let other = verdict == .positive ? all.counts.negative : all.counts.positive
        guard other > 0 else { return finding(.kept(counts: all.counts, maxLength: longest)) }
        exact.sign = verdict == .positive ? .negative : .positive
        let shortest = try shortest(exact, limit: 1)
        return finding(.otherSign(counts: all.counts, maxLength: longest, path: shortest.paths.first))
    }

    /// Adds the feedback finding to `report` when its verdict (assessed, else raw) is determinate and not partial.
    public func assessFeedback(_ query: PathQuery, report: inout PathReport) throws(QueryError) {
        guard !report.partial else { return }
        let verdict = report.assessment?.verdict ?? report.counts.verdict
        guard let found = try feedback(query, verdict: verdict) else { return }
        var assessment = report.assessment ?? Assessment(verdict: verdict, rawVerdict: report.counts.verdict)
        assessment.apply(found)
        report.assessment = assessment
    }

    /// Adds the feedback finding to each of `reports` (per target of `query`) whose verdict is determinate.
    public func assessFeedback(_ query: PathQuery, reports: inout [TargetReport], partial: Bool) throws(QueryError) {
        guard !partial, Self.analysesFeedback(query) else { return }
        var analysis: FeedbackAnalysis?
        for i in reports.indices {
            let verdict = reports[i].assessment?.verdict ?? reports[i].counts.verdict
            guard verdict == .positive || verdict == .negative else { continue }
            let made =
                analysis
                ?? FeedbackAnalysis(
                    network: network, steps: steps(for: query.walk), sources: query.signedSources.map(\.node), avoid: query.avoid)
            analysis = made
            guard let found = try feedback(query, targets: [reports[i].target.rawValue], verdict: verdict, analysis: made) else { continue }
            var assessment = reports[i].assessment ?? Assessment(verdict: verdict, rawVerdict: reports[i].counts.verdict)
            assessment.apply(found)
            reports[i].assessment = assessment
        }
    }
}
