import Foundation
import PharmGraphTestSupport
import Testing

/// DrugMechDB records through the binary: told by content, a directory, one record's paths, `check`'s findings.
@Suite("DrugMechDB records, end to end")
struct DrugMechDBEndToEndTests {
    private let records = fixtures + "/drugmechdb"

    @Test("paths on one record of a list, by --where record=ID; the merged graph without it")
    func recordPaths() throws {
        let one = try Binary.run(["paths", records + "/list.yaml", "MESH:C000003", "MESH:D000002", "--where", "record=DB00003_MESH_D000002_1"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("MESH:C000003 -activates-> GO:0000003 -activates-> MESH:D000002"), "\(one.stdout)")
        let other = try Binary.run(["paths", records + "/list.yaml", "MESH:C000003", "MESH:D000002", "--where", "record=DB00002_MESH_D000002_1"])
        #expect(other.stdout.contains("none"), "\(other.stdout)")
    }

    @Test("check: a directory's findings at file:line:column, exit 1; a clean record exits 0")
    func check() throws {
        let corpus = try Binary.run(["check", records + "/corpus"])
        #expect(corpus.status == 1)
        #expect(corpus.stderr.contains("corpus/a.yaml:3:8: error: claim 'MESH:C000010' -> 'MESH:D000010' expects negative, but the paths give mixed"))
        #expect(corpus.stderr.contains("corpus/a.yaml:25:10: warning: inverse predicate 'disrupted by' is written in path order"))
        #expect(corpus.stderr.contains("corpus/a.yaml:42:9: warning: node 'GO:0000019' of record"))
        // The summary counts the record files read (a.yaml, b.yaml), not the files that have findings.
        #expect(corpus.stderr.hasSuffix("checked 2 files: 1 error, 6 warnings\n"), "\(corpus.stderr)")
        let clean = try Binary.run(["check", records + "/record.yaml"])
        #expect(clean.status == 0, "\(clean.stderr)")
    }

    @Test("effects on a record: a verdict resting on a correlation says so")
    func correlational() throws {
        let effects = try Binary.run(["effects", records + "/corpus", "MESH:C000011", "--where", "record=DB00011_MESH_D000011_1"])
        #expect(effects.status == 0, "\(effects.stderr)")
        #expect(effects.stdout.contains("rests on a correlational edge"), "\(effects.stdout)")
    }

    @Test("a malformed record: one positioned error, exit 1, nothing on stdout; a directory with another format is refused")
    func malformed() throws {
        let bad = try Binary.run(["paths", records + "/errors/unknown-predicate.yaml", "MESH:C000001", "MESH:D000001"])
        #expect(bad.status == 1)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("unknown-predicate.yaml:13:10: error: unknown predicate 'positivly regulates'; did you mean 'positively regulates'?"))
        let format = try Binary.run(["check", records + "/corpus", "--input-format", "sif"])
        #expect(format.status == 1)
        #expect(format.stderr.contains("a directory is read as DrugMechDB records; the format sif names a file"))
    }
}
