/// The value of one field of a node, edge, reference, claim or the graph header, as compared by a diff.
enum DiffValue: Sendable, Equatable {
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
    var items: [String] {
        if case let .list(items) = self { return items }
        return []
    }

    /// The entries of a map (empty for other values).
    var entries: [String: String] {
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
struct FieldChange: Sendable, Equatable {
    /// The field's name as written in graph files, e.g. `certainty`, `xrefs`, `where`.
    let field: String
    let old: DiffValue
    let new: DiffValue

    init(field: String, old: DiffValue, new: DiffValue) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// List items only in the new value.
    var addedItems: [String] {
        let before = Set(old.items)
        return new.items.filter { !before.contains($0) }
    }

    /// List items only in the old value.
    var removedItems: [String] {
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

extension DiffValue {
    /// Whether the value is a list.
    var isList: Bool {
        if case .list = self { return true }
        return false
    }
}

extension FieldChange {
    /// One piece of a field change: a list item or map entry added or removed, or a map entry whose value changed.
    enum Part: Sendable, Equatable {
        case added(key: String?, value: String)
        case removed(key: String?, value: String)
        case changed(key: String, old: String, new: String)
    }

    /// The change item by item: list items added then removed, or map entries by key; `nil` for a plain value.
    ///
    /// The one rendering of a field change: the text, TSV, JSON and diagram writers all decorate these parts.
    var parts: [Part]? {
        if old.isList || new.isList {
            return addedItems.map { .added(key: nil, value: $0) } + removedItems.map { .removed(key: nil, value: $0) }
        }
        let (before, after) = (old.entries, new.entries)
        guard !before.isEmpty || !after.isEmpty else { return nil }
        return Set(before.keys).union(after.keys).sorted().compactMap { key -> Part? in
            switch (before[key], after[key]) {
            case let (nil, value?): .added(key: key, value: value)
            case let (value?, nil): .removed(key: key, value: value)
            case let (a?, b?) where a != b: .changed(key: key, old: a, new: b)
            default: nil
            }
        }
    }

    /// `certainty: probable → established`, `refs: +a −b`, each value cut to `limit` characters: the diagram's label line.
    func summary(limit: Int?) -> String {
        func short(_ text: String) -> String {
            guard let limit, text.count > limit else { return text }
            return String(text.prefix(limit - 1)) + "…"
        }
        func value(_ value: DiffValue) -> String {
            switch value {
            case .absent: "none"
            case let .text(text): short(text)
            case let .flag(flag): flag ? "true" : "false"
            case let .list(items): short(items.joined(separator: ", "))
            case let .map(entries): short(entries.keys.sorted().map { "\($0)=\(entries[$0]!)" }.joined(separator: ", "))
            }
        }
        guard let parts else { return "\(field): \(value(old)) → \(value(new))" }
        let items = parts.map { part in
            switch part {
            case let .added(key, value): "+" + (key.map { "\($0)=" } ?? "") + value
            case let .removed(key, value): "−" + (key.map { "\($0)=" } ?? "") + value
            case let .changed(key, a, b): "\(key): \(a) → \(b)"
            }
        }
        return "\(field): " + short(items.joined(separator: " "))
    }
}
