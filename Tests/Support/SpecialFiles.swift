import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// FIFOs, device nodes and sockets made by tests inside their own temporary folder; never in /dev.
public enum SpecialFiles {
    /// Makes a FIFO at `path`.
    public static func makeFIFO(_ path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw failure("mkfifo", path) }
    }

    /// Makes a character device node `major, minor` at `path` (1,3 is null, 1,7 is full on Linux),
    /// or returns why it could not (mknod needs a privilege most users lack).
    public static func makeCharacterDevice(_ path: String, major: UInt32, minor: UInt32) -> String? {
        let (ma, mi) = (UInt64(major), UInt64(minor))
        // glibc's makedev, a macro Swift cannot call.
        let device = ((ma & 0xFFFF_F000) << 32) | ((ma & 0xFFF) << 8) | ((mi & 0xFFFF_FF00) << 12) | (mi & 0xFF)
        guard mknod(path, S_IFCHR | 0o644, dev_t(device)) == 0 else {
            return "mknod \(major),\(minor) not permitted here: \(String(cString: strerror(errno)))"
        }
        return nil
    }

    /// Whether this process may make device nodes (mknod needs CAP_MKNOD: root, not in every container).
    public static let deviceNodesAllowed: Bool = {
        guard let folder = try? makeTemporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return makeCharacterDevice(folder + "/probe", major: 1, minor: 3) == nil
    }()

    /// Binds a Unix socket at `path`; the descriptor is the caller's to close.
    public static func bindSocket(_ path: String) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw failure("socket", path) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw failure("socket path too long", path) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw failure("bind", path)
        }
        return fd
    }

    /// The file type bits of `path` itself (a link is not followed).
    public static func type(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    private static func failure(_ call: String, _ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(call) \(path): \(String(cString: strerror(errno)))"])
    }
}

/// Reads a FIFO to its end on another thread, from before its writer opens it.
public final class FIFOReader: @unchecked Sendable {
    private let path: String
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) {
                data = (try? handle.readToEnd()) ?? Data()
                try? handle.close()
            }
            done.signal()
        }
    }

    /// The bytes read. If no writer ever came, a writer is opened and closed here to end the wait.
    public func finish() -> Data {
        while done.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        return data
    }
}

extension Program {
    /// Runs `executable` with stdout and/or stderr sent to the given handles (a device node, a
    /// broken pipe); a stream given no handle is captured, as `run` does.
    public static func runRedirected(
        _ executable: String, _ arguments: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil,
        in directory: String? = nil
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = stderr ?? err
        try process.run()
        try out.fileHandleForWriting.close()
        try err.fileHandleForWriting.close()
        return collect(process, out: out, err: err)
    }
}
