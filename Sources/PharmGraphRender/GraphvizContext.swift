internal import CGraphviz
import Foundation

/// A failure in the Graphviz libraries, with Graphviz's own messages.
public struct GraphvizError: Error, CustomStringConvertible, Sendable {
    /// What was being done, e.g. `cannot lay out the graph with dot`.
    public let message: String
    /// The messages Graphviz reported meanwhile, one per line, e.g. `Error: syntax error in line 3 near '->'`.
    public let graphvizMessages: [String]

    init(message: String, graphvizMessages: [String] = []) {
        self.message = message
        self.graphvizMessages = graphvizMessages
    }

    public var description: String {
        graphvizMessages.isEmpty ? message : message + ": " + graphvizMessages.joined(separator: "; ")
    }
}

/// Graphviz's messages since the current operation began; guarded by the Graphviz lock.
nonisolated(unsafe) private var capturedMessages = ""

/// Receives every message cgraph and gvc report (installed with `agseterrf`), instead of stderr.
private let captureMessage: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { message in
    if let message { capturedMessages += String(cString: message) }
    return 0
}

/// The one process-wide Graphviz context.
///
/// libcgraph and libgvc are not thread-safe, and freeing and re-creating
/// contexts leaks and causes invalid reads in the pango plugin. So the
/// context is created lazily, never freed, and every call into Graphviz
/// happens inside `perform`, under one lock.
final class GraphvizContext: @unchecked Sendable {
    static let shared = GraphvizContext()

    private let lock = NSLock()
    private var context: OpaquePointer?

    private init() {}

    /// Runs `body` under the Graphviz lock with a fresh error state; returns its result and
    /// the messages (warnings) Graphviz reported. Messages reported before a throw go into the error.
    func perform<T>(_ body: (Session) throws(GraphvizError) -> T) throws(GraphvizError) -> (value: T, messages: [String]) {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            _ = agseterrf(captureMessage)
            _ = agseterr(AGWARN)
            context = gvContext()
        }
        guard let context else { throw GraphvizError(message: "cannot create a Graphviz context") }
        capturedMessages = ""
        _ = agreseterrors()
        let session = Session(context: context)
        do {
            let value = try body(session)
            return (value, Session.takeMessages())
        } catch {
            let messages = Session.takeMessages()
            throw GraphvizError(message: error.message, graphvizMessages: error.graphvizMessages + messages)
        }
    }
}

/// The Graphviz calls, each checked, for use only inside `GraphvizContext.perform`.
///
/// Pointers are lent to closures and never escape them; every graph is closed
/// and every layout freed when the closure returns or throws.
struct Session {
    fileprivate let context: OpaquePointer

    /// The messages captured so far, split into lines; the buffer is emptied.
    fileprivate static func takeMessages() -> [String] {
        let lines = capturedMessages.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        capturedMessages = ""
        return lines.filter { !$0.isEmpty }
    }

    /// Parses `dot` (as `agmemread` does, with IDs in creation order), lends the graph to `body`, then closes it.
    func withGraph<T>(parsing dot: String, _ body: (ParsedGraph) throws(GraphvizError) -> T) throws(GraphvizError) -> T {
        _ = agreseterrors()
        let parsed = dot.utf8CString.withUnsafeBufferPointer { text in
            pharmgraph_memread(text.baseAddress, text.count - 1)
        }
        guard let graph = parsed else {
            throw GraphvizError(message: "cannot parse the DOT text")
        }
        let result: Result<T, GraphvizError>
        do { result = .success(try body(ParsedGraph(pointer: graph))) } catch { result = .failure(error) }
        if agclose(graph) != 0, case .success = result {
            throw GraphvizError(message: "cannot close the graph")
        }
        return try result.get()
    }

    /// Lays `graph` out with `engine`, lends it to `body`, then frees the layout (also on failure).
    func withLayout<T>(
        of graph: ParsedGraph, engine: String, _ body: () throws(GraphvizError) -> T
    ) throws(GraphvizError) -> T {
        _ = agreseterrors()
        let status = engine.withCString { gvLayout(context, graph.pointer, $0) }
        defer { _ = gvFreeLayout(context, graph.pointer) }
        guard status == 0 else { throw GraphvizError(message: "cannot lay out the graph with \(engine)") }
        return try body()
    }

    /// Renders the laid-out `graph` to memory in `format` (a Graphviz output format name).
    func render(_ graph: ParsedGraph, format: String) throws(GraphvizError) -> Data {
        _ = agreseterrors()
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = format.withCString { gvRenderData(context, graph.pointer, $0, &buffer, &length) }
        defer { if let buffer { gvFreeRenderData(buffer) } }
        guard status == 0, let buffer else { throw GraphvizError(message: "cannot render the graph as \(format)") }
        return Data(bytes: buffer, count: Int(length))
    }

    /// The names of the plugins of a kind (`layout`, `render`, `device`…) the context has loaded.
    func plugins(kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = kind.withCString({ gvPluginList(context, $0, &count, nil) }) else { return [] }
        defer { free(list) }
        var names: [String] = []
        for i in 0..<Int(count) {
            guard let entry = list[i] else { continue }
            names.append(String(cString: entry))
            free(entry)
        }
        return names
    }

    /// The version libgvc reports.
    func version() -> String? {
        gvcVersion(context).map { String(cString: $0) }
    }
}

/// A graph parsed by cgraph, lent to a closure in `Session.withGraph`.
struct ParsedGraph {
    fileprivate let pointer: UnsafeMutablePointer<Agraph_t>

    /// Node, edge and subgraph attributes as cgraph stores them, for reading a graph back.
    func contents() -> DOTContents {
        DOTContents(
            graph: object(pointer, kind: AGRAPH, name: ParsedGraph.name(of: UnsafeMutableRawPointer(pointer))),
            nodes: nodes(of: pointer).map { node in
                object(UnsafeMutableRawPointer(node), kind: AGNODE, name: ParsedGraph.name(of: UnsafeMutableRawPointer(node)))
            },
            edges: edges(),
            subgraphs: subgraphs(of: pointer))
    }

    private func nodes(of graph: UnsafeMutablePointer<Agraph_t>) -> [UnsafeMutablePointer<Agnode_t>] {
        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        var node = agfstnode(graph)
        while let current = node {
            nodes.append(current)
            node = agnxtnode(graph, current)
        }
        return nodes
    }

    private func edges() -> [DOTContents.Edge] {
        var edges: [DOTContents.Edge] = []
        for node in nodes(of: pointer) {
            var edge = agfstout(pointer, node)
            while let current = edge {
                let tail = ParsedGraph.name(of: UnsafeMutableRawPointer(pharmgraph_agtail(current)))
                let head = ParsedGraph.name(of: UnsafeMutableRawPointer(pharmgraph_aghead(current)))
                edges.append(
                    DOTContents.Edge(
                        tail: tail, head: head,
                        attributes: object(UnsafeMutableRawPointer(current), kind: AGEDGE, name: "").attributes))
                edge = agnxtout(pointer, current)
            }
        }
        return edges
    }

    private func subgraphs(of graph: UnsafeMutablePointer<Agraph_t>) -> [DOTContents.Subgraph] {
        var result: [DOTContents.Subgraph] = []
        var sub = agfstsubg(graph)
        while let current = sub {
            let raw = UnsafeMutableRawPointer(current)
            result.append(
                DOTContents.Subgraph(
                    object: object(raw, kind: AGRAPH, name: ParsedGraph.name(of: raw)),
                    nodeNames: nodes(of: current).map { ParsedGraph.name(of: UnsafeMutableRawPointer($0)) },
                    subgraphs: subgraphs(of: current)))
            sub = agnxtsubg(current)
        }
        return result
    }

    /// Every declared attribute of `kind`, read on `object` with `agxget`.
    private func object(_ object: UnsafeMutableRawPointer, kind: Int32, name: String) -> DOTContents.Object {
        var attributes: [String: String] = [:]
        var html = Set<String>()
        var symbol = agnxtattr(pointer, kind, nil)
        while let current = symbol {
            let key = String(cString: current.pointee.name)
            if let value = agxget(object, current) {
                attributes[key] = String(cString: value)
                if aghtmlstr(value) != 0 { html.insert(key) }
            }
            symbol = agnxtattr(pointer, kind, current)
        }
        return DOTContents.Object(name: name, attributes: attributes, htmlAttributes: html)
    }

    private static func name(of object: UnsafeMutableRawPointer) -> String {
        agnameof(object).map { String(cString: $0) } ?? ""
    }
}

/// A DOT graph as cgraph read it: every object's attributes, in cgraph's order.
package struct DOTContents: Sendable {
    /// A graph, subgraph, node or edge and its attribute values (defaults included).
    package struct Object: Sendable {
        package let name: String
        package let attributes: [String: String]
        /// The attributes whose values are HTML-like strings.
        package let htmlAttributes: Set<String>
    }

    package struct Edge: Sendable {
        package let tail: String
        package let head: String
        package let attributes: [String: String]
    }

    package struct Subgraph: Sendable {
        package let object: Object
        package let nodeNames: [String]
        package let subgraphs: [Subgraph]
    }

    package let graph: Object
    package let nodes: [Object]
    package let edges: [Edge]
    package let subgraphs: [Subgraph]
}
