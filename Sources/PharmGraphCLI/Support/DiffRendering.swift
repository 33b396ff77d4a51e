import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphRender

/// `--render`: the union graph of a diff, drawn by the renderer and written with `OutputFile`.
enum DiffRendering {
    /// The formats `--render` writes, told by the file's extension.
    static func format(of path: String) -> RenderFormat? {
        guard let format = RenderFormat(fileExtension: path), [.svg, .png, .pdf, .dot, .html].contains(format) else { return nil }
        return format
    }

    /// The rendered image, in memory: nothing is written unless it all succeeds.
    static func render(_ report: DiffReport, to path: String, context: Int?, caption: Bool, maxLength: Int) throws(DiffTrouble) -> Data {
        guard let format = format(of: path) else { throw DiffTrouble("error: --render: cannot tell the format of '\(DisplayText.escaped(path))'") }
        if format == .html { return try ViewerOutput.page(diff: report, caption: caption, maxLength: maxLength) }
        func diagram(engine: String) throws(DiffDiagram.SizeError) -> DiffDiagram {
            try report.diagram(context: context, engine: engine, caption: caption)
        }
        do {
            // The same rule as `render`: dot unless the diagram is large (docs/rendering.md).
            var drawing = try diagram(engine: LayoutEngine.dot.rawValue)
            let engine = LayoutEngine.automatic(nodeCount: drawing.nodeCount)
            if engine == .sfdp {
                Console.error(Render.sfdpNote(drawing.nodeCount, insist: "draw fewer with --context"))
                drawing = try diagram(engine: engine.rawValue)
            }
            let rendering = try Renderer.render(dot: drawing.dot, engine: engine, format: format)
            for warning in rendering.warnings { Console.error("graphviz: \(warning)\n") }
            return rendering.data
        } catch let error as DiffDiagram.SizeError {
            let hint = context == nil ? "draw the changes alone with --context 0" : "use a smaller --context"
            throw DiffTrouble("error: --render: \(error.description); \(hint)")
        } catch {
            throw DiffTrouble("error: --render: \(error)")
        }
    }

    /// Writes the image: atomically to a file, in place to a device or FIFO.
    static func write(_ data: Data, to path: String) throws(DiffTrouble) {
        do {
            try OutputFile.write(data, to: path)
        } catch  where error.isBrokenPipe {
            return
        } catch {
            throw DiffTrouble("error: --render: \(error.description)")
        }
    }
}
