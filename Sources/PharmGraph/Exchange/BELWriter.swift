/// Writes a graph's signed causal edges as a BEL script that a BEL parser reads offline (docs/formats.md, "BEL").
///
/// Each namespace and annotation is defined `AS PATTERN ".*"`, so no resource is fetched. A node whose id is a
/// BEL abundance term (a graph read from BEL) is written as that term; any other node as `fn(PG:"id")`, the
/// function chosen by its kind, which `BELReader` reads back as node `id`.
public enum BELWriter {
    /// What was written: the script, and how many statements and edges it holds.
    public struct Output: Sendable, Equatable {
        public let text: String
        /// Statements written: one per signed edge and reference (BEL gives a statement one citation).
        public let statements: Int
        /// Signed edges written.
        public let edges: Int
        /// Edges not written, because their sign is not positive or negative.
        public let unsigned: Int
    }

    /// The evidence written for an edge that has none (a BEL parser requires evidence for each statement).
    public static let missingEvidence = "No evidence text in the source graph."

    /// The BEL script of `graph`.
    public static func write(_ graph: Graph) -> String { output(graph).text }

    /// The BEL script of `graph`, with its counts.
    public static func output(_ graph: Graph) -> Output {
        var terms: [String: String] = [:]
        var namespaces: Set<String> = [BELReader.nodeNamespace]
        for node in graph.nodes {
            let (term, used) = self.term(node)
            terms[node.id] = term
            namespaces.formUnion(used)
        }
        let signed = graph.edges.filter { $0.sign.isDefinite }
        var annotations: [String: String] = [:]
        for edge in signed {
            for key in edge.context.keys { annotations[annotationName(key)] = key }
        }
        var lines: [String] = []
        lines.append("# BEL script written by pharmgraph from graph '\(oneLine(graph.id))'.")
        lines.append("# The signed causal edges only; every namespace and annotation is a pattern, so that it reads offline.")
        let unsigned = graph.edges.count - signed.count
        if unsigned > 0 {
            let byRelation = Dictionary(grouping: graph.edges.filter { !$0.sign.isDefinite }, by: \.relation)
                .sorted { $0.key < $1.key }.map { "\($0.key.name) \($0.value.count)" }
            lines.append("# Not written: \(unsigned) edge\(unsigned == 1 ? "" : "s") without a definite sign (\(byRelation.joined(separator: ", "))).")
        }
        lines.append("")
        lines.append("SET DOCUMENT Name = \(quoted(graph.title.isEmpty ? graph.id : graph.title))")
        lines.append("SET DOCUMENT Version = \(quoted(graph.version.isEmpty ? "1.0.0" : graph.version))")
        if let description = graph.description { lines.append("SET DOCUMENT Description = \(quoted(description))") }
        // PyBEL requires both; a curated graph names neither.
        lines.append("SET DOCUMENT Authors = \(quoted(graph.sources.isEmpty ? "see the graph's references" : graph.sources.joined(separator: "; ")))")
        lines.append("SET DOCUMENT ContactInfo = \(quoted("none given (written by pharmgraph)"))")
        lines.append("")
        for namespace in namespaces.sorted() { lines.append("DEFINE NAMESPACE \(namespace) AS PATTERN \".*\"") }
        for annotation in annotations.keys.sorted() { lines.append("DEFINE ANNOTATION \(annotation) AS PATTERN \".*\"") }
        var statements = 0
        var set: Set<String> = []
        for edge in signed {
            guard let from = terms[edge.from], let to = terms[edge.to] else { continue }
            let statement = "\(from) \(relation(edge)) \(to)"
            let references = edge.refs.isEmpty ? [nil] : edge.refs.map { Optional($0) }
            for key in references {
                lines.append("")
                // Unset what the last statement had and this one has not, before the citation (PyBEL clears
                // annotations at a citation, and warns on unsetting one that is not set; BELReader keeps them).
                let names = Set(edge.context.keys.map(annotationName))
                for stale in set.subtracting(names).sorted() { lines.append("UNSET \(stale)") }
                set = names
                lines.append("SET Citation = \(citation(key.flatMap(graph.reference), key: key, graph: graph))")
                lines.append("SET Evidence = \(quoted(edge.evidence ?? missingEvidence))")
                for key in edge.context.keys.sorted() {
                    lines.append("SET \(annotationName(key)) = \(quoted(edge.context[key] ?? ""))")
                }
                lines.append(statement)
                statements += 1
            }
        }
        lines.append("")
        return Output(text: lines.joined(separator: "\n"), statements: statements, edges: signed.count, unsigned: unsigned)
    }

    /// The BEL relation of a signed edge.
    static func relation(_ edge: Edge) -> String {
        let positive = edge.sign == .positive
        if edge.correlational { return positive ? "positiveCorrelation" : "negativeCorrelation" }
        if edge.direct == true { return positive ? "directlyIncreases" : "directlyDecreases" }
        return positive ? "increases" : "decreases"
    }

    /// The BEL term of a node and the namespaces it uses: the id itself when it is an abundance term, else `fn(PG:"id")`.
    static func term(_ node: Node) -> (String, Set<String>) {
        if let term = abundanceTerm(node.id) { return (term.canonical, namespaces(of: term)) }
        return ("\(function(node.kind))(\(BELReader.nodeNamespace):\(BELArgument.quoted(node.id)))", [])
    }

    /// The id parsed as one BEL abundance term (`p(HGNC:AKT1)`), when it is one.
    static func abundanceTerm(_ id: String) -> BELTerm? {
        let lines = BELLine.lines(of: id)
        guard lines.count == 1, let tokens = try? lines[0].tokens() else { return nil }
        var stream = BELTokenStream(tokens: tokens, end: lines[0].scalars.count)
        guard let term = try? stream.term(), stream.atEnd, case .abundance? = BELFunction(named: term.function)?.role,
            known(term)
        else { return nil }
        return term
    }

    /// Whether every nested function of `term` is a BEL function.
    static func known(_ term: BELTerm) -> Bool {
        BELFunction(named: term.function) != nil
            && term.arguments.allSatisfy {
                if case let .term(inner) = $0 { return known(inner) }
                return true
            }
    }

    /// The namespaces a term names.
    static func namespaces(of term: BELTerm) -> Set<String> {
        var result: Set<String> = []
        for argument in term.arguments {
            switch argument {
            case let .term(inner): result.formUnion(namespaces(of: inner))
            case let .value(namespace?, _, _): result.insert(namespace)
            case .value(nil, _, _): break
            }
        }
        return result
    }

    /// The BEL function for a node kind: `a` for chemicals, `p` for proteins, `g`/`r`/`m` for nucleic acids,
    /// `complex`, `path` for conditions and `bp` for processes, pathways, effects and any other kind.
    static func function(_ kind: NodeKind) -> String {
        switch kind.rawValue {
        case "drug", "molecule", "chemical", "abundance": "a"
        case "receptor", "channel", "transporter", "enzyme", "protein": "p"
        case "gene": "g"
        case "rna": "r"
        case "mirna": "m"
        case "complex": "complex"
        case "condition", "disease": "path"
        default: "bp"
        }
    }

    /// `SET Citation`'s value: PubMed, else DOI, else URL; a reference with none of them, or an edge without
    /// references, is cited by its key as an `Other` citation.
    static func citation(_ reference: Reference?, key: String?, graph: Graph) -> String {
        if let pmid = reference?.pmid { return "{\"PubMed\", \(quoted(pmid))}" }
        if let doi = reference?.doi { return "{\"DOI\", \(quoted(doi))}" }
        if let url = reference?.url { return "{\"URL\", \(quoted(url))}" }
        return "{\"Other\", \(quoted(key ?? "pharmgraph:" + graph.id))}"
    }

    /// A context key as a BEL annotation name: letters, digits and `_` only.
    static func annotationName(_ key: String) -> String {
        var name = String(key.unicodeScalars.map { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) ? Character($0) : "_" })
        if name.first.map({ !$0.isLetter }) ?? true { name = "C" + name }
        return name
    }

    /// A BEL string: quoted, with `"` and `\` escaped and line breaks as spaces.
    static func quoted(_ text: String) -> String {
        "\"" + oneLine(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The text with each run of white space (line breaks included) as one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
