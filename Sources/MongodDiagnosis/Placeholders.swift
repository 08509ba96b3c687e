import DoctorCore
import Foundation

/// Fills `{name}` placeholders in catalog titles, explanations, summaries and commands.
///
/// Values come, most specific first, from the named groups of the matching rule, the matched
/// line's attributes, facts of the startup (`dbpath`, `port`, `serverVersion`), then
/// per-platform defaults. In commands, values are shell-quoted when needed; defaults are
/// shell text already (`$USER`, `%USERNAME%`) and are inserted as they are. A placeholder
/// with no value at all is shown as `<name>`.
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

    /// `template` with every `{name}` replaced; `forCommand` quotes values for the shell.
    func fill(_ template: String, forCommand: Bool = false) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let close = rest.index(afterOpen, offsetBy: name.count)
            guard !name.isEmpty, close < rest.endIndex, rest[close] == "}" else {
                output.append("{")
                rest = rest[afterOpen...]
                continue
            }
            output += resolve(String(name), forCommand: forCommand)
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    private func resolve(_ name: String, forCommand: Bool) -> String {
        if let value = values[name] { return forCommand ? quote(value) : value }
        if name == "socket" { return "/tmp/mongodb-\(values["port"] ?? "27017").sock" }
        return Self.defaults[platform]?[name] ?? "<\(name)>"
    }

    /// The `{name}` placeholders of `template`, in order.
    static func names(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let close = rest.index(afterOpen, offsetBy: name.count)
            if !name.isEmpty, close < rest.endIndex, rest[close] == "}" { names.append(String(name)) }
            rest = rest[afterOpen...]
        }
        return names
    }

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
            "config": #""C:\Program Files\MongoDB\Server\<version>\bin\mongod.cfg""#,
            "logpath": #""C:\Program Files\MongoDB\Server\<version>\log\mongod.log""#,
            "logdir": #""C:\Program Files\MongoDB\Server\<version>\log""#,
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
