internal import CLzma
internal import CZlib
import Foundation

/// Streaming gzip (and zlib) decoding: concatenated members, and zero padding after a member.
final class GzipDecoder: StreamDecoder {
    /// zlib keeps a pointer back to its stream, so the stream lives at a fixed address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var initialised = false
    /// Whether a member has started and not yet ended.
    private var inMember = false

    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
    }

    func feed(_ input: UnsafeRawBufferPointer, into sink: ByteSink) throws(InputFile.ReadError) {
        var offset = 0
        while offset < input.count {
            if !inMember {
                // Between members only zero padding may come without a new gzip header.
                if initialised, input[offset] == 0 {
                    offset += 1
                    continue
                }
                try start()
            }
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self) + offset)
            stream.pointee.avail_in = uInt(input.count - offset)
            var status: Int32
            repeat {
                let space = try sink.space()
                stream.pointee.next_out = space.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(space.count)
                status = inflate(stream, Z_NO_FLUSH)
                try sink.commit(space.count - Int(stream.pointee.avail_out))
                if status == Z_BUF_ERROR, stream.pointee.avail_in == 0 { status = Z_OK }
                guard status == Z_OK || status == Z_STREAM_END else {
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw InputFile.ReadError("corrupt gzip data: \(message)")
                }
            } while status == Z_OK && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0)
            offset = input.count - Int(stream.pointee.avail_in)
            if status == Z_STREAM_END { inMember = false }
        }
    }

    private func start() throws(InputFile.ReadError) {
        let status = initialised ? inflateReset(stream) : pharmgraph_inflate_init_gzip(stream)
        guard status == Z_OK else { throw InputFile.ReadError("cannot start gzip decoding") }
        initialised = true
        inMember = true
    }

    func finish(into sink: ByteSink) throws(InputFile.ReadError) {
        if inMember { throw InputFile.ReadError("truncated gzip data") }
    }

    deinit {
        if initialised { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}

/// Streaming `.xz` decoding (concatenated streams included).
final class XZDecoder: StreamDecoder {
    private let stream: UnsafeMutablePointer<lzma_stream>
    private var initialised = false

    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: pharmgraph_lzma_stream_init())
    }

    func feed(_ input: UnsafeRawBufferPointer, into sink: ByteSink) throws(InputFile.ReadError) {
        try start()
        guard let base = input.baseAddress, !input.isEmpty else { return }
        stream.pointee.next_in = base.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_in = input.count
        while stream.pointee.avail_in > 0 {
            if try code(LZMA_RUN, into: sink) == LZMA_STREAM_END, stream.pointee.avail_in > 0 {
                throw InputFile.ReadError("corrupt xz data: bytes after the end of the stream")
            }
        }
    }

    func finish(into sink: ByteSink) throws(InputFile.ReadError) {
        try start()
        stream.pointee.avail_in = 0
        while try code(LZMA_FINISH, into: sink) != LZMA_STREAM_END {}
    }

    /// One call of `lzma_code` into the sink's free space.
    private func code(_ action: lzma_action, into sink: ByteSink) throws(InputFile.ReadError) -> lzma_ret {
        let space = try sink.space()
        stream.pointee.next_out = space.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = space.count
        let status = lzma_code(stream, action)
        try sink.commit(space.count - stream.pointee.avail_out)
        guard status == LZMA_OK || status == LZMA_STREAM_END else {
            if status == LZMA_BUF_ERROR { throw InputFile.ReadError("truncated xz data") }
            throw InputFile.ReadError("corrupt xz data (liblzma error \(status.rawValue))")
        }
        return status
    }

    private func start() throws(InputFile.ReadError) {
        guard !initialised else { return }
        // 0x08 is LZMA_CONCATENATED, a macro Swift cannot import.
        guard lzma_stream_decoder(stream, UInt64.max, 0x08) == LZMA_OK else {
            throw InputFile.ReadError("cannot start xz decoding")
        }
        initialised = true
    }

    deinit {
        if initialised { lzma_end(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}
