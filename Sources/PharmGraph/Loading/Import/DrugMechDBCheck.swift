/// What `check` finds in DrugMechDB records beyond their claims (each record's net sign is its claim):
/// unreachable nodes, inverse predicates written in path order, self-contradicting and repeated links,
/// and nodes whose category differs between records. docs/formats.md, "Checking DrugMechDB".
public enum DrugMechDBCheck {
    /// The forward predicate an inverse one stands for, for the hint under an inverse written in path order.
    static let forward = [
        "caused by": "causes", "disrupted by": "disrupts", "affected by": "affects", "produced by": "produces",
        "derives from": "derives into", "is metabolite of": "has metabolite", "has participant": "participates in",
    ]

    /// Every finding, sorted: each record's claim verified on the record alone (an error when its net sign is
    /// not negative), and the rest as warnings at the records' positions.
    public static func run(_ corpus: DrugMechDBCorpus, limits: SearchLimits = .standard) -> [Diagnostic] {
        // Each record's claim is verified on its own small graph: independent, so on every core.
        var out = ParallelMap.map(corpus.records.count) { r in
            let record = corpus.records[r]
            var found = ClaimVerifier.verify(graph(of: record, claim: r, in: corpus.graph), limits: limits)
            if !found.isEmpty, let note = unwalked(record) {
                for i in found.indices { found[i].notes.append(note) }
            }
            return found
        }.flatMap(\.self)
        var firstCategory: [String: (category: String, record: String, location: SourceLocation)] = [:]
        for record in corpus.records {
            for node in record.nodes {
                if let first = firstCategory[node.id] {
                    if first.category != node.category {
                        out.append(
                            Diagnostic(
                                .warning,
                                "node '\(node.id)' is a \(node.category) here but a \(first.category) in record '\(first.record)' (\(first.location)); the graph keeps the first",
                                at: node.location))
                    }
                } else {
                    firstCategory[node.id] = (node.category, record.id, node.location)
                }
            }
            out += check(record)
        }
        return out.sorted()
    }

    /// The graph of one record alone: its nodes, its edges and its claim.
    static func graph(of record: DrugMechDBCorpus.Record, claim: Int, in graph: Graph) -> Graph {
        let edges = Array(graph.edges[record.edges])
        let keys = edges.first?.refs ?? []  // every edge of a record cites the record's references
        return Graph(
            id: record.id, title: record.id, version: graph.version, format: graph.format, kinds: graph.kinds,
            references: keys.compactMap(graph.reference), nodes: record.nodes.compactMap { graph.node($0.id) },
            edges: edges, claims: [graph.claims[claim]])
    }

    /// When a record's drug reaches its disease only through links that are not walked by default (taxon,
    /// location, part, interaction): a note naming them, for its claim's error.
    static func unwalked(_ record: DrugMechDBCorpus.Record) -> String? {
        let read = record.links.map { $0.predicate.isInverse ? ($0.target, $0.source) : ($0.source, $0.target) }
        let walked = record.links.indices.filter { record.links[$0].predicate.relation != .binds }.map { read[$0] }
        guard !reach(from: record.drug, walked).contains(record.disease) else { return nil }
        let before = reach(from: record.drug, read)
        let after = reach(from: record.disease, read.map { ($0.1, $0.0) })
        let on = record.links.indices.filter {
            record.links[$0].predicate.relation == .binds && before.contains(read[$0].0) && after.contains(read[$0].1)
        }
        guard !on.isEmpty else { return nil }
        let names = on.prefix(3).map { "'\(record.links[$0].predicate.name)' (line \(record.links[$0].location.line))" }
        return "the drug reaches the disease only through links not walked by default: \(names.joined(separator: ", "))"
            + (on.count > 3 ? " and \(on.count - 3) more" : "") + "; they are 'binds' edges, walked only when --relations names binds"
    }

    /// The findings of one record.
    static func check(_ record: DrugMechDBCorpus.Record) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let read = record.links.map { $0.predicate.isInverse ? ($0.target, $0.source) : ($0.source, $0.target) }
        let written = record.links.map { ($0.source, $0.target) }
        // Unreachable nodes: not reached from the drug by the links as read.
        let reached = reach(from: record.drug, read)
        for node in record.nodes where !reached.contains(node.id) {
            out.append(
                Diagnostic(
                    .warning, "node '\(node.id)' of record '\(record.id)' is not reached from its drug '\(record.drug)' by the record's links",
                    at: node.location))
        }
        // Inverse predicates written in path order: as written, the link lies on a drug → disease path.
        for (i, link) in record.links.enumerated() where link.predicate.isInverse {
            var others = written
            others.remove(at: i)
            let before = reach(from: record.drug, others)
            let after = reach(from: record.disease, others.map { ($0.1, $0.0) })
            guard before.contains(link.source), after.contains(link.target) || link.target == record.disease else { continue }
            let hint = forward[link.predicate.name].map { "; if '\(link.source)' acts on '\(link.target)', write '\($0)'" } ?? ""
            out.append(
                Diagnostic(
                    .warning,
                    "inverse predicate '\(link.predicate.name)' is written in path order ('\(link.source)' -> '\(link.target)' on the way from '\(record.drug)' to '\(record.disease)'); it is read turned around, '\(link.target)' -> '\(link.source)', which breaks that path\(hint)",
                    at: link.location))
        }
        // Links that contradict each other or repeat one another.
        var seen: [String: Int] = [:]
        var signs: [String: Int] = [:]
        for (i, link) in record.links.enumerated() {
            let (from, to) = read[i]
            let pair = from + "\u{0}" + to
            if let first = seen[link.predicate.name + "\u{0}" + pair] {
                let at = record.links[first].location
                out.append(
                    Diagnostic(
                        .warning,
                        "link '\(link.source)' \(link.predicate.name) '\(link.target)' is repeated in record '\(record.id)' (first at line \(at.line), column \(at.column)); each copy is a path of its own",
                        at: link.location))
                continue
            }
            seen[link.predicate.name + "\u{0}" + pair] = i
            let sign = link.predicate.relation.sign
            guard sign.isDefinite else { continue }
            if let other = signs[pair], record.links[other].predicate.relation.sign != sign {
                let first = record.links[other]
                out.append(
                    Diagnostic(
                        .warning,
                        "record '\(record.id)' contradicts itself: '\(from)' -> '\(to)' is '\(link.predicate.name)' (\(sign.symbol)) here but '\(first.predicate.name)' (\(first.predicate.relation.sign.symbol)) at line \(first.location.line), column \(first.location.column)",
                        at: link.location))
            } else if signs[pair] == nil {
                signs[pair] = i
            }
        }
        return out
    }

    /// The nodes reached from `start` along `edges` (start included).
    static func reach(from start: String, _ edges: [(String, String)]) -> Set<String> {
        var reached: Set<String> = [start]
        var frontier = [start]
        while let node = frontier.popLast() {
            for (from, to) in edges where from == node && reached.insert(to).inserted { frontier.append(to) }
        }
        return reached
    }
}
