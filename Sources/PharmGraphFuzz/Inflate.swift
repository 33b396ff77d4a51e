internal import CLzma
internal import CZlib
import Foundation
import PharmGraphCompression

/// gzip and xz decoding: arbitrary bytes, and round trips of data this target compresses.
///
/// `InputFile` has no output cap yet, so inputs are kept small: deflate inflates at most
/// about 1032:1, so 4 KiB of input cannot make more than a few megabytes.
enum Inflate {
    static let maximumInput = 4096

    static func gzip(_ data: Data) throws(Violation) {
        try check(data, decode: InputFile.gunzip, encode: deflate, "gzip member")
    }

    static func xz(_ data: Data) throws(Violation) {
        try check(data, decode: InputFile.unxz, encode: xzEncode, "xz stream")
    }

    /// The first byte picks one check per input (each decode costs a large buffer under ASan):
    /// 0 mod 3, the rest as compressed bytes must decode or fail cleanly; 1, the rest encoded in
    /// one unit must decode to itself; 2, in two concatenated units followed by zero padding.
    private static func check(
        _ data: Data, decode: (Data) throws(InputFile.ReadError) -> Data, encode: (Data) -> Data, _ unit: String
    ) throws(Violation) {
        guard let mode = data.first, data.count <= maximumInput else { return }
        let rest = Data(data.dropFirst())
        switch mode % 3 {
        case 0:
            _ = try? decode(rest)
        case 1:
            try expect(decode, inflates: encode(rest), to: rest, "one \(unit)")
        default:
            // Zero padding after the last unit is allowed (gzip: tar-like writers; xz: stream padding).
            let (head, tail) = halves(rest)
            try expect(decode, inflates: encode(head) + encode(tail) + Data(repeating: 0, count: 4), to: rest, "two of \(unit)")
        }
    }

    private static func halves(_ data: Data) -> (Data, Data) {
        let middle = data.count / 2
        return (Data(data.prefix(middle)), Data(data.dropFirst(middle)))
    }

    private static func expect(
        _ decode: (Data) throws(InputFile.ReadError) -> Data, inflates compressed: Data, to expected: Data, _ what: String
    ) throws(Violation) {
        let output: Data
        do {
            output = try decode(compressed)
        } catch {
            throw Violation("\(what) of \(expected.count) bytes failed to decode: \(error)")
        }
        if output != expected { throw Violation("\(what): decoded \(output.count) bytes, not the \(expected.count) encoded") }
    }

    /// One gzip member holding `data` (zlib, default level).
    private static func deflate(_ data: Data) -> Data {
        var stream = z_stream()
        let status = ZLIB_VERSION.withCString {
            deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, $0, Int32(MemoryLayout<z_stream>.size))
        }
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                let end = CZlib.deflate(&stream, Z_FINISH)
                precondition(end == Z_STREAM_END, "deflate did not finish: \(end)")
                return target.count - Int(stream.avail_out)
            }
        }
        return Data(output[0..<written])
    }

    /// One xz stream holding `data` (preset 0: a 256 KiB dictionary, plenty for 4 KiB inputs).
    private static func xzEncode(_ data: Data) -> Data {
        let input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(lzma_stream_buffer_bound(input.count)))
        var position = 0
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                lzma_easy_buffer_encode(0, LZMA_CHECK_CRC64, nil, source.baseAddress, source.count, target.baseAddress, &position, target.count)
            }
        }
        precondition(status == LZMA_OK, "lzma_easy_buffer_encode failed: \(status.rawValue)")
        return Data(output[0..<position])
    }
}
