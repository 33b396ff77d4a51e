/// BibTeX and RIS for references: a graph's, or those behind a verdict's paths (docs/formats.md, "BibTeX and RIS").
///
/// A reference's citation is free text: the entry keeps it whole (BibTeX `note`, RIS `N1`) and, when it reads
/// as `Authors (Year). Title. Rest`, also gives author, year and title fields.
public enum CitationExport {
    /// The two bibliography formats.
    public enum Style: String, Sendable, CaseIterable {
        case bibtex
        case ris
    }

    /// The references in `style`, in the order given.
    public static func write(_ references: [Reference], style: Style) -> String {
        switch style {
        case .bibtex: bibtex(references)
        case .ris: ris(references)
        }
    }

    /// Every reference of a graph, in file order.
    public static func write(_ graph: Graph, style: Style) -> String { write(graph.references, style: style) }

    /// The references an edge list cites, each once, in the order first cited; keys the graph does not define are skipped
    /// (the loader reports them as errors, so a loaded graph has none).
    public static func references(citedBy edges: [Edge], in graph: Graph) -> [Reference] {
        var seen = Set<String>()
        var references: [Reference] = []
        for key in edges.flatMap(\.refs) where seen.insert(key).inserted {
            if let reference = graph.reference(key) { references.append(reference) }
        }
        return references
    }

    // MARK: Parts of a citation

    /// The authors, year and title of an `Authors (Year). Title. Rest` citation, when it has that shape.
    struct Parts: Equatable {
        var authors: [String]
        var year: String
        var title: String?
    }

    static func parts(of citation: String) -> Parts? {
        guard let open = citation.range(of: " ("), let close = citation[open.upperBound...].range(of: ")") else { return nil }
        let year = String(citation[open.upperBound..<close.lowerBound])
        guard year.count >= 4, year.prefix(4).allSatisfy(\.isNumber), year.dropFirst(4).allSatisfy(\.isLetter) else { return nil }
        let authorText = String(citation[..<open.lowerBound])
        var authors: [String] = []
        // "A, B. C., D, E. & F, G." — a surname, its initials, separated by ", " before the next surname, or " & ".
        for group in authorText.components(separatedBy: " & ") {
            var pieces = group.components(separatedBy: ", ").filter { !$0.isEmpty }
            while pieces.count >= 2 {
                authors.append(pieces[0] + ", " + pieces[1])
                pieces.removeFirst(2)
            }
            authors += pieces
        }
        var rest = citation[close.upperBound...]
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        var title: String?
        if let end = rest.range(of: ". ") {
            title = String(rest[..<end.lowerBound])
        } else if !rest.isEmpty {
            title = String(rest.hasSuffix(".") ? rest.dropLast() : rest)
        }
        return Parts(authors: authors, year: String(year.prefix(4)), title: title?.isEmpty == true ? nil : title)
    }

    // MARK: BibTeX

    /// A BibTeX key for a reference key: characters BibTeX keys cannot hold become `-`; a clash gets `-2`, `-3`, ….
    static func bibtexKeys(_ references: [Reference]) -> [String] {
        var used = Set<String>()
        return references.map { reference in
            let base = String(reference.key.map { $0.isWhitespace || ",{}()=#%\"'~\\".contains($0) ? "-" : $0 })
            var key = base.isEmpty ? "ref" : base
            var n = 2
            while !used.insert(key).inserted {
                key = "\(base)-\(n)"
                n += 1
            }
            return key
        }
    }

    static func bibtex(_ references: [Reference]) -> String {
        zip(references, bibtexKeys(references)).map { reference, key in
            var fields: [(String, String)] = []
            if let parts = parts(of: reference.citation) {
                if !parts.authors.isEmpty { fields.append(("author", parts.authors.map(bibtexText).joined(separator: " and "))) }
                if let title = parts.title { fields.append(("title", "{" + bibtexText(title) + "}")) }
                fields.append(("year", parts.year))
            }
            fields.append(("note", bibtexText(reference.citation)))
            if let doi = reference.doi { fields.append(("doi", bibtexVerbatim(doi))) }
            if let pmid = reference.pmid {
                fields.append(("pmid", bibtexVerbatim(pmid)))
                fields.append(("eprint", bibtexVerbatim(pmid)))
                fields.append(("eprinttype", "pubmed"))
            }
            if let url = reference.url { fields.append(("url", bibtexVerbatim(url))) }
            let body = fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
            return "@misc{\(key),\n\(body)\n}\n"
        }.joined(separator: "\n")
    }

    /// Text with BibTeX's and LaTeX's special characters escaped, so that braces stay balanced.
    public static func bibtexText(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "%", "&", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case _ where character.isNewline: out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A DOI, PMID or URL, verbatim but for braces and backslashes (percent-encoded) and line breaks (dropped),
    /// which would unbalance or end the field.
    static func bibtexVerbatim(_ text: String) -> String {
        var out = ""
        for character in text where !character.isNewline {
            switch character {
            case "{": out += "%7B"
            case "}": out += "%7D"
            case "\\": out += "%5C"
            default: out.append(character)
            }
        }
        return out
    }

    // MARK: RIS

    static func ris(_ references: [Reference]) -> String {
        references.map { reference in
            var tags: [(String, String)] = [("TY", "GEN"), ("ID", reference.key)]
            if let parts = parts(of: reference.citation) {
                tags += parts.authors.map { ("AU", $0) }
                tags.append(("PY", parts.year))
                if let title = parts.title { tags.append(("TI", title)) }
            }
            tags.append(("N1", reference.citation))
            if let doi = reference.doi { tags.append(("DO", doi)) }
            if let pmid = reference.pmid { tags.append(("AN", "PMID:" + pmid)) }
            if let url = reference.url { tags.append(("UR", url)) }
            tags.append(("ER", ""))
            return tags.map { "\($0.0)  - \(risValue($0.1))" }.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// A RIS value on one line: line breaks become spaces.
    static func risValue(_ text: String) -> String { String(text.map { $0.isNewline ? " " : $0 }) }
}

extension CitationExport {
    /// The paths a verdict rests on: those of its sign (positive and negative for mixed; unknown for unknown).
    public static func supporting(_ paths: [NetworkPath], verdict: Verdict) -> [NetworkPath] {
        paths.filter { path in
            switch verdict {
            case .positive: path.sign == .positive
            case .negative: path.sign == .negative
            case .mixed: path.sign.isDefinite
            case .unknown: path.sign == .unknown
            case .none: false
            }
        }
    }

    /// The references cited by the edges of `paths`, each once, in order of first citation: a curated graph's
    /// references, or an imported table's `PMID:…` and `doi:…` entries as references of their own.
    public static func references(on paths: [NetworkPath], in network: Network) -> [Reference] {
        var seen = Set<String>()
        var references: [Reference] = []
        for edge in paths.flatMap(\.edges) {
            for key in network.refs(of: edge.rawValue) where seen.insert(key).inserted {
                if let graph = network.graph {
                    if let reference = graph.reference(key) { references.append(reference) }
                } else if key.hasPrefix("PMID:") {
                    let pmid = String(key.dropFirst(5))
                    references.append(Reference(key: "pmid" + pmid, citation: "PubMed \(pmid)", pmid: pmid, url: "https://pubmed.ncbi.nlm.nih.gov/\(pmid)/"))
                } else if key.hasPrefix("doi:") {
                    let doi = String(key.dropFirst(4))
                    references.append(Reference(key: "doi:" + doi, citation: "doi:\(doi)", doi: doi, url: "https://doi.org/\(doi)"))
                }
            }
        }
        return references
    }
}
