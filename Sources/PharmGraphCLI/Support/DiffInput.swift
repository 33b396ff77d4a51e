import Dispatch
import Foundation
import PharmGraph
import PharmGraphIO

/// Something `pharmgraph diff` cannot go on with; the message is printed and the exit status is 2.
struct DiffTrouble: Error {
    /// Lines for stderr, without trailing newlines.
    let lines: [String]

    init(_ message: String) { lines = [message] }
    init(lines: [String]) { self.lines = lines }
}

/// One side of a diff: where it is read from, what it is called, and what it holds once loaded.
struct DiffInput: Sendable {
    enum Source: Sendable {
        /// A file on disk.
        case file(String)
        /// `git show REV:path`, run in the current directory.
        case revision(String)
        /// Nothing: the side of a file git reports as added or deleted (`/dev/null`).
        case empty
    }

    /// A loaded side: a curated graph, or any other network.
    typealias Content = DiffReport.Content

    let source: Source
    /// The name shown in output and diagnostics.
    let name: String
    /// The name the format is told from (git's temporary files keep the real name only in the path argument).
    let formatName: String

    /// The input an argument names: an existing file, else `REV:path`, else a missing file.
    init(argument: String) {
        name = argument
        formatName = argument
        if argument == "/dev/null" {
            source = .empty
        } else if FileManager.default.fileExists(atPath: argument) {
            source = .file(argument)
        } else if let colon = argument.firstIndex(of: ":"), argument.index(after: colon) != argument.endIndex {
            // `REV:path`, or `:path` for the staged version.
            source = .revision(argument)
            // The format comes from the path part of REV:path.
            return
        } else {
            source = .file(argument)
        }
    }

    init(source: Source, name: String, formatName: String) {
        self.source = source
        self.name = name
        self.formatName = formatName
    }

    var isEmpty: Bool {
        if case .empty = source { return true }
        return false
    }

    /// The revision of a `REV:path` input (empty for the index, `:path`), for provenance.
    private var revision: String? {
        guard case let .revision(spec) = source, let colon = spec.firstIndex(of: ":") else { return nil }
        return String(spec[..<colon])
    }

    /// The path part of `REV:path`, or the name.
    private var pathForFormat: String {
        if case .revision = source, let colon = formatName.firstIndex(of: ":") {
            return String(formatName[formatName.index(after: colon)...])
        }
        return formatName
    }

    /// The decompressed bytes, at most `limit` of them.
    func read(limit: Int) throws(DiffTrouble) -> Data {
        switch source {
        case .empty:
            return Data()
        case let .file(path):
            do {
                return try InputFile.read(path, limit: limit)
            } catch {
                throw DiffTrouble("\(name): error: \(InputReading.message(error))")
            }
        case let .revision(spec):
            // The blob is decoded as it streams from git, by the rule files follow (name or magic, capped).
            return try Git.show(spec) { fd throws(DiffTrouble) in
                do throws(InputFile.ReadError) {
                    return try InputFile.read(descriptor: fd, name: pathForFormat, limit: limit)
                } catch {
                    throw DiffTrouble("\(name): error: \(InputReading.message(error))")
                }
            }
        }
    }

    /// Reads and loads the input; any diagnostics but warnings make it trouble.
    func load(format: InputFormat?, options: ImportOptions, limit: Int) throws(DiffTrouble) -> DiffReport.Side {
        if isEmpty {
            let graph = Graph(id: "", title: "", version: "", nodes: [], edges: [])
            return DiffReport.Side(name: name, content: .graph(graph), isEmpty: true, input: Provenance.Input(bytes: [], graph: nil))
        }
        let data = try read(limit: limit)
        func side(_ content: Content, graph: Graph?) -> DiffReport.Side {
            DiffReport.Side(name: name, content: content, input: Provenance.Input(bytes: data, graph: graph, revision: revision))
        }
        guard let format = format ?? NetworkInput.format(of: pathForFormat, data: data) else {
            let names = InputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw DiffTrouble("\(name): error: cannot tell the format from the name; give --input-format (\(names))")
        }
        if format == .graph {
            let result = GraphLoader.load(data: data, path: name)
            if let graph = result.graph { return side(.graph(graph), graph: graph) }
            throw DiffTrouble(lines: Self.errors(result.diagnostics, formatter: DiagnosticFormatter(source: result.source)))
        }
        let result = NetworkInput.load(data: data, path: name, format: format, import: options)
        if let network = result.network { return side(.network(network), graph: nil) }
        throw DiffTrouble(lines: Self.errors(result.diagnostics, formatter: result.formatter))
    }

    /// The errors among `diagnostics`, formatted with their source lines (warnings are not the diff's business).
    private static func errors(_ diagnostics: [Diagnostic], formatter: DiagnosticFormatter) -> [String] {
        let lines = diagnostics.filter { $0.severity == .error }.map(formatter.format)
        return lines.isEmpty ? ["error: the input could not be loaded"] : lines
    }

    /// Loads both sides at once (two cores halve the time on large networks); old first in any trouble.
    static func loadPair(
        _ old: DiffInput, _ new: DiffInput, format: InputFormat?, options: ImportOptions, limit: Int
    ) throws(DiffTrouble) -> (DiffReport.Side, DiffReport.Side) {
        let inputs = [old, new]
        let results = ResultSlots(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            results.set(i, Result { () throws(DiffTrouble) in try inputs[i].load(format: format, options: options, limit: limit) })
        }
        var lines: [String] = []
        var contents: [DiffReport.Side] = []
        for i in 0..<2 {
            switch results.get(i) {
            case let .success(content): contents.append(content)
            case let .failure(trouble): lines += trouble.lines
            case nil: lines.append("\(inputs[i].name): error: not loaded")
            }
        }
        guard lines.isEmpty else { throw DiffTrouble(lines: lines) }
        return (contents[0], contents[1])
    }
}

/// Results written by concurrent loads, one slot each.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<DiffReport.Side, DiffTrouble>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<DiffReport.Side, DiffTrouble>) {
        lock.lock()
        slots[i] = result
        lock.unlock()
    }

    func get(_ i: Int) -> Result<DiffReport.Side, DiffTrouble>? {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]
    }
}

/// Runs git for `REV:path` inputs.
enum Git {
    /// What `read` makes of the output of `git show SPEC`, run in the current directory; git's own message on failure.
    /// When `read` gives up (over the size limit, say), git is stopped and the rest of its output is never read.
    static func show(_ spec: String, read: (Int32) throws(DiffTrouble) -> Data) throws(DiffTrouble) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", spec]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiffTrouble("\(spec): error: cannot run git: \(error.localizedDescription)")
        }
        // Read both pipes at once so that a full pipe cannot block git.
        let errors = PipeReader(err.fileHandleForReading)
        let data: Data
        do {
            data = try read(out.fileHandleForReading.fileDescriptor)
        } catch {
            // Closing our end makes git's next write fail; terminate stops it if it is not writing.
            try? out.fileHandleForReading.close()
            process.terminate()
            _ = errors.wait()
            process.waitUntilExit()
            throw error
        }
        let message = errors.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let reason = text.isEmpty ? "git show exited with status \(process.terminationStatus)" : text
            // git's message may span lines ("fatal: ...", "hint: ..."); keep them all, first on the headline.
            let lines = reason.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            throw DiffTrouble(lines: ["\(spec): error: cannot read from git: \(lines[0])"] + lines.dropFirst())
        }
        return data
    }
}

/// Reads a pipe to its end on another thread.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let group = DispatchGroup()

    init(_ handle: FileHandle) {
        group.enter()
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.group.leave()
        }
    }

    func wait() -> Data {
        group.wait()
        return data
    }
}
