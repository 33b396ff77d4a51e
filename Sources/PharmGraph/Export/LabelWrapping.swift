/// Long node labels broken into lines at word boundaries (docs/rendering.md, "Size").
package enum LabelWrapping {
    /// The most characters a wrapped line holds, unless one word is longer.
    package static let width = 22

    /// `label` with each of its lines longer than `width` characters broken at spaces, greedily: a line takes
    /// words while it stays within `width`; a longer word is a line of its own, never cut. A break replaces one
    /// space; every other character, runs of spaces included, is kept.
    package static func wrapped(_ label: String, width: Int = width) -> String {
        guard label.count > width else { return label }
        return label.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let words = line.split(separator: " ", omittingEmptySubsequences: false)
            var lines: [String] = []
            var current = String(words[0])
            for word in words.dropFirst() {
                if word.isEmpty || current.allSatisfy({ $0 == " " }) || current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
