/// A field value in the canonical writers' intermediate form.
enum FieldValue: Equatable {
    case text(String)
    case bool(Bool)
    case integer(Int)
    case list([String])
    /// Key-value pairs, already sorted by key.
    case map([(String, String)])

    static func == (a: FieldValue, b: FieldValue) -> Bool {
        switch (a, b) {
        case let (.text(x), .text(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.list(x), .list(y)): x == y
        case let (.map(x), .map(y)): x.elementsEqual(y) { $0 == $1 }
        default: false
        }
    }
}

/// An item's fields in canonical order, absent optional fields left out.
typealias CanonicalFields = [(name: String, value: FieldValue)]

private func sortedPairs(_ map: [String: String]) -> [(String, String)] {
    map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}

private struct FieldBuilder {
    var fields: CanonicalFields = []
    mutating func add(_ name: String, _ value: String?) { if let value { fields.append((name, .text(value))) } }
    mutating func add(_ name: String, _ value: Bool?) { if let value { fields.append((name, .bool(value))) } }
    mutating func add(_ name: String, _ value: Int?) { if let value { fields.append((name, .integer(value))) } }
    mutating func add(_ name: String, list: [String]) { if !list.isEmpty { fields.append((name, .list(list))) } }
    mutating func add(_ name: String, map: [String: String]) {
        if !map.isEmpty { fields.append((name, .map(sortedPairs(map)))) }
    }
}

extension Reference {
    var canonicalFields: CanonicalFields {
        var b = FieldBuilder()
        b.add("citation", citation)
        b.add("doi", doi)
        b.add("pmid", pmid)
        b.add("url", url)
        return b.fields
    }
}

extension ContextDeclaration {
    var canonicalFields: CanonicalFields {
        var b = FieldBuilder()
        b.add("type", kind.rawValue)
        b.add("values", list: values)
        if let defaults { b.add("default", list: defaults) }
        b.add("exposure", exposure ? true : nil)
        b.add("description", description)
        return b.fields
    }
}

extension Node {
    var canonicalFields: CanonicalFields {
        var b = FieldBuilder()
        b.add("id", id)
        b.add("label", label)
        b.add("kind", kind.rawValue)
        b.add("synonyms", list: synonyms)
        b.add("xrefs", map: xrefs)
        b.add("system", system)
        b.add("description", description)
        b.add("role", role?.rawValue)
        b.add("valence", valence?.rawValue)
        b.add("context", map: context)
        return b.fields
    }
}

extension Edge {
    var canonicalFields: CanonicalFields {
        var b = FieldBuilder()
        b.add("from", from)
        b.add("relation", relation.rawValue)
        b.add("to", to)
        b.add("action", action?.rawValue)
        b.add("refs", list: refs)
        b.add("evidence", evidence)
        b.add("direct", direct)
        b.add("certainty", certainty?.rawValue)
        b.add("context", map: context)
        b.add("exact", list: exact)
        b.add("exposure_of", exposureOf)
        b.add("strength", strength?.rawValue)
        b.add("importance", importance?.rawValue)
        b.add("loss_of_function", lossOfFunction ? true : nil)
        b.add("correlational", correlational ? true : nil)
        b.add("note", note)
        return b.fields
    }
}

extension Claim {
    var canonicalFields: CanonicalFields {
        var b = FieldBuilder()
        b.add("from", from)
        b.add("to", to)
        b.add("expect", expect.rawValue)
        b.add("certainty", certainty?.rawValue)
        b.add("where", map: context)
        b.add("via", via)
        b.add("avoid", list: avoid)
        b.add("max_length", maxLength)
        b.add("refs", list: refs)
        b.add("note", note)
        return b.fields
    }
}
