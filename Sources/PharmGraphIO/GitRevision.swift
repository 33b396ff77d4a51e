import Dispatch
import Foundation

/// Reads `REV:path` inputs with `git show`, run in the current directory.
public enum GitRevision {
    /// Why `git show` gave no blob: git's own message, one entry per line, or a read error of its output.
    public enum ShowError: Error, Sendable {
        /// git could not be run, or exited with an error; its message, one entry per line.
        case git([String])
        /// The blob could not be read or decompressed (over the size limit, say).
        case read(InputFile.ReadError)
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
        return try show(spec) { fd throws(ShowError) in
            do throws(InputFile.ReadError) {
                return try InputFile.read(descriptor: fd, name: name, limit: limit)
            } catch {
                throw .read(error)
            }
        }
    }

    /// What `read` makes of the output of `git show SPEC`.
    private static func show(_ spec: String, read: (Int32) throws(ShowError) -> Data) throws(ShowError) -> Data {
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
            let reason = text.isEmpty ? "git show exited with status \(process.terminationStatus)" : text
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
