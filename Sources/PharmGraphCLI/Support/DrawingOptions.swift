import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphRender

/// The options every command that draws shares: `--no-caption`, `--size`, `--dpi`, `--title`, `--no-title`, `--font-size`.
struct FigureOptions: ParsableArguments {
    @Flag(name: .customLong("no-caption"), help: "Leave out the caption line (the provenance stays in the figure's metadata).")
    var noCaption = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The largest size of the drawing in inches, e.g. 13.33,7.5 (scaled down to fit).", valueName: "w,h"))
    var size: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Dots per inch of PNG output (default 96).", valueName: "n"))
    var dpi: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Replace the title's first line with this text.", valueName: "text"))
    var title: String?

    @Flag(name: .customLong("no-title"), help: "Leave out the title block (the caption stays unless --no-caption).")
    var noTitle = false

    @Option(
        name: .customLong("font-size"), parsing: .unconditional,
        help: ArgumentHelp("The node labels' font size in points (default 11); other text scales with it.", valueName: "pt"))
    var fontSize: String?

    /// The largest `--size` side, in inches.
    static let largestSide = 1_000.0
    /// The largest `--dpi`.
    static let largestDPI = 1_200.0
    /// The largest `--font-size`, in points.
    static let largestFontSize = 100.0

    /// The options that shape the figure, as their command-line names, when given (for "needs --render" errors).
    var given: [String] {
        [
            noCaption ? "--no-caption" : nil, size.map { _ in "--size" }, dpi.map { _ in "--dpi" }, title.map { _ in "--title" },
            noTitle ? "--no-title" : nil, fontSize.map { _ in "--font-size" },
        ].compactMap { $0 }
    }

    func validate() throws {
        _ = try parsed()
        if title != nil, noTitle { throw ValidationError("give --title or --no-title, not both") }
    }

    /// `--dpi` sets the resolution of bitmaps: with SVG or PDF Graphviz would scale the page by it, so only PNG (and
    /// DOT, whose text records it) take it.
    func check(format: RenderFormat?) throws(ValidationError) {
        guard dpi != nil, let format, format != .png, format != .dot else { return }
        throw ValidationError("--dpi sets the resolution of PNG output; this figure is \(format.rawValue)")
    }

    /// The checked values of `--size`, `--dpi` and `--font-size`.
    func parsed() throws(ValidationError) -> (size: DiagramOptions.Size?, dpi: Double?, fontSize: Double?) {
        var parsedSize: DiagramOptions.Size?
        if let size {
            let parts = size.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let width = Self.number(parts[0]), let height = Self.number(parts[1]) else {
                throw ValidationError("--size takes the width and height in inches as W,H, e.g. 13.33,7.5; got '\(size)'")
            }
            guard width > 0, height > 0, width <= Self.largestSide, height <= Self.largestSide else {
                throw ValidationError(
                    "--size: the width and height must be more than 0 and at most \(Int(Self.largestSide)) inches; got '\(size)'")
            }
            parsedSize = DiagramOptions.Size(width: width, height: height)
        }
        var parsedDPI: Double?
        if let dpi {
            guard let value = Self.number(dpi), value > 0, value <= Self.largestDPI else {
                throw ValidationError("--dpi must be a number more than 0 and at most \(Int(Self.largestDPI)); got '\(dpi)'")
            }
            parsedDPI = value
        }
        var parsedFont: Double?
        if let fontSize {
            guard let value = Self.number(fontSize), value > 0, value <= Self.largestFontSize else {
                throw ValidationError(
                    "--font-size must be a number of points more than 0 and at most \(Int(Self.largestFontSize)); got '\(fontSize)'")
            }
            parsedFont = value
        }
        return (parsedSize, parsedDPI, parsedFont)
    }

    /// A finite decimal number: an optional sign, digits with one optional point; no exponent, `inf` or `nan`.
    static func number(_ text: String) -> Double? {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard digits.contains(where: \.isNumber), digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            digits.filter({ $0 == "." }).count <= 1
        else { return nil }
        return Double(text)
    }

    /// `options` with `provenance` recorded (always as metadata, as the caption unless `--no-caption`) and the
    /// title, font size, size and dpi given; without `--size`, `defaultSize` (a slide, for panels, the summary
    /// and path figures: docs/rendering.md, "Size").
    func recording(
        _ provenance: Provenance, in options: DiagramOptions = DiagramOptions(), defaultSize: DiagramOptions.Size? = nil
    ) throws -> DiagramOptions {
        var options = options
        options.record(provenance, caption: !noCaption)
        let (size, dpi, fontSize) = try parsed()
        options.size = size ?? defaultSize
        options.dpi = dpi
        if let fontSize { options.fontSize = fontSize }
        if noTitle { options.title = false }
        if let title { options.titleText = title }
        return options
    }
}
