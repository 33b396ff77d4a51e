import Foundation
import PharmGraphIO
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

/// `InputLoader`: the format by extension, then by parsed top-level keys; `--input-format` first of all.
@Suite("Input loader")
struct InputLoaderTests {
    private let graphYAML = "id: g\ntitle: G\nversion: \"1\"\ndescription: \"metanode_kinds, kind_to_abbrev\"\nnodes: []\nedges: []\n"
    private let graphJSON = #"{"description": "metanode_kinds", "id": "g", "title": "G", "version": "1", "nodes": [], "edges": []}"#
    private let hetionetJSON = #"{"metanode_kinds": [], "kind_to_abbrev": {}, "nodes": [], "edges": []}"#

    private func format(_ name: String, _ text: String) -> InputFormat? {
        NetworkInput.format(of: name, data: Data(text.utf8))
    }

    @Test("the extension decides first, whatever the content")
    func extensionFirst() {
        #expect(format("net.sif", graphYAML) == .sif)
        #expect(format("net.tsv.gz", graphYAML) == .tsv)
        #expect(format("g.yaml", "A\tactivates\tB\n") == .graph)
    }

    @Test("JSON is told by its parsed top-level keys, never by text inside values")
    func jsonKeys() {
        // `.txt` is only "text": a JSON object in it is told by its keys, a table stays TSV.
        #expect(format("h.txt", hetionetJSON) == .hetionetJSON)
        #expect(format("t.txt", "source\ttarget\trelation\n") == .tsv)
        #expect(format("h.json", hetionetJSON) == .hetionetJSON)
        #expect(format("g.json", graphJSON) == .graph)
        #expect(format("-", hetionetJSON) == .hetionetJSON)
        #expect(format("-", graphJSON) == .graph)
    }

    @Test("provenance hashes the bytes only when asked: a graph's and a network's (with its node table)")
    func contentHash() throws {
        let graph = Data(graphYAML.utf8)
        let sif = Data("A\tactivates\tB\n".utf8)
        for (data, name) in [(graph, "g.yaml"), (sif, "n.sif")] {
            var options = InputLoader.Options()
            let hashed = InputLoader.load(data: data, name: name, formatName: name, options: options)
            #expect(hashed.provenance.map(\.sha256) == [SHA256.hex(data)])
            options.hashesContent = false
            let unhashed = InputLoader.load(data: data, name: name, formatName: name, options: options)
            #expect(unhashed.provenance.count == 1 && unhashed.provenance[0].sha256 == nil)
            #expect(!unhashed.provenance[0].caption.contains("sha256"))
        }
    }

    @Test("bytes that are not UTF-8 and tell no format get the real error at its position, not a request for --input-format")
    func notUTF8() {
        let latin1 = Data("id: g\ntitle: caf".utf8) + Data([0xE9]) + Data(" bar\n".utf8)
        for name in ["-", "g.dat"] {
            let input = InputLoader.load(data: latin1, name: name, formatName: name, options: .init())
            #expect(input.diagnostics.map(\.headline) == ["\(name):2:11: error: file is not valid UTF-8: unexpected byte 0xE9"])
        }
        let table = Data("A\tactivates\tB\nB\tinhibits\t".utf8) + Data([0xE9, 0x0A])
        let untold = InputLoader.load(data: table, name: "-", formatName: "-", options: .init())
        #expect(untold.diagnostics.map(\.headline) == ["-:2:12: error: file is not valid UTF-8: unexpected byte 0xE9"])
    }

    @Test("a UTF-8 byte order mark does not hide a JSON file's top-level keys, named .json or not")
    func byteOrderMark() {
        for name in ["h.json", "h.json.gz", "-", "h.dat"] {
            #expect(format(name, "\u{FEFF}" + hetionetJSON) == .hetionetJSON, "\(name)")
            #expect(format(name, "\u{FEFF}" + graphJSON) == .graph, "\(name)")
        }
        let loaded = InputLoader.load(data: Data(("\u{FEFF}" + hetionetJSON).utf8), name: "h.json", formatName: "h.json", options: .init())
        #expect(loaded.format == .hetionetJSON)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.headline))")
    }

    @Test("without a known extension: a YAML mapping is a graph, a table is nothing, broken YAML is left to the loader")
    func content() {
        #expect(format("-", graphYAML) == .graph)
        #expect(format("graph.dat", graphYAML) == .graph)
        #expect(format("-", "A\tactivates\tB\nB\tinhibits\tC\n") == nil)
        #expect(format("-", "source,target,relation\nA,B,activates\n") == nil)
        #expect(format("-", "- a\n- b\n") == nil)
        #expect(format("-", "id: [unclosed\n") == .graph)
        #expect(format("-", "") == .graph)
    }

    @Test("--input-format overrides the name and the content")
    func override() {
        let data = Data("A\tactivates\tB\n".utf8)
        let asSIF = InputLoader.load(data: data, name: "g.yaml", formatName: "g.yaml", options: .init(format: .sif))
        #expect(asSIF.format == .sif)
        #expect(asSIF.isNetwork)
        #expect(asSIF.network?.edgeCount == 1)
        let byName = InputLoader.load(data: data, name: "g.yaml", formatName: "g.yaml", options: .init())
        #expect(byName.format == .graph)
        #expect(byName.graph == nil)
        #expect(byName.hasErrors)
        let unknown = InputLoader.load(data: data, name: "-", formatName: "-", options: .init())
        #expect(unknown.format == nil)
        #expect(
            unknown.diagnostics.map(\.headline) == [
                "-: error: cannot tell the format from the name or the content; set the options' format (graph, sif, tsv, csv, hetionet-json, graphml, cyjs, drugmechdb, bel, kgx)"
            ])
    }

    @Test("arguments: -, an existing file, REV:path, and a missing file")
    func sources() throws {
        #expect(InputSource(argument: "-") == .standardInput)
        let file = Repository.path("Graphs/ketamine.yaml")
        #expect(InputSource(argument: file) == .file(file))
        #expect(InputSource(argument: "HEAD~1:graphs/g.yaml.gz") == .revision(spec: "HEAD~1:graphs/g.yaml.gz", path: "graphs/g.yaml.gz"))
        #expect(InputSource(argument: ":g.yaml") == .revision(spec: ":g.yaml", path: "g.yaml"))
        #expect(InputSource(argument: "missing.yaml") == .file("missing.yaml"))
        #expect(InputSource(argument: "HEAD:") == .file("HEAD:"))
        #expect(InputSource(argument: "HEAD~1:graphs/g.yaml.gz").formatName == "graphs/g.yaml.gz")
    }

    @Test("a file over the size limit is one error with the way out; a node table's errors name the table")
    func readErrors() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let big = directory + "/big.sif"
        try String(repeating: "A\tactivates\tB\n", count: 100).write(toFile: big, atomically: true, encoding: .utf8)
        let capped = InputLoader.load(big, options: .init(limit: 100))
        #expect(capped.graph == nil && capped.network == nil)
        #expect(capped.diagnostics.count == 1)
        #expect(capped.diagnostics[0].file == big)
        #expect(capped.diagnostics[0].message.hasSuffix("; raise the options' limit"))
        let table = InputLoader.load(big, options: .init(nodeTable: directory + "/none.csv"))
        #expect(table.diagnostics.map(\.headline) == ["\(directory)/none.csv: error: cannot read file: no such file"])
    }
}
