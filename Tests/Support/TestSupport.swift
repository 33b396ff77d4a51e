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
        case differs(expected: String, actual: String)
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
        return expected == actual ? .matches : .differs(expected: expected, actual: actual)
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
