import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

struct Diff: ParsableCommand {
    /// Verdicts are compared by default for two curated graphs of at most this many edges each.
    static let verdictEdgeLimit = 2_000

    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a graph, in the science rather than the lines.",
        discussion: """
            Two curated graphs are compared field by field: nodes (with probable renames),
            edges paired by endpoints, relation and context (sign flips first),
            references, claims and the header. Any other pair (SIF, TSV, CSV, Hetionet
            JSON, or a mix) is compared as sets of nodes and (source, label, target)
            edges. With verdicts on, every drug × effect/condition pair is searched in
            both graphs; pairs whose verdict changed are listed with the paths that
            explain it, and claims whose outcome changed are listed too.

            OLD and NEW are files, REV:path (a file in a git revision; a file that exists
            wins) or /dev/null. Exit status: 0 no differences, 1 differences, 2 trouble
            (unreadable or malformed input, a bad revision, a usage error).
            docs/diff.md has the JSON schema and how to make `git diff` use pharmgraph.

            Examples:
              pharmgraph diff Graphs/ketamine-overview.yaml Graphs/ketamine.yaml
              pharmgraph diff HEAD~3:Graphs/ketamine.yaml Graphs/ketamine.yaml
              pharmgraph diff old.yaml new.yaml --format json
              pharmgraph diff old.yaml new.yaml --no-verdicts --color always | less -R
              pharmgraph diff v1.sif.gz v2.sif.gz --format tsv
              pharmgraph diff old.yaml new.yaml --render changes.svg --context 1
            """)

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The old and the new graph: each a file, REV:path or /dev/null.", valueName: "old> <new"))
    var inputs: [String] = []

    @Option(parsing: .unconditional, help: "Output format: text, json or tsv (edge differences only).")
    var format: String = "text"

    @Option(parsing: .unconditional, help: "Colour the text output: auto (when stdout is a terminal and NO_COLOR is unset), always or never.")
    var color: String = "auto"

    @Flag(
        inversion: .prefixedNo,
        help: "Compare the verdicts of every drug × effect/condition pair (default: on for two curated graphs of at most \(verdictEdgeLimit) edges each, or when a verdict option below is given).")
    var verdicts: Bool?

    @Option(name: .customLong("max-length"), parsing: .unconditional, help: "Verdicts: the longest path considered, in edges (default \(PathQuery.defaultMaxLength)).")
    var maxLength: String?

    @Option(name: .customLong("where"), parsing: .unconditionalSingleValue, help: "Verdicts: leave out edges whose context has KEY with another value (KEY=VALUE; repeatable).")
    var filters: [String] = []

    @Option(name: .customLong("max-work"), parsing: .unconditional, help: "Verdicts: stop each search after this many search steps; its verdicts are then undetermined (default \(PathQuery.defaultMaxWork); 0: no bound).")
    var maxWork: String?

    @Option(parsing: .unconditional, help: "Verdicts: stop searching after this many seconds in all; the verdicts not reached are undetermined.")
    var timeout: String?

    @Option(parsing: .unconditionalSingleValue, help: "Verdicts: where paths start, as a node id, label or kind:K (repeatable; default kind:drug).")
    var drugs: [String] = []

    @Option(parsing: .unconditionalSingleValue, help: "Verdicts: where paths end (repeatable; default kind:effect and kind:condition).")
    var targets: [String] = []

    @Option(parsing: .unconditional, help: "Read both inputs as: graph, sif, tsv, csv or hetionet-json (default: from each name and content).")
    var inputFormat: String?

    @Option(parsing: .unconditional, help: "Imported networks: map labels to relations, e.g. 1=activates,-1=inhibits.")
    var relationMap: String?

    @Option(
        name: .customLong("max-inflated"), parsing: .unconditional,
        help: ArgumentHelp(
            "The most bytes one input may hold once decompressed, e.g. 512M or 4G (default: \(InputReading.defaultLimitText)).",
            valueName: "size"))
    var maxInflated: String?

    @Option(parsing: .unconditional, help: "Also draw the union graph, changes coloured, to this file (.svg, .png, .pdf or .dot).")
    var render: String?

    @Option(parsing: .unconditional, help: "With --render: draw only the changes and the nodes within N steps of them.")
    var context: String?

    @Flag(name: .customLong("git-external"), help: .hidden)
    var gitExternal = false

    func run() throws {
        do {
            let status = try execute()
            if status != 0 { throw ExitCode(status) }
        } catch let trouble as DiffTrouble {
            for line in trouble.lines { Console.error(line + "\n") }
            throw ExitCode(2)
        }
    }

    /// Options checked by hand, so that every usage error exits 2 as diff(1) does.
    struct Settings {
        enum Format: String, CaseIterable { case text, json, tsv }
        enum Colour: String, CaseIterable { case auto, always, never }

        var format = Format.text
        var colour = Colour.auto
        var maxLength = PathQuery.defaultMaxLength
        var filter = ContextFilter()
        var inputFormat: InputFormat?
        var importOptions = ImportOptions()
        var renderContext: Int?
        var limit = InputFile.defaultLimit
        var limits = SearchLimits.standard
    }

    static func usageError(_ message: String) -> DiffTrouble {
        DiffTrouble(lines: [
            "error: \(message)", "usage: pharmgraph diff <old> <new> [options]; see 'pharmgraph diff --help'",
        ])
    }

    func settings() throws(DiffTrouble) -> Settings {
        var settings = Settings()
        func choice<T: RawRepresentable & CaseIterable>(_ value: String, _ option: String) throws(DiffTrouble) -> T
        where T.RawValue == String {
            guard let parsed = T(rawValue: value) else {
                let valid = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw Self.usageError("\(option): unknown value '\(value)' (valid: \(valid))")
            }
            return parsed
        }
        settings.format = try choice(format, "--format")
        settings.colour = try choice(color, "--color")
        if let maxLength {
            guard let n = Int(maxLength), (1...PathQuery.largestMaxLength).contains(n) else {
                throw Self.usageError("--max-length must be a whole number from 1 to \(PathQuery.largestMaxLength)")
            }
            settings.maxLength = n
        }
        do {
            settings.filter = try ContextFilter(terms: filters)
        } catch {
            throw Self.usageError("--where: \(error.description)")
        }
        if let inputFormat {
            guard let parsed = InputFormat(rawValue: inputFormat) else {
                let valid = InputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw Self.usageError("--input-format: unknown format '\(inputFormat)' (valid: \(valid))")
            }
            settings.inputFormat = parsed
        }
        if let relationMap {
            switch QueryInput.relationMap(relationMap) {
            case let .success(map): settings.importOptions.relationMap = map
            case let .failure(error): throw Self.usageError(error.message)
            }
        }
        switch SearchLimitOptions.parse(maxWork: maxWork, timeout: timeout, perQuery: false) {
        case let .success(limits): settings.limits = limits
        case let .failure(error): throw Self.usageError(error.message)
        }
        if let render, DiffRendering.format(of: render) == nil {
            throw Self.usageError("--render: cannot tell the format of '\(render)'; name it .svg, .png, .pdf or .dot")
        }
        if let context {
            guard render != nil else { throw Self.usageError("--context needs --render") }
            guard let n = Int(context), (0...Render.largestDepth).contains(n) else {
                throw Self.usageError("--context must be a whole number from 0 to \(Render.largestDepth)")
            }
            settings.renderContext = n
        }
        if let maxInflated {
            guard let limit = InputReading.limit(maxInflated) else { throw Self.usageError(InputReading.limitError(maxInflated)) }
            settings.limit = limit
        }
        return settings
    }

    /// The two inputs; in git's external-diff mode, from git's 7 (or 9) arguments.
    func sides() throws(DiffTrouble) -> (DiffInput, DiffInput)? {
        if let option = inputs.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
            throw Self.usageError("unknown option '\(option)'")
        }
        if gitExternal {
            // git runs: path old-file old-hex old-mode new-file new-hex new-mode [new-path similarity]
            switch inputs.count {
            case 1:
                Console.out("* Unmerged path \(inputs[0])\n")
                return nil
            case 7, 9:
                let path = inputs[0]
                let newPath = inputs.count == 9 ? inputs[7] : path
                func side(_ file: String, _ name: String) -> DiffInput {
                    DiffInput(source: file == "/dev/null" ? .empty : .file(file), name: name, formatName: name)
                }
                return (side(inputs[1], "a/" + path), side(inputs[4], "b/" + newPath))
            default:
                throw Self.usageError("--git-external expects the 7 arguments git passes to an external diff, found \(inputs.count)")
            }
        }
        guard inputs.count == 2 else {
            throw Self.usageError(inputs.count < 2 ? "expected two graphs, OLD and NEW" : "expected two graphs, found \(inputs.count) arguments")
        }
        if let message = InputReading.requireOneStdin(inputs) { throw Self.usageError(message) }
        return (DiffInput(argument: inputs[0]), DiffInput(argument: inputs[1]))
    }

    /// Runs the diff and returns the exit status.
    func execute() throws(DiffTrouble) -> Int32 {
        let settings = try settings()
        guard let (old, new) = try sides() else { return 0 }
        let (oldContent, newContent) = try DiffInput.loadPair(
            old, new, format: settings.inputFormat, options: settings.importOptions, limit: settings.limit)

        let changes: DiffReport.Changes
        var graphDiff: GraphDiff?
        if case let .graph(a) = oldContent, case let .graph(b) = newContent {
            let diff = GraphDiff(old: a, new: b)
            graphDiff = diff
            changes = .graph(diff)
        } else {
            changes = .network(NetworkDiff(old: oldContent.network, new: newContent.network))
        }

        var verdictDiff: VerdictDiff?
        // Options that only concern verdicts ask for them; --no-verdicts still wins.
        let asked = !drugs.isEmpty || !targets.isEmpty || !filters.isEmpty || maxLength != nil || maxWork != nil || timeout != nil
        if verdicts ?? (asked || defaultVerdicts(old, new, oldContent, newContent)) {
            verdictDiff = try compareVerdicts(oldContent, newContent, settings: settings, graphDiff: graphDiff)
        } else if verdicts == nil, graphDiff != nil, !old.isEmpty, !new.isEmpty {
            Console.error("note: verdicts not compared: a graph has more than \(Self.verdictEdgeLimit) edges (use --verdicts)\n")
        }
        let report = DiffReport(
            old: old, new: new, oldContent: oldContent, newContent: newContent, changes: changes, verdicts: verdictDiff,
            filter: settings.filter)

        // The diagram is drawn and written before anything is printed, so that trouble leaves no half-report.
        if let render {
            let image = try DiffRendering.render(report, to: render, context: settings.renderContext)
            try DiffRendering.write(image, to: render)
        }
        switch settings.format {
        case .text:
            var text = DiffText(report: report, style: DiffStyle(colour: useColour(settings.colour))).render()
            if gitExternal { text = "diff --pharmgraph \(old.name) \(new.name)\n" + text }
            Console.out(text)
        case .json:
            do {
                Console.out(try DiffJSON(report: report).encode())
            } catch {
                throw DiffTrouble("error: cannot encode the report: \(error)")
            }
        case .tsv:
            Console.out(DiffTSV.render(report))
        }
        // git stops at an external diff that exits non-zero, so in that mode differences exit 0.
        return report.hasDifferences && !gitExternal ? 1 : 0
    }

    /// On for two curated graphs, neither empty, of at most `verdictEdgeLimit` edges each.
    private func defaultVerdicts(_ old: DiffInput, _ new: DiffInput, _ a: DiffInput.Content, _ b: DiffInput.Content) -> Bool {
        guard !old.isEmpty, !new.isEmpty, case let .graph(x) = a, case let .graph(y) = b else { return false }
        return x.edges.count <= Self.verdictEdgeLimit && y.edges.count <= Self.verdictEdgeLimit
    }

    private func compareVerdicts(
        _ old: DiffInput.Content, _ new: DiffInput.Content, settings: Settings, graphDiff: GraphDiff?
    ) throws(DiffTrouble) -> VerdictDiff {
        let oldEngine = PathEngine(network: old.network)
        let newEngine = PathEngine(network: new.network)
        let drugSelectors = drugs.isEmpty ? ["kind:drug"] : drugs
        let targetSelectors = targets.isEmpty ? ["kind:effect", "kind:condition"] : targets
        func resolve(_ selectors: [String], _ what: String, required: Bool) throws(DiffTrouble) -> ([NodeIndex], [NodeIndex]) {
            var a: [NodeIndex] = []
            var b: [NodeIndex] = []
            for selector in selectors {
                // A name missing from one version is expected; one that is ambiguous is an error.
                func lookup(_ network: Network) throws(DiffTrouble) -> [NodeIndex]? {
                    do {
                        return try NodeSelector.resolve(selector, in: network)
                    } catch {
                        if error.isAmbiguous { throw DiffTrouble("error: \(what): \(error.description)") }
                        return nil
                    }
                }
                let x = try lookup(oldEngine.network)
                let y = try lookup(newEngine.network)
                if required, x == nil, y == nil {
                    do {
                        _ = try NodeSelector.resolve(selector, in: newEngine.network)
                    } catch {
                        throw DiffTrouble("error: \(what): \(error.description)")
                    }
                }
                a += x ?? []
                b += y ?? []
            }
            return (Self.unique(a), Self.unique(b))
        }
        let (oldDrugs, newDrugs) = try resolve(drugSelectors, "--drugs", required: !drugs.isEmpty)
        let (oldTargets, newTargets) = try resolve(targetSelectors, "--targets", required: !targets.isEmpty)
        do {
            return try VerdictDiff(
                old: VerdictDiff.Side(engine: oldEngine, sources: oldDrugs, targets: oldTargets),
                new: VerdictDiff.Side(engine: newEngine, sources: newDrugs, targets: newTargets),
                maxLength: settings.maxLength, traversal: TraversalOptions(filter: settings.filter), graphDiff: graphDiff,
                limits: settings.limits)
        } catch {
            throw DiffTrouble("error: \(error.description)")
        }
    }

    private static func unique(_ nodes: [NodeIndex]) -> [NodeIndex] {
        var seen = Set<NodeIndex>()
        return nodes.filter { seen.insert($0).inserted }
    }

    /// `--color`: auto colours a terminal, or git's pager in external-diff mode, unless NO_COLOR is set.
    private func useColour(_ choice: Settings.Colour) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
            if isatty(STDOUT_FILENO) != 0 { return true }
            return gitExternal && ["true", "1"].contains(environment["GIT_PAGER_IN_USE"] ?? "")
        }
    }
}
