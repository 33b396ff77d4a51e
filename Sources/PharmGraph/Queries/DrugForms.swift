/// A drug's chemical forms as a curated graph links them (`has_component`, `has_metabolite`): the racemate
/// an enantiomer belongs to, the forms of a drug, its family, and the strength of a path's first effect edge.
///
/// Imported networks have no forms: every answer is empty (docs/queries.md, "Reading verdicts").
struct DrugForms: Sendable {
    let network: Network
    /// The structural edges out of each node: (edge, target).
    private let out: [Int32: [(edge: Int32, to: Int32)]]
    /// The sources of the structural edges into each node.
    private let into: [Int32: [Int32]]

    init(network: Network) {
        self.network = network
        var out: [Int32: [(edge: Int32, to: Int32)]] = [:]
        var into: [Int32: [Int32]] = [:]
        if let graph = network.graph {
            for (e, edge) in graph.edges.enumerated() where edge.relation.isStructural {
                let from = network.edgeSources[e]
                let to = network.edgeTargets[e]
                out[from, default: []].append((Int32(e), to))
                into[to, default: []].append(from)
            }
        }
        self.out = out
        self.into = into
    }

    /// The node's curated role (racemate, enantiomer, metabolite), if any.
    func role(of drug: NodeIndex) -> DrugRole? {
        network.graph?.nodes[Int(drug.rawValue)].role
    }

    /// The racemates of an enantiomer (sources of a `has_component` edge into it with role racemate), by id;
    /// empty for any node whose role is not enantiomer.
    func racemates(of drug: NodeIndex) -> [NodeIndex] {
        guard role(of: drug) == .enantiomer, let graph = network.graph else { return [] }
        let sources = Set(
            graph.edges.indices.filter {
                graph.edges[$0].relation == .hasComponent && network.edgeTargets[$0] == drug.rawValue
            }
            .map { NodeIndex(rawValue: network.edgeSources[$0]) })
        return sources.filter { role(of: $0) == .racemate }.sorted { network.nodeIDs[$0] < network.nodeIDs[$1] }
    }

    /// Every form `drug` reaches by structural edges (its components and metabolites, theirs, and so on), `drug` left out, by id.
    func forms(of drug: NodeIndex) -> [NodeIndex] {
        var seen: Set<Int32> = [drug.rawValue]
        var stack = [drug.rawValue]
        while let n = stack.popLast() {
            for step in out[n] ?? [] where seen.insert(step.to).inserted { stack.append(step.to) }
        }
        seen.remove(drug.rawValue)
        return seen.map { NodeIndex(rawValue: $0) }.sorted { network.nodeIDs[$0] < network.nodeIDs[$1] }
    }

    /// The family a drug belongs to, named by its root: the first by id of the nodes it is a form of that are
    /// forms of nothing (the drug itself when it is a form of nothing).
    func family(of drug: NodeIndex) -> NodeIndex {
        var seen: Set<Int32> = [drug.rawValue]
        var stack = [drug.rawValue]
        var roots: [Int32] = []
        while let n = stack.popLast() {
            let parents = into[n] ?? []
            if parents.isEmpty { roots.append(n) }
            for p in parents where seen.insert(p).inserted { stack.append(p) }
        }
        // A cycle of forms has no root: the family is then named by its first member.
        let names = (roots.isEmpty ? Array(seen) : roots).map { NodeIndex(rawValue: $0) }
        return names.min { network.nodeIDs[$0] < network.nodeIDs[$1] }!
    }

    /// The strength of the path's first edge that is not structural (structural hops are attribution), if stated.
    func firstStrength(_ path: NetworkPath) -> Strength? {
        guard let graph = network.graph else { return nil }
        return path.edges.lazy.map { graph.edges[Int($0.rawValue)] }.first { !$0.relation.isStructural }?.strength
    }

    /// The forms the path starts through: the targets of its leading structural hops (e.g. `esketamine`).
    func via(_ path: NetworkPath) -> [NodeIndex] {
        var forms: [NodeIndex] = []
        for (i, e) in path.edges.enumerated() {
            guard let relation = network.edge(e).relation, relation.isStructural else { break }
            forms.append(path.nodes[i + 1])
        }
        return forms
    }
}

/// What an enantiomer's query inherits from its racemate: the rows of what the graph states of the racemate
/// itself (paths that pass through none of the racemate's forms), for the targets the enantiomer's own paths
/// do not decide the same way (docs/queries.md, "Enantiomers").
public struct Inheritance: Sendable {
    /// The racemate the rows come from.
    public let racemate: NodeIndex
    /// The racemate's rows, in the engine's order (shortest first, then id).
    public let reached: [TargetReport]
    /// The enantiomer's own finding for each inherited target it reaches (absent: no path of its own).
    public let own: [NodeIndex: Finding]
    /// The racemate's search stopped early: its rows are lower bounds and undetermined.
    public let partial: Bool
}

extension PathEngine {
    /// The rows an `effects` query inherits when its one source is an enantiomer with a racemate (`nil` otherwise):
    /// `reach` from the racemate, avoiding every form of it (so no path starts with a structural hop or restates
    /// a form's mechanism), keeping the targets where the enantiomer has no path or a different finding.
    /// `own` and `ownPartial` are the enantiomer's own answer to `query`. Metabolites never inherit.
    public func inherited(_ query: PathQuery, own: [TargetReport], ownPartial: Bool) throws(QueryError) -> Inheritance? {
        guard query.sources.count == 1 else { return nil }
        let forms = DrugForms(network: network)
        guard let racemate = forms.racemates(of: query.sources[0]).first else { return nil }
        var parent = query
        parent.sources = [racemate]
        parent.avoid = Array(Set(query.avoid + forms.forms(of: racemate))).sorted()
        let (reports, partial) = try reach(parent, assess: true)
        var findings: [NodeIndex: Finding] = [:]
        for report in own { findings[report.target] = report.finding(partial: ownPartial) }
        let kept = reports.filter { report in
            guard !partial, !ownPartial, let mine = findings[report.target] else { return true }
            let theirs = report.finding(partial: false)
            return mine != theirs || !Reading.isDeterminate(theirs)
        }
        return Inheritance(
            racemate: racemate, reached: kept, own: findings.filter { target, _ in kept.contains { $0.target == target } },
            partial: partial)
    }
}
