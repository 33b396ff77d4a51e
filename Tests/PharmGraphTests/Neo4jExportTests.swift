import Foundation
import Testing

@testable import PharmGraph

@Suite("Neo4j export")
struct Neo4jExportTests {
    static let graph = Graph(
        id: "g", title: "A \"test\" graph", version: "1",
        nodes: [
            Node(id: "k", label: "Ketamine, racemic", kind: .drug, synonyms: ["(R,S)-ketamine", "it's"], xrefs: ["CHEBI": "6121"]),
            Node(id: "r", kind: "node", description: "two\nlines"),
            Node(id: "e", kind: "clinical-use"),
        ],
        edges: [
            Edge(from: "k", relation: .inhibits, to: "r", refs: ["a", "b"], certainty: .probable, context: ["dose": "low"]),
            Edge(from: "r", relation: .activates, to: "e", evidence: "says \"so\", twice"),
            Edge(from: "k", relation: .modulates, to: "e"),
            Edge(from: "k", relation: .binds, to: "r", direct: true),
        ])

    @Test("four files, headed as neo4j-admin reads them")
    func files() {
        let files = Neo4jExport.write(Self.graph)
        #expect(files.map(\.name) == ["nodes.csv", "relationships.csv", "import.cypher", "README.txt"])
        let nodes = files[0].text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            nodes[0]
                == "id:ID,:LABEL,name:string,kind:string,system:string,description:string,role:string,valence:string,synonyms:string[],xrefs:string[],context:string[]"
        )
        #expect(nodes[1] == "k,Node;Drug,\"Ketamine, racemic\",drug,,,,,\"(R,S)-ketamine;it's\",CHEBI:6121,")
        // A kind named like the common label gives one label; a line break is kept inside quotes.
        #expect(nodes[2] == "r,Node,r,node,,\"two")
        let relationships = files[1].text.split(separator: "\n").map(String.init)
        #expect(relationships[0].hasPrefix(":START_ID,:END_ID,:TYPE,relation:string,sign:int,"))
        #expect(relationships[1] == "k,r,INHIBITS,inhibits,-1,probable,,,,false,false,,,a;b,,dose=low,,")
        #expect(relationships[2] == "r,e,ACTIVATES,activates,1,,,,,false,false,,,,\"says \"\"so\"\", twice\",,,")
        #expect(relationships[3].hasPrefix("k,e,MODULATES,modulates,0,"))
        #expect(relationships[4].hasPrefix("k,r,BINDS,binds,,,,true,"))
        // The description spans lines: the command line says so.
        #expect(files[3].text.contains("neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true neo4j"))
    }

    @Test("an array delimiter that no array element holds")
    func delimiter() {
        let graph = Graph(
            id: "g", title: "t", version: "1", nodes: [Node(id: "a", kind: .drug, synonyms: ["x;y", "p|q"])],
            edges: [Edge(from: "a", relation: .activates, to: "a", refs: ["r^1"])])
        let files = Neo4jExport.write(graph)
        #expect(files[0].text.contains(",x;y~p|q,"))
        #expect(files[1].text.contains(",r^1,"))
        #expect(files[3].text.contains("--array-delimiter='~'"))
        #expect(!files[3].text.contains("--multiline-fields"))
    }

    @Test("Cypher: escaped strings and names, one MERGE per node and one CREATE per edge")
    func cypher() {
        #expect(Neo4jExport.cypherString("it's a \\ \"q\"\n\t\u{1}") == #"'it\'s a \\ \"q\"\n\t\u0001'"#)
        #expect(Neo4jExport.cypherName("Drug") == "Drug")
        #expect(Neo4jExport.cypherName("Clinical-use") == "`Clinical-use`")
        #expect(Neo4jExport.cypherName("a`b") == "`a``b`")
        let script = Neo4jExport.write(Self.graph)[2].text
        let lines = script.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("MERGE ") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("MATCH ") }.count == 4)
        #expect(script.contains("MERGE (n:Node {id: 'e'}) SET n:`Clinical-use`, n.name = 'e', n.kind = 'clinical-use';"))
        #expect(script.contains("MERGE (n:Node {id: 'r'}) SET n.name = 'r', n.kind = 'node', n.description = 'two\\nlines';"))
        #expect(
            script.contains(
                "MATCH (a:Node {id: 'k'}), (b:Node {id: 'r'}) CREATE (a)-[:INHIBITS {relation: 'inhibits', sign: -1, certainty: 'probable', correlational: false, loss_of_function: false, refs: ['a', 'b'], context: ['dose=low']}]->(b);"
            ))
    }
}
