import AuthStore
import Foundation
import MongoBridge
import PasswordHashing
import Testing
import TestSupport

/// `migrate lucia-v2-to-v3` in place on real Lucia v2 documents (written with pymongo as adapter-mongoose
/// writes them: millisecond expiries as double, int32 or int64, `__v`, string ids), through the binary.
extension MigrationLive {
@Suite struct V2MigrationLiveTests {
    /// Users u1 (key username:alice, s2), u2 (username attribute Bob, OAuth key github:99, no password),
    /// u3 (key email:carol@example.com, legacy hash); sessions with double, int64 and int32 expiries.
    static func seed(_ f: MigrationLiveFixture, badRows: Bool = false) async throws {
        try await f.pymongo("""
            now = int(datetime.datetime.now(datetime.timezone.utc).timestamp() * 1000)
            day = 86400000
            db.users.insert_many([{"_id": "u1", "__v": 0}, {"_id": "u2", "username": "Bob", "__v": 0}, {"_id": "u3"}])
            db.keys.insert_many([
                {"_id": "username:alice", "user_id": "u1", "hashed_password": "\(LuciaSQLiteFixture.s2Hash)", "__v": 0},
                {"_id": "github:99", "user_id": "u2", "hashed_password": None},
                {"_id": "email:carol@example.com", "user_id": "u3", "hashed_password": "\(LuciaSQLiteFixture.legacyHash)"},
            ])
            db.sessions.insert_many([
                {"_id": "\(LuciaSQLiteFixture.sessionU1)", "user_id": "u1", "active_expires": float(now + day), "idle_expires": float(now + 15 * day), "__v": 0},
                {"_id": "\(LuciaSQLiteFixture.sessionU2)", "user_id": "u2", "active_expires": bson.Int64(now), "idle_expires": bson.Int64(now + 10 * day)},
                {"_id": "\(LuciaSQLiteFixture.sessionReal)", "user_id": "u3", "active_expires": 1, "idle_expires": 2000000000},
            ])
            if \(badRows ? "True" : "False"):
                db.sessions.insert_many([
                    {"_id": "\(LuciaSQLiteFixture.sessionGhost)", "user_id": "ghost", "active_expires": now, "idle_expires": now + day},
                    {"_id": "\(LuciaSQLiteFixture.sessionBadExpiry)", "user_id": "u1", "active_expires": now, "idle_expires": "soon"},
                ])
                db.keys.insert_one({"_id": "github:7", "user_id": "ghost", "hashed_password": None})
            print(now)
            """)
    }

    @Test func migratesInPlaceAndAgainChangesNothing() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        try await Self.seed(f)
        #expect(try await f.run(["check"]).status == 1, "the v2 layout is an error before")

        let out = try await f.run(["migrate", "lucia-v2-to-v3", "--json"])
        #expect(out.status == 0, "\(out.combined)")
        let report = try f.migrateJSON(out)
        #expect((report["verification"] as? [String: Any])?["passed"] as? Bool == true)

        let users = try await f.find("users")
        #expect(users[0] == ["_id": "u1", "__v": .int32(0), "hashed_password": .string(LuciaSQLiteFixture.s2Hash), "username": "alice"])
        #expect(users[1] == ["_id": "u2", "username": "Bob", "__v": .int32(0)])
        #expect(users[2] == ["_id": "u3", "hashed_password": .string(LuciaSQLiteFixture.legacyHash), "email": "carol@example.com", "username": "carol@example.com"])
        #expect(try await f.find("oauth_accounts") == [["_id": "github:99", "provider_id": "github", "provider_user_id": "99", "user_id": "u2"]])

        let sessions = try await f.find("sessions")
        #expect(sessions.allSatisfy { $0["idle_expires"] == nil && $0["active_expires"] == nil })
        let byID = Dictionary(uniqueKeysWithValues: sessions.map { ($0["_id"]?.stringValue ?? "", $0) })
        // The int32 expiry (2,000,000,000 ms: January 1970) converts; the TTL index may have removed it already.
        #expect((report["conversions"] as? [String: Int])?["expiry-from-milliseconds"] == 3)
        if let real = byID[LuciaSQLiteFixture.sessionReal] { #expect(real["expires_at"] == .date(BSONDate(millisecondsSinceEpoch: 2_000_000_000))) }
        #expect(byID[LuciaSQLiteFixture.sessionU1]?["__v"] == .int32(0))
        guard case .date(let d1)? = byID[LuciaSQLiteFixture.sessionU1]?["expires_at"], case .date(let d2)? = byID[LuciaSQLiteFixture.sessionU2]?["expires_at"] else {
            Issue.record("expires_at is not a Date"); return
        }
        #expect(abs(d1.date.timeIntervalSinceNow - 15 * 86_400) < 120 && abs(d2.date.timeIntervalSinceNow - 10 * 86_400) < 120)
        #expect(try await f.count("keys") == 3, "keys are kept without --drop-keys")

        // Expired (the 1970 one) aside, the result is a clean v3 store; the old passwords log in.
        _ = try await f.pool.withClient { [db = f.database] in try $0.database(db).collection("sessions").delete(["_id": .string(LuciaSQLiteFixture.sessionReal)]) }
        let check = try await f.run(["check", "--json"])
        #expect(check.status == 0, "\(check.stdout)")
        let store = try await f.store()
        let hasher = PasswordHasher(maxConcurrentHashes: 1)
        #expect(try await store.verifyPassword(username: "ALICE", password: LuciaSQLiteFixture.password, hasher: hasher)?.id == "u1")
        #expect(try await store.verifyPassword(username: "carol@example.com", password: LuciaSQLiteFixture.password, hasher: hasher)?.id == "u3")
        #expect(try await store.validate(SessionToken(LuciaSQLiteFixture.sessionU1))?.user.id == "u1")

        // Again: every session is v3 already; the rehashed password stays.
        let again = try f.migrateJSON(try await f.run(["migrate", "lucia-v2-to-v3", "--json"]))
        #expect((again["counts"] as? [String: [String: Any]])?["sessions"]?["converted"] as? Int == 0)
        #expect(try await f.find("users").first?["hashed_password"]?.stringValue?.hasPrefix("$argon2id$") == true)

        let dropped = try await f.run(["migrate", "lucia-v2-to-v3", "--drop-keys", "--json"])
        let droppedReport = try f.migrateJSON(dropped)
        #expect(dropped.status == 0 && droppedReport["keysDropped"] as? Bool == true)
        #expect(try await !f.collections().contains("keys"))
    }

    @Test func badRowsAreReportedLeftInV2FormAndKeepTheKeys() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        try await Self.seed(f, badRows: true)
        let out = try await f.run(["migrate", "lucia-v2-to-v3", "--drop-keys", "--json"])
        #expect(out.status == 1)
        let report = try f.migrateJSON(out)
        #expect(report["skippedByReason"] as? [String: Int] == ["missing-user": 2, "unparseable-expiry": 1])
        #expect(report["keysDropped"] as? Bool == false)
        #expect(try await f.count("sessions", ["idle_expires": ["$exists": true]]) == 2)
        #expect(try await f.count("keys") == 4)
    }

    @Test func provisionedV2ValidatorsAreReplacedAndDryRunWritesNothing() async throws {
        let f = try MigrationLiveFixture()
        defer { Task { await f.tearDown() } }
        #expect(try await f.run(["provision", "--layout", "lucia-v2"]).status == 0)
        try await Self.seed(f)
        let before = try await (f.find("users"), f.find("sessions"), f.find("keys"), f.collections())
        let dry = try await f.run(["migrate", "lucia-v2-to-v3", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("nothing was written"))
        let after = try await (f.find("users"), f.find("sessions"), f.find("keys"), f.collections())
        #expect(before.0 == after.0 && before.1 == after.1 && before.2 == after.2 && before.3 == after.3)

        let out = try await f.run(["migrate", "lucia-v2-to-v3", "--session-format", "sha256", "--json"])
        #expect(out.status == 0, "\(out.combined)")
        let ids = Set(try await f.find("sessions").compactMap { $0["_id"]?.stringValue })
        let hashed = { (token: String) in AuthCrypto.hexLowercase(AuthCrypto.sha256(token)) }
        // sessionReal expired in 1970 (idle_expires 2e9 ms): the v3 TTL index may delete it before this reads.
        let live = Set([LuciaSQLiteFixture.sessionU1, LuciaSQLiteFixture.sessionU2].map(hashed))
        #expect(ids == live || ids == live.union([hashed(LuciaSQLiteFixture.sessionReal)]), "\(ids)")
        let store = try await f.store()
        #expect(store.tokenFormat == .sha256)
        #expect(try await store.validate(SessionToken(LuciaSQLiteFixture.sessionU2))?.user.id == "u2")
    }
}
}
