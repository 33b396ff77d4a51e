/// Collects an importer's row errors: the first `NetworkInput.maximumRowErrors` in full,
/// then one line standing for the rest (its `count`), so a bad large file neither floods the
/// output nor fills memory, and every total still counts every error.
struct RowErrors {
    let path: String
    private var kept: [Diagnostic] = []
    private var more = 0

    init(path: String) { self.path = path }

    mutating func add(_ diagnostic: Diagnostic) {
        if kept.count < NetworkInput.maximumRowErrors {
            kept.append(diagnostic)
        } else {
            more += 1
        }
    }

    var isEmpty: Bool { kept.isEmpty }

    /// How many diagnostics are kept in full.
    var keptCount: Int { kept.count }

    /// Every kept diagnostic, then one for the rest, which counts as `more` errors.
    var diagnostics: [Diagnostic] {
        more == 0 ? kept : kept + [Diagnostic(.error, "\(Plural.count(more, "more error")) not shown", file: path, count: more)]
    }
}
