/// The identifier namespaces `xrefs` knows, each with the pattern of its local ids.
///
/// Patterns follow identifiers.org and the Bioregistry (local ids, without the prefix);
/// names are matched case-insensitively, synonyms included.
public struct XrefNamespace: Sendable, Equatable {
    /// The preferred spelling, as `fmt` leaves it and the docs name it.
    public let name: String
    /// Other spellings of the same namespace (matched case-insensitively too).
    public let synonyms: [String]
    /// A regular expression the whole local id must match.
    public let pattern: String
    /// A valid id, for messages.
    public let example: String

    /// The namespaces, in the order the docs list them.
    public static let known: [XrefNamespace] = [
        .init(name: "CHEBI", synonyms: [], pattern: #"\d+"#, example: "6121"),
        .init(name: "DrugBank", synonyms: [], pattern: #"DB\d{5}"#, example: "DB01221"),
        .init(name: "MeSH", synonyms: [], pattern: #"[CD]\d{6,9}"#, example: "D007649"),
        .init(name: "HGNC", synonyms: [], pattern: #"\d{1,5}"#, example: "4584"),
        .init(name: "HGNC.symbol", synonyms: ["symbol", "gene_symbol"], pattern: #"[A-Za-z0-9][A-Za-z0-9\-@._]*"#, example: "GRIN1"),
        .init(
            name: "UniProt", synonyms: ["UniProtKB", "uniprot.kb"],
            pattern: #"([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})(-\d+)?"#,
            example: "Q05586"),
        .init(name: "GO", synonyms: [], pattern: #"\d{7}"#, example: "0007268"),
        .init(name: "DOID", synonyms: [], pattern: #"\d+"#, example: "1596"),
        .init(name: "PubChem", synonyms: ["pubchem.compound", "PubChem_CID", "CID"], pattern: #"\d+"#, example: "3821"),
        .init(name: "ChEMBL", synonyms: ["chembl.compound", "chembl.target"], pattern: #"CHEMBL\d+"#, example: "CHEMBL742"),
        .init(name: "NCBIGene", synonyms: ["Entrez", "EntrezGene", "ncbi.gene", "GeneID"], pattern: #"\d+"#, example: "2902"),
        .init(name: "Ensembl", synonyms: [], pattern: #"ENS[A-Z]*[EFGPRT]\d{11}(\.\d+)?"#, example: "ENSG00000176884"),
        .init(name: "MONDO", synonyms: [], pattern: #"\d{7}"#, example: "0002009"),
        .init(name: "HP", synonyms: ["HPO"], pattern: #"\d{7}"#, example: "0000716"),
        .init(name: "UMLS", synonyms: ["UMLS_CUI", "CUI"], pattern: #"C\d{7}"#, example: "C0022614"),
        .init(name: "KEGG.COMPOUND", synonyms: ["KEGG_COMPOUND"], pattern: #"C\d{5}"#, example: "C07525"),
        .init(name: "KEGG.DRUG", synonyms: ["KEGG_DRUG", "KEGG"], pattern: #"D\d{5}"#, example: "D08098"),
        .init(name: "CAS", synonyms: ["CAS_RN", "cas.rn"], pattern: #"\d{1,7}-\d{2}-\d"#, example: "6740-88-1"),
        .init(name: "UNII", synonyms: [], pattern: #"[A-Z0-9]{10}"#, example: "690G0D6V8H"),
        .init(name: "InChIKey", synonyms: [], pattern: #"[A-Z]{14}-[A-Z]{10}(-[A-Z])?"#, example: "YQEZLKZALYSWHR-UHFFFAOYSA-N"),
        .init(name: "RxNorm", synonyms: ["RXCUI"], pattern: #"\d+"#, example: "6130"),
        .init(name: "ATC", synonyms: [], pattern: #"[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?"#, example: "N01AX03"),
        .init(name: "Wikidata", synonyms: [], pattern: #"Q\d+"#, example: "Q243547"),
        .init(name: "IUPHAR.ligand", synonyms: ["GtoPdb", "iuphar", "IUPHAR_ligand"], pattern: #"\d+"#, example: "4233"),
        .init(name: "IUPHAR.receptor", synonyms: ["IUPHAR_receptor"], pattern: #"\d+"#, example: "455"),
        .init(name: "Reactome", synonyms: [], pattern: #"R-[A-Z]{3}-\d+(-\d+)?(\.\d+)?"#, example: "R-HSA-442755"),
        .init(name: "NCIT", synonyms: ["NCI"], pattern: #"[CRP]\d+"#, example: "C604"),
        .init(name: "EFO", synonyms: [], pattern: #"\d{7}"#, example: "0003761"),
        .init(name: "OMIM", synonyms: ["MIM"], pattern: #"[*#+%^]?\d{6}"#, example: "608516"),
        .init(name: "UBERON", synonyms: [], pattern: #"\d+"#, example: "0000955"),
        .init(name: "CL", synonyms: [], pattern: #"\d{7}"#, example: "0000540"),
        .init(name: "NCBITaxon", synonyms: ["taxonomy", "NCBITaxonomy"], pattern: #"\d+"#, example: "9606"),
        .init(name: "SNOMEDCT", synonyms: ["SNOMED", "SNOMED_CT", "SCTID"], pattern: #"\d{6,18}"#, example: "35489007"),
        .init(name: "PR", synonyms: [], pattern: #"\d{9}|[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2}"#, example: "000000001"),
    ]

    /// The namespace a name spells, ignoring case.
    public static func named(_ name: String) -> XrefNamespace? {
        let lowered = name.lowercased()
        return known.first { $0.name.lowercased() == lowered || $0.synonyms.contains { $0.lowercased() == lowered } }
    }

    /// Whether `id` is a well-formed local id in this namespace.
    public func accepts(_ id: String) -> Bool {
        guard let regex = try? Regex("^(?:" + pattern + ")$") else { return false }
        return id.wholeMatch(of: regex) != nil
    }

    /// For an id written with its own prefix (`CHEBI:6121` under `CHEBI`), the local id.
    public func unprefixed(_ id: String) -> String? {
        for spelling in [name] + synonyms {
            let prefix = spelling.lowercased() + ":"
            if id.lowercased().hasPrefix(prefix) { return String(id.dropFirst(prefix.count)) }
        }
        return nil
    }
}
