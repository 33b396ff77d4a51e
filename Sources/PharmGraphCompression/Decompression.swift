internal import CLzma
internal import CZlib
import Foundation

/// Reads input files, decompressing `.gz` (zlib) and `.xz` (liblzma) in memory.
public enum InputFile {
    /// Why a file could not be read or decompressed.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The bytes of `path`, decompressed when its name ends in `.gz` or `.xz`.
    public static func read(_ path: String) throws(ReadError) -> Data {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"
            throw ReadError(description: "cannot read file: \(reason)")
        }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".gz") { return try gunzip(data) }
        if lowered.hasSuffix(".xz") { return try unxz(data) }
        return data
    }

    /// Inflates gzip (or zlib) data, including concatenated gzip members.
    public static func gunzip(_ data: Data) throws(ReadError) -> Data {
        var output = Data()
        var input = [UInt8](data)
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while offset < input.count {
            var stream = z_stream()
            guard pharmgraph_inflate_init_gzip(&stream) == Z_OK else { throw ReadError(description: "cannot start gzip decoding") }
            defer { inflateEnd(&stream) }
            var status: Int32 = Z_OK
            let consumed: Int = try input.withUnsafeMutableBufferPointer { (source) throws(ReadError) -> Int in
                stream.next_in = source.baseAddress! + offset
                stream.avail_in = uInt(source.count - offset)
                repeat {
                    let produced = buffer.withUnsafeMutableBufferPointer { target -> Int in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                        return target.count - Int(stream.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END else {
                        let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                        throw ReadError(description: "corrupt gzip data: \(message)")
                    }
                    output.append(contentsOf: buffer[0..<produced])
                    if status == Z_OK, stream.avail_in == 0, produced == 0 {
                        throw ReadError(description: "truncated gzip data")
                    }
                } while status != Z_STREAM_END
                return source.count - offset - Int(stream.avail_in)
            }
            offset += consumed
            // Trailing zero padding after the last member is allowed.
            if input[offset...].allSatisfy({ $0 == 0 }) { break }
        }
        input.removeAll()
        return output
    }

    /// Decodes `.xz` data.
    public static func unxz(_ data: Data) throws(ReadError) -> Data {
        var stream = pharmgraph_lzma_stream_init()
        guard lzma_stream_decoder(&stream, UInt64.max, 0x08 /* LZMA_CONCATENATED, a macro Swift cannot import */) == LZMA_OK else {
            throw ReadError(description: "cannot start xz decoding")
        }
        defer { lzma_end(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        let input = [UInt8](data)
        try input.withUnsafeBufferPointer { (source) throws(ReadError) in
            stream.next_in = source.baseAddress
            stream.avail_in = source.count
            var status = LZMA_OK
            repeat {
                let action = stream.avail_in == 0 ? LZMA_FINISH : LZMA_RUN
                let produced = buffer.withUnsafeMutableBufferPointer { target -> Int in
                    stream.next_out = target.baseAddress
                    stream.avail_out = target.count
                    status = lzma_code(&stream, action)
                    return target.count - stream.avail_out
                }
                output.append(contentsOf: buffer[0..<produced])
                guard status == LZMA_OK || status == LZMA_STREAM_END else {
                    throw ReadError(description: "corrupt xz data (liblzma error \(status.rawValue))")
                }
            } while status != LZMA_STREAM_END
        }
        return output
    }
}
