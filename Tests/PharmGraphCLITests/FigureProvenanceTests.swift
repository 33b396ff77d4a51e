import Foundation
import PharmGraphTestSupport
import Testing

/// The SHA-256 of a fixture's bytes, by coreutils' `sha256sum` (not by the code under test).
private func sha256(_ fixture: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", fixtures + "/" + fixture]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: output, as: UTF8.self).prefix(64))
}

/// The small grey caption line's markup, as the frame writes it.
private let captionStart = ##"<font point-size="10" color="#6B6B6B">pharmgraph "##

@Suite("Provenance on every figure: the caption line and the metadata")
struct FigureProvenanceTests {
    @Test("render: the caption by default (versions, graph, short hash, options); --no-caption removes it, the metadata stays")
    func render() throws {
        let hash = try sha256("valid/example.yaml")
        let captioned = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--focus", "nmdar", "--depth", "1")
        #expect(captioned.status == 0, "\(captioned.stderr)")
        #expect(
            captioned.stdout.contains(
                captionStart + "0.1.0 · pharmgraph-semantics/1 · example 1.0.0 sha256:\(hash.prefix(12)) · depth=1 direction=both focus=nmdar</font>>"))
        #expect(captioned.stdout.contains("\ninput.1.sha256=\(hash)\n"))
        #expect(captioned.stdout.contains(#"comment="tool=pharmgraph"#))
        // Deterministic: no absolute path (the fixtures folder) and no time.
        #expect(!captioned.stdout.contains(fixtures))

        let plain = try pharmgraph(
            "render", "valid/example.yaml", "-o", "-", "--format", "dot", "--focus", "nmdar", "--depth", "1", "--no-caption")
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("pharmgraph 0.1.0"))
        #expect(!plain.stdout.contains(captionStart))
        #expect(plain.stdout.contains(#"graph [label="Example mechanism graph\nversion 1.0.0\n"#))
        #expect(plain.stdout.contains("\ninput.1.sha256=\(hash)\n"))
    }

    @Test("SVG carries the metadata as an XML comment and shows the caption; PNG and PDF still render")
    func formats() throws {
        let hash = try sha256("valid/example.yaml")
        let svg = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--paths", "ketamine", "analgesia", "--max-length", "3")
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("<!-- tool=pharmgraph\n"))
        #expect(svg.stdout.contains("\ninput.1.sha256=\(hash)\n"))
        #expect(svg.stdout.contains("\noption.max_length=3\n"))
        #expect(svg.stdout.contains(">pharmgraph 0.1.0 · pharmgraph&#45;semantics/1 · example 1.0.0 sha256:\(hash.prefix(12))"))
        let bare = try pharmgraph("render", "valid/example.yaml", "-o", "-", "--no-caption")
        #expect(bare.status == 0)
        #expect(bare.stdout.contains("<!-- tool=pharmgraph\n"))
        #expect(!bare.stdout.contains(">pharmgraph 0.1.0"))

        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["out.png", "out.pdf"] {
            let run = try pharmgraph("render", "valid/example.yaml", "-o", directory + "/" + name)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(name): \(run.stderr)")
        }
        let png = try Data(contentsOf: URL(fileURLWithPath: directory + "/out.png"))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let pdf = try Data(contentsOf: URL(fileURLWithPath: directory + "/out.pdf"))
        #expect(String(decoding: pdf.prefix(4), as: UTF8.self) == "%PDF")
    }

    @Test("paths --render and diff --render: captioned by default, not with --no-caption; the metadata names every input")
    func pathsAndDiff() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dot = directory + "/out.dot"
        let hash = try sha256("valid/example.yaml")
        #expect(try pharmgraph("paths", "valid/example.yaml", "ketamine", "analgesia", "--render", dot).status == 0)
        var text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(text.contains(captionStart + "0.1.0 · pharmgraph-semantics/1 · example 1.0.0 sha256:\(hash.prefix(12)) · from=ketamine"))
        #expect(text.contains("\ninput.1.sha256=\(hash)\n"))
        #expect(try pharmgraph("paths", "valid/example.yaml", "ketamine", "analgesia", "--render", dot, "--no-caption").status == 0)
        text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(!text.contains(captionStart))
        #expect(text.contains("\ninput.1.sha256=\(hash)\n"))

        let (old, new) = (try sha256("diff/old.yaml"), try sha256("diff/new.yaml"))
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--render", dot, "--context", "1").status == 1)
        text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(text.contains("sha256:\(old.prefix(12)) · diff-example 1.1.0 sha256:\(new.prefix(12)) · context=1"))
        #expect(text.contains("\ninput.1.sha256=\(old)\ninput.2.id=diff-example\ninput.2.version=1.1.0\ninput.2.sha256=\(new)\n"))
        #expect(try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--render", dot, "--no-caption").status == 1)
        text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(!text.contains(captionStart))
        #expect(text.contains("\ninput.2.sha256=\(new)\n"))
    }

    @Test("a REV:path input: the caption and metadata name the revision")
    func revision() throws {
        let repo = try Repo()
        defer { repo.remove() }
        try repo.copy("diff/old.yaml", to: "g.yaml")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "v1")
        let hash = try sha256("diff/old.yaml")
        let run = try repo.pharmgraph("render", "HEAD:g.yaml", "-o", "-", "--format", "dot")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("diff-example 1.0.0 sha256:\(hash.prefix(12)) @HEAD</font>>"))
        #expect(run.stdout.contains("\ninput.1.sha256=\(hash)\ninput.1.revision=HEAD\""))
    }

    @Test("--no-caption without a drawing is a usage error")
    func usage() throws {
        let paths = try pharmgraph("paths", "valid/example.yaml", "ketamine", "analgesia", "--no-caption")
        #expect(paths.status == 64)
        #expect(paths.stderr.contains("--no-caption needs --render"))
        let diff = try pharmgraph("diff", "diff/old.yaml", "diff/new.yaml", "--no-caption")
        #expect(diff.status == 2)
        #expect(diff.stderr.contains("--no-caption needs --render"))
    }
}
