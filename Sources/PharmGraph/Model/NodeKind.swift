/// A node's kind: an open string, with a registry of well-known kinds.
///
/// Curated files may declare more kinds in their `kinds:` section; imported
/// networks bring their own.
public struct NodeKind: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let drug: NodeKind = "drug"
    public static let receptor: NodeKind = "receptor"
    public static let channel: NodeKind = "channel"
    public static let transporter: NodeKind = "transporter"
    public static let enzyme: NodeKind = "enzyme"
    public static let protein: NodeKind = "protein"
    public static let molecule: NodeKind = "molecule"
    public static let pathway: NodeKind = "pathway"
    public static let process: NodeKind = "process"
    public static let effect: NodeKind = "effect"
    public static let condition: NodeKind = "condition"
    public static let region: NodeKind = "region"

    /// The well-known kinds with a one-line meaning each, in documentation order.
    public static let wellKnown: [(kind: NodeKind, meaning: String)] = [
        (.drug, "an administered compound, its enantiomers and metabolites"),
        (.receptor, "a ligand-activated receptor (ionotropic or metabotropic)"),
        (.channel, "a voltage- or ligand-gated ion channel that is not classed as a receptor"),
        (.transporter, "a membrane transporter, e.g. a monoamine reuptake transporter"),
        (.enzyme, "an enzyme or kinase"),
        (.protein, "any other protein: a growth factor receptor partner, a scaffold, a transcription factor"),
        (.molecule, "an endogenous small molecule, ion, neurotransmitter or neurotrophin"),
        (.pathway, "a signalling pathway or cascade"),
        (.process, "a cellular, physiological or circuit-level process"),
        (.effect, "an observable drug effect, therapeutic, adverse or neutral"),
        (.condition, "a disease, disorder or clinical indication"),
        (.region, "an anatomical region or organ"),
    ]

    /// Whether the kind is in the built-in registry.
    public var isWellKnown: Bool { NodeKind.wellKnown.contains { $0.kind == self } }
}
