import PharmGraph
import PharmGraphIO

extension LimitHints {
    /// The command line's words for a search's bounds.
    static let cli = LimitHints(
        workBudget: "raise --max-work, or lower --max-length", boundOptions: "--max-work, --timeout", contextFilter: "--where")
}

extension PathScopeOptions {
    /// `--max-length` (always) and `--where` (when given), by their JSON names.
    var provenanceOptions: [String: String] {
        var options = ["max_length": String(length)]
        if !filters.isEmpty { options["where"] = filters.joined(separator: ",") }
        return options
    }
}

extension TraversalArguments {
    /// The traversal options as provenance records them: only those given, by their JSON names.
    var provenanceOptions: [String: String] {
        var options = scope.provenanceOptions
        if let relations { options["relations"] = relations.argument }
        if undirected { options["undirected"] = "true" }
        return options
    }

    /// These options, the search bounds and `more` (empty values left out), as provenance records them.
    func provenance(_ limits: SearchLimitOptions, _ more: [String: String] = [:]) -> [String: String] {
        provenanceOptions.merging(limits.provenanceOptions) { a, _ in a }.merging(more.filter { !$0.value.isEmpty }) { a, _ in a }
    }
}

extension NetworkOptions {
    /// The import options given, as provenance records them (they change what a network holds).
    var provenanceOptions: [String: String] { importOptions.provenanceOptions }
}

extension SearchLimitOptions {
    /// The work budget and timeout as provenance records them, when given.
    var provenanceOptions: [String: String] {
        var options: [String: String] = [:]
        if let maxWork { options["max_work"] = String(maxWork) }
        if let timeout { options["timeout"] = "\(timeout)" }
        return options
    }
}
