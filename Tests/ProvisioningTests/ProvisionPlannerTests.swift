import AuthStore
import DoctorCore
import MongoBridge
import Provisioning
import Testing

/// The plan as a pure function of what the database holds (no server).
@Suite struct ProvisionPlannerTests {
    static func request(_ layout: ProvisionLayout = .luciaV3, replace: Bool = false, shard: Bool = false, app: Bool = false) -> ProvisionRequest {
        ProvisionRequest(database: "auth", layout: layout, replaceConflicting: replace, shardSessions: shard,
                         appUser: app ? AppUserRequest(name: "web", password: "pw-never-shown") : nil, toolVersion: "0.1.0")
    }

    /// The state right after a full v3 provisioning.
    static func provisioned(_ layout: ProvisionLayout = .luciaV3, format: SessionTokenFormat = .split) -> ProvisionState {
        var state = ProvisionState()
        let names = AuthCollectionNames()
        for role in CollectionRole.all(for: layout) {
            let schema = AuthSchemas.validator(for: role, layout: layout, format: format)
            let indexes = AuthSchemas.indexes(for: layout).filter { $0.role == role }.map(\.model)
            state.collections[role.name(in: names)] = .init(jsonSchema: schema, validationLevel: "moderate", indexes: indexes)
        }
        return state
    }

    @Test(arguments: [
        (ProvisionLayout.luciaV3, ["collection.users", "collection.sessions", "index.sessions.user_id", "index.sessions.expires_at-ttl", "index.users.username-unique"]),
        (.luciaV2, ["collection.users", "collection.sessions", "collection.keys", "index.sessions.user_id", "index.keys.user_id"]),
    ])
    func anEmptyDatabasePlansExactlyTheLayout(layout: ProvisionLayout, ids: [String]) {
        let steps = ProvisionPlanner.plan(ProvisionState(), Self.request(layout), format: .split)
        #expect(steps.map(\.id) == ids)
        #expect(steps.allSatisfy { $0.status == .planned && $0.action != nil })
    }

    @Test(arguments: [ProvisionLayout.luciaV3, .luciaV2])
    func aProvisionedDatabasePlansNothing(layout: ProvisionLayout) {
        let steps = ProvisionPlanner.plan(Self.provisioned(layout), Self.request(layout), format: .split)
        #expect(steps.allSatisfy { $0.status == .unchanged && $0.action == nil }, "\(steps)")
    }

    @Test func theV3IndexesHaveTheirOptions() {
        let models = AuthSchemas.indexes(for: .luciaV3).map(\.model)
        #expect(models[1]["expireAfterSeconds"]?.intValue == 0)
        #expect(models[2]["unique"]?.boolValue == true)
        #expect(models[2]["collation"]?.documentValue?["strength"]?.intValue == 2)
        #expect(AuthSchemas.indexes(for: .luciaV2).allSatisfy { $0.expireAfterSeconds == nil })
    }

    @Test func theSplitFormatRequiresSecretHash() {
        let split = AuthSchemas.validator(for: .sessions, layout: .luciaV3, format: .split)
        let v3 = AuthSchemas.validator(for: .sessions, layout: .luciaV3, format: .luciaV3)
        #expect(split["required"]?.arrayValue?.contains(.string("secret_hash")) == true)
        #expect(v3["required"]?.arrayValue?.contains(.string("secret_hash")) == false)
    }

    @Test(arguments: [false, true])
    func anIndexWithOtherOptionsIsAConflictUnlessReplacing(replace: Bool) {
        var state = Self.provisioned()
        state.collections["sessions"]?.indexes[1] = ["key": ["expires_at": 1], "name": "exp", "expireAfterSeconds": 3600]
        let step = ProvisionPlanner.plan(state, Self.request(replace: replace), format: .split).first { $0.id == "index.sessions.expires_at-ttl" }
        if replace {
            #expect(step?.status == .planned)
            #expect(step?.action == .createIndex(collection: "sessions", model: AuthSchemas.indexes(for: .luciaV3)[1].model, dropFirst: "exp"))
        } else {
            #expect(step?.status == .conflict)
            #expect(step?.finding == .authStoreIndexConflict)
            #expect(step?.detail.contains("expireAfterSeconds 3600") == true)
        }
    }

    @Test func aCaseSensitiveUsernameIndexConflicts() {
        var state = Self.provisioned()
        state.collections["users"]?.indexes = [["key": ["username": 1], "name": "username_1", "unique": true]]
        let step = ProvisionPlanner.plan(state, Self.request(), format: .split).first { $0.id == "index.users.username-unique" }
        #expect(step?.status == .conflict)
        #expect(step?.finding == .authStoreIndexConflict)
    }

    @Test func mongodsFullCollationMatches() {
        var state = Self.provisioned()
        state.collections["users"]?.indexes = [["key": ["username": 1], "name": "username_1", "unique": true, "collation": [
            "locale": "en", "caseLevel": false, "caseFirst": "off", "strength": .int32(2), "numericOrdering": false, "version": "57.1",
        ]]]
        let step = ProvisionPlanner.plan(state, Self.request(), format: .split).first { $0.id == "index.users.username-unique" }
        #expect(step?.status == .unchanged)
    }

    @Test func duplicateUsernamesBlockOnlyTheUniqueIndex() {
        var state = ProvisionState()
        state.collections["users"] = .init()
        state.duplicateUsernames = [["Alice", "alice"]]
        let steps = ProvisionPlanner.plan(state, Self.request(), format: .split)
        let blocked = steps.filter { $0.status == .blocked }
        #expect(blocked.map(\.id) == ["index.users.username-unique"])
        #expect(blocked.first?.items == ["Alice", "alice"])
        #expect(blocked.first?.finding == .authStoreDuplicateUsernames)
        #expect(steps.filter { $0.status == .planned }.count == 4)
    }

    @Test(arguments: [false, true])
    func anotherValidatorIsAConflictUnlessReplacing(replace: Bool) {
        var state = Self.provisioned()
        state.collections["users"]?.jsonSchema = ["bsonType": "object"]
        let step = ProvisionPlanner.plan(state, Self.request(replace: replace), format: .split)[0]
        #expect(step.status == (replace ? .planned : .conflict))
        if !replace { #expect(step.finding == .authStoreValidatorConflict) }
    }

    @Test func aCollectionWithoutValidatorGetsOneByCollMod() {
        var state = Self.provisioned()
        state.collections["users"]?.jsonSchema = nil
        state.collections["users"]?.validationLevel = nil
        guard case .collMod(name: "users", _)? = ProvisionPlanner.plan(state, Self.request(), format: .split)[0].action else {
            Issue.record("no collMod")
            return
        }
    }

    /// The mongos sharding plan (no sharded cluster exists here: this is its only test).
    @Test(arguments: [
        (false, nil as BSONDocument?, ProvisionStep.Status.blocked),
        (true, nil, .planned),
        (true, ["_id": "hashed"] as BSONDocument, .unchanged),
        (true, ["user_id": 1] as BSONDocument, .conflict),
    ])
    func shardingSessions(isMongos: Bool, key: BSONDocument?, status: ProvisionStep.Status) {
        var state = Self.provisioned()
        state.isMongos = isMongos
        state.sessionsShardKey = key
        let step = ProvisionPlanner.plan(state, Self.request(shard: true), format: .split).last
        #expect(step?.id == "shard.sessions")
        #expect(step?.status == status)
        if status == .planned { #expect(step?.action == .shardCollection(namespace: "auth.sessions", key: ["_id": "hashed"])) }
        if status == .blocked || status == .conflict { #expect(step?.finding == .authStoreShardingUnavailable) }
    }

    @Test func withoutShardSessionsAMongosPlansNoSharding() {
        var state = Self.provisioned()
        state.isMongos = true
        #expect(!ProvisionPlanner.plan(state, Self.request(), format: .split).contains { $0.id == "shard.sessions" })
    }

    @Test func theAppRoleHasExactlyFourActionsPerAuthCollection() {
        let steps = ProvisionPlanner.plan(Self.provisioned(), Self.request(app: true), format: .split)
        guard case .createRole(let name, let privileges)? = steps.first(where: { $0.id == "app-role" })?.action else {
            Issue.record("no role step")
            return
        }
        #expect(name == "web_auth")
        #expect(privileges.count == 2)
        for privilege in privileges {
            #expect(privilege.documentValue?["actions"] == .array(["find", "insert", "update", "remove"]))
        }
        #expect(!"\(steps)".contains("pw-never-shown"))
        #expect(!"\(Self.request(app: true).appUser!)".contains("pw-never-shown"))
    }

    @Test func aMissingPrivilegeBlocksTheAppSteps() {
        var state = Self.provisioned()
        state.missingPrivilege = "createRole"
        let steps = ProvisionPlanner.plan(state, Self.request(app: true), format: .split).suffix(2)
        #expect(steps.allSatisfy { $0.status == .blocked && $0.finding == .authStoreMissingPrivilege && $0.detail.contains("createRole") })
    }

    @Test func theLedgerNameFollowsThePrefix() {
        #expect(AuthCollectionNames().ledger == "auth_provision")
        #expect(AuthCollectionNames(users: "shop_users").ledger == "shop_provision")
    }
}
