/// A web page's tags read as text, to check that no data of a viewer page became an attribute (docs/viewer.md).
public enum MarkupScan {
    /// `on…` attribute names of every element tag (script content skipped).
    public static func eventAttributes(in page: String) -> [String] {
        var found: [String] = []
        var rest = Substring(page)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let first = rest.first, first.isLetter else { continue }
            let end = tagEnd(rest)
            let tag = rest[..<end]
            found += names(in: tag).filter { $0.lowercased().hasPrefix("on") }
            rest = rest[end...]
            if tag.hasPrefix("script"), let close = rest.range(of: "</script>") { rest = rest[close.upperBound...] }
        }
        return found
    }

    /// Where a tag's `>` is, outside quotes.
    private static func tagEnd(_ text: Substring) -> Substring.Index {
        var quote: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return i
            }
            i = text.index(after: i)
        }
        return i
    }

    /// The attribute names of one tag's text (`name a="…" b='…' c`).
    private static func names(in tag: Substring) -> [String] {
        var names: [String] = []
        var i = tag.firstIndex(where: \.isWhitespace) ?? tag.endIndex
        while i < tag.endIndex {
            while i < tag.endIndex, tag[i].isWhitespace || tag[i] == "/" { i = tag.index(after: i) }
            let start = i
            while i < tag.endIndex, !tag[i].isWhitespace, tag[i] != "=" { i = tag.index(after: i) }
            if start < i { names.append(String(tag[start..<i])) }
            guard i < tag.endIndex, tag[i] == "=" else { continue }
            i = tag.index(after: i)
            if i < tag.endIndex, tag[i] == "\"" || tag[i] == "'" {
                let q = tag[i]
                i = tag.index(after: i)
                while i < tag.endIndex, tag[i] != q { i = tag.index(after: i) }
                if i < tag.endIndex { i = tag.index(after: i) }
            } else {
                while i < tag.endIndex, !tag[i].isWhitespace { i = tag.index(after: i) }
            }
        }
        return names
    }
}
