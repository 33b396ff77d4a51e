/// A BEL function, with its long and short names and the role it plays in a statement (docs/formats.md, "BEL").
struct BELFunction: Equatable {
    /// What a term of the function stands for when it is read.
    enum Role: Equatable {
        /// An entity: the term is a node of this kind.
        case abundance(NodeKind)
        /// An activity or transformation of the abundance inside it (`act`, `kin`, `tloc`, `sec`, `surf`):
        /// the node is that abundance, as PyBEL reads it; `inverts` for `deg`, whose increase lowers the abundance.
        case modifier(inverts: Bool)
        /// Allowed only inside another term (`pmod`, `var`, `ma`, `loc`, …).
        case argument
        /// A term this reader does not turn into a node (`rxn`, `list`): its statement is reported and skipped.
        case unsupported
    }

    let longName: String
    let shortName: String
    let role: Role

    /// The function with this long or short name.
    init?(named name: String) {
        guard let found = BELFunction.all[name] else { return nil }
        self = found
    }

    private init(_ longName: String, _ shortName: String, _ role: Role) {
        self.longName = longName
        self.shortName = shortName
        self.role = role
    }

    /// Every function of BEL 1.0 and 2.0, by long and by short name.
    static let all: [String: BELFunction] = {
        let gene = NodeKind("gene")
        let rna = NodeKind("rna")
        let functions: [BELFunction] = [
            .init("abundance", "a", .abundance(.molecule)),
            .init("proteinAbundance", "p", .abundance(.protein)),
            .init("geneAbundance", "g", .abundance(gene)),
            .init("rnaAbundance", "r", .abundance(rna)),
            .init("microRNAAbundance", "m", .abundance(NodeKind("mirna"))),
            .init("complexAbundance", "complex", .abundance(NodeKind("complex"))),
            .init("compositeAbundance", "composite", .abundance(NodeKind("composite"))),
            .init("populationAbundance", "pop", .abundance(NodeKind("population"))),
            .init("biologicalProcess", "bp", .abundance(.process)),
            .init("pathology", "path", .abundance(.condition)),
            .init("activity", "act", .modifier(inverts: false)),
            .init("catalyticActivity", "cat", .modifier(inverts: false)),
            .init("chaperoneActivity", "chap", .modifier(inverts: false)),
            .init("gtpBoundActivity", "gtp", .modifier(inverts: false)),
            .init("kinaseActivity", "kin", .modifier(inverts: false)),
            .init("peptidaseActivity", "pep", .modifier(inverts: false)),
            .init("phosphataseActivity", "phos", .modifier(inverts: false)),
            .init("ribosylationActivity", "ribo", .modifier(inverts: false)),
            .init("transcriptionalActivity", "tscript", .modifier(inverts: false)),
            .init("transportActivity", "tport", .modifier(inverts: false)),
            .init("translocation", "tloc", .modifier(inverts: false)),
            .init("cellSecretion", "sec", .modifier(inverts: false)),
            .init("cellSurfaceExpression", "surf", .modifier(inverts: false)),
            .init("degradation", "deg", .modifier(inverts: true)),
            .init("molecularActivity", "ma", .argument),
            .init("proteinModification", "pmod", .argument),
            .init("variant", "var", .argument),
            .init("substitution", "sub", .argument),
            .init("truncation", "trunc", .argument),
            .init("fragment", "frag", .argument),
            .init("fusion", "fus", .argument),
            .init("location", "loc", .argument),
            .init("fromLocation", "fromLoc", .argument),
            .init("toLocation", "toLoc", .argument),
            .init("reactants", "reactants", .argument),
            .init("products", "products", .argument),
            .init("reaction", "rxn", .unsupported),
            .init("list", "list", .unsupported),
        ]
        var table: [String: BELFunction] = [:]
        for function in functions {
            table[function.longName] = function
            table[function.shortName] = function
        }
        return table
    }()
}

/// A BEL relation and how it is read (docs/formats.md, "BEL").
struct BELRelation: Equatable {
    /// What a statement with the relation becomes.
    enum Reading: Equatable {
        /// An edge of this relation; `direct` for `directlyIncreases`/`directlyDecreases`, `correlational`
        /// for correlations and `association`.
        case edge(Relation, direct: Bool, correlational: Bool)
        /// Not a causal edge (`isA`, `hasMember`, `subProcessOf`, `biomarkerFor`, …): reported and counted.
        case unsupported
    }

    /// The long name (the one this relation is counted under).
    let name: String
    let reading: Reading

    /// The relation with this long name or symbol.
    init?(named name: String) {
        guard let found = BELRelation.all[name] else { return nil }
        self = found
    }

    private init(_ name: String, _ reading: Reading) {
        self.name = name
        self.reading = reading
    }

    /// Every relation of BEL 1.0, 2.0 and 2.1, by long name and by symbol or short name.
    static let all: [String: BELRelation] = {
        let increases = Reading.edge(.activates, direct: false, correlational: false)
        let decreases = Reading.edge(.inhibits, direct: false, correlational: false)
        let table: [(String, [String], Reading)] = [
            ("increases", ["->"], increases),
            ("decreases", ["-|"], decreases),
            ("directlyIncreases", ["=>"], .edge(.activates, direct: true, correlational: false)),
            ("directlyDecreases", ["=|"], .edge(.inhibits, direct: true, correlational: false)),
            ("positiveCorrelation", ["pos"], .edge(.activates, direct: false, correlational: true)),
            ("negativeCorrelation", ["neg"], .edge(.inhibits, direct: false, correlational: true)),
            ("association", ["--"], .edge(.modulates, direct: false, correlational: true)),
            ("correlation", ["cor"], .edge(.modulates, direct: false, correlational: true)),
            ("regulates", ["reg"], .edge(.modulates, direct: false, correlational: false)),
            ("causesNoChange", ["cnc"], .edge(.noEffect, direct: false, correlational: false)),
            ("binds", [], .edge(.binds, direct: true, correlational: false)),
            ("noCorrelation", ["noCor"], .unsupported),
            ("biomarkerFor", [], .unsupported),
            ("prognosticBiomarkerFor", [], .unsupported),
            ("rateLimitingStepOf", [], .unsupported),
            ("subProcessOf", [], .unsupported),
            ("hasComponent", [], .unsupported),
            ("hasComponents", [], .unsupported),
            ("hasMember", [], .unsupported),
            ("hasMembers", [], .unsupported),
            ("isA", [], .unsupported),
            ("orthologous", [], .unsupported),
            ("transcribedTo", [":>"], .unsupported),
            ("translatedTo", [">>"], .unsupported),
            ("hasVariant", [], .unsupported),
            ("hasModification", [], .unsupported),
            ("hasProduct", [], .unsupported),
            ("hasReactant", [], .unsupported),
            ("includes", [], .unsupported),
            ("actsIn", [], .unsupported),
            ("translocates", [], .unsupported),
            ("analogousTo", [], .unsupported),
            ("equivalentTo", ["eq"], .unsupported),
            ("partOf", [], .unsupported),
        ]
        var result: [String: BELRelation] = [:]
        for (name, aliases, reading) in table {
            for key in [name] + aliases { result[key] = BELRelation(name, reading) }
        }
        return result
    }()
}
