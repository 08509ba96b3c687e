import Foundation
import Testing
import AuthStore
import AuthStoreMongo
import MongoBridge
import TestSupport

/// What only the MongoDB backend has: the unique username index, configurable names, its errors.
@Suite("AuthStore MongoDB: backend", .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct MongoAuthBackendTests {
    @Test("ensureIndexes creates the unique case-insensitive username index once; a second run changes nothing")
    func ensureIndexesIdempotent() async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            #expect(try await fixture.mongo.ensureIndexes() == .created)
            #expect(try await fixture.mongo.ensureIndexes() == .unchanged)
            _ = try await AuthStore.open(backend: fixture.backend)
            let indexes = try await fixture.withDatabase { try $0.collection("users").listIndexes() }
            let username = try #require(indexes.first { $0["name"]?.stringValue == "username_1" })
            #expect(username["unique"]?.boolValue == true)
            #expect(username.value(atPath: "collation.locale")?.stringValue == "en" && username.value(atPath: "collation.strength")?.intValue == 2)
            #expect(indexes.count == 2, "_id and username only: provision owns the other indexes")
            let sessionIndexes = try await fixture.withDatabase { try $0.collection("sessions").listIndexes() }
            #expect(sessionIndexes.allSatisfy { $0["name"]?.stringValue == "_id_" })
        }
    }

    @Test("an index on {username: 1} with other options is a typed conflict and is left alone")
    func conflictingIndex() async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            try await fixture.withDatabase { _ = try $0.collection("users").createIndexes([["key": ["username": 1], "name": "username_1"]]) }
            let error = await #expect(throws: AuthStoreError.self) { try await AuthStore.open(backend: fixture.backend) }
            #expect(error?.code == .indexConflict)
            let index = try await fixture.withDatabase { try $0.collection("users").listIndexes().first { $0["name"]?.stringValue == "username_1" } }
            #expect(index?["unique"] == nil && index?["collation"] == nil, "left as it was")
        }
    }

    @Test("usernames that collide case-insensitively block the index with a typed error that names no username")
    func duplicateUsernames() async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            try await fixture.withDatabase { _ = try $0.collection("users").insertMany([["_id": "u1", "username": "Zelda"], ["_id": "u2", "username": "zelda"]]) }
            let error = await #expect(throws: AuthStoreError.self) { try await fixture.mongo.ensureIndexes() }
            #expect(error?.code == .duplicateUsernames)
            #expect(error.map { !$0.description.lowercased().contains("zelda") } == true)
        }
    }

    @Test("database and collection names are configurable; the default database is auth")
    func configurableNames() async throws {
        #expect(MongoAuthConfiguration().database == "auth" && MongoAuthConfiguration(database: "").database == "auth")
        #expect(MongoAuthConfiguration().usersCollection == "users" && MongoAuthConfiguration().sessionsCollection == "sessions")
        let fixture = try MongoAuthFixture.make(users: "auth_users", sessions: "auth_sessions")
        try await withAuthFixture({ fixture }) { _ in
            let store = try await AuthStore.open(backend: fixture.backend, configuration: AuthStoreConfiguration(tokenFormat: .split))
            let user = try await store.createUser(username: "ivan", hashedPassword: nil)
            let created = try await store.createSession(userID: user.id)
            #expect(try await store.validate(created.token)?.user.id == user.id)
            let names = try await fixture.withDatabase { try $0.collectionNames().sorted() }
            #expect(names == ["auth_sessions", "auth_users"])
        }
    }

    @Test("usernames are unique case-insensitively beyond ASCII (the collation), and errors show no username or token")
    func collationAndSecrets() async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            let store = try await AuthStore.open(backend: fixture.backend, configuration: AuthStoreConfiguration(tokenFormat: .luciaV3))
            let user = try await store.createUser(username: "Émile", hashedPassword: "secret-hash-value")
            #expect(try await store.user(username: "éMILE")?.id == user.id)
            let taken = await #expect(throws: AuthStoreError.self) { try await fixture.backend.insertUser(AuthUser(id: "other", username: "ÉMILE")) }
            #expect(taken?.code == .usernameTaken && taken?.description.contains("MILE") == false)
            let duplicate = await #expect(throws: AuthStoreError.self) { try await fixture.backend.insertUser(AuthUser(id: user.id, username: "someone")) }
            #expect(duplicate?.code == .duplicateID)
            let created = try await store.createSession(userID: user.id)
            let again = await #expect(throws: AuthStoreError.self) {
                try await fixture.backend.insertSession(SessionRecord(id: created.session.id, userID: user.id, expiresAt: Date()))
            }
            #expect(again?.code == .duplicateID && again?.description.contains(created.token.value) == false)
        }
    }

    @Test("a session whose expires_at is not a BSON Date is a typed schema error, and a closed pool is .closed")
    func badExpiryAndClosedPool() async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            try await fixture.withDatabase { db in
                _ = try db.collection("users").insertOne(["_id": "u1", "username": "kim"])
                _ = try db.collection("sessions").insertOne(["_id": "numericExpiry", "user_id": "u1", "expires_at": .int64(1_900_000_000_000)])
            }
            let error = await #expect(throws: AuthStoreError.self) { try await fixture.backend.sessionAndUser(id: "numericExpiry") }
            #expect(error?.code == .schemaMismatch)
        }
        let closed = try MongoAuthFixture.make()
        await closed.pool.close()
        let error = await #expect(throws: AuthStoreError.self) { try await closed.backend.user(id: "x") }
        #expect(error?.code == .closed)
    }
}
