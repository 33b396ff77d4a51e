import Yams

/// Parses YAML (or JSON) text into a Yams node tree, turning every parser
/// failure into a positioned diagnostic.
///
/// Yams stops at the first mapping with a duplicate key. To report every
/// duplicate and still check the rest of the file, each duplicate key found
/// is reported, replaced in the text by a placeholder of the same length
/// (so no position moves), and the text is parsed again. Keys made of
/// placeholder characters are skipped by the decoder.
struct YAMLComposer {
    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceText) { self.source = source }

    static let maximumDuplicateRepairs = 200

    /// Whether a key was put in place of a reported duplicate.
    static func isPlaceholder(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        return placeholderRange.contains(first.value)
    }

    private static let placeholderRange: ClosedRange<UInt32> = 0xE000...0xF8FF

    /// The root node, or `nil` when the text could not be parsed (a diagnostic says why).
    mutating func compose() -> Yams.Node? {
        var scalars = Array(source.text.unicodeScalars)
        var repairs = 0
        while true {
            do {
                guard let root = try Yams.compose(yaml: String(String.UnicodeScalarView(scalars))) else {
                    diagnostics.append(Diagnostic(.error, "file is empty", file: source.path, line: 1, column: 1))
                    return nil
                }
                return root
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.first ?? ""
                let first = context.mark
                guard repairs < Self.maximumDuplicateRepairs,
                    let repeatOffset = Self.offsetOfRepeat(of: key, after: first, in: scalars)
                else {
                    report("duplicate key '\(key)' in mapping", line: first.line, column: first.column)
                    return nil
                }
                let (line, column) = Self.position(of: repeatOffset, in: scalars)
                report(
                    "duplicate key '\(key)'; first defined at line \(first.line), column \(first.column)",
                    line: line, column: column)
                // Same length, so no later position moves; the last scalar makes it unique.
                let length = key.unicodeScalars.count
                for k in 0..<length {
                    let value = Self.placeholderRange.lowerBound + (k == length - 1 ? UInt32(repairs) : 0)
                    scalars[repeatOffset + k] = Unicode.Scalar(value)!
                }
                repairs += 1
            } catch let error as YamlError {
                diagnostics.append(Self.diagnostic(for: error, path: source.path, scalars: scalars))
                return nil
            } catch {
                diagnostics.append(Diagnostic(.error, "cannot parse yaml: \(error)", file: source.path))
                return nil
            }
        }
    }

    private mutating func report(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(.error, message, file: source.path, line: line, column: column))
    }

    /// Finds where `key` is used again as a key of the same mapping, after its first definition.
    ///
    /// The text is scanned from the first key: quoted scalars and comments are skipped, and a
    /// candidate counts only at the first key's level: in a flow mapping `{...}` at the same
    /// bracket depth, in a block mapping at the same column.
    static func offsetOfRepeat(of key: String, after mark: Mark, in scalars: [Unicode.Scalar]) -> Int? {
        guard let start = offset(line: mark.line, column: mark.column, in: scalars) else { return nil }
        let keyScalars = Array(key.unicodeScalars)
        guard !keyScalars.isEmpty else { return nil }
        var before = start - 1
        while before >= 0, scalars[before] == " " || scalars[before] == "\t" { before -= 1 }
        let inFlow = before >= 0 && (scalars[before] == "{" || scalars[before] == ",")
        // A quoted first key: skip past its closing quote.
        var i = start
        if scalars[start] == "\"" || scalars[start] == "'" { i += 1 }
        i += keyScalars.count
        var column = mark.column + (i - start)
        var depth = 0
        func startsToken(_ k: Int) -> Bool {
            guard k > 0 else { return true }
            let p = scalars[k - 1]
            return p == " " || p == "\t" || p == "\n" || p == "{" || p == "[" || p == "," || p == ":"
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                i += 1
                column = 1
                continue
            }
            if (c == "\"" || c == "'") && startsToken(i) {
                // A quoted scalar: a candidate key if it is the key and followed by ':'.
                if matches(keyScalars, at: i + 1, in: scalars), i + 1 + keyScalars.count < scalars.count,
                    scalars[i + 1 + keyScalars.count] == c, isColon(after: i + 2 + keyScalars.count, in: scalars),
                    inFlow ? depth == 0 : column == mark.column
                {
                    return i
                }
                var j = i + 1
                while j < scalars.count {
                    if c == "\"", scalars[j] == "\\" {
                        j += 2
                        continue
                    }
                    if scalars[j] == c {
                        if c == "'", j + 1 < scalars.count, scalars[j + 1] == "'" {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                for k in i...min(j, scalars.count - 1) where scalars[k] == "\n" { column = 0 }
                column += min(j, scalars.count - 1) - i + 1
                i = j + 1
                continue
            }
            if c == "#", startsToken(i) {
                while i < scalars.count, scalars[i] != "\n" { i += 1 }
                continue
            }
            if inFlow {
                if c == "{" || c == "[" { depth += 1 }
                if c == "}" || c == "]" {
                    depth -= 1
                    if depth < 0 { return nil }
                }
            }
            if startsToken(i), matches(keyScalars, at: i, in: scalars),
                isColon(after: i + keyScalars.count, in: scalars), inFlow ? depth == 0 : column == mark.column
            {
                return i
            }
            i += 1
            column += 1
        }
        return nil
    }

    private static func matches(_ key: [Unicode.Scalar], at i: Int, in scalars: [Unicode.Scalar]) -> Bool {
        i + key.count <= scalars.count && scalars[i..<(i + key.count)].elementsEqual(key)
    }

    /// Whether only blanks stand between `i` and a ':' that ends a key.
    private static func isColon(after i: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var j = i
        while j < scalars.count, scalars[j] == " " { j += 1 }
        guard j < scalars.count, scalars[j] == ":" else { return false }
        return j + 1 == scalars.count || [" ", "\n", "\t", ",", "}", "]", "\r"].contains(scalars[j + 1])
    }

    static func offset(line: Int, column: Int, in scalars: [Unicode.Scalar]) -> Int? {
        var currentLine = 1
        var i = 0
        while currentLine < line {
            guard i < scalars.count else { return nil }
            if scalars[i] == "\n" { currentLine += 1 }
            i += 1
        }
        let result = i + column - 1
        return result <= scalars.count ? result : nil
    }

    static func position(of offset: Int, in scalars: [Unicode.Scalar]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for s in scalars[..<min(offset, scalars.count)] {
            if s == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    static func diagnostic(for error: YamlError, path: String, scalars: [Unicode.Scalar]) -> Diagnostic {
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            var message = "yaml syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return Diagnostic(.error, message, file: path, line: mark.line, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _): return make(problem, context, mark)
        case let .parser(context, problem, mark, _): return make(problem, context, mark)
        case let .composer(context, problem, mark, _): return make(problem, context, mark)
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map { position(of: $0, in: scalars) } ?? (1, 1)
            return Diagnostic(.error, "cannot read yaml: \(problem)", file: path, line: line, column: column)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(
                .error, "duplicate key '\(duplicates.first ?? "")' in mapping", file: path,
                line: context.mark.line, column: context.mark.column)
        default:
            return Diagnostic(.error, "cannot parse yaml: \(error)", file: path, line: 1, column: 1)
        }
    }
}
