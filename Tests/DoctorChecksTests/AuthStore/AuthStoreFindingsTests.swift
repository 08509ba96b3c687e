import DoctorChecks
import DoctorCore
import MongoBridge
import Testing

/// `AuthStoreFindings`: which findings a snapshot makes, with the values the catalog's wording names.
@Suite struct AuthStoreFindingsTests {
    static let target = AuthStoreTarget(database: "shop", users: "auth_users", sessions: "auth_sessions")
    let rules = AuthStoreFindings(target: target)

    static func healthy() -> AuthStoreSnapshot {
        var snapshot = AuthStoreSnapshot()
        snapshot.collections = ["auth_users": true, "auth_sessions": true]
        snapshot.indexes = [
            "auth_sessions": [["key": ["_id": 1], "name": "_id_"], ["key": ["user_id": 1], "name": "u"],
                              ["key": ["expires_at": 1], "name": "e", "expireAfterSeconds": 0]],
            "auth_users": [["key": ["username": 1], "name": "n", "unique": true, "collation": ["locale": "en", "strength": 2]]],
        ]
        snapshot.userIDTypes = ["string": 3]
        snapshot.sessionUserIDTypes = ["string": 5]
        snapshot.orphanSessions = 0
        snapshot.expiredSessions = 0
        return snapshot
    }

    @Test func healthyStoreHasNoFinding() {
        #expect(rules.findings(for: Self.healthy()).isEmpty)
    }

    @Test func emptyDatabaseIsTwoMissingCollections() {
        let findings = rules.findings(for: AuthStoreSnapshot())
        #expect(findings.map(\.id) == [.authStoreMissing, .authStoreMissing])
        #expect(findings.map { $0.values["collection"] } == ["auth_users", "auth_sessions"])
        #expect(findings.allSatisfy { $0.values["db"] == "shop" && $0.fixes.map(\.id) == [.authStoreProvision] })
    }

    @Test func missingValidatorAndTTL() {
        var snapshot = Self.healthy()
        snapshot.collections["auth_sessions"] = false
        snapshot.indexes["auth_sessions"]?.removeLast()
        let findings = rules.findings(for: snapshot)
        #expect(findings.map(\.id) == [.authStoreIndexMissing, .authStoreValidatorMissing])
        #expect(findings[0].values["keys"] == "{expires_at: 1}" && findings[0].values["options"] == "expireAfterSeconds 0")
        #expect(findings[1].values["collection"] == "auth_sessions")
    }

    @Test func objectIdUsersWithStringSessionsIsATypeMismatch() throws {
        var snapshot = Self.healthy()
        snapshot.userIDTypes = ["objectId": 2]
        snapshot.orphanSessions = nil
        let finding = try #require(rules.findings(for: snapshot).first)
        #expect(finding.id == .authStoreUserIDTypeMismatch)
        #expect(finding.values["userIdType"] == "objectId" && finding.values["sessionUserIdType"] == "string")
        #expect(finding.evidence == ["auth_users._id: 2 objectId", "auth_sessions.user_id: 5 string"])
    }

    @Test func v2LayoutSkipsTheV3IndexesAndOffersMigrate() {
        var snapshot = Self.healthy()
        snapshot.collections["keys"] = false
        snapshot.indexes = [:]
        snapshot.v2SessionFields = ["active_expires", "idle_expires"]
        snapshot.expiredSessions = 4
        let findings = rules.findings(for: snapshot)
        #expect(findings.map(\.id) == [.authStoreLayoutV2, .authStoreExpiredSessions])
        #expect(findings[0].values["signs"] == "collection keys; sessions with active_expires, idle_expires")
        #expect(findings.map { $0.fixes.map(\.id) } == [[.authStoreMigrate], [.authStoreMigrate]])
    }

    @Test func countsAndDuplicates() {
        var snapshot = Self.healthy()
        snapshot.orphanSessions = 2
        snapshot.expiredSessions = 3
        snapshot.duplicateUsernames = [("alice", 3), ("bob", 2)]
        let findings = rules.findings(for: snapshot)
        #expect(findings.map(\.id) == [.authStoreOrphanSessions, .authStoreExpiredSessions, .authStoreDuplicateUsernames])
        #expect(findings.map { $0.values["count"] } == ["2", "3", "2"])
        #expect(findings[1].fixes.map(\.id) == [.authStoreDeleteExpiredSessions, .authStoreProvision])
        #expect(findings[2].evidence == ["alice: 3 users", "bob: 2 users"] && findings[2].values["examples"] == "alice, bob")
    }

    @Test(arguments: [(false, [FindingID.authStoreLayoutV2]), (true, [])])
    func keysAVerifiedMigrationKeptAreNoV2Sign(_ migrated: Bool, _ expected: [FindingID]) {
        var snapshot = Self.healthy()
        snapshot.collections["keys"] = false
        snapshot.migratedFromV2 = migrated
        #expect(rules.findings(for: snapshot).map(\.id) == expected)
    }
}
