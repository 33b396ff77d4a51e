internal import CGraphviz
import Foundation

/// Errors from the Graphviz libraries, with Graphviz's own message.
public struct GraphvizError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// The one process-wide Graphviz context.
///
/// libcgraph and libgvc are not thread-safe, and freeing and re-creating
/// contexts leaks and causes invalid reads in the pango plugin. So the
/// context is created lazily, never freed, and every call into Graphviz
/// happens inside `withContext`, under one lock.
final class GraphvizContext: @unchecked Sendable {
    static let shared = GraphvizContext()

    private let lock = NSLock()
    private var context: OpaquePointer?

    private init() {}

    /// Runs `body` with the context while holding the Graphviz lock.
    func withContext<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            context = gvContext()
        }
        guard let context else { throw GraphvizError(message: "cannot create a Graphviz context") }
        return try body(context)
    }
}

/// Facts about the linked Graphviz libraries.
public enum Graphviz {
    /// The version string the linked libgvc reports, e.g. `2.43.0`.
    public static func version() throws -> String {
        try GraphvizContext.shared.withContext { context in
            guard let version = gvcVersion(context) else {
                throw GraphvizError(message: "libgvc did not report a version")
            }
            return String(cString: version)
        }
    }
}
