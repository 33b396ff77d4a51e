import ArgumentParser
import PharmGraph

/// A misspelt subcommand, caught before ArgumentParser would call it an unexpected argument (docs/cli.md, "Mistakes").
enum CommandSuggestion {
    /// The message for `arguments` (without the program name) when they name no subcommand, directly or after
    /// `help`; `nil` when they do, or start with an option.
    static func problem(_ arguments: [String], commands: [String]) -> String? {
        var words = arguments[...]
        if words.first == "help" { words = words.dropFirst() }
        guard let word = words.first, !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return nil }
        return "Error: " + UsageSuggestion.unknownCommand(word, commands: commands)
            + "\nUsage: pharmgraph <subcommand>\n  See 'pharmgraph --help' for more information."
    }
}
