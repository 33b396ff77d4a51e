// libyaml itself, as Yams builds it: its events give what Yams's composer hides
// (every duplicate key, explicit tags, where an alias is used).
import CYaml

/// A position in libyaml's terms, made 1-based.
struct YAMLMark: Hashable {
    var line: Int
    var column: Int
}

/// A node of a composed YAML document, with where it starts.
struct YAMLNode {
    enum Content {
        /// The text, and whether it was written plain (unquoted, not a block scalar).
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var content: Content
    var mark: YAMLMark
}

/// Parses YAML (or JSON) text into a node tree in one pass over libyaml's events,
/// turning every problem into a positioned diagnostic.
///
/// Unlike `Yams.compose`, it reports every duplicate key (keeping the first, dropping the
/// repeat) and goes on; it rejects explicit tags (`!!int`, `!!binary`, `!custom`), which the
/// graph format has no use for and `fmt` could not keep; and a node reached through an alias
/// carries the position of the alias, not of its anchor. docs/decisions.md.
struct YAMLComposer {
    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []
    /// Each alias use and the anchor it names, for notes under diagnostics at the use.
    private(set) var aliases: [AliasUse] = []

    /// An alias `*name` at `use`, naming the anchor `&name` at `anchor`.
    struct AliasUse {
        var name: String
        var use: YAMLMark
        var anchor: YAMLMark
    }

    /// At most this many nodes are copied to give aliased subtrees the alias's position
    /// (an alias bomb would otherwise expand); past it, nodes inside keep the anchor's.
    static let maximumRemarkedNodes = 100_000

    init(source: SourceText) { self.source = source }

    /// Why composition stopped.
    private struct Stop: Error {}

    /// The root node, or `nil` when the text could not be parsed (a diagnostic says why).
    mutating func compose() -> YAMLNode? {
        var bytes = Array(source.text.utf8)
        let length = bytes.count
        // libyaml wants a non-null buffer even for empty input.
        bytes.append(0)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            error("cannot parse yaml: out of memory", line: 1, column: 1)
            return nil
        }
        defer { yaml_parser_delete(parser) }
        return bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress, length)
            do throws(Stop) {
                _ = try next(parser)  // stream start
                let first = try next(parser)
                guard first.type != YAML_STREAM_END_EVENT else {
                    error("file is empty", line: 1, column: 1)
                    return nil
                }
                var state = State()
                let root = try node(try next(parser), parser, &state)
                _ = try next(parser)  // document end
                let after = try next(parser)
                if after.type != YAML_STREAM_END_EVENT {
                    error(
                        "yaml syntax error: expected a single document in the stream, but found another document",
                        at: after.start)
                    return nil
                }
                return state.failed ? nil : root
            } catch {
                return nil
            }
        }
    }

    // MARK: Events

    /// One event's data, copied out of libyaml.
    private struct Event {
        var type: yaml_event_type_t
        var start: YAMLMark
        var anchor: String?
        var tag: String?
        var value = ""
        var plain = true
        var alias: String?
    }

    /// The next event; on a libyaml error, its diagnostic and `Stop`.
    private mutating func next(_ parser: UnsafeMutablePointer<yaml_parser_t>) throws(Stop) -> Event {
        var raw = yaml_event_t()
        guard yaml_parser_parse(parser, &raw) == 1 else {
            report(parser.pointee)
            throw Stop()
        }
        defer { yaml_event_delete(&raw) }
        let start = YAMLMark(line: raw.start_mark.line + 1, column: raw.start_mark.column + 1)
        var event = Event(type: raw.type, start: start)
        switch raw.type {
        case YAML_ALIAS_EVENT:
            event.alias = Self.string(raw.data.alias.anchor)
        case YAML_SCALAR_EVENT:
            let scalar = raw.data.scalar
            event.anchor = Self.string(scalar.anchor)
            event.tag = Self.string(scalar.tag)
            event.value = String(
                decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            event.plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
        case YAML_SEQUENCE_START_EVENT:
            let sequence = raw.data.sequence_start
            event.anchor = Self.string(sequence.anchor)
            event.tag = Self.string(sequence.tag)
        case YAML_MAPPING_START_EVENT:
            let mapping = raw.data.mapping_start
            event.anchor = Self.string(mapping.anchor)
            event.tag = Self.string(mapping.tag)
        default:
            break
        }
        return event
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    // MARK: Composition

    /// What composition has seen so far.
    private struct State {
        var anchors: [String: (node: YAMLNode, mark: YAMLMark)] = [:]
        var remarked = 0
        /// Set by problems that leave the tree unusable (an undefined alias).
        var failed = false
    }

    private mutating func node(
        _ event: Event, _ parser: UnsafeMutablePointer<yaml_parser_t>, _ state: inout State
    ) throws(Stop) -> YAMLNode {
        if let tag = event.tag { rejectTag(tag, at: event.start) }
        let result: YAMLNode
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = event.alias ?? ""
            guard let anchored = state.anchors[name] else {
                error("yaml syntax error: found undefined alias '\(name)'", at: event.start)
                state.failed = true
                return YAMLNode(content: .scalar("", plain: true), mark: event.start)
            }
            aliases.append(AliasUse(name: name, use: event.start, anchor: anchored.mark))
            return remarked(anchored.node, at: event.start, &state)
        case YAML_SCALAR_EVENT:
            result = YAMLNode(content: .scalar(event.value, plain: event.plain), mark: event.start)
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLNode] = []
            while true {
                let item = try next(parser)
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try node(item, parser, &state))
            }
            result = YAMLNode(content: .sequence(items), mark: event.start)
        case YAML_MAPPING_START_EVENT:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var seen: [String: YAMLMark] = [:]
            while true {
                let keyEvent = try next(parser)
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try node(keyEvent, parser, &state)
                let value = try node(try next(parser), parser, &state)
                if case let .scalar(name, _) = key.content {
                    if let first = seen[name] {
                        error(
                            "duplicate key '\(name)'; first defined at line \(first.line), column \(first.column)",
                            at: key.mark)
                        continue
                    }
                    seen[name] = key.mark
                }
                pairs.append((key, value))
            }
            result = YAMLNode(content: .mapping(pairs), mark: event.start)
        default:
            error("yaml syntax error: unexpected event", at: event.start)
            throw Stop()
        }
        if let anchor = event.anchor { state.anchors[anchor] = (result, event.start) }
        return result
    }

    /// The node with `mark` on it and, within the copy budget, on every node inside it.
    private func remarked(_ node: YAMLNode, at mark: YAMLMark, _ state: inout State) -> YAMLNode {
        state.remarked += 1
        var copy = node
        copy.mark = mark
        guard state.remarked < Self.maximumRemarkedNodes else { return copy }
        switch node.content {
        case .scalar: break
        case let .sequence(items):
            copy.content = .sequence(items.map { remarked($0, at: mark, &state) })
        case let .mapping(pairs):
            copy.content = .mapping(pairs.map { (remarked($0.key, at: mark, &state), remarked($0.value, at: mark, &state)) })
        }
        return copy
    }

    /// `!!int` for libyaml's `tag:yaml.org,2002:int`.
    private mutating func rejectTag(_ tag: String, at mark: YAMLMark) {
        let prefix = "tag:yaml.org,2002:"
        let shown = tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
        error("yaml tag '\(shown)' is not supported: write the value without a tag (values are text)", at: mark)
    }

    // MARK: Diagnostics

    private mutating func error(_ message: String, at mark: YAMLMark) {
        error(message, line: mark.line, column: mark.column)
    }

    private mutating func error(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(.error, message, file: source.path, line: line, column: column))
    }

    /// The diagnostic for a libyaml failure.
    private mutating func report(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            let (line, column) = source.position(ofByte: parser.problem_offset)
            let value = parser.problem_value >= 0 ? " (\(DisplayText.escape(Unicode.Scalar(UInt32(parser.problem_value)) ?? "?")))" : ""
            error("cannot read yaml: \(problem)\(value)", line: line, column: column)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            // libyaml's own formatted text names its marks unclamped (a line past the end at the end
            // of input): the message is built from its parts, the context mark placed like the main one.
            var message = "yaml syntax error: \(problem)"
            if let context = parser.context {
                let mark = source.clamped(line: parser.context_mark.line + 1, column: parser.context_mark.column + 1)
                message += " (\(String(cString: context)) at line \(mark.line), column \(mark.column))"
            }
            let line = parser.problem_mark.line + 1
            let column = parser.problem_mark.column + 1
            if let tab = source.tabIndentation(near: line) {
                message += tab.line == line ? "; indent with spaces, not tabs" : "; line \(tab.line) is indented with a tab: indent with spaces, not tabs"
                if tab.line == line {
                    error(message, line: tab.line, column: tab.column)
                    return
                }
            }
            error(message, line: line, column: column)
        default:
            error("cannot parse yaml: out of memory", line: 1, column: 1)
        }
    }
}

/// Where the scalars of a YAML text lie, from libyaml's scanner: a `#` inside one is text, not a comment.
struct YAMLScalarSpans {
    /// A scalar from `start` up to, not including, `end`; 0-based lines and columns in Unicode scalars.
    struct Span {
        var start: (line: Int, column: Int)
        var end: (line: Int, column: Int)
    }

    /// The spans in source order; on a scanner error, those before it.
    let spans: [Span]

    init(source: SourceText) {
        var bytes = Array(source.text.utf8)
        let length = bytes.count
        bytes.append(0)
        var found: [Span] = []
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        if yaml_parser_initialize(parser) == 1 {
            bytes.withUnsafeBufferPointer { buffer in
                yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
                yaml_parser_set_input_string(parser, buffer.baseAddress, length)
                var token = yaml_token_t()
                while yaml_parser_scan(parser, &token) == 1 {
                    defer { yaml_token_delete(&token) }
                    if token.type == YAML_STREAM_END_TOKEN { break }
                    guard token.type == YAML_SCALAR_TOKEN else { continue }
                    var start = (line: Int(token.start_mark.line), column: Int(token.start_mark.column))
                    let style = token.data.scalar.style
                    // A block scalar's header line (`| # note`) may end in a comment; its text starts below.
                    if style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE {
                        start = (start.line + 1, 0)
                    }
                    found.append(Span(start: start, end: (Int(token.end_mark.line), Int(token.end_mark.column))))
                }
            }
            yaml_parser_delete(parser)
        }
        spans = found
    }

    /// Whether the character at 0-based `line` and `column` lies inside a scalar.
    func contains(line: Int, column: Int) -> Bool {
        // Spans are in order and do not overlap: find the last one starting at or before the position.
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start <= (line, column) { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return false }
        return (line, column) < spans[low - 1].end
    }
}
