import Foundation

/// The versions every output records (docs/decisions.md, "Provenance").
public enum PharmGraphVersion {
    /// The version of the PharmGraph library and tool.
    public static let current = "0.1.0"
    /// The meaning of answers (signs, verdicts, path rules, diff matching); bumped when the same graph and query could answer differently.
    public static let semantics = "pharmgraph-semantics/1"
}

/// What an output was computed from and by: the tool, the semantics, each input graph and the query's options.
public struct Provenance: Sendable, Equatable, Encodable {
    /// One input graph: its id and version (curated graphs), the SHA-256 of its bytes, and its git revision.
    public struct Input: Sendable, Equatable, Encodable {
        public var id: String?
        public var version: String?
        /// SHA-256 of the input's bytes after decompression, 64 lowercase hex digits; `nil` when not computed
        /// (a pass over every byte, skipped when no output shows provenance).
        public var sha256: String?
        /// The revision of a `REV:path` input, as given.
        public var revision: String?

        public init(id: String?, version: String?, sha256: String?, revision: String? = nil) {
            self.id = id
            self.version = version
            self.sha256 = sha256
            self.revision = revision
        }

        /// An input read as `bytes` (decompressed); `graph` gives the id and version when it is a curated graph;
        /// `hashed: false` leaves out the SHA-256.
        public init<Bytes: Sequence>(bytes: Bytes, graph: Graph?, revision: String? = nil, hashed: Bool = true)
        where Bytes.Element == UInt8 {
            self.init(id: graph?.id, version: graph?.version, sha256: hashed ? SHA256.hex(bytes) : nil, revision: revision)
        }

        /// `ketamine 2.1 sha256:1a2b3c4d5e6f @HEAD~1`: the short form of a caption.
        public var caption: String {
            var parts = [id, version].compactMap { $0 }.filter { !$0.isEmpty }
            if let sha256 { parts.append("sha256:" + sha256.prefix(12)) }
            if let revision { parts.append("@" + revision) }
            return parts.joined(separator: " ")
        }

        enum CodingKeys: String, CodingKey { case id, version, sha256, revision }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(version, forKey: .version)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(revision, forKey: .revision)
        }
    }

    public var tool = "pharmgraph"
    public var toolVersion = PharmGraphVersion.current
    public var semantics = PharmGraphVersion.semantics
    /// The input graphs, in the order the command names them (diff: old, new).
    public var inputs: [Input]
    /// The query's options that shape the answer, by their names in the JSON output (`max_length`, `where`).
    public var options: [String: String]

    public init(inputs: [Input], options: [String: String] = [:]) {
        self.inputs = inputs
        self.options = options
    }

    /// One line for a figure: `pharmgraph 0.1.0 · pharmgraph-semantics/1 · ketamine 2.1 sha256:1a2b3c4d5e6f · max_length=6`.
    public var caption: String {
        var parts = ["\(tool) \(toolVersion)", semantics]
        parts += inputs.map(\.caption)
        if !options.isEmpty { parts.append(options.keys.sorted().map { "\($0)=\(options[$0]!)" }.joined(separator: " ")) }
        return DisplayText.escaped(parts.joined(separator: " · "))
    }

    /// A figure's metadata, which the diagram records as its `comment` (docs/rendering.md): `key=value` lines,
    /// `tool`, `tool_version`, `semantics`, `input.N.id|version|sha256|revision` (N from 1), `option.NAME`.
    public var metadata: String {
        var lines = ["tool=\(tool)", "tool_version=\(toolVersion)", "semantics=\(semantics)"]
        for (number, input) in zip(1..., inputs) {
            let fields = [("id", input.id), ("version", input.version), ("sha256", input.sha256), ("revision", input.revision)]
            lines += fields.compactMap { key, value in value.map { "input.\(number).\(key)=\($0)" } }
        }
        lines += options.keys.sorted().map { "option.\($0)=\(options[$0]!)" }
        // One line per field, whatever the values hold.
        return lines.map { DisplayText.escaped($0) }.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case tool, semantics, inputs, options
        case toolVersion = "tool_version"
    }
}

/// Deterministic JSON for every report: keys sorted, two-space indentation, slashes unescaped, a final newline.
enum ReportJSON {
    static func encode<T: Encodable>(_ value: T) throws(EncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(error)"))
        }
    }
}

/// How a report says where to change a search's bounds: the front end's words (a library names no CLI flag).
public struct LimitHints: Sendable {
    /// After the work count of a search stopped at its budget, e.g. `raise --max-work, or lower --max-length`.
    public var workBudget: String
    /// The options that bound a search, e.g. `--max-work, --timeout`.
    public var boundOptions: String
    /// What names a context filter before its terms, e.g. `--where` (`--where dose=x left out 3 of 9 edges`).
    public var contextFilter: String

    public init(workBudget: String, boundOptions: String, contextFilter: String = "the context filter") {
        self.workBudget = workBudget
        self.boundOptions = boundOptions
        self.contextFilter = contextFilter
    }

    /// The words of a library caller: the Swift names of the bounds.
    public static let library = LimitHints(
        workBudget: "raise SearchLimits.maxWork, or lower PathQuery.maxLength", boundOptions: "SearchLimits.maxWork, .timeout")

    /// The plain warning every partial result carries.
    public static let lowerBoundNote = "the counts are lower bounds and the verdict is undetermined, not a conclusion"

    /// Why a partial result stopped, in words, and what to do about it.
    public func stopReason(_ stop: SearchStop?, work: Int) -> String {
        switch stop {
        case .workBudget?: "stopped at the work budget (\(work) search steps; \(workBudget))"
        case .timeout?: "stopped at the timeout"
        case nil: "stopped early"
        }
    }
}

// The JSON entry points: each report's document is an internal `Encodable` value, written as ReportJSON writes.

extension CheckReport {
    /// The `pharmgraph-check/1` JSON document (docs/cli.md).
    public func jsonText() throws(EncodingError) -> String { try ReportJSON.encode(json) }
}

extension StatsReport {
    /// The `pharmgraph-stats/1` JSON document (docs/cli.md).
    public func jsonText() throws(EncodingError) -> String { try ReportJSON.encode(self) }
}

extension PathsReport {
    /// The `pharmgraph-paths/2` JSON document (docs/queries.md).
    public func jsonText() throws(EncodingError) -> String { try ReportJSON.encode(json) }
}

extension ReachReport {
    /// The `pharmgraph-reach/2` JSON document (docs/queries.md).
    public func jsonText() throws(EncodingError) -> String { try ReportJSON.encode(json) }
}

extension DiffReport {
    /// The `pharmgraph-diff/1` JSON document (docs/diff.md).
    public func jsonText() throws(EncodingError) -> String { try DiffJSON(self).encoded() }

    /// The text report; `colour` adds ANSI colours, `hints` names the front end's options in notes.
    public func text(colour: Bool = false, hints: LimitHints = .library) -> String {
        DiffText(report: self, style: DiffStyle(colour: colour), hints: hints).render()
    }

    /// The edge differences as TSV, with a header line.
    public var tsv: String { DiffTSV.render(self) }
}
