import Foundation

/// The data a viewer page embeds (`pharmgraph-viewer/2`, docs/viewer.md): the graph's nodes, edges,
/// references, claims and contexts, and the path engine's answers for every drug × effect/condition pair,
/// each distinct path and each distinct answer stored once.
public struct ViewerData: Encodable, Sendable {
    /// The schema name the page's JSON carries as `format`.
    public static let format = "pharmgraph-viewer/2"
    /// The most paths stored per pair and context; `total` counts them all.
    public static let pathLimit = 1_000

    var format = ViewerData.format
    var graph: Header
    var nodes: [NodeJSON]
    var edges: [EdgeJSON]
    var references: [String: ReferenceJSON]
    var claims: [ClaimJSON]
    var contexts: [String: ContextJSON]
    /// The context keys in declared order (JSON objects have none).
    var contextOrder: [String]
    /// Every distinct path kept, as edge indices, once whatever the pairs and contexts that share it.
    var paths: [[Int]]
    /// Every distinct answer, its paths as indices into `paths`, once whatever the pairs and contexts that share it.
    var answers: [PairJSON]
    /// By context (`""` for none, else `key=value`), then by `FROM\tTO`: the index of the pair's answer in `answers`.
    var pairs: [String: [String: Int]]
    var maxLength: Int
    /// For a diff page: what happened to each node and edge.
    var diff: ViewerDiff?

    /// The number of nodes the page draws.
    public var nodeCount: Int { nodes.count }

    enum CodingKeys: String, CodingKey {
        case format, graph, nodes, edges, references, claims, contexts, paths, answers, pairs, diff
        case contextOrder = "context_order"
        case maxLength = "max_length"
    }

    struct Header: Encodable, Sendable {
        var id: String
        var title: String
        var version: String
    }

    struct NodeJSON: Encodable, Sendable {
        var id: String
        var label: String
        var kind: String
        var system: String?
        var synonyms: [String]?
        var xrefs: [String: String]?
        var description: String?
        var role: String?
        var valence: String?
    }

    struct EdgeJSON: Encodable, Sendable {
        var i: Int
        var from: String
        var to: String
        var relation: String
        var sign: String
        var certainty: String
        var strength: String?
        var action: String?
        var context: [String: String]
        var refs: [String]
        var evidence: String?
        var note: String?
        var lossOfFunction: Bool?
        var correlational: Bool?

        enum CodingKeys: String, CodingKey {
            case i, from, to, relation, sign, certainty, strength, action, context, refs, evidence, note, correlational
            case lossOfFunction = "loss_of_function"
        }
    }

    struct ReferenceJSON: Encodable, Sendable {
        var citation: String
        var doi: String?
        var pmid: String?
        /// Only for a reference without a DOI (the page links DOIs alone and shows a URL as text).
        var url: String?
    }

    struct ClaimJSON: Encodable, Sendable {
        var from: String
        var to: String
        var expect: String
        var context: [String: String]
        var via: String?
        var certainty: String?
    }

    struct ContextJSON: Encodable, Sendable {
        var type: String
        var values: [String]
        var description: String?
        /// Per value: the edges `--where key=value` leaves out.
        var removed: [String: [Int]]
    }

    /// One pair's answer, as `paths FROM TO --where …` gives it.
    struct PairJSON: Encodable, Sendable, Hashable {
        /// The tiered verdict, as `paths --format json`'s `verdict`.
        var verdict: String
        /// The verdict's short phrase, as `paths --format json`'s `reading`.
        var reading: String
        /// The reading line of `paths`' text.
        var sentence: String
        var certainty: String?
        var counts: SignCounts
        var total: Int
        var partial: Bool
        /// Each path kept (at most `pathLimit`), shortest first, as its index in the data's `paths`.
        var paths: [Int]
        /// Each kept path's net sign.
        var signs: String

        func hash(into hasher: inout Hasher) {
            hasher.combine(sentence)
            hasher.combine(paths)
            hasher.combine(signs)
        }
    }

    /// The path and answer tables being filled: each distinct path and answer gets one index, in order of first use.
    struct Tables {
        var paths: [[Int]] = []
        var pathIndex: [[Int]: Int] = [:]
        var answers: [PairJSON] = []
        var answerIndex: [PairJSON: Int] = [:]

        /// The index of `path` (edge indices) in `paths`, adding it if new.
        mutating func path(_ path: [Int]) -> Int {
            if let known = pathIndex[path] { return known }
            paths.append(path)
            pathIndex[path] = paths.count - 1
            return paths.count - 1
        }

        /// The index of `answer` in `answers`, adding it if new.
        mutating func answer(_ answer: PairJSON) -> Int {
            if let known = answerIndex[answer] { return known }
            answers.append(answer)
            answerIndex[answer] = answers.count - 1
            return answers.count - 1
        }
    }

    /// The data of `graph`: every drug × effect/condition pair with a path of at most `maxLength` edges,
    /// searched without a context filter and under each declared `key=value`, with `limits` per search.
    public init(graph: Graph, maxLength: Int = PathQuery.defaultMaxLength, limits: SearchLimits = .standard) throws(PathEngine.QueryError) {
        try self.init(graph: graph, searching: graph, maxLength: maxLength, limits: limits)
    }

    /// The data of `graph` with the paths of `searched`, whose edges are the first of `graph`'s (a diff's new graph).
    init(graph: Graph, searching searched: Graph, maxLength: Int, limits: SearchLimits) throws(PathEngine.QueryError) {
        self.graph = Header(id: graph.id, title: graph.title, version: graph.version)
        nodes = graph.nodes.map(Self.node)
        edges = graph.edges.enumerated().map(Self.edge)
        references = Dictionary(
            graph.references.map { ($0.key, ReferenceJSON(citation: $0.citation, doi: $0.doi, pmid: $0.pmid, url: $0.doi == nil ? $0.url : nil)) }
        ) { a, _ in a }
        claims = graph.claims.map {
            ClaimJSON(from: $0.from, to: $0.to, expect: $0.expect.rawValue, context: $0.context, via: $0.via, certainty: $0.certainty?.rawValue)
        }
        self.maxLength = maxLength
        let declared = Self.contextKeys(of: graph)
        contextOrder = declared.map(\.key)
        var contexts: [String: ContextJSON] = [:]
        var filters: [(name: String, filter: ContextFilter)] = [("", ContextFilter())]
        for (key, type, values, description) in declared {
            var removed: [String: [Int]] = [:]
            for value in values {
                let filter = ContextFilter([key: value])
                let kept = Set(filter.admittedEdges(of: graph))
                removed[value] = graph.edges.indices.filter { !kept.contains($0) }
                filters.append(("\(key)=\(value)", filter))
            }
            contexts[key] = ContextJSON(type: type, values: values, description: description, removed: removed)
        }
        self.contexts = contexts
        let engine = PathEngine(network: Network(searched))
        var tables = Tables()
        var pairs: [String: [String: Int]] = [:]
        for (name, filter) in filters {
            pairs[name] = try Self.pairs(engine: engine, maxLength: maxLength, filter: filter, limits: limits, tables: &tables)
        }
        self.pairs = pairs
        paths = tables.paths
        answers = tables.answers
    }

    /// The declared context keys in file order, then any key edges use undeclared (categorical, values sorted).
    static func contextKeys(of graph: Graph) -> [(key: String, type: String, values: [String], description: String?)] {
        var out = graph.contexts.map { ($0.key, $0.kind.rawValue, $0.values, $0.description) }
        var used: [String: Set<String>] = [:]
        for edge in graph.edges {
            for (key, value) in edge.context where graph.context(key) == nil { used[key, default: []].insert(value) }
        }
        for key in used.keys.sorted() {
            out.append((key, ContextDeclaration.Kind.categorical.rawValue, used[key]!.sorted(), nil))
        }
        return out
    }

    /// Every drug × effect/condition pair with a path under `filter`, answered as `paths` answers it: the index
    /// of its answer in `tables`.
    static func pairs(
        engine: PathEngine, maxLength: Int, filter: ContextFilter, limits: SearchLimits, tables: inout Tables
    ) throws(PathEngine.QueryError) -> [String: Int] {
        let network = engine.network
        let kinds = network.graph?.nodes.map(\.kind) ?? []
        let drugs = kinds.indices.filter { kinds[$0] == .drug }.map { NodeIndex(Int32($0)) }
        let targets = kinds.indices.filter { NodeSelector.effectKinds.contains(kinds[$0]) }.map { NodeIndex(Int32($0)) }
        guard !targets.isEmpty else { return [:] }
        let traversal = TraversalOptions(filter: filter)
        var out: [String: Int] = [:]
        for drug in drugs {
            var reach = PathQuery(sources: [drug], targets: targets, maxLength: maxLength, traversal: traversal)
            limits.apply(to: &reach)
            let (reports, stopped) = try engine.reach(reach)
            // A reach that stopped early may have missed targets: then every target is asked.
            let asked = stopped ? targets : reports.map(\.target).sorted { $0.rawValue < $1.rawValue }
            for target in asked where target != drug {
                var query = PathQuery(sources: [drug], targets: [target], maxLength: maxLength, traversal: traversal)
                limits.apply(to: &query)
                var result = try engine.paths(query, limit: pathLimit)
                guard result.counts.total > 0 || result.partial else { continue }
                try engine.assess(query, &result, detail: true, shortest: false)
                try engine.assessFeedback(query, report: &result)
                let report = PathsReport(network: network, query: query, result: result, shown: pathLimit, provenance: Provenance(inputs: []))
                let json = report.json
                let answer = PairJSON(
                    verdict: json.verdict, reading: json.reading, sentence: report.readingLine,
                    certainty: result.partial ? nil : result.assessment?.certainty?.rawValue, counts: result.counts,
                    total: result.counts.total, partial: result.partial,
                    paths: report.shown.map { tables.path($0.edges.map { Int($0.rawValue) }) },
                    signs: report.shown.map(\.sign.symbol).joined())
                out[network.nodeIDs[drug] + "\t" + network.nodeIDs[target]] = tables.answer(answer)
            }
        }
        return out
    }

    static func node(_ node: Node) -> NodeJSON {
        NodeJSON(
            id: node.id, label: node.displayLabel, kind: node.kind.rawValue, system: node.system,
            synonyms: node.synonyms.isEmpty ? nil : node.synonyms, xrefs: node.xrefs.isEmpty ? nil : node.xrefs,
            description: node.description, role: node.role?.rawValue, valence: node.valence?.rawValue)
    }

    static func edge(_ i: Int, _ edge: Edge) -> EdgeJSON {
        EdgeJSON(
            i: i, from: edge.from, to: edge.to, relation: edge.relation.rawValue, sign: edge.sign.rawValue,
            certainty: edge.effectiveCertainty.rawValue, strength: edge.strength?.rawValue, action: edge.action?.name,
            context: edge.context, refs: edge.refs, evidence: edge.evidence, note: edge.note,
            lossOfFunction: edge.lossOfFunction ? true : nil, correlational: edge.correlational ? true : nil)
    }

    /// The JSON text, safe inside `<script type="application/json">`: `<`, `>`, `&`, `/`, U+2028 and U+2029
    /// are written as escapes, so no data can close the element or start markup.
    public func scriptText() throws(EncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(self, EncodingError.Context(codingPath: [], debugDescription: "\(error)"))
        }
        return Self.scriptSafe(String(decoding: data, as: UTF8.self))
    }

    /// JSON text with every character that could end a script element or a JS string escaped as `\uXXXX`.
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(json.unicodeScalars.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
