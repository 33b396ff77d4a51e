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

    init(path: String, options: ImportOptions) {
        self.path = path
        self.options = options
        errors = RowErrors(path: path)
    }

    var diagnostics: [Diagnostic] { errors.diagnostics }

    private mutating func error(_ message: String) {
        errors.add(Diagnostic(.error, "hetionet json: " + message, file: path))
    }

    mutating func run(_ data: Data) -> Network? {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                error("the top level is not an object")
                return nil
            }
            root = object
        } catch {
            errors.add(jsonError(error, data: data))
            return nil
        }
        guard let nodes = root["nodes"] as? [[String: Any]], let edges = root["edges"] as? [[String: Any]] else {
            error("expected 'nodes' and 'edges' lists")
            return nil
        }
        let abbreviations = root["kind_to_abbrev"] as? [String: String] ?? [:]
        var builder = NetworkBuilder(relationMap: options.relationMap)
        for (i, node) in nodes.enumerated() {
            guard let kind = node["kind"] as? String, let identifier = Self.identifier(node["identifier"]) else {
                error("nodes[\(i)]: expected 'kind' and 'identifier'")
                continue
            }
            let id = "\(kind)::\(identifier)"
            if builder.node(id) != nil {
                error("nodes[\(i)]: duplicate node '\(id)'")
                continue
            }
            builder.addNode(id, name: node["name"] as? String, kind: kind)
        }
        builder.closed = true
        for (i, edge) in edges.enumerated() {
            guard let source = Self.endpoint(edge["source_id"]), let target = Self.endpoint(edge["target_id"]),
                let kind = edge["kind"] as? String
            else {
                error("edges[\(i)]: expected 'source_id', 'target_id' and 'kind'")
                continue
            }
            guard let s = builder.node(source) else {
                error("edges[\(i)]: unknown source node '\(source)'")
                continue
            }
            guard let t = builder.node(target) else {
                error("edges[\(i)]: unknown target node '\(target)'")
                continue
            }
            let direction = edge["direction"] as? String ?? "both"
            guard ["both", "forward", "backward"].contains(direction) else {
                error("edges[\(i)]: unknown direction '\(direction)'")
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
        return errors.isEmpty ? builder.build() : nil
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

    /// A JSON syntax error, positioned when Foundation gives a byte offset.
    private func jsonError(_ error: Error, data: Data) -> Diagnostic {
        let info = (error as NSError).userInfo
        if let offset = info["NSJSONSerializationErrorIndex"] as? Int {
            var line = 1
            var column = 1
            for byte in data.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return Diagnostic(.error, "invalid JSON", file: path, line: line, column: column)
        }
        return Diagnostic(.error, "invalid JSON: \((error as NSError).localizedDescription)", file: path, line: 1, column: 1)
    }
}
