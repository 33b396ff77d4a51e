/// The value of one field of a node, edge, reference, claim or the graph header, as compared by a diff.
public enum DiffValue: Sendable, Equatable {
    /// The field is not given.
    case absent
    case text(String)
    case flag(Bool)
    /// A list compared as a set (synonyms, refs, sources); kept in file order.
    case list([String])
    /// A mapping (xrefs, context, where, kinds).
    case map([String: String])

    init(_ text: String?) { self = text.map(DiffValue.text) ?? .absent }
    init(_ flag: Bool?) { self = flag.map(DiffValue.flag) ?? .absent }
    init(_ list: [String]) { self = list.isEmpty ? .absent : .list(list) }
    init(_ map: [String: String]) { self = map.isEmpty ? .absent : .map(map) }
    init<T: RawRepresentable>(_ value: T?) where T.RawValue == String { self = DiffValue(value?.rawValue) }

    /// The items of a list (empty for other values).
    public var items: [String] {
        if case let .list(items) = self { return items }
        return []
    }

    /// The entries of a map (empty for other values).
    public var entries: [String: String] {
        if case let .map(entries) = self { return entries }
        return [:]
    }

    /// Whether two values mean the same: lists compare as sets.
    func sameMeaning(as other: DiffValue) -> Bool {
        switch (self, other) {
        case let (.list(a), .list(b)): Set(a) == Set(b)
        default: self == other
        }
    }
}

/// One field whose value differs between the old and the new version of an item.
public struct FieldChange: Sendable, Equatable {
    /// The field's name as written in graph files, e.g. `certainty`, `xrefs`, `where`.
    public let field: String
    public let old: DiffValue
    public let new: DiffValue

    public init(field: String, old: DiffValue, new: DiffValue) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// List items only in the new value.
    public var addedItems: [String] {
        let before = Set(old.items)
        return new.items.filter { !before.contains($0) }
    }

    /// List items only in the old value.
    public var removedItems: [String] {
        let after = Set(new.items)
        return old.items.filter { !after.contains($0) }
    }
}

/// Collects the fields that differ, in the order they are compared.
struct FieldComparison {
    private(set) var changes: [FieldChange] = []

    mutating func compare(_ field: String, _ old: DiffValue, _ new: DiffValue) {
        if !old.sameMeaning(as: new) { changes.append(FieldChange(field: field, old: old, new: new)) }
    }
}
