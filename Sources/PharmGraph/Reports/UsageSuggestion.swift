/// "Did you mean" for a command line: the closest of the words a program accepts, ranked as every other
/// suggestion is (`Suggestion`, by edit distance, ties alphabetically).
public enum UsageSuggestion {
    /// The closest of `candidates` to `word`, within a typo-sized distance.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        Suggestion.closest(to: word, in: candidates)
    }

    /// `Unknown command 'pahts'. Did you mean 'paths'?`, or without a close one, the commands listed.
    public static func unknownCommand(_ word: String, commands: [String]) -> String {
        let escaped = DisplayText.escaped(word)
        if let match = closest(to: word, in: commands) { return "Unknown command '\(escaped)'. Did you mean '\(match)'?" }
        return "Unknown command '\(escaped)'. The commands are: \(commands.joined(separator: ", "))."
    }
}
