import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphRender

/// `render -o FILE.html` and `diff --render FILE.html`: the SVG from the renderer, the page from the core (docs/viewer.md).
enum ViewerOutput {
    /// The viewer page of `graph`, drawn with `options`; paths of at most `maxLength` edges.
    static func page(graph: Graph, options: DiagramOptions, engine: LayoutEngine?, maxLength: Int) throws -> Data {
        let data = try QueryInput.run { () throws(PathEngine.QueryError) in try ViewerData(graph: graph, maxLength: maxLength) }
        var options = options
        let layout = Render.engine(engine, nodeCount: graph.nodes.count, layered: options.layering == .kind)
        options.engine = layout.rawValue
        return try html(dot: ViewerPage.diagram(of: graph, options: options), engine: layout, data: data)
    }

    /// The viewer page of a diff: the union drawn as `diff --render` draws it, with the new graph's paths.
    static func page(diff report: DiffReport, caption: Bool, maxLength: Int) throws(DiffTrouble) -> Data {
        do {
            let data = try ViewerData(diff: report, maxLength: maxLength)
            let engine = LayoutEngine.automatic(nodeCount: data.nodeCount)
            return try html(dot: ViewerPage.diagram(of: report, engine: engine.rawValue, caption: caption), engine: engine, data: data)
        } catch let error as ViewerDiffError {
            throw DiffTrouble("error: --render: \(error.description)")
        } catch {
            throw DiffTrouble("error: --render: \(error)")
        }
    }

    /// Lays out `dot` as SVG and wraps it, with `data`, in the page.
    private static func html(dot: String, engine: LayoutEngine, data: ViewerData) throws -> Data {
        let rendering = try Renderer.viewerSVG(dot: dot, engine: engine)
        for warning in rendering.warnings { Console.error("graphviz: \(warning)\n") }
        return Data(try ViewerPage.html(svg: String(decoding: rendering.data, as: UTF8.self), data: data).utf8)
    }
}
