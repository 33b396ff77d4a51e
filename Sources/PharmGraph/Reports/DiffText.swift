/// ANSI colours for the text report, or none.
struct DiffStyle: Sendable {
    let colour: Bool

    private func paint(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func added(_ text: String) -> String { paint(text, "32") }
    func removed(_ text: String) -> String { paint(text, "31") }
    func changed(_ text: String) -> String { paint(text, "33") }
    func flip(_ text: String) -> String { paint(text, "1;35") }
    func heading(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
}

/// The text report: a summary line, the two inputs, then one section per kind of change.
///
/// Markers: `+` added, `-` removed, `~` changed, `!` sign flip; field changes are indented under their item.
struct DiffText: Sendable {
    let report: DiffReport
    let style: DiffStyle
    let hints: LimitHints

    func render() -> String {
        var out = [style.heading(report.summaryLine), header(report.old, "---"), header(report.new, "+++")]
        switch report.changes {
        case let .graph(diff):
            out += section("Sign flips", diff.signFlips.flatMap { edgeChange($0, diff: diff) })
            out += verdictSections()
            out += section("Graph", diff.header.flatMap { fieldLines($0, indent: "  ") })
            out += section("Nodes", nodeLines(diff))
            out += section("Edges", edgeLines(diff))
            out += section("References", referenceLines(diff))
            out += section("Claims", claimLines(diff))
        case let .network(diff):
            out += verdictSections()
            out += section("Nodes", networkNodeLines(diff))
            out += section("Edges", networkEdgeLines(diff))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func header(_ input: DiffReport.Side, _ marker: String) -> String {
        let detail: String
        switch input.content {
        case .graph where input.isEmpty:
            detail = "(nothing)"
        case let .graph(graph):
            detail = "(\(graph.id) \(graph.version): \(Plural.count(graph.nodes.count, "node")), \(Plural.count(graph.edges.count, "edge")))"
        case let .network(network):
            detail = "(\(Plural.count(network.nodeCount, "node")), \(Plural.count(network.edgeCount, "edge")))"
        }
        return style.dim(Self.shown("\(marker) \(input.name) \(detail)"))
    }

    private func section(_ title: String, _ lines: [String]) -> [String] {
        lines.isEmpty ? [] : ["", style.heading(title)] + lines
    }

    // MARK: Values

    /// Text from an input, for the terminal: control and bidi characters escaped.
    static func shown(_ text: String) -> String { DisplayText.escaped(text) }

    /// Plain when unambiguous, else double-quoted with escapes (control and bidi characters as `\u{…}`).
    static func quote(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.:/+-()'>".unicodeScalars.contains(scalar)
            }
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if DisplayText.needsEscape(scalar) { out += DisplayText.escape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func value(_ value: DiffValue) -> String {
        switch value {
        case .absent: "(none)"
        case let .text(text): quote(text)
        case let .flag(flag): flag ? "true" : "false"
        case let .list(items): items.map(quote).joined(separator: ", ")
        case let .map(entries): entries.keys.sorted().map { "\(shown($0))=\(quote(entries[$0]!))" }.joined(separator: ", ")
        }
    }

    /// `field: old → new`, or item by item for lists and mappings.
    func fieldLines(_ change: FieldChange, indent: String) -> [String] { Self.fieldLines(change, indent: indent, style: style) }

    /// As `fieldLines(_:indent:)`, in `style`.
    static func fieldLines(_ change: FieldChange, indent: String, style: DiffStyle) -> [String] {
        let name = "\(indent)\(change.field): "
        if change.field == "relation", case let .text(old) = change.old, case let .text(new) = change.new,
            let before = Relation(rawValue: old), let after = Relation(rawValue: new)
        {
            let text = "\(name)\(old) → \(new)"
            if before.sign.isDefinite && after.sign.isDefinite && before.sign != after.sign {
                return [style.flip("\(text)  (sign flip \(before.sign.symbol) → \(after.sign.symbol))")]
            }
            if before.sign == after.sign { return ["\(text)  (same sign \(after.sign.symbol))"] }
            return ["\(text)  (sign \(before.sign.symbol) → \(after.sign.symbol))"]
        }
        if let parts = change.parts {
            let items = parts.map { part in
                switch part {
                case let .added(key, value): style.added("+ " + (key.map { "\(Self.shown($0))=" } ?? "") + Self.quote(value))
                case let .removed(key, value): style.removed("- " + (key.map { "\(Self.shown($0))=" } ?? "") + Self.quote(value))
                case let .changed(key, a, b): "\(Self.shown(key)): \(Self.quote(a)) → \(Self.quote(b))"
                }
            }
            return [name + items.joined(separator: ", ")]
        }
        return ["\(name)\(Self.value(change.old)) → \(Self.value(change.new))"]
    }

    /// `from -relation-> to {key=value}`.
    static func edge(_ edge: Edge) -> String {
        var text = shown("\(edge.from) \(glyph(edge.relation.rawValue, sign: edge.sign)) \(edge.to)")
        if !edge.context.isEmpty { text += "  {\(value(.map(edge.context)))}" }
        return text
    }

    static func glyph(_ name: String, sign: Sign) -> String { PathFormatter.glyph(name, sign: sign) }

    static func claim(_ claim: Claim) -> String {
        var text = shown("\(claim.from) → \(claim.to) expects \(claim.expect.rawValue)")
        if let via = claim.via { text += " via \(shown(via))" }
        if !claim.context.isEmpty { text += " where \(value(.map(claim.context)))" }
        if let maxLength = claim.maxLength { text += " within \(maxLength)" }
        return text
    }

    // MARK: Curated graphs

    private func edgeChange(_ change: EdgeChange, diff: GraphDiff) -> [String] {
        let marker = change.isSignFlip ? style.flip("! " + Self.edge(change.new)) : style.changed("~ ") + Self.edge(change.new)
        return ["  " + marker] + change.changes.flatMap { fieldLines($0, indent: "      ") }
    }

    private func nodeLines(_ diff: GraphDiff) -> [String] {
        var lines: [String] = []
        for change in diff.nodesRenamed {
            let why: String =
                switch change.rename {
                case let .label(label)?: "same label \(Self.quote(label))"
                case let .xref(namespace, identifier)?: "same xref \(Self.shown("\(namespace):\(identifier)"))"
                case nil: ""
                }
            lines.append("  " + style.changed(Self.shown("~ \(change.old.id) → \(change.new.id)")) + "  renamed (\(why))")
            lines += change.changes.flatMap { fieldLines($0, indent: "      ") }
        }
        for change in diff.nodesChanged {
            lines.append("  " + style.changed("~ ") + Self.shown(change.new.id))
            lines += change.changes.flatMap { fieldLines($0, indent: "      ") }
        }
        lines += diff.nodesAdded.map { "  " + style.added("+ \(Self.describe($0))") }
        lines += diff.nodesRemoved.map { "  " + style.removed("- \(Self.describe($0))") }
        return lines
    }

    /// `nmdar "NMDA receptor" (receptor)`.
    static func describe(_ node: Node) -> String {
        var text = shown(node.id)
        if let label = node.label, label != node.id { text += " \(quote(label))" }
        return text + " (\(shown(node.kind.rawValue)))"
    }

    private func edgeLines(_ diff: GraphDiff) -> [String] {
        var lines = diff.edgesChanged.filter { !$0.isSignFlip }.flatMap { edgeChange($0, diff: diff) }
        lines += diff.edgesAdded.map { "  " + style.added("+ " + Self.edge($0)) }
        lines += diff.edgesRemoved.map { "  " + style.removed("- " + Self.edge($0)) }
        return lines
    }

    private func referenceLines(_ diff: GraphDiff) -> [String] {
        var lines: [String] = []
        for change in diff.referencesChanged {
            lines.append("  " + style.changed("~ ") + Self.shown(change.new.key))
            lines += change.changes.flatMap { fieldLines($0, indent: "      ") }
        }
        lines += diff.referencesAdded.map { "  " + style.added(Self.shown("+ \($0.key)")) + "  " + Self.shown($0.citation) }
        lines += diff.referencesRemoved.map { "  " + style.removed(Self.shown("- \($0.key)")) + "  " + Self.shown($0.citation) }
        return lines
    }

    private func claimLines(_ diff: GraphDiff) -> [String] {
        var lines: [String] = []
        for change in diff.claimsChanged {
            lines.append("  " + style.changed("~ ") + Self.claim(change.new))
            lines += change.changes.flatMap { fieldLines($0, indent: "      ") }
        }
        lines += diff.claimsAdded.map { "  " + style.added("+ " + Self.claim($0)) }
        lines += diff.claimsRemoved.map { "  " + style.removed("- " + Self.claim($0)) }
        return lines
    }

    // MARK: Verdicts

    private func verdictSections() -> [String] {
        guard let verdicts = report.verdicts else { return [] }
        var lines: [String] = []
        // A changed verdict lists its gained and lost paths; a pair that appears or disappears, its shortest.
        for pair in verdicts.changed { lines += pairLines(pair, marker: style.changed("~ "), listed: VerdictDiff.listedPaths) }
        for pair in verdicts.newlyReachable { lines += pairLines(pair, marker: style.added("+ "), listed: 1) }
        for pair in verdicts.noLongerReachable { lines += pairLines(pair, marker: style.removed("- "), listed: 1) }
        for pair in verdicts.undetermined { lines += pairLines(pair, marker: style.changed("? "), listed: 0) }
        var title = "Verdicts (paths of up to \(verdicts.maxLength) edges"
        if !report.filter.isEmpty { title += " where \(Self.value(.map(report.filter.required)))" }
        title += "; \(Plural.count(verdicts.pairsCompared, "reachable pair")) compared)"
        if verdicts.partial {
            lines.append("  partial: a search stopped at its work budget or timeout (\(hints.boundOptions)); its verdicts are")
            lines.append("  undetermined: the counts it found are lower bounds, not a conclusion")
        }
        var out = section(title, lines)
        let claims = verdicts.claimOutcomes.flatMap { outcome -> [String] in
            func state(_ holds: Bool, _ verdict: Finding) -> String {
                "\(verdict == .undetermined ? "undecided" : holds ? "holds" : "fails") (\(verdict.rawValue))"
            }
            let before = state(outcome.oldHolds, outcome.oldVerdict)
            let after = state(outcome.newHolds, outcome.newVerdict)
            let paint = outcome.newHolds == outcome.oldHolds ? style.changed : outcome.newHolds ? style.added : style.removed
            var lines = ["  " + paint("~ ") + Self.claim(outcome.new) + ": " + before + " → " + paint(after)]
            // The claim itself changed too (see Claims): say what was checked before.
            if Self.claim(outcome.old) != Self.claim(outcome.new) { lines.append("      was: " + Self.claim(outcome.old)) }
            return lines
        }
        out += section("Claim outcomes", claims)
        return out
    }

    private func pairLines(_ pair: VerdictDiff.Pair, marker: String, listed: Int) -> [String] {
        func counts(_ c: SignCounts) -> String { "\(c.positive)+ \(c.negative)- \(c.unknown)?" }
        var lines = [
            "  \(marker)\(Self.shown(pair.source)) → \(Self.shown(pair.target)): \(pair.oldFinding.rawValue) → \(pair.newFinding.rawValue)  "
                + style.dim("(\(counts(pair.old)) → \(counts(pair.new)))")
        ]
        let gained = pair.gained.prefix(listed)
        let lost = pair.lost.prefix(listed)
        lines += gained.map { "      " + style.added("+ (\($0.sign.symbol)) \(Self.shown($0.text))") }
        if pair.gainedCount > gained.count {
            lines.append("      " + style.dim("… and \(Plural.count(pair.gainedCount - gained.count, "more path")) gained"))
        }
        lines += lost.map { "      " + style.removed("- (\($0.sign.symbol)) \(Self.shown($0.text))") }
        if pair.lostCount > lost.count {
            lines.append("      " + style.dim("… and \(Plural.count(pair.lostCount - lost.count, "more path")) lost"))
        }
        if pair.partial, !pair.oldStopped, !pair.newStopped {
            lines.append("      " + style.dim("(gained and lost paths among the \(VerdictDiff.examinedPaths) shortest on each side)"))
        }
        return lines
    }

    // MARK: Networks

    private func networkNodeLines(_ diff: NetworkDiff) -> [String] {
        var lines: [String] = []
        for pair in diff.nodesChanged {
            let (old, new) = (diff.old.node(pair.old), diff.new.node(pair.new))
            lines.append("  " + style.changed("~ ") + Self.shown(new.id))
            let (oldName, newName) = (old.label, new.label)
            if oldName != newName { lines.append("      name: \(Self.quote(oldName)) → \(Self.quote(newName))") }
            let (oldKind, newKind) = (old.kind, new.kind)
            if oldKind != newKind { lines.append("      kind: \(Self.quote(oldKind)) → \(Self.quote(newKind))") }
        }
        lines += diff.nodesAdded.map { "  " + style.added("+ " + Self.shown(diff.new.node($0).id)) }
        lines += diff.nodesRemoved.map { "  " + style.removed("- " + Self.shown(diff.old.node($0).id)) }
        return lines
    }

    private func networkEdgeLines(_ diff: NetworkDiff) -> [String] {
        func line(_ network: Network, _ e: EdgeIndex) -> String {
            let edge = network.edge(e)
            return Self.shown(
                "\(network.node(edge.from).id) \(Self.glyph(edge.label.name, sign: edge.sign)) \(network.node(edge.to).id)")
        }
        return diff.edgesAdded.map { "  " + style.added("+ " + line(diff.new, $0)) }
            + diff.edgesRemoved.map { "  " + style.removed("- " + line(diff.old, $0)) }
    }
}

/// `--format tsv`: one row per edge difference, `change  from  label  to  detail`.
///
/// `change` is `added`, `removed` or `changed`; `detail` holds a changed edge's field changes,
/// or an added or removed edge's context. docs/diff.md.
enum DiffTSV {
    static let header = "change\tfrom\tlabel\tto\tdetail"

    static func render(_ report: DiffReport) -> String {
        var out = header + "\n"
        func row(_ change: String, _ from: String, _ label: String, _ to: String, _ detail: String) {
            // Appended field by field, not mapped and joined into a new string: a network diff has a row per changed edge.
            for field in [change, from, label, to] {
                out += DisplayText.tsv(field)
                out += "\t"
            }
            out += DisplayText.tsvText(detail)
            out += "\n"
        }
        switch report.changes {
        case let .graph(diff):
            for change in diff.edgesChanged {
                let detail = change.changes.flatMap { DiffText.fieldLines($0, indent: "", style: DiffStyle(colour: false)) }.joined(separator: "; ")
                row("changed", change.new.from, change.new.relation.rawValue, change.new.to, detail)
            }
            for edge in diff.edgesAdded {
                row("added", edge.from, edge.relation.rawValue, edge.to, context(edge))
            }
            for edge in diff.edgesRemoved {
                row("removed", edge.from, edge.relation.rawValue, edge.to, context(edge))
            }
        case let .network(diff):
            out.reserveCapacity(out.utf8.count + 64 * (diff.edgesAdded.count + diff.edgesRemoved.count))
            func networkRow(_ change: String, _ network: Network, _ e: EdgeIndex) {
                let edge = network.edge(e)
                row(change, network.node(edge.from).id, edge.label.name, network.node(edge.to).id, "")
            }
            for e in diff.edgesAdded { networkRow("added", diff.new, e) }
            for e in diff.edgesRemoved { networkRow("removed", diff.old, e) }
        }
        return out
    }

    private static func context(_ edge: Edge) -> String {
        edge.context.isEmpty ? "" : DiffText.value(.map(edge.context))
    }

}
