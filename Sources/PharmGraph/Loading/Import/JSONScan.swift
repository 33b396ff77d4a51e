/// One pass over JSON bytes, without building values: the first syntax error, the top-level
/// keys, and where the elements of chosen top-level arrays start.
///
/// Foundation's parser gives neither positions nor structure; this gives both, for
/// `line:column` in diagnostics and for telling the JSON formats apart by their keys.
struct JSONScan {
    /// A syntax error at a byte offset.
    struct SyntaxError: Equatable {
        var offset: Int
        var message: String
    }

    /// The first syntax error, if the scan reached one.
    private(set) var error: SyntaxError?
    /// The top-level object's keys, in order (empty when the top level is not an object).
    private(set) var topLevelKeys: [String] = []
    /// The byte offset of each of `topLevelKeys`.
    private(set) var topLevelKeyOffsets: [Int] = []
    /// For each key asked for, the byte offsets of its array's elements.
    private(set) var elements: [String: [Int]] = [:]
    /// The byte offset of each top-level key's value.
    private(set) var values: [String: Int] = [:]
    /// The byte offset of the top-level value.
    private(set) var start = 0

    /// Scans `bytes`, recording the elements of the top-level arrays named in `arrays`;
    /// stops early once `stop` returns true for a top-level key.
    init<C: RandomAccessCollection>(
        _ bytes: C, arrays: Set<String> = [], stop: @escaping (String) -> Bool = { _ in false }
    ) where C.Element == UInt8, C.Index == Int {
        var scanner = Scanner(bytes: bytes, arrays: arrays, stop: stop)
        scanner.run()
        error = scanner.error
        topLevelKeys = scanner.keys
        topLevelKeyOffsets = scanner.keyOffsets
        elements = scanner.elements
        values = scanner.values
        start = scanner.start
    }

    private struct Scanner<C: RandomAccessCollection> where C.Element == UInt8, C.Index == Int {
        let bytes: C
        let arrays: Set<String>
        let stop: (String) -> Bool
        var i: Int
        var error: SyntaxError?
        var keys: [String] = []
        var keyOffsets: [Int] = []
        var elements: [String: [Int]] = [:]
        var values: [String: Int] = [:]
        var start = 0
        /// Open containers: `{` or `[`.
        var stack: [UInt8] = []
        /// The top-level key whose value is being read.
        var currentKey: String?
        /// Where the last ',' between items is, for a trailing comma.
        var comma = 0

        init(bytes: C, arrays: Set<String>, stop: @escaping (String) -> Bool) {
            self.bytes = bytes
            self.arrays = arrays
            self.stop = stop
            i = bytes.startIndex
        }

        enum Want { case value, firstValue, key, firstKey, colon, next, done }

        mutating func fail(_ message: String, at offset: Int? = nil) {
            error = SyntaxError(offset: (offset ?? i) - bytes.startIndex, message: message)
        }

        mutating func skipSpace() {
            while i < bytes.endIndex {
                switch bytes[i] {
                case 0x20, 0x09, 0x0A, 0x0D: i += 1
                default: return
                }
            }
        }

        mutating func run() {
            var want = Want.value
            while error == nil {
                skipSpace()
                guard i < bytes.endIndex else {
                    if want != .done { fail(stack.isEmpty && want == .value ? "no JSON value" : "unexpected end of input") }
                    return
                }
                let c = bytes[i]
                switch want {
                case .value, .firstValue:
                    if want == .firstValue, c == UInt8(ascii: "]") {
                        close()
                        want = stack.isEmpty ? .done : .next
                        continue
                    }
                    if want == .value, c == UInt8(ascii: "]"), stack.last == UInt8(ascii: "[") {
                        return fail("trailing comma before ']'", at: comma)
                    }
                    if stack.isEmpty { start = i - bytes.startIndex }
                    if stack.count == 1, let key = currentKey { values[key] = i - bytes.startIndex }
                    if stack.count == 2, stack[0] == UInt8(ascii: "{"), stack[1] == UInt8(ascii: "["),
                        let key = currentKey, arrays.contains(key)
                    {
                        elements[key, default: []].append(i - bytes.startIndex)
                    }
                    guard value(c) else { return }
                    if c == UInt8(ascii: "{") {
                        want = .firstKey
                    } else if c == UInt8(ascii: "[") {
                        want = .firstValue
                    } else {
                        want = stack.isEmpty ? .done : .next
                    }
                case .key, .firstKey:
                    if want == .firstKey, c == UInt8(ascii: "}") {
                        close()
                        want = stack.isEmpty ? .done : .next
                        continue
                    }
                    if want == .key, c == UInt8(ascii: "}") { return fail("trailing comma before '}'", at: comma) }
                    guard c == UInt8(ascii: "\"") else { return fail("expected a string key in double quotes") }
                    let start = i
                    guard string() else { return }
                    if stack.count == 1 {
                        let key = String(decoding: bytes[(start + 1)..<(i - 1)], as: UTF8.self)
                        keys.append(key)
                        keyOffsets.append(start - bytes.startIndex)
                        currentKey = key
                        if stop(key) { return }
                    }
                    want = .colon
                case .colon:
                    guard c == UInt8(ascii: ":") else { return fail("expected ':' after the key") }
                    i += 1
                    want = .value
                case .next:
                    let object = stack.last == UInt8(ascii: "{")
                    if c == UInt8(ascii: ",") {
                        comma = i
                        i += 1
                        want = object ? .key : .value
                    } else if c == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        close()
                        want = stack.isEmpty ? .done : .next
                    } else {
                        return fail(object ? "expected ',' or '}'" : "expected ',' or ']'")
                    }
                case .done:
                    return fail("unexpected text after the JSON value")
                }
            }
        }

        mutating func close() {
            stack.removeLast()
            i += 1
        }

        /// Reads a scalar, or opens a container; false (with an error) when it is not a value.
        mutating func value(_ c: UInt8) -> Bool {
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(c)
                i += 1
                return true
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default:
                fail("expected a value")
                return false
            }
        }

        mutating func literal(_ word: String) -> Bool {
            let start = i
            for expected in word.utf8 {
                guard i < bytes.endIndex, bytes[i] == expected else {
                    fail("invalid literal; expected '\(word)'", at: start)
                    return false
                }
                i += 1
            }
            return true
        }

        mutating func digits() -> Bool {
            let start = i
            while i < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i > start
        }

        mutating func number() -> Bool {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "0") {
                i += 1
            } else if !digits() {
                fail("invalid number", at: start)
                return false
            }
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() else {
                    fail("invalid number: digits must follow '.'", at: start)
                    return false
                }
            }
            if i < bytes.endIndex, bytes[i] | 0x20 == UInt8(ascii: "e") {
                i += 1
                if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() else {
                    fail("invalid number: digits must follow the exponent", at: start)
                    return false
                }
            }
            return true
        }

        /// Reads a string starting at its opening quote.
        mutating func string() -> Bool {
            let start = i
            i += 1
            while i < bytes.endIndex {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return true
                }
                if b < 0x20 {
                    fail("control character in a string; write it escaped")
                    return false
                }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.endIndex else { break }
                    switch bytes[i] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        i += 1
                    case UInt8(ascii: "u"):
                        i += 1
                        for _ in 0..<4 {
                            guard i < bytes.endIndex, Self.isHex(bytes[i]) else {
                                fail("invalid \\u escape; expected four hex digits")
                                return false
                            }
                            i += 1
                        }
                    default:
                        fail("invalid escape in a string")
                        return false
                    }
                    continue
                }
                i += 1
            }
            fail("unterminated string", at: start)
            return false
        }

        static func isHex(_ b: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b | 0x20)
        }
    }
}
