import Foundation

/// Writes files so that readers see either the old content or the new, never a part.
public enum AtomicFile {
    /// Why a write failed; the original file, if any, is untouched.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Writes `data` to a temporary file beside `path`, then renames it over `path`.
    ///
    /// An existing file's permissions are kept. On failure the temporary file is removed.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let manager = FileManager.default
        var permissions: Any?
        if let attributes = try? manager.attributesOfItem(atPath: path) {
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw WriteError(description: "cannot write '\(path)': is a directory")
            }
            permissions = attributes[.posixPermissions]
        }
        guard manager.createFile(atPath: temporary, contents: data) else {
            throw WriteError(description: "cannot write '\(path)': \(reason(forDirectory: directory))")
        }
        if let permissions {
            try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary)
        }
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno)).lowercased()
            try? manager.removeItem(atPath: temporary)
            throw WriteError(description: "cannot write '\(path)': \(message)")
        }
    }

    private static func reason(forDirectory directory: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return "no such directory '\(directory)'"
        }
        if !FileManager.default.isWritableFile(atPath: directory) { return "permission denied" }
        return "the file could not be created"
    }
}
