/// The comments of a YAML source, attached to the items they precede or end,
/// so the canonical writer can keep them.
struct CommentMap: Equatable {
    /// Where a comment belongs.
    enum Anchor: Hashable {
        /// The top of the file: comments above the first key.
        case start
        case section(String)
        case item(section: String, index: Int)
        case end
    }

    /// The anchor in words, for messages.
    static func describe(_ anchor: Anchor) -> String {
        switch anchor {
        case .start: "the top of the file"
        case let .section(name): "section '\(name)'"
        case let .item(section, index): "item \(index + 1) of '\(section)'"
        case .end: "the end of the file"
        }
    }

    /// Full-line comments (with their `#`) before each anchor, in source order.
    private(set) var leading: [Anchor: [String]] = [:]
    /// A comment at the end of the anchor's first line.
    private(set) var trailing: [Anchor: String] = [:]
    /// How many comments the source has.
    private(set) var count = 0

    /// Attaches the comments of `source` to the anchors starting at the given positions.
    ///
    /// A full-line comment belongs to the next anchor, unless it is indented at least as
    /// deep as the content of the item before it: then it sits inside that (multi-line) item.
    init(source: SourceText, anchors: [(line: Int, column: Int, anchor: Anchor)]) {
        let sorted = anchors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        var byLine: [Int: Anchor] = [:]
        for entry in sorted where byLine[entry.line] == nil { byLine[entry.line] = entry.anchor }
        func owner(of line: Int, column: Int) -> Anchor {
            if let previous = sorted.last(where: { $0.line < line }), case .item = previous.anchor,
                column >= previous.column
            {
                return previous.anchor
            }
            guard let next = sorted.first(where: { $0.line > line }) else { return .end }
            return next.line == sorted.first?.line ? .start : next.anchor
        }
        guard source.lineCount > 0 else { return }
        // A `#` inside a scalar (quoted, over several lines, or a block scalar) is text: libyaml's scanner says where they lie.
        let scalars = YAMLScalarSpans(source: source)
        for number in 1...source.lineCount {
            guard let line = source.line(number),
                let comment = Self.comment(in: line, inScalar: { scalars.contains(line: number - 1, column: $0) })
            else { continue }
            count += 1
            if comment.fullLine {
                leading[owner(of: number, column: comment.column), default: []].append(comment.text)
            } else if let anchor = byLine[number], trailing[anchor] == nil {
                trailing[anchor] = comment.text
            } else {
                leading[owner(of: number, column: 0), default: []].append(comment.text)
            }
        }
    }

    /// The first comment that `other` attaches differently, described for a message; `nil` when none.
    func firstMove(in other: CommentMap) -> String? {
        var places: [String: [String]] = [:]
        for (anchor, comments) in leading { for c in comments { places[c, default: []].append("before \(Self.describe(anchor))") } }
        for (anchor, c) in trailing { places[c, default: []].append("after \(Self.describe(anchor))") }
        var otherPlaces: [String: [String]] = [:]
        for (anchor, comments) in other.leading { for c in comments { otherPlaces[c, default: []].append("before \(Self.describe(anchor))") } }
        for (anchor, c) in other.trailing { otherPlaces[c, default: []].append("after \(Self.describe(anchor))") }
        for comment in places.keys.sorted() where places[comment]!.sorted() != (otherPlaces[comment] ?? []).sorted() {
            let now = otherPlaces[comment]?.sorted().joined(separator: ", ") ?? "nowhere"
            return "'\(comment)' would move from \(places[comment]!.sorted().joined(separator: ", ")) to \(now)"
        }
        return self == other ? nil : "the comments would change order"
    }

    /// The comment on a line, if any: `#` at the start or after white space, at a 0-based column (in Unicode
    /// scalars, as libyaml counts) where `inScalar` does not hold.
    static func comment(in line: String, inScalar: (Int) -> Bool) -> (text: String, fullLine: Bool, column: Int)? {
        var previous: Unicode.Scalar = " "
        for (offset, character) in line.unicodeScalars.enumerated() {
            defer { previous = character }
            guard character == "#", previous == " " || previous == "\t" || offset == 0, !inScalar(offset) else {
                continue
            }
            let before = line.unicodeScalars.prefix(offset)
            let text = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(offset))).trimmingTrailingSpace()
            return (text, before.allSatisfy { $0 == " " || $0 == "\t" }, offset + 1)
        }
        return nil
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
