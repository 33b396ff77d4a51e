/// How text read from input files is shown: characters that could act on a terminal or
/// reorder what it shows are written as `\u{1B}`, in every text output. docs/cli.md.
public enum DisplayText {
    /// Whether a scalar is shown escaped: C0 controls, DEL, C1 controls, the bidi controls
    /// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `\u{1B}`: the escape of one scalar.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// `text` for a terminal: every scalar that `needsEscape` written as `\u{…}`; tabs kept
    /// when `keepingTabs` (source lines under diagnostics, so the caret lines up).
    public static func escaped(_ text: String, keepingTabs: Bool = false) -> String {
        escaped(text) { needsEscape($0) && !(keepingTabs && $0 == "\t") }
    }

    /// A field of TSV output: as `escaped`, and also the backslash, the space (which separates the
    /// items of a list column) and any of `also`, so that no value can split or merge columns or
    /// items, and every value can be read back exactly.
    static func tsv(_ text: String, also: Set<Unicode.Scalar> = []) -> String {
        escaped(text) { needsEscape($0) || $0 == "\\" || $0 == " " || also.contains($0) }
    }

    /// Free text in a TSV column (a diff's detail): as `escaped`; its spaces are kept.
    static func tsvText(_ text: String) -> String { escaped(text) }

    private static func escaped(_ text: String, where escape: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: escape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if escape(scalar) { out += Self.escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
