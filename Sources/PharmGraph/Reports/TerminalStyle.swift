/// ANSI colour for text a terminal shows, or none (docs/cli.md, "Colour"): diagnostics as compilers colour them,
/// verdict words by sign.
public struct TerminalStyle: Sendable, Equatable {
    /// Whether any escape is written; `false` leaves every text as it is.
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    /// No colour.
    public static let plain = TerminalStyle(colour: false)

    /// `text` between the SGR `code` and a reset, or `text` itself without colour (or when empty).
    public func paint(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `error` red and bold, `warning` magenta and bold.
    public func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;35")
        }
    }

    /// One diagnostic as `DiagnosticFormatter` printed it (`formatted`), coloured: the location bold, the severity
    /// word by severity, the message bold, the caret green, `note:` bold.
    public func diagnostic(_ diagnostic: Diagnostic, formatted: String) -> String {
        guard colour else { return formatted }
        var lines = formatted.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var head = diagnostic.file
        if let line = diagnostic.line {
            head += ":\(line)"
            if let column = diagnostic.column { head += ":\(column)" }
        }
        lines[0] =
            paint(DisplayText.escaped(head) + ":", "1") + " " + severity(diagnostic.severity) + paint(":", "1") + " "
            + paint(DisplayText.escaped(diagnostic.message), "1")
        for i in lines.indices.dropFirst() {
            if lines[i].hasPrefix("  note: ") {
                lines[i] = "  " + paint("note:", "1") + String(lines[i].dropFirst("  note:".count))
            } else if i == 2, lines[i].last == "^", lines[i].dropLast().allSatisfy({ $0 == " " || $0 == "\t" }) {
                lines[i] = String(lines[i].dropLast()) + paint("^", "1;32")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The verdict words coloured by sign wherever they stand as whole words in `text`: positive (and a reading's
    /// produces) green, negative (reduces) red, mixed and contested yellow, undetermined dim; and the sign that
    /// starts a path line (`+  `, `-  `, `?  `) likewise.
    public func verdicts(in text: String) -> String {
        guard colour else { return text }
        var out = ""
        var word = ""
        func flush() {
            out += Self.verdictCodes[word].map { paint(word, $0) } ?? word
            word = ""
        }
        var lineStart = true
        for character in text {
            defer { lineStart = character == "\n" }
            if lineStart, let code = Self.pathSignCodes[character] {
                out += paint(String(character), code)
                continue
            }
            if character.isLetter || character == "-" || character == "_" {
                word.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }

    /// The SGR code of each word `verdicts(in:)` colours.
    static let verdictCodes: [String: String] = [
        "positive": "32", "negative": "31", "mixed": "33", "undetermined": "2", "contested": "33",
        "produces": "32", "produce": "32", "reduces": "31", "reduce": "31",
    ]

    /// The SGR code of the sign that starts a path line.
    static let pathSignCodes: [Character: String] = ["+": "32", "-": "31", "?": "33"]

    /// A summary line in bold, red when `failed`.
    public func summary(_ text: String, failed: Bool) -> String {
        paint(text, failed ? "1;31" : "1")
    }
}
