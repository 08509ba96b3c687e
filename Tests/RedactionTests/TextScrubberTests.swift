import ConnectionString
import Redaction
import Testing

@Suite struct TextScrubberTests {
    @Test("short secrets are removed only as whole tokens; long ones anywhere", arguments: [
        ("ab", "about tabs", "about tabs"),
        ("ab", "user ab failed", "user ***** failed"),
        ("27017", "connect to h:27017 failed", "connect to h:***** failed"),
        ("27017", "port 270170 is odd", "port 270170 is odd"),
        ("a", "authentication failed for a", "authentication failed for *****"),
        ("true", "valid=true; untrue", "valid=*****; untrue"),
        ("longsecret99", "xxlongsecret99yy", "xx*****yy"),
        ("p@ss", "pw p@ss@host", "pw *****@host"),
    ])
    func scrub(secret: String, text: String, expected: String) {
        #expect(TextScrubber(secrets: [secret]).scrub(text) == expected)
    }

    @Test func percentEncodedSecretsAreRemovedInBothForms() {
        let scrubber = TextScrubber(secrets: ["pa%3Ass"])
        #expect(scrubber.scrub("pa:ss and pa%3Ass") == "***** and *****")
    }

    @Test func aSecretContainingAnotherIsRemovedWhole() {
        let scrubber = TextScrubber(secrets: ["abc", "abcdef-long-secret"])
        #expect(scrubber.scrub("x abcdef-long-secret y abc") == "x ***** y *****")
    }

    @Test func emptyAndMaskSecretsAreIgnored() {
        #expect(TextScrubber(secrets: ["", SecretMask.text]).secrets.isEmpty)
        #expect(TextScrubber.none.scrub("anything") == "anything")
    }
}

@Suite struct SecretNamesTests {
    @Test("configuration keys", arguments: [
        ("net.tls.certificateKeyFilePassword", true), ("security.ldap.bind.queryPassword", true),
        ("security.keyFile", false), ("net.tls.certificateKeyFile", false), ("storage.dbPath", false),
        ("net.port", false), ("security.kmip.clientCertificatePassword", true), ("apiToken", true),
    ])
    func configKeys(key: String, secret: Bool) {
        #expect(SecretNames.isSecret(configKey: key) == secret)
    }

    @Test("command-line options", arguments: [
        ("-p", true), ("--password", true), ("--requirepass", true), ("--auth-token=x", true), ("--api-key", true),
        ("--keyFile", false), ("--tlsCertificateKeyFile", false), ("--port", false), ("--dbpath", false), ("value", false),
    ])
    func options(argument: String, secret: Bool) {
        #expect(SecretNames.isSecret(option: argument) == secret)
    }

    @Test("environment variables", arguments: [
        ("MONGO_INITDB_ROOT_PASSWORD", true), ("AWS_SESSION_TOKEN", true), ("AWS_SECRET_ACCESS_KEY", true),
        ("MONGODB_URI", false), ("PATH", false), ("HOME", false), ("PGPASSFILE", false),
    ])
    func environment(name: String, secret: Bool) {
        #expect(SecretNames.isSecret(environmentName: name) == secret)
    }
}

@Suite struct CommandLineRedactorTests {
    @Test("argv", arguments: [
        (["mongod", "--port", "27017"], ["mongod", "--port", "27017"]),
        (["redis-server", "--requirepass", "s3cret"], ["redis-server", "--requirepass", "*****"]),
        (["app", "--password=s3cret", "-p", "x"], ["app", "--password=*****", "-p", "*****"]),
        (["node", "app.js", "mongodb://u:pw@h/db"], ["node", "app.js", "mongodb://u:*****@h/db"]),
        (["mongod", "--keyFile", "/etc/key"], ["mongod", "--keyFile", "/etc/key"]),
    ])
    func arguments(argv: [String], expected: [String]) {
        #expect(URIRedaction.commandLine.redact(arguments: argv) == expected)
    }

    @Test func environmentValues() {
        let redactor = CommandLineRedactor()
        #expect(redactor.redact(environmentValue: "hunter2", name: "DB_PASSWORD") == SecretMask.text)
        #expect(redactor.redact(environmentValue: "redis://:pw@h", name: "CACHE_URL") == "redis://:*****@h")
        #expect(redactor.redact(environmentValue: "/usr/bin", name: "PATH") == "/usr/bin")
    }
}

@Suite struct EmbeddedSecretsTests {
    @Test("secrets inside log lines are masked by their shape", arguments: [
        (#"{"msg":"connecting","attr":{"uri":"mongodb://app:hunter2@db1:27017/?tls=true"}}"#,
         #"{"msg":"connecting","attr":{"uri":"mongodb://app:*****@db1:27017/?tls=true"}}"#),
        (#"{"attr":{"options":{"security":{"ldap":{"bind":{"queryPassword":"ldap-pw"}}},"net":{"port":27217}}}}"#,
         #"{"attr":{"options":{"security":{"ldap":{"bind":{"queryPassword":"*****"}}},"net":{"port":27217}}}}"#),
        (#"{"attr":{"options":{"security":{"keyFile":"/etc/key"}}}}"#, #"{"attr":{"options":{"security":{"keyFile":"/etc/key"}}}}"#),
        ("configdb: cfg/mongodb://u:p@ss@h1,h2 started", "configdb: cfg/mongodb://u:*****@h1,h2 started"),
        ("no secrets here: port 27017", "no secrets here: port 27017"),
    ])
    func redact(line: String, expected: String) {
        #expect(EmbeddedSecrets.redact(line) == expected)
    }
}
