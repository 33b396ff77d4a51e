import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Several files with fixed names written into one new or empty directory (`-o DIR`), each atomically
/// with `OutputFile`; when any file fails, the files written so far, and a directory it made, are removed.
public enum OutputDirectory {
    /// One file to write: its fixed name, and its bytes, made when its turn comes (a failure there rolls back too).
    public struct File {
        public let name: String
        public let contents: () throws -> Data

        public init(name: String, contents: @escaping () throws -> Data) {
            self.name = name
            self.contents = contents
        }

        public init(name: String, data: Data) {
            self.init(name: name) { data }
        }
    }

    /// Why the files were not written; nothing of them is left behind.
    public enum WriteError: Error, CustomStringConvertible, Sendable {
        /// The directory cannot hold the output: it is not a directory, not empty, or cannot be made.
        case unusable(directory: String, reason: String)
        /// A file name that is empty, `.`, `..`, has a `/`, or is given twice.
        case badName(String)
        /// Writing one file failed.
        case file(name: String, OutputFile.WriteError)
        /// Making one file's bytes failed.
        case contents(name: String, reason: String)

        public var description: String {
            switch self {
            case let .unusable(directory, reason): "\(directory): \(reason)"
            case let .badName(name): "'\(name)' is not a file name for an output directory"
            case let .file(_, error): error.description
            case let .contents(name, reason): "\(name): \(reason)"
            }
        }
    }

    /// Writes `files` into `directory`, which must be new (its parent existing) or empty.
    public static func write(_ files: [File], to directory: String) throws(WriteError) {
        var seen = Set<String>()
        for file in files {
            let name = file.name
            guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), seen.insert(name).inserted else {
                throw .badName(name)
            }
        }
        let created = try prepare(directory)
        var written: [String] = []
        do throws(WriteError) {
            for file in files {
                let path = (directory as NSString).appendingPathComponent(file.name)
                let data: Data
                do {
                    data = try file.contents()
                } catch {
                    throw .contents(name: file.name, reason: "\(error)")
                }
                do {
                    try OutputFile.write(data, to: path)
                } catch {
                    throw .file(name: file.name, error)
                }
                written.append(path)
            }
        } catch {
            for path in written.reversed() { unlink(path) }
            if created { rmdir(directory) }
            throw error
        }
    }

    /// Checks that `directory` is an empty directory, or makes it; whether it was made.
    private static func prepare(_ directory: String) throws(WriteError) -> Bool {
        if directory.isEmpty || directory == "-" || OutputFile.descriptorNumber(directory) != nil {
            throw .unusable(directory: directory, reason: "several files need a directory, not a stream")
        }
        var info = stat()
        guard stat(directory, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw .unusable(directory: directory, reason: Descriptor.reason(code)) }
            guard mkdir(directory, 0o777) == 0 else {
                let reason = errno == ENOENT ? "its parent directory does not exist" : Descriptor.reason(errno)
                throw .unusable(directory: directory, reason: "cannot make the directory: \(reason)")
            }
            return true
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .unusable(directory: directory, reason: "is not a directory") }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw .unusable(directory: directory, reason: "cannot list the directory")
        }
        guard entries.isEmpty else {
            throw .unusable(directory: directory, reason: "is not empty; give a new or empty directory")
        }
        return false
    }
}
