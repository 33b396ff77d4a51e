/// What the paths from a source to a target mean to a pharmacologist: the tiered verdict, its
/// certainty, the caveats of weaker evidence, the distinct mechanisms and the headline path.
///
/// The raw counts stay in `PathReport.counts` / `TargetReport.counts`; see docs/queries.md for the rules.
public struct Assessment: Sendable, Equatable {
    /// What the top tier's signed paths agree on (`mixed` when they disagree; `unknown` when only unsigned routes exist).
    public internal(set) var verdict: Verdict
    /// The verdict of the raw counts, as before the semantics (`SignCounts.verdict`).
    public internal(set) var rawVerdict: Verdict
    /// The verdict's certainty: the weakest link of its best path; `nil` when no signed path exists.
    public internal(set) var certainty: Certainty?
    /// Raw path counts per tier (weakest certainty on the path), firmest first; only tiers with paths.
    public internal(set) var tiers: [Tier]
    /// Weaker evidence of the other sign, with the edges it all rests on.
    public internal(set) var caveats: [Caveat]
    /// For `mixed`: the edges the top tier's paths of the less supported sign all share.
    public internal(set) var decidingEdges: [EdgeIndex]
    /// Paths with an unknown-sign step (modulates, unmapped labels): never decide.
    public internal(set) var unsignedRoutes: Int
    /// Distinct mechanisms, when the paths were few enough to enumerate (`nil` otherwise).
    public internal(set) var mechanisms: [Mechanism]?
    /// The path that states the mechanism, chosen by the headline rule.
    public internal(set) var headline: NetworkPath?
    /// Whether the verdict rests on a correlational edge (its best path has one).
    public internal(set) var correlational: Bool
    /// For `mixed`: the less supported sign, whose paths `decidingEdges` come from.
    public internal(set) var decidingSign: Sign? = nil
    /// Whether every path was enumerated (at most `VerdictRules.enumerationBound`, 10,000), so that shared and deciding
    /// edges, mechanisms and the headline were computed; when not, caveats carry counts only.
    public internal(set) var enumerated: Bool = true
    /// Unbalanced feedback loops on the way, and how they were settled (`PathEngine.assessFeedback`).
    public internal(set) var feedback: Feedback? = nil

    init(
        verdict: Verdict, rawVerdict: Verdict, certainty: Certainty? = nil, tiers: [Tier] = [], caveats: [Caveat] = [],
        decidingEdges: [EdgeIndex] = [], unsignedRoutes: Int = 0, mechanisms: [Mechanism]? = nil,
        headline: NetworkPath? = nil, correlational: Bool = false
    ) {
        self.verdict = verdict
        self.rawVerdict = rawVerdict
        self.certainty = certainty
        self.tiers = tiers
        self.caveats = caveats
        self.decidingEdges = decidingEdges
        self.unsignedRoutes = unsignedRoutes
        self.mechanisms = mechanisms
        self.headline = headline
        self.correlational = correlational
    }

    /// The raw counts of the paths whose weakest link has one certainty.
    public struct Tier: Sendable, Equatable {
        public internal(set) var certainty: Certainty
        public internal(set) var counts: SignCounts
    }

    /// Lower-tier paths that disagree with the verdict, and the edges all of them share (what would have to be wrong).
    public struct Caveat: Sendable, Equatable {
        /// The sign of the disagreeing paths.
        public internal(set) var sign: Sign
        /// Their tier.
        public internal(set) var certainty: Certainty
        /// How many raw paths.
        public internal(set) var paths: Int
        /// The edges every one of them passes through, weakest first.
        public internal(set) var sharedEdges: [EdgeIndex]
    }

    /// One mechanism: the paths that share a first molecular target and the node sequence from there on.
    public struct Mechanism: Sendable, Equatable {
        /// The node sequence from the first molecular target to the target, structural hops left out.
        public internal(set) var nodes: [NodeIndex]
        public internal(set) var sign: Sign
        /// The weakest certainty of its best path.
        public internal(set) var certainty: Certainty
        /// How many raw paths it stands for (parallel edges and drug forms).
        public internal(set) var paths: Int
        /// The drug forms it was reached through by structural hops (e.g. esketamine), if any.
        public internal(set) var via: [NodeIndex]

        init(nodes: [NodeIndex], sign: Sign, certainty: Certainty, paths: Int, via: [NodeIndex] = []) {
            self.nodes = nodes
            self.sign = sign
            self.certainty = certainty
            self.paths = paths
            self.via = via
        }
    }
}
