import ConnectionString
import Testing

@Suite("ConnectionString parsing")
struct ParserTests {
    /// An option as written, and the canonical key and value it must be stored under.
    struct OptionCase: Sendable, CustomTestStringConvertible {
        var query: String
        var key: String
        var value: URIOptionValue
        var warns: Bool
        var testDescription: String { query }
    }

    static let optionCases: [OptionCase] = [
        OptionCase(query: "ssl=true", key: "tls", value: .bool(true), warns: false),
        OptionCase(query: "SSL=false", key: "tls", value: .bool(false), warns: false),
        OptionCase(query: "j=true", key: "journal", value: .bool(true), warns: true),
        OptionCase(query: "wtimeout=500", key: "wTimeoutMS", value: .int(500), warns: true),
        OptionCase(query: "sslAllowInvalidHostnames=true", key: "tlsAllowInvalidHostnames", value: .bool(true), warns: true),
        OptionCase(query: "authsource=admin", key: "authSource", value: .string("admin"), warns: false),
        OptionCase(query: "APPNAME=doctor", key: "appName", value: .string("doctor"), warns: false),
        OptionCase(query: "w=majority", key: "w", value: .string("majority"), warns: false),
        OptionCase(query: "w=2", key: "w", value: .int(2), warns: false),
        OptionCase(query: "retryWrites=1", key: "retryWrites", value: .bool(true), warns: true),
        OptionCase(query: "readPreference=secondarypreferred", key: "readPreference", value: .string("secondaryPreferred"), warns: true),
        OptionCase(query: "compressors=zstd,lz4,zlib", key: "compressors", value: .strings(["zstd", "zlib"]), warns: true),
        OptionCase(query: "maxStalenessSeconds=-1", key: "maxStalenessSeconds", value: .int(-1), warns: false),
        OptionCase(query: "zlibCompressionLevel=-1", key: "zlibCompressionLevel", value: .int(-1), warns: false),
        OptionCase(query: "appName=my%20app%26co", key: "appName", value: .string("my app&co"), warns: false),
        OptionCase(query: "readPreference=nearest&readPreferenceTags=dc:ny&readPreferenceTags=", key: "readPreferenceTags",
                   value: .tags([["dc": "ny"], [:]]), warns: false),
    ]

    @Test("options are stored under canonical names", arguments: optionCases)
    func canonicalOption(_ test: OptionCase) throws {
        let parsed = try ConnectionString.parse("mongodb://localhost/?\(test.query)")
        #expect(parsed.options[test.key] == test.value, "options: \(parsed.options)")
        #expect(parsed.warnings.isEmpty == !test.warns, "warnings: \(parsed.warnings.map(\.message))")
    }

    @Test("option(_:) looks names up ignoring case and aliases")
    func optionLookup() throws {
        let parsed = try ConnectionString.parse("mongodb://localhost/?SSL=true&wtimeoutms=10")
        #expect(parsed.option("ssl") == .bool(true))
        #expect(parsed.option("TLS") == .bool(true))
        #expect(parsed.option("wTimeoutMS") == .int(10))
        #expect(parsed.option("nonsense") == nil)
    }

    /// A connection string and its expected redacted form.
    static let redactions: [(String, String)] = [
        ("mongodb://alice:S3cr3tPass@db.example.com/admin", "mongodb://alice:*****@db.example.com/admin"),
        ("mongodb://alice@db.example.com", "mongodb://alice@db.example.com"),
        ("mongodb://alice:@db.example.com", "mongodb://alice:@db.example.com"),
        ("mongodb://h/?tls=true&tlsCertificateKeyFilePassword=S3cr3tPass&appName=x",
         "mongodb://h/?tls=true&tlsCertificateKeyFilePassword=*****&appName=x"),
        ("mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=S3cr3tPass", "mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=*****"),
        ("mongodb://h/?sslClientCertificateKeyPassword=S3cr3tPass", "mongodb://h/?sslClientCertificateKeyPassword=*****"),
    ]

    @Test("redacted masks the password and secret options", arguments: redactions)
    func redaction(_ input: String, _ expected: String) throws {
        let parsed = try ConnectionString.parse(input)
        #expect(parsed.redacted == expected)
        #expect(!"\(parsed)".contains("S3cr3tPass"))
        #expect(!String(reflecting: parsed).contains("S3cr3tPass"))
        var dumped = ""
        dump(parsed, to: &dumped)
        #expect(!dumped.contains("S3cr3tPass"))
    }

    @Test("errors never show the password", arguments: [
        "mongodb://admin:S3cr3t@Pass@localhost/",
        "mongodb://admin:S3cr3t:Pass@localhost/",
        "mongodb://admin:S3cr3t/Pass@localhost/",
        "mongodb://admin:S3cr3t%Pass@localhost/",
        "mongodb://admin:S3cr3tPass@localhost:99999/",
        "mongodb+srv://admin:S3cr3tPass@a.example.com,b.example.com/",
    ])
    func errorDescription(_ input: String) {
        #expect {
            try ConnectionString.parse(input)
        } throws: { error in
            guard let error = error as? URIError else { return false }
            return error.issue.severity == .error && !"\(error)".contains("S3cr3t")
                && error.issue.suggestion?.contains("S3cr3t") != true
        }
    }

    @Test("hosts are typed and decoded")
    func hosts() throws {
        let parsed = try ConnectionString.parse("mongodb://10.0.0.1:27018,[fe80::1]:27019,db.example.com,%2Ftmp%2Fm.sock/?replicaSet=rs")
        #expect(parsed.hosts == [
            .init(type: .ipv4, host: "10.0.0.1", port: 27018),
            .init(type: .ipLiteral, host: "fe80::1", port: 27019),
            .init(type: .hostname, host: "db.example.com"),
            .init(type: .unix, host: "/tmp/m.sock"),
        ])
        #expect(parsed.hosts.map(\.description) == ["10.0.0.1:27018", "[fe80::1]:27019", "db.example.com", "%2Ftmp%2Fm.sock"])
        #expect(parsed.auth == nil)
        #expect(parsed.scheme == .mongodb)
    }

    @Test("credentials are percent-decoded")
    func credentials() throws {
        let parsed = try ConnectionString.parse("mongodb+srv://build%2Fbot:p%40ss%3Aw%2Fd@cluster0.example.net/my%3Ddb")
        #expect(parsed.scheme == .mongodbSRV)
        #expect(parsed.auth == .init(username: "build/bot", password: "p@ss:w/d", db: "my=db"))
        #expect(parsed.redacted == "mongodb+srv://build%2Fbot:*****@cluster0.example.net/my%3Ddb")
    }

    @Test("duplicate keys warn and the last value wins")
    func duplicates() throws {
        let parsed = try ConnectionString.parse("mongodb://h/?appName=a&appName=b")
        #expect(parsed.options["appName"] == .string("b"))
        #expect(parsed.warnings.map(\.id) == ["uri.duplicate-option"])
    }
}

@Suite struct SessionTokenRedactionTests {
    @Test func awsSessionTokenNeverShowsInRedactedForms() throws {
        let uri = "mongodb://AKIAEXAMPLE:wJalrXUtnFEMI@h/?authMechanism=MONGODB-AWS&authSource=$external"
            + "&authMechanismProperties=AWS_SESSION_TOKEN:FwoGZXIvYXdzEXAMPLETOKEN"
        let parsed = try ConnectionString.parse(uri)
        for text in [parsed.redacted, parsed.description, String(reflecting: parsed)] {
            #expect(!text.contains("FwoGZXIvYXdzEXAMPLETOKEN"), "\(text)")
            #expect(!text.contains("wJalrXUtnFEMI"))
        }
        #expect(parsed.redacted.contains("AWS_SESSION_TOKEN:*****"))
    }
}
