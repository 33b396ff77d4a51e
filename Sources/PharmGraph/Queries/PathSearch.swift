import Foundation

/// What a path search looks for, in integer ids.
struct SearchSpec {
    var sources: [Int32]
    /// Each source's starting sign (a clamp's, `PathQuery.interventions`); empty: all +.
    var sourceSigns: [Int8] = []
    /// Node → whether paths end there (and are counted).
    var isTarget: [Bool]
    var maxLength: Int
    var avoid: [Bool]?
    /// When set, a counted path must pass through at least one of these nodes.
    var via: [Bool]?
    /// When set, node kinds step by step; paths then have exactly `pattern.count - 1` edges.
    var pattern: [Int32]?
    /// When set, only paths of this sign are counted.
    var sign: Sign?
    /// Stop after this moment; the result is then partial.
    var deadline: ContinuousClock.Instant?
    /// Stop after this many search steps; the result is then partial.
    var maxWork: Int = .max
    /// Told of the search's steps as it goes, every `SearchObserver.stride` of them.
    var observer: (any SearchObserver)?
}

/// Watches long searches: told every `stride` search steps, e.g. to draw progress on a terminal.
public protocol SearchObserver: AnyObject, Sendable {
    /// `steps` more search steps done.
    func searched(_ steps: Int)
    /// A search ended: what it showed can go.
    func searchEnded()
}

extension SearchObserver {
    /// How many steps between two calls.
    public static var stride: Int { 0x10000 }
}

/// How a search ended.
enum SearchEnd: Equatable {
    case complete
    /// It used its work budget or reached its deadline.
    case stopped(SearchStop)
    /// A count passed what 64 bits hold.
    case overflow
}

/// A counted path as the search stands on it: nodes and steps, each step standing for
/// one or more parallel edges, so the path stands for `weight` edge sequences.
struct FoundPath {
    let target: Int32
    let length: Int
    let sign: Int8
    /// How many edge sequences (paths) this step sequence stands for.
    let weight: Int
    /// `nodes[0...length]`.
    let nodes: UnsafeMutablePointer<Int32>
    /// `steps[1...length]`: forward step indices of the step graph.
    let steps: UnsafeMutablePointer<Int32>
    let memberOffsets: UnsafeBufferPointer<Int32>
    let memberEdges: UnsafeBufferPointer<Int32>

    /// Up to `limit` of the edge sequences, the last step's edges varying fastest; fewer once `clock` passes its deadline.
    func expand(limit: Int, clock: inout BuildDeadline) -> [NetworkPath] {
        guard limit > 0 else { return [] }
        let nodeList = Array(UnsafeBufferPointer(start: nodes, count: length + 1))
        let sign = Sign(stepValue: sign)
        var choice = [Int](repeating: 0, count: length + 1)
        var out: [NetworkPath] = []
        while out.count < limit, out.isEmpty || !clock.tick() {
            var edges: [Int32] = []
            edges.reserveCapacity(length)
            for d in 1...length {
                edges.append(memberEdges[Int(memberOffsets[Int(steps[d])]) + choice[d]])
            }
            out.append(NetworkPath(nodes: nodeList, edges: edges, sign: sign))
            // The next combination, odometer-wise; done when every digit wraps.
            var d = length
            while d >= 1 {
                let size = Int(memberOffsets[Int(steps[d]) + 1] - memberOffsets[Int(steps[d])])
                choice[d] += 1
                if choice[d] < size { break }
                choice[d] = 0
                d -= 1
            }
            if d < 1 { break }
        }
        return out
    }

    /// The first edge sequence.
    var first: NetworkPath {
        var clock = BuildDeadline(nil)
        return expand(limit: 1, clock: &clock)[0]
    }
}

/// Receives each counted path while the search runs.
protocol PathVisitor {
    /// Called for every counted step sequence; returns `false` when a count overflowed.
    mutating func visit(_ path: FoundPath) -> Bool
    /// Whether the visitor can take paths as counts at all.
    var acceptsCounts: Bool { get }
    /// Whether paths of this length must be visited one by one now; when not, they may arrive as counts.
    func wantsEachPath(length: Int) -> Bool
    /// Paths of one length counted in bulk (only when `wantsEachPath(length:)` is false); `false` on overflow.
    mutating func count(length: Int, _ counts: SignCounts) -> Bool
    /// Whether the deadline passed while the visitor built or ranked paths; the search then stops.
    var timedOut: Bool { get }
}

extension PathVisitor {
    var acceptsCounts: Bool { false }
    func wantsEachPath(length: Int) -> Bool { true }
    mutating func count(length: Int, _ counts: SignCounts) -> Bool { true }
    var timedOut: Bool { false }
}

/// Per node, the final steps it has into eligible targets, by the step's sign.
///
/// On the last step of a search, a node's paths are counted from these without
/// walking its neighbours. When eligible targets are already on the path, the
/// steps into them are taken off: each node also lists its final steps, sorted by
/// target, so that a step into an on-path target is found by binary search.
struct FinalStepCounts {
    var positive: [Int32]
    var negative: [Int32]
    var unknown: [Int32]
    /// `offsets[u]..<offsets[u+1]` index node `u`'s final steps in `targets`, `signs` and `times`,
    /// sorted by target (one entry per target and sign: parallel steps are merged).
    var offsets: [Int32]
    var targets: [Int32]
    var signs: [Int8]
    /// How many parallel edges each final step stands for.
    var times: [Int32]

    /// Counts the final steps of each node into `eligible` nodes, among the steps `lastOffsets` and `lastSteps`
    /// list per node (a superset); lists them too when `listed`.
    init(steps: StepGraph, lastOffsets: [Int32], lastSteps: [Int32], eligible: (Int) -> Bool, listed: Bool) {
        let n = steps.nodeCount
        positive = [Int32](repeating: 0, count: n)
        negative = [Int32](repeating: 0, count: n)
        unknown = [Int32](repeating: 0, count: n)
        offsets = [Int32](repeating: 0, count: n + 1)
        targets = []
        signs = []
        times = []
        let csr = steps.forward
        var node: [(target: Int32, sign: Int8, times: Int32)] = []
        for u in 0..<n {
            node.removeAll(keepingCapacity: true)
            for j in Int(lastOffsets[u])..<Int(lastOffsets[u + 1]) where eligible(Int(csr.neighbors[Int(lastSteps[j])])) {
                let k = Int(lastSteps[j])
                let times = Int32(csr.multiplicity(k))
                if listed { node.append((csr.neighbors[k], csr.signs[k], times)) }
                switch csr.signs[k] {
                case 1: positive[u] += times
                case -1: negative[u] += times
                default: unknown[u] += times
                }
            }
            node.sort { ($0.target, $0.sign) < ($1.target, $1.sign) }
            for step in node {
                targets.append(step.target)
                signs.append(step.sign)
                times.append(step.times)
            }
            offsets[u + 1] = Int32(targets.count)
        }
    }
}

/// Iterative depth-first enumeration of simple paths.
///
/// A node is expanded only if some target can still be reached within the remaining
/// length (bounded reverse reachability), so searches that cannot succeed cost nothing.
/// Memory grows with the graph and the maximum length, never with the number of paths.
/// What a search needs besides its sources: bounds from the targets (and via nodes,
/// and pattern) and the final-step counts. It depends on the targets, not the sources,
/// so queries of a batch that share their targets share one.
final class SearchPreparation: @unchecked Sendable {
    /// Steps still needed from each node to the nearest target.
    let distance: FrozenArray<Int32>
    /// Each node's nearest target, and the steps to the nearest other one.
    let nearest: [Int32]
    let second: [Int32]
    let viaDistance: [Int32]?
    let viaToTarget: Int32
    /// With a pattern, `feasible[d][v]`: v may stand at position d and still complete it.
    let feasible: [[Bool]]?
    let bulk: (all: FinalStepCounts, via: FinalStepCounts?)?
    let eligibleFinal: [Bool]
    /// `lastOffsets[u]..<lastOffsets[u+1]` index node `u`'s steps into eligible final nodes in `lastSteps`, in
    /// step order: on a path's last step only these can end it, so only these are looked at.
    let lastOffsets: [Int32]
    let lastSteps: [Int32]
    /// No path can exist (an unreachable via node, a pattern longer than allowed).
    let impossible: Bool

    init(_ spec: SearchSpec, steps: StepGraph, kinds: [Int32], counts: Bool) {
        let n = steps.nodeCount
        let maxLength = spec.maxLength
        let targets = (0..<n).filter { spec.isTarget[$0] }.map { Int32($0) }
        let distances = TargetDistances(steps, to: targets, limit: maxLength, avoid: spec.avoid)
        let distance = distances.distance
        self.distance = FrozenArray(distance)
        nearest = distances.nearest
        second = distances.second
        var impossible = false
        var viaToTarget: Int32 = 0
        if let via = spec.via {
            let viaNodes = (0..<n).filter { via[$0] }.map { Int32($0) }
            viaDistance = steps.distances(to: viaNodes, limit: maxLength, avoid: spec.avoid)
            viaToTarget = viaNodes.map { distance[Int($0)] }.min() ?? Int32.max
            if viaToTarget == Int32.max { impossible = true }
        } else {
            viaDistance = nil
        }
        self.viaToTarget = viaToTarget
        if let pattern = spec.pattern, pattern.count >= 2, pattern.count - 1 <= maxLength {
            var layers = [[Bool]](repeating: [Bool](repeating: false, count: n), count: pattern.count)
            for v in 0..<n where spec.isTarget[v] && kinds[v] == pattern[pattern.count - 1] {
                layers[pattern.count - 1][v] = true
            }
            for d in stride(from: pattern.count - 2, through: 0, by: -1) {
                for v in 0..<n where kinds[v] == pattern[d] && !(spec.avoid?[v] ?? false) {
                    for k in steps.forward.steps(of: v) where layers[d + 1][Int(steps.forward.neighbors[k])] {
                        layers[d][v] = true
                        break
                    }
                }
            }
            feasible = layers
        } else {
            feasible = nil
            if spec.pattern != nil { impossible = true }
        }
        self.impossible = impossible
        let eligible = Self.eligibleFinal(spec, kinds: kinds)
        var lastOffsets = [Int32](repeating: 0, count: n + 1)
        var lastSteps: [Int32] = []
        let csr = steps.forward
        for u in 0..<n {
            for k in csr.steps(of: u) where eligible[Int(csr.neighbors[k])] { lastSteps.append(Int32(k)) }
            lastOffsets[u + 1] = Int32(lastSteps.count)
        }
        bulk =
            counts
            ? (
                FinalStepCounts(steps: steps, lastOffsets: lastOffsets, lastSteps: lastSteps, eligible: { _ in true }, listed: true),
                // A path without a via node has no via target on it: nothing to take off, no lists.
                spec.via.map { via in
                    FinalStepCounts(steps: steps, lastOffsets: lastOffsets, lastSteps: lastSteps, eligible: { via[$0] }, listed: false)
                }
            )
            : nil
        eligibleFinal = eligible
        self.lastOffsets = lastOffsets
        self.lastSteps = lastSteps
    }

    /// Nodes where a counted path may end on its last step.
    private static func eligibleFinal(_ spec: SearchSpec, kinds: [Int32]) -> [Bool] {
        let finalPattern = spec.pattern?.last
        return spec.isTarget.indices.map { w in
            spec.isTarget[w] && !(spec.avoid?[w] ?? false) && (finalPattern == nil || kinds[w] == finalPattern!)
        }
    }
}

enum PathSearch {
    /// Runs the search; returns how it ended and the work it did.
    ///
    /// One unit of work is one turn of the search loop: a step looked at, a node left, or a
    /// node's final steps counted at once. `preparation` must come from the same spec (all but
    /// its sources, sign, deadline and budget), steps and kinds; without one it is made here.
    static func run<V: PathVisitor>(
        _ spec: SearchSpec, on steps: StepGraph, kinds: [Int32], preparation: SearchPreparation? = nil,
        visitor: inout V
    ) -> (end: SearchEnd, work: Int) {
        let n = steps.nodeCount
        let maxLength = spec.maxLength
        guard maxLength >= 1, n > 0 else { return (.complete, 0) }
        let prepared =
            preparation ?? SearchPreparation(spec, steps: steps, kinds: kinds, counts: visitor.acceptsCounts)
        if prepared.impossible { return (.complete, 0) }
        let nearest = prepared.nearest
        let second = prepared.second
        let viaToTarget = prepared.viaToTarget
        let exactLength = spec.pattern.map { $0.count - 1 }
        let limit = exactLength ?? maxLength
        // Everything the loop reads, as plain local arrays and flags: reading optionals and
        // tuples of the shared preparation inside the loop costs a retain and release each time.
        // Each flag is set beside its arrays, never computed from an optional, which the optimizer
        // would otherwise recompute in the loop, copying the optional (a retain and release) each turn.
        var hasBulk = false
        var (allPositive, allNegative, allUnknown): ([Int32], [Int32], [Int32]) = ([], [], [])
        var (finalOffsets, finalTargets, finalSigns, finalTimes): ([Int32], [Int32], [Int8], [Int32]) = ([], [], [], [])
        var (viaPositive, viaNegative, viaUnknown): ([Int32], [Int32], [Int32]) = ([], [], [])
        if visitor.acceptsCounts, let bulk = prepared.bulk {
            hasBulk = true
            (allPositive, allNegative, allUnknown) = (bulk.all.positive, bulk.all.negative, bulk.all.unknown)
            (finalOffsets, finalTargets) = (bulk.all.offsets, bulk.all.targets)
            (finalSigns, finalTimes) = (bulk.all.signs, bulk.all.times)
            if let via = bulk.via { (viaPositive, viaNegative, viaUnknown) = (via.positive, via.negative, via.unknown) }
        }
        let eligibleFinal = prepared.eligibleFinal
        let (lastOffsets, lastSteps) = (prepared.lastOffsets, prepared.lastSteps)
        let isTarget = spec.isTarget
        var (hasAvoid, avoid) = (false, [Bool]())
        if let mask = spec.avoid { (hasAvoid, avoid) = (true, mask) }
        var (hasVia, via) = (false, [Bool]())
        if let mask = spec.via { (hasVia, via) = (true, mask) }
        let viaDistances = prepared.viaDistance ?? []
        var (hasFeasible, layers) = (false, [[Bool]]())
        if let feasible = prepared.feasible { (hasFeasible, layers) = (true, feasible) }
        let maxWork = spec.maxWork
        var eligibleOnPath = 0
        var targetsOnPath = 0

        // Raw buffers in one scope: the step graph's own (`StepGraph.CSR`), the preparation's
        // distances, and the stacks and on-path marks allocated here, freed on every return.
        let csr = steps.forward
        let (offsets, neighbors, signs) = (csr.offsets, csr.neighbors, csr.signs)
        let (memberOffsets, memberEdges) = (csr.memberOffsets, csr.memberEdges)
        let distance = prepared.distance.buffer
        let onPath = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
        onPath.initialize(repeating: false)
        let nodeStack = UnsafeMutablePointer<Int32>.allocate(capacity: limit + 1)
        let stepStack = UnsafeMutablePointer<Int32>.allocate(capacity: limit + 1)
        let cursorStack = UnsafeMutablePointer<Int32>.allocate(capacity: limit + 1)
        let signStack = UnsafeMutablePointer<Int8>.allocate(capacity: limit + 1)
        let viaStack = UnsafeMutablePointer<Int32>.allocate(capacity: limit + 1)
        let weightStack = UnsafeMutablePointer<Int>.allocate(capacity: limit + 1)
        // The eligible targets on the path, in path order (`eligibleOnPath` of them).
        let eligibleStack = UnsafeMutablePointer<Int32>.allocate(capacity: limit + 1)
        defer {
            onPath.deallocate()
            nodeStack.deallocate()
            stepStack.deallocate()
            cursorStack.deallocate()
            signStack.deallocate()
            viaStack.deallocate()
            weightStack.deallocate()
            eligibleStack.deallocate()
            // The buffers above belong to these.
            withExtendedLifetime(steps) {}
            withExtendedLifetime(prepared) {}
        }
        let wanted = spec.sign?.stepValue
        var work = 0

        /// Counts one turn of the search; the reason to stop here, if the budget or the deadline is reached.
        func turn() -> SearchStop? {
            work &+= 1
            if work > maxWork || (work & 0xFFFF == 0 && spec.deadline.map { ContinuousClock.now >= $0 } ?? false) {
                return work > maxWork ? .workBudget : .timeout
            }
            if work & 0xFFFF == 0, let observer = spec.observer { observer.searched(0x10000) }
            return nil
        }

        /// The paths one final step after `u` (the path's end, with this sign, via state and weight),
        /// by sign: `u`'s final steps at once, less those into eligible targets already on the path;
        /// `nil` on overflow.
        func finalCounts(of u: Int, sign: Int8, anyTarget: Bool, weight: Int) -> SignCounts? {
            var p = Int(anyTarget ? allPositive[u] : viaPositive[u])
            var m = Int(anyTarget ? allNegative[u] : viaNegative[u])
            var q = Int(anyTarget ? allUnknown[u] : viaUnknown[u])
            // Without a via node on the path, no via target is on it: nothing to take off.
            let (first, end) = (Int(finalOffsets[u]), Int(finalOffsets[u + 1]))
            if anyTarget, first < end {
                for e in 0..<eligibleOnPath {
                    let t = eligibleStack[e]
                    var (low, high) = (first, end)
                    while low < high {
                        let middle = (low + high) >> 1
                        if finalTargets[middle] < t { low = middle + 1 } else { high = middle }
                    }
                    while low < end, finalTargets[low] == t {
                        let times = Int(finalTimes[low])
                        switch finalSigns[low] {
                        case 1: p -= times
                        case -1: m -= times
                        default: q -= times
                        }
                        low += 1
                    }
                }
            }
            var tally = (positive: 0, negative: 0, unknown: q)
            if sign == 0 {
                tally = (0, 0, p + m + q)
            } else if sign == 1 {
                tally = (p, m, q)
            } else {
                tally = (m, p, q)
            }
            switch wanted {
            case 1: tally = (tally.positive, 0, 0)
            case -1: tally = (0, tally.negative, 0)
            case 0: tally = (0, 0, tally.unknown)
            default: break
            }
            let (a, o1) = tally.positive.multipliedReportingOverflow(by: weight)
            let (b, o2) = tally.negative.multipliedReportingOverflow(by: weight)
            let (c, o3) = tally.unknown.multipliedReportingOverflow(by: weight)
            return o1 || o2 || o3 ? nil : SignCounts(positive: a, negative: b, unknown: c)
        }

        /// Hands the visitor the path on the stacks, `length` steps ending at `target`; how the search ends, if it must.
        func found(_ target: Int, length: Int, sign: Int8, weight: Int) -> SearchEnd? {
            let path = FoundPath(
                target: Int32(target), length: length, sign: sign, weight: weight, nodes: nodeStack, steps: stepStack,
                memberOffsets: memberOffsets, memberEdges: memberEdges)
            if !visitor.visit(path) { return .overflow }
            return visitor.timedOut ? .stopped(.timeout) : nil
        }

        for (i, source) in spec.sources.enumerated() {
            let s = Int(source)
            if hasAvoid, avoid[s] { continue }
            if hasFeasible, !layers[0][s] { continue }
            if distance[s] > Int32(limit) { continue }
            var depth = 0
            nodeStack[0] = source
            cursorStack[0] = offsets[s]
            signStack[0] = spec.sourceSigns.isEmpty ? 1 : spec.sourceSigns[i]
            viaStack[0] = hasVia && via[s] ? 1 : 0
            weightStack[0] = 1
            onPath[s] = true
            if isTarget[s] { targetsOnPath += 1 }
            if hasBulk, eligibleFinal[s] {
                eligibleStack[eligibleOnPath] = source
                eligibleOnPath += 1
            }
            while depth >= 0 {
                if let stop = turn() { return (.stopped(stop), work - 1) }
                let u = Int(nodeStack[depth])
                let cursor = Int(cursorStack[depth])
                // Not yet counted (its cursor at its first step; a node without steps has none to count).
                if hasBulk, depth == limit - 1, cursor == Int(offsets[u]), cursor < Int(offsets[u + 1]),
                    !visitor.wantsEachPath(length: limit)
                {
                    // Count every final step of `u` at once, then leave `u`.
                    guard
                        let counts = finalCounts(
                            of: u, sign: signStack[depth], anyTarget: viaStack[depth] > 0 || !hasVia, weight: weightStack[depth]),
                        visitor.count(length: limit, counts)
                    else { return (.overflow, work) }
                    cursorStack[depth] = offsets[u + 1]
                    continue
                }
                if depth == limit - 1, cursor == Int(offsets[u]), cursor < Int(offsets[u + 1]) {
                    // The last step: only `u`'s steps into eligible final nodes can end a path, so only those are
                    // looked at, in step order as the walk below would, one turn each; then `u` is left.
                    cursorStack[depth] = offsets[u + 1]
                    for j in Int(lastOffsets[u])..<Int(lastOffsets[u + 1]) {
                        if let stop = turn() { return (.stopped(stop), work - 1) }
                        let k = Int(lastSteps[j])
                        let w = Int(neighbors[k])
                        if onPath[w] { continue }
                        if hasVia, viaStack[depth] == 0, !via[w] { continue }
                        let sign = Sign.product(signStack[depth], signs[k])
                        if let wanted, wanted != 0, sign == 0 { continue }
                        let times = Int(memberOffsets[k + 1] - memberOffsets[k])
                        let (weight, overflow) = weightStack[depth].multipliedReportingOverflow(by: times)
                        if overflow { return (.overflow, work) }
                        guard wanted == nil || wanted == sign else { continue }
                        nodeStack[limit] = Int32(w)
                        stepStack[limit] = Int32(k)
                        if let end = found(w, length: limit, sign: sign, weight: weight) { return (end, work) }
                    }
                    continue
                }
                if depth < limit, cursor < Int(offsets[u + 1]) {
                    cursorStack[depth] = Int32(cursor + 1)
                    let w = Int(neighbors[cursor])
                    if onPath[w] { continue }
                    let remaining = Int32(limit - depth - 1)
                    if hasFeasible, !layers[depth + 1][w] { continue }
                    // The nearest target may be on the path already; then the next one bounds.
                    if distance[w] > remaining { continue }
                    if targetsOnPath > 0 {
                        let t = Int(nearest[w])
                        if t != w, onPath[t], second[w] > remaining { continue }
                    }
                    if hasAvoid, avoid[w] { continue }
                    let viaSoFar = viaStack[depth] + (hasVia && via[w] ? 1 : 0)
                    if hasVia, viaSoFar == 0 {
                        let needed = Int64(viaDistances[w]) + Int64(viaToTarget)
                        if needed > Int64(remaining) { continue }
                    }
                    let stepSign = signs[cursor]
                    let previous = signStack[depth]
                    let sign = Sign.product(previous, stepSign)
                    if let wanted, wanted != 0, sign == 0 { continue }
                    let times = Int(memberOffsets[cursor + 1] - memberOffsets[cursor])
                    let (weight, overflow) = weightStack[depth].multipliedReportingOverflow(by: times)
                    if overflow {
                        return (.overflow, work)
                    }
                    if hasBulk, depth + 2 == limit, !isTarget[w], !visitor.wantsEachPath(length: limit) {
                        // `w` would be entered only to count its final steps at once and be left: count them from here,
                        // charging the two turns that would count them and leave `w`, so the work is the same.
                        if let stop = turn() { return (.stopped(stop), work - 1) }
                        guard
                            let counts = finalCounts(of: w, sign: sign, anyTarget: viaSoFar > 0 || !hasVia, weight: weight),
                            visitor.count(length: limit, counts)
                        else { return (.overflow, work) }
                        if let stop = turn() { return (.stopped(stop), work - 1) }
                        continue
                    }
                    depth += 1
                    nodeStack[depth] = Int32(w)
                    stepStack[depth] = Int32(cursor)
                    cursorStack[depth] = offsets[w]
                    signStack[depth] = sign
                    viaStack[depth] = viaSoFar
                    weightStack[depth] = weight
                    onPath[w] = true
                    if hasBulk, eligibleFinal[w] {
                        eligibleStack[eligibleOnPath] = Int32(w)
                        eligibleOnPath += 1
                    }
                    if isTarget[w] {
                        targetsOnPath += 1
                        // Below a target, only the other targets are left to reach.
                        if second[w] > remaining { cursorStack[depth] = offsets[w + 1] }
                        if viaSoFar > 0 || !hasVia, exactLength == nil || depth == exactLength,
                            wanted == nil || wanted == sign
                        {
                            if let end = found(w, length: depth, sign: sign, weight: weight) { return (end, work) }
                        }
                    }
                } else {
                    onPath[u] = false
                    if isTarget[u] { targetsOnPath -= 1 }
                    if hasBulk, eligibleFinal[u] { eligibleOnPath -= 1 }
                    depth -= 1
                }
            }
        }
        return (.complete, work)
    }
}
