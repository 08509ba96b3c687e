import DoctorCore
import Testing

@Suite struct RedactorTests {
    @Test("passwords are masked in URIs, even malformed ones", arguments: [
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
    ])
    func redactURI(input: String, expected: String) {
        #expect(Redactor.redactURI(input) == expected)
    }

    @Test func scrubRemovesRawAndDecodedSecretsFromFreeText() {
        let redactor = Redactor(uri: "mongodb://u:s%40cret-pw@h/")
        let libmongocStyle = "Password \"s@cret-pw\" must not have unescaped chars; raw s%40cret-pw"
        let scrubbed = redactor.scrub(libmongocStyle)
        #expect(!scrubbed.contains("s@cret-pw") && !scrubbed.contains("s%40cret-pw"))
        #expect(scrubbed.contains("*****"))
    }

    @Test func veryShortSecretsAreNotScrubbedFromProse() {
        // A 2-character password would otherwise mangle every word containing it; the URI itself
        // is still redacted structurally.
        let redactor = Redactor(uri: "mongodb://u:ab@h")
        #expect(redactor.scrub("about tabs") == "about tabs")
        #expect(Redactor.redactURI("mongodb://u:ab@h") == "mongodb://u:*****@h")
    }
}
