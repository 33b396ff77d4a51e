import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes command output to a path, never replacing anything but a regular file (docs/cli.md, "Output files").
public enum OutputFile {
    /// Why a write failed; a regular file that was there is untouched.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let description: String
        /// The `errno` of the system call that failed, if one did.
        public let code: Int32?

        init(_ path: String, _ message: String, code: Int32? = nil) {
            description = path == "-" ? "cannot write to standard output: \(message)" : "cannot write '\(path)': \(message)"
            self.code = code
        }

        /// Whether the reader of a pipe went away (`EPIPE`).
        public var isBrokenPipe: Bool { code == EPIPE }
    }

    /// Where the bytes for a path go.
    enum Target: Equatable, Sendable {
        /// An descriptor of this process: `-` (1), `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`.
        case descriptor(Int32)
        /// A character device or FIFO, at its path after symbolic links: written in place.
        case inPlace(String)
        /// An existing regular file, after symbolic links: replaced by a rename.
        case replace(String)
        /// A path where nothing is (a dangling link's target included): created by a rename.
        case create(String)
    }

    /// The most symbolic links followed, as the kernel's own limit.
    static let maximumLinks = 40

    /// Writes `data` where `path` says (see `Target`).
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        switch try target(of: path) {
        case let .descriptor(fd): try writeDescriptor(data, fd: fd, path: path)
        case let .inPlace(target): try writeInPlace(data, to: target, path: path)
        case let .replace(target), let .create(target): try replace(data, at: target, path: path)
        }
    }

    /// Replaces the regular file at `path` (after symbolic links) by a rename, and refuses anything else.
    public static func rewrite(_ data: Data, at path: String) throws(WriteError) {
        guard path != "-", descriptorNumber(path) == nil else { throw WriteError(path, "it names a file descriptor, not a file") }
        switch try target(of: path) {
        case let .replace(target): try replace(data, at: target, path: path)
        case .descriptor, .inPlace, .create: throw WriteError(path, "it is no longer a regular file")
        }
    }

    /// Why `path` cannot be rewritten in place, found without opening it: it names a descriptor, or
    /// (after symbolic links) a FIFO, device or socket; `nil` for a regular file, a directory or nothing.
    public static func notRewritable(_ path: String) -> String? {
        if descriptorNumber(path) != nil { return "it names a file descriptor, not a file" }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "it is a FIFO"
        case S_IFCHR: return "it is a character device"
        case S_IFBLK: return "it is a block device"
        case S_IFSOCK: return "it is a socket"
        default: return nil
        }
    }

    /// What writing to `path` would do, following symbolic links; refusals are errors.
    static func target(of path: String) throws(WriteError) -> Target {
        if path.isEmpty { throw WriteError(path, "no file named") }
        var current = path
        for _ in 0...maximumLinks {
            if let fd = descriptorNumber(current) { return .descriptor(fd) }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let code = errno
                guard code == ENOENT else { throw WriteError(path, reason(code, directory: directory(of: current)), code: code) }
                if current.hasSuffix("/") { throw WriteError(path, "no such directory") }
                return .create(current)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                current = try linkTarget(current, path: path)
            case S_IFREG:
                try requireWritable(info, current, path: path)
                return .replace(current)
            case S_IFCHR, S_IFIFO:
                try requireWritable(info, current, path: path)
                return .inPlace(current)
            case S_IFSOCK:
                throw WriteError(path, "is a socket; pharmgraph writes files, character devices and FIFOs")
            case S_IFDIR:
                throw WriteError(path, "is a directory")
            case S_IFBLK:
                throw WriteError(path, "is a block device; pharmgraph writes files, character devices and FIFOs")
            default:
                throw WriteError(path, "is not a file, character device or FIFO")
            }
        }
        throw WriteError(path, "too many levels of symbolic links", code: ELOOP)
    }

    /// The descriptor a name stands for: `-`, `/dev/stdin|stdout|stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return 1
        case "/dev/stderr": return 2
        case "/dev/stdin": return 0
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                let digits = path.dropFirst(prefix.count)
                guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
                return Int32(digits)
            }
            return nil
        }
    }

    /// Refuses a file whose owner has no write bit (even for root), or one this user may not write.
    private static func requireWritable(_ info: stat, _ target: String, path: String) throws(WriteError) {
        if info.st_mode & S_IWUSR == 0 {
            throw WriteError(path, "it is read-only (its owner has no write permission); pharmgraph will not replace it")
        }
        if access(target, W_OK) != 0 {
            let code = errno
            throw WriteError(path, reason(code, directory: directory(of: target)), code: code)
        }
    }

    /// The path a symbolic link points to, relative links taken from the link's directory.
    private static func linkTarget(_ link: String, path: String) throws(WriteError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(link, &buffer, buffer.count - 1)
        guard length >= 0 else { throw WriteError(path, reason(errno, directory: directory(of: link)), code: errno) }
        let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        let base = (link as NSString).deletingLastPathComponent
        return base.isEmpty ? destination : base + "/" + destination
    }

    private static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// Writes to an open descriptor as it is: no truncation, no close.
    private static func writeDescriptor(_ data: Data, fd: Int32, path: String) throws(WriteError) {
        guard Descriptor.isOpen(fd) else { throw WriteError(path, "bad file descriptor", code: EBADF) }
        if let code = Descriptor.writeAll(fd, data) { throw WriteError(path, Descriptor.reason(code), code: code) }
    }

    /// Writes a character device or FIFO in place, opened without truncation or creation (a FIFO waits for a reader).
    private static func writeInPlace(_ data: Data, to target: String, path: String) throws(WriteError) {
        let fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw WriteError(path, reason(errno, directory: directory(of: target)), code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, [S_IFCHR, S_IFIFO].contains(info.st_mode & S_IFMT) else {
            throw WriteError(path, "it changed from a device or FIFO while being opened")
        }
        if let code = Descriptor.writeAll(fd, data) { throw WriteError(path, Descriptor.reason(code), code: code) }
    }

    /// Writes an exclusive 0600 temporary file beside `target`, fsyncs it and renames it over; keeps mode and owner.
    private static func replace(_ data: Data, at target: String, path: String) throws(WriteError) {
        var info = stat()
        let existing = stat(target, &info) == 0 ? info : nil
        let mode: mode_t
        if let existing {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        let folder = directory(of: target)
        let name = (target as NSString).lastPathComponent
        let temporary = folder + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError(path, reason(errno, directory: folder), code: errno) }
        var failure = Descriptor.writeAll(fd, data)
        if let existing, existing.st_uid != geteuid() || existing.st_gid != getegid() {
            // Best effort: only root may give a file away; the mode below is kept either way.
            _ = fchown(fd, existing.st_uid, existing.st_gid)
        }
        if failure == nil, fchmod(fd, mode) != 0 { failure = errno }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, target) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw WriteError(path, Descriptor.reason(failure), code: failure)
        }
    }

    private static func reason(_ code: Int32, directory: String) -> String {
        switch code {
        case ENOENT, ENOTDIR: "no such directory '\(directory)'"
        case EACCES, EPERM: "permission denied"
        default: Descriptor.reason(code)
        }
    }
}
