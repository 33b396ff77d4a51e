/// Neo4j bulk import files for a graph: `nodes.csv`, `relationships.csv`, `import.cypher` and a `README.txt`
/// with the `neo4j-admin database import full` command line (docs/formats.md, "Neo4j").
public enum Neo4jExport {
    /// The files' names, in the order they are written.
    public static let nodesFile = "nodes.csv"
    public static let relationshipsFile = "relationships.csv"
    public static let cypherFile = "import.cypher"
    public static let readmeFile = "README.txt"

    /// The label every node carries besides its kind's.
    public static let nodeLabel = "Node"

    /// The node columns, with their neo4j-admin types.
    public static let nodeHeader = [
        "id:ID", ":LABEL", "name:string", "kind:string", "system:string", "description:string", "role:string", "valence:string",
        "synonyms:string[]", "xrefs:string[]", "context:string[]",
    ]

    /// The relationship columns, with their neo4j-admin types.
    public static let relationshipHeader = [
        ":START_ID", ":END_ID", ":TYPE", "relation:string", "sign:int", "certainty:string", "action:string", "direct:boolean",
        "strength:string", "correlational:boolean", "loss_of_function:boolean", "importance:string", "exposure_of:string",
        "refs:string[]", "evidence:string", "context:string[]", "exact:string[]", "note:string",
    ]

    /// The files, as names and texts.
    public static func write(_ graph: Graph) -> [(name: String, text: String)] {
        let delimiter = arrayDelimiter(for: graph)
        let multiline = hasLineBreaks(graph)
        return [
            (nodesFile, nodesCSV(graph, arrayDelimiter: delimiter)),
            (relationshipsFile, relationshipsCSV(graph, arrayDelimiter: delimiter)),
            (cypherFile, cypher(graph)),
            (readmeFile, readme(graph, arrayDelimiter: delimiter, multiline: multiline)),
        ]
    }

    /// The relationship type of a relation: its name in upper case (`has_metabolite` → `HAS_METABOLITE`).
    public static func type(of relation: Relation) -> String { relation.rawValue.uppercased() }

    /// The `sign:int` of an edge: 1, -1, 0 for unknown; `nil` (an empty cell, no property) for a relation without sign.
    public static func signValue(_ sign: Sign) -> Int? {
        switch sign {
        case .positive: 1
        case .negative: -1
        case .unknown: 0
        case .none: nil
        }
    }

    /// The node labels: `Node` and the kind with its first letter in upper case (`drug` → `Drug`).
    public static func labels(of node: Node) -> [String] {
        let kind = node.kind.rawValue
        let label = kind.prefix(1).uppercased() + kind.dropFirst()
        return label == nodeLabel ? [nodeLabel] : [nodeLabel, label]
    }

    /// The first candidate character that occurs in no array element: `;` (Neo4j's default) when it can.
    static func arrayDelimiter(for graph: Graph) -> Character {
        var used = Set<Character>()
        for node in graph.nodes {
            for text in node.synonyms + pairs(node.xrefs, ":") + pairs(node.context, "=") { used.formUnion(text) }
        }
        for edge in graph.edges {
            for text in edge.refs + pairs(edge.context, "=") + edge.exact { used.formUnion(text) }
        }
        let candidates: [Character] = [";", "|", "^", "~"] + (0xE000...0xF8FF).compactMap { Unicode.Scalar($0).map(Character.init) }
        return candidates.first { !used.contains($0) } ?? ";"
    }

    /// Whether any text the CSVs hold spans lines (neo4j-admin then needs `--multiline-fields=true`).
    static func hasLineBreaks(_ graph: Graph) -> Bool {
        let texts =
            graph.nodes.flatMap { [$0.displayLabel, $0.description ?? ""] + $0.synonyms }
            + graph.edges.flatMap { [$0.evidence ?? "", $0.note ?? ""] }
        return texts.contains { $0.contains(where: \.isNewline) }
    }

    /// `key<separator>value` for each entry of a map, sorted by key.
    static func pairs(_ map: [String: String], _ separator: String) -> [String] {
        map.keys.sorted().map { "\($0)\(separator)\(map[$0]!)" }
    }

    // MARK: CSV

    static func nodesCSV(_ graph: Graph, arrayDelimiter: Character) -> String {
        var rows = [nodeHeader.map(csvField)]
        for node in graph.nodes {
            let array = { (items: [String]) in items.joined(separator: String(arrayDelimiter)) }
            rows.append(
                [
                    node.id, labels(of: node).joined(separator: String(arrayDelimiter)), node.displayLabel, node.kind.rawValue,
                    node.system ?? "", node.description ?? "", node.role?.rawValue ?? "", node.valence?.rawValue ?? "",
                    array(node.synonyms), array(pairs(node.xrefs, ":")), array(pairs(node.context, "=")),
                ].map(csvField))
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func relationshipsCSV(_ graph: Graph, arrayDelimiter: Character) -> String {
        var rows = [relationshipHeader.map(csvField)]
        for edge in graph.edges {
            let array = { (items: [String]) in items.joined(separator: String(arrayDelimiter)) }
            rows.append(
                [
                    edge.from, edge.to, type(of: edge.relation), edge.relation.rawValue, signValue(edge.sign).map(String.init) ?? "",
                    edge.certainty?.rawValue ?? "", edge.action?.rawValue ?? "", edge.direct.map { $0 ? "true" : "false" } ?? "",
                    edge.strength?.rawValue ?? "", edge.correlational ? "true" : "false", edge.lossOfFunction ? "true" : "false",
                    edge.importance?.rawValue ?? "", edge.exposureOf ?? "", array(edge.refs), edge.evidence ?? "",
                    array(pairs(edge.context, "=")), array(edge.exact), edge.note ?? "",
                ].map(csvField))
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A CSV field as neo4j-admin reads it: quoted when it holds a comma, a quote, a line break or edge
    /// white space, with `"` doubled; an empty field is no property.
    static func csvField(_ text: String) -> String {
        let plain =
            !text.contains { $0 == "," || $0 == "\"" || $0.isNewline } && text.first?.isWhitespace != true
            && text.last?.isWhitespace != true
        return plain ? text : "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Cypher

    /// A Cypher script that builds the same graph: a uniqueness constraint, one MERGE per node, one CREATE per edge.
    static func cypher(_ graph: Graph) -> String {
        var lines = [
            "// \(comment(graph.title)) (\(comment(graph.id)) \(comment(graph.version))), written by pharmgraph export --format neo4j",
            "CREATE CONSTRAINT pharmgraph_node_id IF NOT EXISTS FOR (n:\(nodeLabel)) REQUIRE n.id IS UNIQUE;",
        ]
        for node in graph.nodes {
            var properties: [(String, String)] = [("name", cypherString(node.displayLabel)), ("kind", cypherString(node.kind.rawValue))]
            if let system = node.system { properties.append(("system", cypherString(system))) }
            if let description = node.description { properties.append(("description", cypherString(description))) }
            if let role = node.role { properties.append(("role", cypherString(role.rawValue))) }
            if let valence = node.valence { properties.append(("valence", cypherString(valence.rawValue))) }
            if !node.synonyms.isEmpty { properties.append(("synonyms", cypherList(node.synonyms))) }
            if !node.xrefs.isEmpty { properties.append(("xrefs", cypherList(pairs(node.xrefs, ":")))) }
            if !node.context.isEmpty { properties.append(("context", cypherList(pairs(node.context, "=")))) }
            let labels = labels(of: node).dropFirst().map { "n:" + cypherName($0) }
            let sets = (labels + properties.map { "n.\($0.0) = \($0.1)" }).joined(separator: ", ")
            lines.append("MERGE (n:\(nodeLabel) {id: \(cypherString(node.id))}) SET \(sets);")
        }
        for edge in graph.edges {
            var properties: [(String, String)] = [("relation", cypherString(edge.relation.rawValue))]
            if let sign = signValue(edge.sign) { properties.append(("sign", String(sign))) }
            if let certainty = edge.certainty { properties.append(("certainty", cypherString(certainty.rawValue))) }
            if let action = edge.action { properties.append(("action", cypherString(action.rawValue))) }
            if let direct = edge.direct { properties.append(("direct", direct ? "true" : "false")) }
            if let strength = edge.strength { properties.append(("strength", cypherString(strength.rawValue))) }
            properties.append(("correlational", edge.correlational ? "true" : "false"))
            properties.append(("loss_of_function", edge.lossOfFunction ? "true" : "false"))
            if let importance = edge.importance { properties.append(("importance", cypherString(importance.rawValue))) }
            if let exposureOf = edge.exposureOf { properties.append(("exposure_of", cypherString(exposureOf))) }
            if !edge.refs.isEmpty { properties.append(("refs", cypherList(edge.refs))) }
            if let evidence = edge.evidence { properties.append(("evidence", cypherString(evidence))) }
            if !edge.context.isEmpty { properties.append(("context", cypherList(pairs(edge.context, "=")))) }
            if !edge.exact.isEmpty { properties.append(("exact", cypherList(edge.exact))) }
            if let note = edge.note { properties.append(("note", cypherString(note))) }
            let map = properties.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            lines.append(
                "MATCH (a:\(nodeLabel) {id: \(cypherString(edge.from))}), (b:\(nodeLabel) {id: \(cypherString(edge.to))}) "
                    + "CREATE (a)-[:\(cypherName(type(of: edge.relation))) {\(map)}]->(b);")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Cypher string literal: single-quoted, with backslash, quotes and control characters escaped.
    public static func cypherString(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) || scalar.value == 0x85:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// A list of Cypher string literals.
    static func cypherList(_ items: [String]) -> String { "[" + items.map(cypherString).joined(separator: ", ") + "]" }

    /// A label or type name, in backquotes (a backquote doubled) unless it is a plain identifier.
    public static func cypherName(_ name: String) -> String {
        let plain =
            name.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return plain ? name : "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Text for a one-line comment: line breaks become spaces.
    static func comment(_ text: String) -> String { String(text.map { $0.isNewline ? " " : $0 }) }

    // MARK: README

    /// The `neo4j-admin database import full` command line for the files, run in their directory.
    public static func commandLine(database: String = "neo4j", arrayDelimiter: Character = ";", multiline: Bool = false) -> String {
        var words = [
            "neo4j-admin database import full", "--nodes=\(nodesFile)", "--relationships=\(relationshipsFile)",
        ]
        if arrayDelimiter != ";" { words.append("--array-delimiter=\(shellQuoted(String(arrayDelimiter)))") }
        if multiline { words.append("--multiline-fields=true") }
        words.append(database)
        return words.joined(separator: " ")
    }

    /// A word for a POSIX shell, single-quoted unless plain.
    static func shellQuoted(_ word: String) -> String {
        word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.,:=/".contains($0)) })
            ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func readme(_ graph: Graph, arrayDelimiter: Character, multiline: Bool) -> String {
        """
        \(comment(graph.title)) (\(comment(graph.id)) \(comment(graph.version))): \(graph.nodes.count) nodes, \(graph.edges.count) relationships, \
        written by pharmgraph export --format neo4j.

        Bulk import into a new, empty database (Neo4j 5; stop the database first), from this directory:

            \(commandLine(arrayDelimiter: arrayDelimiter, multiline: multiline))

        Or run the Cypher script against a running database:

            cypher-shell -f \(cypherFile)

        \(nodesFile): every node, labelled \(nodeLabel) and its kind (drug -> Drug); id:ID is the graph's node id.
        \(relationshipsFile): every edge; :TYPE is the relation in upper case (inhibits -> INHIBITS);
        sign:int is 1 (positive), -1 (negative), 0 (unknown), empty (a relation without sign: binds, no_effect,
        indication, compared_with). Arrays (string[]) are separated by '\(arrayDelimiter)'; xrefs are NAMESPACE:ID,
        context entries KEY=VALUE. See docs/formats.md, section "Neo4j".

        """
    }
}
