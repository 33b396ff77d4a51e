import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraphIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `OutputFile`: only regular files and new paths are replaced; nodes are written in place or refused.
@Suite("Output files")
struct OutputFileTests {
    private let directory: String

    init() throws { directory = try makeTemporaryDirectory() }

    private func path(_ name: String) -> String { directory + "/" + name }

    private func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }

    private func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    private func mode(_ name: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path(name))[.posixPermissions] as? Int
    }

    @Test("a regular file is replaced whole and keeps its mode; no temporary file is left")
    func regular() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "old".write(toFile: path("out.svg"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path("out.svg"))
        #expect(try OutputFile.target(of: path("out.svg")) == .replace(path("out.svg")))
        try OutputFile.write(Data("new".utf8), to: path("out.svg"))
        #expect(try text("out.svg") == "new")
        #expect(try mode("out.svg") == 0o640)
        #expect(try listing() == ["out.svg"])
    }

    @Test("a symbolic link is followed: its target is replaced and the link kept")
    func symlink() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "old".write(toFile: path("real.yaml"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path("real.yaml"))
        try FileManager.default.createSymbolicLink(atPath: path("link.yaml"), withDestinationPath: "real.yaml")
        try OutputFile.write(Data("new".utf8), to: path("link.yaml"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.yaml")) == "real.yaml")
        #expect(try text("real.yaml") == "new")
        #expect(try mode("real.yaml") == 0o640)
        #expect(try listing() == ["link.yaml", "real.yaml"])
    }

    @Test("a dangling symbolic link is followed and its target created")
    func danglingLink() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: path("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: path("link.svg"), withDestinationPath: "sub/new.svg")
        #expect(try OutputFile.target(of: path("link.svg")) == .create(path("sub/new.svg")))
        try OutputFile.write(Data("drawn".utf8), to: path("link.svg"))
        #expect(SpecialFiles.type(path("link.svg")) == S_IFLNK)
        #expect(try text("sub/new.svg") == "drawn")
    }

    @Test("a link loop is an error, not a hang")
    func linkLoop() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(atPath: path("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: path("b"), withDestinationPath: "a")
        #expect(throws: OutputFile.WriteError.self) { try OutputFile.write(Data("x".utf8), to: path("a")) }
        #expect(try listing() == ["a", "b"])
    }

    @Test("a FIFO is written in place and stays a FIFO")
    func fifo() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try SpecialFiles.makeFIFO(path("pipe"))
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: "pipe")
        #expect(try OutputFile.target(of: path("link")) == .inPlace(path("pipe")))
        for name in ["pipe", "link"] {
            let reader = FIFOReader(path("pipe"))
            try OutputFile.write(Data("through \(name)".utf8), to: path(name))
            #expect(String(decoding: reader.finish(), as: UTF8.self) == "through \(name)")
        }
        #expect(SpecialFiles.type(path("pipe")) == S_IFIFO)
        #expect(SpecialFiles.type(path("link")) == S_IFLNK)
        #expect(try listing() == ["link", "pipe"])
    }

    @Test(
        "a character device (a copy of null, 1,3) is written in place, never replaced",
        .enabled(if: SpecialFiles.deviceNodesAllowed, "mknod is not permitted here (needs CAP_MKNOD)"))
    func characterDevice() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(SpecialFiles.makeCharacterDevice(path("null"), major: 1, minor: 3) == nil)
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: "null")
        for name in ["null", "link"] {
            #expect(try OutputFile.target(of: path(name)) == .inPlace(path("null")))
            try OutputFile.write(Data("gone".utf8), to: path(name))
        }
        #expect(SpecialFiles.type(path("null")) == S_IFCHR)
        #expect(try listing() == ["link", "null"])
    }

    @Test(
        "a full device (1,7) is an error that names the cause, and stays a device",
        .enabled(if: SpecialFiles.deviceNodesAllowed, "mknod is not permitted here (needs CAP_MKNOD)"))
    func fullDevice() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(SpecialFiles.makeCharacterDevice(path("full"), major: 1, minor: 7) == nil)
        #expect {
            try OutputFile.write(Data("x".utf8), to: path("full"))
        } throws: { error in
            (error as? OutputFile.WriteError)?.description == "cannot write '\(path("full"))': no space left on device"
        }
        #expect(SpecialFiles.type(path("full")) == S_IFCHR)
    }

    @Test("a socket is refused and left alone")
    func socket() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fd = try SpecialFiles.bindSocket(path("sock"))
        defer { close(fd) }
        #expect {
            try OutputFile.write(Data("x".utf8), to: path("sock"))
        } throws: { error in
            (error as? OutputFile.WriteError)?.description.contains("is a socket") == true
        }
        #expect(SpecialFiles.type(path("sock")) == S_IFSOCK)
    }

    @Test("a file whose owner has no write bit is refused, even for root, and unchanged")
    func readOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "keep".write(toFile: path("locked.svg"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path("locked.svg"))
        #expect {
            try OutputFile.write(Data("x".utf8), to: path("locked.svg"))
        } throws: { error in
            (error as? OutputFile.WriteError)?.description.contains("read-only") == true
        }
        #expect(try text("locked.svg") == "keep")
        #expect(try mode("locked.svg") == 0o444)
        #expect(try listing() == ["locked.svg"])
    }

    @Test("a directory is refused")
    func directoryRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: OutputFile.WriteError.self) { try OutputFile.write(Data("x".utf8), to: directory) }
        #expect(try listing().isEmpty)
    }

    @Test("a hard-linked file is replaced by a rename: the other name keeps the old content")
    func hardLink() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "old".write(toFile: path("a.yaml"), atomically: false, encoding: .utf8)
        try FileManager.default.linkItem(atPath: path("a.yaml"), toPath: path("b.yaml"))
        try OutputFile.write(Data("new".utf8), to: path("a.yaml"))
        #expect(try text("a.yaml") == "new")
        #expect(try text("b.yaml") == "old")
    }

    @Test("-, /dev/stdout, /dev/stderr and /dev/fd/N are the descriptors themselves")
    func descriptors() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try OutputFile.target(of: "-") == .descriptor(1))
        #expect(try OutputFile.target(of: "/dev/stdout") == .descriptor(1))
        #expect(try OutputFile.target(of: "/dev/stderr") == .descriptor(2))
        #expect(try OutputFile.target(of: "/dev/fd/9") == .descriptor(9))
        #expect(try OutputFile.target(of: "/proc/self/fd/12") == .descriptor(12))
        // A link to /dev/stdout is the descriptor too, not a file in /proc.
        try FileManager.default.createSymbolicLink(atPath: path("out"), withDestinationPath: "/dev/stdout")
        #expect(try OutputFile.target(of: path("out")) == .descriptor(1))

        let pipe = Pipe()
        let fd = pipe.fileHandleForWriting.fileDescriptor
        try OutputFile.write(Data("via fd".utf8), to: "/dev/fd/\(fd)")
        try pipe.fileHandleForWriting.close()
        #expect(String(decoding: try pipe.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self) == "via fd")
    }

    @Test("a missing directory is named in the error")
    func missingDirectory() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect {
            try OutputFile.write(Data("x".utf8), to: path("none/out.svg"))
        } throws: { error in
            (error as? OutputFile.WriteError)?.description == "cannot write '\(path("none/out.svg"))': no such directory '\(path("none"))'"
        }
    }
}
