/// A value with the position it was read from.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

/// A graph file as read, before cross-checks: every field optional, every position kept,
/// so that checks can run on incomplete items and point at the exact field.
struct RawDocument {
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
    var xrefs: [String: String] = [:]
    var system: String?
    var description: String?
    var role: Located<DrugRole>?
    var valence: Located<Valence>?
    /// Whether `valence` was given a value (valid or not); `valence: ~` gives none.
    var valenceGiven = false
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
    var strength: Strength?
    var note: String?
}

struct RawClaim {
    var location: SourceLocation
    var present: Set<String> = []
    var from: Located<String>?
    var to: Located<String>?
    var expect: Verdict?
    var context: [String: String] = [:]
    var via: Located<String>?
    var maxLength: Int?
    var refs: [Located<String>] = []
    var note: String?
}
