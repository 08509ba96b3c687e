import ConnectionString
import Redaction
import Testing

@Suite struct URIRedactionTests {
    @Test("passwords and secret options are masked in URIs, even malformed ones", arguments: [
        ("mongodb://app:hunter22@localhost:27017/db", "mongodb://app:*****@localhost:27017/db"),
        ("mongodb://app:p@ss@w0rd@localhost/", "mongodb://app:*****@localhost/"),
        ("mongodb+srv://u:pa/ss@cluster0.example.net/?retryWrites=true", "mongodb+srv://u:*****@cluster0.example.net/?retryWrites=true"),
        ("mongodb://u:pa:ss@h", "mongodb://u:*****@h"),
        ("mongodb://u:pa?Qx9=Zr@h", "mongodb://u:*****@h"),
        ("mongodb://h/?tlsCertificateKeyFilePassword=Pa&ss123&tls=true", "mongodb://h/?tlsCertificateKeyFilePassword=*****&*****&tls=true"),
        ("mongodb://localhost:27017", "mongodb://localhost:27017"),
        ("mongodb://onlyuser@localhost", "mongodb://onlyuser@localhost"),
        ("mongodb://h/?tls=true&tlsCertificateKeyFilePassword=kf-secret", "mongodb://h/?tls=true&tlsCertificateKeyFilePassword=*****"),
        ("\"mongodb://a:quoted-secret@h\"", "\"mongodb://a:*****@h\""),
        ("mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:tok-123,X:y",
         "mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:*****,X:y"),
        ("mongodb://u:pw@h:27017/?appName=me@example", "mongodb://u:*****@h:27017/?appName=me@example"),
        ("redis://:cache-pw@127.0.0.1:6379/0", "redis://:*****@127.0.0.1:6379/0"),
    ])
    func redact(input: String, expected: String) {
        #expect(URIRedaction.redact(input) == expected)
    }

    @Test("the secrets of a URI, parsed or not, are what a scrubber removes", arguments: [
        ("mongodb://u:s%40cret-pw@h/", ["s%40cret-pw"]),
        ("mongodb://u:p@ss@h/", ["p@ss"]),
        ("mongodb://h/?proxyPassword=px-secret&tls=true", ["px-secret"]),
        ("'mongodb://u:quoted-pw@h'", ["quoted-pw"]),
        ("mongodb://h:27017", []),
    ])
    func secrets(uri: String, expected: [String]) {
        #expect(URIRedaction.secrets(in: uri).sorted() == expected.sorted())
    }

    @Test func scrubberRemovesRawAndDecodedSecretsFromFreeText() {
        let scrubber = URIRedaction.scrubber(for: ["mongodb://u:s%40cret-pw@h/"])
        let libmongocStyle = "Password \"s@cret-pw\" must not have unescaped chars; raw s%40cret-pw"
        let scrubbed = scrubber.scrub(libmongocStyle)
        #expect(!scrubbed.contains("s@cret-pw") && !scrubbed.contains("s%40cret-pw"))
        #expect(scrubbed.contains(SecretMask.text))
    }

    @Test func redactedOptionsMaskSecretValuesOnly() throws {
        let parsed = try ConnectionString.parse(
            "mongodb://h/?tls=true&tlsCertificateKeyFilePassword=kf&authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:tk,X:y")
        let options = parsed.redactedOptions
        #expect(options["tlsCertificateKeyFilePassword"] == .string(SecretMask.text))
        #expect(options["tls"] == .bool(true))
        #expect(options["authMechanismProperties"] == .document(["AWS_SESSION_TOKEN": SecretMask.text, "X": "y"]))
    }
}
