/// The verdict semantics in JSON and text: the fields `paths`, `effects` and `causes` add beside the raw counts.
struct AssessmentJSON: Encodable, Sendable, Equatable {
    var rawVerdict: String
    var certainty: String?
    var tiers: [TierJSON]
    var caveats: [CaveatJSON]
    var decidingSign: String?
    /// `nil` when not mixed, or when the paths were too many to enumerate.
    var decidingEdges: [EdgeJSON]?
    var unsignedRoutes: Int
    /// `nil` when the paths were too many to enumerate.
    var mechanisms: MechanismsJSON?
    var headline: PathJSON?
    var correlational: Bool

    enum CodingKeys: String, CodingKey {
        case certainty, tiers, caveats, mechanisms, headline, correlational
        case rawVerdict = "raw_verdict"
        case decidingSign = "deciding_sign"
        case decidingEdges = "deciding_edges"
        case unsignedRoutes = "unsigned_routes"
    }

    struct TierJSON: Encodable, Sendable, Equatable {
        var certainty: String
        var total: Int
        var bySign: SignCountsJSON

        enum CodingKeys: String, CodingKey {
            case certainty, total
            case bySign = "by_sign"
        }
    }

    /// One edge: its endpoints and relation (or imported label).
    struct EdgeJSON: Encodable, Sendable, Equatable {
        var from: String
        var relation: String
        var to: String
        var certainty: String

        init(_ e: EdgeIndex, network: Network) {
            let edge = network.edge(e)
            from = network.nodeIDs[edge.from]
            relation = edge.label.name
            to = network.nodeIDs[edge.to]
            certainty = (network.graph?.edges[e].effectiveCertainty ?? .established).rawValue
        }
    }

    struct CaveatJSON: Encodable, Sendable, Equatable {
        var sign: String
        var certainty: String
        var paths: Int
        /// `nil` when the paths were too many to enumerate.
        var sharedEdges: [EdgeJSON]?

        enum CodingKeys: String, CodingKey {
            case sign, certainty, paths
            case sharedEdges = "shared_edges"
        }
    }

    struct MechanismsJSON: Encodable, Sendable, Equatable {
        var count: Int
        var list: [MechanismJSON]
    }

    struct MechanismJSON: Encodable, Sendable, Equatable {
        var nodes: [String]
        var sign: String
        var certainty: String
        var paths: Int
        var via: [String]
    }

    init(_ a: Assessment, network: Network) {
        let ids = { (nodes: [NodeIndex]) in nodes.map { network.nodeIDs[$0] } }
        rawVerdict = a.rawVerdict.rawValue
        certainty = a.certainty?.rawValue
        tiers = a.tiers.map { TierJSON(certainty: $0.certainty.rawValue, total: $0.counts.total, bySign: SignCountsJSON($0.counts)) }
        caveats = a.caveats.map { c in
            CaveatJSON(
                sign: c.sign.rawValue, certainty: c.certainty.rawValue, paths: c.paths,
                sharedEdges: a.enumerated ? c.sharedEdges.map { EdgeJSON($0, network: network) } : nil)
        }
        decidingSign = a.decidingSign?.rawValue
        decidingEdges = a.decidingSign != nil && a.enumerated ? a.decidingEdges.map { EdgeJSON($0, network: network) } : nil
        unsignedRoutes = a.unsignedRoutes
        mechanisms = a.mechanisms.map { list in
            MechanismsJSON(
                count: list.count,
                list: list.map {
                    MechanismJSON(
                        nodes: ids($0.nodes), sign: $0.sign.rawValue, certainty: $0.certainty.rawValue, paths: $0.paths, via: ids($0.via))
                })
        }
        headline = a.headline.map { PathJSON($0, network: network) }
        correlational = a.correlational
    }
}

/// The assessment in words, for the text of `paths` (and one line per target of `effects`/`causes`).
struct AssessmentText {
    let network: Network

    /// `a -inhibits-| b (probable)`.
    func edge(_ e: EdgeIndex) -> String {
        let edge = network.edge(e)
        let glyph = PathFormatter.glyph(edge.label.name, sign: edge.label.sign)
        let certainty = network.graph?.edges[e].effectiveCertainty ?? .established
        return DisplayText.escaped("\(network.nodeIDs[edge.from]) \(glyph) \(network.nodeIDs[edge.to])") + " (\(certainty.rawValue))"
    }

    /// `2 negative hypothesized paths, all through a -inhibits-| b (hypothesized)`.
    func caveat(_ c: Assessment.Caveat, enumerated: Bool) -> String {
        var text = "\(c.paths) \(c.sign.rawValue) \(c.certainty.rawValue) \(c.paths == 1 ? "path" : "paths")"
        if !enumerated {
            text += " (too many to find the edges they share)"
        } else if c.sharedEdges.isEmpty {
            text += ", sharing no edge weaker than the verdict's"
        } else {
            text += c.paths == 1 ? ", resting on " : ", all resting on "
            text += c.sharedEdges.map(edge).joined(separator: "; ")
        }
        return text
    }

    /// The lines under the summary of `paths`: tiers, caveats, deciding edges, unsigned routes, mechanisms, headline.
    func lines(_ a: Assessment) -> [String] {
        var out: [String] = []
        if a.tiers.count > 1 {
            out.append(
                "tiers: "
                    + a.tiers.map { "\($0.certainty.rawValue) \($0.counts.positive)+ \($0.counts.negative)- \($0.counts.unknown)?" }
                    .joined(separator: "; "))
        }
        if let sign = a.decidingSign {
            if !a.enumerated {
                out.append("deciding: the \(sign.rawValue) paths (too many to find the edges they share)")
            } else if a.decidingEdges.isEmpty {
                out.append("deciding: the \(sign.rawValue) paths share no edge")
            } else {
                out.append("deciding: the \(sign.rawValue) paths all rest on " + a.decidingEdges.map(edge).joined(separator: "; "))
            }
        }
        for c in a.caveats { out.append("caveat: " + caveat(c, enumerated: a.enumerated)) }
        if a.unsignedRoutes > 0, a.verdict != .unknown {
            out.append("+ \(Plural.count(a.unsignedRoutes, "unsigned route"))")
        }
        if let mechanisms = a.mechanisms, !mechanisms.isEmpty {
            // By sign, so the count reads beside the verdict's own ("in 2 mechanisms" of the verdict's sign).
            let bySign = [Sign.positive, .negative, .unknown].compactMap { sign -> String? in
                let n = mechanisms.filter { $0.sign == sign }.count
                return n == 0 ? nil : "\(n) \(sign.rawValue)"
            }
            out.append("mechanisms: \(mechanisms.count) distinct" + (bySign.count > 1 ? " (" + bySign.joined(separator: ", ") + ")" : ""))
        }
        if let headline = a.headline { out.append("headline: " + PathFormatter(network: network).describe(headline)) }
        return out
    }

    /// The one line under a target of `effects`/`causes`: its caveats and unsigned routes, if any.
    func targetLine(_ a: Assessment) -> String? {
        var parts = a.caveats.map { "caveat: " + caveat($0, enumerated: a.enumerated) }
        if a.unsignedRoutes > 0, a.verdict != .unknown { parts.append("+ \(Plural.count(a.unsignedRoutes, "unsigned route"))") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
