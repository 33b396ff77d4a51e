import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

/// `--max-inflated`, for every command that reads input (docs/cli.md, "Input").
struct ReadOptions: ParsableArguments {
    @Option(
        name: .customLong("max-inflated"),
        help: ArgumentHelp(
            "The most bytes one input may hold once decompressed, at least 1, e.g. 512M, 4G or 1000000 (default: \(InputReading.defaultLimitText)).",
            valueName: "size"))
    var maxInflated: ByteLimit?

    /// The limit in bytes.
    var limit: Int { maxInflated?.bytes ?? InputFile.defaultLimit }
}

/// A `--max-inflated` value: a size of at least 1 byte, such as 512M, 4G or 1000000.
struct ByteLimit: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        guard let bytes = ByteSize.parse(argument), bytes >= 1 else { return nil }
        self.bytes = bytes
    }
}

/// A `--relation-map` value: LABEL=RELATION pairs separated by commas.
struct RelationMap: ExpressibleByArgument {
    static let help =
        "Map imported labels to relations, e.g. 1=activates,-1=inhibits (relations: "
        + Relation.allCases.map(\.rawValue).joined(separator: ", ") + "). Unmapped labels keep unknown sign."

    let map: [String: Relation]

    init?(argument: String) {
        var map: [String: Relation] = [:]
        for entry in argument.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let relation = Relation(rawValue: parts[1]) else { return nil }
            map[parts[0]] = relation
        }
        self.map = map
    }
}

/// How to read an imported network, for every command that accepts one (docs/cli.md, "Input").
struct NetworkOptions: ParsableArguments {
    @Option(
        help:
            "Input format: graph, sif, tsv, csv, hetionet-json, drugmechdb or kgx (default: from the extension, then the content's top-level keys or a KGX header; a directory: drugmechdb)."
    )
    var inputFormat: InputFormat?

    @Option(
        help:
            "A node table (TSV/CSV with columns id, name, kind) giving imported nodes their names and kinds; for KGX, the nodes file (default: the …_nodes.tsv beside the edges file)."
    )
    var nodes: String?

    @Option(help: "TSV/CSV: the source column (default: source).")
    var sourceColumn: String?

    @Option(help: "TSV/CSV: the target column (default: target).")
    var targetColumn: String?

    @Option(help: "TSV/CSV: the relation column (default: relation, interaction, type or sign).")
    var relationColumn: String?

    @Option(help: ArgumentHelp(RelationMap.help, valueName: "label=relation,..."))
    var relationMap: RelationMap?

    @Option(
        name: .customLong("context-column"),
        help: ArgumentHelp(
            "TSV/CSV: a column whose cells are an edge context under its name, for --where NAME=VALUE (an empty cell: none); repeatable.",
            valueName: "name"))
    var contextColumns: [String] = []

    @Option(help: ArgumentHelp("TSV/CSV: the field separator, one ASCII character or 'tab' (default: tab for TSV, comma for CSV).", valueName: "char"))
    var delimiter: Delimiter?

    @Option(help: "TSV/CSV: the per-row direction column: forward (->), reverse (<-) or both (<->) (default: direction, when present).")
    var directionColumn: String?

    @Option(help: "TSV/CSV: the action column, read through the action -> sign table (default: action, when present).")
    var actionColumn: String?

    @Flag(help: "TSV/CSV: merge rows that repeat an earlier row's source, relation, target, context and direction.")
    var mergeDuplicates = false

    /// A `--delimiter` value: one ASCII character other than a quote or a line break, or `tab`.
    struct Delimiter: ExpressibleByArgument {
        let byte: UInt8

        init?(argument: String) {
            let text = argument.lowercased() == "tab" ? "\t" : argument
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D else { return nil }
            self.byte = byte
        }
    }

    /// The import options alone, with the default read limit.
    var importOptions: InputLoader.Options {
        var options = InputLoader.Options(
            format: inputFormat, nodeTable: nodes, sourceColumn: sourceColumn, targetColumn: targetColumn,
            relationColumn: relationColumn, relationMap: relationMap?.map ?? [:], contextColumns: contextColumns)
        options.delimiter = delimiter?.byte
        options.directionColumn = directionColumn
        options.actionColumn = actionColumn
        options.mergeDuplicates = mergeDuplicates
        options.hints = .cli
        return options
    }

    func validate() throws {
        var seen: Set<String> = []
        for name in contextColumns {
            if name.isEmpty { throw ValidationError("--context-column needs a column name") }
            if !seen.insert(name.lowercased()).inserted { throw ValidationError("--context-column '\(name)' is given twice") }
        }
    }

    /// The loader's options; `provenance`: whether an output shows the inputs' provenance (hashes are computed only then).
    func loaderOptions(_ read: ReadOptions, provenance: Bool) -> InputLoader.Options {
        var options = importOptions
        options.limit = read.limit
        options.hashesContent = provenance
        // A directory of DrugMechDB records shows the files read on a terminal (docs/cli.md, "Progress").
        let progress = Progress("record files read")
        options.progress = { done, total in
            progress.advance()
            if done == total { progress.finish() }
        }
        return options
    }
}

extension InputHints {
    /// The command line's words for what a reader can change: its flags.
    static let cli = InputHints(
        inputFormat: "give --input-format", sizeLimit: "raise it with --max-inflated SIZE",
        column: ["source": "name it with --source-column", "target": "name it with --target-column", "relation": "name it with --relation-column"])
}

/// Reading inputs through `InputLoader`, with the messages every command prints.
enum InputReading {
    static let defaultLimitText = "8G"

    /// A usage error when more than one of `paths` is `-`: stdin can be read once.
    static func requireOneStdin(_ paths: [String?]) -> String? {
        paths.filter { $0 == "-" }.count > 1 ? "only one input can be '-' (standard input is read once)" : nil
    }
}
