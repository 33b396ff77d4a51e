import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// One row of the README's flattened signed edge list (`small_corpus.signed-edges.tsv`).
private struct FlatRow {
    let subject: String
    let relation: String
    let sign: Int
    let object: String
}

/// The Selventa small corpus read by our BEL reader, against the flattened signed edge list its README documents;
/// docs/formats.md ("BEL") explains every difference these counts show.
@Suite(
    "Selventa small corpus: our BEL reading against the README's flattened edge list",
    .enabled(if: Repository.sharedData != nil, "../shared/data is absent: the Selventa corpus comparison needs it"))
struct BELCorpusTests {
    private static var directory: String { Repository.sharedData! + "/selventa-small-corpus" }

    private func corpus() throws -> LoadResult {
        let path = Self.directory + "/small_corpus.bel"
        return BELReader.load(data: try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    }

    private func flatRows() throws -> [FlatRow] {
        let text = try String(contentsOfFile: Self.directory + "/small_corpus.signed-edges.tsv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return FlatRow(subject: cells[0], relation: cells[2], sign: Int(cells[3]) ?? 0, object: cells[4])
        }
    }

    @Test("statements: every one is read or reported; the counts of what is not read")
    func statements() throws {
        let result = try corpus()
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.headline))")
        let summary = result.diagnostics.filter { $0.line == nil }.map(\.message)
        #expect(
            summary == [
                "258 statements not read: 228 nested statements, 15 function rxn, 4 relation hasComponent, 4 relation subProcessOf, "
                    + "3 relation hasMember, 2 relation isA, 2 relation prognosticBiomarkerFor"
            ])
        // One positioned warning per statement not read.
        #expect(result.diagnostics.filter { $0.message.hasSuffix("statement skipped") }.count == 258)
        let graph = try #require(result.graph)
        #expect(graph.references.count == 57)
        #expect(graph.edges.allSatisfy { $0.refs.count == 1 && $0.evidence != nil })
        // 2,066 statements: 1,688 edges, 258 not read, 120 terms alone (read as nodes).
        #expect(graph.edges.count == 1688)
    }

    @Test("edges by sign: the README's rows, less rxn, deg turned around, correlations signed")
    func edgesBySign() throws {
        let graph = try #require(try corpus().graph)
        let rows = try flatRows()
        #expect(rows.count == 1716)
        let readRelations: Set<String> = [
            "increases", "directlyIncreases", "decreases", "directlyDecreases", "positiveCorrelation", "negativeCorrelation",
            "association", "causesNoChange",
        ]
        let read = rows.filter { readRelations.contains($0.relation) }
        let rxn = read.filter { $0.subject.contains("rxn(") || $0.object.contains("rxn(") }
        let kept = read.filter { !($0.subject.contains("rxn(") || $0.object.contains("rxn(")) }
        #expect(read.count == 1701)
        #expect(rxn.count == 13)
        // Our edges are the README's rows of the relations we read, less the 13 with a reaction term.
        #expect(graph.edges.count == kept.count)
        let turned = kept.filter { $0.sign != 0 && $0.subject.contains("deg(") != $0.object.contains("deg(") }
        let turnedPositive = turned.filter { $0.sign == 1 }.count
        let turnedNegative = turned.filter { $0.sign == -1 }.count
        #expect((turnedPositive, turnedNegative) == (24, 4))
        let rxnPositive = rxn.filter { $0.sign == 1 }.count
        let rxnNegative = rxn.filter { $0.sign == -1 }.count
        #expect((rxnPositive, rxnNegative) == (12, 1))
        let positiveCorrelations = rows.filter { $0.relation == "positiveCorrelation" }.count
        let negativeCorrelations = rows.filter { $0.relation == "negativeCorrelation" }.count
        let flatPositive = rows.filter { $0.sign == 1 }.count
        let flatNegative = rows.filter { $0.sign == -1 }.count
        #expect((flatPositive, flatNegative) == (1212, 327))
        let positive = graph.edges.filter { $0.sign == .positive }.count
        let negative = graph.edges.filter { $0.sign == .negative }.count
        #expect(positive == flatPositive - rxnPositive - turnedPositive + turnedNegative + positiveCorrelations)
        #expect(negative == flatNegative - rxnNegative + turnedPositive - turnedNegative + negativeCorrelations)
        #expect((positive, negative) == (1254, 370))
        #expect(graph.edges.filter { $0.correlational && $0.sign.isDefinite }.count == positiveCorrelations + negativeCorrelations)
        #expect(graph.edges.filter { $0.sign == .unknown }.count == 10)
        #expect(graph.edges.filter { $0.sign == .none }.count == 54)
    }

    @Test("nodes: the README's terms with activities, transformations and spelling folded onto their abundance")
    func nodes() throws {
        let graph = try #require(try corpus().graph)
        let rows = try flatRows()
        let causal = rows.filter { $0.sign != 0 }
        let flatNodes = Set(causal.flatMap { [$0.subject, $0.object] })
        #expect(flatNodes.count == 1057)
        let kept = rows.filter {
            $0.relation != "subProcessOf" && !["hasComponent", "hasMember", "isA", "prognosticBiomarkerFor"].contains($0.relation)
                && !($0.subject.contains("rxn(") || $0.object.contains("rxn("))
        }
        // Every README term reads as one of our nodes.
        let mapped = Set(kept.flatMap { [$0.subject, $0.object] }.compactMap(BELScriptState.nodeID(ofTerm:)))
        let onEdges = Set(graph.edges.flatMap { [$0.from, $0.to] })
        #expect(mapped == onEdges)
        let causalMapped = Set(
            causal.filter { !($0.subject.contains("rxn(") || $0.object.contains("rxn(")) }
                .flatMap { [$0.subject, $0.object] }.compactMap(BELScriptState.nodeID(ofTerm:)))
        let isolated = graph.nodes.filter { !onEdges.contains($0.id) }.count
        print(
            "BEL corpus nodes: README causal terms \(flatNodes.count); folded \(causalMapped.count); on our edges \(onEdges.count);"
                + " isolated (terms alone) \(isolated); total \(graph.nodes.count)")
        #expect(graph.nodes.count == onEdges.count + isolated)
        #expect(graph.nodes.count == 1102)
    }
}
