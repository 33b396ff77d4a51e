/// The pharmacological action of a ligand on its target, with the sign it implies.
///
/// The action→sign map is documented in docs/graph-format.md. An edge whose
/// action has a definite sign must not have a relation of the opposite sign.
public enum Action: String, Sendable, CaseIterable, Codable {
    case agonist
    case fullAgonist = "full_agonist"
    case partialAgonist = "partial_agonist"
    case inverseAgonist = "inverse_agonist"
    case antagonist
    case competitiveAntagonist = "competitive_antagonist"
    case noncompetitiveAntagonist = "noncompetitive_antagonist"
    case uncompetitiveAntagonist = "uncompetitive_antagonist"
    case blocker
    case openChannelBlocker = "open_channel_blocker"
    case opener
    case positiveAllostericModulator = "positive_allosteric_modulator"
    case negativeAllostericModulator = "negative_allosteric_modulator"
    case allostericModulator = "allosteric_modulator"
    case reuptakeInhibitor = "reuptake_inhibitor"
    case releaser
    case inhibitor
    case activator
    case inducer
    case suppressor
    case stimulator
    case potentiator
    case substrate
    case ligand
    case modulator

    /// The sign the action implies on its target's activity.
    public var sign: Sign {
        switch self {
        case .agonist, .fullAgonist, .partialAgonist, .opener, .positiveAllostericModulator,
            .releaser, .activator, .inducer, .stimulator, .potentiator:
            .positive
        case .inverseAgonist, .antagonist, .competitiveAntagonist, .noncompetitiveAntagonist,
            .uncompetitiveAntagonist, .blocker, .openChannelBlocker, .negativeAllostericModulator,
            .reuptakeInhibitor, .inhibitor, .suppressor:
            .negative
        case .allostericModulator, .modulator:
            .unknown
        case .substrate, .ligand:
            .none
        }
    }

    /// The spelling used in graph files.
    public var name: String { rawValue }

    /// Whether this action may stand on an edge of `relation`.
    ///
    /// Only two definite, opposite signs contradict each other.
    public func isCompatible(with relation: Relation) -> Bool {
        !(sign.isDefinite && relation.sign.isDefinite && sign != relation.sign)
    }
}
