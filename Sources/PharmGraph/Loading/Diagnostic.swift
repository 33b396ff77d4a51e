/// A problem found in an input file, printed compiler-style.
public struct Diagnostic: Sendable, Hashable, Comparable {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Codable, Comparable {
        case error
        case warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// A lowercase message with quoted names.
    public var message: String
    /// The file the problem is in.
    public var file: String
    /// The position, or `nil` when the problem concerns the whole file (e.g. it cannot be read).
    public var line: Int?
    public var column: Int?
    /// Supporting lines printed under the caret, e.g. the paths that contradict a claim.
    public var notes: [String]
    /// How many problems this stands for: 1, or N for a line such as `N more errors not shown`.
    public var count: Int

    public init(
        _ severity: Severity, _ message: String, file: String, line: Int? = nil, column: Int? = nil, notes: [String] = [],
        count: Int = 1
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.notes = notes
        self.count = count
    }

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, notes: [String] = []) {
        self.init(severity, message, file: location.file, line: location.line, column: location.column, notes: notes)
    }

    /// `file:line:column: severity: message` (or `file: severity: message` without a position).
    public var headline: String {
        var head = file
        if let line {
            head += ":\(line)"
            if let column { head += ":\(column)" }
        }
        return "\(head): \(severity.rawValue): \(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0, a.severity, a.message)
            < (b.file, b.line ?? 0, b.column ?? 0, b.severity, b.message)
    }
}

extension Array where Element == Diagnostic {
    /// The number of errors, those not shown included.
    public var errorCount: Int { lazy.filter { $0.severity == .error }.map(\.count).reduce(0, +) }
    /// The number of warnings, those not shown included.
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.map(\.count).reduce(0, +) }
}

/// Renders diagnostics with the offending source line and a caret under the column.
public struct DiagnosticFormatter: Sendable {
    private let source: SourceText?
    private let excerpts: [String: SourceExcerpt]

    /// - Parameters:
    ///   - source: the text the diagnostics point into, if it could be read;
    ///   - excerpts: the lines they point at in other inputs (imported networks, node tables).
    init(source: SourceText?, excerpts: [SourceExcerpt]) {
        self.source = source
        self.excerpts = Dictionary(excerpts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A formatter for diagnostics that point into `source` (if it could be read).
    public init(source: SourceText?) { self.init(source: source, excerpts: []) }

    /// Line `number` of `file`, when this formatter has it.
    private func line(_ number: Int, of file: String) -> String? {
        if let source, source.path == file { return source.line(number) }
        return excerpts[file]?.lines[number]
    }

    /// The headline, the source line and a caret when the position is known, then any notes;
    /// control and bidi characters shown escaped (`DisplayText`).
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = DisplayText.escaped(diagnostic.headline)
        if let line = diagnostic.line, let full = self.line(line, of: diagnostic.file) {
            let (text, caret) = Self.window(full, column: diagnostic.column)
            out += "\n" + DisplayText.escaped(text, keepingTabs: true)
            if let column = caret {
                // Keep tabs so the caret lines up under tab-indented text; an escape is as wide as it is written.
                let prefix = text.unicodeScalars.prefix(max(0, column - 1)).map { scalar -> String in
                    if scalar == "\t" { return "\t" }
                    if DisplayText.needsEscape(scalar) { return String(repeating: " ", count: DisplayText.escape(scalar).count) }
                    return " "
                }
                out += "\n" + prefix.joined() + "^"
            }
        }
        for note in diagnostic.notes { out += "\n  note: " + DisplayText.escaped(note) }
        return out
    }

    /// At most this many characters of a source line are shown (minified JSON is one line).
    static let maximumShownLine = 240

    /// The part of a long line around `column`, cut ends marked `…`, and the column within it.
    static func window(_ text: String, column: Int?) -> (text: String, column: Int?) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > maximumShownLine else { return (text, column) }
        let at = min(max(0, (column ?? 1) - 1), scalars.count)
        let start = max(0, min(at - maximumShownLine / 2, scalars.count - maximumShownLine))
        let end = start + maximumShownLine
        var shown = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = column.map { max(1, $0 - start) }
        if start > 0 {
            shown = "…" + shown
            caret = caret.map { $0 + 1 }
        }
        if end < scalars.count { shown += "…" }
        return (shown, caret)
    }
}
