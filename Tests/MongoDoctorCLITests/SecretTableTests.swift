import ConnectionString
import Foundation
import LocalMongod
import MongoBridge
import Redaction
import Testing
import TestSupport

/// One table of secrets, short and common ones included, run through every place mongo-doctor
/// masks: the output stays valid JSON, fields that are not secret keep their values, and a secret
/// that is not also a legitimate value never appears.
@Suite struct SecretTableTests {
    /// Passwords that collide with ports, JSON literals, user, host and database names.
    static let secrets = ["27017", "true", "admin", "mongo", "a", "null", "Zq9#long-secret!"]

    static func uri(password: String, port: Int) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let encoded = password.addingPercentEncoding(withAllowedCharacters: unreserved) ?? password
        return "mongodb://mongo:\(encoded)@127.0.0.1:\(port)/mongo?appName=true"
    }

    @Test("uri --json: valid JSON, structured fields intact, password masked", arguments: secrets)
    func uriCommand(secret: String) throws {
        let out = try ProcessRunner.run("mongo-doctor", ["uri", Self.uri(password: secret, port: 27017), "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.stdout)")
        #expect(report["target"] as? String == "mongodb://mongo:*****@127.0.0.1:27017/mongo?appName=true")
        let section = try #require(report["uri"] as? [String: Any])
        #expect(section["valid"] as? Bool == true)
        let host = try #require((section["hosts"] as? [[String: Any]])?.first)
        #expect(host["host"] as? String == "127.0.0.1" && host["port"] as? Int == 27017)
        let auth = try #require(section["auth"] as? [String: Any])
        #expect(auth["username"] as? String == "mongo" && auth["db"] as? String == "mongo" && auth["passwordGiven"] as? Bool == true)
        #expect((section["options"] as? [String: Any])?["appName"] as? String == "true")
        if secret.count >= 8 { #expect(!out.stdout.contains(secret)) }
    }

    @Test("check --json against a refusing port: valid JSON, the port number kept", arguments: secrets)
    func checkCommand(secret: String) throws {
        let refusing = try RefusingPort()
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", Self.uri(password: secret, port: refusing.port), "--json"])
        #expect(out.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.stdout)")
        #expect(report["target"] as? String == "mongodb://mongo:*****@127.0.0.1:\(refusing.port)/mongo?appName=true")
        let ids = (report["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids.first == "tcp.refused")
        let port = (report["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "port" }?["detail"] as? String
        #expect(port?.hasPrefix("port \(refusing.port) ") == true, "\(port ?? "nil")")
        if secret.count >= 8 { #expect(!out.stdout.contains(secret) && !out.stderr.contains(secret)) }
    }

    @Test("text output of check never shows the long secret", arguments: secrets)
    func textOutput(secret: String) throws {
        let refusing = try RefusingPort()
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", Self.uri(password: secret, port: refusing.port), "-v"])
        #expect(out.stdout.contains("127.0.0.1:\(refusing.port)"))
        #expect(out.stdout.contains("mongo:*****@"))
        if secret.count >= 8 { #expect(!out.stdout.contains(secret)) }
    }

    @Test("the library entry points mask by structure", arguments: secrets)
    func libraryEntryPoints(secret: String) throws {
        let uri = Self.uri(password: secret, port: 27017)
        #expect(URIRedaction.redact(uri) == "mongodb://mongo:*****@127.0.0.1:27017/mongo?appName=true")
        let parsed = try ConnectionString.parse(uri)
        #expect(parsed.description == URIRedaction.redact(uri))
        #expect(parsed.auth?.username == "mongo" && parsed.auth?.db == "mongo" && parsed.hosts.first?.port == 27017)
        #expect(String(describing: parsed.auth!) == "mongo:*****/mongo")

        let argv = URIRedaction.commandLine.redact(arguments: ["mongod", "--port", "27017", "--password", secret, uri])
        #expect(argv == ["mongod", "--port", "27017", "--password", SecretMask.text, URIRedaction.redact(uri)])

        let error = MongoError(domain: 1, code: 11, message: "Authentication failed for mongo with \(secret)")
        #expect(String(describing: error) == "MongoError 1/11")
        let shown = error.message(scrubbing: URIRedaction.scrubber(for: [uri]))
        #expect(!shown.contains("with \(secret)"), "\(shown)")
    }
}
