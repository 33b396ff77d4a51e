import Foundation
import PharmGraph

/// An invariant a fuzz input broke; the fuzzer prints it and aborts so libFuzzer saves the input.
struct Violation: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The in-process fuzz targets, selected by name (see docs/fuzzing.md).
enum FuzzTarget: String, CaseIterable {
    case graph, sif, tsv, csv, hetionet, fmt, dot, gzip, xz

    /// One line for `Scripts/fuzz --list`.
    var summary: String {
        switch self {
        case .graph: "YAML/JSON graph loader on arbitrary bytes: no crash, every position inside the text"
        case .sif: "SIF importer: no crash, positions inside the text, a failed load has an error"
        case .tsv: "TSV importer (a NUL byte splits off a node table): as sif"
        case .csv: "CSV importer (a NUL byte splits off a node table): as sif"
        case .hetionet: "Hetionet JSON importer: as sif"
        case .fmt: "load -> canonical YAML (with comments) and JSON -> load: same graph, idempotent output"
        case .dot: "DOT writer -> cgraph parse: every name and attribute read back exactly"
        case .gzip: "gunzip under a cap: arbitrary bytes never crash or pass the cap; gzip(x) inflates to x within it, is refused over it"
        case .xz: "unxz under a cap: arbitrary bytes never crash or pass the cap; xz(x) decodes to x within it, is refused over it"
        }
    }

    /// The largest input libFuzzer should generate for this target.
    var maximumLength: Int {
        switch self {
        case .gzip, .xz: Inflate.maximumInput
        case .graph, .sif, .tsv, .csv, .hetionet, .fmt, .dot: 16_384
        }
    }

    /// Feeds one input to the target; throws when an invariant does not hold.
    func run(_ data: Data) throws(Violation) {
        switch self {
        case .graph: try LoaderFuzz.graph(data)
        case .sif: try LoaderFuzz.network(data, format: .sif)
        case .tsv: try LoaderFuzz.network(data, format: .tsv)
        case .csv: try LoaderFuzz.network(data, format: .csv)
        case .hetionet: try LoaderFuzz.network(data, format: .hetionetJSON)
        case .fmt: try FormatFuzz.roundTrip(data)
        case .dot: try DOTFuzz.roundTrip(data)
        case .gzip: try Inflate.gzip(data)
        case .xz: try Inflate.xz(data)
        }
    }
}
