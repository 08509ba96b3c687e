import DoctorCore

/// A log event with the text that `messagePattern` is searched in.
struct MatchSubject: Sendable {
    /// The event.
    let event: MongodLogEvent
    /// Message, error and attributes, one per line: `msg`, `codeName: errmsg`, `key: value`.
    let text: String

    init(_ event: MongodLogEvent) {
        self.event = event
        var lines = [event.message]
        if let error = event.error { lines.append(error.text) }
        for key in event.attributes.keys.sorted() {
            if let value = event.attributes[key] { Self.flatten(value, key: key, into: &lines) }
        }
        text = lines.joined(separator: "\n")
    }

    /// Appends `key: value` for scalars; nested objects use dotted keys, arrays repeat the key.
    private static func flatten(_ value: JSONValue, key: String, into lines: inout [String]) {
        switch value {
        case .object(let pairs):
            for (name, inner) in pairs { flatten(inner, key: "\(key).\(name)", into: &lines) }
        case .array(let items):
            for item in items { flatten(item, key: key, into: &lines) }
        default:
            if let scalar = value.scalarText { lines.append("\(key): \(scalar)") }
        }
    }
}

extension JSONValue {
    /// The text of a string, number or boolean; `nil` for null, arrays and objects.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        default: nil
        }
    }
}

/// Decides whether a catalog rule matches a line, and collects its named groups.
struct RuleMatcher: Sendable {
    /// The platform being diagnosed.
    let platform: Platform
    /// The startup's exit code, when known.
    let exitCode: Int?

    /// The named groups when `rule` matches `subject` (empty when it has none), else `nil`.
    ///
    /// A rule without `logIds` skips JSON lines below warning severity that carry no error:
    /// such rules are free text searches, and a long-running server writes millions of
    /// informational lines (a `DBPathInUse` logged at `I` still counts).
    func match(_ rule: MatchRule, _ subject: MatchSubject) -> [String: String]? {
        let event = subject.event
        guard rule.looksAtLines, holdsForStartup(rule) else { return nil }
        if rule.logIds.isEmpty {
            if event.format == .json && event.severity < .warning && event.error == nil { return nil }
        } else {
            guard let id = event.id, rule.logIds.contains(id) else { return nil }
        }
        if !rule.codeNames.isEmpty {
            guard let name = event.error?.codeName, rule.codeNames.contains(name) else { return nil }
        }
        guard let pattern = rule.compiledPattern else { return [:] }
        return pattern.namedMatch(in: subject.text)
    }

    /// Whether the rule's exit-code and platform criteria hold (true when it has none).
    func holdsForStartup(_ rule: MatchRule) -> Bool {
        if !rule.platforms.isEmpty && !rule.platforms.contains(platform) { return false }
        if !rule.exitCodes.isEmpty {
            guard let exitCode, rule.exitCodes.contains(exitCode) else { return false }
        }
        return true
    }
}
