internal import CLzma
internal import CZlib
import Foundation
import PharmGraphIO

/// gzip and xz decoding under an output cap: arbitrary bytes, and round trips of data this
/// target compresses.
///
/// The second byte of an input picks the cap (1 to 16,321 bytes), so the fuzzer explores both
/// sides of it: no decode may return more than the cap, data within it must come back exactly,
/// and data over it must be refused.
enum Inflate {
    static let maximumInput = 4096

    typealias Decode = (Data, Int) throws(InputFile.ReadError) -> Data

    static func gzip(_ data: Data) throws(Violation) {
        try check(data, decode: InputFile.gunzip, encode: deflate, "gzip member")
    }

    static func xz(_ data: Data) throws(Violation) {
        try check(data, decode: InputFile.unxz, encode: xzEncode, "xz stream")
    }

    /// The first byte picks one check per input (each decode costs a large buffer under ASan):
    /// 0 mod 3, the rest as compressed bytes must decode within the cap or fail cleanly; 1, the
    /// rest encoded in one unit; 2, in two concatenated units followed by zero padding.
    private static func check(_ data: Data, decode: Decode, encode: (Data) -> Data, _ unit: String) throws(Violation) {
        guard data.count >= 2, data.count <= maximumInput else { return }
        let mode = data[data.startIndex]
        let limit = 1 + Int(data[data.startIndex + 1]) * 64
        let rest = Data(data.dropFirst(2))
        switch mode % 3 {
        case 0:
            if let output = try? decode(rest, limit), output.count > limit {
                throw Violation("decoded \(output.count) bytes past the cap of \(limit)")
            }
        case 1:
            try expect(decode, limit: limit, inflates: encode(rest), to: rest, "one \(unit)")
        default:
            // Zero padding after the last unit is allowed (gzip: tar-like writers; xz: stream padding).
            let (head, tail) = halves(rest)
            try expect(decode, limit: limit, inflates: encode(head) + encode(tail) + Data(repeating: 0, count: 4), to: rest, "two of \(unit)")
        }
    }

    private static func halves(_ data: Data) -> (Data, Data) {
        let middle = data.count / 2
        return (Data(data.prefix(middle)), Data(data.dropFirst(middle)))
    }

    /// Within the cap the data comes back exactly; over it, the decode is refused.
    private static func expect(
        _ decode: Decode, limit: Int, inflates compressed: Data, to expected: Data, _ what: String
    ) throws(Violation) {
        let output: Data
        do {
            output = try decode(compressed, limit)
        } catch {
            if expected.count > limit { return }
            throw Violation("\(what) of \(expected.count) bytes failed to decode under a cap of \(limit): \(error)")
        }
        if expected.count > limit { throw Violation("\(what) of \(expected.count) bytes decoded past the cap of \(limit)") }
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
