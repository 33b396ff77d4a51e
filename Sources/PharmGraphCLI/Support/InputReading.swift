import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

/// `--max-inflated`, for every command that reads input (docs/cli.md, "Input").
struct ReadOptions: ParsableArguments {
    @Option(
        name: .customLong("max-inflated"),
        help: ArgumentHelp(
            "The most bytes one input may hold once decompressed, e.g. 512M or 4G (default: \(InputReading.defaultLimitText)).",
            valueName: "size"))
    var maxInflated: String?

    func validate() throws {
        if let maxInflated, InputReading.limit(maxInflated) == nil { throw ValidationError(InputReading.limitError(maxInflated)) }
    }

    /// The limit in bytes.
    var limit: Int { maxInflated.flatMap(InputReading.limit) ?? InputFile.defaultLimit }
}

/// Reading inputs through `InputFile`, with the messages every command prints.
enum InputReading {
    static let defaultLimitText = "8G"

    /// The byte count of a `--max-inflated` value: at least 1.
    static func limit(_ text: String) -> Int? {
        guard let bytes = ByteSize.parse(text), bytes >= 1 else { return nil }
        return bytes
    }

    static func limitError(_ text: String) -> String {
        "--max-inflated: expected a size of at least 1 byte such as 512M, 4G or 1000000, found '\(text)'"
    }

    /// The message after `path: error: `.
    static func message(_ error: InputFile.ReadError) -> String {
        error.exceededLimit ? error.description + "; raise it with --max-inflated SIZE" : error.description
    }

    /// Reads and checks a curated graph; `decompress: false` for `fmt`, which writes the file back.
    static func loadGraph(_ path: String, limit: Int, decompress: Bool = true) -> LoadResult {
        do {
            return GraphLoader.load(data: try InputFile.read(path, limit: limit, decompress: decompress), path: path)
        } catch {
            return GraphLoader.unreadable(path: path, message: message(error))
        }
    }

    /// A usage error when more than one of `paths` is `-`: stdin can be read once.
    static func requireOneStdin(_ paths: [String?]) -> String? {
        paths.filter { $0 == "-" }.count > 1 ? "only one input can be '-' (standard input is read once)" : nil
    }
}
