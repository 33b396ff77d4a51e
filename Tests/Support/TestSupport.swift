import Foundation

/// Paths into the repository, found from this file's location.
public enum Repository {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path relative to the root.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// `../shared/data` beside the checkout, if present.
    public static var sharedData: String? {
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/data").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}

/// Golden-file comparison. With `PHARMGRAPH_RECORD=1` the golden file is rewritten
/// and the comparison fails, so a re-recording run can never pass silently.
public enum Golden {
    public enum Outcome: Equatable {
        case matches
        /// The golden file (`-`) and the output (`+`) differ at these lines.
        case differs(LineDiff)
        case recorded(String)
        case missing(String)
    }

    public static func compare(_ actual: String, to relativePath: String) -> Outcome {
        let path = Repository.path(relativePath)
        if ProcessInfo.processInfo.environment["PHARMGRAPH_RECORD"] == "1" {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return .recorded(relativePath)
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .missing(relativePath)
        }
        return expected == actual ? .matches : .differs(LineDiff(expected: expected, actual: actual))
    }
}

extension Golden.Outcome: CustomStringConvertible {
    /// What a failed expectation prints: the line diff, not the two files.
    public var description: String {
        switch self {
        case .matches: "matches"
        case let .differs(diff): "differs from the golden file (- golden, + output):\n\(diff)"
        case let .recorded(path): "recorded \(path) (PHARMGRAPH_RECORD=1); run again without it"
        case let .missing(path): "no golden file \(path); record it with PHARMGRAPH_RECORD=1"
        }
    }
}

/// The lines two texts differ in, from a longest common subsequence of their lines.
public struct LineDiff: Equatable, Sendable, CustomStringConvertible {
    /// A line only in the expected text (`-`) or only in the actual one (`+`), numbered in its own text.
    public struct Line: Equatable, Sendable {
        public let mark: Character
        public let number: Int
        public let text: String
    }

    /// The most lines `description` shows.
    public static let shownLines = 20

    /// Every differing line, in order.
    public let lines: [Line]

    public init(expected: String, actual: String) {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The common head and tail are equal; the table covers only the middle.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = Array(old[head..<(old.count - tail)])
        let b = Array(new[head..<(new.count - tail)])
        var lines: [Line] = []
        if a.count * b.count > 4_000_000 {
            // Too big to align: every middle line differs.
            lines =
                a.enumerated().map { Line(mark: "-", number: head + $0.offset + 1, text: $0.element) }
                + b.enumerated().map { Line(mark: "+", number: head + $0.offset + 1, text: $0.element) }
        } else {
            // common[i][j]: the longest common subsequence of a[i...] and b[j...].
            var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
                }
            }
            var (i, j) = (0, 0)
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, a[i] == b[j] {
                    i += 1
                    j += 1
                } else if j == b.count || (i < a.count && common[i + 1][j] >= common[i][j + 1]) {
                    lines.append(Line(mark: "-", number: head + i + 1, text: a[i]))
                    i += 1
                } else {
                    lines.append(Line(mark: "+", number: head + j + 1, text: b[j]))
                    j += 1
                }
            }
        }
        self.lines = lines
    }

    /// The first `shownLines` differing lines, `-` expected and `+` actual, each with its line number.
    public var description: String {
        var text = lines.prefix(Self.shownLines).map { "\($0.mark)\($0.number): \(String(reflecting: $0.text))" }
        if lines.count > Self.shownLines { text.append("… and \(lines.count - Self.shownLines) more differing lines") }
        return text.joined(separator: "\n")
    }
}

/// The result of running the built `pharmgraph` binary.
public struct RunResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the `pharmgraph` binary that `swift build` / `swift test` put beside the test bundle.
public enum Binary {
    /// The built executable.
    public static var url: URL? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent())
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle)
        candidates.append(bundle.deletingLastPathComponent())
        // macOS: …/debug/X.xctest/Contents/MacOS/X
        candidates.append(
            executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent())
        for directory in candidates {
            let url = directory.appendingPathComponent("pharmgraph")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs the binary with `arguments` in `directory`, feeding `input` on stdin, with `NO_COLOR` set.
    public static func run(_ arguments: [String], in directory: String? = nil, input: String = "") throws -> RunResult {
        guard let url else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "pharmgraph binary not found"]) }
        return try Program.run(url.path, arguments, in: directory, environment: ["NO_COLOR": "1"], input: input)
    }
}

/// Runs programs and collects what they print.
public enum Program {
    /// Runs `executable`; `environment` entries replace (or, with `nil`, remove) inherited ones.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil,
        environment: [String: String?] = [:], input: String = ""
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var inherited = ProcessInfo.processInfo.environment
        for (key, value) in environment { inherited[key] = value }
        process.environment = inherited
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        inp.fileHandleForWriting.write(Data(input.utf8))
        try inp.fileHandleForWriting.close()
        return collect(process, out: out, err: err)
    }

    /// Reads a started process's stdout and stderr pipes to their ends, then waits for it.
    static func collect(_ process: Process, out: Pipe, err: Pipe) -> RunResult {
        // Read both pipes concurrently so a full pipe cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary directory, removed by the caller.
public func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "pharmgraph-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
