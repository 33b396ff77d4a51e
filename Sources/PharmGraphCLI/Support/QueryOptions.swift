import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

/// The graph to query and, for imported networks, how to read it.
struct InputOptions: ParsableArguments {
    @Argument(
        help:
            "The graph: a curated YAML/JSON file, or a network (SIF, TSV/CSV, Hetionet JSON; .gz/.xz read directly); - for stdin; REV:path for a git revision.")
    var graph: String

    @OptionGroup var read: ReadOptions

    @OptionGroup var network: NetworkOptions

    /// The node table, if any.
    var nodes: String? { network.nodes }

    func validate() throws {
        if let message = InputReading.requireOneStdin([graph, nodes]) { throw ValidationError(message) }
    }
}

/// One `--where` value: KEY=VALUE, both sides non-empty (conflicts between terms are found by `validate()`).
struct ContextTerm: ExpressibleByArgument {
    let text: String

    init?(argument: String) {
        guard (try? ContextFilter(terms: [argument])) != nil else { return nil }
        text = argument
    }
}

/// `--where` and `--max-length`, declared once for every command that searches paths.
struct PathScopeOptions: ParsableArguments {
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "Leave out edges whose context has KEY with another value (repeatable); on a graph's declared keys, an ordinal key=X admits the edges that hold at X and condition=X asserts the condition.",
            valueName: "key=value"))
    var terms: [ContextTerm] = []

    /// The `--where` terms as given.
    var filters: [String] { terms.map(\.text) }

    // .unconditional: `--max-length -1` is a value out of range, not a missing value.
    @Option(
        parsing: .unconditional,
        help:
            "The longest path considered, in edges, from \(PathQuery.maxLengths.lowerBound) to \(PathQuery.maxLengths.upperBound) (default: \(PathQuery.defaultMaxLength))."
    )
    var maxLength: Int?

    /// `--max-length`, or the default.
    var length: Int { maxLength ?? PathQuery.defaultMaxLength }

    /// Whether either option was given.
    var given: Bool { !filters.isEmpty || maxLength != nil }

    func validate() throws {
        if let maxLength {
            do {
                try PathQuery.check(maxLength: maxLength)
            } catch {
                throw ValidationError("--max-length must be from \(PathQuery.maxLengths.lowerBound) to \(PathQuery.maxLengths.upperBound)")
            }
        }
        _ = try contextFilter()
    }

    /// The `--where` terms as a filter; a malformed term is a usage error.
    func contextFilter() throws -> ContextFilter {
        do {
            return try ContextFilter(terms: filters)
        } catch {
            throw ValidationError("--where: \(error.description)")
        }
    }
}

/// Which edges a query may walk.
struct TraversalArguments: ParsableArguments {
    @OptionGroup var scope: PathScopeOptions

    @Option(help: "Only walk these relations or labels (comma-separated).")
    var relations: LabelList?

    @Flag(help: "Walk every edge both ways.")
    var undirected = false

    /// `--max-length`, or the default.
    var maxLength: Int { scope.length }

    func traversal() throws -> TraversalOptions {
        TraversalOptions(undirected: undirected, labels: relations?.labels, filter: try scope.contextFilter())
    }
}

/// `--relations`: relation names or edge labels, comma-separated, each trimmed of spaces.
struct LabelList: ExpressibleByArgument {
    /// The argument as given (provenance records it so).
    let argument: String
    let labels: Set<String>

    init(argument: String) {
        self.argument = argument
        labels = Set(argument.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    }
}

/// A comma-separated sequence of node kinds, in order (`--pattern Compound,Gene,Disease`).
struct KindSequence: ExpressibleByArgument {
    /// The argument as given (provenance records it so).
    let argument: String
    let kinds: [String]

    init(argument: String) {
        self.argument = argument
        kinds = argument.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    }
}

/// How much work the path searches of a command may do (docs/queries.md, "Work budget").
struct SearchLimitOptions: ParsableArguments {
    /// The largest `--timeout`, in seconds.
    static let largestTimeout = 1_000_000.0

    @Option(
        parsing: .unconditional,
        help: """
            Stop each search after this many search steps and mark it partial, its verdict undetermined \
            (default: \(PathQuery.defaultMaxWork); 0: no bound).
            """)
    var maxWork: Int?

    @Option(parsing: .unconditional, help: "Stop after this many seconds and mark the result partial (default: no timeout).")
    var timeout: Double?

    /// Whether either option was given.
    var given: Bool { maxWork != nil || timeout != nil }

    func validate() throws {
        if let maxWork, maxWork < 0 {
            throw ValidationError("--max-work must be a whole number of search steps, 0 or more (0: no bound)")
        }
        // NaN fails both comparisons, as it should.
        if let timeout, !(timeout > 0 && timeout <= Self.largestTimeout) {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most 1000000")
        }
    }

    /// The limits; `perQuery`: the timeout counts from each query's start, else from now for all.
    func limits(perQuery: Bool) -> SearchLimits {
        var limits = SearchLimits.standard
        if let maxWork { limits.maxWork = maxWork == 0 ? nil : maxWork }
        if let timeout {
            let duration = Duration.milliseconds(Int64((timeout * 1000).rounded(.up)))
            if perQuery {
                limits.timeout = duration
            } else {
                limits.deadline = ContinuousClock.now + duration
            }
        }
        return limits
    }
}

/// A loaded network with its engine, or the diagnostics that stopped it.
enum QueryInput {
    /// Loads the graph named by `options`, printing diagnostics; throws `ExitCode(1)` on errors.
    static func load(_ options: InputOptions) throws -> PathEngine { try loadWithInput(options, provenance: false).engine }

    /// The loaded input's engine, provenance, and the title a drawing of it gets.

    /// As `load`, with the inputs' provenance: the graph's (id, version, SHA-256 of its bytes when `provenance`), then a node table's.
    static func loadWithInput(
        _ options: InputOptions, provenance: Bool
    ) throws -> (engine: PathEngine, inputs: [Provenance.Input], title: String) {
        let input = InputLoader.load(options.graph, options: options.network.loaderOptions(options.read, provenance: provenance))
        Console.report(input)
        guard let network = input.network else { throw ExitCode(1) }
        let engine = PathEngine(network: network)
        // A search that runs past about 2 s shows its steps and rate on a terminal (docs/cli.md, "Progress").
        engine.observer = Progress("search steps")
        return (engine, input.provenance, input.drawingTitle)
    }

    /// The (decompressed) bytes an argument names (a file, `-` or `REV:path`, as every input), or an error and exit 1.
    static func read(_ argument: String, limit: Int) throws -> Data {
        do {
            return try InputLoader.read(InputSource(argument: argument), limit: limit)
        } catch {
            Console.error(DiagnosticFormatter(source: nil).format(error.diagnostic(name: argument, hints: .cli)) + "\n")
            throw ExitCode(1)
        }
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

    /// Nodes named by `selectors`, or every node of the default kinds present; errors name `option`
    /// (`--targets` of effects, `--sources` of causes) and what it selects, exit 1.
    static func targets(
        _ selectors: [String], defaultKinds: [NodeKind], in network: Network, option: String = "--targets", what: String = "targets"
    ) throws -> [NodeIndex] {
        do {
            return try NodeSelector.targets(selectors, defaultKinds: defaultKinds, in: network)
        } catch {
            switch error {
            case let .selector(cause): Console.error("error: \(option): \(cause.description)\n")
            case let .noNodeOfKinds(kinds):
                let names = kinds.map { "'\($0.rawValue)'" }.joined(separator: " or ")
                Console.error("error: the graph has no node of kind \(names); name the \(what) with \(option) kind:K\n")
            }
            throw ExitCode(1)
        }
    }

    /// A `--where` term that no edge of `network` can match is an error (exit 1); every such term is printed.
    static func check(_ filter: ContextFilter, in network: Network) throws {
        let problems = filter.problems(against: [network])
        guard !problems.isEmpty else { return }
        for problem in problems {
            Console.error("error: --where: \(problem.description)\n")
            if case .unknownKey = problem, network.graph == nil {
                Console.error("note: a column of a TSV/CSV network is a context key only when named with --context-column\n")
            }
        }
        throw ExitCode(1)
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

/// One `--do` value, NODE=+|-, parsed; a malformed one is a usage error from `InterventionOptions.validate()`.
struct InterventionTerm: ExpressibleByArgument {
    let parsed: Result<Intervention.Term, Intervention.ParseError>
    let text: String

    init(argument: String) {
        text = argument
        do {
            parsed = .success(try Intervention.Term(parsing: argument))
        } catch {
            parsed = .failure(error)
        }
    }
}

/// `--do NODE=+|-`: clamped nodes (docs/queries.md, "Interventions").
struct InterventionOptions: ParsableArguments {
    @Option(
        name: .customLong("do"),
        help: ArgumentHelp(
            "Clamp a node: cut every edge into it, and start paths from it with this sign (repeatable).", valueName: "node=+|-"))
    var terms: [InterventionTerm] = []

    func validate() throws { _ = try parsed() }

    /// The terms; a malformed one is a usage error.
    func parsed() throws -> [Intervention.Term] {
        try terms.map { term in
            switch term.parsed {
            case let .success(parsed): parsed
            case let .failure(error): throw ValidationError("--do: \(error.description)")
            }
        }
    }

    /// The clamps on `network`; a node no node matches (with a suggestion) or one clamped both ways is an error, exit 1.
    func interventions(in network: Network) throws -> [Intervention] {
        do {
            return try Intervention.resolve(try parsed(), in: network)
        } catch let error as Intervention.ResolutionError {
            Console.error("error: --do: \(error.description)\n")
            throw ExitCode(1)
        }
    }

    /// `do` as provenance records it, when given.
    var provenanceOptions: [String: String] { terms.isEmpty ? [:] : ["do": terms.map(\.text).joined(separator: ",")] }
}

/// `--contrast KEY=V1,V2[,…]`: a context key and at least two distinct values; a malformed one is a usage error
/// from the command's `validate()` (`problem`).
struct ContrastTerm: ExpressibleByArgument {
    let text: String
    let key: String
    let values: [String]
    /// Why the term is malformed, if it is.
    let problem: String?

    init(argument: String) {
        text = argument
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        key = parts.count == 2 ? String(parts[0]) : ""
        values = parts.count == 2 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
        let invalid = "--contrast: invalid term '\(argument)': "
        if parts.count != 2 || key.isEmpty {
            problem = invalid + "expected KEY=V1,V2[,...]"
        } else if values.count < 2 || values.contains(where: \.isEmpty) {
            problem = invalid + "expected at least two non-empty values, comma-separated"
        } else if Set(values).count != values.count {
            problem = invalid + "a value is repeated"
        } else {
            problem = nil
        }
    }

    static var defaultValueDescription: String { "key=v1,v2" }
}
