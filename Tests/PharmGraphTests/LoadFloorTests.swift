import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// What a load gave: the network's tables, and each diagnostic formatted with its source line.
private struct Loaded: Equatable {
    var ids: [String] = []
    var names: [String] = []
    var kinds: [String] = []
    var edges: [String] = []
    var diagnostics: [String] = []

    init(_ result: NetworkLoadResult) {
        if let network = result.network {
            ids = network.nodeIDs
            names = network.nodeNames
            kinds = network.nodeKinds.map { network.kinds[Int($0)] }
            edges = (0..<network.edgeCount).map { e in
                "\(network.edgeSources[e]) \(network.label(of: Int32(e)).name) \(network.edgeTargets[e]) \(network.edgeBothWays[e])"
            }
        }
        diagnostics = result.diagnostics.map(result.formatter.format)
    }
}

/// `bytes` fed to a SIF stream in parts of `size` bytes, as a decompressing sink does: what was not read comes again.
private func streamed(_ bytes: [UInt8], size: Int, path: String, options: ImportOptions = ImportOptions()) -> NetworkLoadResult {
    var stream = SIFStream(path: path, options: options)
    var pending: [UInt8] = []
    var offset = 0
    while offset < bytes.count {
        pending += bytes[offset..<min(offset + size, bytes.count)]
        offset += size
        let read = pending.withUnsafeBufferPointer { stream.feed($0, final: false) }
        pending.removeFirst(read)
    }
    let read = pending.withUnsafeBufferPointer { stream.feed($0, final: true) }
    #expect(read == pending.count)
    return stream.finish()
}

/// The whole input loaded at once.
private func whole(_ bytes: [UInt8], path: String, options: ImportOptions = ImportOptions()) -> NetworkLoadResult {
    NetworkInput.load(data: Data(bytes), path: path, format: .sif, import: options)
}

@Suite("Load at the floor")
struct LoadFloorTests {
    /// Every line model and every SIF diagnostic: CRLF, CR, NEL, LS and PS breaks, a byte-order mark, a header,
    /// blank lines, spaces as separators, several targets, empty fields, a relation without a target, non-ASCII ids.
    static func text(errors: Bool) -> [UInt8] {
        let bad = errors ? "A::1\t\tB::9\u{2028}D::5\tw\u{2029}" : "\u{2028}"
        return [0xEF, 0xBB, 0xBF] + Array("source\tinteraction\ttarget\r\nA::1\tx\tB::2\rA::é\ty\tB::2\u{85}".utf8)
            + Array("C::3 z B::2 B::4\n\n  \t \n\(bad)E::6\tx\tF::7\nG::8\ty\tA::1".utf8)
    }

    @Test("a SIF input fed in parts of any size gives the network and the diagnostics of the whole input", arguments: [1, 2, 3, 5, 8, 13, 1 << 20])
    func parts(size: Int) {
        let good = Loaded(whole(Self.text(errors: false), path: "t.sif"))
        #expect(good.diagnostics.isEmpty && good.edges.count == 6)
        #expect(good.ids == ["A::1", "B::2", "A::é", "C::3", "B::4", "E::6", "F::7", "G::8"])
        #expect(good.edges == ["0 x 1 false", "2 y 1 false", "3 z 1 false", "3 z 4 false", "5 x 6 false", "7 y 0 false"])
        #expect(Loaded(streamed(Self.text(errors: false), size: size, path: "t.sif")) == good)
        let bad = Loaded(whole(Self.text(errors: true), path: "t.sif"))
        #expect(bad.diagnostics.count == 2 && bad.edges.isEmpty)
        #expect(Loaded(streamed(Self.text(errors: true), size: size, path: "t.sif")) == bad)
    }

    @Test("with a node table, unknown nodes are errors at their line and column, streamed or whole", arguments: [1, 4, 1 << 20])
    func nodeTable(size: Int) {
        let table = Data("id\tname\tkind\nA::1\tone\tA\nB::2\ttwo\tB\nA::é\taccent\tA\n".utf8)
        let options = ImportOptions(nodeTable: ("nodes.tsv", table))
        let bytes = Array("A::1\tx\tB::2\nA::é\tx\tB::3\nZ::é\tx\tB::2\nA::1\tx\tB::2\n".utf8)
        let expected = Loaded(whole(bytes, path: "t.sif", options: options))
        #expect(expected.diagnostics.count == 2)
        #expect(expected.diagnostics[0].hasPrefix("t.sif:2:8: error: unknown node 'B::3'"))
        #expect(expected.diagnostics[1].hasPrefix("t.sif:3:1: error: unknown node 'Z::é'"))
        #expect(Loaded(streamed(bytes, size: size, path: "t.sif", options: options)) == expected)
    }

    @Test("bytes that are not UTF-8 are the one error, at their line and column, however the input is cut", arguments: [1, 2, 7, 1 << 20])
    func notUTF8(size: Int) {
        let bytes = Array("A::1\tx\tB::2\nA::1\t\tB::2\n".utf8) + [0x41, 0xC3, 0xA9, 0x09, 0xC3, 0x28, 0x0A] + Array("B\tx\tC\n".utf8)
        let expected = Loaded(whole(bytes, path: "t.sif"))
        #expect(expected.diagnostics.count == 1)
        #expect(expected.diagnostics[0].hasPrefix("t.sif:3:4: error: file is not valid UTF-8: unexpected byte 0xC3"))
        #expect(Loaded(streamed(bytes, size: size, path: "t.sif")) == expected)
    }

    @Test("an empty or blank input is an error, streamed or whole", arguments: ["", "\n \t\n", "\u{FEFF}"])
    func empty(text: String) {
        let bytes = Array(text.utf8)
        let expected = Loaded(whole(bytes, path: "t.sif"))
        let message = "t.sif:1:1: error: file is empty; expected lines of source, relation and target"
        #expect(expected.diagnostics.map { $0.split(separator: "\n").first.map(String.init) } == [message])
        #expect(Loaded(streamed(bytes, size: 1, path: "t.sif")) == expected)
    }

    @Test("a gzip SIF file is streamed through the loader: the network and the errors of the whole-input load")
    func loader() throws {
        let directory = try makeTemporaryDirectory()
        // About 3 MiB once inflated: the 1 MiB window is drained several times, lines cut at its edges.
        var text = "source\tmetaedge\ttarget\n"
        for i in 0..<120_000 { text += "Gene::\(i % 7_001)\tGiG\tGene::\(i * 7 % 5_003)\n" }
        text += "Gene::1\tGiG\n"
        let plain = directory + "/net.sif"
        try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
        let run = try Program.run("/bin/sh", ["-c", "gzip -c net.sif > net.sif.gz"], in: directory)
        #expect(run.status == 0, "gzip: \(run.stderr)")
        var options = InputLoader.Options()
        options.hashesContent = false
        let streamedInput = InputLoader.load(directory + "/net.sif.gz", options: options)
        guard case let .network(result) = streamedInput.content else {
            Issue.record("not a network: \(streamedInput.diagnostics)")
            return
        }
        let expected = Loaded(whole(Array(text.utf8), path: directory + "/net.sif.gz"))
        #expect(Loaded(result) == expected)
        #expect(expected.diagnostics.count == 1 && expected.diagnostics[0].contains(":120002:9: error: expected source, relation and target"))
        // Without the last line, a network; hashed while it streams when provenance wants the SHA-256.
        try Data(text.utf8.dropLast(12)).write(to: URL(fileURLWithPath: plain))
        let fine = InputLoader.load(plain, options: options)
        options.hashesContent = true
        let hashed = InputLoader.load(plain, options: options)
        #expect(fine.network?.edgeCount == 120_000)
        #expect(fine.network?.nodeIDs == hashed.network?.nodeIDs && fine.network?.edgeTargets == hashed.network?.edgeTargets)
        #expect(fine.provenance.first?.sha256 == nil)
        #expect(hashed.provenance.first?.sha256 == Provenance.Input(bytes: Data(text.utf8.dropLast(12)), graph: nil).sha256)
    }

    @Test("a streamed input over the size limit is refused, counted after decompression")
    func limit() throws {
        let directory = try makeTemporaryDirectory()
        try Data(repeating: UInt8(ascii: "a"), count: 3 << 20).write(to: URL(fileURLWithPath: directory + "/big.sif"))
        let run = try Program.run("/bin/sh", ["-c", "gzip -c big.sif > big.sif.gz"], in: directory)
        #expect(run.status == 0, "gzip: \(run.stderr)")
        #expect(throws: InputFile.ReadError.self) {
            try InputFile.stream(directory + "/big.sif.gz", limit: 2 << 20) { bytes, _ in bytes.count }
        }
        var total = 0
        try InputFile.stream(directory + "/big.sif.gz", limit: 3 << 20) { bytes, _ in
            total += bytes.count
            return bytes.count
        }
        #expect(total == 3 << 20)
    }

    @Test("SHA-256 taken over parts of any size is the digest of the whole", arguments: [1, 7, 63, 64, 65, 1000])
    func hashParts(size: Int) {
        let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256.Hasher()
        for start in stride(from: 0, to: bytes.count, by: size) {
            bytes[start..<min(start + size, bytes.count)].withUnsafeBytes { hasher.update($0) }
        }
        #expect(hasher.finishHex() == SHA256.hex(bytes))
        var empty = SHA256.Hasher()
        #expect(empty.finishHex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("interned byte strings get dense ids in order, found again after the table grows")
    func interner() {
        var interner = ByteInterner(capacity: 2)
        // Keys of many lengths, many sharing a long prefix (the hash and the compare read eight bytes at a time).
        let keys =
            (0..<5_000).map { "Gene::\($0)" } + ["", "Gene::", "é"] + (0..<400).map { "Compound::DB\($0 * 37)" }
            + (0..<400).map { "Anatomy::UBERON:\($0)" } + (0..<400).map { "BiologicalProcess::GO:\($0)x" } + ["Anatomy::UBERON:", "a\u{0}"]
        for (i, key) in keys.enumerated() {
            let (id, added) = interner.intern(key)
            #expect(id == Int32(i) && added)
        }
        for (i, key) in keys.enumerated() {
            #expect(interner.find(key) == Int32(i))
            let again = interner.intern(key)
            #expect(again.id == Int32(i) && !again.added)
        }
        #expect(interner.find("Gene::5000") == nil && interner.count == keys.count)
        #expect(interner.find("Anatomy::UBERON:400") == nil && interner.find("Anatomy::UBERON:1x") == nil && interner.find("a") == nil)
    }
}
