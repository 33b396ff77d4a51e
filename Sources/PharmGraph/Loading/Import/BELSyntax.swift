/// One logical line of a BEL script: its scalars and the source position of each (docs/formats.md, "BEL").
///
/// A logical line runs on past a line break inside a quoted string (a multi-line `SET Evidence`) or after
/// a trailing backslash (BEL's line continuation).
struct BELLine {
    var scalars: [Unicode.Scalar] = []
    var positions: [(line: Int, column: Int)] = []

    /// The position of scalar `index` (the end of the line when past it).
    func position(_ index: Int) -> (line: Int, column: Int) {
        if index < positions.count { return positions[index] }
        guard let last = positions.last else { return (1, 1) }
        return (last.line, last.column + 1)
    }

    /// The text of scalars `range`.
    func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// The logical lines of `text`, blank ones left out.
    static func lines(of text: String) -> [BELLine] {
        var result: [BELLine] = []
        var current = BELLine()
        var quoted = false
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func finish() {
            if current.scalars.contains(where: { !$0.properties.isWhitespace }) { result.append(current) }
            current = BELLine()
        }
        while i < scalars.count {
            let scalar = scalars[i]
            if LineBreaks.isBreak(scalar) {
                let crlf = scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
                if quoted {
                    current.scalars.append(" ")
                    current.positions.append((line, column))
                } else if current.scalars.last == "\\" {
                    current.scalars.removeLast()
                    current.positions.removeLast()
                    current.scalars.append(" ")
                    current.positions.append((line, column))
                } else {
                    finish()
                }
                i += crlf ? 2 : 1
                line += 1
                column = 1
                previous = nil
                continue
            }
            if scalar == "\"" && !(quoted && previous == "\\") { quoted.toggle() }
            current.scalars.append(scalar)
            current.positions.append((line, column))
            previous = previous == "\\" && scalar == "\\" ? nil : scalar
            column += 1
            i += 1
        }
        finish()
        return result
    }
}

/// A token of a BEL line.
struct BELToken: Equatable {
    enum Kind: Equatable {
        /// A name, keyword or unquoted value.
        case word
        /// A quoted string, unescaped.
        case string
        /// Punctuation `( ) , : = { }` or a relation symbol (`->`, `-|`, `=>`, `=|`, `--`, `:>`, `>>`).
        case symbol
    }

    var kind: Kind
    var text: String
    /// The index of its first scalar in the line.
    var index: Int

    func isSymbol(_ text: String) -> Bool { kind == .symbol && self.text == text }
}

/// A syntax problem in a BEL line, at a scalar index.
struct BELSyntaxError: Error {
    var message: String
    var index: Int
}

extension BELLine {
    /// Whether a scalar can stand in an unquoted BEL word.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-'+*".unicodeScalars.contains(scalar)
    }

    /// The tokens of the line, up to a `//` comment outside quotes.
    func tokens() throws(BELSyntaxError) -> [BELToken] {
        var tokens: [BELToken] = []
        var i = 0
        let n = scalars.count
        func next(_ k: Int) -> Unicode.Scalar? { i + k < n ? scalars[i + k] : nil }
        while i < n {
            let scalar = scalars[i]
            if scalar.properties.isWhitespace {
                i += 1
                continue
            }
            if scalar == "/" && next(1) == "/" { break }
            if scalar == "\"" {
                let start = i
                var text = ""
                i += 1
                var closed = false
                while i < n {
                    if scalars[i] == "\\", i + 1 < n, scalars[i + 1] == "\"" || scalars[i + 1] == "\\" {
                        text.unicodeScalars.append(scalars[i + 1])
                        i += 2
                        continue
                    }
                    if scalars[i] == "\"" {
                        closed = true
                        i += 1
                        break
                    }
                    text.unicodeScalars.append(scalars[i])
                    i += 1
                }
                guard closed else { throw BELSyntaxError(message: "unterminated quoted string", index: start) }
                tokens.append(BELToken(kind: .string, text: text, index: start))
                continue
            }
            if let second = next(1) {
                let pair = String(String.UnicodeScalarView([scalar, second]))
                if ["->", "-|", "=>", "=|", "--", ":>", ">>"].contains(pair) {
                    tokens.append(BELToken(kind: .symbol, text: pair, index: i))
                    i += 2
                    continue
                }
            }
            if "(),:={}".unicodeScalars.contains(scalar) {
                tokens.append(BELToken(kind: .symbol, text: String(scalar), index: i))
                i += 1
                continue
            }
            guard Self.isWordScalar(scalar) else {
                throw BELSyntaxError(message: "unexpected character '\(scalar.escaped(asASCII: false))'", index: i)
            }
            let start = i
            while i < n, Self.isWordScalar(scalars[i]) { i += 1 }
            tokens.append(BELToken(kind: .word, text: text(start..<i), index: start))
        }
        return tokens
    }
}

/// A BEL term, `function(arguments)`, as written.
struct BELTerm: Equatable {
    /// The function name as written (long or short form).
    var function: String
    var arguments: [BELArgument]
    /// The index of the function name in its line.
    var index: Int

    /// The BEL text with short function names and `, ` between arguments.
    var canonical: String {
        let name = BELFunction(named: function)?.shortName ?? function
        return name + "(" + arguments.map(\.canonical).joined(separator: ", ") + ")"
    }
}

/// An argument of a BEL term: a nested term, or a value with an optional namespace.
indirect enum BELArgument: Equatable {
    case term(BELTerm)
    case value(namespace: String?, name: String, index: Int)

    /// The BEL text: a value is quoted unless it is a plain word.
    var canonical: String {
        switch self {
        case let .term(term): term.canonical
        case let .value(namespace, name, _): (namespace.map { $0 + ":" } ?? "") + BELArgument.quoted(name)
        }
    }

    /// `name`, quoted (with `"` and `\` escaped) unless it is letters, digits and `_` only.
    static func quoted(_ name: String) -> String {
        let plain =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" }
        if plain { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A recursive-descent reader of BEL terms and statements over one line's tokens.
struct BELTokenStream {
    let tokens: [BELToken]
    var position = 0
    /// The scalar index just past the line, for errors at its end.
    let end: Int

    var current: BELToken? { position < tokens.count ? tokens[position] : nil }
    var atEnd: Bool { position >= tokens.count }

    func peek(_ k: Int) -> BELToken? { position + k < tokens.count ? tokens[position + k] : nil }

    /// Where the next token starts, or the end of the line.
    var index: Int { current?.index ?? end }

    mutating func expect(_ symbol: String, _ what: String) throws(BELSyntaxError) {
        guard let token = current, token.isSymbol(symbol) else {
            throw BELSyntaxError(message: "expected \(what)\(found)", index: index)
        }
        position += 1
    }

    /// `, found 'x'` or `, found the end of the line`.
    var found: String {
        guard let token = current else { return ", found the end of the line" }
        return token.kind == .string ? ", found a quoted string" : ", found '\(token.text)'"
    }

    /// A term: `name(arg, ...)`.
    mutating func term() throws(BELSyntaxError) -> BELTerm {
        guard let name = current, name.kind == .word, peek(1)?.isSymbol("(") == true else {
            throw BELSyntaxError(message: "expected a BEL term such as p(HGNC:AKT1)\(found)", index: index)
        }
        position += 2
        var arguments: [BELArgument] = []
        if current?.isSymbol(")") == true {
            position += 1
            return BELTerm(function: name.text, arguments: [], index: name.index)
        }
        while true {
            arguments.append(try argument())
            if current?.isSymbol(",") == true {
                position += 1
                continue
            }
            try expect(")", "',' or ')' to close '\(name.text)('")
            return BELTerm(function: name.text, arguments: arguments, index: name.index)
        }
    }

    /// A nested term, `NS:value` or a plain value.
    mutating func argument() throws(BELSyntaxError) -> BELArgument {
        guard let token = current, token.kind != .symbol else {
            throw BELSyntaxError(message: "expected an argument\(found)", index: index)
        }
        if token.kind == .word, peek(1)?.isSymbol("(") == true { return .term(try term()) }
        if token.kind == .word, peek(1)?.isSymbol(":") == true {
            guard let value = peek(2), value.kind != .symbol else {
                position += 2
                throw BELSyntaxError(message: "expected a name after '\(token.text):'\(found)", index: index)
            }
            position += 3
            return .value(namespace: token.text, name: value.text, index: token.index)
        }
        position += 1
        return .value(namespace: nil, name: token.text, index: token.index)
    }
}
