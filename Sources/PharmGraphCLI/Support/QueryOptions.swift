import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphCompression

/// The graph to query and, for imported networks, how to read it.
struct InputOptions: ParsableArguments {
    @Argument(help: "The graph: a curated YAML/JSON file, or a network (SIF, TSV/CSV, Hetionet JSON; .gz/.xz read directly); - for stdin, with --input-format.")
    var graph: String

    @OptionGroup var read: ReadOptions

    @Option(help: "Input format: graph, sif, tsv, csv or hetionet-json (default: from the extension and content).")
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

    func validate() throws {
        if let message = InputReading.requireOneStdin([graph, nodes]) { throw ValidationError(message) }
    }
}

/// Which edges a query may walk.
struct TraversalArguments: ParsableArguments {
    @Option(name: .customLong("where"), help: "Leave out edges whose context has KEY with another value (KEY=VALUE; repeatable).")
    var filters: [String] = []

    @Option(help: "Only walk these relations or labels (comma-separated).")
    var relations: String?

    @Flag(help: "Walk every edge both ways.")
    var undirected = false

    @Option(help: "The longest path considered, in edges.")
    var maxLength: Int = PathQuery.defaultMaxLength

    func validate() throws {
        if !(1...PathQuery.largestMaxLength).contains(maxLength) {
            throw ValidationError("--max-length must be from 1 to \(PathQuery.largestMaxLength)")
        }
        _ = try contextFilter()
    }

    func contextFilter() throws -> ContextFilter {
        do {
            return try ContextFilter(terms: filters)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func traversal() throws -> TraversalOptions {
        let labels = relations.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }) }
        return TraversalOptions(undirected: undirected, labels: labels, filter: try contextFilter())
    }
}

/// A loaded network with its engine, or the diagnostics that stopped it.
enum QueryInput {
    /// Loads the graph named by `options`, printing diagnostics; throws `ExitCode(1)` on errors.
    static func load(_ options: InputOptions) throws -> PathEngine {
        let data = try read(options.graph, limit: options.read.limit)
        let result = NetworkInput.load(
            data: data, path: options.graph, format: options.inputFormat, import: try importOptions(options))
        for diagnostic in result.diagnostics {
            Console.error(DiagnosticFormatter(source: result.source).format(diagnostic) + "\n")
        }
        guard let network = result.network else { throw ExitCode(1) }
        return PathEngine(network: network)
    }

    /// The (decompressed) bytes of a file, or an error message and exit 1.
    static func read(_ path: String, limit: Int) throws -> Data {
        do {
            return try InputFile.read(path, limit: limit)
        } catch {
            Console.error("\(path): error: \(InputReading.message(error))\n")
            throw ExitCode(1)
        }
    }

    /// Parses `--relation-map LABEL=RELATION,...`; the error is a message for a usage error.
    static func relationMap(_ text: String) -> Result<[String: Relation], ValidationError> {
        var map: [String: Relation] = [:]
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                return .failure(ValidationError("--relation-map: expected LABEL=RELATION, found '\(entry)'"))
            }
            guard let relation = Relation(rawValue: parts[1]) else {
                let names = Relation.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(ValidationError("--relation-map: unknown relation '\(parts[1])' (valid: \(names))"))
            }
            map[parts[0]] = relation
        }
        return .success(map)
    }

    static func importOptions(_ options: InputOptions) throws -> ImportOptions {
        let relationMap = try options.relationMap.map { try Self.relationMap($0).get() } ?? [:]
        return ImportOptions(
            nodeTable: try options.nodes.map { (path: $0, data: try read($0, limit: options.read.limit)) }, sourceColumn: options.sourceColumn, targetColumn: options.targetColumn,
            relationColumn: options.relationColumn, relationMap: relationMap)
    }

    /// Resolves a node selector; an unknown name is an error (exit 1).
    static func resolve(_ text: String, in network: Network, what: String) throws -> [Int32] {
        do {
            return try NodeSelector.resolve(text, in: network)
        } catch {
            Console.error("error: \(what): \(error.description)\n")
            throw ExitCode(1)
        }
    }

    /// Runs a query, turning its errors into a message and exit 1.
    static func run<T>(_ body: () throws(PathEngine.QueryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Console.error("error: \(error.description)\n")
            throw ExitCode(1)
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
