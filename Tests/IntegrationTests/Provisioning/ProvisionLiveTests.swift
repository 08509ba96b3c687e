import Foundation
import MongoBridge
import Testing
import TestSupport

/// `mongo-doctor provision` against the live test servers (SecantusDB), asserted through MongoBridge.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct ProvisionLiveTests {
    func json(_ args: [String], env: [String: String]? = nil, stdin: String? = nil) throws -> (Int32, [[String: Any]], String) {
        let out = try ProcessRunner.run("mongo-doctor", ["provision"] + args + ["--json"], environment: env, stdin: stdin)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.combined)")
        let steps = (object["provision"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
        return (out.status, steps, out.combined)
    }

    func statuses(_ steps: [[String: Any]]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: steps.map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") })
    }

    func withDatabase(_ uri: String, _ body: @escaping @Sendable (MongoDatabase) throws -> Void) async throws -> String {
        let name = TestServer.uniqueDatabaseName("prov")
        let pool = try ClientPool(uri: try MongoURI(uri))
        try await pool.withClient { client in try body(client.database(name)) }
        await pool.close()
        return name
    }

    func inspect<T: Sendable>(_ uri: String, _ db: String, _ body: @escaping @Sendable (MongoDatabase) throws -> T) async throws -> T {
        let pool = try ClientPool(uri: try MongoURI(uri))
        defer { Task { await pool.close() } }
        return try await pool.withClient { client in try body(client.database(db)) }
    }

    @Test func anEmptyDatabaseGetsTheLayoutThenASecondRunChangesNothing() async throws {
        let uri = try TestServer.requireURI()
        let db = TestServer.uniqueDatabaseName("prov")
        let dry = try ProcessRunner.run("mongo-doctor", ["provision", "--uri", uri, "--db", db, "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("nothing was written"))
        let (_, drySteps, _) = try json(["--uri", uri, "--db", db, "--dry-run"])
        #expect(drySteps.allSatisfy { $0["status"] as? String == "planned" })
        #expect(try await inspect(uri, db) { try $0.collectionNames() }.isEmpty, "a dry run wrote")

        let (status, steps, _) = try json(["--uri", uri, "--db", db])
        #expect(status == 0)
        #expect(steps.allSatisfy { $0["status"] as? String == "applied" }, "\(steps)")
        let (users, sessions, ledger) = try await inspect(uri, db) { d in
            (try d.listCollections(filter: ["name": "users"]).first, try d.collection("sessions").listIndexes(), try d.collection("auth_provision").countDocuments())
        }
        #expect(users?["options"]?.documentValue?["validationLevel"]?.stringValue == "moderate")
        #expect(users?["options"]?.documentValue?["validator"]?.documentValue?["$jsonSchema"] != nil)
        let ttl = sessions.first { $0["key"]?.documentValue?["expires_at"] != nil }
        #expect(ttl?["expireAfterSeconds"]?.intValue == 0)
        #expect(sessions.contains { $0["key"]?.documentValue?["user_id"]?.intValue == 1 })
        let userIndexes = try await inspect(uri, db) { try $0.collection("users").listIndexes() }
        let unique = userIndexes.first { $0["key"]?.documentValue?["username"] != nil }
        #expect(unique?["unique"]?.boolValue == true)
        #expect(unique?["collation"]?.documentValue?["strength"]?.intValue == 2)
        #expect(ledger == 5)

        let (again, second, _) = try json(["--uri", uri, "--db", db])
        #expect(again == 0 && second.allSatisfy { $0["status"] as? String == "unchanged" })
        #expect(try await inspect(uri, db) { try $0.collection("auth_provision").countDocuments() } == 5, "the second run wrote to the ledger")
        let text = try ProcessRunner.run("mongo-doctor", ["provision", "--uri", uri, "--db", db])
        #expect(text.stdout.contains("Nothing to change"))
    }

    @Test func duplicateUsernamesAreListedTheRestIsDoneExitOne() async throws {
        let uri = try TestServer.requireURI()
        let db = try await withDatabase(uri) { d in
            try d.collection("users").insertMany([["_id": "1", "username": "Alice"], ["_id": "2", "username": "alice"], ["_id": "3", "username": "bob"]])
        }
        // A dry run scans before it plans; applying builds the index and lists the usernames when the
        // server refuses it. Both say the same.
        let (_, planned, _) = try json(["--uri", uri, "--db", db, "--dry-run"])
        let plannedBlock = planned.first { $0["id"] as? String == "index.users.username-unique" }
        #expect(plannedBlock?["status"] as? String == "blocked" && (plannedBlock?["items"] as? [String]) == ["Alice", "alice"])
        let (status, steps, _) = try json(["--uri", uri, "--db", db])
        #expect(status == 1)
        let blocked = steps.first { $0["id"] as? String == "index.users.username-unique" }
        #expect(blocked?["status"] as? String == "blocked")
        #expect(blocked?["finding"] as? String == "authstore.duplicate-usernames")
        #expect((blocked?["items"] as? [String]) == ["Alice", "alice"])
        #expect(blocked?["detail"] as? String == plannedBlock?["detail"] as? String)
        #expect(statuses(steps)["index.sessions.expires_at-ttl"] == "applied")
        #expect(statuses(steps)["collection.users"] == "applied")
    }

    /// A unique username index without the case-insensitive collation lets `Alice` and `alice` both in:
    /// the usernames are still scanned (only provision's own index makes that scan needless), so they
    /// block the index step rather than showing as a mere option conflict.
    @Test func caseDuplicatesBehindACaseSensitiveUniqueIndexAreStillListed() async throws {
        let uri = try TestServer.requireURI()
        let db = try await withDatabase(uri) { d in
            let users = d.collection("users")
            try users.createIndexes([["key": ["username": 1], "name": "username_1", "unique": true]])
            try users.insertMany([["_id": "1", "username": "Alice"], ["_id": "2", "username": "alice"]])
        }
        let (status, steps, _) = try json(["--uri", uri, "--db", db])
        #expect(status == 1)
        let step = steps.first { $0["id"] as? String == "index.users.username-unique" }
        #expect(step?["status"] as? String == "blocked" && step?["finding"] as? String == "authstore.duplicate-usernames")
        #expect((step?["items"] as? [String]) == ["Alice", "alice"])
    }

    @Test func aConflictingIndexIsLeftAloneUnlessReplacing() async throws {
        let uri = try TestServer.requireURI()
        let db = try await withDatabase(uri) { d in
            try d.collection("sessions").createIndexes([["key": ["expires_at": 1], "name": "exp_hour", "expireAfterSeconds": 3600]])
        }
        let (status, steps, _) = try json(["--uri", uri, "--db", db])
        #expect(status == 1)
        let step = steps.first { $0["id"] as? String == "index.sessions.expires_at-ttl" }
        #expect(step?["status"] as? String == "conflict" && step?["finding"] as? String == "authstore.index-conflict")
        let kept = try await inspect(uri, db) { try $0.collection("sessions").listIndexes().first { $0["name"]?.stringValue == "exp_hour" } }
        #expect(kept?["expireAfterSeconds"]?.intValue == 3600)
        let (replaced, after, _) = try json(["--uri", uri, "--db", db, "--replace-conflicting"])
        #expect(replaced == 0 && statuses(after)["index.sessions.expires_at-ttl"] == "applied")
        let now = try await inspect(uri, db) { try $0.collection("sessions").listIndexes().first { $0["key"]?.documentValue?["expires_at"] != nil } }
        #expect(now?["expireAfterSeconds"]?.intValue == 0)
    }

    @Test func theLuciaV2Layout() async throws {
        let uri = try TestServer.requireURI()
        let db = TestServer.uniqueDatabaseName("prov")
        let (status, steps, _) = try json(["--uri", uri, "--db", db, "--layout", "lucia-v2"])
        #expect(status == 0)
        #expect(steps.map { $0["id"] as? String ?? "" } == ["collection.users", "collection.sessions", "collection.keys", "index.sessions.user_id", "index.keys.user_id"])
        let ttl = try await inspect(uri, db) { try $0.collection("sessions").listIndexes().filter { $0["expireAfterSeconds"] != nil } }
        #expect(ttl.isEmpty)
    }

    @Test func theAppUserGetsExactlyFourActionsAndThePasswordIsNeverShown() async throws {
        let uri = try TestServer.requireAuthURI()
        let db = TestServer.uniqueDatabaseName("prov")
        let password = "AppPw-\(UUID().uuidString)"
        let (status, steps, combined) = try json(["--uri", uri, "--db", db, "--create-app-user", "web", "--password-stdin"], stdin: password + "\n")
        #expect(status == 0, "\(steps)")
        #expect(statuses(steps)["app-role"] == "applied" && statuses(steps)["app-user"] == "applied")
        #expect(!combined.contains(password))
        let role = try await inspect(uri, db) { d in try d.runCommand(["rolesInfo": "web_auth", "showPrivileges": true]) }
        let privileges = role["roles"]?.arrayValue?.first?.documentValue?["privileges"]?.arrayValue ?? []
        #expect(Set(privileges.compactMap { $0.documentValue?["resource"]?.documentValue?["collection"]?.stringValue }) == ["users", "sessions"])
        for privilege in privileges {
            #expect(Set((privilege.documentValue?["actions"]?.arrayValue ?? []).compactMap(\.stringValue)) == ["find", "insert", "update", "remove"])
        }
        let ledger = try await inspect(uri, db) { try $0.collection("auth_provision").find() }
        #expect(!"\(ledger)".contains(password))
        // The app user is denied an action outside its role (SecantusDB enforces actions, not collection resources).
        let host = try #require(uri.split(separator: "@").last.map(String.init)?.split(separator: "/").first)
        let appPool = try ClientPool(uri: try MongoURI("mongodb://web:\(password)@\(host)/\(db)?authSource=\(db)"))
        let denied: Int? = try await appPool.withClient { client in
            do { _ = try client.database(db).runCommand(["drop": "sessions"]); return nil } catch let error as MongoError { return error.serverCode }
        }
        await appPool.close()
        #expect(denied == 13)
        let (again, second, out) = try json(["--uri", uri, "--db", db, "--create-app-user", "web"], env: ProcessInfo.processInfo.environment.merging(["MONGO_DOCTOR_APP_PASSWORD": password]) { $1 })
        #expect(again == 0 && second.allSatisfy { $0["status"] as? String == "unchanged" })
        #expect(!out.contains(password))
    }
}
