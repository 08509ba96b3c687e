/// Decides which MongoDB the run is about, and says where that came from.
///
/// Order: `--uri` > the `MONGODB_URI` environment variable > a `MONGODB_URI=` line in
/// `./.env` (quotes stripped, as dotenv does) > `mongodb://localhost:27017`.
public struct TargetResolver: Sendable {
    /// The resolved target.
    public struct Target: Sendable, Equatable {
        /// The connection string, unredacted (never print it as is).
        public var uri: String
        /// Where it came from: `--uri`, `MONGODB_URI`, `.env`, or `default`.
        public var source: String

        /// Creates a target.
        public init(uri: String, source: String) {
            self.uri = uri
            self.source = source
        }
    }

    /// The default when nothing names a target.
    public static let defaultURI = "mongodb://localhost:27017"
    /// The `source` of the default target.
    public static let defaultSource = "default"

    /// The process environment.
    var environment: [String: String]
    /// Reads `./.env`, or returns `nil` when there is none.
    var readDotEnv: @Sendable () -> String?

    /// Creates a resolver over an environment and a `.env` reader (injected for tests).
    public init(environment: [String: String], readDotEnv: @escaping @Sendable () -> String?) {
        self.environment = environment
        self.readDotEnv = readDotEnv
    }

    /// The target for an optional `--uri` value.
    public func resolve(flag: String?) -> Target {
        if let flag { return Target(uri: flag, source: "--uri") }
        if let env = environment["MONGODB_URI"], !env.isEmpty { return Target(uri: env, source: "MONGODB_URI") }
        if let text = readDotEnv(), let value = Self.dotEnvValue(named: "MONGODB_URI", in: text) {
            return Target(uri: value, source: ".env")
        }
        return Target(uri: Self.defaultURI, source: Self.defaultSource)
    }

    /// The value of `name` in dotenv text: `NAME=value`, optional `export `, matching quotes stripped,
    /// inline ` #` comments dropped for unquoted values. The last assignment wins, as in dotenv.
    public static func dotEnvValue(named name: String, in text: String) -> String? {
        var found: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingSpaces()
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingSpaces() }
            guard let eq = line.firstIndex(of: "="), line[..<eq].trimmingSpaces() == name else { continue }
            var value = String(line[line.index(after: eq)...]).trimmingSpaces()
            if let quote = value.first, quote == "\"" || quote == "'" || quote == "`" {
                let body = value.dropFirst()
                value = body.firstIndex(of: quote).map { String(body[..<$0]) } ?? String(body)
            } else if let hash = value.firstRange(of: " #") {
                value = String(value[..<hash.lowerBound]).trimmingSpaces()
            }
            found = value
        }
        return found.flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
