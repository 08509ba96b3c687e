import DoctorCore
import Foundation

/// Fills `{name}` placeholders in catalog titles, explanations, summaries and commands.
///
/// Values come, most specific first, from the named groups of the matching rule, the matched
/// line's attributes, facts of the startup (`dbpath`, `port`, `serverVersion`), then
/// per-platform defaults. In commands, values are shell-quoted when needed; defaults are
/// shell text already (`$USER`, `%USERNAME%`) and are inserted as they are.
///
/// Nothing unfilled reaches a reader. In text, a value the log does not give is said in
/// words: the template's own (`{port|(the log does not show which)}`), else a phrase for the
/// name (`the data directory`). A command that needs a value nobody knows is left out.
struct Placeholders: Sendable {
    /// The platform whose defaults and quoting rules apply.
    let platform: Platform
    /// Known values, by name.
    private(set) var values: [String: String] = [:]

    init(platform: Platform, values: [String: String] = [:]) {
        self.platform = platform
        for (key, value) in values { self[key] = value }
    }

    /// A value; setting normalises paths (no trailing separator) and ignores empty text.
    subscript(name: String) -> String? {
        get { values[name] }
        set {
            guard let newValue, !newValue.isEmpty else { return }
            values[name] = Self.isPathName(name) ? Self.trimmingSeparators(newValue) : newValue
        }
    }

    /// A copy with `more` laid over these values.
    func adding(_ more: [String: String]) -> Placeholders {
        var copy = self
        for (key, value) in more { copy[key] = value }
        return copy
    }

    /// `template` with every `{name}` (or `{name|words}`) replaced; text, never a command.
    func fill(_ template: String) -> String {
        substitute(template) { name, words in
            values[name] ?? proseDefault(name) ?? words ?? Self.words[name] ?? "(not shown in the log)"
        } ?? template
    }

    /// `command` with every placeholder replaced and quoted for the shell, or `nil` when one
    /// has no value at all (the command is then not shown).
    func fillCommand(_ command: String) -> String? {
        substitute(command) { name, _ in
            if let value = values[name] { return quote(value) }
            return commandDefault(name)
        }
    }

    /// Replaces each `{name}` / `{name|words}` with `value(name, words)`; `nil` when one gives `nil`.
    func substitute(_ template: String, _ value: (String, String?) -> String?) -> String? {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            var close = rest.index(afterOpen, offsetBy: name.count)
            var words: String?
            if !name.isEmpty, close < rest.endIndex, rest[close] == "|", let end = rest[close...].firstIndex(of: "}") {
                words = String(rest[rest.index(after: close)..<end])
                close = end
            }
            guard !name.isEmpty, close < rest.endIndex, rest[close] == "}" else {
                output.append("{")
                rest = rest[afterOpen...]
                continue
            }
            guard let filled = value(String(name), words) else { return nil }
            output += filled
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// Names whose defaults are facts of the installation, not of this log: fine in text.
    private static let environmentNames: Set = ["user", "serviceUser", "config", "logpath", "logdir", "socket", "nextPort"]

    private func proseDefault(_ name: String) -> String? {
        Self.environmentNames.contains(name) ? commandDefault(name) : nil
    }

    /// The placeholders of `template` that need a value: `{name}`, but not `{name|words}`, which
    /// says in words what is unknown.
    static func names(in template: String) -> [String] {
        var names: [String] = []
        _ = Placeholders(platform: .linux).substitute(template) { name, words in
            if words == nil { names.append(name) }
            return ""
        }
        return names
    }

    private func commandDefault(_ name: String) -> String? {
        if name == "socket" { return "/tmp/mongodb-\(values["port"] ?? "27017").sock" }
        if name == "nextPort" { return String((values["port"].flatMap { Int($0) } ?? 27017) + 1) }
        guard let value = Self.defaults[platform]?[name] else { return nil }
        guard value.contains("{version}") else { return value }
        // Windows installs under Server\<major.minor>\: known only when the log shows the version.
        guard let version = values["serverVersion"] else { return nil }
        let majorMinor = version.split(separator: ".").prefix(2).joined(separator: ".")
        return value.replacingOccurrences(of: "{version}", with: majorMinor)
    }

    /// How text names a value the log does not give.
    private static let words: [String: String] = [
        "dbpath": "the data directory", "port": "(the log does not show which port)",
        "path": "the file named in the log", "version": "(the log does not show which)",
        "required": "the version this mongod needs", "previousVersion": "a newer version",
        "serverVersion": "this version", "option": "(the log does not show which option)",
        "detail": "(no detail in the log)", "line": "(the line the error names)",
        "column": "(the column the error names)", "lockFile": "mongod.lock",
        "currentValue": "(not shown)", "recommendedMinimum": "the recommended minimum",
        "message": "(no message)", "container": "the container",
        "config": "the config file (mongod.cfg)", "logpath": "the log file", "logdir": "the log directory",
    ]

    /// Per-platform defaults, written as shell text.
    private static let defaults: [Platform: [String: String]] = [
        .linux: [
            "dbpath": "/data/db", "port": "27017", "user": "$USER", "serviceUser": "mongodb",
            "config": "/etc/mongod.conf", "logpath": "/var/log/mongodb/mongod.log", "logdir": "/var/log/mongodb",
        ],
        .macos: [
            "dbpath": "/data/db", "port": "27017", "user": "$USER", "serviceUser": "$USER",
            "config": "$(brew --prefix)/etc/mongod.conf", "logpath": "$(brew --prefix)/var/log/mongodb/mongo.log",
            "logdir": "$(brew --prefix)/var/log/mongodb",
        ],
        .windows: [
            "dbpath": #"C:\data\db"#, "port": "27017", "user": "%USERNAME%", "serviceUser": #""NT AUTHORITY\NetworkService""#,
            "config": #""C:\Program Files\MongoDB\Server\{version}\bin\mongod.cfg""#,
            "logpath": #""C:\Program Files\MongoDB\Server\{version}\log\mongod.log""#,
            "logdir": #""C:\Program Files\MongoDB\Server\{version}\log""#,
        ],
    ]

    /// Quotes `value` for the platform's shell when it holds anything but plain path characters.
    func quote(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_@%+=:,./-".contains($0)) }
        switch platform {
        case .windows:
            // cmd treats these as separators or redirections unless inside quotes (quotes do not stop
            // %VAR% expansion, which the %USERNAME% default relies on).
            let special: Set<Character> = [" ", "\"", "&", "|", "^", "<", ">", "(", ")"]
            if plain || !value.contains(where: special.contains) {
                return value
            }
            return "\"\(value.replacingOccurrences(of: "\"", with: "\"\""))\""
        case .linux, .macos:
            return plain ? value : "'\(value.replacingOccurrences(of: "'", with: #"'\''"#))'"
        }
    }

    private static func isPathName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix("path") || lower.hasSuffix("dir")
    }

    /// `C:\data\db\` → `C:\data\db`; keeps `/` and `C:\`.
    private static func trimmingSeparators(_ path: String) -> String {
        var result = path
        while result.count > 1, let last = result.last, last == "/" || last == "\\" {
            if result.count == 3, result.dropFirst().first == ":" { break }
            result.removeLast()
        }
        return result
    }
}
