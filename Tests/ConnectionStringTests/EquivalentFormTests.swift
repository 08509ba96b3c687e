import ConnectionString
import Testing

/// The rewrites that keep a valid string's meaning for libmongoc (issue 8): only where provable.
@Suite("EquivalentForm")
struct EquivalentFormTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String?
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        Case(input: "mongodb://h:27017?tls=true", expected: "mongodb://h:27017/?tls=true"),
        Case(input: "mongodb://app:pw@h/admin.shoe", expected: "mongodb://app:pw@h/?authSource=admin.shoe"),
        Case(input: "mongodb://app:pw@h/admin.shoe?w=1", expected: "mongodb://app:pw@h/?w=1&authSource=admin.shoe"),
        // authSource already given, or no credentials: the dotted path database is not the auth database.
        Case(input: "mongodb://app:pw@h/a.b?authSource=admin", expected: "mongodb://app:pw@h/?authSource=admin"),
        Case(input: "mongodb://%2Ftmp%2Fmongodb-27017.sock/admin.sock", expected: "mongodb://%2Ftmp%2Fmongodb-27017.sock/"),
        Case(input: "mongodb://h/?authMechanism=MONGODB-X509&w=1", expected: nil),
        Case(input: "mongodb://h/?wTimeoutMS=invalid&w=1", expected: "mongodb://h/?w=1"),
        Case(input: "mongodb://h/?w=1&zlibCompressionLevel=10&compressors=zlib", expected: "mongodb://h/?w=1&compressors=zlib"),
        Case(input: "mongodb://h/?w=1;journal=true", expected: "mongodb://h/?w=1&journal=true"),
        Case(input: "mongodb://h/?wtimeout=5&wTimeoutMS=10", expected: "mongodb://h/?wTimeoutMS=10"),
        // Nothing to rewrite, or not valid to begin with.
        Case(input: "mongodb://h/?w=1", expected: nil),
        Case(input: "mongodb://h:99999/", expected: nil),
    ]

    @Test("rewrite", arguments: cases)
    func rewrite(_ test: Case) throws {
        let form = EquivalentForm.of(test.input)
        #expect(form?.uri == test.expected)
        guard let form else { return }
        #expect(!form.changes.isEmpty)
        // Same meaning: same hosts and credentials, the same options but for the ignored ones.
        let before = try ConnectionString.parse(test.input)
        let after = try ConnectionString.parse(form.uri)
        #expect(before.hosts == after.hosts)
        #expect(before.auth?.username == after.auth?.username && before.auth?.password == after.auth?.password)
        for (key, value) in before.options { #expect(after.options[key] == value, "\(key)") }
    }

    @Test("the redacted form masks the password")
    func redacted() throws {
        let form = try #require(EquivalentForm.of("mongodb://app:S3cr3tPass@h:27017?tls=true"))
        #expect(form.redacted == "mongodb://app:*****@h:27017/?tls=true")
        #expect(!form.changes.joined().contains("S3cr3tPass"))
    }
}
