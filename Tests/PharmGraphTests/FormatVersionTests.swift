import Foundation
import PharmGraph
import PharmGraphTestSupport
import Testing

private func upgradeFixture(_ name: String) -> String {
    Repository.path("Tests/PharmGraphTests/Fixtures/upgrade/\(name)")
}

/// The upgraded text of `text`, with its notes; fails the test when the upgrade fails or does nothing.
private func upgraded(_ text: String, path: String = "g.yaml") throws -> (text: String, notes: [String], check: LoadResult) {
    switch FormatUpgrade.upgrade(SourceText(path: path, text: text)) {
    case let .success(.upgraded(text, notes, check)): return (text, notes, check)
    case .success(.current): throw UpgradeTestError.nothingDone
    case let .failure(failure): throw UpgradeTestError.failed("\(failure)")
    }
}

/// The first four lines of the format-2 test graphs.
private let header2 = "format: 2\nid: g\ntitle: G\nversion: \"1\"\n"

private enum UpgradeTestError: Error, Equatable {
    case nothingDone
    case failed(String)
}

@Suite("Graph format 2: version, contexts, new fields")
struct FormatVersionTests {
    @Test("format 2 fields are read into the model")
    func decodes() throws {
        let text =
            header2 + """
                contexts:
                  dose: {type: ordinal, values: [low, mid, high], default: [low, mid], exposure: true, description: the dose}
                  state: {type: condition, values: [stressed]}
                nodes:
                  - {id: d, kind: drug}
                  - {id: t, kind: receptor}
                  - {id: e, kind: effect, valence: adverse, context: {dose: high}}
                edges:
                  - {from: d, relation: inhibits, to: t, context: {dose: mid}, exact: [dose], loss_of_function: true, correlational: true, importance: secondary}
                  - {from: t, relation: activates, to: e, context: {dose: low, state: stressed}, exposure_of: d}
                  - {from: d, relation: indication, to: e}
                  - {from: d, relation: compared_with, to: t}
                claims:
                  - {from: d, to: e, expect: negative, certainty: probable, avoid: [t]}
                """
        let result = GraphLoader.load(text: text, path: "g.yaml")
        let graph = try #require(result.graph, "\(result.diagnostics.map(\.headline))")
        #expect(graph.format == 2)
        #expect(
            graph.contexts == [
                ContextDeclaration(
                    key: "dose", kind: .ordinal, values: ["low", "mid", "high"], defaults: ["low", "mid"], exposure: true,
                    description: "the dose"),
                ContextDeclaration(key: "state", kind: .condition, values: ["stressed"]),
            ])
        #expect(graph.contexts[0].location?.line == 6 && graph.contexts[0].location?.column == 3)
        #expect(graph.node("e")?.context == ["dose": "high"])
        let first = graph.edges[0]
        #expect(first.exact == ["dose"] && first.lossOfFunction && first.correlational && first.importance == .secondary)
        #expect(graph.edges[1].exposureOf == "d")
        #expect(!graph.edges[1].lossOfFunction && !graph.edges[1].correlational && graph.edges[1].importance == nil)
        #expect(graph.edges[2].relation == .indication && graph.edges[3].relation == .comparedWith)
        #expect(graph.claims[0].avoid == ["t"] && graph.claims[0].certainty == .probable)
        // Only the exposure context on a non-drug edge without exposure_of would warn: none here.
        #expect(result.diagnostics.map(\.message) == Array(repeating: "edge has no references", count: 4))
        // The canonical text writes every field, in the documented order, and reloads as the same graph.
        let canonical = try CanonicalWriter.canonicalText(of: result)
        #expect(
            canonical.contains(
                "  - {from: d, relation: inhibits, to: t, context: {dose: mid}, exact: [dose], importance: secondary, loss_of_function: true, correlational: true}\n"
            ))
        #expect(canonical.contains("  - {from: d, to: e, expect: negative, certainty: probable, avoid: [t]}\n"))
        #expect(canonical.hasPrefix("format: 2\nid: g\n"))
        #expect(
            canonical.contains(
                "contexts:\n  dose: {type: ordinal, values: [low, mid, high], default: [low, mid], exposure: true, description: the dose}\n"))
        let json = CanonicalWriter.write(graph, syntax: .json)
        #expect(json.hasPrefix("{\n  \"format\": 2,\n"))
        #expect(GraphLoader.load(text: json, path: "g.json").graph == graph)
    }

    @Test("a format-1 file reports every format-2 feature it uses, each where it is written")
    func everyFeatureNamed() {
        let text = """
            id: g
            title: G
            version: "1"
            contexts:
              dose: {type: categorical, values: [low]}
            nodes:
              - {id: d, kind: drug}
              - {id: e, kind: effect, valence: adverse, context: {dose: low}}
            edges:
              - {from: d, relation: indication, to: e, refs: [r], exposure_of: d, correlational: true}
            claims:
              - {from: d, to: e, expect: none, certainty: probable}
            references:
              r: {citation: R}
            """
        let result = GraphLoader.load(text: text, path: "g.yaml")
        let got = result.diagnostics.filter { $0.message.contains("needs format 2") }.map {
            "\($0.line ?? 0):\($0.column ?? 0) \($0.message.prefix { $0 != "," })"
        }
        #expect(
            got == [
                "4:1 section 'contexts' needs format 2",
                "8:45 node field 'context' needs format 2",
                "10:25 relation 'indication' needs format 2",
                "10:55 edge field 'exposure_of' needs format 2",
                "10:71 edge field 'correlational' needs format 2",
                "12:36 claim field 'certainty' needs format 2",
            ])
        #expect(result.graph == nil)
        // Spelled out in full once: the version needed, the feature, and the migration command.
        #expect(
            result.diagnostics.first?.message
                == "section 'contexts' needs format 2, but this file is format 1; add 'format: 2' to its header, or run 'pharmgraph fmt --upgrade' to migrate it"
        )
        // 'format: 1' written out is the same as no version.
        let explicit = GraphLoader.load(text: "format: 1\n" + text, path: "g.yaml")
        #expect(explicit.diagnostics.filter { $0.message.contains("needs format 2") }.count == 6)
    }

    @Test("with contexts declared, every undeclared key and value is reported, in edges, effects and claims")
    func severalContextProblems() {
        let text =
            header2 + """
                contexts:
                  dose: {type: ordinal, values: [low, high, low], default: [low, hihg]}
                references:
                  r: {citation: R}
                nodes:
                  - {id: d, kind: drug}
                  - {id: t, kind: receptor}
                  - {id: e, kind: effect, valence: adverse, context: {dos: high}}
                edges:
                  - {from: d, relation: inhibits, to: t, refs: [r], context: {dose: hi}}
                  - {from: t, relation: activates, to: e, refs: [r], context: {dose: low}, exact: [dose, region]}
                claims:
                  - {from: d, to: e, expect: negative, where: {regoin: x}}
                """
        let result = GraphLoader.load(text: text, path: "g.yaml")
        let got = result.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.severity.rawValue): \($0.message)" }
        #expect(
            got == [
                "6:45 error: duplicate value 'low' in context 'dose'; first at line 6, column 34",
                "6:66 error: 'default' of context 'dose' names 'hihg', which is not one of its values; did you mean 'high'?",
                "12:55 error: undeclared context key 'dos' in 'context'; did you mean 'dose'?",
                "14:69 error: value 'hi' is not declared for context 'dose'; did you mean 'high'?",
                "15:90 error: 'exact' names 'region', which this edge's context does not give",
                "17:48 error: undeclared context key 'regoin' in 'where'; declare it under 'contexts:'",
            ])
        #expect(result.graph == nil)
    }

    @Test("without a contexts declaration, keys stay free (format 1 and format 2 alike)")
    func undeclaredStaysFree() {
        let text =
            header2 + """
                references:
                  r: {citation: R}
                nodes:
                  - {id: d, kind: drug}
                  - {id: t, kind: receptor}
                edges:
                  - {from: d, relation: inhibits, to: t, refs: [r], context: {anything: goes}}
                """
        let result = GraphLoader.load(text: text, path: "g.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.headline))")
    }

    @Test("upgrade: adds the version and declares the contexts used; dose on the built-in scale is ordinal")
    func upgradeTheFixture() throws {
        let path = upgradeFixture("format1.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (result, notes, check) = try upgraded(text, path: path)
        let expected = """
            # A format-1 graph: contexts are free keys.
            format: 2
            id: upgrade-me
            title: Upgrade me
            version: "1"
            contexts:
              dose: {type: ordinal, values: [subanesthetic, supratherapeutic], default: [subanesthetic], exposure: true}
              region: {type: categorical, values: [cortex, hippocampus]}
            references:
              ref2020: {citation: A reference.}
            nodes:
              - {id: drug-a, kind: drug}
              - {id: target-b, kind: receptor}
              # the effect
              - {id: effect-c, kind: effect, valence: therapeutic}
            edges:
              - {from: drug-a, relation: inhibits, to: target-b, refs: [ref2020], context: {dose: subanesthetic, region: hippocampus}}
              - {from: target-b, relation: activates, to: effect-c, refs: [ref2020], context: {region: cortex}}  # trailing
              - {from: drug-a, relation: activates, to: effect-c, refs: [ref2020], context: {dose: supratherapeutic}, importance: primary}
            claims:
              - {from: drug-a, to: effect-c, expect: negative, where: {dose: subanesthetic}}

            """
        #expect(result == expected)
        #expect(
            notes == [
                "declared context 'dose' ordinal (subanesthetic < supratherapeutic), exposure: true, default [subanesthetic]: its values are all on the built-in dose scale; check the order, and give 'exposure_of' to dose edges whose source is not the drug",
                "declared context 'region' categorical with the values the file uses: cortex, hippocampus",
            ])
        #expect(!check.hasErrors && check.graph?.format == 2)
        // Upgrading the result again does nothing.
        guard case .success(.current) = FormatUpgrade.upgrade(SourceText(path: path, text: result)) else {
            Issue.record("an upgraded file is upgraded again")
            return
        }
    }

    @Test("upgrade: dose values off the scale, a lone dose value, claim-only values and a condition key stay categorical")
    func upgradeCategorical() throws {
        let other = try String(contentsOfFile: upgradeFixture("format1-other-dose.yaml"), encoding: .utf8)
        let (text, notes, _) = try upgraded(other)
        #expect(text.contains("contexts:\n  dose: {type: categorical, values: [anesthetic, low]}\n"))
        #expect(notes.count == 1 && notes[0].contains("not all on the built-in dose scale"))
        let lone = """
            id: g
            title: G
            version: "1"
            nodes:
              - {id: d, kind: drug}
              - {id: e, kind: effect, valence: adverse}
            edges:
              - {from: d, relation: activates, to: e, context: {dose: anesthetic, condition: hypoxia}}
            claims:
              - {from: d, to: e, expect: positive, where: {condition: stress}}
            """
        let (loneText, loneNotes, _) = try upgraded(lone)
        #expect(
            loneText.contains(
                "contexts:\n  condition: {type: categorical, values: [hypoxia, stress]}\n  dose: {type: categorical, values: [anesthetic]}\n"))
        #expect(loneNotes[0].hasSuffix("if these are states a query must assert, make it 'type: condition'"))
        #expect(loneNotes[1].contains("an ordinal key needs at least 2 values"))
    }

    @Test("upgrade: a format-2 file is left alone; a file with other errors is refused with them")
    func upgradeRefusals() throws {
        let current = try String(contentsOfFile: Repository.path("Tests/PharmGraphTests/Fixtures/valid/base2.yaml"), encoding: .utf8)
        guard case .success(.current) = FormatUpgrade.upgrade(SourceText(path: "b.yaml", text: current)) else {
            Issue.record("a format-2 file was not left alone")
            return
        }
        let broken = try String(
            contentsOfFile: Repository.path("Tests/PharmGraphTests/Fixtures/diagnostics/unknown-node.yaml"), encoding: .utf8)
        guard case let .failure(.hasErrors(result)) = FormatUpgrade.upgrade(SourceText(path: "u.yaml", text: broken)) else {
            Issue.record("a broken file was upgraded")
            return
        }
        #expect(result.diagnostics.map(\.message) == ["unknown node 'target-bb' in 'to'; did you mean 'target-b'?"])
        // A format-1 file that declares contexts keeps its declaration and gains the missing keys.
        let declared = """
            id: g
            title: G
            version: "1"
            contexts:
              region: {type: categorical, values: [gut, brain]}
            nodes:
              - {id: d, kind: drug}
              - {id: e, kind: effect, valence: adverse}
            edges:
              - {from: d, relation: activates, to: e, context: {region: gut, phase: early}}
            """
        let (text, _, _) = try upgraded(declared)
        #expect(
            text.contains(
                "contexts:\n  region: {type: categorical, values: [gut, brain]}\n  phase: {type: categorical, values: [early]}\n"))
    }

    @Test("upgrade: 'exact' on dose is kept when dose becomes ordinal, and stops the upgrade when it cannot")
    func upgradeExact() throws {
        let body = """
            id: g
            title: G
            version: "1"
            references: {r: {citation: R}}
            nodes: [{id: d, kind: drug}, {id: e, kind: effect, valence: adverse}]
            edges:
              - {from: d, relation: activates, to: e, refs: [r], context: {dose: anesthetic}, exact: [dose]}
              - {from: d, relation: inhibits, to: e, refs: [r], context: {dose: subanesthetic}}
            """
        // Before the upgrade, 'exact' needs format 2 and a dose declared ordinal: two errors at it.
        let before = GraphLoader.load(text: body, path: "g.yaml").diagnostics
        #expect(before.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["7:83", "7:91"])
        let (text, _, check) = try upgraded(body)
        #expect(text.contains("  dose: {type: ordinal, values: [subanesthetic, anesthetic], exposure: true}\n"))
        #expect(check.graph?.edges[0].exact == ["dose"])
        // One dose level: dose stays categorical, so 'exact' cannot stand; nothing is written.
        let lone = body.replacingOccurrences(of: "subanesthetic", with: "anesthetic")
            .replacingOccurrences(of: "relation: inhibits", with: "relation: upregulates")
        guard case let .failure(.wouldHaveErrors(errors)) = FormatUpgrade.upgrade(SourceText(path: "g.yaml", text: lone)) else {
            Issue.record("an upgrade that leaves an error went through")
            return
        }
        #expect(
            errors.map(\.message) == [
                "'exact' names 'dose', which is not declared as an ordinal context: only an ordinal value holds from itself upwards"
            ])
    }

    @Test("upgrade: the real ketamine graph (a copy) upgrades, keeps its meaning, and is then left alone")
    func upgradeKetamine() throws {
        // Graphs/ketamine.yaml is format 2 now: left alone. Its format-1 version is kept as a fixture.
        let current = try String(contentsOfFile: Repository.path("Graphs/ketamine.yaml"), encoding: .utf8)
        #expect(throws: UpgradeTestError.nothingDone) { try upgraded(current) }
        let path = Repository.path("Tests/PharmGraphTests/Fixtures/upgrade/ketamine-format1.yaml")
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let (text, notes, check) = try upgraded(original, path: path)
        #expect(!check.hasErrors)
        #expect(
            text.contains(
                "  dose: {type: ordinal, values: [subanesthetic, anesthetic, supratherapeutic], default: [subanesthetic, anesthetic], exposure: true}\n"))
        #expect(notes.count == 6)
        let before = try #require(GraphLoader.load(text: original, path: path).graph)
        let after = try #require(check.graph)
        #expect(after.edges == before.edges && after.nodes == before.nodes && after.claims == before.claims)
        // Every line of the original is still there, in order: only the version and the declarations were added.
        let added = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !original.split(separator: "\n", omittingEmptySubsequences: false).contains($0)
        }
        #expect(added.first == "format: 2")
        #expect(added.count == 2 + notes.count)
    }
}

@Suite("Graph format 2: duplicates and contradictions")
struct FormatVersionEdgeKeyTests {
    @Test("an edge that holds at one level only, or for another drug's dose, is not a duplicate of the threshold edge")
    func exactAndExposureAreCircumstances() {
        let text =
            header2 + """
                contexts:
                  dose: {type: ordinal, values: [low, high], exposure: true}
                references: {r: {citation: R}}
                nodes: [{id: d, kind: drug}, {id: f, kind: drug}, {id: t, kind: receptor}, {id: e, kind: effect, valence: adverse}]
                edges:
                  - {from: d, relation: inhibits, to: t, refs: [r]}
                  - {from: f, relation: inhibits, to: t, refs: [r]}
                  - {from: t, relation: activates, to: e, refs: [r], context: {dose: high}, exposure_of: d}
                  - {from: t, relation: activates, to: e, refs: [r], context: {dose: high}, exposure_of: f}
                  - {from: t, relation: inhibits, to: e, refs: [r], context: {dose: high}, exact: [dose], exposure_of: d}
                  - {from: t, relation: activates, to: e, refs: [r], context: {dose: high}, exposure_of: d}
                """
        let result = GraphLoader.load(text: text, path: "g.yaml")
        #expect(result.diagnostics.map { "\($0.line ?? 0) \($0.message)" } == ["15 duplicate edge 't' activates 'e'; first at line 12"])
    }
}
