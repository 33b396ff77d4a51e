import Foundation

/// The decoded text of an input file, with line lookup in the one line model of `LineBreaks`.
public struct SourceText: Sendable {
    /// The path as given by the user.
    public let path: String
    public let text: String
    private let index: LineIndex

    /// The UTF-8 bytes and where each line lies in them, shared by the copies of a SourceText.
    private final class LineIndex: Sendable {
        let bytes: [UInt8]
        let lines: [Range<Int>]

        init(_ text: String) {
            bytes = Array(text.utf8)
            lines = LineBreaks.lines(of: bytes)
        }
    }

    private var bytes: [UInt8] { index.bytes }
    private var lines: [Range<Int>] { index.lines }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        index = LineIndex(text)
    }

    /// The 1-based line without its line break.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(decoding: bytes[lines[number - 1]], as: UTF8.self)
    }

    /// `line` or the line before it, when its indentation holds a tab, and the tab's column: YAML
    /// indents with spaces only, and libyaml reports a tab at it or at the next token.
    func tabIndentation(near line: Int) -> (line: Int, column: Int)? {
        for number in [line, line - 1] {
            guard let text = self.line(number) else { continue }
            let indentation = text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }
            if let tab = indentation.firstIndex(of: "\t") {
                return (number, indentation.distance(from: indentation.startIndex, to: tab) + 1)
            }
        }
        return nil
    }

    /// The UTF-8 bytes of the text.
    var utf8: [UInt8] { bytes }

    /// The number of lines; a break at the very end starts no new line.
    public var lineCount: Int { lines.count }

    /// The line and column of a byte offset into the UTF-8 text.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        LineBreaks.position(ofByte: offset, in: bytes)
    }

    /// A position moved inside the text: a position past the end of a line (as libyaml gives at
    /// the end of input) becomes the end of the last line, just after its last character.
    func clamped(line: Int, column: Int) -> (line: Int, column: Int) {
        guard !lines.isEmpty else { return (1, 1) }
        if line > lines.count {
            return (lines.count, (self.line(lines.count)?.unicodeScalars.count ?? 0) + 1)
        }
        let line = max(1, line)
        let width = (self.line(line)?.unicodeScalars.count ?? 0) + 1
        return (line, min(max(1, column), width))
    }
}

/// Why bytes could not be turned into text.
enum SourceReadError: Error {
    case notUTF8(line: Int, column: Int, byte: UInt8)
}

extension SourceText {
    /// Decodes UTF-8 bytes (a leading byte-order mark is dropped).
    static func decode(path: String, data: Data) -> Result<SourceText, SourceReadError> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = utf8Error(in: bytes) {
            return .failure(.notUTF8(line: bad.line, column: bad.column, byte: bad.byte))
        }
        return .success(SourceText(path: path, text: String(decoding: bytes, as: UTF8.self)))
    }
}

/// The position (1-based line, column in Unicode scalars) and value of the first byte
/// that is not valid UTF-8, if any.
func utf8Error(in bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
    guard let bad = firstInvalidUTF8(bytes) else { return nil }
    let (line, column) = LineBreaks.position(ofByte: bad, in: bytes)
    return (line, column, bytes[bad])
}

/// The offset of the first byte that does not belong to a valid UTF-8 sequence.
func firstInvalidUTF8<C: RandomAccessCollection>(_ bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
    var i = bytes.startIndex
    let n = bytes.endIndex
    while i < n {
        let b = bytes[i]
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch b {
        case 0x00...0x7F:
            i += 1
            continue
        case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(b & 0x1F))
        case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(b & 0x0F))
        case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(b & 0x07))
        default: return i - bytes.startIndex
        }
        guard i + length <= n else { return i - bytes.startIndex }
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return i - bytes.startIndex }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i - bytes.startIndex }
        minimum = 0
        i += length
    }
    return nil
}

/// Chosen lines of an input too large to keep as `SourceText` (an imported network), for the
/// source line under its diagnostics; lines as in `LineBreaks`, a leading byte-order mark dropped.
struct SourceExcerpt: Sendable {
    /// The path as given by the user.
    let path: String
    /// The 1-based lines kept, without their line breaks.
    let lines: [Int: String]

    /// The lines of UTF-8 `data` that `diagnostics` of `path` point at, in one pass over the bytes.
    init(path: String, data: Data, for diagnostics: [Diagnostic]) {
        self.path = path
        let wanted = Set(diagnostics.compactMap { $0.file == path ? $0.line : nil })
        var lines: [Int: String] = [:]
        if let last = wanted.max() {
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let all = raw.bindMemory(to: UInt8.self)
                let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
                var number = 1
                var start = bytes.startIndex
                var i = bytes.startIndex
                while i < bytes.endIndex, number <= last {
                    let n = LineBreaks.length(in: bytes, at: i)
                    if n == 0 {
                        i += 1
                        continue
                    }
                    if wanted.contains(number) { lines[number] = String(decoding: bytes[start..<i], as: UTF8.self) }
                    number += 1
                    i += n
                    start = i
                }
                if start < bytes.endIndex, number <= last, wanted.contains(number) {
                    lines[number] = String(decoding: bytes[start..<bytes.endIndex], as: UTF8.self)
                }
            }
        }
        self.lines = lines
    }
}
