/// Turns a composed YAML tree into a `RawDocument`, reporting shape problems
/// (unknown or missing fields, wrong types, unknown enum values).
struct DocumentDecoder {
    enum Fields {
        static let top = [
            "format", "id", "title", "version", "description", "sources", "kinds", "contexts", "references", "nodes",
            "edges", "claims",
        ]
        static let topRequired = ["id", "title", "version", "nodes", "edges"]
        static let reference = ["citation", "doi", "pmid", "url"]
        static let node = [
            "id", "label", "kind", "synonyms", "xrefs", "system", "description", "role", "valence", "context",
        ]
        static let edge = [
            "from", "relation", "to", "action", "refs", "evidence", "direct", "certainty", "context", "exact",
            "exposure_of", "strength", "importance", "loss_of_function", "correlational", "note",
        ]
        static let claim = [
            "from", "to", "expect", "certainty", "where", "via", "avoid", "max_length", "refs", "note",
        ]
        static let context = ["type", "values", "default", "exposure", "description"]
        static let referenceRequired = ["citation"]
        static let nodeRequired = ["id", "kind"]
        static let edgeRequired = ["from", "relation", "to"]
        static let claimRequired = ["from", "to", "expect"]
        static let contextRequired = ["type", "values"]
    }

    var reader: TreeReader

    init(path: String) { reader = TreeReader(path: path) }

    mutating func decode(root: YAMLNode) -> RawDocument {
        var document = RawDocument(rootLocation: reader.location(of: root))
        // A newer format may spell anything differently: its version is the only thing said about it.
        guard decodeFormat(root, into: &document) else { return document }
        guard
            let top = reader.fields(
                of: root, what: "the graph", allowed: Fields.top, required: Fields.topRequired)
        else { return document }
        document.id = reader.locatedText(top["id"]?.value, field: "id")
        document.title = reader.text(top["title"]?.value, field: "title")
        document.version = reader.text(top["version"]?.value, field: "version")
        document.description = reader.text(top["description"]?.value, field: "description")
        document.sources = reader.textList(top["sources"]?.value, field: "sources").map(\.value)
        decodeKinds(top["kinds"]?.value, into: &document)
        if let contexts = top["contexts"] {
            document.contextsLocation = reader.location(of: contexts.key)
            decodeContexts(contexts.value, into: &document)
        }
        decodeReferences(top["references"]?.value, into: &document)
        for item in items(top["nodes"]?.value, field: "nodes") {
            if let node = decodeNode(item) { document.nodes.append(node) }
        }
        for item in items(top["edges"]?.value, field: "edges") {
            if let edge = decodeEdge(item) { document.edges.append(edge) }
        }
        for item in items(top["claims"]?.value, field: "claims") {
            if let claim = decodeClaim(item) { document.claims.append(claim) }
        }
        return document
    }

    private mutating func items(_ node: YAMLNode?, field: String) -> [YAMLNode] {
        guard let node, !TreeReader.isNull(node) else { return [] }
        guard case let .sequence(sequence) = node.content else {
            reader.error(
                "expected a list for '\(field)', found \(TreeReader.shape(of: node))", at: reader.location(of: node))
            return []
        }
        return Array(sequence)
    }

    private mutating func decodeKinds(_ node: YAMLNode?, into document: inout RawDocument) {
        guard let node, !TreeReader.isNull(node) else { return }
        guard case let .mapping(mapping) = node.content else {
            reader.error(
                "expected a mapping of kind to description for 'kinds', found \(TreeReader.shape(of: node))",
                at: reader.location(of: node))
            return
        }
        for (key, value) in mapping {
            guard let kind = reader.locatedText(key, field: "kinds") else { continue }
            document.kinds[kind] = reader.text(value, field: "kinds.\(kind.value)") ?? ""
            document.kindOrder.append(kind)
        }
    }

    /// Reads `format:`; false when the file is written in a format this version cannot read.
    private mutating func decodeFormat(_ root: YAMLNode, into document: inout RawDocument) -> Bool {
        guard case let .mapping(mapping) = root.content,
            let value = mapping.first(where: { entry in
                if case .scalar("format", _) = entry.key.content { return true }
                return false
            })?.value,
            let text = reader.locatedText(value, field: "format")
        else { return true }
        guard let number = Int(text.value), number >= 1, String(number) == text.value else {
            document.formatUnreadable = true
            reader.error(
                "expected a format version (a whole number: 1 or \(GraphFormat.current)) for 'format', found '\(text.value)'",
                at: text.location)
            return true
        }
        guard number <= GraphFormat.current else {
            reader.error(
                "written in format \(number); this pharmgraph reads formats 1–\(GraphFormat.current)", at: text.location)
            return false
        }
        document.format = Located(value: number, location: text.location)
        return true
    }

    /// The entries of a mapping section such as `references` or `contexts`, each key with its position.
    private mutating func keyed(_ node: YAMLNode?, field: String, of what: String) -> [(Located<String>, YAMLNode)] {
        guard let node, !TreeReader.isNull(node) else { return [] }
        guard case let .mapping(mapping) = node.content else {
            reader.error(
                "expected a mapping of \(what) for '\(field)', found \(TreeReader.shape(of: node))",
                at: reader.location(of: node))
            return []
        }
        return mapping.compactMap { key, value in reader.locatedText(key, field: field).map { ($0, value) } }
    }

    private mutating func decodeContexts(_ node: YAMLNode, into document: inout RawDocument) {
        for (name, value) in keyed(node, field: "contexts", of: "context key to declaration") {
            var context = RawContext(key: name)
            if let fields = reader.fields(
                of: value, what: "context '\(name.value)'", allowed: Fields.context, required: Fields.contextRequired)
            {
                context.kind = reader.choice(fields["type"]?.value, field: "type", what: "context type")
                context.values = reader.textList(fields["values"]?.value, field: "values")
                if let defaults = fields["default"] {
                    context.defaults = reader.textList(defaults.value, field: "default")
                    context.defaultsLocation = reader.location(of: defaults.key)
                }
                context.exposure = reader.locatedBool(fields["exposure"]?.value, field: "exposure")
                context.description = reader.text(fields["description"]?.value, field: "description")
            }
            document.contexts.append(context)
        }
    }

    private mutating func decodeReferences(_ node: YAMLNode?, into document: inout RawDocument) {
        for (name, value) in keyed(node, field: "references", of: "key to reference") {
            var reference = RawReference(key: name)
            if let fields = reader.fields(
                of: value, what: "reference '\(name.value)'", allowed: Fields.reference, required: Fields.referenceRequired)
            {
                reference.citation = reader.text(fields["citation"]?.value, field: "citation")
                reference.doi = reader.text(fields["doi"]?.value, field: "doi")
                reference.pmid = reader.text(fields["pmid"]?.value, field: "pmid")
                reference.url = reader.text(fields["url"]?.value, field: "url")
            }
            document.references.append(reference)
        }
    }

    private mutating func decodeNode(_ item: YAMLNode) -> RawNode? {
        guard let fields = reader.fields(of: item, what: "node", allowed: Fields.node, required: Fields.nodeRequired)
        else { return nil }
        var node = RawNode(location: reader.location(of: item))
        node.present = Set(fields.keys)
        node.id = reader.locatedText(fields["id"]?.value, field: "id")
        node.label = reader.text(fields["label"]?.value, field: "label")
        if let kind = reader.locatedText(fields["kind"]?.value, field: "kind") {
            node.kind = Located(value: NodeKind(kind.value), location: kind.location)
        }
        node.synonyms = reader.textList(fields["synonyms"]?.value, field: "synonyms").map(\.value)
        node.xrefEntries = reader.locatedMap(fields["xrefs"]?.value, field: "xrefs")
        node.system = reader.text(fields["system"]?.value, field: "system")
        node.description = reader.text(fields["description"]?.value, field: "description")
        node.role = reader.choice(fields["role"]?.value, field: "role", what: "role")
        node.valence = reader.choice(fields["valence"]?.value, field: "valence", what: "valence")
        node.valenceGiven = fields["valence"].map { !TreeReader.isNull($0.value) } ?? false
        node.context = reader.locatedMap(fields["context"]?.value, field: "context")
        node.fieldLocations = fields.mapValues { reader.location(of: $0.key) }
        return node
    }

    private mutating func decodeEdge(_ item: YAMLNode) -> RawEdge? {
        guard
            let fields = reader.fields(
                of: item, what: "edge", allowed: Fields.edge, required: Fields.edgeRequired)
        else { return nil }
        var edge = RawEdge(location: reader.location(of: item))
        edge.present = Set(fields.keys)
        edge.from = reader.locatedText(fields["from"]?.value, field: "from")
        edge.relation = reader.choice(fields["relation"]?.value, field: "relation", what: "relation")
        edge.to = reader.locatedText(fields["to"]?.value, field: "to")
        edge.action = reader.choice(fields["action"]?.value, field: "action", what: "action")
        edge.refs = reader.textList(fields["refs"]?.value, field: "refs")
        edge.evidence = reader.text(fields["evidence"]?.value, field: "evidence")
        edge.direct = reader.bool(fields["direct"]?.value, field: "direct")
        edge.certainty = reader.choice(fields["certainty"]?.value, field: "certainty", what: "certainty")?.value
        edge.contextEntries = reader.locatedMap(fields["context"]?.value, field: "context")
        edge.context = dictionary(edge.contextEntries)
        edge.strength = reader.choice(fields["strength"]?.value, field: "strength", what: "strength")?.value
        edge.exact = reader.textList(fields["exact"]?.value, field: "exact")
        edge.exposureOf = reader.locatedText(fields["exposure_of"]?.value, field: "exposure_of")
        edge.lossOfFunction = reader.locatedBool(fields["loss_of_function"]?.value, field: "loss_of_function")
        edge.correlational = reader.locatedBool(fields["correlational"]?.value, field: "correlational")
        edge.importance = reader.choice(fields["importance"]?.value, field: "importance", what: "importance")
        edge.fieldLocations = fields.mapValues { reader.location(of: $0.key) }
        edge.note = reader.text(fields["note"]?.value, field: "note")
        return edge
    }

    private mutating func decodeClaim(_ item: YAMLNode) -> RawClaim? {
        guard
            let fields = reader.fields(
                of: item, what: "claim", allowed: Fields.claim, required: Fields.claimRequired)
        else { return nil }
        var claim = RawClaim(location: reader.location(of: item))
        claim.present = Set(fields.keys)
        claim.from = reader.locatedText(fields["from"]?.value, field: "from")
        claim.to = reader.locatedText(fields["to"]?.value, field: "to")
        claim.expect = reader.choice(fields["expect"]?.value, field: "expect", what: "verdict")?.value
        claim.contextEntries = reader.locatedMap(fields["where"]?.value, field: "where")
        claim.context = dictionary(claim.contextEntries)
        claim.via = reader.locatedText(fields["via"]?.value, field: "via")
        claim.avoid = reader.textList(fields["avoid"]?.value, field: "avoid")
        claim.certainty = reader.choice(fields["certainty"]?.value, field: "certainty", what: "certainty")
        claim.fieldLocations = fields.mapValues { reader.location(of: $0.key) }
        claim.maxLength = reader.positiveInt(
            fields["max_length"]?.value, field: "max_length", maximum: PathQuery.largestMaxLength)
        claim.refs = reader.textList(fields["refs"]?.value, field: "refs")
        claim.note = reader.text(fields["note"]?.value, field: "note")
        return claim
    }
}
