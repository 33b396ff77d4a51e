import ArgumentParser
import PharmGraph

extension CitationExport.Style: ExpressibleByArgument {}

/// `paths --cite`: the references behind a verdict's paths, printed in place of the report (docs/cli.md).
enum PathCitations {
    /// Prints the bibliography of the paths the verdict rests on (every such path, up to `Paths.largestCount`) on stdout,
    /// and the report's summary with the number of references on stderr.
    static func write(_ style: CitationExport.Style, query: PathQuery, verdict: Verdict, engine: PathEngine, summary: String) throws {
        let all = try QueryInput.run { () throws(PathEngine.QueryError) in try engine.paths(query, limit: Paths.largestCount) }
        let supporting = CitationExport.supporting(all.paths, verdict: verdict)
        let references = CitationExport.references(on: supporting, in: engine.network)
        Console.out(CitationExport.write(references, style: style))
        var note = "\(references.count) references cited by the \(supporting.count) \(verdict.rawValue == "mixed" ? "signed" : verdict.rawValue) paths"
        if all.partial { note += " found before the search stopped (partial)" }
        Console.error(summary + "cited: \(note)\n")
    }
}
