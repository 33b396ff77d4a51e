import Foundation

/// DrugMechDB records as read: each record's own nodes and links, kept apart, and the graph they make together.
public struct DrugMechDBCorpus: Sendable {
    /// One link of a record, as written.
    public struct Link: Sendable {
        public var predicate: DrugMechDBPredicate
        /// The node ids as written (an inverse predicate's edge runs from `target` to `source`).
        public var source: String
        public var target: String
        /// Where the link's `key` is written.
        public var location: SourceLocation
    }

    /// One record: a drug, a disease and the curated path between them.
    public struct Record: Sendable {
        /// The record's `_id`, e.g. `DB00001_MESH_D001234_1`.
        public var id: String
        /// The node ids of the drug and the disease.
        public var drug: String
        public var disease: String
        /// Where `_id` is written.
        public var location: SourceLocation
        /// The record's nodes, in file order: id, Biolink category, where the id is written.
        public var nodes: [(id: String, category: String, location: SourceLocation)]
        public var links: [Link]
        /// The record's edges in the corpus graph (`graph.edges[edges]`); its claim is `graph.claims[index]`.
        public var edges: Range<Int> = 0..<0
    }

    public let records: [Record]
    /// Every record's nodes (merged by id) and links, each edge in the context `record: ID`, and one claim per record.
    public let graph: Graph
}

/// Reads DrugMechDB's node-link YAML: a record file, a list of records (`indication_paths.yaml`), or several such files.
///
/// Every problem is a positioned error; nothing is dropped. docs/formats.md, "DrugMechDB".
package struct DrugMechDBImporter {
    /// The context key each record's edges and claim carry: `--where record=ID` selects one record.
    public static let recordContext = "record"

    private(set) var diagnostics: [Diagnostic] = []
    private var records: [DrugMechDBCorpus.Record] = []
    /// Where each record id was first written.
    private var recordLocations: [String: SourceLocation] = [:]
    /// The reference keys of each record, by record index.
    private var recordReferences: [[String]] = []
    private var references: [Reference] = []
    private var referenceKeys: [String: String] = [:]
    private var usedKeys: Set<String> = []
    /// Merged nodes by id: the first record's name and category.
    private var nodes: [Node] = []
    private var nodeIndex: [String: Int] = [:]

    static let recordFields = ["directed", "graph", "links", "multigraph", "nodes", "references", "comment"]
    static let headerFields = ["_id", "drug", "drug_mesh", "drugbank", "disease", "disease_mesh"]

    /// `text` without leading and trailing white space (Foundation's trimming goes through NSString: slow at corpus scale).
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    package init() {}

    /// Reads DrugMechDB files: `documents` in order; `name` names the whole input (a file or a directory).
    /// `progress` is told of each document parsed (`done`, `total`), from any thread, one call at a time.
    package static func load(
        documents: [(path: String, data: Data)], name: String, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> (LoadResult, DrugMechDBCorpus?) {
        var importer = DrugMechDBImporter()
        var sources: [SourceText] = []
        // Decoding and composing each file's YAML is independent: on every core. Reading the records, which share
        // nodes, references and record ids, goes in file order.
        let total = documents.count
        var done: (@Sendable (Int) -> Void)?
        if let progress { done = { progress($0, total) } }
        let composed = ParallelMap.map(total, done: done) { i in
            SourceText.decode(path: documents[i].path, data: documents[i].data).map(ComposedFile.init)
        }
        for (index, file) in composed.enumerated() {
            switch file {
            case let .success(file):
                sources.append(file.source)
                importer.read(file)
            case let .failure(.notUTF8(line, column, byte)):
                importer.diagnostics.append(GraphLoader.notUTF8(documents[index].path, line, column, byte))
            }
        }
        if documents.isEmpty {
            importer.diagnostics.append(Diagnostic(.error, "no DrugMechDB record files (*.yaml, *.yml) in this directory", file: name))
        }
        let diagnostics = importer.diagnostics.sorted()
        let corpus = diagnostics.contains { $0.severity == .error } ? nil : importer.corpus(name: name)
        let source = documents.count == 1 ? sources.first : nil
        return (LoadResult(path: name, source: source, graph: corpus?.graph, diagnostics: diagnostics), corpus)
    }

    /// One file's YAML, composed.
    struct ComposedFile {
        let source: SourceText
        let root: YAMLNode?
        let composer: YAMLComposer

        init(_ source: SourceText) {
            self.source = source
            var composer = YAMLComposer(source: source)
            root = composer.compose()
            self.composer = composer
        }
    }

    /// Reads one composed file: a record (a mapping) or a list of records.
    mutating func read(_ file: ComposedFile) {
        let (source, root, composer) = (file.source, file.root, file.composer)
        var reader = TreeReader(path: source.path)
        if let root {
            switch root.content {
            case .mapping: record(root, &reader)
            case let .sequence(items):
                if items.isEmpty { reader.error("expected DrugMechDB records, found an empty list", at: reader.location(of: root)) }
                for item in items { record(item, &reader) }
            case .scalar:
                reader.error(
                    "expected a DrugMechDB record (a mapping) or a list of records, found \(TreeReader.shape(of: root))",
                    at: reader.location(of: root))
            }
        }
        diagnostics += (composer.diagnostics + reader.diagnostics).map { GraphLoader.placed($0, in: source, aliases: composer.aliases) }
    }

    /// Reads one record mapping.
    private mutating func record(_ node: YAMLNode, _ reader: inout TreeReader) {
        guard let fields = reader.fields(of: node, what: "DrugMechDB record", allowed: Self.recordFields, required: ["graph", "links", "nodes"])
        else { return }
        if let directed = reader.locatedBool(fields["directed"]?.value, field: "directed"), !directed.value {
            reader.error("an undirected record cannot be read as mechanism paths ('directed: false')", at: directed.location)
        }
        _ = reader.bool(fields["multigraph"]?.value, field: "multigraph")
        _ = reader.text(fields["comment"]?.value, field: "comment")
        guard
            let header = fields["graph"].flatMap({
                reader.fields(of: $0.value, what: "record header 'graph'", allowed: Self.headerFields, required: ["_id", "disease_mesh"])
            })
        else { return }
        guard let id = reader.locatedText(header["_id"]?.value, field: "_id") else { return }
        if let first = recordLocations[id.value] {
            reader.error("duplicate record id '\(id.value)'; first defined at \(first)", at: id.location)
            return
        }
        recordLocations[id.value] = id.location
        // Nodes.
        var ids: [String: (location: SourceLocation, category: String, name: String)] = [:]
        var recordNodes: [(id: String, category: String, location: SourceLocation)] = []
        let nodeItems = list(fields["nodes"]?.value, field: "nodes", &reader)
        // Without a list of nodes, links and the drug cannot be checked against them: that is one error, not many.
        let nodesRead = nodeItems != nil
        for item in nodeItems ?? [] {
            guard
                let entry = reader.fields(
                    of: item, what: "node", allowed: ["id", "label", "name", "alt_names", "alt_ids"], required: ["id", "label", "name"]),
                let nodeID = reader.locatedText(entry["id"]?.value, field: "id"),
                let category = reader.locatedText(entry["label"]?.value, field: "label"),
                let name = reader.text(entry["name"]?.value, field: "name")
            else { continue }
            let synonyms = (reader.textList(entry["alt_names"]?.value, field: "alt_names") + reader.textList(entry["alt_ids"]?.value, field: "alt_ids")).map(
                \.value)
            if let first = ids[nodeID.value] {
                let at = "line \(first.location.line), column \(first.location.column)"
                if first.category == category.value && first.name == name {
                    reader.warning(
                        "node '\(nodeID.value)' is listed twice in record '\(id.value)' (first at \(at)), the same both times; read once", at: nodeID.location)
                } else {
                    reader.error("duplicate node id '\(nodeID.value)' in record '\(id.value)'; first defined at \(at)", at: nodeID.location)
                }
                continue
            }
            ids[nodeID.value] = (nodeID.location, category.value, name)
            guard let kind = BiolinkCategory.kind(of: category.value) else {
                reader.error(
                    "unknown Biolink category '\(category.value)'" + Suggestion.clause(for: category.value, in: BiolinkCategory.kinds.map(\.category)),
                    at: category.location)
                continue
            }
            recordNodes.append((nodeID.value, category.value, nodeID.location))
            merge(Node(id: nodeID.value, label: name, kind: kind, synonyms: synonyms, xrefs: xrefs(nodeID.value), location: nodeID.location))
        }
        // Links.
        var links: [DrugMechDBCorpus.Link] = []
        for item in list(fields["links"]?.value, field: "links", &reader) ?? [] {
            guard let entry = reader.fields(of: item, what: "link", allowed: ["key", "source", "target"], required: ["key", "source", "target"]),
                let key = reader.locatedText(entry["key"]?.value, field: "key"),
                let source = reader.locatedText(entry["source"]?.value, field: "source"),
                let target = reader.locatedText(entry["target"]?.value, field: "target")
            else { continue }
            var known = true
            for end in [source, target] where nodesRead && ids[end.value] == nil {
                reader.error(
                    "link names '\(end.value)', which is not a node of record '\(id.value)'" + Suggestion.clause(for: end.value, in: ids.keys),
                    at: end.location)
                known = false
            }
            guard let predicate = DrugMechDBPredicate.named(key.value) else {
                reader.error(
                    "unknown predicate '\(key.value)'" + Suggestion.clause(for: key.value, in: DrugMechDBPredicate.all.map(\.name)), at: key.location)
                continue
            }
            if known { links.append(.init(predicate: predicate, source: source.value, target: target.value, location: key.location)) }
        }
        // The drug and the disease among the nodes.
        let drugIDs = ["drug_mesh", "drugbank"].compactMap { reader.locatedText(header[$0]?.value, field: $0) }
        let drug = drugIDs.first { ids[$0.value] != nil }
        if drug == nil, nodesRead {
            let named =
                drugIDs.isEmpty
                ? "the record names no drug ('drug_mesh' or 'drugbank')"
                : "its drug (\(drugIDs.map { "'\($0.value)'" }.joined(separator: " or "))) is not among its nodes"
            reader.error("record '\(id.value)': \(named)", at: id.location)
        }
        let disease = reader.locatedText(header["disease_mesh"]?.value, field: "disease_mesh")
        if let disease, nodesRead, ids[disease.value] == nil {
            reader.error("record '\(id.value)': its disease '\(disease.value)' is not among its nodes", at: disease.location)
        }
        // References: one key per distinct text, shared by records.
        var keys: [String] = []
        for reference in reader.textList(fields["references"]?.value, field: "references") {
            keys.append(referenceKey(Self.trimmed(reference.value), at: reference.location))
        }
        guard let drug, let disease, nodesRead else { return }
        records.append(.init(id: id.value, drug: drug.value, disease: disease.value, location: id.location, nodes: recordNodes, links: links))
        recordReferences.append(keys)
    }

    /// The items of a list field; `nil`, with an error, for anything else.
    private func list(_ node: YAMLNode?, field: String, _ reader: inout TreeReader) -> [YAMLNode]? {
        guard let node, !TreeReader.isNull(node) else { return [] }
        guard case let .sequence(items) = node.content else {
            reader.error("expected a list for '\(field)', found \(TreeReader.shape(of: node))", at: reader.location(of: node))
            return nil
        }
        return items
    }

    /// Adds a node the first time its id is seen.
    private mutating func merge(_ node: Node) {
        guard nodeIndex[node.id] == nil else { return }
        nodeIndex[node.id] = nodes.count
        nodes.append(node)
    }

    /// `MESH:D010129` → `["MESH": "D010129"]`.
    private func xrefs(_ id: String) -> [String: String] {
        guard let colon = id.firstIndex(of: ":"), colon != id.startIndex, id.index(after: colon) != id.endIndex else { return [:] }
        return [String(id[..<colon]): String(id[id.index(after: colon)...])]
    }

    /// The key of a reference (`pmid-15774254` for a PubMed URL, else `ref-N`), made the first time its text is seen.
    private mutating func referenceKey(_ text: String, at location: SourceLocation) -> String {
        if let key = referenceKeys[text] { return key }
        var pmid: String?
        for prefix in ["https://pubmed.ncbi.nlm.nih.gov/", "http://pubmed.ncbi.nlm.nih.gov/", "https://www.ncbi.nlm.nih.gov/pubmed/"]
        where text.hasPrefix(prefix) {
            let digits = text.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { pmid = String(digits) }
        }
        var key = pmid.map { "pmid-\($0)" } ?? "ref-\(references.count + 1)"
        if usedKeys.contains(key) { key = "ref-\(references.count + 1)" }
        usedKeys.insert(key)
        let isURL = text.hasPrefix("http://") || text.hasPrefix("https://")
        references.append(Reference(key: key, citation: text, pmid: pmid, url: isURL ? text : nil, location: location))
        referenceKeys[text] = key
        return key
    }

    /// The corpus: the records, and the graph of all of them (call only without errors).
    func corpus(name: String) -> DrugMechDBCorpus {
        var edges: [Edge] = []
        var claims: [Claim] = []
        var records = self.records
        for (r, record) in records.enumerated() {
            let context = [Self.recordContext: record.id]
            let start = edges.count
            defer { records[r].edges = start..<edges.count }
            for link in record.links {
                let (from, to) = link.predicate.isInverse ? (link.target, link.source) : (link.source, link.target)
                edges.append(
                    Edge(
                        from: from, relation: link.predicate.relation, to: to, refs: recordReferences[r], context: context,
                        correlational: link.predicate.reading == .correlational,
                        note: "DrugMechDB: '\(link.predicate.name)'" + (link.predicate.isInverse ? ", turned around" : ""),
                        location: link.location))
            }
            // A record's paths are at most as long as it has nodes; claims look at least as far as queries do.
            let longest = max(PathQuery.defaultMaxLength, record.nodes.count - 1)
            claims.append(
                Claim(
                    from: record.drug, to: record.disease, expect: .negative, context: context, maxLength: longest,
                    note: "DrugMechDB record '\(record.id)': the drug treats the disease", location: record.location))
        }
        let usedKinds = Set(nodes.map(\.kind))
        let graph = Graph(
            id: "drugmechdb", title: "DrugMechDB (\(records.count) record\(records.count == 1 ? "" : "s"))", version: "1", format: 2,
            sources: [name], kinds: BiolinkCategory.declaredKinds.filter { usedKinds.contains($0.kind) }, references: references,
            nodes: nodes, edges: edges, claims: claims)
        return DrugMechDBCorpus(records: records, graph: graph)
    }
}
