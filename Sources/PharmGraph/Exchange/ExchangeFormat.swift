/// The formats `pharmgraph export` and `convert` write (docs/formats.md).
///
/// Other writers add a case at the end and one line in `ExchangeFormat.export(_:)`.
public enum ExchangeFormat: String, Sendable, CaseIterable {
    /// The curated YAML format, canonical (`fmt`'s writer).
    case yaml
    /// The curated format's JSON syntax, canonical.
    case json
    /// GraphML with typed keys (networkx, Cytoscape, yEd, Gephi).
    case graphml
    /// Cytoscape.js JSON: `elements` with `data`, and a `style` derived from the diagram's glyphs.
    case cyjs
    /// CX2 for NDEx.
    case cx2
    /// A Mermaid flowchart for Markdown.
    case mermaid
    /// A directory for Cytoscape: `network.sif`, `nodes.tsv` and `edges.tsv` attribute tables.
    case sif
    /// A BEL script of the signed causal edges, with citations, evidence and annotations (docs/formats.md, "BEL").
    case bel
    /// A directory for `neo4j-admin database import`: `nodes.csv`, `relationships.csv`, `import.cypher`, `README.txt`.
    case neo4j
    /// The graph's references as BibTeX.
    case bibtex
    /// The graph's references as RIS.
    case ris

    /// The format a file name's extension tells, when it tells one: `.yaml`/`.yml`, `.json` (the curated
    /// format's JSON), `.graphml`, `.cyjs`, `.cx2`, `.mmd`/`.mermaid`, `.bel`, `.bib`/`.bibtex`, `.ris`; `nil` otherwise (`sif` and
    /// `neo4j` write a directory, whose name tells nothing).
    public init?(fileName: String) {
        let name = fileName.lowercased()
        let table: [(String, ExchangeFormat)] = [
            (".yaml", .yaml), (".yml", .yaml), (".json", .json), (".graphml", .graphml), (".cyjs", .cyjs),
            (".cx2", .cx2), (".mmd", .mermaid), (".mermaid", .mermaid), (".bel", .bel),
            (".bib", .bibtex), (".bibtex", .bibtex), (".ris", .ris),
        ]
        guard let match = table.first(where: { name.hasSuffix($0.0) }) else { return nil }
        self = match.1
    }

    /// Whether the format is several files written into a directory.
    public var isDirectory: Bool {
        switch self {
        case .sif, .neo4j: true
        case .yaml, .json, .graphml, .cyjs, .cx2, .mermaid, .bel, .bibtex, .ris: false
        }
    }

    /// The graph written in this format.
    public func export(_ graph: Graph) -> ExchangeOutput {
        switch self {
        case .yaml: .file(CanonicalWriter.write(graph, syntax: .yaml))
        case .json: .file(CanonicalWriter.write(graph, syntax: .json))
        case .graphml: .file(GraphMLWriter.write(graph))
        case .cyjs: .file(CytoscapeJSON.write(graph))
        case .cx2: .file(CX2Writer.write(graph))
        case .mermaid: .file(MermaidWriter.write(graph))
        case .sif: .directory(SIFTables.write(graph))
        case .bel: .file(BELWriter.write(graph))
        case .neo4j: .directory(Neo4jExport.write(graph).map { ExchangeFile(name: $0.name, text: $0.text) })
        case .bibtex: .file(CitationExport.write(graph.references, style: .bibtex))
        case .ris: .file(CitationExport.write(graph.references, style: .ris))
        }
    }
}

/// What an export produced: one file's text, or named files for a directory.
public enum ExchangeOutput: Sendable, Equatable {
    case file(String)
    case directory([ExchangeFile])

    /// Whether the output is several files for a directory.
    public var isDirectory: Bool {
        if case .directory = self { return true }
        return false
    }
}

/// One file of a directory output: its fixed name and its text.
public struct ExchangeFile: Sendable, Equatable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
