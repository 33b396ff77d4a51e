/// The overview for a first slide (docs/rendering.md, "Summary"): the main drug families, the direct targets that carry
/// each effect's headline mechanism (its firmest, shortest paths, by the path engine's verdict tiers), and the effects,
/// their valence told by shape and fill, with the targets grouped by system; everything else is left out and counted in the caption.
public struct DiagramSummary: Sendable {
    /// Why a summary cannot be drawn.
    public enum Failure: Error, Sendable, Equatable {
        /// An imported network: it has no drugs, effects or contexts to summarise.
        case notCurated
        /// A path search could not run.
        case query(PathEngine.QueryError)
    }

    /// One summary edge, target → effect: the drugs' headline paths through the target, and the drugs' verdict on the effect.
    struct Verdict: Sendable, Equatable {
        /// The sign of the headline paths from the target on (unknown when they disagree): the edge's glyph.
        let sign: Sign
        /// Their evidence tier (the weakest certainty on each of them).
        let certainty: Certainty
        /// How many headline paths pass through the target, and their length.
        let paths: Int
        let length: Int
        /// The drugs' tiered verdict on the effect, over every path, and its counts.
        let effect: Finding
        let counts: SignCounts
    }

    /// What the summary leaves out, counted for its caption.
    public struct Omitted: Sendable, Equatable {
        /// Direct targets of the drawn drugs that carry no effect's headline mechanism.
        public var targets = 0
        /// Conditions (they follow from the effects; the full figure and `effects` show them).
        public var conditions = 0
        /// Drugs outside the drawn families (those with fewer than half the direct targets of the largest).
        public var drugs = 0
        /// Effects the drawn drugs do not reach.
        public var effects = 0
    }

    /// The relations of a drug's edge to its direct target (structural, `no_effect`, `indication` and `compared_with` are not).
    static let targetRelations: Set<Relation> = [.activates, .inhibits, .upregulates, .downregulates, .modulates, .binds]
    /// The node separation, in inches, left to right: its column of effects is the summary's height (panels: 0.1, others 0.25).
    static let nodeSeparation = "0.06"
    /// The least height of a node, in inches, left to right (other figures: 0.4): a line of text and a little room.
    static let nodeHeight = "0.3"
    /// The most characters of a line of an effect's label (other nodes: `LabelWrapping.width`).
    static let effectWidth = 30
    /// The most targets drawn for one effect's headline mechanism.
    static let headlineTargets = 2
    /// The most paths weighed for one effect's headline.
    static let headlinePaths = 50

    /// The graph drawn: the drugs, targets and effects (drugs without a system, effects with their valence as system, so
    /// that clusters group them), the drugs' edges to drawn nodes, and one edge per summary edge.
    public let graph: Graph
    public let selection: DiagramSelection
    /// The summary edges, by their index in `graph.edges`.
    let verdicts: [Int: Verdict]
    /// The longest path a summary edge stands for.
    public let maxLength: Int
    /// Whether any search stopped early: those edges' verdicts are undetermined.
    public let partial: Bool
    /// What was left out.
    public let omitted: Omitted

    /// The summary of `network`'s curated graph, leaving out edges `filter` excludes, over paths of at most `maxLength` edges.
    public init(network: Network, filter: ContextFilter, maxLength: Int = PathQuery.defaultMaxLength) throws(Failure) {
        guard let source = network.graph else { throw .notCurated }
        let engine = PathEngine(network: network)
        let rules = VerdictRules(network: network, places: [])
        let admitted = filter.admittedEdges(of: source)
        let nodes = source.nodes
        var position: [String: Int] = [:]
        for (i, node) in nodes.enumerated() where position[node.id] == nil { position[node.id] = i }
        let isDrug = { (i: Int) in nodes[i].kind == .drug }
        let ends = { (e: Int) -> (Int, Int)? in
            guard let from = position[source.edges[e].from], let to = position[source.edges[e].to] else { return nil }
            return (from, to)
        }

        // Drug families: drugs joined by structural edges; each family's direct targets (effects count as targets here).
        var family: [Int: Int] = [:]
        for i in nodes.indices where isDrug(i) { family[i] = i }
        func root(_ i: Int) -> Int { family[i] == i ? i : root(family[i]!) }
        for e in admitted where source.edges[e].relation.isStructural {
            guard let (from, to) = ends(e), isDrug(from), isDrug(to) else { continue }
            let (a, b) = (root(from), root(to))
            if a != b { family[max(a, b)] = min(a, b) }
        }
        var targetsOf: [Int: Set<Int>] = [:]
        for e in admitted where Self.targetRelations.contains(source.edges[e].relation) {
            guard let (from, to) = ends(e), isDrug(from), !isDrug(to) else { continue }
            targetsOf[root(from), default: []].insert(to)
        }
        let largest = targetsOf.values.map(\.count).max() ?? 0
        let keptFamilies = Set(targetsOf.filter { $0.value.count * 2 >= largest }.keys)
        let drugs = nodes.indices.filter { isDrug($0) && keptFamilies.contains(root($0)) }
        let drugSet = Set(drugs)
        let allTargets = keptFamilies.reduce(into: Set<Int>()) { $0.formUnion(targetsOf[$1]!) }

        // Each effect's headline: the first node after the drugs on its firmest, shortest paths (the path figure's order).
        let outcomes = nodes.indices.filter { NodeSelector.effectKinds.contains(nodes[$0].kind) }
        let effects = outcomes.filter { nodes[$0].kind == .effect }
        let traversal = TraversalOptions(filter: filter)
        var partial = false
        var headline: [(effect: Int, carriers: [Int])] = []
        var unreached = 0
        func index(_ i: Int) -> NodeIndex { NodeIndex(rawValue: Int32(i)) }
        var summary: [(from: Int, to: Int, verdict: Verdict)] = []
        for effect in effects {
            var query = PathQuery(sources: drugs.map(index), targets: [index(effect)], maxLength: maxLength, traversal: traversal)
            query.avoid = outcomes.filter { $0 != effect }.map(index)
            var report: PathReport
            do {
                report = try engine.paths(query, limit: Self.headlinePaths)
                try engine.assess(query, &report, detail: false)
                try engine.assessFeedback(query, report: &report)
                report = try Drawing.firmest(report, query: query, engine: engine, limit: Self.headlinePaths)
            } catch {
                throw .query(error)
            }
            partial = partial || report.partial
            guard let best = report.paths.map({ (tier: rules.tier(of: $0), length: $0.length) }).min(by: { $0 < $1 }) else {
                unreached += 1
                continue
            }
            // Per carrier (the first node after the drugs), the headline paths through it and the signs of their rest.
            var carriers: [Int: (paths: Int, signs: Set<Sign>)] = [:]
            var order: [Int] = []
            for path in report.paths where rules.tier(of: path) == best.tier && path.length == best.length {
                let ids = path.nodes.map { Int($0.rawValue) }
                guard let k = ids.firstIndex(where: { !drugSet.contains($0) }) else { continue }
                let rest = path.edges[k...].reduce(Sign.positive) { $0.composed(with: source.edges[Int($1.rawValue)].sign) }
                if carriers[ids[k]] == nil { order.append(ids[k]) }
                carriers[ids[k], default: (0, [])].paths += 1
                carriers[ids[k]]!.signs.insert(rest)
            }
            let ranked = order.enumerated().sorted { a, b in
                let (pa, pb) = (carriers[a.element]!.paths, carriers[b.element]!.paths)
                return pa != pb ? pa > pb : a.offset < b.offset
            }.prefix(Self.headlineTargets).map(\.element)
            headline.append((effect, ranked))
            for target in ranked where target != effect {
                let signs = carriers[target]!.signs
                summary.append(
                    (
                        target, effect,
                        Verdict(
                            sign: signs.count == 1 ? signs.first! : .unknown, certainty: best.tier, paths: carriers[target]!.paths,
                            length: best.length, effect: report.tieredFinding, counts: report.counts)
                    ))
            }
        }
        let drawnTargets = Set(headline.flatMap(\.carriers)).subtracting(effects)
        let drawnEffects = Set(headline.map(\.effect))
        // The drugs' edges to what is drawn, each family's drawn from its first drug in the file (its forms are one node
        // here, without badges): one edge per relation, other end and context, the firmest kept.
        var drugEdges: [Edge] = []
        for e in admitted {
            guard let (from, to) = ends(e), drugSet.contains(from), Self.targetRelations.contains(source.edges[e].relation),
                drawnTargets.contains(to) || headline.contains(where: { $0.effect == to && $0.carriers.contains(to) })
            else { continue }
            var edge = source.edges[e]
            edge.from = nodes[root(from)].id
            if let i = drugEdges.firstIndex(where: {
                $0.from == edge.from && $0.to == edge.to && $0.relation == edge.relation && $0.context == edge.context
                    && $0.lossOfFunction == edge.lossOfFunction
            }) {
                if edge.effectiveCertainty < drugEdges[i].effectiveCertainty { drugEdges[i] = edge }
            } else {
                drugEdges.append(edge)
            }
        }
        let reaching = Set(drugEdges.map(\.from))
        let drawnDrugs = drugs.filter { root($0) == $0 && reaching.contains(nodes[$0].id) }

        // The drawn nodes: drugs (no cluster), targets by system, effects by valence, each group in file order.
        let valenceOrder: [Valence?] = [.therapeutic, .adverse, .neutral, nil]
        let effectOrder = drawnEffects.sorted { a, b in
            let (va, vb) = (valenceOrder.firstIndex(of: nodes[a].valence)!, valenceOrder.firstIndex(of: nodes[b].valence)!)
            return va != vb ? va < vb : a < b
        }
        var drawnNodes = drawnDrugs.map { i in
            var node = nodes[i]
            node.system = nil
            return node
        }
        drawnNodes += drawnTargets.sorted().map { nodes[$0] }
        // Effects without a cluster, declared by valence: their shapes and fills tell it, dot orders them by their targets.
        drawnNodes += effectOrder.map { i in
            var node = nodes[i]
            node.system = nil
            return node
        }
        let negativeInto = { (target: Int) in
            let into = drugEdges.filter { $0.to == nodes[target].id }.map(\.relation.sign)
            return !into.isEmpty && into.allSatisfy { $0 == .negative }
        }
        var edges = drugEdges
        var verdicts: [Int: Verdict] = [:]
        for item in summary {
            verdicts[edges.count] = item.verdict
            let relation = Self.relation(item.verdict.sign)
            // Blocking the target produces the effect: drawn as loss of function, not a T-bar into the effect.
            edges.append(
                Edge(
                    from: nodes[item.from].id, relation: relation, to: nodes[item.to].id, certainty: item.verdict.certainty,
                    lossOfFunction: relation == .inhibits && negativeInto(item.from)))
        }
        graph = Graph(
            id: source.id, title: source.title, version: source.version, format: source.format, contexts: source.contexts,
            description: source.description, sources: source.sources, kinds: source.kinds, references: source.references,
            nodes: drawnNodes, edges: edges, claims: [])

        var omitted = Omitted()
        omitted.targets = allTargets.subtracting(drawnTargets).subtracting(drawnEffects).count
        omitted.conditions = outcomes.count - effects.count
        omitted.drugs = nodes.indices.filter { isDrug($0) && !drawnDrugs.contains(root($0)) }.count
        omitted.effects = unreached
        self.omitted = omitted
        let captions = Self.captionLines(omitted, maxLength: maxLength)
        selection = .drawing(nodes: Array(drawnNodes.indices), edges: Array(edges.indices), captions: captions, filter: filter)
        self.verdicts = verdicts
        self.maxLength = maxLength
        self.partial = partial
    }

    /// The caption: how the targets were chosen, and `Not drawn: 24 weaker targets, 9 conditions, …, mediators`.
    static func captionLines(_ omitted: Omitted, maxLength: Int) -> [String] {
        let parts = [
            (omitted.targets, "weaker target", "weaker targets"), (omitted.effects, "effect unreached", "effects unreached"),
            (omitted.conditions, "condition", "conditions"), (omitted.drugs, "other drug", "other drugs"),
        ].filter { $0.0 > 0 }.map { count, one, many in "\(count) " + (count == 1 ? one : many) }
        return [
            "Headline targets per effect: its firmest, shortest paths (≤ \(maxLength) steps)",
            "Not drawn: " + (parts + ["mediators"]).joined(separator: ", "),
        ]
    }

    /// The relation a summary edge is drawn as: its headline paths' sign (`modulates`, the unknown sign, when they disagree or have none).
    static func relation(_ sign: Sign) -> Relation {
        switch sign {
        case .positive: .activates
        case .negative: .inhibits
        case .unknown, .none: .modulates
        }
    }

    /// A summary edge's tooltip: the verdict, its evidence and counts, and what it stands for.
    func tooltip(_ e: Int) -> String? {
        guard let verdict = verdicts[e] else { return nil }
        let edge = graph.edges[e]
        let label = { (id: String) in graph.node(id)?.displayLabel ?? id }
        let counts = verdict.counts
        var lines = [
            "\(label(edge.from)) → \(label(edge.to)): \(verdict.paths) of the drugs' firmest, shortest paths to \(label(edge.to)) "
                + "(\(verdict.certainty.rawValue), \(verdict.length) steps) pass here, sign \(verdict.sign.symbol)"
        ]
        if edge.lossOfFunction { lines.append("loss of function: the drugs block \(label(edge.from)), which produces \(label(edge.to))") }
        lines.append(
            "the drugs on \(label(edge.to)): net \(verdict.effect.rawValue) over paths of at most \(maxLength) steps "
                + "(\(counts.positive) +, \(counts.negative) −, \(counts.unknown) ?); mediators not drawn")
        return lines.joined(separator: "\n")
    }
}

extension PathwayDiagram {
    /// The summary drawn: the drugs' edges as any diagram draws them, targets clustered by system, effects ordered by dot,
    /// the summary edges in their verdict's glyph with class `summary` and a tooltip of the verdict, bundled at their ends
    /// by sign (`sametail`, `samehead`; `concentrate` leaks in Graphviz 2.43, docs/rendering.md), nodes packed close.
    public init(summary: DiagramSummary, options: DiagramOptions = DiagramOptions()) {
        var options = options
        options.clusterBySystem = true
        var builder = DiagramBuilder(graph: summary.graph, selection: summary.selection, options: options)
        var model = builder.build()
        // A summary edge is the one edge of the summary graph from its tail to its head (no drug is either).
        var summaryEdges: [String: Int] = [:]
        for e in summary.verdicts.keys {
            let edge = summary.graph.edges[e]
            summaryEdges[DOTValue.literal(edge.from).raw + "\u{0}" + DOTValue.literal(edge.to).raw] = e
        }
        let effects = summary.graph.nodes.filter { $0.kind == .effect }.map(\.id)
        model.statements = model.statements.map { statement in
            // An effect's label on one line where it can be: the effects' column is the figure's height.
            if case let .node(name, attributes) = statement, effects.contains(where: { DOTValue.literal($0) == name }),
                let label = summary.graph.node(effects.first { DOTValue.literal($0) == name }!)?.displayLabel
            {
                return .node(
                    name, attributes.map { $0.name == "label" ? .text("label", LabelWrapping.wrapped(label, width: DiagramSummary.effectWidth)) : $0 })
            }
            guard case let .edge(from, to, drawn) = statement, let e = summaryEdges[from.raw + "\u{0}" + to.raw] else { return statement }
            var attributes = drawn.filter { $0.name != "tooltip" }
            if let i = attributes.firstIndex(where: { $0.name == "class" }) {
                attributes[i] = .literal("class", "summary " + attributes[i].value.raw)
            }
            // Bundled at both ends by glyph: one tail point and one head point per drawn relation (dot's `sametail`, `samehead`).
            let edge = summary.graph.edges[e]
            let group = edge.relation.rawValue + (edge.lossOfFunction ? "-lof" : "")
            attributes += [.literal("sametail", group), .literal("samehead", group)]
            attributes.append(.tooltip(summary.tooltip(e) ?? ""))
            return .edge(from, to, attributes)
        }
        // The effects are declared in valence order (therapeutic, adverse, neutral) but not held in it: dot orders them
        // by their targets, which crosses far less (docs/rendering.md, "Summary": 44 crossings held, 6 free).
        // Packed left to right: the effects' column is the figure's height on a slide.
        if options.rankDirection == .leftToRight {
            model.pack(nodeSeparation: DiagramSummary.nodeSeparation)
            model.nodeDefaults = model.nodeDefaults.map { $0.name == "height" ? .literal("height", DiagramSummary.nodeHeight) : $0 }
        }
        model.pack(options)
        self.model = model
        dot = model.text
        nodeCount = builder.drawnNodes.count
    }
}
