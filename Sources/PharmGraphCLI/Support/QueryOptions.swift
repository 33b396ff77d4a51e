import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

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

/// How much work the path searches of a command may do (docs/queries.md, "Work budget").
struct SearchLimitOptions: ParsableArguments {
    @Option(help: "Stop each search after this many search steps and mark it partial, its verdict undetermined (default: \(PathQuery.defaultMaxWork); 0: no bound).")
    var maxWork: Int?

    @Option(help: "Stop after this many seconds and mark the result partial (default: no timeout).")
    var timeout: Double?

    /// Whether either option was given.
    var given: Bool { maxWork != nil || timeout != nil }

    func validate() throws {
        if case let .failure(error) = Self.parse(maxWork: maxWork.map(String.init), timeout: timeout.map { "\($0)" }, perQuery: true) {
            throw error
        }
    }

    /// The limits; `perQuery`: the timeout counts from each query's start, else from now for all.
    func limits(perQuery: Bool) -> SearchLimits {
        (try? Self.parse(maxWork: maxWork.map(String.init), timeout: timeout.map { "\($0)" }, perQuery: perQuery).get())
            ?? .standard
    }

    /// Reads the two options' text (also for `diff`, which parses its options by hand).
    static func parse(maxWork: String?, timeout: String?, perQuery: Bool) -> Result<SearchLimits, ValidationError> {
        var limits = SearchLimits.standard
        if let maxWork {
            guard let n = Int(maxWork), n >= 0 else {
                return .failure(ValidationError("--max-work must be a whole number of search steps, 0 or more (0: no bound)"))
            }
            limits.maxWork = n == 0 ? nil : n
        }
        if let timeout {
            guard let seconds = Double(timeout), seconds > 0, seconds <= 1_000_000 else {
                return .failure(ValidationError("--timeout must be a number of seconds above 0 and at most 1000000"))
            }
            let duration = Duration.milliseconds(Int64((seconds * 1000).rounded(.up)))
            if perQuery {
                limits.timeout = duration
            } else {
                limits.deadline = ContinuousClock.now + duration
            }
        }
        return .success(limits)
    }

    /// Why a partial result stopped, in words, and what to do about it.
    static func stopReason(_ stop: SearchStop?, work: Int) -> String {
        switch stop {
        case .workBudget?: "stopped at the work budget (\(work) search steps; raise --max-work, or lower --max-length)"
        case .timeout?: "stopped at the timeout"
        case nil: "stopped early"
        }
    }

    /// The plain warning every partial result carries.
    static let lowerBoundNote = "the counts are lower bounds and the verdict is undetermined, not a conclusion"
}

/// A loaded network with its engine, or the diagnostics that stopped it.
enum QueryInput {
    /// Loads the graph named by `options`, printing diagnostics; throws `ExitCode(1)` on errors.
    static func load(_ options: InputOptions) throws -> PathEngine {
        let data = try read(options.graph, limit: options.read.limit)
        let result = NetworkInput.load(
            data: data, path: options.graph, format: options.inputFormat, import: try importOptions(options))
        for diagnostic in result.diagnostics {
            Console.error(result.formatter.format(diagnostic) + "\n")
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
    static func resolve(_ text: String, in network: Network, what: String) throws -> [NodeIndex] {
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
