/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The closest candidate within a typo-sized distance, ties broken alphabetically.
    static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        let limit = max(2, target.count / 3)
        var best: (distance: Int, word: String)?
        for candidate in candidates where candidate != word {
            let d = distance(target, Array(candidate.lowercased().unicodeScalars), limit: limit)
            guard d <= limit else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.word) {
                best = (d, candidate)
            }
        }
        return best?.word
    }

    /// `"; did you mean 'x'?"`, or the empty string.
    static func clause<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        clause(closest(to: word, in: candidates))
    }

    /// `"; did you mean 'x'?"` for a found suggestion, or the empty string.
    static func clause(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance, giving up early once every cell exceeds `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// A closed vocabulary that advises on an unknown word beyond edit distance.
protocol AdvisedVocabulary: RawRepresentable, CaseIterable where RawValue == String {
    /// The text after `unknown WHAT 'word'`: a suggestion and, for a short vocabulary, its words.
    static func advice(for word: String) -> String
}

extension Relation: AdvisedVocabulary {
    /// Common verbs a curator writes, mapped to the relations that say the same, best first.
    static let synonyms: [String: [Relation]] = {
        var table: [String: [Relation]] = [:]
        let groups: [([String], [Relation])] = [
            (
                ["increases", "enhances", "stimulates", "promotes", "potentiates", "facilitates", "augments", "raises"],
                [.activates, .upregulates]
            ),
            (["activate", "activation", "agonizes", "agonises", "opens", "triggers", "causes", "positively_regulates"], [.activates]),
            (["induces", "expresses", "releases", "elevates", "overexpresses"], [.upregulates]),
            (
                ["decreases", "reduces", "lowers", "attenuates", "diminishes", "impairs", "dampens"],
                [.inhibits, .downregulates]
            ),
            (
                ["blocks", "inhibit", "inhibition", "antagonizes", "antagonises", "suppresses", "prevents", "negatively_regulates"],
                [.inhibits]
            ),
            (["represses", "depletes", "silences"], [.downregulates]),
            (["regulates", "affects", "influences", "alters", "changes", "controls"], [.modulates]),
            (["binds_to", "interacts_with", "interacts", "targets", "associates_with"], [.binds]),
            (["metabolized_to", "metabolised_to", "metabolite", "is_metabolized_to", "becomes"], [.hasMetabolite]),
            (["contains", "includes", "has_part", "component"], [.hasComponent]),
            (["treats", "indicated_for", "used_for", "therapy_for"], [.indication]),
            (["no-effect", "none", "no_change", "does_not_affect"], [.noEffect]),
            (["compared_to", "versus", "vs"], [.comparedWith]),
        ]
        for (words, relations) in groups {
            for word in words { table[word] = relations }
        }
        return table
    }()

    /// What each relation says, for the suggestion.
    var gloss: String {
        switch self {
        case .activates: "more activity"
        case .inhibits: "less activity"
        case .upregulates: "more amount, expression or release"
        case .downregulates: "less amount, expression or release"
        case .modulates: "sign unknown or mixed"
        case .binds: "binding, no causal claim"
        case .noEffect: "tested, no effect"
        case .hasMetabolite: "is metabolised to"
        case .hasComponent: "a mixture contains"
        case .indication: "a clinical use"
        case .comparedWith: "a comparison in the text"
        }
    }

    static func advice(for word: String) -> String {
        let key = word.lowercased().replacingOccurrences(of: " ", with: "_")
        let suggestion: String
        if let mapped = synonyms[key] ?? synonyms[key.replacingOccurrences(of: "-", with: "_")] {
            let named = mapped.map { "'\($0.name)' (\($0.gloss))" }
            suggestion = "; did you mean " + named.joined(separator: " or ") + "?"
        } else {
            suggestion = Suggestion.clause(for: word, in: allCases.map(\.name))
        }
        return suggestion + " The relations are: " + allCases.map(\.name).joined(separator: ", ")
    }
}
