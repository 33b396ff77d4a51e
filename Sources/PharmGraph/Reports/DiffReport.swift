/// Everything a diff found, ready to be written as text, JSON, TSV or a diagram (docs/diff.md).
public struct DiffReport: Sendable {
    /// A loaded side: a curated graph, or any other network.
    public enum Content: Sendable {
        case graph(Graph)
        case network(Network)

        /// The network the path engine walks.
        public var network: Network {
            switch self {
            case let .graph(graph): Network(graph)
            case let .network(network): network
            }
        }
    }

    /// One side of the diff: its name as shown, what it holds, and where it came from.
    public struct Side: Sendable {
        public var name: String
        public var content: Content
        /// Nothing (`/dev/null`: a file added or deleted); read as an empty graph.
        public var isEmpty: Bool
        public var input: Provenance.Input

        public init(name: String, content: Content, isEmpty: Bool = false, input: Provenance.Input) {
            self.name = name
            self.content = content
            self.isEmpty = isEmpty
            self.input = input
        }
    }

    enum Changes: Sendable {
        /// Two curated graphs: the semantic diff.
        case graph(GraphDiff)
        /// Any other pair: nodes and (source, label, target) edges as sets.
        case network(NetworkDiff)
    }

    /// What to compare beyond the structure.
    public struct Options: Sendable {
        /// Compare verdicts: `nil` decides by `Options.verdictEdgeLimit` unless a verdict option is set.
        public var verdicts: Bool?
        /// Where paths start and end (node selectors); empty for the defaults, kind:drug and kind:effect/kind:condition.
        public var drugs: [String] = []
        public var targets: [String] = []
        public var maxLength = PathQuery.defaultMaxLength
        public var filter = ContextFilter()
        public var limits = SearchLimits.standard
        /// A verdict option (max length, filter, bounds) was given, which asks for verdicts.
        public var verdictOptionGiven = false
        /// Further options for provenance, as the front end names them (e.g. `max_work`, `timeout`).
        public var recorded: [String: String] = [:]
        /// Told of the verdict searches' steps (progress on a terminal).
        public var observer: (any SearchObserver)?

        /// Verdicts are compared by default for two curated graphs of at most this many edges each.
        public static let verdictEdgeLimit = 2_000

        public init() {}
    }

    /// Why verdicts could not be compared.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// A `drugs` (`role` .drugs) or `targets` selector is ambiguous, or names nothing in either graph.
        case selector(Role, NodeSelector.ResolutionError)
        case query(PathEngine.QueryError)
        /// Terms of the context filter that no edge of either version can match.
        case filter([ContextFilter.FilterError])

        public enum Role: Sendable { case drugs, targets }

        public var description: String {
            switch self {
            case let .selector(_, error): error.description
            case let .query(error): error.description
            case let .filter(problems): problems.map(\.description).joined(separator: "\n")
            }
        }
    }

    public let old: Side
    public let new: Side
    let changes: Changes
    /// `nil` when verdicts were not compared.
    let verdicts: VerdictDiff?
    /// Verdicts were left out by default because a graph is larger than `Options.verdictEdgeLimit`.
    public let verdictsSkippedBySize: Bool
    /// The context filter the verdicts were computed under.
    public let filter: ContextFilter
    public let provenance: Provenance

    /// Compares `old` with `new`: structure always, verdicts as `options` say.
    public init(old: Side, new: Side, options: Options = Options()) throws(Failure) {
        self.old = old
        self.new = new
        var graphDiff: GraphDiff?
        if case let .graph(a) = old.content, case let .graph(b) = new.content {
            let diff = GraphDiff(old: a, new: b)
            graphDiff = diff
            changes = .graph(diff)
        } else {
            changes = .network(NetworkDiff(old: old.content.network, new: new.content.network))
        }
        // A key or value that either version uses is fine: the filter may match edges added or removed.
        let problems = options.filter.problems(against: [old.content.network, new.content.network])
        if !problems.isEmpty { throw .filter(problems) }
        let asked = !options.drugs.isEmpty || !options.targets.isEmpty || options.verdictOptionGiven
        let bySize = Self.smallGraphs(old, new)
        var compared: VerdictDiff?
        if options.verdicts ?? (asked || bySize) {
            compared = try Self.compareVerdicts(old.content, new.content, options: options, graphDiff: graphDiff)
        }
        verdicts = compared
        verdictsSkippedBySize = compared == nil && options.verdicts == nil && graphDiff != nil && !old.isEmpty && !new.isEmpty
        filter = options.filter
        var shown: [String: String] = ["verdicts": compared == nil ? "off" : "on"]
        if compared != nil {
            shown["max_length"] = String(options.maxLength)
            if !options.filter.isEmpty { shown["where"] = FieldChange.entries(options.filter.required) }
            if !options.drugs.isEmpty { shown["drugs"] = options.drugs.joined(separator: ",") }
            if !options.targets.isEmpty { shown["targets"] = options.targets.joined(separator: ",") }
        }
        provenance = Provenance(inputs: [old.input, new.input], options: shown.merging(options.recorded) { a, _ in a })
    }

    /// Both sides are curated graphs, neither empty, of at most `verdictEdgeLimit` edges each.
    private static func smallGraphs(_ old: Side, _ new: Side) -> Bool {
        guard !old.isEmpty, !new.isEmpty, case let .graph(x) = old.content, case let .graph(y) = new.content else { return false }
        return x.edges.count <= Options.verdictEdgeLimit && y.edges.count <= Options.verdictEdgeLimit
    }

    private static func compareVerdicts(
        _ old: Content, _ new: Content, options: Options, graphDiff: GraphDiff?
    ) throws(Failure) -> VerdictDiff {
        let oldEngine = PathEngine(network: old.network)
        let newEngine = PathEngine(network: new.network)
        oldEngine.observer = options.observer
        newEngine.observer = options.observer
        func resolve(_ given: [String], defaults: [String], _ role: Failure.Role) throws(Failure) -> ([NodeIndex], [NodeIndex]) {
            var a: [NodeIndex] = []
            var b: [NodeIndex] = []
            for selector in given.isEmpty ? defaults : given {
                // A name missing from one version is expected; one that is ambiguous is an error.
                func lookup(_ network: Network) throws(Failure) -> [NodeIndex]? {
                    do {
                        return try NodeSelector.resolve(selector, in: network)
                    } catch {
                        if error.isAmbiguous { throw .selector(role, error) }
                        return nil
                    }
                }
                let x = try lookup(oldEngine.network)
                let y = try lookup(newEngine.network)
                if !given.isEmpty, x == nil, y == nil {
                    do {
                        _ = try NodeSelector.resolve(selector, in: newEngine.network)
                    } catch {
                        throw .selector(role, error)
                    }
                }
                a += x ?? []
                b += y ?? []
            }
            return (unique(a), unique(b))
        }
        let (oldDrugs, newDrugs) = try resolve(options.drugs, defaults: ["kind:drug"], .drugs)
        let (oldTargets, newTargets) = try resolve(options.targets, defaults: ["kind:effect", "kind:condition"], .targets)
        do {
            return try VerdictDiff(
                old: VerdictDiff.Side(engine: oldEngine, sources: oldDrugs, targets: oldTargets),
                new: VerdictDiff.Side(engine: newEngine, sources: newDrugs, targets: newTargets),
                maxLength: options.maxLength, traversal: TraversalOptions(filter: options.filter), graphDiff: graphDiff,
                limits: options.limits)
        } catch {
            throw .query(error)
        }
    }

    private static func unique(_ nodes: [NodeIndex]) -> [NodeIndex] {
        var seen = Set<NodeIndex>()
        return nodes.filter { seen.insert($0).inserted }
    }

    /// Counts for the summary line and the JSON summary.
    struct Counts: Sendable, Equatable {
        var headerFields = 0
        var nodesAdded = 0, nodesRemoved = 0, nodesChanged = 0, nodesRenamed = 0
        var edgesAdded = 0, edgesRemoved = 0, edgesChanged = 0, signFlips = 0
        var referencesAdded = 0, referencesRemoved = 0, referencesChanged = 0
        var claimsAdded = 0, claimsRemoved = 0, claimsChanged = 0
    }

    var counts: Counts {
        var counts = Counts()
        switch changes {
        case let .graph(diff):
            counts.headerFields = diff.header.count
            counts.nodesAdded = diff.nodesAdded.count
            counts.nodesRemoved = diff.nodesRemoved.count
            counts.nodesChanged = diff.nodesChanged.count
            counts.nodesRenamed = diff.nodesRenamed.count
            counts.edgesAdded = diff.edgesAdded.count
            counts.edgesRemoved = diff.edgesRemoved.count
            counts.edgesChanged = diff.edgesChanged.count
            counts.signFlips = diff.signFlips.count
            counts.referencesAdded = diff.referencesAdded.count
            counts.referencesRemoved = diff.referencesRemoved.count
            counts.referencesChanged = diff.referencesChanged.count
            counts.claimsAdded = diff.claimsAdded.count
            counts.claimsRemoved = diff.claimsRemoved.count
            counts.claimsChanged = diff.claimsChanged.count
        case let .network(diff):
            counts.nodesAdded = diff.nodesAdded.count
            counts.nodesRemoved = diff.nodesRemoved.count
            counts.nodesChanged = diff.nodesChanged.count
            counts.edgesAdded = diff.edgesAdded.count
            counts.edgesRemoved = diff.edgesRemoved.count
        }
        return counts
    }

    /// Anything differs: the structure, or a verdict.
    /// The union graph with the changes coloured (docs/diff.md), captioned with this report's provenance
    /// (and `context`) unless `caption` is false; the metadata always records it. `figure`: the title, font size,
    /// size and dpi (its other fields are not read).
    public func diagram(
        context: Int?, engine: String = "dot", caption: Bool = true, figure: DiagramOptions = DiagramOptions()
    ) throws(DiffDiagram.SizeError) -> DiffDiagram {
        var provenance = provenance
        if let context { provenance.options["context"] = String(context) }
        let names = (old: old.name, new: new.name)
        let line = caption ? provenance.caption : nil
        switch changes {
        case let .graph(diff):
            return try DiffDiagram(
                diff, names: names, context: context, engine: engine, caption: line, metadata: provenance.metadata, figure: figure)
        case let .network(diff):
            return try DiffDiagram(
                diff, names: names, context: context, engine: engine, caption: line, metadata: provenance.metadata, figure: figure)
        }
    }

    public var hasDifferences: Bool {
        let structural =
            switch changes {
            case let .graph(diff): !diff.isEmpty
            case let .network(diff): !diff.isEmpty
            }
        return structural || !(verdicts?.isEmpty ?? true)
    }

    /// `nodes: 1 added, 2 changed; edges: 3 changed (1 sign flip); verdicts: 1 changed`, or `no differences`.
    public var summaryLine: String {
        let c = counts
        func group(_ name: String, _ parts: [(Int, String)], note: String = "") -> String? {
            let shown = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            return shown.isEmpty ? nil : "\(name): " + shown.joined(separator: ", ") + note
        }
        var groups: [String?] = [
            c.headerFields > 0 ? "header: \(Plural.count(c.headerFields, "field")) changed" : nil,
            group("nodes", [(c.nodesAdded, "added"), (c.nodesRemoved, "removed"), (c.nodesChanged, "changed"), (c.nodesRenamed, "renamed")]),
            group(
                "edges", [(c.edgesAdded, "added"), (c.edgesRemoved, "removed"), (c.edgesChanged, "changed")],
                note: c.signFlips > 0 ? " (\(Plural.count(c.signFlips, "sign flip")))" : ""),
            group("references", [(c.referencesAdded, "added"), (c.referencesRemoved, "removed"), (c.referencesChanged, "changed")]),
            group("claims", [(c.claimsAdded, "added"), (c.claimsRemoved, "removed"), (c.claimsChanged, "changed")]),
        ]
        if let v = verdicts {
            let changedOutcomes = v.claimOutcomes.filter { $0.oldVerdict != .undetermined && $0.newVerdict != .undetermined }.count
            let undecided = v.claimOutcomes.count - changedOutcomes
            groups.append(
                group(
                    "verdicts",
                    [
                        (v.changed.count, "changed"), (v.newlyReachable.count, "newly reachable"),
                        (v.noLongerReachable.count, "no longer reachable"), (v.undetermined.count, "undetermined"),
                        (changedOutcomes, changedOutcomes == 1 ? "claim outcome changed" : "claim outcomes changed"),
                        (undecided, undecided == 1 ? "claim outcome undetermined" : "claim outcomes undetermined"),
                    ]))
        }
        let parts = groups.compactMap { $0 }
        return parts.isEmpty ? "no differences" : parts.joined(separator: "; ")
    }
}

/// `1 error`, `2 warnings`.
enum Plural {
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

extension FieldChange {
    /// `a=1, b=2`: a mapping's entries sorted by key, unquoted.
    static func entries(_ map: [String: String]) -> String {
        map.keys.sorted().map { "\($0)=\(map[$0]!)" }.joined(separator: ", ")
    }
}
