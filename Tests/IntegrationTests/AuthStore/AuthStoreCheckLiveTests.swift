import BlockingWork
import DoctorChecks
import DoctorCore
import Foundation
import MongoBridge
import Testing
import TestSupport

/// The `authstore` check (`check --db NAME`) against the real test servers: each scenario is built in a
/// database of its own, then the connection ladder plus `authstore` runs with the live probes.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct AuthStoreCheckLiveTests {
    let live = ConnectionProbes(resolver: LiveResolver(), dialer: LiveDialer(), tlsProber: nil, server: LiveServerProbe())

    /// Runs the ladder and the check for `db` on `uri`; the `authstore` result.
    func check(_ uri: String, db: String) async throws -> CheckResult {
        let checks = ConnectionChecks.make(uri: uri, probes: live, authStore: AuthStoreTarget(database: db))
        let results = await CheckRunner().run(checks, in: CheckContext(timeout: .seconds(5)))
        return try #require(results.first { $0.id == .authStore })
    }

    /// Builds a scenario in a fresh database with MongoBridge.
    func build(_ uri: String, _ body: @escaping @Sendable (MongoDatabase) throws -> Void) async throws -> String {
        let name = TestServer.uniqueDatabaseName("authstore")
        try await BlockingExecutor.dedicatedThread {
            TestRuntime.configureOnce()
            try body(MongoClient(uri: MongoURI(uri)).database(name))
        }
        return name
    }

    /// A v3 store as provision would make it (validators, the three indexes).
    static func provision(_ db: MongoDatabase, ttl: Bool = true, usernameIndex: BSONDocument? = nil) throws {
        try db.createCollection("users", options: ["validator": ["$jsonSchema": ["bsonType": "object", "required": ["username"]]]])
        try db.createCollection("sessions", options: ["validator": ["$jsonSchema": ["bsonType": "object", "required": ["user_id", "expires_at"]]]])
        var sessionIndexes: [BSONDocument] = [["key": ["user_id": 1], "name": "user_id_1"]]
        if ttl { sessionIndexes.append(["key": ["expires_at": 1], "name": "expires_at_1", "expireAfterSeconds": 0]) }
        try db.collection("sessions").createIndexes(sessionIndexes)
        try db.collection("users").createIndexes([usernameIndex
            ?? ["key": ["username": 1], "name": "username_1", "unique": true, "collation": ["locale": "en", "strength": 2]]])
    }

    static let future = BSONValue.date(BSONDate(Date().addingTimeInterval(30 * 86400)))

    @Test func emptyDatabaseIsMissing() async throws {
        let uri = try TestServer.requireURI()
        let result = try await check(uri, db: TestServer.uniqueDatabaseName("authstore"))
        #expect(result.findings.map(\.id) == [.authStoreMissing, .authStoreMissing])
        #expect(result.status == .failed)
        #expect(result.findings.first?.fixes.first?.id == .authStoreProvision)
    }

    @Test func provisionedStoreHasNoFinding() async throws {
        let uri = try TestServer.requireURI()
        let db = try await build(uri) { db in
            try Self.provision(db)
            try db.collection("users").insertOne(["_id": "u1", "username": "alice"])
            try db.collection("sessions").insertOne(["_id": "s1", "user_id": "u1", "expires_at": Self.future])
        }
        let result = try await check(uri, db: db)
        #expect(result.findings.map(\.id) == [])
        #expect(result.status == .passed)
    }

    @Test func missingTTLIndex() async throws {
        let uri = try TestServer.requireURI()
        let db = try await build(uri) { try Self.provision($0, ttl: false) }
        let finding = try #require(try await check(uri, db: db).findings.first)
        #expect(finding.id == .authStoreIndexMissing)
        #expect(finding.values["keys"] == "{expires_at: 1}")
    }

    @Test func usernameIndexWithoutCollationConflicts() async throws {
        let uri = try TestServer.requireURI()
        let db = try await build(uri) { try Self.provision($0, usernameIndex: ["key": ["username": 1], "name": "username_1", "unique": true]) }
        let result = try await check(uri, db: db)
        #expect(result.findings.map(\.id) == [.authStoreIndexConflict])
        #expect(result.findings.first?.values["index"] == "username_1" && result.findings.first?.values["found"] == "unique")
    }

    @Test func objectIdUsersWithStringSessionUserIDs() async throws {
        let uri = try TestServer.requireURI()
        let db = try await build(uri) { db in
            try Self.provision(db)
            let id = ObjectId()
            try db.collection("users").insertOne(["_id": .objectId(id), "username": "alice"])
            try db.collection("sessions").insertOne(["_id": "s1", "user_id": .string(id.description), "expires_at": Self.future])
        }
        let result = try await check(uri, db: db)
        #expect(result.findings.map(\.id) == [.authStoreUserIDTypeMismatch])
        #expect(result.findings.first?.values["userIdType"] == "objectId")
    }

    @Test func orphanAndExpiredSessionsAreCountedExactly() async throws {
        let uri = try TestServer.requireURI()
        let past = BSONValue.date(BSONDate(Date().addingTimeInterval(-86400)))
        let db = try await build(uri) { db in
            // No TTL index, so the server does not delete the expired sessions during the test.
            try Self.provision(db, ttl: false)
            try db.collection("users").insertOne(["_id": "u1", "username": "alice"])
            try db.collection("sessions").insertMany([
                ["_id": "s1", "user_id": "u1", "expires_at": Self.future], ["_id": "s2", "user_id": "u1", "expires_at": past],
                ["_id": "s3", "user_id": "gone", "expires_at": Self.future], ["_id": "s4", "user_id": "gone", "expires_at": past],
                ["_id": "s5", "user_id": "gone2", "expires_at": past],
            ])
        }
        let findings = try await check(uri, db: db).findings
        #expect(findings.map(\.id) == [.authStoreIndexMissing, .authStoreOrphanSessions, .authStoreExpiredSessions])
        #expect(findings.first { $0.id == .authStoreOrphanSessions }?.values["count"] == "3")
        #expect(findings.first { $0.id == .authStoreExpiredSessions }?.values["count"] == "3")
    }

    @Test func v2LayoutPointsToMigrate() async throws {
        let uri = try TestServer.requireURI()
        let now = Date().timeIntervalSince1970 * 1000
        let db = try await build(uri) { db in
            try db.collection("users").insertOne(["_id": "abcdefghij12345", "username": "alice"])
            try db.collection("keys").insertOne(["_id": "username:alice", "user_id": "abcdefghij12345", "hashed_password": "s2:x:y"])
            try db.collection("sessions").insertMany([
                ["_id": "s1", "user_id": "abcdefghij12345", "active_expires": .double(now + 86_400_000), "idle_expires": .double(now + 1_296_000_000)],
                ["_id": "s2", "user_id": "abcdefghij12345", "active_expires": .double(now - 2_000_000), "idle_expires": .double(now - 1_000_000)],
            ])
        }
        let findings = try await check(uri, db: db).findings
        #expect(findings.map(\.id) == [.authStoreLayoutV2, .authStoreExpiredSessions])
        #expect(findings.first?.fixes.map(\.id) == [.authStoreMigrate])
        #expect(findings.last?.values["count"] == "1")
    }

    @Test func usernamesDifferingOnlyInCase() async throws {
        let uri = try TestServer.requireURI()
        // No unique index yet: that is how duplicates get in.
        let db = try await build(uri) { db in
            try Self.provision(db, usernameIndex: ["key": ["created": 1], "name": "created_1"])
            try db.collection("users").insertMany([
                ["_id": "u1", "username": "Alice"], ["_id": "u2", "username": "alice"], ["_id": "u3", "username": "ALICE"],
                ["_id": "u4", "username": "bob"], ["_id": "u5", "username": "Carol"], ["_id": "u6", "username": "carol"],
            ])
        }
        let findings = try await check(uri, db: db).findings
        #expect(findings.map(\.id) == [.authStoreIndexMissing, .authStoreDuplicateUsernames])
        let duplicates = try #require(findings.last)
        #expect(duplicates.values["count"] == "2")
        #expect(duplicates.evidence == ["alice: 3 users", "carol: 2 users"])
    }
}
