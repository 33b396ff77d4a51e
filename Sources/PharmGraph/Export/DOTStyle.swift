/// The visual language of rendered diagrams: edge glyphs, node shapes and the palette.
///
/// Edges follow SBGN Activity Flow; the glyph carries the meaning and the colour
/// repeats it. Colours are Okabe–Ito, which stay distinct under the common colour
/// vision deficiencies. The tables are in docs/rendering.md.
package enum DOTStyle {
    /// The Okabe–Ito colours used, by role.
    package enum Palette {
        package static let positive = "#0072B2"  // blue
        package static let negative = "#D55E00"  // vermillion
        package static let unknown = "#CC79A7"  // reddish purple
        package static let none = "#999999"  // grey
        package static let structural = "#000000"  // black
        package static let ink = "#333333"
        /// Loss-of-function edges: neither the sign's colour nor a bar into the target.
        package static let lossOfFunction = "#444444"
    }

    /// The colour family of a sign.
    package static func colour(for sign: Sign) -> String {
        switch sign {
        case .positive: Palette.positive
        case .negative: Palette.negative
        case .unknown: Palette.unknown
        case .none: Palette.none
        }
    }

    /// Attributes that draw a relation's glyph: head, tail, line style and colour.
    ///
    /// A loss-of-function `inhibits` or `downregulates` edge (blocking the source produces the target) has
    /// the relation's bar at the source and the matching arrowhead at the target, in dark grey.
    package static func edge(_ relation: Relation, certainty: Certainty, lossOfFunction: Bool = false) -> [DOTAttribute] {
        var attributes: [DOTAttribute] = []
        var styles: [String] = []
        let colour: String
        switch relation {
        case .inhibits where lossOfFunction:
            attributes += [.literal("dir", "both"), .literal("arrowtail", "tee"), .literal("arrowhead", "onormal")]
            colour = Palette.lossOfFunction
        case .downregulates where lossOfFunction:
            attributes += [.literal("dir", "both"), .literal("arrowtail", "teetee"), .literal("arrowhead", "normal")]
            colour = Palette.lossOfFunction
        case .activates:
            attributes.append(.literal("arrowhead", "onormal"))
            colour = Self.colour(for: .positive)
        case .inhibits:
            attributes.append(.literal("arrowhead", "tee"))
            colour = Self.colour(for: .negative)
        case .upregulates:
            attributes.append(.literal("arrowhead", "normal"))
            colour = Self.colour(for: .positive)
        case .downregulates:
            attributes.append(.literal("arrowhead", "teetee"))
            colour = Self.colour(for: .negative)
        case .modulates:
            attributes.append(.literal("arrowhead", "odiamond"))
            colour = Self.colour(for: .unknown)
        case .binds:
            attributes.append(.literal("arrowhead", "none"))
            styles.append("dashed")
            colour = Self.colour(for: .none)
        case .noEffect:
            attributes.append(.literal("arrowhead", "odot"))
            styles.append("dotted")
            colour = Self.colour(for: .none)
        case .indication:
            attributes.append(.literal("arrowhead", "empty"))
            styles.append("dotted")
            colour = Self.colour(for: .none)
        case .comparedWith:
            attributes.append(.literal("arrowhead", "none"))
            styles.append("dotted")
            colour = Self.colour(for: .none)
        case .hasMetabolite:
            attributes.append(.literal("arrowhead", "vee"))
            colour = Palette.structural
        case .hasComponent:
            // Not a tail glyph: Graphviz 2.42 draws the tail arrow of a multi-colour edge invisibly.
            attributes.append(.literal("arrowhead", "diamond"))
            colour = Palette.structural
        }
        let faded = certainty == .hypothesized ? colour + "B3" : colour
        if relation.isStructural {
            // Two parallel lines: a structural link, not an effect.
            attributes.append(.literal("color", "\(faded):invis:\(faded)"))
        } else {
            attributes.append(.literal("color", faded))
        }
        switch certainty {
        case .established:
            attributes.append(.literal("penwidth", "2"))
        case .probable:
            attributes.append(.literal("penwidth", "1"))
        case .hypothesized:
            attributes.append(.literal("penwidth", "1"))
            if styles.isEmpty { styles.append("dashed") }
        }
        if !styles.isEmpty { attributes.append(.literal("style", styles.joined(separator: ","))) }
        return attributes
    }

    /// The relation whose arrowhead an edge of `relation` draws: for a loss-of-function `inhibits` or `downregulates`
    /// edge, the matching arrow's (`edge(_:certainty:lossOfFunction:)`).
    package static func headRelation(_ relation: Relation, lossOfFunction: Bool) -> Relation {
        switch relation {
        case .inhibits where lossOfFunction: .activates
        case .downregulates where lossOfFunction: .upregulates
        default: relation
        }
    }

    /// Whether a loss-of-function edge of `relation` has its own glyph (`edge(_:certainty:lossOfFunction:)`).
    package static func drawsLossOfFunction(_ relation: Relation) -> Bool { relation == .inhibits || relation == .downregulates }

    /// Attributes of a sample line for a certainty level, in the legend.
    package static func certaintySample(_ certainty: Certainty) -> [DOTAttribute] {
        var attributes: [DOTAttribute] = [.literal("arrowhead", "none")]
        switch certainty {
        case .established:
            attributes += [.literal("color", Palette.ink), .literal("penwidth", "2")]
        case .probable:
            attributes += [.literal("color", Palette.ink), .literal("penwidth", "1")]
        case .hypothesized:
            attributes += [.literal("color", Palette.ink + "B3"), .literal("penwidth", "1"), .literal("style", "dashed")]
        }
        return attributes
    }

    /// A node's look: what distinguishes it, shape first, fill second.
    package struct NodeLook: Hashable, Sendable {
        package var shape: String
        package var fill: String
        package var styles: [String] = []
        package var peripheries = 1

        package var attributes: [DOTAttribute] {
            var attributes: [DOTAttribute] = [.literal("shape", shape), .literal("fillcolor", fill)]
            attributes.append(.literal("style", (["filled"] + styles).joined(separator: ",")))
            if peripheries != 1 { attributes.append(.literal("peripheries", String(peripheries))) }
            return attributes
        }
    }

    /// The look of a node of `kind` (and, for effects, `valence`).
    package static func node(kind: NodeKind, valence: Valence?) -> NodeLook {
        switch kind {
        case .drug: NodeLook(shape: "box", fill: "#F9D99A", peripheries: 2)
        case .molecule: NodeLook(shape: "ellipse", fill: "#F6EFA6")
        case .receptor: NodeLook(shape: "box", fill: "#BFE0F5", styles: ["rounded"])
        case .channel: NodeLook(shape: "cylinder", fill: "#BFE0F5")
        case .transporter: NodeLook(shape: "cds", fill: "#BFE0F5")
        case .enzyme: NodeLook(shape: "octagon", fill: "#BFE0F5")
        case .protein: NodeLook(shape: "parallelogram", fill: "#BFE0F5")
        case .pathway: NodeLook(shape: "rarrow", fill: "#BDE5D5")
        case .process: NodeLook(shape: "box", fill: "#BDE5D5")
        case .effect:
            switch valence {
            case .therapeutic: NodeLook(shape: "hexagon", fill: "#9FD9C3")
            case .adverse: NodeLook(shape: "hexagon", fill: "#F3B88F", peripheries: 2)
            case .neutral, nil: NodeLook(shape: "hexagon", fill: "#E3E3E3", styles: ["dashed"])
            }
        case .condition: NodeLook(shape: "invhouse", fill: "#EBC6DC")
        case .region: NodeLook(shape: "folder", fill: "#E3E3E3")
        default: NodeLook(shape: "box", fill: "#FFFFFF", styles: ["dashed", "rounded"])
        }
    }

    /// The font used everywhere.
    package static let font = "Helvetica"
}
