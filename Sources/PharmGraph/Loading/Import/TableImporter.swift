import Foundation

/// Reads SIF and headed TSV/CSV edge tables (and node tables), byte by byte.
///
/// Every malformed row is an error at its line and column; the load fails
/// rather than dropping rows.
struct TableImporter {
    let path: String
    let format: InputFormat
    let options: ImportOptions
    private var errors: RowErrors
    /// Every problem found, the node table's first.
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, format: InputFormat, options: ImportOptions) {
        self.path = path
        self.format = format
        self.options = options
        errors = RowErrors(path: path)
    }

    /// A builder holding the node table's nodes, when one is given.
    mutating func startBuilder() -> NetworkBuilder {
        var builder = NetworkBuilder(relationMap: options.relationMap)
        if let table = options.nodeTable {
            var nodes = NodeTableReader(path: table.path)
            nodes.read(table.data, into: &builder)
            diagnostics += nodes.diagnostics
            builder.closed = true
        }
        if format == .sif { builder.tracksDuplicates = false }
        return builder
    }

    /// The lines of the input that `diagnostics` point at, when they were kept while streaming.
    func excerpts(_ lines: [Int: String]) -> [SourceExcerpt] {
        var excerpts: [SourceExcerpt] = []
        if diagnostics.contains(where: { $0.line != nil }) {
            excerpts.append(SourceExcerpt(path: path, lines: lines))
            if let table = options.nodeTable, table.path != path {
                excerpts.append(SourceExcerpt(path: table.path, data: table.data, for: diagnostics))
            }
        }
        return excerpts
    }

    mutating func run(_ data: Data) -> Network? {
        var builder = startBuilder()
        if format == .sif {
            var progress = SIFProgress()
            data.withUnsafeBytes { raw in
                let all = raw.bindMemory(to: UInt8.self)
                let bytes = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all[3...]) : all
                // At most one edge per line break, but for lines with several targets: reserved once, not grown by doubling.
                var breaks = 0
                for b in bytes where b == 0x0A { breaks += 1 }
                builder.reserveEdges(breaks + 1)
                _ = readSIFLines(bytes, final: true, progress: &progress, into: &builder)
            }
            return finishSIF(progress, builder: builder)
        }
        let reader = LineReader(data)
        if let bad = reader.utf8Error {
            diagnostics.append(GraphLoader.notUTF8(path, bad.line, bad.column, bad.byte))
            return nil
        }
        defer { diagnostics += errors.diagnostics }
        switch format {
        case .sif: break
        case .tsv, .csv:
            builder.mergeDuplicates = options.mergeDuplicates
            readTable(reader, separator: options.delimiter ?? (format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")), into: &builder)
        case .graph, .hetionetJSON, .graphml, .cyjs, .drugmechdb, .bel, .kgx: break
        }
        return !diagnostics.contains(where: { $0.severity == .error }) && errors.isEmpty ? builder.build() : nil
    }

    private mutating func error(_ message: String, line: Int, column: Int) {
        errors.add(Diagnostic(.error, message, file: path, line: line, column: column))
    }

    // MARK: SIF

    private static let sifHeaderLabels: Set<String> = ["metaedge", "interaction", "type", "relation", "edge", "label"]

    /// Where a SIF read is, between chunks of its bytes.
    struct SIFProgress {
        var lineNumber = 0
        /// Whether every line so far was blank.
        var blank = true
        /// The first byte that is not UTF-8 (only lines with bytes outside ASCII are checked); nothing is read after it.
        var utf8Error: (line: Int, column: Int, byte: UInt8)?
        /// When the input is not kept (streamed), the lines diagnostics point at, kept as they are read.
        var excerpt: [Int: String]?
    }

    /// The end of a SIF input: its network, unless there were errors. Input that is not UTF-8 has that one error.
    mutating func finishSIF(_ progress: SIFProgress, builder: NetworkBuilder) -> Network? {
        if let bad = progress.utf8Error {
            errors = RowErrors(path: path)
            diagnostics.append(GraphLoader.notUTF8(path, bad.line, bad.column, bad.byte))
            return nil
        }
        if progress.blank { error("file is empty; expected lines of source, relation and target", line: 1, column: 1) }
        diagnostics += errors.diagnostics
        return diagnostics.contains(where: { $0.severity == .error }) ? nil : builder.build()
    }

    /// Reads the lines of `bytes`, the next part of a SIF input; returns how many bytes were read. Unless `final`,
    /// a last line whose break may continue in the next part is left unread.
    ///
    /// The common line (after the first), `source<TAB>label<TAB>target` with no field empty, is read from its bytes
    /// without a `String` or an array; any other line takes the general way, with every diagnostic.
    mutating func readSIFLines(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, progress: inout SIFProgress, into builder: inout NetworkBuilder
    ) -> Int {
        let end = bytes.endIndex
        var start = bytes.startIndex
        let tab = UInt8(ascii: "\t")
        guard let base = bytes.baseAddress.map({ UnsafeRawPointer($0) - bytes.startIndex }) else { return 0 }
        while start < end {
            if progress.utf8Error != nil { return bytes.count }
            // One pass over the line: its break, its first two tabs and how many there are.
            var i = start
            var tabs = 0
            var first = -1
            var second = -1
            var breakLength = 0
            var nonASCII = false
            while true {
                // Eight bytes at a time to the next tab, CR, LF or byte outside ASCII.
                while i + 8 <= end {
                    let special = Self.specialBytes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                    if special != 0 {
                        i += special.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
                guard i < end else { break }
                let b = bytes[i]
                if b == tab {
                    if tabs == 0 { first = i } else if tabs == 1 { second = i }
                    tabs += 1
                } else if b == 0x0A || b == 0x0D || b >= 0x80 {
                    if b >= 0x80 { nonASCII = true }
                    // A break that may go on past the end of a part is read with the next one.
                    if !final, end - i < 3 { return start - bytes.startIndex }
                    breakLength = LineBreaks.length(in: bytes, at: i)
                    if breakLength > 0 { break }
                }
                i += 1
            }
            if breakLength == 0, !final { return start - bytes.startIndex }
            progress.lineNumber += 1
            // `line` counts from 0; `first`, `second`, `lineStart` and `lineEnd` are places in `bytes`.
            let (lineStart, lineEnd) = (start, i)
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            start = i + breakLength
            if nonASCII, let bad = firstInvalidUTF8(line) {
                let column = 1 + line[line.startIndex..<(line.startIndex + bad)].count { $0 & 0xC0 != 0x80 }
                progress.utf8Error = (progress.lineNumber, column, line[line.startIndex + bad])
                progress.excerpt?[progress.lineNumber] = String(decoding: line, as: UTF8.self)
                continue
            }
            let kept = errors.keptCount
            if tabs == 2, progress.lineNumber > 1, first > lineStart, second > first + 1, lineEnd > second + 1 {
                progress.blank = false
                let lineNumber = progress.lineNumber
                let sourceBytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[lineStart..<first]))
                let targetBytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[(second + 1)..<lineEnd]))
                let (source, target) = builder.endpoints(bytes: sourceBytes, targetBytes)
                if source == nil { unknownNode(sourceBytes, lineNumber, field: 0..<(first - lineStart), in: line) }
                let label = builder.label(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second])))
                if target == nil { unknownNode(targetBytes, lineNumber, field: (second + 1 - lineStart)..<(lineEnd - lineStart), in: line) }
                if let source, let target { builder.addEdge(source, label, target) }
            } else {
                sifLine(Array(line)[...], number: progress.lineNumber, blank: &progress.blank, into: &builder)
            }
            // The first line too: an input of blank lines is an error there, found only at its end.
            if progress.excerpt != nil, errors.keptCount > kept || progress.lineNumber == 1 {
                progress.excerpt?[progress.lineNumber] = String(decoding: line, as: UTF8.self)
            }
        }
        return start - bytes.startIndex
    }

    /// The high bit of each byte of `word` that is a tab, LF, CR or outside ASCII (byte `k` of memory is bits `8k..<8k+8`).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// The high bit of each zero byte, exactly.
        func zeros(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
        return zeros(word ^ 0x0909_0909_0909_0909) | zeros(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeros(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            | word & 0x8080_8080_8080_8080
    }

    /// The error for an unknown node read on the common way, as `sifLine` gives it; `field`: its bytes' place in the line.
    private mutating func unknownNode(
        _ id: UnsafeRawBufferPointer, _ line: Int, field: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>
    ) {
        unknownNode(String(decoding: id, as: UTF8.self), line, field, in: Array(bytes)[...])
    }

    /// One SIF line, the general way: a header, blank lines, spaces as separators, several targets, and every diagnostic.
    private mutating func sifLine(_ line: ArraySlice<UInt8>, number lineNumber: Int, blank: inout Bool, into builder: inout NetworkBuilder) {
        // A line of only spaces and tabs holds no fields: blank, as an empty one.
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return }
        blank = false
        let separator: UInt8 = line.contains(UInt8(ascii: "\t")) ? UInt8(ascii: "\t") : UInt8(ascii: " ")
        let fields = Fields.split(line, separator: separator, quoted: false).fields
        let texts = decode(fields, line: line)
        if lineNumber == 1, texts.count >= 3, texts[0].lowercased() == "source",
            Self.sifHeaderLabels.contains(texts[1].lowercased())
        {
            return
        }
        if texts.contains(where: \.isEmpty) {
            let k = texts.firstIndex(where: \.isEmpty)!
            error("empty field \(k + 1) in SIF line", line: lineNumber, column: column(of: fields[k], in: line))
            return
        }
        switch texts.count {
        case 1:
            if builder.endpoint(texts[0]) == nil { unknownNode(texts[0], lineNumber, fields[0], in: line) }
        case 2:
            error(
                "expected source, relation and target, found 2 fields (relation '\(texts[1])' has no target)",
                line: lineNumber, column: column(of: fields[1], in: line))
        default:
            let source = builder.endpoint(texts[0])
            if source == nil { unknownNode(texts[0], lineNumber, fields[0], in: line) }
            let label = builder.label(texts[1])
            for k in 2..<texts.count {
                let target = builder.endpoint(texts[k])
                if target == nil { unknownNode(texts[k], lineNumber, fields[k], in: line) }
                if let source, let target { builder.addEdge(source, label, target) }
            }
        }
    }

    private mutating func unknownNode(_ id: String, _ line: Int, _ field: Range<Int>, in bytes: ArraySlice<UInt8>) {
        error(
            "unknown node '\(id)': not in the node table '\(options.nodeTable?.path ?? "")'", line: line,
            column: column(of: field, in: bytes))
    }

    // MARK: TSV / CSV

    private mutating func readTable(_ reader: LineReader, separator: UInt8, into builder: inout NetworkBuilder) {
        var reader = reader
        let quoted = format == .csv
        guard let (headerLine, headerNumber) = reader.nextNonEmpty() else {
            error("file is empty; expected a header line", line: 1, column: 1)
            return
        }
        let (headerFields, headerProblem) = Fields.split(headerLine, separator: separator, quoted: quoted)
        if let headerProblem {
            error(headerProblem.message, line: headerNumber, column: Fields.column(headerProblem.at, in: headerLine))
            return
        }
        let header = decode(headerFields, line: headerLine)
        let lowered = header.map { $0.lowercased() }
        let found = header.map { "'\($0)'" }.joined(separator: ", ")
        /// The first of `names` in the header.
        func optional(_ given: String?, defaults: [String]) -> Int? {
            for name in given.map({ [$0.lowercased()] }) ?? defaults { if let i = lowered.firstIndex(of: name) { return i } }
            return nil
        }
        func required(_ given: String?, defaults: [String], role: String) -> Int? {
            let wanted = given.map { [$0.lowercased()] } ?? defaults
            if let i = optional(given, defaults: defaults) { return i }
            let hint = options.hints.column[role] ?? "name the \(role) column"
            error(
                "no \(role) column: expected \(wanted.map { "'\($0)'" }.joined(separator: " or ")) in the header (found \(found)); \(hint)",
                line: headerNumber, column: 1)
            return nil
        }
        /// A column named by an option must exist.
        func named(_ given: String?, defaults: [String], option: String) -> Int? {
            let i = optional(given, defaults: defaults)
            if let given, i == nil {
                error(
                    "no \(option) column '\(given)' in the header (found \(found))" + Suggestion.clause(for: given, in: header), line: headerNumber, column: 1)
            }
            return i
        }
        let s = required(options.sourceColumn, defaults: ["source"], role: "source")
        let t = required(options.targetColumn, defaults: ["target"], role: "target")
        let a = named(options.actionColumn, defaults: ["action"], option: "action")
        let relationDefaults = ["relation", "interaction", "type", "sign"]
        // With an action column, the relation column may be left out: each row's action gives its sign.
        let r =
            a != nil && options.relationColumn == nil && optional(nil, defaults: relationDefaults) == nil
            ? nil : required(options.relationColumn, defaults: relationDefaults, role: "relation")
        let d = named(options.directionColumn, defaults: ["direction"], option: "direction")
        let pmids = optional(nil, defaults: Self.pmidColumns)
        let dois = optional(nil, defaults: Self.doiColumns)
        let evidenceText = optional(nil, defaults: Self.evidenceColumns)
        var contextColumns: [(key: String, index: Int)] = []
        for name in options.contextColumns {
            if let i = lowered.firstIndex(of: name.lowercased()) {
                contextColumns.append((name, i))
            } else {
                error(
                    "no context column '\(name)' in the header (found \(found))" + Suggestion.clause(for: name, in: header),
                    line: headerNumber, column: 1)
            }
        }
        guard let s, let t, r != nil || a != nil, contextColumns.count == options.contextColumns.count else { return }
        // Every other column is reported, never dropped silently.
        let used = Set([s, t, r, a, d, pmids, dois, evidenceText].compactMap { $0 } + contextColumns.map(\.index))
        for (k, name) in header.enumerated() where !used.contains(k) {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "column '\(name)' is not read: name it with --context-column to filter on it (docs/formats.md, \"Richer TSV/CSV\")",
                    file: path, line: headerNumber, column: self.column(of: headerFields[k], in: headerLine)))
        }
        var unknownActions: [String: (line: Int, column: Int, count: Int)] = [:]
        var firstDuplicate: Int?
        var lineNumber = headerNumber
        while let line = reader.next() {
            lineNumber += 1
            if line.isEmpty { continue }
            let (fields, problem) = Fields.split(line, separator: separator, quoted: quoted)
            if let problem {
                error(problem.message, line: lineNumber, column: Fields.column(problem.at, in: line))
                continue
            }
            guard fields.count == header.count else {
                error("expected \(header.count) columns as in the header, found \(fields.count)", line: lineNumber, column: 1)
                continue
            }
            let texts = decode(fields, line: line)
            var empty = false
            for (k, name) in [(s, "source"), (t, "target")] + (r.map { [($0, "relation")] } ?? []) where texts[k].isEmpty {
                // A row whose action gives its sign needs no relation.
                if name == "relation", let a, !texts[a].isEmpty { continue }
                error("empty \(name) field", line: lineNumber, column: self.column(of: fields[k], in: line))
                empty = true
            }
            if r == nil, let a, texts[a].isEmpty {
                error("empty action field (the table has no relation column)", line: lineNumber, column: self.column(of: fields[a], in: line))
                empty = true
            }
            if empty { continue }
            var label = r.flatMap { texts[$0].isEmpty ? nil : builder.label(texts[$0]) }
            if let a, !texts[a].isEmpty {
                let name = texts[a].lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
                if let action = Action(rawValue: name) {
                    let stated = label.map { builder.labels[Int($0)] }
                    if let stated, let relation = stated.relation, !action.isCompatible(with: relation) {
                        error(
                            "action '\(texts[a])' is \(action.sign.rawValue), but relation '\(stated.name)' is \(relation.sign.rawValue)",
                            line: lineNumber, column: self.column(of: fields[a], in: line))
                        continue
                    }
                    // An action decides the sign of a row whose relation does not.
                    if stated?.relation == nil { label = builder.label(action.rawValue, relation: Self.relation(of: action)) }
                } else {
                    let at = (lineNumber, self.column(of: fields[a], in: line))
                    unknownActions[texts[a], default: (at.0, at.1, 0)].count += 1
                    if label == nil { label = builder.label(texts[a], relation: nil) }
                }
            }
            var bothWays = false
            var (sourceText, targetText) = (texts[s], texts[t])
            if let d {
                switch Self.direction(texts[d]) {
                case .forward?: break
                case .reverse?: (sourceText, targetText) = (targetText, sourceText)
                case .both?: bothWays = true
                case nil:
                    error(
                        "unknown direction '\(texts[d])': expected forward (->, empty), reverse (<-) or both (<->, undirected)",
                        line: lineNumber, column: self.column(of: fields[d], in: line))
                    continue
                }
            }
            var refs: [String] = []
            var bad = false
            if let pmids {
                for item in Self.items(texts[pmids]) {
                    let digits = item.lowercased().hasPrefix("pmid:") ? String(item.dropFirst(5)) : item
                    if digits.isEmpty || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                        error(
                            "'\(item)' is not a PubMed id (digits, optionally after 'PMID:')", line: lineNumber,
                            column: self.column(of: fields[pmids], in: line))
                        bad = true
                    } else {
                        refs.append("PMID:" + digits)
                    }
                }
            }
            if let dois {
                for item in Self.items(texts[dois]) {
                    var doi = item
                    for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"] where doi.lowercased().hasPrefix(prefix) {
                        doi = String(doi.dropFirst(prefix.count))
                    }
                    if !doi.hasPrefix("10.") || !doi.contains("/") {
                        error("'\(item)' is not a DOI (10.PREFIX/SUFFIX)", line: lineNumber, column: self.column(of: fields[dois], in: line))
                        bad = true
                    } else {
                        refs.append("doi:" + doi)
                    }
                }
            }
            if bad { continue }
            let source = builder.endpoint(sourceText)
            if source == nil { unknownNode(sourceText, lineNumber, fields[sourceText == texts[s] ? s : t], in: line) }
            let target = builder.endpoint(targetText)
            if target == nil { unknownNode(targetText, lineNumber, fields[targetText == texts[t] ? t : s], in: line) }
            var context: [String: String] = [:]
            for (key, k) in contextColumns where !texts[k].isEmpty { context[key] = texts[k] }
            if let source, let target, let label {
                let before = builder.duplicates
                let evidence = evidenceText.flatMap { texts[$0].isEmpty ? nil : texts[$0] }
                builder.addEdge(source, label, target, bothWays: bothWays, context: context, refs: refs, evidence: evidence)
                if builder.duplicates > before, firstDuplicate == nil { firstDuplicate = lineNumber }
            }
        }
        // The warnings about the network's content only matter when it loads.
        guard errors.isEmpty else { return }
        for (value, seen) in unknownActions.sorted(by: { $0.value.line < $1.value.line }) {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "action '\(value)' has no mapping to a sign (\(Plural.count(seen.count, "row"))): its rows keep their relation's sign, or unknown; actions: docs/graph-format.md",
                    file: path, line: seen.line, column: seen.column))
        }
        let usedLabels = Set(builder.edgeLabels)
        for (l, label) in builder.labels.enumerated() where label.relation == nil && unknownActions[label.name] == nil && usedLabels.contains(Int32(l)) {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "relation '\(label.name)' has no mapping: its edges have unknown sign; map it with --relation-map '\(label.name)=RELATION' or name a relation",
                    file: path))
        }
        if let firstDuplicate {
            let verb = options.mergeDuplicates ? "were merged into the first" : "are kept as separate edges; --merge-duplicates merges them"
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "\(Plural.count(builder.duplicates, "row")) repeat an earlier row's source, relation, target, context and direction (the first here) and \(verb)",
                    file: path, line: firstDuplicate, column: 1))
        }
    }

    /// Header names read as PubMed ids, DOIs and evidence text (docs/formats.md, "Richer TSV/CSV").
    static let pmidColumns = ["pmid", "pmids", "pubmed", "pubmed_id", "pubmed_ids"]
    static let doiColumns = ["doi", "dois"]
    static let evidenceColumns = ["evidence", "evidence_text", "sentence"]

    /// The relation an action's sign stands for in an imported row.
    static func relation(of action: Action) -> Relation {
        switch action.sign {
        case .positive: .activates
        case .negative: .inhibits
        case .unknown: .modulates
        case .none: .binds
        }
    }

    /// How a row's direction cell orients its edge.
    enum Direction { case forward, reverse, both }

    static func direction(_ text: String) -> Direction? {
        switch text.lowercased() {
        case "", "->", "forward", "directed", "f": .forward
        case "<-", "reverse", "backward", "r": .reverse
        case "<->", "both", "undirected", "-", "b": .both
        default: nil
        }
    }

    /// The items of a list cell, separated by `;`, `,`, `|` or white space.
    static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "|" || $0.isWhitespace }).map(String.init)
    }

    // MARK: Fields

    /// The fields as text (the whole input was checked to be UTF-8 before).
    private func decode(_ fields: [Range<Int>], line: ArraySlice<UInt8>) -> [String] {
        let quoted = format == .csv
        return fields.map { Fields.text(line[(line.startIndex + $0.lowerBound)..<(line.startIndex + $0.upperBound)], quoted: quoted) }
    }

    /// The 1-based column (in Unicode scalars) where a field starts.
    private func column(of field: Range<Int>, in line: ArraySlice<UInt8>) -> Int {
        Fields.column(field.lowerBound, in: line)
    }
}

/// A SIF input read part by part as it is decompressed, so that its text is never held whole
/// (docs/decisions.md, "Load at the floor"): the same network and diagnostics as `NetworkInput.load`.
package struct SIFStream {
    private var importer: TableImporter
    private var builder: NetworkBuilder
    private var progress = TableImporter.SIFProgress()
    private var started = false

    package init(path: String, options: ImportOptions) {
        importer = TableImporter(path: path, format: .sif, options: options)
        builder = importer.startBuilder()
        progress.excerpt = [:]
    }

    /// Reads the lines of the next part of the input; returns how many bytes were read. Unless `final`, a last
    /// line that may go on in the next part is left unread, to be given again at the start of that part.
    package mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
        var skipped = 0
        if !started {
            guard bytes.count >= 3 || final else { return 0 }
            started = true
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { skipped = 3 }
        }
        let part = UnsafeBufferPointer(rebasing: bytes[(bytes.startIndex + skipped)...])
        return skipped + importer.readSIFLines(part, final: final, progress: &progress, into: &builder)
    }

    /// The network, or the diagnostics that stopped it, once every part was fed (the last one `final`).
    package mutating func finish() -> NetworkLoadResult {
        let network = importer.finishSIF(progress, builder: builder)
        let diagnostics = importer.diagnostics
        return NetworkLoadResult(
            network: network, diagnostics: diagnostics, source: nil, excerpts: importer.excerpts(progress.excerpt ?? [:]))
    }
}

/// Splits a byte buffer into lines (without their breaks), in the line model of `LineBreaks`:
/// a CR-only or CRLF file has the same rows as an LF file.
struct LineReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: Data) {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
    }

    /// Where the input stops being UTF-8, if it does; check before reading fields.
    var utf8Error: (line: Int, column: Int, byte: UInt8)? { PharmGraph.utf8Error(in: bytes) }

    /// The next line that is not empty, with its 1-based number counted from here.
    mutating func nextNonEmpty() -> (line: ArraySlice<UInt8>, number: Int)? {
        var number = 0
        while let line = next() {
            number += 1
            if !line.isEmpty { return (line, number) }
        }
        return nil
    }

    mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        let start = position
        var end = start
        while end < bytes.count {
            let n = LineBreaks.length(in: bytes, at: end)
            if n > 0 {
                position = end + n
                return bytes[start..<end]
            }
            end += 1
        }
        position = end
        return bytes[start..<end]
    }
}

/// Field splitting and decoding.
enum Fields {
    /// A malformed quoted field: what is wrong, at a byte offset from the line's start.
    struct Problem: Equatable {
        let message: String
        let at: Int
    }

    /// Field ranges, relative to the line's start. With `quoted` (CSV, RFC 4180 within one line), a
    /// field that starts with `"` ends at the next lone `"`, `""` standing for one; a quote elsewhere
    /// is an ordinary character. An unclosed quote, or text after a closing one, is a problem.
    static func split(_ line: ArraySlice<UInt8>, separator: UInt8, quoted: Bool) -> (fields: [Range<Int>], problem: Problem?) {
        let quote = UInt8(ascii: "\"")
        var fields: [Range<Int>] = []
        let base = line.startIndex
        var start = base
        var i = base
        while true {
            if quoted, i < line.endIndex, line[i] == quote {
                // A quoted field: to the closing quote, which must end the field.
                var j = i + 1
                while true {
                    guard j < line.endIndex else {
                        return (fields, Problem(message: "unterminated quoted field: no closing '\"' on this line", at: i - base))
                    }
                    if line[j] == quote {
                        if j + 1 < line.endIndex, line[j + 1] == quote {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                i = j + 1
                if i < line.endIndex, line[i] != separator {
                    return (fields, Problem(message: "unexpected text after the closing quote of a quoted field", at: i - base))
                }
            } else {
                while i < line.endIndex, line[i] != separator { i += 1 }
            }
            fields.append((start - base)..<(i - base))
            guard i < line.endIndex else { return (fields, nil) }
            i += 1
            start = i
        }
    }

    /// The 1-based column (in Unicode scalars) of the byte at `offset` from the line's start.
    static func column(_ offset: Int, in line: ArraySlice<UInt8>) -> Int {
        var column = 1
        for b in line.prefix(offset) where b & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The text of a field, with CSV quotes removed when `quoted`. The bytes must be UTF-8.
    static func text(_ bytes: ArraySlice<UInt8>, quoted: Bool) -> String {
        if quoted, bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") {
            let inner = bytes.dropFirst().dropLast().withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            return inner.replacingOccurrences(of: "\"\"", with: "\"")
        }
        return bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }
}

/// Reads a node table (`id`, `name`, `kind` columns; TSV, or CSV by extension).
struct NodeTableReader {
    let path: String
    private var errors: RowErrors

    init(path: String) {
        self.path = path
        errors = RowErrors(path: path)
    }

    var diagnostics: [Diagnostic] { errors.diagnostics }

    private mutating func error(_ message: String, line: Int, column: Int = 1) {
        errors.add(Diagnostic(.error, message, file: path, line: line, column: column))
    }

    mutating func read(_ data: Data, into builder: inout NetworkBuilder) {
        let separator = path.lowercased().contains(".csv") ? UInt8(ascii: ",") : UInt8(ascii: "\t")
        let quoted = separator == UInt8(ascii: ",")
        var reader = LineReader(data)
        if let bad = reader.utf8Error {
            errors.add(GraphLoader.notUTF8(path, bad.line, bad.column, bad.byte))
            return
        }
        guard let (headerLine, headerNumber) = reader.nextNonEmpty() else {
            error("node table is empty; expected a header line", line: 1)
            return
        }
        let (headerFields, headerProblem) = Fields.split(headerLine, separator: separator, quoted: quoted)
        if let headerProblem {
            error(headerProblem.message, line: headerNumber, column: Fields.column(headerProblem.at, in: headerLine))
            return
        }
        let header = headerFields.map {
            Fields.text(headerLine[(headerLine.startIndex + $0.lowerBound)..<(headerLine.startIndex + $0.upperBound)], quoted: quoted)
                .lowercased()
        }
        guard let id = header.firstIndex(of: "id") else {
            error("node table has no 'id' column (found \(header.map { "'\($0)'" }.joined(separator: ", ")))", line: headerNumber)
            return
        }
        let name = header.firstIndex(of: "name")
        let kind = header.firstIndex(of: "kind")
        var lineNumber = headerNumber
        // The line each node of this table was first listed at, by node index from `base` (the builder's nodes before).
        let base = builder.ids.count
        var firstLines: [Int] = []
        while let line = reader.next() {
            lineNumber += 1
            if line.isEmpty { continue }
            let (fields, problem) = Fields.split(line, separator: separator, quoted: quoted)
            if let problem {
                error(problem.message, line: lineNumber, column: Fields.column(problem.at, in: line))
                continue
            }
            guard fields.count == header.count else {
                error("expected \(header.count) columns as in the header, found \(fields.count)", line: lineNumber)
                continue
            }
            func text(_ k: Int) -> String {
                Fields.text(line[(line.startIndex + fields[k].lowerBound)..<(line.startIndex + fields[k].upperBound)], quoted: quoted)
            }
            let nodeID = text(id)
            guard !nodeID.isEmpty else {
                error("empty node id", line: lineNumber)
                continue
            }
            if let n = builder.node(nodeID), Int(n) >= base {
                error("duplicate node id '\(nodeID)'; first at line \(firstLines[Int(n) - base])", line: lineNumber)
                continue
            }
            let n = builder.addNode(nodeID, name: name.map(text), kind: kind.map(text))
            if Int(n) >= base { firstLines.append(lineNumber) }
        }
    }
}

extension SourceExcerpt {
    /// Lines kept as they were read, by their 1-based numbers.
    init(path: String, lines: [Int: String]) {
        self.path = path
        self.lines = lines
    }
}
