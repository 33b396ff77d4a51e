import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

struct Diff: ParsableCommand {
    /// Verdicts are compared by default for two curated graphs of at most this many edges each.
    static let verdictEdgeLimit = DiffReport.Options.verdictEdgeLimit

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

    @Argument(help: ArgumentHelp("The old and the new graph: each a file, REV:path or /dev/null.", valueName: "old> <new"))
    var inputs: [String] = []

    @Option(help: "Output format (tsv: edge differences only).")
    var format: FormatOption<TextJSONOrTSV> = .text

    @Option(help: "Colour the text output: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColorChoice = .auto

    @Flag(
        inversion: .prefixedNo,
        help: """
            Compare the verdicts of every drug × effect/condition pair (default: on for two curated graphs of at most \(verdictEdgeLimit) \
            edges each, or when a verdict option below is given).
            """)
    var verdicts: Bool?

    /// Verdicts: `--where` and `--max-length`.
    @OptionGroup(title: "Verdict options") var scope: PathScopeOptions

    /// Verdicts: `--max-work` per search, `--timeout` for the whole run.
    @OptionGroup(title: "Verdict options") var limits: SearchLimitOptions

    @Option(help: "Verdicts: where paths start, as a node id, label or kind:K (repeatable; default kind:drug).")
    var drugs: [String] = []

    @Option(help: "Verdicts: where paths end (repeatable; default kind:effect and kind:condition).")
    var targets: [String] = []

    @OptionGroup var read: ReadOptions

    /// How to read imported networks; `--input-format` applies to both inputs.
    @OptionGroup var network: NetworkOptions

    @Option(help: "Also draw the union graph, changes coloured, to this file (.svg, .png, .pdf, .dot, or .html for a viewer page).")
    var render: String?

    @Option(parsing: .unconditional, help: "With --render: draw only the changes and the nodes within N steps of them.")
    var context: Int?

    @OptionGroup var figure: FigureOptions

    @Flag(name: .customLong("git-external"), help: .hidden)
    var gitExternal = false

    /// Usage errors; the entry point prints them and exits 2, as diff(1) does.
    func validate() throws {
        if let message = InputReading.requireOneStdin(inputs + [network.nodes]) { throw ValidationError(message) }
        if let render, DiffRendering.format(of: render) == nil {
            throw ValidationError("--render: cannot tell the format of '\(render)'; name it .svg, .png, .pdf, .dot or .html")
        }
        if let render, context != nil, DiffRendering.format(of: render) == .html {
            throw ValidationError("--context: a viewer page (html) draws the whole union; leave out --context")
        }
        if let option = figure.given.first, render == nil { throw ValidationError("\(option) needs --render") }
        try figure.check(format: render.flatMap { DiffRendering.format(of: $0) })
        if let context {
            guard render != nil else { throw ValidationError("--context needs --render") }
            guard (0...Render.largestDepth).contains(context) else {
                throw ValidationError("--context must be a whole number from 0 to \(Render.largestDepth)")
            }
        }
    }

    /// The count of OLD and NEW, checked once parsing is over: ArgumentParser validates before it reports an unknown
    /// option, whose value would otherwise be counted as a third graph instead of getting "did you mean".
    func checkInputCount() throws {
        if gitExternal {
            if ![1, 7, 9].contains(inputs.count) {
                throw ValidationError("--git-external expects the 7 arguments git passes to an external diff, found \(inputs.count)")
            }
        } else if inputs.count != 2 {
            throw ValidationError(inputs.count < 2 ? "expected two graphs, OLD and NEW" : "expected two graphs, found \(inputs.count) arguments")
        }
    }

    func run() throws {
        try checkInputCount()
        do {
            let status = try execute()
            if status != 0 { throw ExitCode(status) }
        } catch let trouble as DiffTrouble {
            for line in trouble.lines { Console.error(line + "\n") }
            throw ExitCode(ExitStatus.diffTrouble)
        }
    }

    /// The two inputs; in git's external-diff mode, from git's 7 (or 9) arguments (counted by `validate()`).
    func sides() -> (DiffInput, DiffInput)? {
        if gitExternal {
            // git runs: path old-file old-hex old-mode new-file new-hex new-mode [new-path similarity]
            switch inputs.count {
            case 1:
                Console.out("* Unmerged path \(DisplayText.escaped(inputs[0]))\n")
                return nil
            default:
                let path = inputs[0]
                let newPath = inputs.count == 9 ? inputs[7] : path
                func side(_ file: String, _ name: String) -> DiffInput {
                    DiffInput(source: file == "/dev/null" ? .empty : .file(file), name: name, formatName: name)
                }
                return (side(inputs[1], "a/" + path), side(inputs[4], "b/" + newPath))
            }
        }
        return (DiffInput(argument: inputs[0]), DiffInput(argument: inputs[1]))
    }

    /// Runs the diff and returns the exit status.
    func execute() throws(DiffTrouble) -> Int32 {
        guard let (old, new) = sides() else { return 0 }
        // Both were checked by validate(); a failure here is reported, not dropped.
        let importOptions = network.loaderOptions(read, provenance: format.format == .json || render != nil)
        let filter: ContextFilter
        do {
            filter = try scope.contextFilter()
        } catch {
            throw DiffTrouble("error: \(error)")
        }
        let (oldLoaded, newLoaded) = try DiffInput.loadPair(
            old, new, format: importOptions.format, options: importOptions, limit: importOptions.limit)
        var options = DiffReport.Options()
        options.verdicts = verdicts
        options.drugs = drugs
        options.targets = targets
        options.maxLength = scope.length
        options.filter = filter
        options.limits = limits.limits(perQuery: false)
        // Options that only concern verdicts ask for them; --no-verdicts still wins.
        options.verdictOptionGiven = scope.given || limits.given
        // The verdict searches show their steps on a terminal when they run past about 2 s (docs/cli.md, "Progress").
        options.observer = Progress("search steps")
        options.recorded = limits.provenanceOptions.merging(network.provenanceOptions) { a, _ in a }
        let report: DiffReport
        do {
            report = try DiffReport(old: oldLoaded, new: newLoaded, options: options)
        } catch {
            switch error {
            case let .selector(role, cause): throw DiffTrouble("error: \(role == .drugs ? "--drugs" : "--targets"): \(cause.description)")
            case let .query(cause): throw DiffTrouble("error: \(cause.description)")
            case let .filter(problems): throw DiffTrouble(lines: problems.map { "error: --where: \($0.description)" })
            }
        }
        if report.verdictsSkippedBySize {
            Console.error("note: verdicts not compared: a graph has more than \(Self.verdictEdgeLimit) edges (use --verdicts)\n")
        }

        // The diagram is drawn and written before anything is printed, so that trouble leaves no half-report.
        if let render {
            let image = try DiffRendering.render(report, to: render, context: context, figure: figure, maxLength: scope.length)
            try DiffRendering.write(image, to: render)
        }
        switch format.format {
        case .text:
            var text = report.text(colour: useColour, hints: .cli)
            if gitExternal { text = "diff --pharmgraph \(old.name) \(new.name)\n" + text }
            Console.out(text)
        case .json:
            do {
                Console.out(try report.jsonText())
            } catch {
                throw DiffTrouble("error: cannot encode the report: \(error)")
            }
        case .tsv:
            Console.out(report.tsv)
        case .github, .sarif: throw DiffTrouble("error: --format \(format.format.rawValue) is not available here")
        }
        // git stops at an external diff that exits non-zero, so in that mode differences exit 0.
        return report.hasDifferences && !gitExternal ? 1 : 0
    }

    /// `--color`: auto colours a terminal, or git's pager in external-diff mode (docs/cli.md, "Colour").
    private var useColour: Bool {
        let pager = ["true", "1"].contains(ProcessInfo.processInfo.environment["GIT_PAGER_IN_USE"] ?? "")
        return color.enabled(for: STDOUT_FILENO, otherwise: gitExternal && pager)
    }
}
