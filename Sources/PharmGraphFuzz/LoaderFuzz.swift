import Foundation
import PharmGraph

/// The graph loader and the network importers on arbitrary bytes.
enum LoaderFuzz {
    static func graph(_ data: Data) throws(Violation) {
        let result = GraphLoader.load(data: data, path: "fuzz.yaml")
        try checkPositions(result.diagnostics, path: "fuzz.yaml", data: data)
        if (result.graph != nil) == result.hasErrors {
            throw Violation("graph present is \(result.graph != nil) but hasErrors is \(result.hasErrors)")
        }
        if result.graph == nil, result.diagnostics.isEmpty { throw Violation("no graph and no diagnostic") }
    }

    static func network(_ data: Data, format: InputFormat) throws(Violation) {
        let path = "fuzz." + format.rawValue
        var edges = data
        var options = ImportOptions()
        // For tables, the bytes before a first NUL are a node table (a NUL is never valid text in one).
        if format == .tsv || format == .csv, let nul = data.firstIndex(of: 0) {
            options.nodeTable = ("fuzz-nodes." + format.rawValue, Data(data[data.startIndex..<nul]))
            edges = Data(data[(nul + 1)...])
        }
        let result = NetworkInput.load(data: edges, path: path, format: format, import: options)
        let ours = result.diagnostics.filter { $0.file == path }
        try checkPositions(ours, path: path, data: edges)
        if let table = options.nodeTable {
            try checkPositions(result.diagnostics.filter { $0.file == table.path }, path: table.path, data: table.data)
        }
        let errors = result.diagnostics.errorCount
        if result.network != nil, errors > 0 { throw Violation("a network came back with \(errors) errors") }
        if result.network == nil, errors == 0 { throw Violation("no network and no error") }
        if let network = result.network {
            for edge in network.edgeIndices.map(network.edge) where !network.contains(edge.from) || !network.contains(edge.to) {
                throw Violation("edge \(edge.from.rawValue) -> \(edge.to.rawValue) points outside the \(network.nodeCount) nodes")
            }
        }
    }

    /// Every positioned diagnostic lies inside the text, in SourceText's own line model:
    /// line in 1...lineCount, column in 1...(length of the line in scalars + 1); 1:1 in an empty text.
    static func checkPositions(_ diagnostics: [Diagnostic], path: String, data: Data) throws(Violation) {
        guard diagnostics.contains(where: { $0.line != nil || $0.column != nil }) else { return }
        // Invalid UTF-8 is decoded leniently: its diagnostic points at the first bad byte,
        // and the valid text before it is unchanged.
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let source = SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
        for diagnostic in diagnostics {
            if diagnostic.file != path { throw Violation("diagnostic names file '\(diagnostic.file)', not '\(path)'") }
            guard let line = diagnostic.line else {
                if diagnostic.column != nil { throw Violation("a column without a line: \(diagnostic.headline)") }
                continue
            }
            // An empty text has no line in some line models; its one position, start and end, is 1:1.
            if source.lineCount == 0, line == 1, diagnostic.column ?? 1 == 1 { continue }
            guard let text = source.line(line) else {
                throw Violation("line \(line) is outside the \(source.lineCount) lines: \(diagnostic.headline)")
            }
            if let column = diagnostic.column, !(1...(text.unicodeScalars.count + 1)).contains(column) {
                throw Violation(
                    "column \(column) is outside line \(line) (\(text.unicodeScalars.count) scalars): \(diagnostic.headline)")
            }
        }
    }
}
