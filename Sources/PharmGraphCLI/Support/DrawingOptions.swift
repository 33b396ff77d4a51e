import ArgumentParser
import PharmGraph

/// The options every command that draws shares: `--no-caption`.
struct FigureOptions: ParsableArguments {
    @Flag(name: .customLong("no-caption"), help: "Leave out the caption line (the provenance stays in the figure's metadata).")
    var noCaption = false

    /// `options` with `provenance` recorded: always as metadata, as the caption unless `--no-caption`.
    func recording(_ provenance: Provenance, in options: DiagramOptions = DiagramOptions()) -> DiagramOptions {
        var options = options
        options.record(provenance, caption: !noCaption)
        return options
    }
}
