/// An edge in the shared id space of a network diff.
struct EdgeKey: Equatable {
    /// Source in the high 32 bits, target in the low (ordered for both-ways edges).
    let ends: UInt64
    /// The label, shifted left, with the both-ways bit.
    let tag: UInt32

    /// A hash mixing every bit of the key into every bit of the result (SplitMix64's finalizer): the top bits
    /// choose a partition, the low bits a slot.
    var hash: UInt64 {
        var z = ends ^ UInt64(tag) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ z >> 30) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ z >> 27) &* 0x94D0_49BB_1331_11EB
        return z ^ z >> 31
    }
}

/// The edges of two networks left over when each new edge cancels one equal old edge, the earliest one still
/// uncancelled (edges are a multiset; a triple twice in the old network and once in the new is one removal,
/// the later occurrence).
///
/// Both sides are first split by their keys' hashes into partitions of a few thousand old edges (a counting
/// sort, so every partition keeps file order), then matched partition by partition in a hash table small
/// enough to stay in the cache. One table over all the old edges missed the cache on nearly every look-up
/// (docs/decisions.md, "The diff matches edges partition by partition").
enum EdgeMultisetMatch {
    /// An edge's key and its place in its network.
    private struct Record {
        let ends: UInt64
        let tag: UInt32
        let index: Int32
    }

    /// Old edges per partition, about (fewer partitions would not fit the cache; more cost more passes).
    private static let partitionSize = 4096

    /// The old edges no new edge cancelled and the new edges that cancelled none, each in file order; `nodeMap` and
    /// `labelMap` take the new network's nodes and labels to the old one's numbers (or past them, when new).
    static func unmatched(old: Network, new: Network, nodeMap: [Int32], labelMap: [Int32]) -> (
        removed: [EdgeIndex], added: [EdgeIndex]
    ) {
        var bits = 0
        while bits < 16 && old.edgeCount >> bits > partitionSize { bits += 1 }
        // Each edge's partition, computed once per side (the second pass of the split reads it); one buffer for both.
        var parts = [UInt16](repeating: 0, count: max(old.edgeCount, new.edgeCount))
        // Both sides' records in one block, in huge pages where the system gives them: written once, at random.
        let records: UnsafeMutableBufferPointer<Record> = allocateHuge(max(old.edgeCount + new.edgeCount, 1))
        defer { records.deallocate() }
        let olds = UnsafeMutableBufferPointer(rebasing: records[..<old.edgeCount])
        let news = UnsafeMutableBufferPointer(rebasing: records[old.edgeCount..<(old.edgeCount + new.edgeCount)])
        let oldStarts = split(old, nodeMap: nil, labelMap: nil, bits: bits, parts: &parts, into: olds)
        let newStarts = split(new, nodeMap: nodeMap, labelMap: labelMap, bits: bits, parts: &parts, into: news)
        var removed = [Bool](repeating: false, count: old.edgeCount)
        var added = [Bool](repeating: false, count: new.edgeCount)
        var largest = 0
        for p in 0..<(1 << bits) { largest = max(largest, oldStarts[p + 1] - oldStarts[p]) }
        var table = CountTable(capacity: largest)
        var slots = [Int32](repeating: 0, count: largest)
        removed.withUnsafeMutableBufferPointer { removed in
            added.withUnsafeMutableBufferPointer { added in
                slots.withUnsafeMutableBufferPointer { slots in
                    for p in 0..<(1 << bits) {
                        let first = oldStarts[p]
                        table.reset(capacity: oldStarts[p + 1] - first)
                        for j in first..<oldStarts[p + 1] { slots[j - first] = table.insert(olds[j].ends, olds[j].tag) }
                        for j in newStarts[p]..<newStarts[p + 1] where !table.cancel(news[j].ends, news[j].tag) {
                            added[Int(news[j].index)] = true
                        }
                        for j in first..<oldStarts[p + 1] where !table.replay(slot: slots[j - first]) {
                            removed[Int(olds[j].index)] = true
                        }
                    }
                }
            }
        }
        return (marked(removed), marked(added))
    }

    /// The indices whose flag is set, in order.
    private static func marked(_ flags: [Bool]) -> [EdgeIndex] {
        var indices: [EdgeIndex] = []
        for i in flags.indices where flags[i] { indices.append(EdgeIndex(i)) }
        return indices
    }

    /// The key of an edge from `source` to `target` with `label`, in the shared id space.
    @inline(__always)
    private static func key(_ source: Int32, _ label: Int32, _ target: Int32, bothWays: Bool) -> EdgeKey {
        let (s, t) = bothWays && target < source ? (target, source) : (source, target)
        return EdgeKey(
            ends: UInt64(UInt32(bitPattern: s)) << 32 | UInt64(UInt32(bitPattern: t)),
            tag: UInt32(bitPattern: label) << 1 | (bothWays ? 1 : 0))
    }

    /// Writes the keys of `network`'s edges (nodes and labels through the maps; nil is the identity) into `records`,
    /// grouped by partition (the top `bits` bits of the hash), in file order within each; returns where each partition
    /// starts (one more entry, the end). `parts` is scratch room for every edge's partition.
    private static func split(
        _ network: Network, nodeMap: [Int32]?, labelMap: [Int32]?, bits: Int, parts: inout [UInt16],
        into records: UnsafeMutableBufferPointer<Record>
    ) -> [Int] {
        let count = network.edgeCount
        let (sources, targets, labels, bothWays) = (network.edgeSources, network.edgeTargets, network.edgeLabels, network.edgeBothWays)
        let shift = UInt64(64 - bits)
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        let nodes = nodeMap ?? []
        let edgeLabels = labelMap ?? []
        sources.withUnsafeBufferPointer { sources in
            targets.withUnsafeBufferPointer { targets in
                labels.withUnsafeBufferPointer { labels in
                    bothWays.withUnsafeBufferPointer { bothWays in
                        nodes.withUnsafeBufferPointer { nodes in
                            edgeLabels.withUnsafeBufferPointer { edgeLabels in
                                @inline(__always) func keyOf(_ e: Int) -> EdgeKey {
                                    let (s, t, l) = (sources[e], targets[e], labels[e])
                                    return nodeMap == nil
                                        ? key(s, l, t, bothWays: bothWays[e])
                                        : key(nodes[Int(s)], edgeLabels[Int(l)], nodes[Int(t)], bothWays: bothWays[e])
                                }
                                parts.withUnsafeMutableBufferPointer { parts in
                                    starts.withUnsafeMutableBufferPointer { starts in
                                        for e in 0..<count {
                                            let p = UInt16(truncatingIfNeeded: keyOf(e).hash >> shift)
                                            parts[e] = p
                                            starts[Int(p) &+ 1] &+= 1
                                        }
                                        for p in 0..<(1 << bits) { starts[p + 1] += starts[p] }
                                        // Where the next record of each partition goes: starts, one partition on.
                                        var next = Array(starts)
                                        next.withUnsafeMutableBufferPointer { next in
                                            for e in 0..<count {
                                                let k = keyOf(e)
                                                let p = Int(parts[e])
                                                (records.baseAddress! + next[p]).initialize(to: Record(ends: k.ends, tag: k.tag, index: Int32(e)))
                                                next[p] &+= 1
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return starts
    }
}

/// A multiset of old edge keys, by open addressing; reused for every partition, emptied by moving to a new epoch.
private struct CountTable {
    private struct Slot {
        var ends: UInt64
        var tag: UInt32
        /// Old edges with the key, less those replayed as cancelled.
        var total: Int32
        /// Old edges with the key not yet cancelled by a new edge.
        var left: Int32
        /// The partition the slot was last filled for: a slot of an earlier epoch is empty.
        var epoch: UInt32
    }

    private var slots: [Slot]
    private var shift: UInt64 = 60
    private var epoch: UInt32 = 0

    /// Room for `capacity` keys in any `reset`.
    init(capacity: Int) {
        slots = Array(repeating: Slot(ends: 0, tag: 0, total: 0, left: 0, epoch: 0), count: Self.size(capacity))
    }

    /// The table size for `capacity` keys: a power of two at most three-quarters full.
    private static func size(_ capacity: Int) -> Int {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        return size
    }

    /// Empties the table, to hold `capacity` keys.
    mutating func reset(capacity: Int) {
        shift = UInt64(64 - Self.size(capacity).trailingZeroBitCount)
        epoch &+= 1
    }

    /// The first slot to probe for a key: the partition took the keys' SplitMix64 hash's top bits, so within it a
    /// multiplicative hash (top bits of the products) spreads them well enough, for less.
    @inline(__always)
    private func home(_ ends: UInt64, _ tag: UInt32) -> Int {
        Int(truncatingIfNeeded: (ends &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(tag) &* 0xC2B2_AE3D_27D4_EB4F) >> shift)
    }

    /// Counts one old edge; returns its slot.
    mutating func insert(_ ends: UInt64, _ tag: UInt32) -> Int32 {
        let (epoch, mask) = (epoch, (1 << (64 - shift)) - 1)
        var i = home(ends, tag)
        return slots.withUnsafeMutableBufferPointer { slots in
            while slots[i].epoch == epoch {
                if slots[i].tag == tag && slots[i].ends == ends {
                    slots[i].total &+= 1
                    slots[i].left &+= 1
                    return Int32(i)
                }
                i = (i &+ 1) & mask
            }
            slots[i] = Slot(ends: ends, tag: tag, total: 1, left: 1, epoch: epoch)
            return Int32(i)
        }
    }

    /// Cancels one old edge equal to the key; false when none is left.
    mutating func cancel(_ ends: UInt64, _ tag: UInt32) -> Bool {
        let (epoch, mask) = (epoch, (1 << (64 - shift)) - 1)
        var i = home(ends, tag)
        return slots.withUnsafeMutableBufferPointer { slots in
            while slots[i].epoch == epoch {
                if slots[i].tag == tag && slots[i].ends == ends {
                    guard slots[i].left > 0 else { return false }
                    slots[i].left &-= 1
                    return true
                }
                i = (i &+ 1) & mask
            }
            return false
        }
    }

    /// Whether the old edge at `slot` (next in file order among its equals, walked again after every cancel) was
    /// cancelled: the first total - left of them were.
    mutating func replay(slot: Int32) -> Bool {
        let i = Int(slot)
        guard slots[i].total > slots[i].left else { return false }
        slots[i].total &-= 1
        return true
    }
}
