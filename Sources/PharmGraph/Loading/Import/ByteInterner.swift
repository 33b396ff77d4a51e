/// Byte strings interned to dense ids (0, 1, 2, … in order of first appearance): open addressing with
/// linear probing on a cheap 64-bit hash, every key's bytes back to back in one arena.
///
/// The loader's hot path looks ids up by their bytes in the input, without making a `String` per field
/// (docs/decisions.md, "Load at the floor").
struct ByteInterner: Sendable {
    /// Every key, back to back, each as an 8-byte header (its length, then its id, both `UInt32`) and its bytes:
    /// key `i`'s header is at `starts[i]`. A probe reads a key's id beside its bytes, one memory access for both.
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    /// Per slot, in one word (one memory access): the upper half of its key's hash, to skip most compares,
    /// above the place of its key's header in the arena plus one; 0 when empty.
    private var slots: [UInt64]
    private var mask: Int
    private static let header = 8

    /// Room for `capacity` keys before the table grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        starts.reserveCapacity(capacity)
    }

    /// How many keys there are.
    var count: Int { starts.count }

    /// The id of `key`, if interned.
    func find(_ key: UnsafeRawBufferPointer) -> Int32? {
        probe(key, hash: Self.hash(key)).id
    }

    /// The id of `key`, if interned.
    func find(_ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { find(UnsafeRawBufferPointer($0)) }
    }

    /// Whether `key` is the key of `id`.
    func isKey(_ key: UnsafeRawBufferPointer, of id: Int32) -> Bool {
        let start = starts[Int(id)]
        return arena.withUnsafeBytes { arena in
            arena.loadUnaligned(fromByteOffset: start, as: UInt32.self) == UInt32(truncatingIfNeeded: key.count)
                && (key.isEmpty || Self.equal(arena.baseAddress! + start + Self.header, key.baseAddress!, key.count))
        }
    }

    /// The id of `key`, interned now if it is new (`added`).
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int32, added: Bool) {
        intern(key, hash: Self.hash(key), firstWord: nil)
    }

    /// The id of `key`, whose hash is `hash`, interned now if it is new; `firstWord`, when given, is its first slot's
    /// word, read already.
    private mutating func intern(_ key: UnsafeRawBufferPointer, hash: UInt64, firstWord: UInt64?) -> (id: Int32, added: Bool) {
        let (slot, found) = probe(key, hash: hash, firstWord: firstWord)
        if let found { return (found, false) }
        precondition(key.count <= Int(UInt32.max) && arena.count < Int(UInt32.max) - Self.header - key.count, "ByteInterner: more than 4 GiB of keys")
        let id = Int32(count)
        let start = arena.count
        withUnsafeBytes(of: UInt32(key.count).littleEndian) { arena.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(bitPattern: id).littleEndian) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: key)
        starts.append(start)
        slots[slot] = Self.entry(start, hash: hash)
        if 2 * count > mask { grow() }
        return (id, true)
    }

    /// The id of `key`, interned now if it is new (`added`).
    mutating func intern(_ key: String) -> (id: Int32, added: Bool) {
        var key = key
        return key.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The ids of `a` and of `b`, each interned now if it is new (`added`), `a` first: both keys' first slots are read
    /// before either is compared, so that the two cache misses overlap (a SIF line's source and target).
    mutating func intern(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> (a: (id: Int32, added: Bool), b: (id: Int32, added: Bool)) {
        let (hashA, hashB) = (Self.hash(a), Self.hash(b))
        let (wordA, wordB) = slots.withUnsafeBufferPointer { slots in
            (slots[Int(truncatingIfNeeded: hashA) & mask], slots[Int(truncatingIfNeeded: hashB) & mask])
        }
        let first = intern(a, hash: hashA, firstWord: wordA)
        // Placing `a` may have filled or moved `b`'s first slot: then its word is read again.
        return (first, intern(b, hash: hashB, firstWord: first.added ? nil : wordB))
    }

    /// A slot's word for the key whose header is at `start` and whose hash is `hash`.
    private static func entry(_ start: Int, hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 | UInt64(start + 1) }

    /// The slot holding `key`, or the empty slot where it would go.
    private func probe(_ key: UnsafeRawBufferPointer, hash: UInt64, firstWord: UInt64? = nil) -> (slot: Int, id: Int32?) {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = mask
        let length = UInt32(truncatingIfNeeded: key.count)
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBytes { arena in
                var j = Int(truncatingIfNeeded: hash) & mask
                var next = firstWord
                while true {
                    let word = next ?? slots[j]
                    next = nil
                    if word == 0 { return (j, nil) }
                    if word & 0xFFFF_FFFF_0000_0000 == tag {
                        let start = Int(word & 0xFFFF_FFFF) - 1
                        let at = arena.baseAddress! + start
                        if at.loadUnaligned(as: UInt32.self) == length.littleEndian
                            && (key.isEmpty || Self.equal(at + Self.header, key.baseAddress!, key.count))
                        {
                            return (j, Int32(bitPattern: UInt32(littleEndian: at.loadUnaligned(fromByteOffset: 4, as: UInt32.self))))
                        }
                    }
                    j = (j + 1) & mask
                }
            }
        }
    }

    /// Whether the `count` bytes at `a` and at `b` are the same, compared eight at a time (keys are short: a call
    /// to `memcmp` costs more than the compare).
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// Doubles the table, placing every key again.
    private mutating func grow() {
        let size = 2 * (mask + 1)
        var newSlots = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        arena.withUnsafeBytes { arena in
            for start in starts {
                let length = Int(UInt32(littleEndian: arena.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
                let key = UnsafeRawBufferPointer(rebasing: arena[(start + Self.header)..<(start + Self.header + length)])
                let hash = Self.hash(key)
                var j = Int(truncatingIfNeeded: hash) & newMask
                while newSlots[j] != 0 { j = (j + 1) & newMask }
                newSlots[j] = Self.entry(start, hash: hash)
            }
        }
        (slots, mask) = (newSlots, newMask)
    }

    /// A fast 64-bit hash of bytes, eight at a time (not for untrusted keys' worst case, which only
    /// makes probing slower, never wrong).
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var i = 0
        let n = key.count
        while i + 8 <= n {
            let word = key.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                word |= UInt64(key[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ word) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
