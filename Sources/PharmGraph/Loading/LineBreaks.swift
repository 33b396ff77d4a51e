/// The one line model of every position, caret and comment: libyaml's.
///
/// A line ends at LF, CR, CRLF (one break), NEL (U+0085), LS (U+2028) or PS (U+2029).
/// Lines and columns are 1-based; columns count Unicode scalars. docs/decisions.md.
enum LineBreaks {
    /// The length in bytes of the line break starting at `i` in UTF-8 `bytes`, or 0 when none starts there.
    @inline(__always)
    static func length<C: RandomAccessCollection>(in bytes: C, at i: C.Index) -> Int
    where C.Element == UInt8 {
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D:
            let next = bytes.index(after: i)
            return next < bytes.endIndex && bytes[next] == 0x0A ? 2 : 1
        case 0xC2:
            let next = bytes.index(after: i)
            return next < bytes.endIndex && bytes[next] == 0x85 ? 2 : 0
        case 0xE2:
            guard bytes.distance(from: i, to: bytes.endIndex) >= 3 else { return 0 }
            let b1 = bytes[bytes.index(i, offsetBy: 1)]
            let b2 = bytes[bytes.index(i, offsetBy: 2)]
            return b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// Whether a scalar breaks a line (CR and LF alike; CRLF is one break of two scalars).
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The byte ranges of the lines of UTF-8 `bytes`, without their breaks.
    ///
    /// Text that ends with a break has no empty line after it; empty text has no lines.
    static func lines<C: RandomAccessCollection>(of bytes: C) -> [Range<C.Index>] where C.Element == UInt8 {
        var lines: [Range<C.Index>] = []
        var start = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let n = length(in: bytes, at: i)
            if n > 0 {
                lines.append(start..<i)
                i = bytes.index(i, offsetBy: n)
                start = i
            } else {
                i = bytes.index(after: i)
            }
        }
        if start < bytes.endIndex { lines.append(start..<bytes.endIndex) }
        return lines
    }

    /// The line and column of the byte at `offset` in UTF-8 `bytes` (columns in Unicode scalars).
    ///
    /// The end of text that ends with a line break is placed after the last character of the
    /// last line, not on a line the text does not have.
    static func position<C: RandomAccessCollection>(ofByte offset: Int, in bytes: C) -> (line: Int, column: Int)
    where C.Element == UInt8 {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        var limit = min(max(0, offset), bytes.count)
        if limit == bytes.count, let last = finalBreakStart(in: bytes) { limit = last }
        let end = bytes.index(bytes.startIndex, offsetBy: limit)
        while i < end {
            let n = length(in: bytes, at: i)
            if n > 0 {
                line += 1
                column = 1
                i = bytes.index(i, offsetBy: min(n, bytes.distance(from: i, to: end)))
            } else {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i = bytes.index(after: i)
            }
        }
        return (line, column)
    }

    /// Where the final line break starts, when the text ends with one.
    private static func finalBreakStart<C: RandomAccessCollection>(in bytes: C) -> Int? where C.Element == UInt8 {
        for n in [3, 2, 1] where bytes.count >= n {
            let start = bytes.index(bytes.endIndex, offsetBy: -n)
            // CRLF is one break of two bytes: its LF alone is not where it starts.
            if length(in: bytes, at: start) == n { return bytes.count - n }
        }
        return nil
    }
}
