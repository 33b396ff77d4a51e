import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// Every claim of the curated graphs can fail: each is made to fail by the edit of the graph its
/// verdict rests on. The cases are generated from the files' claims, so a claim added later is covered.
///
/// Each claim is checked alone (the file's other claims set aside), and must hold to begin with. Then:
/// - a claim expecting `positive`, `negative`, `mixed` or `unknown` loses its **deciding edge**, again
///   until it fails. The deciding edge is an edge that every path of the verdict's top tier and sign
///   shares (structural hops aside; for `mixed` the deciding edges the verdict names, for `unknown`
///   the unsigned paths'), the first along the headline; else, when the paths share none (independent
///   mechanisms), the headline's first non-structural edge (else the first such path's): the drug's own
///   step into its leading mechanism. A claim resting on one shared edge fails at the first deletion;
///   one resting on several mechanisms fails once each is cut, within `maximumCuts` deletions.
/// - a `none` claim gets the edge whose absence it asserts, `from -activates-> to` (with `via`,
///   `from -> via` and `via -> to`), with no context. Where the target's own node context still
///   excludes it (hypnosis at a subanesthetic dose), the claim rests on that context, which is cleared too.
@Suite("Claim falsifiability")
struct ClaimFalsifiabilityTests {
    /// One claim of one curated file.
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let index: Int
        let label: String
        var testDescription: String { "\(file) claim \(index + 1): \(label)" }
    }

    /// The most deciding edges a claim may lose before it must have failed.
    static let maximumCuts = 40

    /// Every claim of the curated files.
    static let cases: [Case] = CuratedGraphTests.files.flatMap { file -> [Case] in
        guard let graph = loadGraph(Repository.path(file)).graph else { return [] }
        return graph.claims.enumerated().map { index, claim in
            let filter = claim.context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let label = "\(claim.from) -> \(claim.to) \(claim.expect.rawValue)" + (filter.isEmpty ? "" : " where \(filter)")
            return Case(file: file, index: index, label: label)
        }
    }

    @Test("the cases cover every claim of the curated files")
    func coverage() throws {
        for file in CuratedGraphTests.files {
            let graph = try #require(loadGraph(Repository.path(file)).graph)
            #expect(Self.cases.filter { $0.file == file }.count == graph.claims.count)
        }
        #expect(Self.cases.filter { $0.file == "Graphs/ketamine.yaml" }.count >= 40)
    }

    @Test("each claim fails once its deciding edge is deleted, or the edge it denies is added", arguments: cases)
    func falsifiable(_ item: Case) throws {
        let path = Repository.path(item.file)
        let original = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let full = try #require(loadGraph(path).graph)
        var lines = original
        for (index, claim) in full.claims.enumerated() where index != item.index {
            let line = try #require(claim.location?.line)
            lines[line - 1] = "  # (claim set aside)"
        }
        let start = try Self.load(lines, path: path)
        let claim = try #require(start.claims.first)
        #expect(Self.holds(start), "the claim does not hold to begin with")

        switch claim.expect {
        case .none:
            let edited = try Self.addDeniedEdges(lines, graph: start, claim: claim, path: path)
            #expect(!Self.holds(try Self.load(edited, path: path)), "the claim still holds with the edge it denies")
        case .positive, .negative, .mixed, .unknown:
            var cut: [String] = []
            var graph = start
            while Self.holds(graph), cut.count < Self.maximumCuts {
                guard let edge = try Self.decidingEdge(graph, claim: claim) else { break }
                let location = try #require(graph.edges[edge].location)
                cut.append("\(graph.edges[edge].from) -\(graph.edges[edge].relation.rawValue)-> \(graph.edges[edge].to)")
                lines[location.line - 1] = "  # (deciding edge deleted)"
                graph = try Self.load(lines, path: path)
            }
            #expect(!Self.holds(graph), "the claim still holds after deleting \(cut)")
            #expect(!cut.isEmpty)
        }
    }

    /// The graph of `lines`, which must load.
    static func load(_ lines: [String], path: String) throws -> Graph {
        let result = GraphLoader.load(text: lines.joined(separator: "\n"), path: path)
        return try #require(result.graph, "\(result.diagnostics.map(\.headline))")
    }

    /// Whether every claim of `graph` holds.
    static func holds(_ graph: Graph) -> Bool {
        ClaimVerifier.verify(graph).allSatisfy { $0.severity != .error }
    }

    /// The index in `graph.edges` of the claim's deciding edge (see the suite's comment); nil when no path decides.
    static func decidingEdge(_ graph: Graph, claim: Claim) throws -> Int? {
        let engine = PathEngine(graph: graph)
        let query = try #require(ClaimVerifier.query(for: claim, in: engine.network))
        var report = try engine.paths(query, limit: 10_000)
        try engine.assess(query, &report)
        guard let assessment = report.assessment else { return nil }
        let structural = { (edge: EdgeIndex) in graph.edges[edge].relation.isStructural }
        if assessment.verdict == .mixed, let edge = assessment.decidingEdges.first(where: { !structural($0) }) {
            return Int(edge.rawValue)
        }
        let sign: Sign
        switch assessment.verdict {
        case .positive, .mixed: sign = assessment.decidingSign ?? .positive
        case .negative: sign = .negative
        case .unknown: sign = .unknown
        case .none: return nil
        }
        let tier = { (path: NetworkPath) in path.edges.map { graph.edges[$0].effectiveCertainty }.max() ?? .established }
        let deciding = report.paths.filter { $0.sign == sign && (sign == .unknown || tier($0) == assessment.certainty) }
        guard let lead = assessment.headline.flatMap({ $0.sign == sign ? $0 : nil }) ?? deciding.first else { return nil }
        if report.paths.count == Int(report.counts.total) {
            var shared = Set(lead.edges.filter { !structural($0) })
            for path in deciding { shared.formIntersection(path.edges) }
            if let edge = lead.edges.first(where: shared.contains) { return Int(edge.rawValue) }
        }
        return lead.edges.first { !structural($0) }.map { Int($0.rawValue) }
    }

    /// `lines` with the edges the `none` claim denies added (and the target's node context cleared when it alone still excludes them).
    static func addDeniedEdges(_ lines: [String], graph: Graph, claim: Claim, path: String) throws -> [String] {
        let ref = try #require(claim.refs.first ?? graph.references.first?.key)
        let pairs = claim.via.map { [(claim.from, $0), ($0, claim.to)] } ?? [(claim.from, claim.to)]
        let claimsLine = try #require(lines.firstIndex(of: "claims:"))
        var edited = lines
        edited.insert(contentsOf: pairs.map { "  - {from: \($0.0), relation: activates, to: \($0.1), refs: [\(ref)]}" }, at: claimsLine)
        guard holds(try load(edited, path: path)) else { return edited }
        let target = try #require(graph.nodes.first { $0.id == claim.to })
        guard !target.context.isEmpty, let line = target.location?.line else { return edited }
        edited[line - 1] = edited[line - 1].replacingOccurrences(of: #", context: \{[^}]*\}"#, with: "", options: .regularExpression)
        return edited
    }
}
