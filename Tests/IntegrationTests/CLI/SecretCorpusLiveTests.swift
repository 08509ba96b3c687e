import AuthStore
import AuthStoreMongo
import AuthStoreSQLite
import Foundation
import MongoBridge
import Testing
import TestSupport

/// Issue 13's secret corpus: every CLI command, over inputs holding known passwords and tokens (in
/// the URI argument, in `MONGODB_URI`, in a `.env` in the working directory, on stdin), against the
/// auth test server and a SQLite file. Stdout, stderr, the strings inside the JSON, and every file a
/// command wrote or changed in its working directory (the SQLite file excepted) must hold none of
/// the secrets: the URI passwords, the app user's and the user's passwords, session tokens, the
/// stored session id where it is the token (`lucia-v3`), the argon2 hashes.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_AUTH_URI (scripts/test starts SecantusDB)"), .serialized)
struct SecretCorpusLiveTests {
    static let appPassword = "App-Pa55word-corpus&1"
    static let userPassword = "User-Pa55word-corpus#2"
    static let wrongURIPassword = "Wr0ng-Pa55word-corpus3"

    /// The corpus: the working directory, the secrets found so far, every run's findings.
    final class Corpus: @unchecked Sendable {
        let directory: TemporaryDirectory
        var secrets: [String] = [SecretCorpusLiveTests.appPassword, SecretCorpusLiveTests.userPassword, SecretCorpusLiveTests.wrongURIPassword]
        var runs = 0

        init() throws { directory = try TemporaryDirectory(prefix: "secret-corpus") }

        /// Every file under the directory (but SQLite's) and its bytes.
        func files() -> [String: Data] {
            var found: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: directory.path)
            while let name = enumerator?.nextObject() as? String {
                let path = directory.appending(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                if name.hasSuffix(".db") || name.hasSuffix(".db-wal") || name.hasSuffix(".db-shm") || name.hasSuffix(".db-journal") { continue }
                found[name] = FileManager.default.contents(atPath: path) ?? Data()
            }
            return found
        }

        /// The forms a secret can take in output: as is, percent-encoded, JSON-escaped.
        static func forms(_ secret: String) -> [String] {
            Array(Set([secret, encoded(secret), secret.replacingOccurrences(of: "/", with: "\\/")]))
        }

        /// `secret` percent-encoded as a URI's userinfo needs.
        static func encoded(_ secret: String) -> String {
            let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
            return secret.addingPercentEncoding(withAllowedCharacters: unreserved) ?? secret
        }

        /// Runs mongo-doctor in the corpus directory and fails on any secret it shows; returns the output.
        @discardableResult
        func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessRunner.Output {
            var environment = ProcessInfo.processInfo.environment
            environment["MONGODB_URI"] = nil
            environment["MONGO_DOCTOR_APP_PASSWORD"] = nil
            environment.merge(extra) { $1 }
            let before = files()
            let out = try ProcessRunner.run("mongo-doctor", arguments, environment: environment, directory: directory.path, stdin: stdin)
            runs += 1
            var texts = ["stdout": out.stdout, "stderr": out.stderr]
            if let json = try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) {
                texts["JSON strings"] = Self.strings(in: json).joined(separator: "\n")
            }
            for (name, data) in files() where before[name] != data {
                texts["file \(name)"] = String(decoding: data, as: UTF8.self)
            }
            let label = arguments.prefix(3).joined(separator: " ")
            for secret in secrets where secret.count >= 8 {
                for form in Self.forms(secret) {
                    for (place, text) in texts where text.contains(form) {
                        Issue.record("mongo-doctor \(label): a secret (\(secret.prefix(3))…, \(secret.count) characters) in \(place)", sourceLocation: sourceLocation)
                    }
                }
            }
            #expect(!out.stderr.contains("Fatal error") && out.status >= 0 && out.status <= 2,
                    "mongo-doctor \(label): status \(out.status)", sourceLocation: sourceLocation)
            return out
        }

        /// Every string (keys and values) in a decoded JSON value.
        static func strings(in value: Any) -> [String] {
            switch value {
            case let text as String: return [text]
            case let array as [Any]: return array.flatMap { strings(in: $0) }
            case let object as [String: Any]: return object.flatMap { [$0.key] + strings(in: $0.value) }
            default: return []
            }
        }
    }

    /// The auth server's URI with `database` as path, the admin password, and its port.
    static func authTarget(database: String) throws -> (uri: String, password: String, port: Int) {
        let base = try TestServer.requireAuthURI()
        let password = try #require(base.split(separator: ":")[2].split(separator: "@").first.map(String.init))
        let port = try #require(Int(base.split(separator: ":")[3].prefix { $0.isNumber }))
        let uri = "mongodb://admin:\(password)@127.0.0.1:\(port)/\(database)?authSource=admin"
        return (uri, password, port)
    }

    @Test("every command on MongoDB, the URI from the argument, MONGODB_URI and .env")
    func mongoCommands() async throws {
        let corpus = try Corpus()
        defer { corpus.directory.remove() }
        let database = TestServer.uniqueDatabaseName("corpus")
        let (uri, password, port) = try Self.authTarget(database: database)
        corpus.secrets.append(password)
        let wrongURI = "mongodb://admin:\(Self.wrongURIPassword)@127.0.0.1:\(port)/\(database)?authSource=admin"
        let malformed = "mongodb://admin:\(Self.wrongURIPassword)@x@127.0.0.1:\(port)/\(database)"
        let refusing = try RefusingPort()
        let refusedURI = "mongodb://admin:\(Self.wrongURIPassword)@127.0.0.1:\(refusing.port)/\(database)"
        let format = ["--session-format", "lucia-v3"]
        defer { Task { await Self.drop(database, uri: uri) } }

        // uri, check and explain, with every kind of URI.
        try corpus.run(["uri", uri])
        try corpus.run(["check", "--uri", uri, "--timeout", "2"])
        for target in [uri, wrongURI, malformed, refusedURI] {
            try corpus.run(["uri", target, "--json"])
            try corpus.run(["check", "--uri", target, "--json", "-v", "--timeout", "2"])
        }
        try corpus.run(["explain", "auth.failed"], environment: ["MONGODB_URI": uri])

        // provision with an app user, its password on stdin and in the environment.
        let provisioned = try corpus.run(["provision", "--uri", uri, "--create-app-user", "corpusapp", "--password-stdin", "--json"] + format, stdin: Self.appPassword + "\n")
        #expect(provisioned.status == 0, "\(provisioned.combined)")
        try corpus.run(["provision", "--uri", uri, "--create-app-user", "corpusapp", "--dry-run"] + format, environment: ["MONGO_DOCTOR_APP_PASSWORD": Self.appPassword])
        let appURI = "mongodb://corpusapp:\(Corpus.encoded(Self.appPassword))@127.0.0.1:\(port)/\(database)"
        try corpus.run(["check", "--uri", appURI, "--db", database, "--json", "-v"])

        // users and sessions.
        let added = try corpus.run(["users", "add", "alice", "--password-stdin", "--uri", uri, "--json"] + format, stdin: Self.userPassword)
        #expect(added.status == 0, "\(added.combined)")
        let store = try await Self.store(uri: uri, database: database)
        let alice = try #require(try await store.user(username: "alice"))
        corpus.secrets.append(try #require(alice.hashedPassword))
        let live = try await store.createSession(userID: alice.id)
        let expired = try store.tokenFormat.generate()
        try await store.backend.insertSession(SessionRecord(id: expired.sessionID, userID: alice.id, expiresAt: Date().addingTimeInterval(-60)))
        corpus.secrets += [live.token.value, live.session.id, expired.token.value, expired.sessionID]

        // check --db reads the sessions (samples, counts): with the admin URI from each source.
        try corpus.run(["check", "--uri", uri, "--db", database])
        try corpus.run(["check", "--db", database, "--json", "-v"], environment: ["MONGODB_URI": uri])
        try "MONGODB_URI=\(uri)\n".write(toFile: corpus.directory.appending(".env"), atomically: true, encoding: .utf8)
        try corpus.run(["check", "--db", database, "--json", "-v"])
        try corpus.run(["users", "list", "--json"] + format)
        try corpus.run(["setup", "--dry-run", "--db", database, "--create-app-user", "corpusapp2", "--password-stdin", "--json"], stdin: Self.appPassword)
        try FileManager.default.removeItem(atPath: corpus.directory.appending(".env"))
        try corpus.run(["setup", "--dry-run", "--db", database, "--env-file", corpus.directory.appending("app.env")],
                       environment: ["MONGODB_URI": uri, "MONGO_DOCTOR_APP_PASSWORD": Self.appPassword])

        let target = ["--uri", uri] + format
        for json in [[], ["--json"]] {
            try corpus.run(["users", "verify", "alice", "--password-stdin"] + target + json, stdin: Self.userPassword)
            let valid = try corpus.run(["sessions", "validate", "--token-stdin"] + target + json, stdin: live.token.value + "\n")
            #expect(valid.status == 0, "\(valid.combined)")
        }
        try corpus.run(["users", "verify", "alice", "--password-stdin", "--json"] + target, stdin: Self.userPassword + "x")
        try corpus.run(["users", "list"] + target)
        try corpus.run(["sessions", "list", "alice", "--json"] + target)
        try corpus.run(["sessions", "validate", "--token-stdin", "--json"] + target, stdin: expired.token.value)
        try corpus.run(["sessions", "validate", "--token-stdin"] + target, stdin: String(live.token.value.reversed()))
        try corpus.run(["sessions", "validate", "--token-stdin", "--uri", wrongURI, "--timeout", "2"] + format, stdin: live.token.value)
        try corpus.run(["sessions", "purge-expired", "--json"] + target)
        try corpus.run(["sessions", "revoke", "alice", "--json"] + target)
        try corpus.run(["users", "delete", "alice", "--json"] + target)
        try corpus.run(["users", "add", "bob", "--uri", refusedURI, "--password-stdin", "--timeout", "1"], stdin: Self.userPassword)
        #expect(corpus.runs >= 30)
    }

    @Test("every admin command and provision on SQLite")
    func sqliteCommands() async throws {
        let corpus = try Corpus()
        defer { corpus.directory.remove() }
        let path = corpus.directory.appending("auth.db")
        try corpus.run(["provision", "--sqlite", path, "--dry-run", "--json"])
        #expect(try corpus.run(["provision", "--sqlite", path, "--json"]).status == 0)
        let target = ["--sqlite", path]
        #expect(try corpus.run(["users", "add", "carol", "--password-stdin", "--json"] + target, stdin: Self.userPassword).status == 0)
        let backend = try await SQLiteAuthBackend.open(path: path)
        defer { backend.close() }
        let store = try await AuthStore.open(backend: backend)
        let carol = try #require(try await store.user(username: "carol"))
        corpus.secrets.append(try #require(carol.hashedPassword))
        let live = try await store.createSession(userID: carol.id)
        corpus.secrets.append(live.token.value)
        if store.tokenFormat == .luciaV3 { corpus.secrets.append(live.session.id) }
        for json in [[], ["--json"]] {
            try corpus.run(["users", "verify", "carol", "--password-stdin"] + target + json, stdin: Self.userPassword)
            try corpus.run(["users", "verify", "carol", "--password-stdin"] + target + json, stdin: "not-" + Self.userPassword)
            try corpus.run(["users", "list"] + target + json)
            try corpus.run(["sessions", "list", "carol"] + target + json)
            #expect(try corpus.run(["sessions", "validate", "--token-stdin"] + target + json, stdin: live.token.value).status == 0)
        }
        try corpus.run(["sessions", "purge-expired"] + target)
        try corpus.run(["sessions", "revoke", "carol", "--json"] + target)
        try corpus.run(["sessions", "validate", "--token-stdin", "--json"] + target, stdin: live.token.value)
        try corpus.run(["users", "delete", "carol"] + target)
        // A file that is not a database, with the token on stdin.
        try Data("not a database \(Self.userPassword)".utf8).write(to: URL(fileURLWithPath: corpus.directory.appending("other.sqlite")))
        try corpus.run(["sessions", "validate", "--token-stdin", "--sqlite", corpus.directory.appending("other.sqlite")], stdin: live.token.value)
    }

    @Test("log: a mongod log quoting connection strings and createUser commands")
    func logCommand() throws {
        let corpus = try Corpus()
        defer { corpus.directory.remove() }
        let secret = Self.wrongURIPassword
        let lines = [
            #"{"t":{"$date":"2026-12-01T10:00:00.000+00:00"},"s":"I","c":"CONTROL","id":21951,"ctx":"initandlisten","msg":"Options set by command line","attr":{"options":{"net":{"bindIp":"127.0.0.1"},"processManagement":{"fork":true}}}}"#,
            #"{"t":{"$date":"2026-12-01T10:00:01.000+00:00"},"s":"I","c":"COMMAND","id":51803,"ctx":"conn1","msg":"Slow query","attr":{"type":"command","command":{"createUser":"app","pwd":"\#(secret)","roles":[]},"uri":"mongodb://app:\#(secret)@127.0.0.1:27017/auth"}}"#,
            #"{"t":{"$date":"2026-12-01T10:00:02.000+00:00"},"s":"E","c":"CONTROL","id":20568,"ctx":"initandlisten","msg":"Error setting up listener","attr":{"error":{"code":9001,"codeName":"SocketException","errmsg":"Address already in use mongodb://app:\#(secret)@127.0.0.1:27017"}}}"#,
            "plain text line with password=\(secret) and mongodb://root:\(secret)@localhost/admin",
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: corpus.directory.appending("mongod.log"), atomically: true, encoding: .utf8)
        try corpus.run(["log", "mongod.log"])
        try corpus.run(["log", "mongod.log", "--json"])
        try corpus.run(["log", "-"], stdin: lines.joined(separator: "\n"))
        try corpus.run(["check", "--uri", "mongodb://127.0.0.1:1", "--log", "mongod.log", "--json", "--timeout", "1"])
    }

    static func store(uri: String, database: String) async throws -> AuthStore {
        let pool = try ClientPool(uri: MongoURI(uri), maxSize: 2)
        let backend = MongoAuthBackend(pool: pool, configuration: MongoAuthConfiguration(database: database))
        return try await AuthStore.open(backend: backend, configuration: AuthStoreConfiguration(tokenFormat: .luciaV3))
    }

    static func drop(_ database: String, uri: String) async {
        guard let pool = try? ClientPool(uri: MongoURI(uri), maxSize: 1) else { return }
        _ = try? await pool.withClient { try $0.database(database).drop() }
        await pool.close()
    }
}
