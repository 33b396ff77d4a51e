import Foundation
import PharmGraphTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The curated graph the tests draw and query.
private let ketamine = Repository.path("Graphs/ketamine.yaml")

/// Runs the binary with stdout and/or stderr sent to `stdout`/`stderr` (nil: captured).
private func pharmgraph(_ arguments: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil) throws -> RunResult {
    let binary = try #require(Binary.url)
    return try Program.runRedirected(binary.path, arguments, stdout: stdout, stderr: stderr, in: fixtures)
}

/// Runs `pharmgraph ARGUMENTS` under sh with `redirection` (e.g. `>&-`).
private func pharmgraph(_ arguments: [String], redirection: String) throws -> RunResult {
    let binary = try #require(Binary.url)
    return try Program.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" \(redirection)", binary.path] + arguments, in: fixtures)
}

/// A pipe whose reader has gone: every write to its other end fails with EPIPE.
private func brokenPipe() throws -> Pipe {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    return pipe
}

/// Output targets that are not regular files, end to end (docs/cli.md, "Output files").
@Suite("Output targets, end to end")
struct OutputTargetEndToEndTests {
    private let directory: String

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    @Test("render -o FIFO, or a link to one, writes in place; the FIFO stays")
    func fifo() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SpecialFiles.makeFIFO(path("pipe"))
        try FileManager.default.createSymbolicLink(atPath: path("link.svg"), withDestinationPath: "pipe")
        for name in ["pipe", "link.svg"] {
            let reader = FIFOReader(path("pipe"))
            let run = try pharmgraph(["render", ketamine, "-o", path(name), "--format", "svg"])
            let received = String(decoding: reader.finish(), as: UTF8.self)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(received.hasPrefix("<?xml"))
            #expect(received.contains("</svg>"))
        }
        #expect(SpecialFiles.type(path("pipe")) == S_IFIFO)
        #expect(SpecialFiles.type(path("link.svg")) == S_IFLNK)
    }

    @Test(
        "render -o a copy of /dev/null (1,3) writes in place and leaves the node",
        .enabled(if: SpecialFiles.deviceNodesAllowed, "mknod is not permitted here (needs CAP_MKNOD)"))
    func characterDevice() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(SpecialFiles.makeCharacterDevice(path("null"), major: 1, minor: 3) == nil)
        let run = try pharmgraph(["render", ketamine, "-o", path("null"), "--format", "dot"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(SpecialFiles.type(path("null")) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["null"])
    }

    @Test("render -o a socket is refused and the socket left")
    func socket() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fd = try SpecialFiles.bindSocket(path("sock"))
        defer { close(fd) }
        let run = try pharmgraph(["render", ketamine, "-o", path("sock"), "--format", "svg"])
        #expect(run.status == 1)
        #expect(run.stderr == "error: cannot write '\(path("sock"))': is a socket; pharmgraph writes files, character devices and FIFOs\n")
        #expect(SpecialFiles.type(path("sock")) == S_IFSOCK)
    }

    @Test("render and fmt refuse a file whose owner has no write bit, and leave it unchanged")
    func readOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "keep".write(toFile: path("out.svg"), atomically: false, encoding: .utf8)
        let untidy = "id: t\ntitle: T\nversion: '1'\nnodes: [{id: a, kind: drug}]\nedges: []\n"
        try untidy.write(toFile: path("g.yaml"), atomically: false, encoding: .utf8)
        for name in ["out.svg", "g.yaml"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path(name))
        }
        let render = try pharmgraph(["render", ketamine, "-o", path("out.svg")])
        #expect(render.status == 1)
        #expect(render.stderr.contains("read-only (its owner has no write permission)"))
        let fmt = try pharmgraph(["fmt", path("g.yaml")])
        #expect(fmt.status == 1)
        #expect(fmt.stderr.contains("read-only (its owner has no write permission)"))
        #expect(try String(contentsOfFile: path("out.svg"), encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: path("g.yaml"), encoding: .utf8) == untidy)
    }

    @Test("render -o - and -o /dev/stdout write to stdout itself")
    func standardOutput() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dash = try pharmgraph(["render", ketamine, "-o", "-", "--format", "dot"])
        let named = try pharmgraph(["render", ketamine, "-o", "/dev/stdout", "--format", "dot"])
        #expect(dash.status == 0 && named.status == 0)
        #expect(dash.stdout.hasPrefix("digraph"))
        #expect(named.stdout == dash.stdout)
    }

    @Test("render -o a dangling link creates the link's target")
    func danglingLink() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(atPath: path("out.dot"), withDestinationPath: "real.dot")
        let run = try pharmgraph(["render", ketamine, "-o", path("out.dot")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: path("real.dot"), encoding: .utf8).hasPrefix("digraph"))
        #expect(SpecialFiles.type(path("out.dot")) == S_IFLNK)
    }

    @Test("fmt refuses a FIFO, or a link to one, before opening it: nothing read or written; exit 1")
    func fmtFIFO() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = path("g.yaml")
        try SpecialFiles.makeFIFO(fifo)
        try FileManager.default.createSymbolicLink(atPath: path("link.yaml"), withDestinationPath: "g.yaml")
        // A writer holds the FIFO with a graph in it: a fmt that read it would wait for an end that never
        // comes, so the run is under timeout(1) with SIGKILL (a test runner's children may inherit a blocked
        // SIGTERM), and the graph must still be in the FIFO afterwards.
        let held = open(fifo, O_RDWR | O_NONBLOCK)
        try #require(held >= 0)
        defer { close(held) }
        let untidy = Data("id: t\ntitle: T\nversion: '1'\nnodes: [{id: a, kind: drug}]\nedges: []\n".utf8)
        #expect(untidy.withUnsafeBytes { write(held, $0.baseAddress, $0.count) } == untidy.count)
        let binary = try #require(Binary.url)
        for name in ["g.yaml", "link.yaml"] {
            let run = try Program.run("/usr/bin/env", ["timeout", "-s", "KILL", "20", binary.path, "fmt", path(name)], in: directory)
            #expect(run.status == 1, "\(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(
                run.stderr
                    == "error: cannot format '\(path(name))' in place: it is a FIFO; use 'pharmgraph fmt - < \(path(name))' to format a stream\n")
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(held, &buffer, buffer.count)
        #expect(Data(buffer.prefix(max(0, count))) == untidy)
        #expect(SpecialFiles.type(fifo) == S_IFIFO)
    }

    @Test("fmt refuses descriptor names such as /dev/fd/4 before reading, and leaves the file behind them unchanged")
    func fmtDescriptor() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Longer than its canonical form: a write at the descriptor would leave old bytes behind.
        let untidy = "id: t\ntitle: T\nversion: '1'\nnodes:   [  {id: a,   kind: drug}  ]\nedges:    []\n\n\n"
        try untidy.write(toFile: path("g.yaml"), atomically: false, encoding: .utf8)
        for name in ["/dev/fd/4", "/proc/self/fd/4"] {
            let run = try pharmgraph(["fmt", name], redirection: "4<>'\(path("g.yaml"))'")
            #expect(run.status == 1, "\(run.stderr)")
            #expect(
                run.stderr
                    == "error: cannot format '\(name)' in place: it names a file descriptor, not a file; use 'pharmgraph fmt - < \(name)' to format a stream\n")
            #expect(try String(contentsOfFile: path("g.yaml"), encoding: .utf8) == untidy)
        }
        let stdin = try pharmgraph(["fmt", "/dev/stdin"], redirection: "< '\(path("g.yaml"))'")
        #expect(stdin.status == 1)
        #expect(stdin.stderr.hasPrefix("error: cannot format '/dev/stdin' in place: it names a file descriptor"))
        // --check only reads, so it reads the descriptor.
        let check = try pharmgraph(["fmt", "--check", "/dev/fd/4"], redirection: "4<>'\(path("g.yaml"))'")
        #expect(check.status == 1)
        #expect(check.stderr.hasSuffix("/dev/fd/4: not in canonical form (run 'pharmgraph fmt /dev/fd/4')\n"))
        #expect(try String(contentsOfFile: path("g.yaml"), encoding: .utf8) == untidy)
    }

    @Test("fmt --check reads a FIFO (it writes nothing)")
    func fmtCheckFIFO() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = path("g.yaml")
        try SpecialFiles.makeFIFO(fifo)
        let untidy = "id: t\ntitle: T\nversion: '1'\nnodes: [{id: a, kind: drug}]\nedges: []\n"
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data(untidy.utf8))
            try? handle.close()
        }
        let binary = try #require(Binary.url)
        let run = try Program.run("/usr/bin/env", ["timeout", "-s", "KILL", "20", binary.path, "fmt", "--check", fifo], in: directory)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("\(fifo): not in canonical form (run 'pharmgraph fmt \(fifo)')\n"))
        #expect(SpecialFiles.type(fifo) == S_IFIFO)
    }

    @Test("fmt - reads stdin and writes the canonical text to stdout")
    func fmtFilter() throws {
        let text = try String(contentsOfFile: ketamine, encoding: .utf8)
        let run = try Binary.run(["fmt", "-"], in: fixtures, input: text)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == text)
        #expect(run.stderr.isEmpty)
    }
}

/// Failed writes to stdout and stderr: a message and exit 1 (2 for diff), or quiet on EPIPE.
@Suite("Standard stream failures, end to end")
struct StreamFailureEndToEndTests {
    private let directory: String

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    @Test(
        "a full stdout or stderr (a node 1,7) is one message and exit 1, or 2 for diff",
        .enabled(if: SpecialFiles.deviceNodesAllowed, "mknod is not permitted here (needs CAP_MKNOD)"))
    func full() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(SpecialFiles.makeCharacterDevice(path("full"), major: 1, minor: 7) == nil)
        let full = try #require(FileHandle(forWritingAtPath: path("full")))
        defer { try? full.close() }
        let message = "error: cannot write to standard output: no space left on device\n"
        let paths = try pharmgraph(["paths", ketamine, "ketamine", "analgesia"], stdout: full)
        #expect(paths.status == 1)
        #expect(paths.stderr == message)
        let diff = try pharmgraph(["diff", Repository.path("Graphs/ketamine-overview.yaml"), ketamine], stdout: full)
        #expect(diff.status == 2)
        #expect(diff.stderr == message)
        let render = try pharmgraph(["render", ketamine, "-o", "-"], stdout: full)
        #expect(render.status == 1)
        #expect(render.stderr == "error: cannot write to standard output: no space left on device\n")
        // stderr itself full: nothing can be said, but the status says it.
        let check = try pharmgraph(["check", ketamine], stderr: full)
        #expect(check.status == 1)
        #expect(SpecialFiles.type(path("full")) == S_IFCHR)
    }

    @Test("a closed stdout is one message and exit 1, or 2 for diff")
    func closed() throws {
        let paths = try pharmgraph(["paths", ketamine, "ketamine", "analgesia"], redirection: ">&-")
        #expect(paths.status == 1)
        #expect(paths.stderr == "error: cannot write to standard output: bad file descriptor\n")
        let diff = try pharmgraph(["diff", Repository.path("Graphs/ketamine-overview.yaml"), ketamine], redirection: ">&-")
        #expect(diff.status == 2)
        #expect(diff.stderr == "error: cannot write to standard output: bad file descriptor\n")
        let help = try pharmgraph(["--help"], redirection: ">&-")
        #expect(help.status == 1)
        // A render to a file still works: no file takes the closed descriptor's number.
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let render = try pharmgraph(["render", ketamine, "-o", directory + "/out.dot", "--no-legend"], redirection: ">&-")
        #expect(render.status == 0, "\(render.stderr)")
        #expect(try String(contentsOfFile: directory + "/out.dot", encoding: .utf8).hasPrefix("digraph"))
    }

    @Test("EPIPE on stdout stops quietly with the command's own status")
    func brokenPipeIsQuiet() throws {
        let pipe = try brokenPipe()
        let paths = try pharmgraph(["paths", ketamine, "ketamine", "analgesia"], stdout: pipe.fileHandleForWriting)
        #expect(paths.status == 0)
        #expect(paths.stderr.isEmpty)
        // diff keeps its answer: 1, the graphs differ.
        let diff = try pharmgraph(
            ["diff", Repository.path("Graphs/ketamine-overview.yaml"), ketamine, "--no-verdicts"], stdout: pipe.fileHandleForWriting)
        #expect(diff.status == 1)
        #expect(diff.stderr.isEmpty)
        let render = try pharmgraph(["render", ketamine, "-o", "-", "--format", "dot"], stdout: pipe.fileHandleForWriting)
        #expect(render.status == 0)
        #expect(render.stderr.isEmpty)
        try pipe.fileHandleForWriting.close()
    }
}

/// Inputs that are not regular files, and the decompression limit.
@Suite("Inputs, end to end")
struct InputEndToEndTests {
    private let directory: String

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    @Test("- reads stdin: check, stats, and paths, the format told by content or --input-format")
    func standardInput() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: ketamine, encoding: .utf8)
        let check = try Binary.run(["check", "-"], in: fixtures, input: text)
        #expect(check.status == 0)
        #expect(check.stderr == "checked 1 file: 0 errors, 0 warnings\n")
        let stats = try Binary.run(["stats", "-"], in: fixtures, input: text)
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("nodes: 117"))
        let paths = try Binary.run(
            ["paths", "-", "ketamine", "analgesia", "--input-format", "graph", "--limit", "0", "--raw"], in: fixtures, input: text)
        // The count line, then what the graph's declared defaults left out (unasserted conditions, supratherapeutic dose).
        #expect(paths.stdout.hasPrefix("20 paths: 19 positive, 0 negative, 1 unknown; verdict: positive\nunasserted conditions left out "))
        let fromFile = try Binary.run(["paths", ketamine, "ketamine", "analgesia", "--limit", "0", "--raw"], in: fixtures)
        #expect(paths.stdout == fromFile.stdout)
        // Without a name, the parsed top level tells: a YAML mapping is a graph; a table's lines are not.
        let unnamed = try Binary.run(["paths", "-", "ketamine", "analgesia", "--limit", "0", "--raw"], in: fixtures, input: text)
        #expect(unnamed.stdout == paths.stdout)
        let table = try Binary.run(["paths", "-", "A", "C"], in: fixtures, input: "A\tactivates\tB\nB\tactivates\tC\n")
        #expect(table.status == 1)
        #expect(table.stderr.hasPrefix("-: error: cannot tell the format from the name or the content; give --input-format"))
        let twice = try Binary.run(["diff", "-", "-"], in: fixtures)
        #expect(twice.status == 2)
        #expect(twice.stderr.hasPrefix("error: only one input can be '-' (standard input is read once)"))
    }

    @Test("a FIFO is read as input (a graph for check, a SIF network for paths)")
    func fifo() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let graph = try String(contentsOfFile: ketamine, encoding: .utf8)
        let sif = "a\tactivates\tb\nb\tinhibits\tc\n"
        for (name, text) in [("g.yaml", graph), ("n.sif", sif)] {
            try SpecialFiles.makeFIFO(path(name))
            let fifo = path(name)
            Thread.detachNewThread {
                guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        let check = try Binary.run(["check", path("g.yaml")], in: fixtures)
        #expect(check.status == 0, "\(check.stderr)")
        let paths = try Binary.run(["paths", path("n.sif"), "a", "c", "--raw"], in: fixtures)
        #expect(paths.status == 0, "\(paths.stderr)")
        #expect(paths.stdout.hasSuffix("1 path: 0 positive, 1 negative, 0 unknown; verdict: negative\n"))
    }

    @Test("a gzip or xz bomb over --max-inflated is an error naming the file, for paths, diff and check")
    func bombs() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(count: 4 << 20).write(to: URL(fileURLWithPath: path("zeros")))
        let made = try Program.run(
            "/bin/sh", ["-c", "gzip -c zeros > bomb.sif.gz && xz -c zeros > bomb.sif.xz && cp bomb.sif.gz bomb.yaml.gz"],
            in: directory)
        try #require(made.status == 0, "gzip or xz is missing: \(made.stderr)")
        for name in ["bomb.sif.gz", "bomb.sif.xz"] {
            let message = "\(path(name)): error: the input exceeds the 1 MiB size limit (counted after decompression); raise it with --max-inflated SIZE\n"
            let paths = try Binary.run(["paths", path(name), "a", "b", "--max-inflated", "1M"], in: fixtures)
            #expect(paths.status == 1)
            #expect(paths.stderr == message)
            let diff = try Binary.run(["diff", path(name), path(name), "--max-inflated", "1M"], in: fixtures)
            #expect(diff.status == 2)
            #expect(diff.stderr == message + message)
        }
        let check = try Binary.run(["check", path("bomb.yaml.gz"), "--max-inflated", "1M"], in: fixtures)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("\(path("bomb.yaml.gz")): error: the input exceeds the 1 MiB size limit"))
    }

    @Test(
        "numeric options out of range are usage errors, not allocations",
        arguments: [
            (["render", ketamine, "-o", "x.svg", "--benchmark-repeat", "9223372036854775807"], Int32(64), "--benchmark-repeat must be from 1 to 10000"),
            (["render", ketamine, "-o", "x.svg", "--focus", "ketamine", "--depth", "9223372036854775807"], 64, "--depth must be from 0 to 1000000"),
            (["paths", ketamine, "ketamine", "analgesia", "--limit", "9223372036854775807"], 64, "--limit must be from 0 to 100000"),
            (["paths", ketamine, "ketamine", "analgesia", "--k", "9223372036854775807"], 64, "--k must be from 1 to 100000"),
            (["paths", ketamine, "ketamine", "analgesia", "--max-inflated", "0"], 64, "is invalid for '--max-inflated <size>'"),
            (["paths", ketamine, "ketamine", "analgesia", "--max-inflated", "99999999P"], 64, "is invalid for '--max-inflated <size>'"),
            (["diff", ketamine, ketamine, "--render", "x.svg", "--context", "9223372036854775807"], 2, "--context must be a whole number from 0 to 1000000"),
            (["diff", ketamine, ketamine, "--max-inflated", "lots"], 2, "is invalid for '--max-inflated <size>'"),
        ])
    func numericRanges(arguments: [String], status: Int32, message: String) throws {
        let run = try Binary.run(arguments, in: fixtures)
        #expect(run.status == status)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
