import Dispatch
import Foundation

/// Reads `REV:path` inputs from git, run in the current directory: the spec is resolved by
/// `git cat-file --batch-check`, which reads it from stdin (so it is never taken as an option),
/// and only a file (blob) is then read, by its object id, with `git cat-file blob`.
public enum GitRevision {
    /// Why git gave no file for a spec.
    public enum ShowError: Error, Sendable {
        /// git could not be run, or exited with an error; its message, one entry per line.
        case git([String])
        /// The blob could not be read or decompressed (over the size limit, say).
        case read(InputFile.ReadError)
        /// The spec starts with `-` or holds a line break: git would not read it as a revision.
        case refused(String)
        /// The revision of `REV:path` does not exist.
        case noRevision(String)
        /// The revision (empty: the index) has no such path.
        case noPath(path: String, revision: String)
        /// The path is a folder in the revision.
        case folder(path: String, revision: String)
        /// The spec names a git object that is not a file (a commit, say).
        case notFile(spec: String, type: String)
        /// The spec (an abbreviated id, say) names more than one object.
        case ambiguous(String)

        /// The message after `SPEC: error: `; git's own may span several lines.
        public var lines: [String] {
            switch self {
            case let .git(lines): lines
            case let .read(error): [error.description]
            case let .refused(reason): [reason]
            case let .noRevision(revision): ["no such revision '\(revision)' in the git repository here"]
            case let .noPath(path, ""): ["no such path '\(path)' in the git index (staged files)"]
            case let .noPath(path, revision): ["no such path '\(path)' in \(revision)"]
            case let .folder(path, revision): ["'\(path)' is a folder in \(revision.isEmpty ? "the git index" : revision), not a file"]
            case let .notFile(spec, type): ["'\(spec)' names a git \(type), not a file; give REV:path"]
            case let .ambiguous(spec): ["'\(spec)' is ambiguous in git; give a longer revision"]
            }
        }
    }

    /// The revision and the path of `REV:path` (`:path` names the staged version); `nil` for any other text.
    public static func split(_ argument: String) -> (revision: String, path: String)? {
        guard let colon = argument.firstIndex(of: ":"), argument.index(after: colon) != argument.endIndex else { return nil }
        return (String(argument[..<colon]), String(argument[argument.index(after: colon)...]))
    }

    /// The blob of `spec` (`REV:path`), decoded as a file called `path` is (gzip/xz), at most `limit` bytes.
    /// When reading gives up (over the limit, say), git is stopped and the rest of its output is never read.
    public static func read(_ spec: String, limit: Int = InputFile.defaultLimit) throws(ShowError) -> Data {
        let name = split(spec)?.path ?? spec
        let object = try blob(spec)
        return try git(["cat-file", "blob", object]) { fd throws(ShowError) in
            do throws(InputFile.ReadError) {
                return try InputFile.read(descriptor: fd, name: name, limit: limit)
            } catch {
                throw .read(error)
            }
        }
    }

    /// The longest spec read: its queries fit in an empty pipe, so writing them never blocks.
    static let maximumSpec = 8192

    /// The object id of the file `spec` names, or why it names none.
    static func blob(_ spec: String) throws(ShowError) -> String {
        if spec.hasPrefix("-") { throw .refused("a git revision cannot start with '-'") }
        if spec.contains(where: \.isNewline) { throw .refused("a git revision or path cannot hold a line break") }
        if spec.utf8.count > maximumSpec { throw .refused("a git revision and path longer than \(maximumSpec) bytes cannot be read") }
        let (revision, path) = split(spec) ?? (spec, "")
        // The revision alone is asked for too, to tell a missing revision from a missing path.
        var queries = [spec]
        if !revision.isEmpty { queries.append(revision + "^{tree}") }
        let input = Data(queries.map { $0 + "\n" }.joined().utf8)
        let output = try git(["cat-file", "--batch-check=%(objectname) %(objecttype)"], input: input) { fd throws(ShowError) in
            do throws(InputFile.ReadError) {
                return try InputFile.read(descriptor: fd, name: "", limit: 1 << 20, decompress: false)
            } catch {
                throw .read(error)
            }
        }
        let answers = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard answers.count > queries.count - 1 else { throw .git(["cannot read from git: no answer for '\(spec)'"]) }
        switch answers[0] {
        case spec + " missing":
            if queries.count > 1, answers.count > 1, answers[1] == queries[1] + " missing" || answers[1] == queries[1] + " ambiguous" {
                throw .noRevision(revision)
            }
            throw .noPath(path: path, revision: revision)
        case spec + " ambiguous":
            throw .ambiguous(spec)
        default:
            let parts = answers[0].split(separator: " ").map(String.init)
            guard parts.count == 2, parts[0].allSatisfy(\.isHexDigit) else {
                throw .git(["cannot read from git: unexpected answer '\(answers[0])'"])
            }
            switch parts[1] {
            case "blob": return parts[0]
            case "tree": throw .folder(path: path, revision: revision)
            default: throw .notFile(spec: spec, type: parts[1])
            }
        }
    }

    /// What `read` makes of the output of `git ARGUMENTS`, with `input` on its stdin.
    private static func git(
        _ arguments: [String], input: Data? = nil, read: (Int32) throws(ShowError) -> Data
    ) throws(ShowError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe()
        let err = Pipe()
        let inputPipe = input.map { _ in Pipe() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        // The input (a few short lines) fits in the empty pipe: written before git starts, it can neither
        // block nor meet a closed pipe.
        if let input, let inputPipe {
            try? inputPipe.fileHandleForWriting.write(contentsOf: input)
            try? inputPipe.fileHandleForWriting.close()
        }
        do {
            try process.run()
        } catch {
            throw .git(["cannot run git: \(error.localizedDescription)"])
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
            let reason = text.isEmpty ? "git \(arguments[0]) exited with status \(process.terminationStatus)" : text
            // git's message may span lines ("fatal: ...", "hint: ..."); keep them all, first on the headline.
            let lines = reason.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            throw .git(["cannot read from git: \(lines[0])"] + lines.dropFirst())
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
