import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

/// `render --report FILE`: the layout report's destination and form (docs/rendering.md, "Layout report").
struct LayoutReportRequest {
    /// A file, device or FIFO; `-` for stdout.
    var path: String
    /// What the figure was drawn from, recorded in the JSON report.
    var provenance: Provenance
    /// A line put before the text report (`== SLUG` for a panel's report on stdout).
    var heading: String? = nil

    /// JSON when the file name ends in `.json`; text otherwise and for stdout.
    var isJSON: Bool { path != "-" && (path as NSString).pathExtension.lowercased() == "json" }

    /// The request for one panel of `--panels`: `FILE-SLUG.EXT` beside FILE (`layout.json` → `layout-nmda.json`);
    /// on stdout, the text headed `== SLUG`.
    func panel(_ slug: String, provenance: Provenance) -> LayoutReportRequest {
        guard path != "-" else { return LayoutReportRequest(path: path, provenance: provenance, heading: "== \(slug)") }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let stem = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        return LayoutReportRequest(path: stem + "-" + slug + (ext.isEmpty ? "" : "." + ext), provenance: provenance)
    }

    /// Why `--report` cannot go where it was asked to, or `nil`: not where the figure goes.
    static func conflict(report: String, output: String) -> String? {
        if report == "-" && output == "-" { return "--report - and -o - both write to standard output; give the report a file" }
        if report != "-" && report == output { return "--report and -o name the same file '\(report)'" }
        return nil
    }

    /// The report measured from Graphviz's `json` rendering of the figure; prints why not and exits 1.
    func document(json: Data) throws -> Data {
        do {
            let report = try LayoutReport(json: json, options: LayoutReport.Options(provenance: provenance))
            return Data((isJSON ? try report.jsonText() : (heading.map { $0 + "\n" } ?? "") + report.text).utf8)
        } catch {
            Console.error("error: cannot measure the layout for --report: \(error)\n")
            throw ExitCode(1)
        }
    }

    /// Writes the report with `OutputFile` (atomically for a file); a reader that left is no error.
    func write(_ data: Data) throws {
        do {
            try OutputFile.write(data, to: path)
        } catch let error where error.isBrokenPipe {
            return
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
