/// A citation that edges refer to by key.
///
/// Equality compares meaning: the source location is ignored.
public struct Reference: Sendable, Equatable {
    /// The key edges use, e.g. `zanos2018`.
    public var key: String
    /// The full citation text.
    public var citation: String
    public var doi: String?
    public var pmid: String?
    public var url: String?
    public var location: SourceLocation?

    public init(
        key: String, citation: String, doi: String? = nil, pmid: String? = nil, url: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.key = key
        self.citation = citation
        self.doi = doi
        self.pmid = pmid
        self.url = url
        self.location = location
    }

    public static func == (a: Reference, b: Reference) -> Bool {
        a.key == b.key && a.citation == b.citation && a.doi == b.doi && a.pmid == b.pmid && a.url == b.url
    }
}
