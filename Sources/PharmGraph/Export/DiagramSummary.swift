/// The overview for a first slide: drugs, their direct targets, and the effects and conditions those reach, the
/// mediators left out; each edge into an effect stands for the paths to it, signed by the path engine's tiered net
/// verdict (docs/rendering.md, "Summary").
public struct DiagramSummary: Sendable {
    /// Why a summary cannot be drawn.
    public enum Failure: Error, Sendable, Equatable {
        /// An imported network: it has no drugs, effects or contexts to summarise.
        case notCurated
        /// A path search could not run.
        case query(PathEngine.QueryError)
    }

    /// One summary edge: the verdict of the paths from its tail to its head.
    struct Verdict: Sendable, Equatable {
        let finding: Finding
        let certainty: Certainty?
        let counts: SignCounts
    }

    /// The relations of a drug's edge to its direct target (structural, `no_effect`, `indication` and `compared_with` are not).
    static let targetRelations: Set<Relation> = [.activates, .inhibits, .upregulates, .downregulates, .modulates, .binds]

    /// The graph drawn: the drugs, targets and effects, the drugs' own edges, and one edge per summary edge.
    public let graph: Graph
    public let selection: DiagramSelection
    /// The summary edges, by their index in `graph.edges`.
    let verdicts: [Int: Verdict]
    /// The longest path a summary edge stands for.
    public let maxLength: Int
    /// Whether any search stopped early: those edges' verdicts are undetermined.
    public let partial: Bool

    /// The summary of `network`'s curated graph, leaving out edges `filter` excludes, over paths of at most `maxLength` edges.
    public init(network: Network, filter: ContextFilter, maxLength: Int = PathQuery.defaultMaxLength) throws(Failure) {
        guard let source = network.graph else { throw .notCurated }
        let engine = PathEngine(network: network)
        let admitted = filter.admittedEdges(of: source)
        let nodes = source.nodes
        var position: [String: Int] = [:]
        for (i, node) in nodes.enumerated() where position[node.id] == nil { position[node.id] = i }
        let isOutcome = { (i: Int) in NodeSelector.effectKinds.contains(nodes[i].kind) }
        let isDrug = { (i: Int) in nodes[i].kind == .drug }

        // The drugs' own edges: to their direct targets and effects, and the structural ones among drugs.
        var drugEdges: [Int] = []
        var drugs = Set<Int>()
        var targets: [Int] = []
        var outcomes = Set<Int>()
        for e in admitted {
            let edge = source.edges[e]
            guard let from = position[edge.from], let to = position[edge.to], isDrug(from), !isDrug(to),
                Self.targetRelations.contains(edge.relation)
            else { continue }
            drugEdges.append(e)
            drugs.insert(from)
            if isOutcome(to) {
                outcomes.insert(to)
            } else if !targets.contains(to) {
                targets.append(to)
            }
        }
        var family = drugs
        var grew = true
        while grew {
            grew = false
            for e in admitted where source.edges[e].relation.isStructural {
                guard let from = position[source.edges[e].from], let to = position[source.edges[e].to] else { continue }
                if family.contains(from) != family.contains(to) {
                    family.formUnion([from, to])
                    grew = true
                }
            }
        }
        drugEdges += admitted.filter { e in
            guard source.edges[e].relation.isStructural, let from = position[source.edges[e].from], let to = position[source.edges[e].to]
            else { return false }
            return family.contains(from) && family.contains(to)
        }

        // The outcomes each target or outcome reaches, with the tiered verdict (as `effects` and `paths` give it).
        let allOutcomes = nodes.indices.filter(isOutcome)
        let traversal = TraversalOptions(filter: filter)
        var reached: [Int: [Int: Verdict]] = [:]
        var partial = false
        func reach(from start: Int) throws(Failure) -> [Int: Verdict] {
            if let known = reached[start] { return known }
            let query = PathQuery(
                sources: [NodeIndex(rawValue: Int32(start))], targets: allOutcomes.filter { $0 != start }.map { NodeIndex(rawValue: Int32($0)) },
                maxLength: maxLength, traversal: traversal)
            var found: [Int: Verdict] = [:]
            do {
                var (reports, stopped) = try engine.reach(query, assess: true)
                try engine.assessFeedback(query, reports: &reports, partial: stopped)
                partial = partial || stopped
                for report in reports where report.counts.total > 0 {
                    found[Int(report.target.rawValue)] = Verdict(
                        finding: report.finding(partial: stopped), certainty: report.assessment?.certainty, counts: report.counts)
                }
            } catch {
                throw .query(error)
            }
            reached[start] = found
            return found
        }
        var drawnOutcomes = outcomes
        var queue = targets + outcomes.sorted()
        var seen = Set(queue)
        while !queue.isEmpty {
            let start = queue.removeFirst()
            for next in try reach(from: start).keys.sorted() {
                drawnOutcomes.insert(next)
                if seen.insert(next).inserted { queue.append(next) }
            }
        }

        // A summary edge to each outcome reached first: by a path through no other effect or condition.
        var summary: [(from: Int, to: Int, verdict: Verdict)] = []
        for start in targets + drawnOutcomes.sorted() {
            let found = try reach(from: start)
            for end in found.keys.sorted() {
                var query = PathQuery(
                    sources: [NodeIndex(rawValue: Int32(start))], targets: [NodeIndex(rawValue: Int32(end))], maxLength: maxLength,
                    traversal: traversal)
                query.avoid = allOutcomes.filter { $0 != end && $0 != start }.map { NodeIndex(rawValue: Int32($0)) }
                let direct: PathReport
                do {
                    direct = try engine.paths(query, limit: 0)
                } catch {
                    throw .query(error)
                }
                if direct.counts.total > 0 || direct.partial { summary.append((start, end, found[end]!)) }
            }
        }

        // The summary graph: the drawn nodes in file order, the drugs' edges, then the summary edges.
        let drawn = family.union(targets).union(drawnOutcomes)
        let kept = nodes.indices.filter(drawn.contains)
        var edges = drugEdges.sorted().map { source.edges[$0] }
        var verdicts: [Int: Verdict] = [:]
        for item in summary {
            verdicts[edges.count] = item.verdict
            edges.append(
                Edge(
                    from: nodes[item.from].id, relation: Self.relation(item.verdict.finding), to: nodes[item.to].id,
                    certainty: item.verdict.certainty))
        }
        graph = Graph(
            id: source.id, title: source.title, version: source.version, format: source.format, contexts: source.contexts,
            description: source.description, sources: source.sources, kinds: source.kinds, references: source.references,
            nodes: kept.map { nodes[$0] }, edges: edges, claims: [])
        let caption = "Drugs → direct targets → effects; an edge into an effect: the net sign of its paths (≤ \(maxLength) steps)"
        selection = .drawing(nodes: Array(kept.indices), edges: Array(edges.indices), captions: [caption], filter: filter)
        self.verdicts = verdicts
        self.maxLength = maxLength
        self.partial = partial
    }

    /// The relation a summary edge is drawn as: its verdict's sign (`modulates`, the unknown sign, for mixed, unknown and undetermined).
    static func relation(_ finding: Finding) -> Relation {
        switch finding {
        case .verdict(.positive): .activates
        case .verdict(.negative): .inhibits
        case .verdict(.mixed), .verdict(.unknown), .verdict(.none), .undetermined: .modulates
        }
    }

    /// A summary edge's tooltip: the verdict, its evidence and counts, and what it stands for.
    func tooltip(_ e: Int) -> String? {
        guard let verdict = verdicts[e] else { return nil }
        let edge = graph.edges[e]
        let label = { (id: String) in graph.node(id)?.displayLabel ?? id }
        var lines = ["\(label(edge.from)) → \(label(edge.to)): net \(verdict.finding.rawValue)"]
        if let certainty = verdict.certainty { lines.append("evidence: \(certainty.rawValue) (the tiered verdict)") }
        let counts = verdict.counts
        lines.append("paths of at most \(maxLength) steps: \(counts.positive) +, \(counts.negative) −, \(counts.unknown) ?; mediators not drawn")
        return lines.joined(separator: "\n")
    }
}

extension PathwayDiagram {
    /// The summary drawn: the drugs' edges as any diagram draws them, the summary edges in their verdict's glyph with
    /// class `summary` and a tooltip of the verdict, bundled at their ends by sign (`sametail`, `samehead`; `concentrate` leaks in Graphviz 2.43, docs/rendering.md).
    public init(summary: DiagramSummary, options: DiagramOptions = DiagramOptions()) {
        var builder = DiagramBuilder(graph: summary.graph, selection: summary.selection, options: options)
        var model = builder.build()
        // A summary edge is the one edge of the summary graph from its tail to its head (no drug is either).
        var summaryEdges: [String: Int] = [:]
        for e in summary.verdicts.keys {
            let edge = summary.graph.edges[e]
            summaryEdges[DOTValue.literal(edge.from).raw + "\u{0}" + DOTValue.literal(edge.to).raw] = e
        }
        model.statements = model.statements.map { statement in
            guard case let .edge(from, to, drawn) = statement, let e = summaryEdges[from.raw + "\u{0}" + to.raw] else { return statement }
            var attributes = drawn.filter { $0.name != "tooltip" }
            if let i = attributes.firstIndex(where: { $0.name == "class" }) {
                attributes[i] = .literal("class", "summary " + attributes[i].value.raw)
            }
            // Bundled at both ends by sign: one tail point and one head point per sign (dot's `sametail`, `samehead`).
            let group = summary.graph.edges[e].relation.rawValue
            attributes += [.literal("sametail", group), .literal("samehead", group)]
            attributes.append(.tooltip(summary.tooltip(e) ?? ""))
            return .edge(from, to, attributes)
        }
        self.model = model
        dot = model.text
        nodeCount = builder.drawnNodes.count
    }
}
