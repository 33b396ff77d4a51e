/// `check --format github`: GitHub Actions workflow commands, one per diagnostic (docs/cli.md, "check").
extension CheckReport {
    /// `::error file=F,line=L,col=C,title=pharmgraph check::message` for each diagnostic shown (warnings left out
    /// when `quiet`), notes on lines of their own inside the message.
    public func githubText(quiet: Bool = false) -> String {
        var out = ""
        for file in files {
            for diagnostic in file.diagnostics where !(quiet && diagnostic.severity == .warning) {
                out += GitHubCommand(diagnostic).text + "\n"
            }
        }
        return out
    }
}

/// One workflow command that annotates a file (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
struct GitHubCommand {
    let diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    /// `::error file=…,line=…,col=…,title=…::message`, properties and data escaped as the runner unescapes them.
    var text: String {
        var properties = ["file=" + Self.property(diagnostic.file)]
        if let line = diagnostic.line {
            properties.append("line=\(line)")
            if let column = diagnostic.column { properties.append("col=\(column)") }
        }
        properties.append("title=" + Self.property("pharmgraph check"))
        let message = ([diagnostic.message] + diagnostic.notes.map { "note: " + $0 }).joined(separator: "\n")
        return "::\(diagnostic.severity.rawValue) " + properties.joined(separator: ",") + "::" + Self.data(message)
    }

    /// A command's message: `%`, CR and LF percent-encoded.
    static func data(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property's value: as `data`, and `:` and `,` too.
    static func property(_ text: String) -> String {
        data(text).replacingEvery(":", with: "%3A").replacingEvery(",", with: "%2C")
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`, without Foundation.
    fileprivate func replacingEvery(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}

/// `check --format sarif`: a SARIF 2.1.0 log with one run (docs/cli.md, "check").
extension CheckReport {
    /// The SARIF document: the tool with one rule per severity, one result per diagnostic, in the report's order.
    public func sarifText() throws(EncodingError) -> String { try ReportJSON.encode(SARIFLog(self)) }
}

/// The subset of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) that `check` writes.
struct SARIFLog: Encodable {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "pharmgraph"
        var version = PharmGraphVersion.current
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Text: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    /// The rules, one per severity: diagnostics carry no finer code yet (docs/decisions.md, "check --format sarif").
    static let rules: [(severity: Diagnostic.Severity, rule: Rule)] = [
        (.error, rule("PG-ERROR", "GraphError", "A problem that makes check fail", level: "error")),
        (.warning, rule("PG-WARNING", "GraphWarning", "A problem check reports without failing (unless --strict or --max-warnings)", level: "warning")),
    ]

    static func rule(_ id: String, _ name: String, _ description: String, level: String) -> Rule {
        Rule(id: id, name: name, shortDescription: Text(text: description), defaultConfiguration: Configuration(level: level))
    }

    var schema = schemaURI
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    init(_ report: CheckReport) {
        let results = report.files.flatMap(\.diagnostics).map { diagnostic in
            let index = Self.rules.firstIndex { $0.severity == diagnostic.severity }!
            let text = ([diagnostic.message] + diagnostic.notes.map { "note: " + $0 }).joined(separator: "\n")
            let region = diagnostic.line.map { Region(startLine: max(1, $0), startColumn: diagnostic.column.map { max(1, $0) }) }
            let location = PhysicalLocation(artifactLocation: ArtifactLocation(uri: Self.uri(diagnostic.file)), region: region)
            return Result(
                ruleId: Self.rules[index].rule.id, ruleIndex: index, level: diagnostic.severity.rawValue, message: Text(text: text),
                locations: [Location(physicalLocation: location)])
        }
        runs = [Run(tool: Tool(driver: Driver(rules: Self.rules.map(\.rule))), results: results)]
    }

    /// A path as a relative URI reference: every byte but unreserved characters and `/` percent-encoded.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || "-._~/".unicodeScalars.contains(scalar)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
