import Foundation

/// One edge as drawn: the graph edges it stands for, its ends as drawn, and the badges naming the forms
/// of a collapsed drug family at either end (docs/rendering.md, "Drug families").
struct DrawnEdge: Sendable, Equatable {
    /// The drawn tail's id (a family's root for an edge of one of its forms).
    var from: String
    /// The drawn head's id.
    var to: String
    /// Indices into `graph.edges`, in the selection's order: several when parallel edges of forms are merged.
    var edges: [Int]
    /// The forms at the tail (`taillabel`), `nil` for none.
    var tailBadge: String?
    /// The forms at the head (`headlabel`), `nil` for none.
    var headBadge: String?

    /// The graph edges it stands for, each moved to the drawn ends (a form's edge to its family's node).
    func stated(in graph: Graph) -> [Edge] {
        edges.map { e in
            var edge = graph.edges[e]
            (edge.from, edge.to) = (from, to)
            return edge
        }
    }
}

/// The drug families of a drawing: each drawn as one node, its root, when forms are not expanded
/// (docs/rendering.md, "Drug families").
struct DiagramForms {
    /// The family root of every drawn member of a collapsed family, roots included, by id.
    private var roots: [String: String] = [:]
    /// The drawn members of each collapsed family, the root first, then in graph order, by the root's id.
    private(set) var members: [String: [String]] = [:]
    /// Each member's badge, by id.
    private var badges: [String: String] = [:]

    /// The families among `nodes` (drawn, in graph order) of `graph`; none when `expand` is set.
    ///
    /// A root is a drawn drug with forms (nodes it reaches by `has_component` and `has_metabolite` edges
    /// of the graph) that is no form of another drawn root; the drugs with the most forms come first, then
    /// by id. A root with no drawn form stays a plain node.
    init(graph: Graph, nodes: [Node], expand: Bool) {
        guard !expand else { return }
        var out: [String: [String]] = [:]
        for edge in graph.edges where edge.relation.isStructural { out[edge.from, default: []].append(edge.to) }
        guard !out.isEmpty else { return }
        func forms(of id: String) -> Set<String> {
            var seen: Set<String> = [id]
            var stack = [id]
            while let n = stack.popLast() {
                for to in out[n] ?? [] where seen.insert(to).inserted { stack.append(to) }
            }
            seen.remove(id)
            return seen
        }
        let position = Dictionary(nodes.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let candidates = nodes.filter { $0.kind == .drug && out[$0.id] != nil }.map { (node: $0, forms: forms(of: $0.id)) }
            .sorted { $0.forms.count != $1.forms.count ? $0.forms.count > $1.forms.count : $0.node.id < $1.node.id }
        let byID = Dictionary(nodes.map { ($0.id, $0) }) { first, _ in first }
        for (root, forms) in candidates where roots[root.id] == nil {
            let drawn = forms.filter { position[$0] != nil && roots[$0] == nil }.sorted { position[$0]! < position[$1]! }
            guard !drawn.isEmpty else { continue }
            members[root.id] = [root.id] + drawn
            roots[root.id] = root.id
            badges[root.id] = root.role == .racemate ? "rac" : root.displayLabel
            for id in drawn {
                roots[id] = root.id
                badges[id] = Self.badge(of: byID[id]!, root: root)
            }
        }
    }

    /// The node `id` is drawn as: its family's root, or itself.
    func drawn(_ id: String) -> String { roots[id] ?? id }

    /// Whether `id` is drawn as a node of its own (a root or a node of no collapsed family).
    func isDrawn(_ id: String) -> Bool { drawn(id) == id }

    /// The badges drawn on edges, in drawing order, once each.
    private(set) var badgesDrawn: [String] = []

    /// The short name of a form on the edges of its family's node: from a synonym `(X)-ROOT` or `X-ROOT`,
    /// `X`; else the form's label with the root's label taken out (`Nor`, `(S)-nor`); else the label.
    static func badge(of form: Node, root: Node) -> String {
        let names = Set([root.displayLabel.lowercased(), root.id.lowercased()])
        for synonym in form.synonyms {
            for name in names where synonym.lowercased().hasSuffix("-" + name) {
                var x = String(synonym.dropLast(name.count + 1))
                if x.hasPrefix("("), x.hasSuffix(")") { x = String(x.dropFirst().dropLast()) }
                if !x.isEmpty, !x.contains(where: \.isWhitespace) { return x }
            }
        }
        let label = form.displayLabel
        if let range = label.range(of: root.displayLabel, options: .caseInsensitive) {
            var rest = label
            rest.removeSubrange(range)
            let trimmed = rest.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "-")))
            if !trimmed.isEmpty { return trimmed }
        }
        return label
    }

    /// The lines a family node's tooltip ends with: each form drawn in it with its badge.
    func tooltipLines(_ root: String, in graph: Graph) -> [String] {
        guard let members = members[root] else { return [] }
        return ["forms drawn here: " + members.map { "\(graph.node($0)?.displayLabel ?? $0) (\(badges[$0]!))" }.joined(separator: ", ")]
    }

    /// The selected `edges` (indices into `graph.edges` whose ends are drawn) as drawn: an edge of a form
    /// runs from or to its family's node; structural edges inside a family are left out; parallel edges of
    /// forms with the same other end, relation, certainty, context and loss of function merge into one,
    /// its badges listing the forms (no badge for the root alone). Records the badges drawn.
    mutating func drawnEdges(_ edges: [Int], in graph: Graph) -> [DrawnEdge] {
        struct Key: Hashable {
            let from: String
            let to: String
            let relation: Relation
            let certainty: Certainty
            let context: [String: String]
            let lossOfFunction: Bool
            /// The edge's own index when neither end is in a family: such edges never merge.
            let alone: Int?
        }
        var drawn: [DrawnEdge] = []
        var slot: [Key: Int] = [:]
        for e in edges {
            let edge = graph.edges[e]
            let (from, to) = (self.drawn(edge.from), self.drawn(edge.to))
            let inFamily = roots[edge.from] != nil || roots[edge.to] != nil
            if from == to, roots[edge.from] != nil, edge.relation.isStructural { continue }
            let key = Key(
                from: from, to: to, relation: edge.relation, certainty: edge.effectiveCertainty, context: edge.context,
                lossOfFunction: edge.lossOfFunction, alone: inFamily ? nil : e)
            if let i = slot[key] {
                drawn[i].edges.append(e)
            } else {
                slot[key] = drawn.count
                drawn.append(DrawnEdge(from: from, to: to, edges: [e]))
            }
        }
        for i in drawn.indices {
            drawn[i].tailBadge = badge(drawn[i].edges.map { graph.edges[$0].from }, root: drawn[i].from)
            drawn[i].headBadge = badge(drawn[i].edges.map { graph.edges[$0].to }, root: drawn[i].to)
        }
        return drawn
    }

    /// The badge listing `ends` (ids of forms of the family `root`) in family order; `nil` for the root alone
    /// or no family.
    private mutating func badge(_ ends: [String], root: String) -> String? {
        guard let members = members[root] else { return nil }
        let present = members.filter(ends.contains)
        guard present != [root] else { return nil }
        let names = present.map { badges[$0]! }
        for name in names where !badgesDrawn.contains(name) { badgesDrawn.append(name) }
        return names.joined(separator: ", ")
    }

    /// The badges drawn, in family order (root first), not in the order the edges are drawn; at most four, then `…`.
    var legendBadges: [String] {
        var rank: [String: Int] = [:]
        for id in members.keys.sorted().flatMap({ members[$0]! }) where rank[badges[id]!] == nil { rank[badges[id]!] = rank.count }
        let sorted = badgesDrawn.sorted { rank[$0, default: .max] < rank[$1, default: .max] }
        return Array(sorted.prefix(4)) + (sorted.count > 4 ? ["…"] : [])
    }
}
