import ArgumentParser
import Foundation
import PharmGraph
import PharmGraphIO

extension ExchangeFormat: ExpressibleByArgument {}

/// The options `export` and `convert` share: the output format, and how the input is read.
struct ExchangeOptions: ParsableArguments {
    @Option(help: "The output format (default: from the output's extension).")
    var format: ExchangeFormat?

    @OptionGroup var read: ReadOptions

    @OptionGroup var network: NetworkOptions

    /// Checks the output and that stdin is read once.
    func validate(input: String, output: String) throws {
        try ExchangeOutputOptions(output: output, format: format).validate()
        if let message = InputReading.requireOneStdin([input, network.nodes]) { throw ValidationError(message) }
    }

    /// Reads `input` and writes it to `output`.
    func run(input: String, output: String) throws {
        try ExchangeOutputOptions(output: output, format: format).run(input: input, options: network.loaderOptions(read, provenance: false))
    }
}

/// The output of `export` and `convert`: `-o`/OUT and `--format` (docs/cli.md, "export").
struct ExchangeOutputOptions {
    let output: String
    let format: ExchangeFormat?

    /// The format to write: `--format`, else the output's extension.
    var resolved: ExchangeFormat? { format ?? ExchangeFormat(fileName: output) }

    func validate() throws {
        let names = ExchangeFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard let format = resolved else {
            throw ValidationError("cannot tell the format of '\(output)' from its extension; use --format (\(names))")
        }
        if format.isDirectory, output == "-" {
            throw ValidationError("--format \(format.rawValue) writes several files: give a directory, not -")
        }
    }

    /// Loads `input` through the one loader, reports its diagnostics, and writes it in the resolved format;
    /// exits 1 when the input has errors or the output cannot be written.
    func run(input: String, options: InputLoader.Options) throws {
        guard let format = resolved else { throw ValidationError("no output format") }
        let loaded = InputLoader.load(input, options: options)
        Console.report(loaded)
        guard !loaded.hasErrors, let network = loaded.network else {
            Console.error("\(DisplayText.escaped(input)): has errors; nothing written\n")
            throw ExitCode(1)
        }
        let graph = network.exchangeGraph(title: input)
        do {
            switch format.export(graph) {
            case let .file(text):
                try OutputFile.write(Data(text.utf8), to: output)
            case let .directory(files):
                try OutputDirectory.write(files.map { OutputDirectory.File(name: $0.name, data: Data($0.text.utf8)) }, to: output)
            }
        } catch let error as OutputFile.WriteError where error.isBrokenPipe {
            // The reader left (`| head`): not an error, as for every stdout write (docs/cli.md).
        } catch {
            Console.error("error: \(error)\n")
            throw ExitCode(1)
        }
    }
}
