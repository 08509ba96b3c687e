import AuthStore
import AuthStoreMongo
import Foundation
import MongoBridge
import Testing
import TestSupport

/// `users` and `sessions` through the built binary against the live test server, each test in a
/// database of its own (MongoAuthFixture's, dropped afterwards). Sessions come from the library;
/// expired and orphaned ones are written directly. No output may hold the password, a token,
/// a stored session id or the hash.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct AdminLiveTests {
    static let password = "Tr0ub4dor&3-live"

    final class Target: @unchecked Sendable {
        let fixture: MongoAuthFixture
        let uri: String
        var secrets = [AdminLiveTests.password]

        init() throws {
            fixture = try MongoAuthFixture.make()
            uri = try TestServer.requireURI()
        }

        func run(_ args: [String], stdin: String? = nil, extra: [String] = []) throws -> (status: Int32, object: [String: Any]) {
            let out = try ProcessRunner.run("mongo-doctor", args + ["--uri", uri, "--db", fixture.database, "--json"] + extra, stdin: stdin)
            for secret in secrets { #expect(!out.combined.contains(secret), "mongo-doctor \(args.joined(separator: " ")) showed a secret") }
            let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
            return (out.status, try #require(object, "not JSON: \(out.combined)"))
        }

        func store(_ format: SessionTokenFormat) async throws -> AuthStore {
            try await AuthStore.open(backend: fixture.backend, configuration: AuthStoreConfiguration(tokenFormat: format))
        }

        func insertSession(_ generated: GeneratedSessionToken, userID: String, expiresAt: Date) async throws {
            let names = fixture.mongo.configuration
            var document: BSONDocument = ["_id": .string(generated.sessionID), "user_id": .string(userID), "expires_at": .date(BSONDate(expiresAt))]
            if let hash = generated.secretHash { document["secret_hash"] = .binary(BSONBinary(subtype: 0, bytes: hash)) }
            let finished = document
            try await fixture.withDatabase { _ = try $0.collection(names.sessionsCollection).insertOne(finished) }
            secrets += [generated.token.value, generated.sessionID]
        }
    }

    @Test("add, list, verify, validate, revoke, expired, user gone, purge, delete", arguments: SessionTokenFormat.allCases)
    func lifecycle(format: SessionTokenFormat) async throws {
        let target = try Target()
        defer { Task { await target.fixture.tearDown() } }
        let f = ["--session-format", format.rawValue]

        let added = try target.run(["users", "add", "alice", "--password-stdin"], stdin: Self.password, extra: f)
        #expect(added.status == 0)
        let userID = try #require((added.object["user"] as? [String: Any])?["id"] as? String)
        let store = try await target.store(format)
        let hash = try #require(try await store.user(id: userID)?.hashedPassword)
        target.secrets.append(hash)
        #expect(try target.run(["users", "add", "Alice", "--password-stdin"], stdin: "x", extra: f).object["reason"] as? String == "username-taken")
        #expect((try target.run(["users", "list"], extra: f).object["users"] as? [[String: Any]])?.map { $0["id"] as? String } == [userID])
        #expect(try target.run(["users", "verify", "ALICE", "--password-stdin"], stdin: Self.password, extra: f).status == 0)
        #expect(try target.run(["users", "verify", "alice", "--password-stdin"], stdin: "wrong", extra: f).status == 1)

        let created = try await store.createSession(userID: userID)
        target.secrets += [created.token.value, created.session.id]
        let listed = try target.run(["sessions", "list", "alice"], extra: f)
        #expect((listed.object["sessions"] as? [[String: Any]])?.map { $0["fingerprint"] as? String } == [created.session.fingerprint])
        let valid = try target.run(["sessions", "validate", "--token-stdin"], stdin: created.token.value + "\n", extra: f)
        #expect(valid.status == 0 && (valid.object["user"] as? [String: Any])?["username"] as? String == "alice")

        #expect(try target.run(["sessions", "revoke", "alice"], extra: f).object["revoked"] as? Int == 1)
        let revoked = try target.run(["sessions", "validate", "--token-stdin"], stdin: created.token.value, extra: f)
        #expect(revoked.status == 1 && revoked.object["reason"] as? String == "unknown")

        let expired = try format.generate()
        try await target.insertSession(expired, userID: userID, expiresAt: Date().addingTimeInterval(-60))
        let expiredOut = try target.run(["sessions", "validate", "--token-stdin"], stdin: expired.token.value, extra: f)
        #expect(expiredOut.status == 1 && expiredOut.object["reason"] as? String == "expired")

        let orphan = try format.generate()
        try await target.insertSession(orphan, userID: "ghost-user", expiresAt: Date().addingTimeInterval(86_400))
        let orphanOut = try target.run(["sessions", "validate", "--token-stdin"], stdin: orphan.token.value, extra: f)
        #expect(orphanOut.status == 1 && orphanOut.object["reason"] as? String == "user-gone")

        for _ in 0..<3 { try await target.insertSession(try format.generate(), userID: userID, expiresAt: Date().addingTimeInterval(-5)) }
        let live = try await store.createSession(userID: userID)
        target.secrets += [live.token.value, live.session.id]
        #expect(try target.run(["sessions", "purge-expired"], extra: f).object["purged"] as? Int == 3)

        #expect(try target.run(["users", "delete", "alice"], extra: f).object["deleted"] as? Bool == true)
        let afterDelete = try target.run(["sessions", "validate", "--token-stdin"], stdin: live.token.value, extra: f)
        #expect(afterDelete.status == 1 && afterDelete.object["reason"] as? String == "unknown", "the user's sessions went with them")
        #expect(try target.run(["users", "delete", "alice"], extra: f).status == 1)
    }

    @Test("the session format comes from provision's ledger when no session tells it")
    func formatFromTheLedger() async throws {
        let target = try Target()
        defer { Task { await target.fixture.tearDown() } }
        let provision = try ProcessRunner.run("mongo-doctor", ["provision", "--uri", target.uri, "--db", target.fixture.database, "--session-format", "lucia-v3"])
        #expect(provision.status == 0, "\(provision.combined)")
        let listed = try target.run(["users", "list"])
        #expect((listed.object["store"] as? [String: Any])?["sessionFormat"] as? String == "lucia-v3")
        #expect((listed.object["store"] as? [String: Any])?["database"] as? String == target.fixture.database)
    }

    @Test("a server that does not answer is exit 2, and the URI's password is not shown")
    func unreachable() throws {
        let secret = "n0t-Sh0wn-pw"
        let out = try ProcessRunner.run("mongo-doctor", ["users", "list", "--uri", "mongodb://app:\(secret)@127.0.0.1:1/auth", "--timeout", "1"])
        #expect(out.status == 2 && out.stdout.isEmpty, "\(out.combined)")
        // One line: the command, the target without its password, and why in words.
        #expect(out.stderr == "mongo-doctor: users list: mongodb://app:*****@127.0.0.1:1/auth (from --uri): MongoDB failed reading the provision ledger: "
                + "no server could be selected: no connection could be made (MongoError 15/13053)\n")
        #expect(!out.combined.contains(secret))
    }
}
