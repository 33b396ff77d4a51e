import Foundation
import PharmGraph
import PharmGraphIO
import PharmGraphTestSupport
import Testing

/// One broken fixture per diagnostic: each is `valid/base.yaml` with one problem,
/// and must yield exactly one diagnostic at the position worked out by hand.
/// A `.json` fixture (`ext: "json"`) is `valid/base.yaml` written as JSON; the others are YAML.
let diagnosticCases: [FixtureCase] = [
    .init(
        file: "yaml-syntax", severity: .error, line: 3, column: 8,
        message: "yaml syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 8)"),
    .init(
        file: "unknown-field", severity: .error, line: 11, column: 20,
        message: "unknown field 'relaton' in edge; did you mean 'relation'?"),
    .init(file: "missing-field", severity: .error, line: 8, column: 5, message: "node is missing required field 'kind'"),
    .init(file: "wrong-type", severity: .error, line: 7, column: 37, message: "expected text for 'label', found a list"),
    .init(
        file: "duplicate-node-id", severity: .error, line: 8, column: 10,
        message: "duplicate node id 'drug-a'; first defined at line 7, column 10"),
    .init(
        file: "duplicate-key", severity: .error, line: 7, column: 30,
        message: "duplicate key 'kind'; first defined at line 7, column 18"),
    .init(
        file: "not-kebab", severity: .error, line: 7, column: 10,
        message:
            "node id 'Drug_A' is not kebab-case; use lowercase letters and digits joined by single hyphens, e.g. 'drug-a'"),
    .init(
        file: "unknown-node", severity: .error, line: 11, column: 44,
        message: "unknown node 'target-bb' in 'to'; did you mean 'target-b'?"),
    .init(
        file: "unknown-relation", severity: .error, line: 11, column: 30,
        message: "unknown relation 'inhibit'; did you mean 'inhibits' (less activity)? \(relationList)"),
    .init(
        file: "unknown-action", severity: .error, line: 11, column: 62,
        message: "unknown action 'antagonism'; did you mean 'antagonist'?"),
    .init(
        file: "action-contradicts", severity: .error, line: 11, column: 62,
        message: "action 'agonist' (sign +) contradicts relation 'inhibits' (sign -)"),
    .init(
        file: "unknown-reference", severity: .error, line: 11, column: 70,
        message: "unknown reference 'ref2021'; did you mean 'ref2020'?"),
    .init(
        file: "role-not-drug", severity: .error, line: 8, column: 42,
        message: "'role' applies only to drugs, not to a node of kind 'receptor'"),
    .init(
        file: "valence-not-effect", severity: .error, line: 8, column: 45,
        message: "'valence' applies only to effects, not to a node of kind 'receptor'"),
    .init(
        file: "effect-without-valence", severity: .error, line: 9, column: 5,
        message: "effect 'effect-c' is missing required field 'valence' (therapeutic, adverse or neutral)"),
    .init(file: "empty", severity: .error, line: 1, column: 1, message: "file is empty"),
    .init(
        file: "not-utf8", severity: .error, line: 2, column: 11,
        message: "file is not valid UTF-8: unexpected byte 0xE9"),
    .init(
        file: "claim-unknown-node", severity: .error, line: 14, column: 24,
        message: "unknown node 'effect-cc' in 'to'; did you mean 'effect-c'?"),
    .init(
        file: "unknown-verdict", severity: .error, line: 14, column: 42,
        message: "unknown verdict 'postive'; did you mean 'positive'?"),
    .init(file: "unused-reference", severity: .warning, line: 6, column: 3, message: "reference 'ref1999' is never cited"),
    .init(file: "isolated-node", severity: .warning, line: 10, column: 10, message: "node 'lonely-d' has no edges"),
    .init(
        file: "duplicate-edge", severity: .warning, line: 13, column: 5,
        message: "duplicate edge 'drug-a' inhibits 'target-b'; first at line 11"),
    .init(
        file: "contradictory-edges", severity: .warning, line: 13, column: 5,
        message:
            "edge 'drug-a' -> 'target-b' 'activates' (+) contradicts 'inhibits' (-) at line 11 in the same context"),
    .init(
        file: "unknown-kind", severity: .warning, line: 8, column: 26,
        message: "unknown kind 'recepter'; did you mean 'receptor'?"),
    .init(file: "no-references", severity: .warning, line: 12, column: 5, message: "edge has no references"),
    .init(
        file: "yaml-tag", severity: .error, line: 3, column: 10,
        message: "yaml tag '!!int' is not supported: write the value without a tag (values are text)"),
    .init(
        file: "alias-use", severity: .error, line: 8, column: 26, message: "expected text for 'kind', found a mapping"),
    .init(
        file: "control-character", severity: .error, line: 2, column: 11,
        message: "cannot read yaml: control characters are not allowed (\\u{7})"),
    .init(file: "undefined-alias", severity: .error, line: 11, column: 61, message: "yaml syntax error: found undefined alias 'ref'"),
    // libyaml says 13:1, past the last line; the position is moved to the end of line 12.
    .init(
        file: "end-of-input", severity: .error, line: 12, column: 72,
        message: "yaml syntax error: did not find expected ',' or '}' (while parsing a flow mapping at line 12, column 5)"),
    // libyaml's context mark is at 11:1 too: the message names it at the same clamped place.
    .init(
        file: "end-of-input-node", severity: .error, line: 10, column: 9,
        message: "yaml syntax error: did not find expected node content (while parsing a flow node at line 10, column 9)"),
    // A `.json` graph is strict JSON (docs/decisions.md): libyaml would read these as YAML flow.
    .init(
        file: "end-of-input", severity: .error, line: 11, column: 89, message: "invalid JSON: unexpected end of input",
        ext: "json"),
    .init(
        file: "trailing-comma", severity: .error, line: 7, column: 67, message: "invalid JSON: trailing comma before ']'",
        ext: "json"),
    .init(
        file: "unquoted-key", severity: .error, line: 3, column: 30,
        message: "invalid JSON: expected a string key in double quotes", ext: "json"),
    // Format 2: the version, the declared contexts and the new fields
    // (`valid/base2.yaml` with one problem; the format-1 ones are `valid/base.yaml`).
    .init(
        file: "format-needed-field", severity: .error, line: 12, column: 74,
        message:
            "edge field 'importance' needs format 2, but this file is format 1; add 'format: 2' to its header, or run 'pharmgraph fmt --upgrade' to migrate it"),
    .init(
        file: "format-needed-relation", severity: .error, line: 13, column: 30,
        message:
            "relation 'indication' needs format 2, but this file is format 1; add 'format: 2' to its header, or run 'pharmgraph fmt --upgrade' to migrate it"),
    .init(
        file: "format-needed-contexts", severity: .error, line: 4, column: 1,
        message: "section 'contexts' needs format 2, but this file is format 1; add 'format: 2' to its header, or run 'pharmgraph fmt --upgrade' to migrate it"),
    .init(
        file: "format-needed-claim-field", severity: .error, line: 14, column: 52,
        message: "claim field 'avoid' needs format 2, but this file is format 1; add 'format: 2' to its header, or run 'pharmgraph fmt --upgrade' to migrate it"
    ),
    .init(
        file: "format-too-new", severity: .error, line: 1, column: 9,
        message: "written in format 3; this pharmgraph reads formats 1–2"),
    .init(
        file: "format-not-a-number", severity: .error, line: 1, column: 9,
        message: "expected a format version (a whole number: 1 or 2) for 'format', found 'two'"),
    .init(
        file: "context-unknown-key", severity: .error, line: 15, column: 81,
        message: "undeclared context key 'dos' in 'context'; did you mean 'dose'?"),
    .init(
        file: "context-unknown-value", severity: .error, line: 15, column: 87,
        message: "value 'lo' is not declared for context 'dose'; did you mean 'low'?"),
    .init(
        file: "context-unknown-value-claim", severity: .error, line: 18, column: 66,
        message: "value 'hihg' is not declared for context 'dose'; did you mean 'high'?"),
    .init(
        file: "context-unknown-key-node", severity: .error, line: 13, column: 66,
        message: "undeclared context key 'doze' in 'context'; did you mean 'dose'?"),
    .init(
        file: "context-default-undeclared", severity: .error, line: 6, column: 56,
        message: "'default' of context 'dose' names 'lwo', which is not one of its values; did you mean 'low'?"),
    .init(
        file: "context-ordinal-one-value", severity: .error, line: 6, column: 3,
        message: "ordinal context 'dose' needs at least 2 values, lowest first; it declares 1"),
    .init(
        file: "context-duplicate-value", severity: .error, line: 6, column: 45,
        message: "duplicate value 'low' in context 'dose'; first at line 6, column 34"),
    .init(
        file: "context-condition-default", severity: .error, line: 8, column: 48,
        message: "'default' does not apply to condition context 'state': a condition holds only where a query asserts it"),
    .init(
        file: "context-no-values", severity: .error, line: 8, column: 3,
        message: "context 'state' declares no values"),
    .init(
        file: "context-unknown-type", severity: .error, line: 7, column: 18,
        message: "unknown context type 'categorial'; did you mean 'categorical'?"),
    .init(
        file: "context-unknown-field", severity: .error, line: 6, column: 46,
        message: "unknown field 'defualt' in context 'dose'; did you mean 'default'?"),
    .init(
        file: "exact-not-in-context", severity: .error, line: 16, column: 108,
        message: "'exact' names 'dose', which this edge's context does not give"),
    .init(
        file: "exact-not-ordinal", severity: .error, line: 16, column: 108,
        message: "'exact' names 'region', which is not declared as an ordinal context: only an ordinal value holds from itself upwards"),
    .init(
        file: "exposure-of-not-drug", severity: .error, line: 16, column: 124,
        message: "'exposure_of' names 'target-b', a node of kind 'receptor'; it must name a drug"),
    .init(
        file: "exposure-of-unknown", severity: .error, line: 15, column: 106,
        message: "unknown node 'drug-aa' in 'exposure_of'; did you mean 'drug-a'?"),
    .init(
        file: "exposure-without-drug", severity: .warning, line: 16, column: 84,
        message: "exposure context 'dose: low' on an edge from 'target-b', a receptor, not a drug: whose dose? add exposure_of: DRUG, the drug whose dose it is"
    ),
    .init(
        file: "exposure-of-without-exposure", severity: .warning, line: 16, column: 113,
        message:
            "'exposure_of' on an edge without an exposure context: it applies to the keys declared 'exposure: true' under 'contexts:', and this edge gives none"
    ),
    .init(
        file: "node-context-not-effect", severity: .warning, line: 12, column: 36,
        message: "'context' on a node applies to effects and conditions (where they can occur), not to a node of kind 'receptor'"),
    .init(
        file: "claim-avoid-unknown", severity: .error, line: 18, column: 80,
        message: "unknown node 'target-bb' in 'avoid'; did you mean 'target-b'?"),
    .init(
        file: "loss-of-function-not-bool", severity: .error, line: 16, column: 118,
        message: "expected 'true' or 'false' for 'loss_of_function', found 'yes'"),
    .init(
        file: "unknown-importance", severity: .error, line: 16, column: 112,
        message: "unknown importance 'primry'; did you mean 'primary'?"),
    .init(
        file: "claim-unknown-certainty", severity: .error, line: 18, column: 83,
        message: "unknown certainty 'probabel'; did you mean 'probable'?"),
    // An edge whose context and its target's admit no common value: no query walks it.
    .init(
        file: "never-walked-ordinal", severity: .warning, line: 18, column: 88,
        message:
            "this edge can never be walked: its context 'dose: low' (at low only) contradicts its target's context 'dose: high' (from high up)"
    ),
    .init(
        file: "never-walked-categorical", severity: .warning, line: 17, column: 90,
        message: "this edge can never be walked: its context 'region: gut' contradicts its target's context 'region: brain'"),
    .init(
        file: "never-walked-condition", severity: .warning, line: 19, column: 87,
        message: "this edge can never be walked: its context 'state: stress' contradicts its target's context 'state: hypoxia'"),
    // The curator's kit (issue 17): verbs mapped to relations, tabs, xref ids.
    .init(
        file: "unknown-relation-verb", severity: .error, line: 11, column: 30,
        message: "unknown relation 'blocks'; did you mean 'inhibits' (less activity)? \(relationList)"),
    .init(
        file: "tab-indent", severity: .error, line: 8, column: 1,
        message:
            "yaml syntax error: found character that cannot start any token (while scanning for the next token at line 8, column 1); indent with spaces, not tabs"
    ),
    .init(
        file: "xref-malformed", severity: .error, line: 7, column: 63,
        message: "'DB1221' is not a 'DrugBank' id; expected one like 'DB01221' (pattern DB\\d{5})"),
    .init(
        file: "xref-prefixed", severity: .error, line: 7, column: 42,
        message: "xref 'GO:0007268' repeats its namespace 'GO': write the local id '0007268'"),
    .init(
        file: "xref-unknown-namespace", severity: .warning, line: 7, column: 53,
        message:
            "unknown xref namespace 'DrugBnak'; did you mean 'DrugBank'? Its ids go unchecked; the known namespaces are: CHEBI, DrugBank, MeSH, HGNC, HGNC.symbol, UniProt, GO, DOID, PubChem, ChEMBL, NCBIGene, Ensembl, MONDO, HP, UMLS, KEGG.COMPOUND, KEGG.DRUG, CAS, UNII, InChIKey, RxNorm, ATC, Wikidata, IUPHAR.ligand, IUPHAR.receptor, Reactome, NCIT, EFO, OMIM, UBERON, CL, NCBITaxon, SNOMEDCT, PR"
    ),
]

/// The end of every unknown-relation message.
let relationList =
    "The relations are: activates, inhibits, upregulates, downregulates, modulates, binds, no_effect, has_metabolite, has_component, indication, compared_with"

@Suite("Diagnostics, one fixture each")
struct DiagnosticFixtureTests {
    @Test("the base fixture is clean")
    func baseIsClean() {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/valid/base.yaml"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.graph != nil)
        // The `.json` fixtures are this one, as JSON, with one problem.
        let json = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/valid/base.json"))
        #expect(json.diagnostics.isEmpty)
        #expect(json.graph?.nodes.map(\.id) == result.graph?.nodes.map(\.id))
        #expect(json.graph?.edges.map(\.to) == result.graph?.edges.map(\.to))
        // The format-2 fixtures are this one, with one problem.
        let format2 = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/valid/base2.yaml"))
        #expect(format2.diagnostics.isEmpty, "\(format2.diagnostics.map(\.headline))")
        #expect(format2.graph?.format == 2)
        #expect(format2.graph?.contexts.map(\.key) == ["dose", "region"])
    }

    @Test("each broken fixture yields exactly its diagnostic", arguments: diagnosticCases)
    func fixture(_ expected: FixtureCase) {
        let path = Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics/\(expected.fileName)")
        let result = loadGraph(path)
        #expect(result.diagnostics.count == 1, "got \(result.diagnostics.map(\.headline))")
        guard let diagnostic = result.diagnostics.first else { return }
        #expect(diagnostic.severity == expected.severity)
        #expect(diagnostic.line == expected.line)
        #expect(diagnostic.column == expected.column)
        #expect(diagnostic.message == expected.message)
        #expect(diagnostic.file == path)
        // A graph comes back exactly when there are no errors.
        #expect((result.graph == nil) == (expected.severity == .error))
    }

    @Test("every fixture in the folder has a case")
    func everyFixtureCovered() throws {
        let folder = Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0 != "several-problems.yaml" }
        #expect(Set(files) == Set(diagnosticCases.map(\.fileName)))
    }

    @Test("a file with several problems reports all of them, in order")
    func severalProblems() {
        let path = Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics/several-problems.yaml")
        let result = loadGraph(path)
        let got = result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.severity.rawValue): \($0.message)" }
        #expect(
            got == [
                "9:10 error: duplicate node id 'target-b'; first defined at line 8, column 10",
                "12:20 error: unknown field 'relaton' in edge; did you mean 'relation'?",
                "13:47 error: unknown node 'efect-c' in 'to'; did you mean 'effect-c'?",
                "14:63 error: action 'antagonist' (sign -) contradicts relation 'activates' (sign +)",
                "14:82 error: unknown reference 'ref2021'; did you mean 'ref2020'?",
            ])
        #expect(result.graph == nil)
    }

    @Test("every duplicate key in a file is reported, and the rest is still checked")
    func manyDuplicateKeys() {
        let text = """
            id: dups
            title: Dups
            version: "1"
            nodes:
              - {id: a, kind: drug, kind: drug}
              - {id: b, kind: process, label: B, label: C}
            edges:
              - {from: a, relation: activates, to: bb}
            """
        let result = GraphLoader.load(text: text, path: "dups.yaml")
        let got = result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(
            got == [
                "5:25 duplicate key 'kind'; first defined at line 5, column 13",
                "6:10 node 'b' has no edges",
                "6:38 duplicate key 'label'; first defined at line 6, column 28",
                "8:5 edge has no references",
                "8:40 unknown node 'bb' in 'to'; did you mean 'b'?",
            ])
    }

    @Test("300 duplicate keys are all reported, each at its repeat, in one parse")
    func hundredsOfDuplicateKeys() {
        let nodes = (1...300).map { "  - {id: n\($0), kind: drug, kind: drug}" }
        let text = (["id: dups", "title: Dups", "version: \"1\"", "nodes:"] + nodes + ["edges: []"]).joined(separator: "\n")
        let result = GraphLoader.load(text: text, path: "dups.yaml")
        let duplicates = result.diagnostics.filter { $0.message.hasPrefix("duplicate key") }
        #expect(duplicates.count == 300)
        for (i, diagnostic) in duplicates.enumerated() {
            let column = 5 + "{id: n\(i + 1), kind: drug, ".count
            #expect(diagnostic.line == 5 + i && diagnostic.column == column)
            #expect(diagnostic.message == "duplicate key 'kind'; first defined at line \(5 + i), column \(column - 12)")
        }
        #expect(result.graph == nil)
    }

    @Test("every explicit tag is refused where it is written, quoted values and collections too")
    func tags() {
        let text = "id: t\ntitle: !!str T\nversion: !!binary \"MQ==\"\nnodes: !!seq []\nedges: !custom []\n"
        let result = GraphLoader.load(text: text, path: "t.yaml")
        #expect(
            result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message.split(separator: "'")[1])" } == [
                "2:8 !!str", "3:10 !!binary", "4:8 !!seq", "5:8 !custom",
            ])
        #expect(result.diagnostics.allSatisfy { $0.message.hasSuffix("is not supported: write the value without a tag (values are text)") })
    }

    @Test("a problem in an aliased value points at the alias, with a note naming the anchor")
    func aliasUse() throws {
        let result = loadGraph(Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics/alias-use.yaml"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.notes == ["'*cite' stands for the value anchored as '&cite' at line 5, column 12"])
        // Inside an aliased mapping too: the duplicate id is reported at the second use.
        let text = "id: a\ntitle: A\nversion: \"1\"\nnodes:\n  - &n {id: x, kind: drug}\n  - *n\nedges: []\n"
        let twice = GraphLoader.load(text: text, path: "a.yaml")
        let duplicate = try #require(twice.diagnostics.first { $0.message.hasPrefix("duplicate node id") })
        #expect(duplicate.line == 6 && duplicate.column == 5, "\(duplicate.headline)")
    }

    @Test("an alias bomb composes in bounded work")
    func aliasBomb() {
        var lines = ["id: b", "title: B", "version: \"1\"", "l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for k in 1...9 { lines.append("l\(k): &l\(k) [" + Array(repeating: "*l\(k - 1)", count: 10).joined(separator: ", ") + "]") }
        lines += ["nodes: *l9", "edges: []"]
        let result = GraphLoader.load(text: lines.joined(separator: "\n"), path: "bomb.yaml")
        #expect(result.hasErrors)
        #expect(result.graph == nil)
    }

    @Test("a missing file and an empty directory are errors without a position")
    func unreadable() throws {
        let missing = InputLoader.load("/nonexistent/graph.yaml")
        #expect(missing.diagnostics.map(\.headline) == ["/nonexistent/graph.yaml: error: cannot read file: no such file"])
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = InputLoader.load(directory)
        // A directory is read as DrugMechDB records (docs/formats.md): an empty one holds none.
        #expect(result.diagnostics.map(\.message) == ["no DrugMechDB record files (*.yaml, *.yml) in this directory"])
    }

    @Test("the caret sits under the reported column")
    func caret() {
        let result = GraphLoader.load(text: "id: x\ntitle: T\nversion: \"1\"\nnodes: []\nedges: []\nextra: 1\n", path: "t.yaml")
        let formatted = DiagnosticFormatter(source: result.source).format(result.diagnostics[0])
        #expect(formatted == "t.yaml:6:1: error: unknown field 'extra' in the graph\nextra: 1\n^")
    }
}

extension FixtureCase {
    /// The graph fixture's file name: YAML unless the case names another extension.
    fileprivate var fileName: String { "\(file).\(ext.isEmpty ? "yaml" : ext)" }
}
