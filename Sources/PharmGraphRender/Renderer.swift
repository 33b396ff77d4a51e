import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Hierarchical layers; the best pathway layout, but slow on large cyclic graphs.
    case dot
    /// Spring model (stress majorization).
    case neato
    /// Spring model (force-directed), with clusters.
    case fdp
    /// Multiscale force-directed; for large graphs.
    case sfdp
    /// Circular.
    case circo
    /// Radial.
    case twopi

    /// Above this many nodes the default engine is sfdp instead of dot: dot takes minutes on cyclic
    /// graphs of 1,000 nodes, sfdp under a second (docs/rendering.md).
    public static let dotNodeLimit = 150

    /// The default engine for a drawing of `nodeCount` nodes: dot up to `dotNodeLimit`, sfdp above.
    public static func automatic(nodeCount: Int) -> LayoutEngine { nodeCount > dotNodeLimit ? .sfdp : .dot }
}

/// An output format.
public enum RenderFormat: String, Sendable, CaseIterable {
    /// Scalable vector graphics, with tooltips.
    case svg
    /// A bitmap (96 dpi).
    case png
    case pdf
    /// The DOT text itself, checked by cgraph but not laid out.
    case dot
    /// Graphviz's JSON: the laid-out graph with coordinates.
    case json
    /// A viewer page (docs/viewer.md): PharmGraph's `ViewerPage` around the SVG of `Renderer.viewerSVG`.
    case html

    /// The format named by a file name's extension, if any.
    public init?(fileExtension path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = RenderFormat(rawValue: ext) else { return nil }
        self = format
    }
}

/// A rendered image and the warnings Graphviz gave while making it.
public struct Rendering: Sendable {
    public let data: Data
    /// Graphviz's warnings, e.g. about a label too wide for its node.
    public let warnings: [String]
}

/// Lays out and renders DOT text in-process with libcgraph and libgvc.
///
/// Calls are serialised process-wide (Graphviz is not thread-safe), so any
/// thread or task may call `render`.
public enum Renderer {
    /// Parses `dot`, lays it out with `engine` and renders it in `format`.
    ///
    /// For `.dot` the text is parsed, to check it, and returned unchanged.
    public static func render(dot: String, engine: LayoutEngine, format: RenderFormat) throws(GraphvizError) -> Rendering {
        if format == .html {
            throw GraphvizError(message: "html is a viewer page, not a Graphviz format: render svg and give it to ViewerPage.html")
        }
        let (data, messages) = try GraphvizContext.shared.perform { session throws(GraphvizError) in
            try session.withGraph(parsing: dot) { graph throws(GraphvizError) in
                if format == .dot { return Data(dot.utf8) }
                return try session.withLayout(of: graph, engine: engine.rawValue) { () throws(GraphvizError) in
                    try session.render(graph, format: format.graphvizName)
                }
            }
        }
        return Rendering(data: data, warnings: messages)
    }

    /// Reads DOT text back with cgraph: every object's attributes as cgraph stores them.
    package static func contents(of dot: String) throws(GraphvizError) -> DOTContents {
        try GraphvizContext.shared.perform { session throws(GraphvizError) in
            try session.withGraph(parsing: dot) { graph in graph.contents() }
        }.value
    }

    /// Lays out and renders `dot` with any engine and format name, unchecked, for testing Graphviz's errors.
    package static func render(dot: String, engineName: String, formatName: String) throws(GraphvizError) -> Data {
        try GraphvizContext.shared.perform { session throws(GraphvizError) in
            try session.withGraph(parsing: dot) { graph throws(GraphvizError) in
                try session.withLayout(of: graph, engine: engineName) { () throws(GraphvizError) in
                    try session.render(graph, format: formatName)
                }
            }
        }.value
    }
}

extension Renderer {
    /// The SVG a viewer page embeds: `dot` (from `ViewerPage.diagram`) laid out with `engine`.
    public static func viewerSVG(dot: String, engine: LayoutEngine) throws(GraphvizError) -> Rendering {
        try render(dot: dot, engine: engine, format: .svg)
    }
}

extension RenderFormat {
    /// Graphviz's name for the format.
    var graphvizName: String { rawValue }
}

/// Facts about the linked Graphviz libraries.
public enum Graphviz {
    /// The version string the linked libgvc reports, e.g. `2.43.0`.
    public static func version() throws(GraphvizError) -> String {
        try GraphvizContext.shared.perform { session throws(GraphvizError) in
            guard let version = session.version() else {
                throw GraphvizError(message: "libgvc did not report a version")
            }
            return version
        }.value
    }

    /// The layout engines and output formats the loaded plugins provide.
    package static func plugins(kind: String) throws(GraphvizError) -> [String] {
        try GraphvizContext.shared.perform { session in session.plugins(kind: kind) }.value
    }
}
