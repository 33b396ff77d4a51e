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

    /// Finds the next occurrence of `key` used as a mapping key after its first definition.
    static func offsetOfRepeat(of key: String, after mark: Mark, in scalars: [Unicode.Scalar]) -> Int? {
        guard let start = offset(line: mark.line, column: mark.column, in: scalars) else { return nil }
        let keyScalars = Array(key.unicodeScalars)
        guard !keyScalars.isEmpty else { return nil }
        var i = start + 1
        while i + keyScalars.count <= scalars.count {
            let before: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let boundary = before == nil || before == " " || before == "\n" || before == "{" || before == ","
                || before == "\t" || before == "\"" || before == "'"
            if boundary, Array(scalars[i..<(i + keyScalars.count)]) == keyScalars {
                var j = i + keyScalars.count
                if j < scalars.count, scalars[j] == "\"" || scalars[j] == "'" { j += 1 }
                while j < scalars.count, scalars[j] == " " { j += 1 }
                if j < scalars.count, scalars[j] == ":" { return i }
            }
            i += 1
        }
        return nil
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
