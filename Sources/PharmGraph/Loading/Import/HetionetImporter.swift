import Foundation

/// Reads hetnetpy's JSON: `metanode_kinds`, `kind_to_abbrev`, `nodes` and `edges`.
///
/// Node ids become `Kind::identifier`, as in Hetionet's SIF and node table, and
/// edge labels the metaedge abbreviations (`CbG`, `GpPW`). Edges with
/// `direction: both` may be walked either way.
struct HetionetImporter {
    let path: String
    let options: ImportOptions
    private var errors: RowErrors
    /// Problems found in items, positioned once the load is over (it takes a scan of the text).
    private var pending: [(message: String, item: (array: String, index: Int)?)] = []

    init(path: String, options: ImportOptions) {
        self.path = path
        self.options = options
        errors = RowErrors(path: path)
    }

    var diagnostics: [Diagnostic] { errors.diagnostics }

    /// A problem in the file; `item` names the element of `nodes` or `edges` it is in
    /// (index -1: the array itself; no item: the top-level value).
    private mutating func error(_ message: String, item: (array: String, index: Int)? = nil) {
        pending.append(("hetionet json: " + message, item))
    }

    /// Turns the problems found into diagnostics at the items they are in (the top level at 1:1).
    private mutating func positionErrors(in data: Data, scan: JSONScan) {
        guard !pending.isEmpty else { return }
        for problem in pending {
            var offset = scan.start
            if let item = problem.item {
                if item.index < 0, let value = scan.values[item.array] { offset = value }
                if let start = scan.elements[item.array]?[safe: item.index] { offset = start }
            }
            let (line, column) = LineBreaks.position(ofByte: offset, in: data)
            errors.add(Diagnostic(.error, problem.message, file: path, line: line, column: column))
        }
        pending = []
    }

    mutating func run(_ data: Data) -> Network? {
        // Positions count from after a byte-order mark, as for every other input.
        let data = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        if let bad = data.withUnsafeBytes({ firstInvalidUTF8($0.bindMemory(to: UInt8.self)) }) {
            let (line, column) = LineBreaks.position(ofByte: bad, in: data)
            errors.add(GraphLoader.notUTF8(path, line, column, data[data.startIndex + bad]))
            return nil
        }
        // Foundation's parser takes trailing commas and more that RFC 8259 forbids, and gives no
        // positions: the strict one-pass scan decides what is JSON, and locates items for errors.
        let scan = data.withUnsafeBytes { JSONScan($0.bindMemory(to: UInt8.self), arrays: ["nodes", "edges"]) }
        if let syntax = scan.error {
            let (line, column) = LineBreaks.position(ofByte: syntax.offset, in: data)
            errors.add(Diagnostic(.error, "invalid JSON: \(syntax.message)", file: path, line: line, column: column))
            return nil
        }
        // Foundation keeps the last of two `nodes` keys: a whole list would be dropped unseen.
        var seen: [String: Int] = [:]
        for (key, offset) in zip(scan.topLevelKeys, scan.topLevelKeyOffsets) {
            guard let first = seen[key] else {
                seen[key] = offset
                continue
            }
            let (line, column) = LineBreaks.position(ofByte: offset, in: data)
            let (firstLine, firstColumn) = LineBreaks.position(ofByte: first, in: data)
            errors.add(
                Diagnostic(
                    .error, "hetionet json: duplicate key '\(key)'; first defined at line \(firstLine), column \(firstColumn)",
                    file: path, line: line, column: column))
        }
        guard errors.isEmpty else { return nil }
        defer { positionErrors(in: data, scan: scan) }
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? [String: Any]
            else {
                error("the top level is not an object")
                return nil
            }
            root = object
        } catch {
            // The scan accepted it, Foundation did not (e.g. nesting too deep): Foundation's words.
            let reason = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            errors.add(Diagnostic(.error, "invalid JSON: \(reason)", file: path, line: 1, column: 1))
            return nil
        }
        guard let nodes = root["nodes"] as? [[String: Any]], let edges = root["edges"] as? [[String: Any]] else {
            for key in ["nodes", "edges"] where !(root[key] is [[String: Any]]) {
                if root[key] == nil {
                    error("missing '\(key)': expected a list of \(key)")
                } else {
                    error("'\(key)' is not a list of objects", item: (key, -1))
                }
            }
            return nil
        }
        let abbreviations = root["kind_to_abbrev"] as? [String: String] ?? [:]
        var builder = NetworkBuilder(relationMap: options.relationMap)
        for (i, node) in nodes.enumerated() {
            guard let kind = node["kind"] as? String, let identifier = Self.identifier(node["identifier"]) else {
                error("nodes[\(i)]: expected 'kind' and 'identifier'", item: ("nodes", i))
                continue
            }
            let id = "\(kind)::\(identifier)"
            if builder.node(id) != nil {
                error("nodes[\(i)]: duplicate node '\(id)'", item: ("nodes", i))
                continue
            }
            builder.addNode(id, name: node["name"] as? String, kind: kind)
        }
        builder.closed = true
        for (i, edge) in edges.enumerated() {
            guard let source = Self.endpoint(edge["source_id"]), let target = Self.endpoint(edge["target_id"]),
                let kind = edge["kind"] as? String
            else {
                error("edges[\(i)]: expected 'source_id', 'target_id' and 'kind'", item: ("edges", i))
                continue
            }
            guard let s = builder.node(source) else {
                error("edges[\(i)]: unknown source node '\(source)'", item: ("edges", i))
                continue
            }
            guard let t = builder.node(target) else {
                error("edges[\(i)]: unknown target node '\(target)'", item: ("edges", i))
                continue
            }
            let direction = edge["direction"] as? String ?? "both"
            guard ["both", "forward", "backward"].contains(direction) else {
                error("edges[\(i)]: unknown direction '\(direction)'", item: ("edges", i))
                continue
            }
            let sourceKind = builder.kinds[Int(builder.nodeKinds[Int(s)])]
            let targetKind = builder.kinds[Int(builder.nodeKinds[Int(t)])]
            let label = Self.metaedge(
                sourceKind, kind, targetKind, direction: direction, abbreviations: abbreviations)
            if direction == "backward" {
                builder.addEdge(t, builder.label(label), s)
            } else {
                builder.addEdge(s, builder.label(label), t, bothWays: direction == "both")
            }
        }
        return pending.isEmpty ? builder.build() : nil
    }

    /// `CbG`, `Gr>G`: the metaedge abbreviation, or `Source-kind-Target` without abbreviations.
    static func metaedge(
        _ source: String, _ kind: String, _ target: String, direction: String, abbreviations: [String: String]
    ) -> String {
        guard let s = abbreviations[source], let k = abbreviations[kind], let t = abbreviations[target] else {
            return "\(source)-\(kind)-\(target)"
        }
        return direction == "both" ? s + k + t : s + k + ">" + t
    }

    static func identifier(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    static func endpoint(_ value: Any?) -> String? {
        guard let pair = value as? [Any], pair.count == 2, let kind = pair[0] as? String,
            let identifier = identifier(pair[1])
        else { return nil }
        return "\(kind)::\(identifier)"
    }
}

extension Array {
    /// The element at `index`, or `nil` when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
