import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphRender

/// `render --panels system` and `render --summary`: the figures for slides (docs/rendering.md, "Panels" and "Summary").
extension Render {
    /// Draws the panels into the directory `output` names, or the summary into `output`.
    func drawSlides(network: Network, input: LoadedInput, filter: ContextFilter, format: RenderFormat) throws {
        let provenance = Provenance(inputs: input.provenance, options: provenanceOptions)
        var options = try figure.recording(
            provenance,
            in: DiagramOptions(
                rankDirection: rankdir ?? DiagramFitter.slideDirection, clusterBySystem: clusterBy == .system, legend: !noLegend, layering: layering,
                expandForms: expandForms), defaultSize: .slide)
        if summary {
            let summary: DiagramSummary
            do {
                summary = try DiagramSummary(network: network, filter: filter, maxLength: scope.length)
            } catch {
                switch error {
                case .notCurated:
                    Console.error(DisplayText.escaped("\(file): error: --summary draws a curated graph; this input is a network") + "\n")
                case let .query(cause): Console.error("error: \(cause)\n")
                }
                throw ExitCode(1)
            }
            if summary.partial {
                Console.error("warning: a path search stopped early; the summary edges it left undetermined are drawn with ◇\n")
            }
            let layout = Self.engine(engine, nodeCount: summary.selection.nodes.count, layered: layering == .kind)
            options.engine = layout.rawValue
            var fitter = DiagramFitter(layout: Self.layout)
            let dot = fitter.summary(summary, options: options, given: rankdir)
            try Self.emit(
                dot, engine: layout, format: format, output: output, benchmarkRepeat: benchmarkRepeat,
                report: report.map { LayoutReportRequest(path: $0, provenance: provenance) })
            return
        }
        guard let graph = network.graph else {
            Console.error(DisplayText.escaped("\(file): error: --panels draws a curated graph; this input is a network") + "\n")
            throw ExitCode(1)
        }
        let panels = DiagramPanels(graph: graph, filter: filter)
        var files: [OutputDirectory.File] = []
        var reports: [(request: LayoutReportRequest, data: Data)] = []
        for panel in panels.panels {
            var panelOptions = options
            panelOptions.legend = false
            panelOptions.engine = Self.engine(engine, nodeCount: panel.selection.nodes.count, layered: layering == .kind).rawValue
            let image: Data
            do {
                // One fitter a panel: no panel reuses another's layouts.
                var fitter = DiagramFitter(layout: Self.layout)
                let dot = fitter.panel(panel, of: panels, options: panelOptions, given: rankdir)
                let (data, json) = try Self.image(dot, engine: panelOptions.engine, format: format, measured: report != nil)
                image = data
                // Each panel's report beside FILE (FILE-SLUG.EXT), measured before anything is written.
                if let report, let json {
                    let request = LayoutReportRequest(path: report, provenance: provenance).panel(panel.name, provenance: provenance)
                    reports.append((request, try request.document(json: json)))
                }
            } catch let error as GraphvizError {
                Console.error("error: \(error)\n")
                throw ExitCode(1)
            }
            files.append(OutputDirectory.File(name: panel.name + "." + format.rawValue) { image })
        }
        if !noLegend {
            options.engine = LayoutEngine.dot.rawValue
            files.append(
                OutputDirectory.File(name: DiagramPanels.legendName + "." + format.rawValue) {
                    try Self.image(PathwayDiagram(legendOf: panels, options: options).dot, engine: options.engine, format: format, measured: false).image
                })
        }
        do {
            try OutputDirectory.write(files, to: output)
        } catch {
            Console.error("error: \(DisplayText.escaped(error.description))\n")
            throw ExitCode(1)
        }
        for report in reports { try report.request.write(report.data) }
    }

    /// The rendered figure, and when `measured` Graphviz's `json` of the same layout (for the layout report), with
    /// Graphviz's warnings on stderr.
    static func image(_ dot: String, engine: String, format: RenderFormat, measured: Bool) throws(GraphvizError) -> (image: Data, json: Data?) {
        let formats = [format] + (measured && format != .json ? [.json] : [])
        let rendering = try Renderer.render(dot: dot, engine: LayoutEngine(rawValue: engine) ?? .dot, formats: formats)
        for warning in rendering.warnings { Console.error("graphviz: \(warning)\n") }
        return (rendering.images[0], measured ? rendering.images[rendering.images.count - 1] : nil)
    }
}

extension Render {
    /// The usage errors of `--panels` and `--summary`.
    func validateSlides() throws {
        guard panels != nil || summary else { return }
        let name = panels != nil ? "--panels" : "--summary"
        if panels != nil, summary { throw ValidationError("give --panels or --summary, not both") }
        if focus != nil || !paths.isEmpty { throw ValidationError("\(name) draws its own selection; it cannot be used with --focus or --paths") }
        if limits.given { throw ValidationError("--max-work and --timeout need --paths") }
        if panels != nil, output == "-" {
            throw ValidationError("--panels writes several files: -o names a directory, not a stream")
        }
    }
}
