/// Writes YAML scalars: plain where every YAML reader gets the same text back, double-quoted otherwise.
enum YAMLScalar {
    static func write(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    /// Whether `text` can be written unquoted, in block and flow context alike.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if last == ":" { return false }
        for scalar in text.unicodeScalars {
            if mustEscape(scalar) || ",[]{}".unicodeScalars.contains(scalar) { return false }
        }
        if text.contains(": ") || text.contains(" #") { return false }
        return !looksTyped(text)
    }

    /// Whether a YAML 1.1 or 1.2 reader could take the text for a null, boolean, number or date.
    static func looksTyped(_ text: String) -> Bool {
        let words: Set<String> = [
            "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
        ]
        if words.contains(text.lowercased()) { return true }
        let numeric = "0123456789:_.+-eExXoObBabcdefABCDEF"
        if let first = text.unicodeScalars.first, ("0"..."9").contains(first) || "+-.".unicodeScalars.contains(first),
            text.unicodeScalars.allSatisfy({ numeric.unicodeScalars.contains($0) }),
            text.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
        {
            return true
        }
        return false
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if mustEscape(scalar) { out += unicodeEscape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Whether a scalar must be written as an escape in a quoted YAML or JSON string: YAML readers
    /// reject controls (C0, DEL, C1), U+FEFF and the noncharacters U+FFFE and U+FFFF in text, and
    /// read NEL, LS and PS as line breaks that fold to a space.
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// `\uXXXX`, valid in YAML double-quoted and JSON strings alike (for scalars up to U+FFFF).
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
