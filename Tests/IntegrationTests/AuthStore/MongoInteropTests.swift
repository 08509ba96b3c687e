import Foundation
import Testing
import AuthStore
import AuthStoreMongo
import MongoBridge
import TestSupport

/// The Lucia side is pymongo issuing exactly what `@lucia-auth/adapter-mongodb` 1.x issues
/// (lucia-schemas.md 2.2): string `_id`s, `user_id` a string, `expires_at` a BSON Date.
@Suite("AuthStore MongoDB: Lucia interop", .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct MongoInteropTests {
    static let sessionID = "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyy"

    @Test("a user and session written as Lucia writes them validate, are extended when due, and expires_at stays a BSON Date")
    func luciaWrites() async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            // 10 days left of 30: due for renewal. Milliseconds, as a JS Date holds them.
            let expires = (Int(Date().timeIntervalSince1970) + 10 * 86_400) * 1000
            try PyMongo.run(uri: fixture.uri, database: fixture.database, """
                db.users.insert_one({"_id": "lucia0user00001", "username": "Grace", "hashed_password": "x", "__v": 0})
                expires = datetime.datetime.fromtimestamp(\(expires) / 1000, datetime.timezone.utc)
                db.sessions.insert_one({"_id": "\(Self.sessionID)", "user_id": "lucia0user00001", "expires_at": expires, "country": "NO"})
                """)
            let store = try await AuthStore.open(backend: fixture.backend)
            #expect(store.tokenFormat == .luciaV3, "detected from the stored ids")
            let valid = try #require(try await store.validate(SessionToken(Self.sessionID)))
            #expect(valid.user.id == "lucia0user00001" && valid.user.username == "Grace" && valid.user.hashedPassword == "x")
            #expect(valid.user.attributes.isEmpty, "Mongoose's __v is dropped as Lucia drops it")
            #expect(valid.session.attributes == ["country": .text("NO")])
            #expect(valid.session.fresh, "10 days left of 30: renewed")
            let stored = try PyMongo.run(uri: fixture.uri, database: fixture.database, """
                s = db.sessions.find_one({"_id": "\(Self.sessionID)"})
                print(db.sessions.count_documents({"_id": "\(Self.sessionID)", "expires_at": {"$type": "date"}}), int(s["expires_at"].timestamp() * 1000), s["country"], s["user_id"])
                """)
            #expect(stored == "1 \(Int64(valid.session.expiresAt.timeIntervalSince1970) * 1000) NO lucia0user00001")
            #expect(try await store.user(username: "grace")?.id == "lucia0user00001")
        }
    }

    @Test("a session AuthStore writes has the fields and BSON types Lucia reads, and Lucia's own operations work on it", arguments: [SessionTokenFormat.luciaV3, .split])
    func authStoreWrites(format: SessionTokenFormat) async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            let store = try await AuthStore.open(backend: fixture.backend, configuration: AuthStoreConfiguration(tokenFormat: format))
            let user = try await store.createUser(username: "heidi", hashedPassword: "h", attributes: ["plan": .text("pro")])
            let created = try await store.createSession(userID: user.id, attributes: ["ip": .text("127.0.0.1")])
            let id = created.session.id
            // Lucia's getSessionAndUser, getUserSessions and the types it relies on.
            let lucia = try PyMongo.run(uri: fixture.uri, database: fixture.database, """
                rows = list(db.sessions.aggregate([{"$match": {"_id": "\(id)"}}, {"$lookup": {"from": "users", "localField": "user_id", "foreignField": "_id", "as": "userDocs"}}]))
                s = rows[0]
                u = s.pop("userDocs")[0]
                print(sorted(s.keys()))
                print(type(s["_id"]).__name__, type(s["user_id"]).__name__, type(s["expires_at"]).__name__, int(s["expires_at"].timestamp()))
                print(type(u["_id"]).__name__, u["_id"] == s["user_id"], u["username"], u["hashed_password"], u["plan"])
                print(db.sessions.count_documents({"_id": "\(id)", "expires_at": {"$type": "date"}, "user_id": {"$type": "string"}}))
                print(len(list(db.sessions.find({"user_id": "\(user.id)"}, projection={"__v": 0, "_doc": 0}))))
                print(db.sessions.count_documents({"_id": "\(id)", "secret_hash": {"$type": "binData"}}), len(s["secret_hash"]) if "secret_hash" in s else 0)
                """)
            let secretFields = format == .split ? ", 'secret_hash'" : ""
            #expect(lucia == """
                ['_id', 'expires_at', 'ip'\(secretFields), 'user_id']
                str str datetime \(Int(created.session.expiresAt.timeIntervalSince1970))
                str True heidi h pro
                1
                1
                \(format == .split ? "1 32" : "0 0")
                """)
            // Lucia's deleteExpiredSessions leaves a live session; its updateSessionExpiration is seen by AuthStore.
            let later = (Int(created.session.expiresAt.timeIntervalSince1970) + 86_400) * 1000
            try PyMongo.run(uri: fixture.uri, database: fixture.database, """
                db.sessions.delete_many({"expires_at": {"$lte": datetime.datetime.now(datetime.timezone.utc)}})
                db.sessions.find_one_and_update({"_id": "\(id)"}, {"$set": {"expires_at": datetime.datetime.fromtimestamp(\(later) / 1000, datetime.timezone.utc)}})
                """)
            let seen = try #require(try await store.validate(created.token))
            #expect(seen.session.expiresAt == Date(timeIntervalSince1970: TimeInterval(later / 1000)))
            // Lucia's deleteSession.
            try PyMongo.run(uri: fixture.uri, database: fixture.database, "db.sessions.find_one_and_delete({\"_id\": \"\(id)\"})")
            #expect(try await store.validate(created.token) == nil)
        }
    }

    @Test("the ObjectId trap: a user whose _id is an ObjectId is refused with a typed error naming it, and the session is kept")
    func objectIDUsers() async throws {
        let fixture = try MongoAuthFixture.make()
        try await withAuthFixture({ fixture }) { _ in
            let expires = (Int(Date().timeIntervalSince1970) + 20 * 86_400) * 1000
            let hex = try PyMongo.run(uri: fixture.uri, database: fixture.database, """
                oid = bson.ObjectId()
                expires = datetime.datetime.fromtimestamp(\(expires) / 1000, datetime.timezone.utc)
                db.users.insert_one({"_id": oid, "username": "oscar"})
                db.sessions.insert_one({"_id": "\(Self.sessionID)", "user_id": str(oid), "expires_at": expires})
                db.sessions.insert_one({"_id": "sameTypeSession0000000000000000000000000", "user_id": oid, "expires_at": expires})
                print(str(oid))
                """)
            let store = try await AuthStore.open(backend: fixture.backend, configuration: AuthStoreConfiguration(tokenFormat: .luciaV3))
            // String user_id against an ObjectId _id: the join finds nothing (Lucia issue #1647).
            let mismatch = await #expect(throws: AuthStoreError.self) { try await store.validate(SessionToken(Self.sessionID)) }
            #expect(mismatch?.code == .unsupportedIDType)
            #expect(mismatch?.description.contains("ObjectId") == true && mismatch?.description.contains(Self.sessionID) == false)
            #expect(try PyMongo.run(uri: fixture.uri, database: fixture.database, "print(db.sessions.count_documents({}))") == "2", "not deleted as an orphan")
            // ObjectId on both sides (Lucia with Register.UserId = ObjectId): still not a string id.
            let sameType = await #expect(throws: AuthStoreError.self) { try await store.validate(SessionToken("sameTypeSession0000000000000000000000000")) }
            #expect(sameType?.code == .unsupportedIDType)
            let byName = await #expect(throws: AuthStoreError.self) { try await store.user(username: "oscar") }
            #expect(byName?.code == .unsupportedIDType && byName?.description.contains(hex) == false)
            // A 24-hex user_id with no user at all is an ordinary orphan: rejected and deleted.
            try await fixture.insertOrphan(id: "orphanSession000000000000000000000000000", userID: String(repeating: "ab", count: 12), expiresAt: Date().addingTimeInterval(86_400))
            #expect(try await store.validate(SessionToken("orphanSession000000000000000000000000000")) == nil)
            #expect(try await fixture.backend.sessionAndUser(id: "orphanSession000000000000000000000000000") == nil)
        }
    }
}
