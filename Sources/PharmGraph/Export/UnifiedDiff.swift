/// A unified diff of two texts by lines, as `diff -u` writes it, for `fmt --diff`.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3

    /// The diff from `old` to `new` under the given labels; empty when the texts are equal.
    public static func text(old: String, new: String, oldLabel: String, newLabel: String) -> String {
        let a = lines(old)
        let b = lines(new)
        guard a != b else { return "" }
        let script = edits(a, b)
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(script) {
            let slice = script[hunk]
            let oldStart = slice.first!.oldIndex
            let newStart = slice.first!.newIndex
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in slice {
                switch edit.kind {
                case .keep: out += " " + edit.line
                case .delete: out += "-" + edit.line
                case .insert: out += "+" + edit.line
                }
                if edit.missingNewline { out += "\n\\ No newline at end of file" }
                out += "\n"
            }
        }
        return out
    }

    struct Edit {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        var line: String
        /// 0-based positions in the old and new texts before this edit.
        var oldIndex: Int
        var newIndex: Int
        var missingNewline = false
    }

    /// The lines of a text; the last one is marked when it has no line break.
    private static func lines(_ text: String) -> [Line] {
        var out: [Line] = []
        var current = ""
        for character in text {
            if character == "\n" {
                out.append(Line(text: current, broken: true))
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { out.append(Line(text: current, broken: false)) }
        return out
    }

    private struct Line: Equatable {
        var text: String
        var broken: Bool
    }

    /// The shortest edit script by longest common subsequence, common ends trimmed first.
    private static func edits(_ a: [Line], _ b: [Line]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        // lcs[i][j]: the longest common subsequence of x[i...] and y[j...].
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Edit] = []
        func add(_ kind: Edit.Kind, _ line: Line, _ i: Int, _ j: Int) {
            out.append(Edit(kind: kind, line: line.text, oldIndex: i, newIndex: j, missingNewline: !line.broken))
        }
        for k in 0..<prefix { add(.keep, a[k], k, k) }
        var i = 0
        var j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                add(.keep, x[i], prefix + i, prefix + j)
                i += 1
                j += 1
            } else if i < x.count, j == y.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                add(.delete, x[i], prefix + i, prefix + j)
                i += 1
            } else {
                add(.insert, y[j], prefix + i, prefix + j)
                j += 1
            }
        }
        for k in 0..<suffix {
            add(.keep, a[a.count - suffix + k], a.count - suffix + k, b.count - suffix + k)
        }
        return out
    }

    /// The ranges of the script each hunk covers: changes with up to `context` kept lines around them.
    private static func hunks(_ script: [Edit]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for (index, edit) in script.enumerated() where edit.kind != .keep {
            let lower = max(0, index - context)
            let upper = min(script.count, index + context + 1)
            if let last = out.last, lower <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                out.append(lower..<upper)
            }
        }
        return out
    }

    /// `start,count` as diff -u writes it: 1-based, and the line before for an empty range.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }
}
