public import ConnectionString
public import DoctorCore

/// The `"uri"` section that `mongo-doctor uri --json` adds to the report (keys are API).
public enum URIReportSection {
    /// `{"valid", "driverAccepts", "driverError", "scheme", "hosts", "auth", "options", "warnings"}` for a
    /// lint result: `valid` is the specification's verdict, `driverAccepts`/`driverError` libmongoc's
    /// (its error with the secrets removed). Never holds the password.
    public static func value(for lint: URILintResult, driver: DriverURIOpinion) -> JSONValue {
        let parsed = lint.connectionString
        let hosts: JSONValue = .array((parsed?.hosts ?? []).map { host in
            .object([("type", .string(host.type.rawValue)), ("host", .string(host.host)),
                     ("port", host.port.map { .int($0) } ?? .null)])
        })
        let auth: JSONValue = parsed?.auth.map { credentials in
            .object([("username", .string(credentials.username)), ("passwordGiven", .bool(credentials.password != nil)),
                     ("db", .string(credentials.db))])
        } ?? .null
        let options: JSONValue = .object((parsed?.redactedOptions ?? [:]).sorted { $0.key < $1.key }.map { key, value in
            (key, Self.json(value))
        })
        // The parser's messages never quote a secret.
        let warnings: JSONValue = .array(lint.issues.filter { $0.severity == .warning }.map { .string($0.message) })
        return .object([
            ("valid", .bool(lint.isValid)),
            ("driverAccepts", .bool(driver.accepts)), ("driverError", .string(driver.error)),
            ("scheme", .string(parsed?.scheme.rawValue)),
            ("hosts", hosts), ("auth", auth), ("options", options), ("warnings", warnings),
        ])
    }

    static func json(_ value: URIOptionValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .strings(let list): return .array(list.map { .string($0) })
        case .tags(let tags): return .array(tags.map { tag in .object(tag.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }) })
        case .document(let doc):
            return .object(doc.sorted { $0.key < $1.key }.map { key, value in
                (key, .string(value))
            })
        }
    }
}
