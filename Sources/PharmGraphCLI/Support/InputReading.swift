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

/// How to read an imported network, for every command that accepts one (docs/cli.md, "Input").
struct NetworkOptions: ParsableArguments {
    @Option(help: "Input format: graph, sif, tsv, csv or hetionet-json (default: from the extension, then the content's top-level keys).")
    var inputFormat: InputFormat?

    @Option(help: "A node table (TSV/CSV with columns id, name, kind) giving imported nodes their names and kinds.")
    var nodes: String?

    @Option(help: "TSV/CSV: the source column (default: source).")
    var sourceColumn: String?

    @Option(help: "TSV/CSV: the target column (default: target).")
    var targetColumn: String?

    @Option(help: "TSV/CSV: the relation column (default: relation, interaction, type or sign).")
    var relationColumn: String?

    @Option(help: "Map imported labels to relations, e.g. 1=activates,-1=inhibits. Unmapped labels keep unknown sign.")
    var relationMap: String?

    /// The loader's options; a bad `--relation-map` is a usage error.
    func loaderOptions(_ read: ReadOptions) throws -> InputLoader.Options {
        InputLoader.Options(
            format: inputFormat, limit: read.limit, nodeTable: nodes, sourceColumn: sourceColumn, targetColumn: targetColumn,
            relationColumn: relationColumn, relationMap: try relationMap.map { try QueryInput.relationMap($0).get() } ?? [:])
    }
}

/// Reading inputs through `InputLoader`, with the messages every command prints.
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
        InputLoader.ReadFailure.file(error).lines[0]
    }

    /// A usage error when more than one of `paths` is `-`: stdin can be read once.
    static func requireOneStdin(_ paths: [String?]) -> String? {
        paths.filter { $0 == "-" }.count > 1 ? "only one input can be '-' (standard input is read once)" : nil
    }
}
