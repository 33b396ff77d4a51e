/// Matches nodes by id and pairs the leftovers into probable renames.
struct NodeMatching {
    private(set) var added: [Node] = []
    private(set) var removed: [Node] = []
    private(set) var renamed: [NodeChange] = []
    private(set) var changed: [NodeChange] = []
    private(set) var renames: [String: String] = [:]

    init(old: [Node], new: [Node]) {
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.map(\.id))
        let gone = old.filter { !newIDs.contains($0.id) }
        let arrived = new.filter { oldByID[$0.id] == nil }
        for node in new {
            guard let before = oldByID[node.id] else { continue }
            let changes = NodeChange.compare(before, node)
            if !changes.isEmpty { changed.append(NodeChange(old: before, new: node, rename: nil, changes: changes)) }
        }

        // Every (gone, arrived) pair with evidence: a shared xref is stronger than a label.
        var candidates: [(strength: Int, gone: Int, arrived: Int, evidence: NodeChange.RenameEvidence)] = []
        var byLabel: [String: [Int]] = [:]
        var byXref: [String: [Int]] = [:]
        for (a, node) in arrived.enumerated() {
            if let label = node.label { byLabel[label.lowercased(), default: []].append(a) }
            for (namespace, identifier) in node.xrefs { byXref[namespace + "\u{1F}" + identifier, default: []].append(a) }
        }
        for (g, node) in gone.enumerated() {
            var seen = Set<Int>()
            for namespace in node.xrefs.keys.sorted() {
                let identifier = node.xrefs[namespace]!
                for a in byXref[namespace + "\u{1F}" + identifier] ?? [] where seen.insert(a).inserted {
                    candidates.append((2, g, a, .xref(namespace: namespace, identifier: identifier)))
                }
            }
            if let label = node.label {
                for a in byLabel[label.lowercased()] ?? [] where seen.insert(a).inserted {
                    candidates.append((1, g, a, .label(arrived[a].label ?? label)))
                }
            }
        }
        candidates.sort { ($1.strength, $0.gone, $0.arrived) < ($0.strength, $1.gone, $1.arrived) }
        var takenGone = Set<Int>()
        var takenArrived = Set<Int>()
        var evidence: [Int: (gone: Int, evidence: NodeChange.RenameEvidence)] = [:]
        for candidate in candidates where !takenGone.contains(candidate.gone) && !takenArrived.contains(candidate.arrived) {
            takenGone.insert(candidate.gone)
            takenArrived.insert(candidate.arrived)
            evidence[candidate.arrived] = (candidate.gone, candidate.evidence)
        }
        for (a, node) in arrived.enumerated() {
            guard let (g, why) = evidence[a] else {
                added.append(node)
                continue
            }
            let before = gone[g]
            renames[before.id] = node.id
            renamed.append(NodeChange(old: before, new: node, rename: why, changes: NodeChange.compare(before, node)))
        }
        removed = gone.enumerated().filter { !takenGone.contains($0.offset) }.map(\.element)
    }
}

/// Pairs items of the old and new lists that share a group, in rounds of decreasing likeness.
///
/// In each round every unpaired new item, in order, takes the first unpaired old
/// item of its group that the round's predicate accepts.
struct Pairing {
    private(set) var partnerOfNew: [Int?]
    private(set) var partnerOfOld: [Int?]

    init<Item>(
        old: [Item], new: [Item], group: (Item) -> String, rounds: [(Item, Item) -> Bool]
    ) {
        partnerOfNew = Array(repeating: nil, count: new.count)
        partnerOfOld = Array(repeating: nil, count: old.count)
        var oldByGroup: [String: [Int]] = [:]
        for (i, item) in old.enumerated() { oldByGroup[group(item), default: []].append(i) }
        let newGroups = new.map(group)
        for accepts in rounds {
            for (n, item) in new.enumerated() where partnerOfNew[n] == nil {
                guard let members = oldByGroup[newGroups[n]] else { continue }
                for o in members where partnerOfOld[o] == nil && accepts(old[o], item) {
                    partnerOfOld[o] = n
                    partnerOfNew[n] = o
                    break
                }
            }
        }
    }
}

/// Matches edges by endpoints (after renames), then pairs them: identical first, then same
/// relation and context, same context, same relation, and finally any left with the same endpoints.
struct EdgeMatching {
    private(set) var added: [Edge] = []
    private(set) var removed: [Edge] = []
    private(set) var changed: [EdgeChange] = []
    /// For each new edge, the old edge it is paired with.
    let partnerOfNew: [Int?]

    init(old: [Edge], new: [Edge], renames: [String: String]) {
        let mapped = old.map { edge -> Edge in
            var edge = edge
            edge.from = renames[edge.from] ?? edge.from
            edge.to = renames[edge.to] ?? edge.to
            return edge
        }
        let pairing = Pairing(
            old: mapped, new: new, group: { $0.from + "\u{1F}" + $0.to },
            rounds: [
                { EdgeChange.compare($0, $1).isEmpty },
                { $0.relation == $1.relation && $0.context == $1.context },
                { $0.context == $1.context },
                { $0.relation == $1.relation },
                { _, _ in true },
            ])
        partnerOfNew = pairing.partnerOfNew
        for (n, edge) in new.enumerated() {
            guard let o = pairing.partnerOfNew[n] else {
                added.append(edge)
                continue
            }
            let changes = EdgeChange.compare(mapped[o], edge)
            if !changes.isEmpty { changed.append(EdgeChange(old: old[o], new: edge, changes: changes, index: n)) }
        }
        removed = old.indices.filter { pairing.partnerOfOld[$0] == nil }.map { old[$0] }
    }
}

/// Matches claims by their query (from, to, where, via, avoid, max_length), then by from and to.
struct ClaimMatching {
    private(set) var added: [Claim] = []
    private(set) var removed: [Claim] = []
    private(set) var changed: [ClaimChange] = []
    /// Every claim, paired where matched: new-file order, then the removed ones.
    private(set) var pairs: [(old: Claim?, new: Claim?)] = []

    init(old: [Claim], new: [Claim], renames: [String: String]) {
        let mapped = old.map { claim -> Claim in
            var claim = claim
            claim.from = renames[claim.from] ?? claim.from
            claim.to = renames[claim.to] ?? claim.to
            claim.via = claim.via.map { renames[$0] ?? $0 }
            claim.avoid = claim.avoid.map { renames[$0] ?? $0 }
            return claim
        }
        func sameQuery(_ a: Claim, _ b: Claim) -> Bool {
            a.context == b.context && a.via == b.via && Set(a.avoid) == Set(b.avoid) && a.maxLength == b.maxLength
        }
        let pairing = Pairing(
            old: mapped, new: new, group: { $0.from + "\u{1F}" + $0.to },
            rounds: [
                { sameQuery($0, $1) && ClaimChange.compare($0, $1, renames: [:]).isEmpty },
                { sameQuery($0, $1) },
                { _, _ in true },
            ])
        for (n, claim) in new.enumerated() {
            guard let o = pairing.partnerOfNew[n] else {
                added.append(claim)
                pairs.append((nil, claim))
                continue
            }
            pairs.append((old[o], claim))
            let changes = ClaimChange.compare(old[o], claim, renames: renames)
            if !changes.isEmpty { changed.append(ClaimChange(old: old[o], new: claim, changes: changes)) }
        }
        for (o, claim) in old.enumerated() where pairing.partnerOfOld[o] == nil {
            removed.append(claim)
            pairs.append((claim, nil))
        }
    }
}
