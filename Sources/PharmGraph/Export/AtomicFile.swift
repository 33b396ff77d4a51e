import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that readers see either the old content or the new, never a part.
public enum AtomicFile {
    /// Why a write failed; the original file, if any, is untouched.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Writes `data` to a temporary file beside `path`, then renames it over `path`.
    ///
    /// A symbolic link is followed: its target is replaced and the link kept. An existing
    /// file keeps its permissions; a new one gets the usual `0666` less the umask. The
    /// temporary file is created exclusively with mode 0600, flushed to disk before the
    /// rename, and removed on failure.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        let mode: mode_t
        if stat(target, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw WriteError(description: "cannot write '\(path)': is a directory") }
            mode = info.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw WriteError(description: "cannot write '\(path)': \(reason(errno, directory: directory))") }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(description: "cannot write '\(path)': \(failure.lowercased())")
        }
    }

    private static func reason(_ code: Int32, directory: String) -> String {
        switch code {
        case ENOENT, ENOTDIR: "no such directory '\(directory.isEmpty ? "." : directory)'"
        case EACCES, EPERM: "permission denied"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
