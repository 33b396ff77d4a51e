/// A DOT attribute value or identifier: the exact string cgraph stores, and how to write it.
///
/// Every constructor produces a string that DOT can represent exactly, so that
/// `agget` on the parsed graph returns `raw` unchanged (see docs/rendering.md).
package struct DOTValue: Hashable, Sendable {
    /// What cgraph stores after parsing: for HTML-like values, the markup between the outer `<` `>`.
    package let raw: String
    /// Whether the value is an HTML-like string (`<...>`).
    package let isHTML: Bool

    private init(raw: String, isHTML: Bool) {
        self.raw = raw
        self.isHTML = isHTML
    }

    /// This plain text value followed by the plain text value `more`: the text of the two joined, each escaped once.
    package func appending(_ more: DOTValue) -> DOTValue {
        DOTValue(raw: raw + more.raw, isHTML: false)
    }

    /// Text that Graphviz displays, such as a label or a tooltip, shown exactly as given.
    ///
    /// Backslashes are doubled and line breaks become `\n` (Graphviz's escString),
    /// `&` and `<` become `&amp;` and `&lt;` (Graphviz decodes entities in labels), and characters
    /// that XML cannot carry become visible replacements.
    package static func text(_ text: String) -> DOTValue {
        var raw = ""
        raw.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": raw += "\\\\"
            case "&": raw += "&amp;"
            // cgraph interns strings without regard to HTML-ness: a text equal to an HTML label's
            // markup elsewhere in the graph would become HTML. Markup always has a '<'; text never.
            case "<": raw += "&lt;"
            case "\r": raw += "\\n"
            case "\n": if !previousWasCR { raw += "\\n" }
            default: raw.unicodeScalars.append(DOTValue.displayable(scalar))
            }
        }
        return DOTValue(raw: raw, isHTML: false)
    }

    /// How a line of a multi-line label is placed.
    package enum Justification: Sendable {
        case centred, left, right
    }

    /// A tooltip, shown exactly as given.
    ///
    /// Graphviz unescapes tooltips twice and substitutes `\G`, `\N`, `\E`… in between,
    /// so each backslash is written as four; otherwise as `text(_:)`.
    package static func tooltip(_ text: String) -> DOTValue {
        let raw = DOTValue.text(text).raw
        guard raw.contains("\\") else { return DOTValue(raw: raw, isHTML: false) }
        var out = ""
        var scalars = raw.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            // In `text`'s output a backslash starts `\\` (a literal backslash) or `\n` (a line break).
            let next = scalars.next()
            out += next == "\\" ? "\\\\\\\\" : "\\" + (next.map { String($0) } ?? "")
        }
        return DOTValue(raw: out, isHTML: false)
    }

    /// Lines of displayed text, each centred, left- or right-justified (`\n`, `\l`, `\r`).
    ///
    /// A line break inside a line continues with the same justification.
    package static func lines(_ lines: [(text: String, justification: Justification)]) -> DOTValue {
        var raw = ""
        for line in lines {
            let terminator =
                switch line.justification {
                case .centred: "\\n"
                case .left: "\\l"
                case .right: "\\r"
                }
            let pieces = line.text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false)
            raw += pieces.map { text(String($0)).raw + terminator }.joined()
        }
        return DOTValue(raw: raw, isHTML: false)
    }

    /// A literal such as a keyword, colour, number or node name; Graphviz does not interpret it.
    ///
    /// Backslashes are doubled, so that no backslash can escape the closing quote.
    package static func literal(_ literal: String) -> DOTValue {
        DOTValue(raw: literal.replacingBackslashes(), isHTML: false)
    }

    /// An HTML-like label built with `DOTValue.html(escaping:)` for every piece of text in it.
    ///
    /// The markup must be balanced; `markup` is stored as is.
    package static func html(markup: String) -> DOTValue {
        DOTValue(raw: markup, isHTML: true)
    }

    /// Escapes text for use inside HTML-like markup: `& < > "` become entities, line breaks `<br/>`, and a backslash
    /// is doubled, since Graphviz expands `\N`, `\G`, `\E` and `\\` in HTML-like text too (an entity would not do:
    /// it is decoded before).
    package static func html(escaping text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\\": out += "\\\\"
            case "\r": out += "<br/>"
            case "\n": if !previousWasCR { out += "<br/>" }
            default: out.unicodeScalars.append(DOTValue.displayable(scalar))
            }
        }
        return out
    }

    /// The value as written in DOT: double-quoted with `"` escaped, or `<markup>`.
    package var written: String {
        if isHTML { return "<" + raw + ">" }
        var out = "\""
        for scalar in raw.unicodeScalars {
            if scalar == "\"" { out += "\\\"" } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
        return out
    }

    /// A scalar that XML 1.0 and Graphviz can carry; control characters become their Unicode control pictures.
    static func displayable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: return scalar
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: return Unicode.Scalar(0x2421)!
        case 0xFFFE, 0xFFFF: return Unicode.Scalar(0xFFFD)!
        default: return scalar
        }
    }
}

extension String {
    /// The text with `\r\n` and lone `\r` as `\n`.
    fileprivate func replacingCRLF() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var out = ""
        var previousWasCR = false
        for scalar in unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\r" {
                out += "\n"
            } else if !(scalar == "\n" && previousWasCR) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    fileprivate func replacingBackslashes() -> String {
        guard contains("\\") else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar == "\\" { out += "\\\\" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

/// One `name=value` pair of a DOT statement.
package struct DOTAttribute: Hashable, Sendable {
    package var name: String
    package var value: DOTValue

    package init(_ name: String, _ value: DOTValue) {
        self.name = name
        self.value = value
    }

    /// An attribute whose value is a literal (keyword, colour, number).
    package static func literal(_ name: String, _ value: String) -> DOTAttribute {
        DOTAttribute(name, .literal(value))
    }

    /// An attribute whose value is displayed text.
    package static func text(_ name: String, _ value: String) -> DOTAttribute {
        DOTAttribute(name, .text(value))
    }

    /// A `tooltip` attribute.
    package static func tooltip(_ value: String) -> DOTAttribute {
        DOTAttribute("tooltip", .tooltip(value))
    }
}

/// A statement inside a DOT graph or subgraph.
package indirect enum DOTStatement: Hashable, Sendable {
    case node(DOTValue, [DOTAttribute])
    case edge(DOTValue, DOTValue, [DOTAttribute])
    case subgraph(DOTSubgraph)
}

/// A subgraph: clusters are subgraphs whose name starts with `cluster`.
package struct DOTSubgraph: Hashable, Sendable {
    package var name: DOTValue
    package var attributes: [DOTAttribute]
    package var statements: [DOTStatement]

    package init(name: DOTValue, attributes: [DOTAttribute] = [], statements: [DOTStatement] = []) {
        self.name = name
        self.attributes = attributes
        self.statements = statements
    }
}

/// A directed DOT graph, written deterministically in the order its parts were added.
package struct DOTGraph: Hashable, Sendable {
    package var name: DOTValue
    package var attributes: [DOTAttribute] = []
    package var nodeDefaults: [DOTAttribute] = []
    package var edgeDefaults: [DOTAttribute] = []
    package var statements: [DOTStatement] = []

    package init(name: DOTValue) { self.name = name }

    /// The DOT text: two-space indentation, one statement per line, attributes in the given order.
    package var text: String {
        var out = "digraph \(name.written) {\n"
        write(defaults: "graph", attributes, into: &out, indent: "  ")
        write(defaults: "node", nodeDefaults, into: &out, indent: "  ")
        write(defaults: "edge", edgeDefaults, into: &out, indent: "  ")
        for statement in statements { write(statement, into: &out, indent: "  ") }
        out += "}\n"
        return out
    }

    private func write(defaults keyword: String, _ attributes: [DOTAttribute], into out: inout String, indent: String) {
        guard !attributes.isEmpty else { return }
        out += indent + keyword + " " + DOTGraph.list(attributes) + ";\n"
    }

    private func write(_ statement: DOTStatement, into out: inout String, indent: String) {
        switch statement {
        case let .node(name, attributes):
            out += indent + name.written
            if !attributes.isEmpty { out += " " + DOTGraph.list(attributes) }
            out += ";\n"
        case let .edge(from, to, attributes):
            out += indent + from.written + " -> " + to.written
            if !attributes.isEmpty { out += " " + DOTGraph.list(attributes) }
            out += ";\n"
        case let .subgraph(subgraph):
            out += indent + "subgraph " + subgraph.name.written + " {\n"
            let inner = indent + "  "
            write(defaults: "graph", subgraph.attributes, into: &out, indent: inner)
            for statement in subgraph.statements { write(statement, into: &out, indent: inner) }
            out += indent + "}\n"
        }
    }

    private static func list(_ attributes: [DOTAttribute]) -> String {
        "[" + attributes.map { "\($0.name)=\($0.value.written)" }.joined(separator: ", ") + "]"
    }
}
