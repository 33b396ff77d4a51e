/// Collects an importer's row errors: the first `NetworkInput.maximumRowErrors` in full,
/// then one line counting the rest, so a bad large file neither floods nor hides anything.
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

    /// Every kept diagnostic, and the count of the rest.
    var diagnostics: [Diagnostic] {
        more == 0 ? kept : kept + [Diagnostic(.error, "\(more) more errors not shown", file: path)]
    }
}
