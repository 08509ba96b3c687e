import ConnectionString
import Testing

/// One realistic mistake and the finding the linter must report for it.
struct LintCase: Sendable, CustomTestStringConvertible {
    /// The input, as a user would paste it.
    var input: String
    /// The expected issue id.
    var id: String
    /// The expected severity of that issue.
    var severity: URIIssue.Severity
    /// A secret that must appear in no message and no suggestion.
    var secret: String?
    /// Expected offset of the issue, when checked.
    var position: Int?
    /// A text the suggestion must contain, when checked.
    var suggestion: String?

    var testDescription: String { "\(id): \(input.debugDescription)" }
}

@Suite("URILinter findings")
struct LintTests {
    static let cases: [LintCase] = [
        // A '?' inside the password, followed by text that looks like an option: no fragment of it may show.
        LintCase(input: "mongodb://u:pa?Qx9=Zr@h", id: "uri.unescaped-char", severity: .error, secret: "Qx9"),
        // An unescaped '&' in a secret option's value: the tail must not be quoted as an option name.
        LintCase(input: "mongodb://h/?tls=true&tlsCertificateKeyFilePassword=Pa&ss123", id: "uri.unescaped-char",
                 severity: .error, secret: "ss123"),
        LintCase(input: "\"mongodb://app:S3cr3tPass@db.example.com:27017/prod\"", id: "uri.quoted", severity: .error,
                 secret: "S3cr3tPass", position: 0, suggestion: "mongodb://app:*****@db.example.com:27017/prod"),
        LintCase(input: "'mongodb+srv://app:S3cr3tPass@cluster0.ab1cd.mongodb.net/?retryWrites=true'", id: "uri.quoted",
                 severity: .error, secret: "S3cr3tPass", position: 0),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost:27017/admin\n", id: "uri.whitespace", severity: .error,
                 secret: "S3cr3tPass", position: 46),
        LintCase(input: "  mongodb://app:S3cr3tPass@localhost:27017", id: "uri.whitespace", severity: .error,
                 secret: "S3cr3tPass", position: 0),
        LintCase(input: "mongodb://app:S3cr3tPass@local\nhost:27017", id: "uri.whitespace", severity: .error,
                 secret: "S3cr3tPass", position: 30),
        LintCase(input: "postgres://app:S3cr3tPass@db.internal:5432/prod", id: "uri.bad-scheme", severity: .error,
                 secret: "S3cr3tPass", position: 0, suggestion: "mongodb://app:*****@db.internal:5432/prod"),
        LintCase(input: "http://app:S3cr3tPass@localhost:27017", id: "uri.bad-scheme", severity: .error,
                 secret: "S3cr3tPass", suggestion: "mongodb://app:*****@localhost:27017"),
        LintCase(input: "localhost:27017", id: "uri.bad-scheme", severity: .error, suggestion: "mongodb://localhost:27017"),
        LintCase(input: "MONGODB_URI=mongodb+srv://app:S3cr3tPass@cluster0.ab1cd.mongodb.net/", id: "uri.bad-scheme",
                 severity: .error, secret: "S3cr3tPass", suggestion: "mongodb+srv://app:*****@cluster0"),
        LintCase(input: "mongodb://user:p@ss@localhost/", id: "uri.unescaped-at", severity: .error,
                 secret: "p@ss", position: 16, suggestion: "mongodb://user:*****@localhost/"),
        LintCase(input: "mongodb://alice@example.com:S3cr3tPass@localhost/", id: "uri.unescaped-at", severity: .error,
                 secret: "S3cr3tPass", position: 15, suggestion: "mongodb://alice%40example.com:*****@localhost/"),
        LintCase(input: "mongodb://admin:pa:ss@localhost/", id: "uri.unescaped-char", severity: .error,
                 secret: "pa:ss", position: 18, suggestion: "mongodb://admin:*****@localhost/"),
        LintCase(input: "mongodb://admin:Tr0ub/4dor@db1.example.com:27017/admin", id: "uri.unescaped-char", severity: .error,
                 secret: "Tr0ub/4dor", position: 21, suggestion: "mongodb://admin:*****@db1.example.com:27017/admin"),
        LintCase(input: "mongodb://build/bot:S3cr3tPass@localhost/", id: "uri.unescaped-char", severity: .error,
                 secret: "S3cr3tPass", position: 15, suggestion: "mongodb://build%2Fbot:*****@localhost/"),
        LintCase(input: "mongodb://admin:what?ever@localhost/", id: "uri.unescaped-char", severity: .error,
                 secret: "what?ever", position: 20),
        LintCase(input: "mongodb://admin:100%sure@localhost/", id: "uri.bad-escape", severity: .error,
                 secret: "100%sure", position: 19),
        LintCase(input: "mongodb://sa%zzmin:S3cr3tPass@localhost/", id: "uri.bad-escape", severity: .error,
                 secret: "S3cr3tPass", position: 12),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost:27O17/", id: "uri.bad-port", severity: .error,
                 secret: "S3cr3tPass", position: 35),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost:0/", id: "uri.bad-port", severity: .error, secret: "S3cr3tPass"),
        LintCase(input: "mongodb://db1:27017,db2:70000/?replicaSet=rs0", id: "uri.bad-port", severity: .error, position: 24),
        LintCase(input: "mongodb://h:27017?tls=true", id: "uri.missing-slash", severity: .warning, position: 17,
                 suggestion: "mongodb://h:27017/?tls=true"),
        LintCase(input: "mongodb://app:S3cr3tPass@db1.example.com:27017?replicaSet=rs0", id: "uri.missing-slash",
                 severity: .warning, secret: "S3cr3tPass", suggestion: "mongodb://app:*****@db1.example.com:27017/?replicaSet=rs0"),
        LintCase(input: "mongodb+srv://app:S3cr3tPass@cluster0.ab1cd.mongodb.net:27017/", id: "uri.srv-port",
                 severity: .error, secret: "S3cr3tPass", position: 55),
        LintCase(input: "mongodb+srv://app:S3cr3tPass@db1.example.com,db2.example.com/", id: "uri.srv-multiple-hosts",
                 severity: .error, secret: "S3cr3tPass"),
        LintCase(input: "mongodb+srv://app:S3cr3tPass@cluster0.ab1cd.mongodb.net/?directConnection=true",
                 id: "uri.srv-direct-connection", severity: .error, secret: "S3cr3tPass"),
        LintCase(input: "mongodb://app:S3cr3tPass@db1:27017,db2:27017/?replicaSet=rs0&directConnection=true",
                 id: "uri.multiple-hosts-direct-connection", severity: .error, secret: "S3cr3tPass"),
        LintCase(input: "mongodb:///tmp/mongodb-27017.sock", id: "uri.raw-unix-socket", severity: .error, position: 10,
                 suggestion: "mongodb://%2Ftmp%2Fmongodb-27017.sock"),
        LintCase(input: "mongodb://app:S3cr3tPass@/var/run/mongodb.sock/admin", id: "uri.raw-unix-socket", severity: .error,
                 secret: "S3cr3tPass", suggestion: "mongodb://app:*****@%2Fvar%2Frun%2Fmongodb.sock/admin"),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost/?retryWrite=true", id: "uri.unknown-option", severity: .warning,
                 secret: "S3cr3tPass", position: 36, suggestion: "retryWrites"),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost/?authsourse=admin", id: "uri.unknown-option", severity: .warning,
                 secret: "S3cr3tPass", suggestion: "authSource"),
        LintCase(input: "mongodb://localhost/?proxyHost=p&proxyUsername=u&proxyPasword=S3cr3tPass", id: "uri.unknown-option",
                 severity: .warning, secret: "S3cr3tPass", suggestion: "proxyPassword"),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost/?serverSelectionTimeoutMS=5s", id: "uri.invalid-option-value",
                 severity: .warning, secret: "S3cr3tPass"),
        LintCase(input: "mongodb://h/?tlsCertificateKeyFilePassword=S3cr3tPass&tlsCertificateKeyFilePassword=",
                 id: "uri.invalid-option-value", severity: .warning, secret: "S3cr3tPass"),
        LintCase(input: "mongodb://localhost/?readPreference=secondaryPrefered", id: "uri.invalid-option-value",
                 severity: .warning, position: 36),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost/?tls=true&ssl=false", id: "uri.conflicting-options",
                 severity: .error, secret: "S3cr3tPass", position: 45),
        LintCase(input: "mongodb://localhost/?tlsInsecure=true&tlsAllowInvalidCertificates=true", id: "uri.conflicting-options",
                 severity: .error),
        LintCase(input: "mongodb://lb.example.com/?loadBalanced=true&directConnection=true", id: "uri.conflicting-options",
                 severity: .error),
        LintCase(input: "mongodb://app:S3cr3tPass@localhost/?w", id: "uri.invalid", severity: .error,
                 secret: "S3cr3tPass", position: 36),
        LintCase(input: "mongodb://app:S3cr3tPass@", id: "uri.invalid", severity: .error, secret: "S3cr3tPass"),
        LintCase(input: "mongodb://localhost/my db", id: "uri.invalid", severity: .error),
        LintCase(input: "mongodb://app:S3cr3tPass@h/?appName=a&appName=b", id: "uri.duplicate-option", severity: .warning,
                 secret: "S3cr3tPass", position: 38),
        LintCase(input: "mongodb://app:S3cr3tPass@h/?j=true", id: "uri.deprecated-option", severity: .warning,
                 secret: "S3cr3tPass", suggestion: "journal=true"),
        LintCase(input: "mongodb://app:S3cr3tPass@h/?proxyHost=p&proxyUsername=u&sslClientCertificateKeyPassword=S3cr3tPass",
                 id: "uri.invalid", severity: .error, secret: "S3cr3tPass"),
        LintCase(input: "mongodb://x509user:S3cr3tPass@localhost/?authMechanism=MONGODB-X509", id: "uri.invalid",
                 severity: .error, secret: "S3cr3tPass"),
        // Issue 8: quotes around the host and the database are one finding, and the fix removes them all.
        LintCase(input: "mongodb://\"db1.example.com\":27017/\"app\"", id: "uri.quoted", severity: .error, position: 10,
                 suggestion: "mongodb://db1.example.com:27017/app"),
        LintCase(input: "mongodb://app:S3cr3tPass@'db1.example.com','db2.example.com'/?replicaSet='rs0'", id: "uri.quoted",
                 severity: .error, secret: "S3cr3tPass", position: 25,
                 suggestion: "mongodb://app:*****@db1.example.com,db2.example.com/?replicaSet=rs0"),
        // A stray quote after an option value names the option it spoils.
        LintCase(input: "mongodb://app:S3cr3tPass@h/?appName=shop\"", id: "uri.quoted", severity: .error, secret: "S3cr3tPass",
                 position: 40, suggestion: "mongodb://app:*****@h/?appName=shop"),
        // The tls=false notes are not conflicts (the spec accepts them): their own warning id.
        LintCase(input: "mongodb://h/?tls=false&tlsCAFile=/etc/ca.pem", id: "uri.ineffective-option", severity: .warning),
        LintCase(input: "mongodb://h/?readPreferenceTags=dc:ny", id: "uri.ineffective-option", severity: .warning),
        LintCase(input: "mongodb://app:pa#ss@h/", id: "uri.risky-char", severity: .warning, secret: "pa#ss"),
        // The legacy ';' separator is read, with a warning.
        LintCase(input: "mongodb://app:S3cr3tPass@h/?w=1;journal=true", id: "uri.deprecated-option", severity: .warning,
                 secret: "S3cr3tPass", position: 31),
    ]

    @Test("lint finds the mistake", arguments: cases)
    func finding(_ test: LintCase) {
        let result = URILinter.lint(test.input)
        let issue = result.issues.first { $0.id == test.id }
        #expect(issue != nil, "issues: \(result.issues.map { "\($0.id): \($0.message)" })")
        guard let issue else { return }
        #expect(issue.severity == test.severity)
        #expect(!issue.message.isEmpty && !issue.message.contains("\n"))
        if let position = test.position { #expect(issue.position == position) }
        if let expected = test.suggestion { #expect(issue.suggestion?.contains(expected) == true, "suggestion: \(issue.suggestion ?? "nil")") }
        if let secret = test.secret {
            for finding in result.issues {
                #expect(!finding.message.contains(secret))
                #expect(finding.suggestion?.contains(secret) != true)
            }
            #expect(result.connectionString.map { !$0.redacted.contains(secret) } ?? true)
        }
        #expect(result.isValid == !result.issues.contains { $0.severity == .error })
    }

    @Test("a clean connection string has no findings", arguments: [
        "mongodb://app:S3cr3tPass@db1.example.com:27017,db2.example.com:27017/prod?replicaSet=rs0&authSource=admin",
        "mongodb+srv://app:S3cr3tPass@cluster0.ab1cd.mongodb.net/?retryWrites=true&w=majority&appName=Cluster0",
        "mongodb://%2Ftmp%2Fmongodb-27017.sock/?directConnection=true",
    ])
    func clean(_ input: String) {
        let result = URILinter.lint(input)
        #expect(result.issues.isEmpty, "\(result.issues.map(\.message))")
        #expect(result.isValid)
        #expect(result.connectionString != nil)
    }

    @Test("quoted input is parsed but is invalid for a driver")
    func quotedStillParses() {
        let result = URILinter.lint("\"mongodb://localhost:27017/?tls=true\"")
        #expect(!result.isValid)
        #expect(result.connectionString?.options["tls"] == .bool(true))
        #expect(result.connectionString?.hosts.first?.port == 27017)
    }

    @Test("a severity is decided by the id alone, in URIIssueID.severities", arguments: cases.map(\.input) + [
        "mongodb://h/?tls=false&tlsCAFile=/etc/ca.pem", "mongodb://localhost/?tlsInsecure=true&tlsAllowInvalidCertificates=true",
    ])
    func severityComesFromTheTable(_ input: String) {
        for issue in URILinter.lint(input).issues {
            #expect(URIIssueID.severities[issue.id] == issue.severity, "\(issue.id): \(issue.message)")
        }
    }

    @Test("uri.conflicting-options is always an error")
    func conflictingIsAnError() {
        #expect(URIIssueID.severity(of: URIIssueID.conflictingOptions) == .error)
        #expect(URIIssueID.severity(of: URIIssueID.driverRejects) == .warning)
    }

    @Test("one defect of several hosts is reported once, naming the hosts")
    func perHostDefectsMerge() {
        let hosts = (1...11).map { "shard-\($0).example.net:27017" }.joined(separator: ",")
        let result = URILinter.lint("mongodb+srv://app:S3cr3tPass@\(hosts)/")
        let ports = result.issues.filter { $0.id == "uri.srv-port" }
        #expect(ports.count == 1)
        #expect(ports.first?.message.contains("'shard-1.example.net'") == true)
        #expect(ports.first?.message.contains("and 'shard-11.example.net'") == true)
        let bad = URILinter.lint("mongodb://a:0,b:0,c:27017/").issues.filter { $0.id == "uri.bad-port" }
        #expect(bad.map(\.message) == ["port 0 of hosts 'a' and 'b' is out of range: expected 1-65535"])
    }

    @Test("an '@' in the database name is the database's, never the password's")
    func atInDatabase() throws {
        let result = URILinter.lint("mongodb://app:S3cr3tPass@db1.example.com/sales@2024?authSource=admin")
        #expect(result.isValid, "\(result.issues.map(\.message))")
        let parsed = try #require(result.connectionString)
        #expect(parsed.auth?.password == "S3cr3tPass")
        #expect(parsed.auth?.db == "sales@2024")
        #expect(parsed.hosts.map(\.host) == ["db1.example.com"])
        // With a host list after the second '@', it is still a password with an unescaped '/'.
        #expect(URILinter.lint("mongodb://u:p@ss/word@db1:27017/admin").issues.contains { $0.id == "uri.unescaped-char" })
    }

    @Test("the legacy ';' separator is read; a ';' inside a value stays")
    func legacySeparator() throws {
        let parsed = try #require(URILinter.lint("mongodb://h/?w=majority;journal=true;appName=a;b").connectionString)
        #expect(parsed.options["w"] == .string("majority"))
        #expect(parsed.options["journal"] == .bool(true))
        #expect(parsed.options["appName"] == .string("a;b"))
    }

    @Test("password findings point at --encode-password; others do not")
    func passwordFix() {
        let at = URILinter.lint("mongodb://u:p@ss@h/").issues.first { $0.id == "uri.unescaped-at" }
        #expect(at?.passwordFix == true)
        let user = URILinter.lint("mongodb://build/bot:pw@localhost/").issues.first { $0.id == "uri.unescaped-char" }
        #expect(user?.passwordFix == false)
    }

    @Test("positions of inner findings count the stripped quote and whitespace")
    func shiftedPositions() {
        let result = URILinter.lint(" 'mongodb://localhost:27O17'")
        let port = result.issues.first { $0.id == "uri.bad-port" }
        #expect(port?.position == 22)
        #expect(result.issues.map(\.id).contains("uri.whitespace"))
        #expect(result.issues.map(\.id).contains("uri.quoted"))
    }
}
