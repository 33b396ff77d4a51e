import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

/// A graph in which every stored field of every model type is set, in at least one value.
private let fullGraph = Graph(
    id: "full", title: "Every field", version: "1.2", format: 2,
    contexts: [
        ContextDeclaration(
            key: "dose", kind: .ordinal, values: ["low", "high"], defaults: ["low"], exposure: true,
            description: "The drug's dose."),
        ContextDeclaration(key: "state", kind: .condition, values: ["stressed"]),
    ],
    description: "A graph with every field set.",
    sources: ["https://example.org/source"],
    kinds: [KindDeclaration(kind: "organelle", description: "A part of a cell.")],
    references: [
        Reference(key: "smith2020", citation: "Smith J. A paper. 2020.", doi: "10.1000/xyz", pmid: "12345", url: "https://example.org/paper")
    ],
    nodes: [
        Node(
            id: "drug-a", label: "Drug A", kind: .drug, synonyms: ["DA"], xrefs: ["chebi": "1"], system: "cns",
            description: "A drug.", role: .enantiomer),
        Node(id: "part-m", label: "Part M", kind: "organelle", system: "cns"),
        Node(id: "part-n", kind: "organelle"),
        Node(id: "effect-b", label: "Effect B", kind: .effect, valence: .therapeutic, context: ["dose": "high"]),
    ],
    edges: [
        Edge(
            from: "drug-a", relation: .inhibits, to: "part-m", action: .antagonist, refs: ["smith2020"], evidence: "in vitro",
            direct: true, certainty: .probable, context: ["dose": "high"], strength: .strong, exact: ["dose"],
            exposureOf: "drug-a", lossOfFunction: true, correlational: true, importance: .primary, note: "An edge note."),
        Edge(from: "part-m", relation: .activates, to: "effect-b", refs: ["smith2020"], context: ["state": "stressed"]),
        Edge(from: "part-n", relation: .activates, to: "effect-b", refs: ["smith2020"]),
        Edge(from: "drug-a", relation: .indication, to: "effect-b", refs: ["smith2020"]),
        Edge(from: "drug-a", relation: .comparedWith, to: "part-n", refs: ["smith2020"]),
    ],
    claims: [
        Claim(
            from: "drug-a", to: "effect-b", expect: .negative, context: ["dose": "high"], via: "part-m", avoid: ["part-n"],
            certainty: .probable, maxLength: 3,
            refs: ["smith2020"], note: "A claim note.")
    ])

/// Whether a field holds something: a present optional, a non-empty collection or string.
private func isSet(_ value: Any) -> Bool {
    if let text = value as? String { return !text.isEmpty }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional?, .collection?, .dictionary?, .set?: return !mirror.children.isEmpty
    default: return true
    }
}

/// Every stored field of `value`, recursively and in a stable order, leaving out source locations.
private func structure(_ value: Any) -> String {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional?:
        return mirror.children.first.map { structure($0.value) } ?? "nil"
    case .collection?:
        return "[" + mirror.children.map { structure($0.value) }.joined(separator: ", ") + "]"
    case .dictionary?, .set?:
        return "[" + mirror.children.map { structure($0.value) }.sorted().joined(separator: ", ") + "]"
    case .struct?, .class?, .tuple?:
        if value is String || mirror.children.isEmpty { return String(reflecting: value) }
        let fields = mirror.children.filter { $0.label != "location" }
        return "{" + fields.map { "\($0.label ?? "_"): \(structure($0.value))" }.joined(separator: ", ") + "}"
    default:
        return String(reflecting: value)
    }
}

@Suite("Model coverage: fmt keeps every field")
struct ModelCoverageTests {
    @Test("the full graph sets every stored field of every model type (a new field must be added here)")
    func everyFieldSet() {
        let values: [String: [Any]] = [
            "Graph": [fullGraph], "KindDeclaration": fullGraph.kinds, "Reference": fullGraph.references,
            "Node": fullGraph.nodes, "Edge": fullGraph.edges, "Claim": fullGraph.claims,
            "ContextDeclaration": fullGraph.contexts,
        ]
        for (type, instances) in values {
            #expect(!instances.isEmpty, "no \(type) in the full graph")
            let labels = instances.first.map { Mirror(reflecting: $0).children.compactMap(\.label) } ?? []
            for label in labels where label != "location" {
                let set = instances.contains { instance in
                    Mirror(reflecting: instance).children.contains { $0.label == label && isSet($0.value) }
                }
                #expect(set, "\(type).\(label) is not set in the full graph")
            }
        }
    }

    @Test("fmt writes and reloads the full graph field for field", arguments: ["full.yaml", "full.json"])
    func roundTrip(_ path: String) throws {
        let text = CanonicalWriter.write(fullGraph, syntax: path.hasSuffix(".json") ? .json : .yaml)
        let reloaded = GraphLoader.load(text: text, path: path)
        #expect(!reloaded.hasErrors, "\(reloaded.diagnostics.map(\.headline))")
        let graph = try #require(reloaded.graph)
        // Compared field by field through Mirror, so a field the hand-written == leaves out still counts.
        #expect(structure(graph) == structure(fullGraph))
        #expect(graph == fullGraph)
        #expect(try CanonicalWriter.canonicalText(of: reloaded) == text)
    }

    @Test("the structural comparison sees a change in a nested field")
    func structureSeesChanges() {
        var edges = fullGraph.edges
        edges[0].strength = .weak
        let changed = Graph(
            id: fullGraph.id, title: fullGraph.title, version: fullGraph.version, format: fullGraph.format,
            contexts: fullGraph.contexts, description: fullGraph.description,
            sources: fullGraph.sources, kinds: fullGraph.kinds, references: fullGraph.references, nodes: fullGraph.nodes,
            edges: edges, claims: fullGraph.claims)
        #expect(structure(changed) != structure(fullGraph))
        var located = fullGraph.nodes[0]
        located.location = SourceLocation(file: "f", line: 1, column: 1)
        #expect(structure(located) == structure(fullGraph.nodes[0]))
    }
}

@Suite("Golden files: line diffs")
struct LineDiffTests {
    @Test("a mismatch lists the differing lines with their numbers, not the two files")
    func lineDiff() {
        let diff = LineDiff(expected: "a\nb\nc\nd\n", actual: "a\nB\nc\nd\ne\n")
        #expect(diff.description == "-2: \"b\"\n+2: \"B\"\n+5: \"e\"")
        let outcome = Golden.Outcome.differs(diff)
        #expect(outcome.description.hasPrefix("differs from the golden file (- golden, + output):\n-2: \"b\""))
    }

    @Test("a long mismatch shows the first lines and counts the rest")
    func longDiff() {
        let expected = (1...50).map { "line \($0)" }.joined(separator: "\n")
        let actual = (1...50).map { "LINE \($0)" }.joined(separator: "\n")
        let diff = LineDiff(expected: expected, actual: actual)
        #expect(diff.lines.count == 100)
        #expect(diff.description.split(separator: "\n").count == LineDiff.shownLines + 1)
        #expect(diff.description.hasSuffix("… and 80 more differing lines"))
    }
}
