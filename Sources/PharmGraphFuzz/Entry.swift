import Foundation

#if PHARMGRAPH_FUZZ
    /// The target named by PHARMGRAPH_FUZZ_TARGET, chosen once before the first input.
    nonisolated(unsafe) private var selected: FuzzTarget = .graph

    @_cdecl("LLVMFuzzerInitialize")
    func fuzzerInitialize(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> Int32 {
        let name = ProcessInfo.processInfo.environment["PHARMGRAPH_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(
                Data(
                    "pharmgraph-fuzz: error: set PHARMGRAPH_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")) (or use Scripts/fuzz)\n"
                        .utf8))
            exit(2)
        }
        selected = target
        // Cap the input size for this target unless the command line already does.
        let arguments = (0..<Int(argc.pointee)).map { argv.pointee![$0] }
        if !arguments.contains(where: { $0.map { String(cString: $0).hasPrefix("-max_len=") } ?? false }) {
            let extended = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 2)
            for (i, argument) in arguments.enumerated() { extended[i] = argument }
            extended[arguments.count] = strdup("-max_len=\(target.maximumLength)")
            extended[arguments.count + 1] = nil
            argv.pointee = extended
            argc.pointee += 1
        }
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        do {
            try selected.run(data)
        } catch {
            FileHandle.standardError.write(Data("pharmgraph-fuzz: \(selected.rawValue): invariant violated: \(error)\n".utf8))
            abort()
        }
        return 0
    }
#else
    /// Built without libFuzzer (a normal `swift build`): explains how to fuzz and exits 2.
    @main
    struct FuzzUsage {
        static func main() {
            if CommandLine.arguments.dropFirst().first == "--list" {
                for target in FuzzTarget.allCases { print("\(target.rawValue)\t\(target.summary)") }
                exit(0)
            }
            FileHandle.standardError.write(
                Data(
                    """
                    pharmgraph-fuzz was built without libFuzzer. Fuzz with:
                      Scripts/fuzz TARGET [SECONDS]   (TARGET: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")), or all)
                      Scripts/fuzz --list
                    See docs/fuzzing.md.

                    """.utf8))
            exit(2)
        }
    }
#endif
