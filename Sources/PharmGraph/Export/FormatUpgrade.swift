/// `fmt --upgrade`: migrates a format-1 graph file to the current format (see docs/graph-format.md).
///
/// It adds `format: 2` and a `contexts:` block declaring every context key the file uses, with the
/// values it uses. Keys are declared categorical, except `dose` when every value it takes is on the
/// built-in dose scale; each inferred decision comes back as a note for the curator to review.
public enum FormatUpgrade {
    /// The built-in dose scale, lowest first: a `dose` key whose values all lie on it is declared ordinal.
    static let doseScale = ["subtherapeutic", "subanesthetic", "analgesic", "anesthetic", "supratherapeutic"]
    /// The dose levels above the clinical range, left out of an inferred `default`.
    static let aboveClinical: Set<String> = ["supratherapeutic"]

    /// What an upgrade did.
    public enum Outcome: Sendable {
        /// The file is already in the current format: it is left as it is.
        case current
        /// The upgraded text, the notes on what was inferred, and the upgraded text's own check.
        case upgraded(text: String, notes: [String], check: LoadResult)
    }

    /// Why a file could not be upgraded.
    public enum Failure: Error, Sendable {
        /// The file has errors other than its format version: their diagnostics.
        case hasErrors(LoadResult)
        /// The upgraded file would have these errors (e.g. `exact` on a key declared categorical); nothing is written.
        case wouldHaveErrors([Diagnostic])
        /// The canonical writer refused the upgraded graph.
        case format(CanonicalWriter.FormatError)
    }

    /// Upgrades the graph text of `source`; format-2 features in a format-1 file are not errors here.
    public static func upgrade(_ source: SourceText) -> Result<Outcome, Failure> {
        let lenient = GraphLoader.load(source: source, upgrading: true)
        guard let graph = lenient.graph else { return .failure(.hasErrors(lenient)) }
        if graph.format >= GraphFormat.current { return .success(.current) }
        let (contexts, notes) = inferContexts(graph)
        let upgraded = Graph(
            id: graph.id, title: graph.title, version: graph.version, format: GraphFormat.current,
            contexts: graph.contexts + contexts, description: graph.description, sources: graph.sources,
            kinds: graph.kinds, references: graph.references, nodes: graph.nodes, edges: graph.edges,
            claims: graph.claims)
        let syntax = CanonicalWriter.Syntax(path: source.path)
        let draft = CanonicalWriter.write(upgraded, syntax: syntax)
        let errors = GraphLoader.load(text: draft, path: source.path).diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return .failure(.wouldHaveErrors(errors)) }
        do {
            let (text, check) = try CanonicalWriter.verifiedText(
                of: upgraded, keepingCommentsOf: source, path: source.path)
            return .success(.upgraded(text: text, notes: notes, check: check))
        } catch {
            return .failure(.format(error))
        }
    }

    /// Declarations for the context keys the graph uses but does not declare, sorted by key, with a note on each.
    static func inferContexts(_ graph: Graph) -> (declarations: [ContextDeclaration], notes: [String]) {
        var used: [String: Set<String>] = [:]
        let maps = graph.edges.map(\.context) + graph.nodes.map(\.context) + graph.claims.map(\.context)
        for map in maps {
            for (key, value) in map { used[key, default: []].insert(value) }
        }
        var declarations: [ContextDeclaration] = []
        var notes: [String] = []
        for key in used.keys.sorted() where graph.context(key) == nil {
            let values = used[key]!.sorted()
            let list = values.joined(separator: ", ")
            if key == "dose", values.count >= 2, values.allSatisfy(doseScale.contains) {
                let ordered = doseScale.filter(values.contains)
                let clinical = ordered.filter { !aboveClinical.contains($0) }
                let defaults = clinical == ordered ? nil : clinical
                declarations.append(
                    ContextDeclaration(key: key, kind: .ordinal, values: ordered, defaults: defaults, exposure: true))
                let range = defaults.map { ", default [\($0.joined(separator: ", "))]" } ?? ""
                notes.append(
                    "declared context 'dose' ordinal (\(ordered.joined(separator: " < "))), exposure: true\(range): its values are all on the built-in dose scale; check the order, and give 'exposure_of' to dose edges whose source is not the drug"
                )
                continue
            }
            declarations.append(ContextDeclaration(key: key, kind: .categorical, values: values))
            var note = "declared context '\(key)' categorical with the values the file uses: \(list)"
            if key == "dose", values.allSatisfy(doseScale.contains) {
                note += "; an ordinal key needs at least 2 values, so declare the other levels and make it ordinal by hand"
            } else if key == "dose" {
                note += "; they are not all on the built-in dose scale, so make it ordinal (lowest first) by hand if they are ordered"
            } else if key == "condition" {
                note += "; if these are states a query must assert, make it 'type: condition'"
            }
            notes.append(note)
        }
        return (declarations, notes)
    }
}
