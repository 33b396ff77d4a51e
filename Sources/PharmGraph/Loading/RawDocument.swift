/// A value with the position it was read from.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

/// A graph file as read, before cross-checks: every field optional, every position kept,
/// so that checks can run on incomplete items and point at the exact field.
struct RawDocument {
    /// The `format:` version as written; `nil` when absent (format 1) or unreadable.
    var format: Located<Int>?
    /// Whether `format:` holds something that is not a version (already an error).
    var formatUnreadable = false
    /// Where `contexts:` is written, when it is: a graph that declares its contexts gets them checked.
    var contextsLocation: SourceLocation?
    var contexts: [RawContext] = []
    var id: Located<String>?
    var title: String?
    var version: String?
    var description: String?
    var sources: [String] = []
    var kinds: [Located<String>: String] = [:]
    var kindOrder: [Located<String>] = []
    var references: [RawReference] = []
    var nodes: [RawNode] = []
    var edges: [RawEdge] = []
    var claims: [RawClaim] = []
    var rootLocation: SourceLocation
}

extension Located: Hashable, Equatable where Value: Hashable {
    static func == (a: Located, b: Located) -> Bool { a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// One key-value entry of a mapping such as `context` or `where`, each with its position.
struct LocatedEntry {
    var key: Located<String>
    var value: Located<String>
}

/// The entries of a located mapping as a dictionary (a repeated key is a YAML error already).
func dictionary(_ entries: [LocatedEntry]) -> [String: String] {
    Dictionary(entries.map { ($0.key.value, $0.value.value) }, uniquingKeysWith: { a, _ in a })
}

/// One declaration under `contexts:`.
struct RawContext {
    var key: Located<String>
    var kind: Located<ContextDeclaration.Kind>?
    var values: [Located<String>] = []
    /// `nil` when `default` is absent.
    var defaults: [Located<String>]?
    var defaultsLocation: SourceLocation?
    var exposure: Located<Bool>?
    var description: String?
}

struct RawReference {
    var key: Located<String>
    var citation: String?
    var doi: String?
    var pmid: String?
    var url: String?
}

struct RawNode {
    var location: SourceLocation
    /// Fields present in the file, valid or not.
    var present: Set<String> = []
    var id: Located<String>?
    var label: String?
    var kind: Located<NodeKind>?
    var synonyms: [String] = []
    /// Cross-references with positions, in file order.
    var xrefEntries: [LocatedEntry] = []
    var xrefs: [String: String] { dictionary(xrefEntries) }
    var system: String?
    var description: String?
    var role: Located<DrugRole>?
    var valence: Located<Valence>?
    /// Whether `valence` was given a value (valid or not); `valence: ~` gives none.
    var valenceGiven = false
    /// The contexts in which an effect can occur, with positions.
    var context: [LocatedEntry] = []
    /// Where each field's name is written, for diagnostics about the field itself.
    var fieldLocations: [String: SourceLocation] = [:]
}

struct RawEdge {
    var location: SourceLocation
    var present: Set<String> = []
    var from: Located<String>?
    var relation: Located<Relation>?
    var to: Located<String>?
    var action: Located<Action>?
    var refs: [Located<String>] = []
    var evidence: String?
    var direct: Bool?
    var certainty: Certainty?
    var context: [String: String] = [:]
    /// `context` with positions, in file order.
    var contextEntries: [LocatedEntry] = []
    var strength: Strength?
    var exact: [Located<String>] = []
    var exposureOf: Located<String>?
    var lossOfFunction: Located<Bool>?
    var correlational: Located<Bool>?
    var importance: Located<Importance>?
    /// Where each field's name is written, for diagnostics about the field itself.
    var fieldLocations: [String: SourceLocation] = [:]
    var note: String?
}

struct RawClaim {
    var location: SourceLocation
    var present: Set<String> = []
    var from: Located<String>?
    var to: Located<String>?
    var expect: Verdict?
    var context: [String: String] = [:]
    /// `where` with positions, in file order.
    var contextEntries: [LocatedEntry] = []
    var via: Located<String>?
    var avoid: [Located<String>] = []
    var certainty: Located<Certainty>?
    var fieldLocations: [String: SourceLocation] = [:]
    var maxLength: Int?
    var refs: [Located<String>] = []
    var note: String?
}
