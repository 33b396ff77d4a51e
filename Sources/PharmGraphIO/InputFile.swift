import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads inputs to their end (files, pipes, `-` for stdin), decompressing gzip and xz as they stream in
/// (bzip2, zstd and zip are refused with the command that decompresses them).
public enum InputFile {
    /// Why an input could not be read or decompressed.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let description: String
        /// Whether the input held more than the size limit.
        public let exceededLimit: Bool

        init(_ description: String, exceededLimit: Bool = false) {
            self.description = description
            self.exceededLimit = exceededLimit
        }
    }

    /// The default limit on an input's size once decompressed: 8 GiB (docs/decisions.md).
    public static let defaultLimit = 8 << 30

    /// How much is read from the input at a time.
    static let chunkSize = 1 << 20

    /// The bytes of `path` (`-`: stdin), gzip/xz decompressed by name or magic unless `decompress` is false; at most `limit`.
    public static func read(_ path: String, limit: Int = defaultLimit, decompress: Bool = true) throws(ReadError) -> Data {
        let (fd, info) = try openInput(path)
        defer { if fd != STDIN_FILENO { close(fd) } }
        // The size of a regular file is only a first guess at the buffer: the read goes to the end.
        let regularSize = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        return try read(descriptor: fd, name: path, limit: limit, decompress: decompress, sizeHint: regularSize)
    }

    /// Streams the bytes of `path` (`-`: stdin), decoded as `read` decodes them, to `consume` as they are decoded,
    /// so that they are never held whole. `consume` gets the bytes not read yet and returns how many it read: the
    /// rest comes again at the start of the next call, with more after it; the last call is `final` and reads all.
    public static func stream(
        _ path: String, limit: Int = defaultLimit, decompress: Bool = true,
        into consume: (_ bytes: UnsafeBufferPointer<UInt8>, _ final: Bool) -> Int
    ) throws(ReadError) {
        let (fd, _) = try openInput(path)
        defer { if fd != STDIN_FILENO { close(fd) } }
        let done = withoutActuallyEscaping(consume) { consume in
            Result { () throws(ReadError) in
                var inflow = Inflow(name: path, limit: limit, decompress: decompress, sizeHint: 0, drain: consume)
                try pump(fd, into: &inflow)
                try inflow.finishStream()
            }
        }
        try done.get()
    }

    /// The open descriptor of `path` (`-`: stdin) and its status; a directory is an error.
    private static func openInput(_ path: String) throws(ReadError) -> (fd: Int32, info: stat) {
        let fd: Int32
        if path == "-" {
            fd = STDIN_FILENO
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ReadError("cannot read file: \(reason(errno))") }
        }
        var info = stat()
        var failure: ReadError?
        if fstat(fd, &info) != 0 {
            failure = ReadError("cannot read file: \(reason(errno))")
        } else if info.st_mode & S_IFMT == S_IFDIR {
            failure = ReadError("cannot read file: is a directory")
        }
        if let failure {
            if fd != STDIN_FILENO { close(fd) }
            throw failure
        }
        return (fd, info)
    }

    /// Feeds everything read from `fd`, to its end, into `inflow`.
    private static func pump(_ fd: Int32, into inflow: inout Inflow) throws(ReadError) {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try readSome(fd, into: chunk)
            if count == 0 { break }
            try inflow.feed(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    /// Whether the file at `path` is gzip or xz by the rule `read` follows (magic number, else name); false when unreadable.
    public static func isCompressed(_ path: String) -> Bool {
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: 6, alignment: 1)
        defer { head.deallocate() }
        var count = 0
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd >= 0 {
            count = (try? readSome(fd, into: head)) ?? 0
            close(fd)
        }
        return Compression(name: path, head: UnsafeRawBufferPointer(rebasing: head[0..<count])) != .none
    }

    /// The bytes read from `fd` to its end (a pipe, say), decoded as `read` decodes a file called `name`; at most `limit`.
    public static func read(
        descriptor fd: Int32, name: String, limit: Int = defaultLimit, decompress: Bool = true, sizeHint: Int = 0
    ) throws(ReadError) -> Data {
        var inflow = Inflow(name: name, limit: limit, decompress: decompress, sizeHint: sizeHint)
        try pump(fd, into: &inflow)
        return try inflow.finish()
    }

    /// `data` decoded by the rule `read` applies to a file called `name`: gzip/xz by name or magic, else as it is; at most `limit` either way.
    public static func decode(_ data: Data, name: String, limit: Int = defaultLimit) throws(ReadError) -> Data {
        var inflow = Inflow(name: name, limit: limit, decompress: true, sizeHint: data.count)
        try withBytes(of: data) { bytes throws(ReadError) in try inflow.feed(bytes) }
        return try inflow.finish()
    }

    /// One read(2) into `buffer`, retried on EINTR; 0 at the end of the input.
    private static func readSome(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        while true {
            let count = Foundation.read(fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw ReadError("cannot read file: \(reason(errno))") }
        }
    }

    /// Inflates gzip (or zlib) data, including concatenated gzip members, to at most `limit` bytes.
    package static func gunzip(_ data: Data, limit: Int = defaultLimit) throws(ReadError) -> Data {
        try decode(data, with: GzipDecoder(), limit: limit)
    }

    /// Decodes `.xz` data (concatenated streams included) to at most `limit` bytes.
    package static func unxz(_ data: Data, limit: Int = defaultLimit) throws(ReadError) -> Data {
        try decode(data, with: XZDecoder(), limit: limit)
    }

    private static func decode(_ data: Data, with decoder: some StreamDecoder, limit: Int) throws(ReadError) -> Data {
        var decoder = decoder
        let sink = ByteSink(limit: limit)
        try withBytes(of: data) { bytes throws(ReadError) in try decoder.feed(bytes, into: sink) }
        try decoder.finish(into: sink)
        return sink.take()
    }

    /// Runs `body` on the bytes of `data`, keeping the error typed.
    static func withBytes(of data: Data, _ body: (UnsafeRawBufferPointer) throws(ReadError) -> Void) throws(ReadError) {
        let done = data.withUnsafeBytes { bytes in Result { () throws(ReadError) in try body(bytes) } }
        try done.get()
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a directory"
        default: Descriptor.reason(code)
        }
    }
}

/// How an input is compressed: told by its first bytes, else by its name (so a `.gz` that is not gzip is an error).
/// bzip2, zstd and zip are recognised only to be refused with the way out.
enum Compression: Equatable {
    case none, gzip, xz, bzip2, zstd, zip

    init(name: String, head: UnsafeRawBufferPointer) {
        let lowered = name.lowercased()
        if head.starts(with: [0x1F, 0x8B]) {
            self = .gzip
        } else if head.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) {
            self = .xz
        } else if Self.isBzip2(head) {
            self = .bzip2
        } else if head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
            self = .zstd
        } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if let byName = [(".gz", Self.gzip), (".xz", .xz), (".bz2", .bzip2), (".zst", .zstd), (".zip", .zip)]
            .first(where: { lowered.hasSuffix($0.0) })
        {
            self = byName.1
        } else {
            self = .none
        }
    }

    /// `BZh`, the block size 1-9, then the magic of a first block or of the end of an empty stream.
    private static func isBzip2(_ head: UnsafeRawBufferPointer) -> Bool {
        guard head.count == 6, head.starts(with: [0x42, 0x5A, 0x68]), (0x31...0x39).contains(head[3]) else { return false }
        return (head[4], head[5]) == (0x31, 0x41) || (head[4], head[5]) == (0x17, 0x72)
    }

    /// The decoder, or the error for a compression that is not supported, with the command that decompresses it.
    func decoder(name: String) throws(InputFile.ReadError) -> StreamDecoder {
        let (format, tool): (String, String)
        switch self {
        case .none: return PlainDecoder()
        case .gzip: return GzipDecoder()
        case .xz: return XZDecoder()
        case .bzip2: (format, tool) = ("bzip2", "bunzip2 -c")
        case .zstd: (format, tool) = ("zstd", "zstd -dc")
        case .zip: (format, tool) = ("zip", "unzip -p")
        }
        let pipe = name == "-" ? "… | \(tool)" : "\(tool) \(name)"
        throw InputFile.ReadError(
            "\(format) compression is not supported (only gzip and xz are); decompress it first and read the result from standard input, e.g. '\(pipe) |'"
        )
    }
}

/// Input arriving in chunks, decoded by the one rule for every input: the name or the first six bytes tell
/// the compression, and the size limit counts the bytes after decoding, plain or not.
struct Inflow {
    private let name: String
    private let decompress: Bool
    private let sizeHint: Int
    private let sink: ByteSink
    /// The first bytes, kept until there are six of them (or the input ends) to tell the compression.
    private var head: [UInt8] = []
    private var decoder: (any StreamDecoder)?

    /// `drain`: where decoded bytes go as the sink fills (`ByteSink.drain`), when they are streamed rather than kept.
    init(name: String, limit: Int, decompress: Bool, sizeHint: Int, drain: ByteSink.Drain? = nil) {
        self.name = name
        self.decompress = decompress
        self.sizeHint = sizeHint
        sink = ByteSink(limit: limit, drain: drain)
    }

    mutating func feed(_ input: UnsafeRawBufferPointer) throws(InputFile.ReadError) {
        var rest = input
        if decoder == nil {
            let taken = min(6 - head.count, rest.count)
            head += rest[0..<taken]
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            guard head.count == 6 else { return }
            try start()
        }
        if !rest.isEmpty { try decoder!.feed(rest, into: sink) }
    }

    /// The decoded bytes; an empty input is empty whatever its name.
    mutating func finish() throws(InputFile.ReadError) -> Data {
        if decoder == nil {
            if head.isEmpty { return Data() }
            try start()
        }
        try decoder!.finish(into: sink)
        return sink.take()
    }

    /// Ends a streamed input: the last bytes go to the sink's drain.
    mutating func finishStream() throws(InputFile.ReadError) {
        if decoder == nil, !head.isEmpty { try start() }
        if decoder != nil { try decoder!.finish(into: sink) }
        sink.drainAll()
    }

    private mutating func start() throws(InputFile.ReadError) {
        let kind = decompress ? head.withUnsafeBytes { Compression(name: name, head: $0) } : .none
        if kind == .none {
            if sizeHint > sink.limit { throw ByteSink.overLimit(sink.limit) }
            try sink.reserve(sizeHint)
        }
        var started = try kind.decoder(name: name)
        try InputFile.withBytes(of: Data(head)) { bytes throws(InputFile.ReadError) in try started.feed(bytes, into: sink) }
        decoder = started
    }
}

/// Turns input chunks into bytes in a sink.
protocol StreamDecoder {
    /// Consumes all of `input`.
    mutating func feed(_ input: UnsafeRawBufferPointer, into sink: ByteSink) throws(InputFile.ReadError)
    /// Called at the end of the input; throws if the data was cut short.
    mutating func finish(into sink: ByteSink) throws(InputFile.ReadError)
}

/// Uncompressed input, copied as it is.
struct PlainDecoder: StreamDecoder {
    mutating func feed(_ input: UnsafeRawBufferPointer, into sink: ByteSink) throws(InputFile.ReadError) {
        try sink.append(input)
    }

    mutating func finish(into sink: ByteSink) {}
}

/// One `realloc`ed buffer that decoders write into directly, up to `limit` bytes; allocation failure is an error.
/// With a drain, the buffer is a window: when it is full, the drain reads what it can and the rest moves to its start.
final class ByteSink {
    /// Reads bytes (`final`: the last of them), returning how many it read.
    typealias Drain = (_ bytes: UnsafeBufferPointer<UInt8>, _ final: Bool) -> Int

    let limit: Int
    private(set) var count = 0
    private var capacity = 0
    private var base: UnsafeMutableRawPointer?
    private let drain: Drain?
    /// The bytes the drain has read, which count against the limit too.
    private var drained = 0

    init(limit: Int, drain: Drain? = nil) {
        self.limit = max(0, limit)
        self.drain = drain
    }

    deinit { free(base) }

    /// Makes room for `size` bytes in all (never beyond the limit and one byte).
    func reserve(_ size: Int) throws(InputFile.ReadError) {
        let wanted = min(size, limit == Int.max ? Int.max : limit + 1)
        guard wanted > capacity else { return }
        guard let grown = realloc(base, wanted) else {
            throw InputFile.ReadError("out of memory after \(ByteSize.describe(count)) of input")
        }
        base = grown
        capacity = wanted
    }

    /// Free space at the end, growing the buffer when it is full; at most `UInt32.max` bytes.
    func space() throws(InputFile.ReadError) -> UnsafeMutableRawBufferPointer {
        if count == capacity, count > 0, let drain {
            let read = drain(UnsafeBufferPointer(start: base!.assumingMemoryBound(to: UInt8.self), count: count), false)
            if read > 0 {
                memmove(base!, base! + read, count - read)
                count -= read
                drained += read
            }
        }
        if count == capacity {
            let doubled = capacity > Int.max / 2 ? Int.max : capacity * 2
            try reserve(max(doubled, InputFile.chunkSize))
        }
        let size = min(capacity - count, Int(UInt32.max))
        return UnsafeMutableRawBufferPointer(start: base! + count, count: size)
    }

    /// Records `produced` bytes written into the last `space()`.
    func commit(_ produced: Int) throws(InputFile.ReadError) {
        count += produced
        try ensureRoom(for: 0)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws(InputFile.ReadError) {
        try ensureRoom(for: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let target = try space()
            let n = min(target.count, bytes.count - offset)
            target.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
            offset += n
            count += n
        }
    }

    /// Throws when `extra` more bytes would take the count over the limit.
    private func ensureRoom(for extra: Int) throws(InputFile.ReadError) {
        if extra > limit || drained + count > limit - extra { throw Self.overLimit(limit) }
    }

    static func overLimit(_ limit: Int) -> InputFile.ReadError {
        InputFile.ReadError("the input exceeds the \(ByteSize.describe(limit)) size limit (counted after decompression)", exceededLimit: true)
    }

    /// Gives the drain every byte not read yet, as the last.
    func drainAll() {
        guard let drain else { return }
        let bytes = base.map { UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: count) }
        drained += drain(bytes ?? UnsafeBufferPointer(start: nil, count: 0), true)
        count = 0
    }

    /// The bytes, handed over without a copy; the sink is empty afterwards.
    func take() -> Data {
        guard let base, count > 0 else { return Data() }
        self.base = nil
        defer { (count, capacity) = (0, 0) }
        return Data(bytesNoCopy: base, count: count, deallocator: .free)
    }
}
