import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

/// `OutputDirectory`: several fixed-name files into a new or empty directory, all or nothing.
@Suite("Output directories")
struct OutputDirectoryTests {
    private let directory: String

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    private func listing(_ folder: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    private struct Broken: Error, CustomStringConvertible {
        var description: String { "the panel could not be drawn" }
    }

    private let three = [
        OutputDirectory.File(name: "a.svg", data: Data("A".utf8)),
        OutputDirectory.File(name: "b.svg", data: Data("B".utf8)),
        OutputDirectory.File(name: "c.csv", data: Data("C".utf8)),
    ]

    @Test("a new directory is made and holds exactly the named files")
    func newDirectory() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try OutputDirectory.write(three, to: path("out"))
        #expect(try listing(path("out")) == ["a.svg", "b.svg", "c.csv"])
        #expect(try String(contentsOfFile: path("out/b.svg"), encoding: .utf8) == "B")
    }

    @Test("an existing empty directory is filled; a non-empty one or a file is refused untouched")
    func existing() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: false)
        try OutputDirectory.write(three, to: path("empty"))
        #expect(try listing(path("empty")) == ["a.svg", "b.svg", "c.csv"])
        #expect {
            try OutputDirectory.write(three, to: path("empty"))
        } throws: { error in
            guard case let .unusable(_, reason) = error as? OutputDirectory.WriteError else { return false }
            return reason == "is not empty; give a new or empty directory"
        }
        #expect(try String(contentsOfFile: path("empty/a.svg"), encoding: .utf8) == "A")
        try "x".write(toFile: path("plain"), atomically: false, encoding: .utf8)
        #expect {
            try OutputDirectory.write(three, to: path("plain"))
        } throws: { error in
            guard case let .unusable(_, reason) = error as? OutputDirectory.WriteError else { return false }
            return reason == "is not a directory"
        }
        #expect {
            try OutputDirectory.write(three, to: "-")
        } throws: { error in
            guard case .unusable = error as? OutputDirectory.WriteError else { return false }
            return true
        }
        #expect {
            try OutputDirectory.write(three, to: path("missing/out"))
        } throws: { error in
            guard case let .unusable(_, reason) = error as? OutputDirectory.WriteError else { return false }
            return reason == "cannot make the directory: its parent directory does not exist"
        }
        #expect(try listing(directory) == ["empty", "plain"])
    }

    @Test("bad or repeated names are refused before anything is made")
    func names() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for bad in ["", ".", "..", "sub/a.svg", "a.svg"] {
            let files = three + [OutputDirectory.File(name: bad, data: Data())]
            #expect {
                try OutputDirectory.write(files, to: path("out"))
            } throws: { error in
                guard case let .badName(name) = error as? OutputDirectory.WriteError else { return false }
                return name == bad
            }
        }
        #expect(try listing(directory) == [])
    }

    @Test("a file failing in the middle removes the files written so far and the directory it made")
    func contentsFailure() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var made: [String] = []
        let files = [
            OutputDirectory.File(name: "a.svg") {
                made.append("a")
                return Data("A".utf8)
            },
            OutputDirectory.File(name: "b.svg") {
                made.append("b")
                throw Broken()
            },
            OutputDirectory.File(name: "c.csv") {
                made.append("c")
                return Data("C".utf8)
            },
        ]
        #expect {
            try OutputDirectory.write(files, to: path("out"))
        } throws: { error in
            guard case let .contents(name, reason) = error as? OutputDirectory.WriteError else { return false }
            return name == "b.svg" && reason == "the panel could not be drawn"
        }
        #expect(made == ["a", "b"])
        #expect(try listing(directory) == [])
    }

    @Test("a write failing in the middle leaves an existing empty directory empty, with no temporary file")
    func writeFailure() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: false)
        // A name longer than the file system allows fails at open(2), after a.svg was written.
        let long = String(repeating: "x", count: 300)
        let files = [three[0], OutputDirectory.File(name: long, data: Data("L".utf8)), three[2]]
        #expect {
            try OutputDirectory.write(files, to: path("out"))
        } throws: { error in
            guard case let .file(name, _) = error as? OutputDirectory.WriteError else { return false }
            return name == long
        }
        #expect(try listing(path("out")) == [])
        #expect(try listing(directory) == ["out"])
    }
}
