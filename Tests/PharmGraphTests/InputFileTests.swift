import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphTestSupport
import Testing

/// `InputFile`: reading to the end of files and FIFOs, streaming decompression under a size limit.
@Suite("Input files")
struct InputFileTests {
    private let directory: String

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    /// Runs a shell command in the folder; `nil` if it failed (gzip or xz missing), with the reason printed.
    private func shell(_ command: String) throws -> Bool {
        let run = try Program.run("/bin/sh", ["-c", command], in: directory)
        // gzip and xz are test dependencies (Scripts/bootstrap): a missing one fails the test, loudly.
        if run.status != 0 { Issue.record("'\(command)' failed: \(run.stderr)") }
        return run.status == 0
    }

    /// 8 MiB of zeros compressed by gzip and xz: a small decompression bomb.
    private func makeBombs() throws -> Bool {
        try Data(count: 8 << 20).write(to: URL(fileURLWithPath: path("zeros")))
        return try shell("gzip -c zeros > bomb.gz && xz -c zeros > bomb.xz && cp bomb.gz bomb-gz && cp bomb.xz bomb-xz")
    }

    /// The gzip and xz bombs' bytes; `nil` if gzip or xz is missing.
    private func bombData() throws -> (Data, Data)? {
        guard try makeBombs() else { return nil }
        return (try Data(contentsOf: URL(fileURLWithPath: path("bomb.gz"))), try Data(contentsOf: URL(fileURLWithPath: path("bomb.xz"))))
    }

    private func expectOverLimit(_ name: String, limit: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            _ = try InputFile.read(path(name), limit: limit)
        } throws: { error in
            guard let error = error as? InputFile.ReadError else { return false }
            return error.exceededLimit && error.description.contains(ByteSize.describe(limit))
        }
    }

    @Test("a gzip or xz bomb stops at the limit; at exactly the limit it is read", arguments: ["bomb.gz", "bomb.xz", "bomb-gz", "bomb-xz"])
    func bomb(name: String) throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard try makeBombs() else { return }
        expectOverLimit(name, limit: 1 << 20)
        expectOverLimit(name, limit: (8 << 20) - 1)
        let data = try InputFile.read(path(name), limit: 8 << 20)
        #expect(data.count == 8 << 20)
        #expect(data.allSatisfy { $0 == 0 })
    }

    @Test("in-memory gunzip and unxz honour the limit too")
    func inMemory() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard let (gz, xz) = try bombData() else { return }
        #expect(throws: InputFile.ReadError.self) { try InputFile.gunzip(gz, limit: 4096) }
        #expect(throws: InputFile.ReadError.self) { try InputFile.unxz(xz, limit: 4096) }
        #expect(try InputFile.gunzip(gz).count == 8 << 20)
        #expect(try InputFile.unxz(xz).count == 8 << 20)
    }

    @Test("decode and read(descriptor:) follow the file rule: magic, else name, tells the compression, the limit counts plain bytes too")
    func oneRule() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard let (gz, xz) = try bombData() else { return }
        for name in ["g.sif", "g.sif.gz", "g.sif.xz"] {
            #expect(try InputFile.decode(gz, name: name, limit: 8 << 20).count == 8 << 20)
            #expect(try InputFile.decode(xz, name: name, limit: 8 << 20).count == 8 << 20)
            #expect(throws: InputFile.ReadError.self) { try InputFile.decode(gz, name: name, limit: 4096) }
        }
        let plain = Data(repeating: 0x41, count: 5000)
        #expect(try InputFile.decode(plain, name: "g.sif", limit: 5000) == plain)
        #expect { try InputFile.decode(plain, name: "g.sif", limit: 4999) } throws: { ($0 as? InputFile.ReadError)?.exceededLimit == true }
        #expect { try InputFile.decode(plain, name: "g.sif.gz") } throws: { ($0 as? InputFile.ReadError) != nil }
        #expect(try InputFile.decode(Data("abc".utf8), name: "g.sif") == Data("abc".utf8))
        #expect(try InputFile.decode(Data(), name: "g.sif.gz").isEmpty)
        // Through a pipe: streamed, and stopped at the limit.
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(gz)
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let piped = try InputFile.read(descriptor: pipe.fileHandleForReading.fileDescriptor, name: "blob", limit: 8 << 20)
        #expect(piped.count == 8 << 20)
    }

    @Test("bzip2, zstd and zip, by magic or name, are refused with the command that decompresses them")
    func unsupportedCompression() throws {
        // The first bytes of `bzip2`, `zstd` and `zip` output (bzip2: a first block, and an empty stream).
        let cases: [(bytes: [UInt8], format: String, tool: String)] = [
            (Array("BZh91AY&SY".utf8), "bzip2", "bunzip2 -c"), ([0x42, 0x5A, 0x68, 0x39, 0x17, 0x72, 0x45, 0x38], "bzip2", "bunzip2 -c"),
            ([0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x58], "zstd", "zstd -dc"), (Array("PK\u{3}\u{4}\u{14}\u{0}".utf8), "zip", "unzip -p"),
        ]
        for (bytes, format, tool) in cases {
            for name in ["h.json", "-"] {
                let pipe = name == "-" ? "… | \(tool)" : "\(tool) \(name)"
                #expect {
                    try InputFile.decode(Data(bytes), name: name)
                } throws: {
                    ($0 as? InputFile.ReadError)?.description
                        == "\(format) compression is not supported (only gzip and xz are); decompress it first and read the result from standard input, e.g. '\(pipe) |'"
                }
            }
        }
        for name in ["g.yaml.bz2", "g.yaml.zst", "g.zip"] {
            #expect(throws: InputFile.ReadError.self) { try InputFile.decode(Data("id: g\n".utf8), name: name) }
        }
        // Text that merely starts like bzip2's magic is text.
        #expect(try InputFile.decode(Data("BZh1\tactivates\tB\n".utf8), name: "n.sif") == Data("BZh1\tactivates\tB\n".utf8))
        try Data("BZh91AY&SY".utf8).write(to: URL(fileURLWithPath: path("g.yaml")))
        #expect(InputFile.isCompressed(path("g.yaml")))
    }

    @Test("a plain file over the limit is refused before it is read")
    func plainOverLimit() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(repeating: 0x41, count: 5000).write(to: URL(fileURLWithPath: path("big.sif")))
        expectOverLimit("big.sif", limit: 4999)
        #expect(try InputFile.read(path("big.sif"), limit: 5000).count == 5000)
    }

    @Test("concatenated gzip members are all read; a cut-off member is an error")
    func members() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "a\tx\tb\n".write(toFile: path("one"), atomically: false, encoding: .utf8)
        try "b\tx\tc\n".write(toFile: path("two"), atomically: false, encoding: .utf8)
        guard try shell("gzip -c one > both.gz && gzip -c two >> both.gz && head -c 20 both.gz > cut.gz") else { return }
        #expect(String(decoding: try InputFile.read(path("both.gz")), as: UTF8.self) == "a\tx\tb\nb\tx\tc\n")
        #expect {
            _ = try InputFile.read(path("cut.gz"))
        } throws: { error in
            (error as? InputFile.ReadError)?.description == "truncated gzip data"
        }
    }

    @Test("a FIFO is read to its end, not by its reported size")
    func fifo() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SpecialFiles.makeFIFO(path("in.sif"))
        let text = String(repeating: "a\tactivates\tb\n", count: 20_000)
        let fifo = path("in.sif")
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        #expect(String(decoding: try InputFile.read(fifo), as: UTF8.self) == text)
    }

    @Test("the input loader reads a FIFO to its end too")
    func loaderFIFO() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: Repository.path("Graphs/ketamine.yaml"), encoding: .utf8)
        try SpecialFiles.makeFIFO(path("g.yaml"))
        let fifo = path("g.yaml")
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        let result = InputLoader.load(fifo)
        #expect(result.diagnostics.isEmpty)
        #expect(result.format == .graph)
        #expect(result.graph?.nodes.count == 117)
    }

    @Test("a missing file and a directory get plain reasons")
    func reasons() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            _ = try InputFile.read(path("none.sif"))
        } throws: { ($0 as? InputFile.ReadError)?.description == "cannot read file: no such file" }
        #expect {
            _ = try InputFile.read(directory)
        } throws: { ($0 as? InputFile.ReadError)?.description == "cannot read file: is a directory" }
    }

    @Test("sizes parse with binary suffixes and print in the largest exact unit")
    func sizes() {
        #expect(ByteSize.parse("1000") == 1000)
        #expect(ByteSize.parse("512M") == 512 << 20)
        #expect(ByteSize.parse("4g") == 4 << 30)
        #expect(ByteSize.parse("16GiB") == 16 << 30)
        #expect(ByteSize.parse("2KB") == 2048)
        #expect(ByteSize.parse("8P") == 8 << 50)
        for bad in ["", "G", "1.5G", "-1", "12X", "9999999P", "99999999999999999999", "1iB"] {
            #expect(ByteSize.parse(bad) == nil, "\(bad)")
        }
        #expect(ByteSize.describe(16 << 30) == "16 GiB")
        #expect(ByteSize.describe(1536) == "1536 bytes")
        #expect(ByteSize.describe(3072) == "3 KiB")
        #expect(ByteSize.describe(1000) == "1000 bytes")
        #expect(ByteSize.describe(1) == "1 byte")
    }
}
