import Foundation
import PharmGraphTestSupport
import Testing

@testable import PharmGraph

@Suite("The curator's kit in the core: schema tables, xref patterns, relation verbs, unified diff, skeleton")
struct CuratorKitTests {
    @Test("every field the loader reads has a type in the schema")
    func schemaCoversEveryField() {
        #expect(GraphSchema.untyped.isEmpty, "fields without a schema type: \(GraphSchema.untyped)")
        #expect(GraphSchema.text.hasPrefix("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\""))
        // Closed words come from the model: every relation and action is in the schema.
        for word in Relation.allCases.map(\.rawValue) + Action.allCases.map(\.rawValue) {
            #expect(GraphSchema.text.contains("\"\(word)\""), "\(word)")
        }
    }

    @Test("each namespace accepts its own example and is found by any spelling, ignoring case")
    func namespaces() {
        var seen: Set<String> = []
        for namespace in XrefNamespace.known {
            #expect(namespace.accepts(namespace.example), "\(namespace.name): \(namespace.example)")
            for spelling in [namespace.name] + namespace.synonyms {
                #expect(seen.insert(spelling.lowercased()).inserted, "\(spelling) is listed twice")
                #expect(XrefNamespace.named(spelling.uppercased()) == namespace)
                #expect(XrefNamespace.named(spelling.lowercased()) == namespace)
            }
        }
        #expect(XrefNamespace.named("nonsense") == nil)
        let bad: [(String, String)] = [
            ("CHEBI", "CHEBI:6121"), ("DrugBank", "DB1221"), ("MeSH", "Q007649"), ("UniProt", "q05586"),
            ("GO", "7268"), ("ChEMBL", "742"), ("UMLS", "C002261"), ("InChIKey", "YQEZLKZALYSWHR"), ("HGNC", "123456"),
        ]
        for (name, id) in bad { #expect(XrefNamespace.named(name)?.accepts(id) == false, "\(name) \(id)") }
        #expect(XrefNamespace.named("UniProt")?.accepts("P35439-2") == true)
        #expect(XrefNamespace.named("CAS")?.accepts("6740-88-1") == true)
    }

    @Test("common verbs map to relations, each relation named at most once, and the list closes the advice")
    func relationVerbs() {
        for (verb, relations) in Relation.synonyms {
            #expect(Relation(rawValue: verb) == nil, "\(verb) is a relation already")
            #expect(Set(relations).count == relations.count)
        }
        #expect(Relation.synonyms["increases"] == [.activates, .upregulates])
        #expect(Relation.synonyms["blocks"] == [.inhibits])
        let list = "The relations are: " + Relation.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(
            Relation.advice(for: "Increases") == "; did you mean 'activates' (more activity) or 'upregulates' (more amount, expression or release)? " + list)
        #expect(Relation.advice(for: "activats") == "; did you mean 'activates'? " + list)
        #expect(Relation.advice(for: "xyzzy") == " " + list)
    }

    @Test("a unified diff as diff -u writes it: hunks, context, insertions at the start and end, a missing final newline")
    func unifiedDiff() {
        #expect(UnifiedDiff.text(old: "a\n", new: "a\n", oldLabel: "f", newLabel: "f") == "")
        let old = (1...20).map { "l\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "\nl2\n", with: "\nL2\n").replacingOccurrences(of: "l19\n", with: "") + "l21"
        #expect(
            UnifiedDiff.text(old: old, new: new, oldLabel: "a", newLabel: "b") == """
                --- a
                +++ b
                @@ -1,5 +1,5 @@
                 l1
                -l2
                +L2
                 l3
                 l4
                 l5
                @@ -16,5 +16,5 @@
                 l16
                 l17
                 l18
                -l19
                 l20
                +l21
                \\ No newline at end of file

                """)
        #expect(UnifiedDiff.text(old: "", new: "x\n", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n")
    }

    @Test("the skeleton loads without a diagnostic, names the drug in kebab-case, and needs a letter or digit")
    func skeleton() throws {
        let text = try GraphSkeleton.text(drug: " Esketamine HCl ")
        let result = GraphLoader.load(text: text, path: "s.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.headline))")
        #expect(result.graph?.nodes.first?.id == "esketamine-hcl")
        #expect(result.graph?.nodes.first?.label == "Esketamine HCl")
        #expect(try CanonicalWriter.canonicalText(of: result) == text)
        #expect(throws: GraphSkeleton.NameError.noIdentifier("#!")) { try GraphSkeleton.text(drug: "#!") }
    }
}
