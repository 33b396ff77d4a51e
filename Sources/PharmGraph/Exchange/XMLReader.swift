/// A small XML reader for GraphML: elements, attributes, text, character and the five predefined
/// entity references, comments, CDATA and processing instructions, with the line and column of each
/// element and value. A DOCTYPE, an undefined entity, or malformed markup is an error at its position.
struct XMLReader {
    /// An element with its attributes, children and text, and where it starts.
    struct Element {
        var name: String
        var attributes: [Attribute]
        var children: [Element] = []
        var text = ""
        /// Where the element's `<` is.
        var mark: YAMLMark
        /// Where its text content starts.
        var textMark: YAMLMark

        /// The value of the attribute `name`.
        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }

        /// The local name, without a namespace prefix.
        var localName: Substring { name.split(separator: ":").last ?? Substring(name) }
    }

    /// An attribute's name and value, and where its value starts.
    struct Attribute {
        var name: String
        var value: String
        var mark: YAMLMark
    }

    /// A malformed document: the message and where.
    struct Failure: Error, Equatable {
        var message: String
        var mark: YAMLMark
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    /// The root element.
    mutating func read() throws(Failure) -> Element {
        try skipMisc()
        guard index < scalars.count else { throw Failure(message: "the document has no root element", mark: mark) }
        let root = try element()
        try skipMisc()
        if index < scalars.count {
            throw Failure(message: "unexpected content after the root element '\(root.name)'", mark: mark)
        }
        return root
    }

    private var mark: YAMLMark { YAMLMark(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private func looking(at text: String) -> Bool {
        var i = index
        for scalar in text.unicodeScalars {
            guard i < scalars.count, scalars[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\r"].contains(scalar) }

    private mutating func skipSpace() {
        while let scalar = peek(), Self.isSpace(scalar) { advance() }
    }

    /// Skips white space, comments, processing instructions; rejects a DOCTYPE.
    private mutating func skipMisc() throws(Failure) {
        while true {
            skipSpace()
            if looking(at: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if looking(at: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if looking(at: "<!DOCTYPE") {
                throw Failure(message: "a DOCTYPE is not supported in GraphML input", mark: mark)
            } else {
                return
            }
        }
    }

    private mutating func skip(past end: String, what: String) throws(Failure) {
        let start = mark
        while index < scalars.count {
            if looking(at: end) {
                advance(end.unicodeScalars.count)
                return
            }
            advance()
        }
        throw Failure(message: "unterminated \(what)", mark: start)
    }

    private mutating func name() throws(Failure) -> String {
        var result = ""
        while let scalar = peek(), !Self.isSpace(scalar), !["=", ">", "/", "<", "\"", "'"].contains(scalar) {
            result.unicodeScalars.append(scalar)
            advance()
        }
        if result.isEmpty {
            let found = peek().map { "'\(Character($0))'" } ?? "the end of the file"
            throw Failure(message: "expected a name, found \(found)", mark: mark)
        }
        return result
    }

    private mutating func element() throws(Failure) -> Element {
        let start = mark
        guard peek() == "<" else { throw Failure(message: "expected an element", mark: start) }
        advance()
        let tag = try name()
        var element = Element(name: tag, attributes: [], mark: start, textMark: start)
        while true {
            skipSpace()
            guard let scalar = peek() else { throw Failure(message: "unterminated start tag '<\(tag)'", mark: start) }
            if scalar == "/" {
                advance()
                guard peek() == ">" else { throw Failure(message: "expected '>' after '/' in '<\(tag)'", mark: mark) }
                advance()
                return element
            }
            if scalar == ">" {
                advance()
                break
            }
            let attributeMark = mark
            let attributeName = try name()
            skipSpace()
            guard peek() == "=" else { throw Failure(message: "expected '=' after attribute '\(attributeName)'", mark: mark) }
            advance()
            skipSpace()
            guard let quote = peek(), quote == "\"" || quote == "'" else {
                throw Failure(message: "expected a quoted value for attribute '\(attributeName)'", mark: mark)
            }
            advance()
            let valueMark = mark
            let value = try characters(until: quote, what: "attribute value")
            advance()
            if element.attribute(attributeName) != nil {
                throw Failure(message: "attribute '\(attributeName)' is given twice", mark: attributeMark)
            }
            element.attributes.append(Attribute(name: attributeName, value: value, mark: valueMark))
        }
        element.textMark = mark
        while true {
            guard index < scalars.count else {
                throw Failure(message: "element '<\(tag)>' is not closed", mark: start)
            }
            if looking(at: "</") {
                let endMark = mark
                advance(2)
                let endName = try name()
                skipSpace()
                guard peek() == ">" else { throw Failure(message: "expected '>' to end '</\(endName)'", mark: mark) }
                advance()
                guard endName == tag else {
                    throw Failure(
                        message: "end tag '</\(endName)>' does not match '<\(tag)>' at line \(start.line), column \(start.column)",
                        mark: endMark)
                }
                return element
            } else if looking(at: "<!--") {
                try skip(past: "-->", what: "comment")
            } else if looking(at: "<![CDATA[") {
                let cdataStart = mark
                advance(9)
                while !looking(at: "]]>") {
                    guard let scalar = peek() else { throw Failure(message: "unterminated CDATA section", mark: cdataStart) }
                    element.text.unicodeScalars.append(scalar)
                    advance()
                }
                advance(3)
            } else if looking(at: "<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if peek() == "<" {
                element.children.append(try self.element())
            } else {
                element.text += try characters(until: "<", what: "text")
            }
        }
    }

    /// Characters up to (not including) `end`, with references resolved.
    private mutating func characters(until end: Unicode.Scalar, what: String) throws(Failure) -> String {
        var result = ""
        let start = mark
        while let scalar = peek(), scalar != end {
            if scalar == "<" { throw Failure(message: "'<' is not allowed in an \(what)", mark: mark) }
            if scalar == "&" {
                result.unicodeScalars.append(try reference())
            } else if scalar == "\r" {
                // XML normalizes line ends: CR LF and a lone CR are LF.
                advance()
                if peek() != "\n" { result += "\n" }
            } else {
                result.unicodeScalars.append(scalar)
                advance()
            }
        }
        if peek() == nil, end != "<" { throw Failure(message: "unterminated \(what)", mark: start) }
        return result
    }

    private mutating func reference() throws(Failure) -> Unicode.Scalar {
        let start = mark
        advance()
        var body = ""
        while let scalar = peek(), scalar != ";" {
            guard body.unicodeScalars.count < 12, !Self.isSpace(scalar), scalar != "<", scalar != "&" else {
                throw Failure(message: "'&' must start a reference such as '&amp;'", mark: start)
            }
            body.unicodeScalars.append(scalar)
            advance()
        }
        guard peek() == ";" else { throw Failure(message: "'&' must start a reference such as '&amp;'", mark: start) }
        advance()
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            var number: UInt32?
            if body.hasPrefix("#x") {
                number = UInt32(body.dropFirst(2), radix: 16)
            } else if body.hasPrefix("#") {
                number = UInt32(body.dropFirst(), radix: 10)
            } else {
                throw Failure(message: "undefined entity '&\(body);'", mark: start)
            }
            guard let number, let scalar = Unicode.Scalar(number), number != 0 else {
                throw Failure(message: "'&\(body);' is not a valid character reference", mark: start)
            }
            return scalar
        }
    }
}
