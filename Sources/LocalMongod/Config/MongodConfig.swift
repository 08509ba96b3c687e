/// One leaf of a mongod configuration file, keyed by its dotted path (`storage.dbPath`).
public struct ConfigEntry: Sendable, Equatable {
    /// Dotted key path.
    public var key: String
    /// The scalar value, or `nil` for a sequence or an empty value.
    public var value: String?
    /// The items of a sequence value.
    public var items: [String]
    /// 1-based line of the key.
    public var line: Int
    /// 1-based column of the key.
    public var column: Int

    /// Creates an entry.
    public init(key: String, value: String?, items: [String] = [], line: Int, column: Int) {
        self.key = key
        self.value = value
        self.items = items
        self.line = line
        self.column = column
    }
}

/// A parsed mongod configuration file: its leaves in file order.
public struct MongodConfig: Sendable, Equatable {
    /// Every leaf, in file order.
    public var entries: [ConfigEntry]

    /// Creates a config.
    public init(entries: [ConfigEntry] = []) { self.entries = entries }

    /// The last entry for `key` (as mongod, a later duplicate wins).
    public func entry(_ key: String) -> ConfigEntry? { entries.last { $0.key == key } }

    /// The scalar value of `key`.
    public func string(_ key: String) -> String? {
        guard let value = entry(key)?.value?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }

    /// A YAML boolean (`true`/`false`, also `yes`/`no`/`on`/`off`).
    public func bool(_ key: String) -> Bool? {
        switch string(key)?.lowercased() {
        case "true", "yes", "on", "y": true
        case "false", "no", "off", "n": false
        default: nil
        }
    }

    /// An integer value.
    public func int(_ key: String) -> Int? { string(key).flatMap { Int($0) } }

    /// A comma-separated list or a sequence (`net.bindIp`).
    public func list(_ key: String) -> [String]? {
        guard let entry = entry(key) else { return nil }
        let raw = entry.value.map { $0.split(separator: ",").map(String.init) } ?? entry.items
        let cleaned = raw.map(\.trimmingSpaces).filter { !$0.isEmpty }
        return cleaned.isEmpty ? nil : cleaned
    }

    /// `file line N` for evidence.
    func origin(_ key: String, file: String) -> String {
        entry(key).map { "\(file) line \($0.line)" } ?? file
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }
}
