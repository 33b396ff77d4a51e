import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-buffer reads and writes on raw file descriptors, retried on `EINTR`.
public enum Descriptor {
    /// Writes every byte of `bytes` to `fd`; the `errno` of the first failure, or `nil`.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var next = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = write(fd, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            next += written
            left -= written
        }
        return nil
    }

    /// Writes all of `data` to `fd`; the `errno` of the first failure, or `nil`.
    public static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
        data.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Whether `fd` is an open descriptor of this process.
    public static func isOpen(_ fd: Int32) -> Bool {
        fcntl(fd, F_GETFD) != -1
    }

    /// `strerror`, in lower case, for messages that go on after a colon.
    public static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
