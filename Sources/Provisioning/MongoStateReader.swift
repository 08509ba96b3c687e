import AuthStore
import AuthStoreMongo
import MongoBridge

/// Reads a `ProvisionState` through MongoBridge (blocking: call it inside `ClientPool.withClient`).
/// Reads only: `listCollections`, `listIndexes`, one aggregate, `hello`, `rolesInfo`, `usersInfo`,
/// `connectionStatus`.
struct MongoStateReader {
    let client: MongoClient
    let request: ProvisionRequest

    var database: MongoDatabase { client.database(request.database) }

    /// The state. `scanWithoutIndex`: whether usernames are scanned for case duplicates when `users` has
    /// no index on `username` at all (see `needsCaseDuplicateScan`).
    func read(scanWithoutIndex: Bool = true) throws -> ProvisionState {
        var state = ProvisionState()
        let wanted = Set(request.names.all(for: request.layout))
        for info in try database.listCollections() {
            guard let name = info["name"]?.stringValue, wanted.contains(name) else { continue }
            let options = info["options"]?.documentValue ?? [:]
            let validator = options["validator"]?.documentValue
            state.collections[name] = ProvisionState.Collection(
                jsonSchema: validator?["$jsonSchema"]?.documentValue,
                hasOtherValidator: validator.map { !$0.isEmpty && $0["$jsonSchema"] == nil } ?? false,
                validationLevel: options["validationLevel"]?.stringValue,
                indexes: try database.collection(name).listIndexes())
        }
        if request.layout == .luciaV3, let users = state.collections[request.names.users],
           Self.needsCaseDuplicateScan(users.indexes, withoutIndex: scanWithoutIndex) {
            state.duplicateUsernames = try duplicateUsernames()
        }
        let hello = try client.runCommand(["hello": 1])
        state.isMongos = hello["msg"]?.stringValue == "isdbgrid"
        if state.isMongos, request.shardSessions {
            let namespace = "\(request.database).\(request.names.sessions)"
            let entry = try client.database("config").collection("collections").findOne(["_id": .string(namespace)])
            if entry?["dropped"]?.boolValue != true { state.sessionsShardKey = entry?["key"]?.documentValue }
        }
        if let appUser = request.appUser {
            state.missingPrivilege = try missingPrivilege()
            if state.missingPrivilege == nil {
                let roles = try database.runCommand(["rolesInfo": .string(appUser.roleName), "showPrivileges": true])
                state.appRolePrivileges = roles["roles"]?.arrayValue?.first?.documentValue?["privileges"]?.arrayValue
                let users = try database.runCommand(["usersInfo": .string(appUser.name)])
                state.appUserRoles = users["users"]?.arrayValue?.first?.documentValue?["roles"]?.arrayValue
            }
        }
        return state
    }

    /// Whether the users must be scanned for usernames that differ only in case (`duplicateUsernames()`,
    /// a pass over every user) to plan the unique username index, given the collection's `indexes`:
    /// - no: the index is there exactly as `provision` builds it (case-insensitive collation), so no two
    ///   usernames can collide (every re-check after `provision` built it);
    /// - `withoutIndex`: no index on `username` at all. Applying, `provision` then simply builds it: the
    ///   server refuses it (11000) when usernames collide, and only then are they scanned for and listed;
    /// - yes: an index on `username` with other options, which `--replace-conflicting` would drop first.
    static func needsCaseDuplicateScan(_ indexes: [BSONDocument], withoutIndex: Bool) -> Bool {
        let unique = AuthSchemas.indexes(for: .luciaV3).filter(\.unique)
        let onUsername = indexes.filter { index in unique.contains { $0.hasSameKey(index) } }
        if onUsername.isEmpty { return withoutIndex }
        return !onUsername.contains { index in unique.contains { $0.optionDifferences(index).isEmpty } }
    }

    /// Usernames equal when lowercased (`$toLower`: ASCII case, as close as a pipeline gets to the collation).
    func duplicateUsernames() throws -> [[String]] {
        let groups = try database.collection(request.names.users).aggregate([
            ["$match": ["username": ["$type": "string"]]],
            ["$group": ["_id": ["$toLower": "$username"], "names": ["$push": "$username"], "count": ["$sum": 1]]],
            ["$match": ["count": ["$gt": 1]]],
            ["$sort": ["_id": 1]],
            ["$limit": 100],
        ])
        return groups.map { ($0["names"]?.arrayValue ?? []).compactMap(\.stringValue).sorted() }
    }

    /// The first action the connecting user lacks for the app role and user, through both paths of `PrivilegeCheck`.
    func missingPrivilege() throws -> String? {
        let status = try client.runCommand(["connectionStatus": 1, "showPrivileges": true])
        let authInfo = status["authInfo"]?.documentValue ?? [:]
        var userDefined: [RoleName: PrivilegeCheck.RoleDescription] = [:]
        if (authInfo["authenticatedUserPrivileges"]?.arrayValue ?? []).isEmpty {
            for role in (authInfo["authenticatedUserRoles"]?.arrayValue ?? []).compactMap(RoleName.init) where !PrivilegeCheck.isBuiltIn(role) {
                let reply = try client.database(role.db).runCommand([
                    "rolesInfo": .document(["role": .string(role.role), "db": .string(role.db)]), "showPrivileges": true,
                ])
                if let doc = reply["roles"]?.arrayValue?.first?.documentValue { userDefined[role] = PrivilegeCheck.RoleDescription(doc) }
            }
        }
        return PrivilegeCheck.missingAction(database: request.database, authInfo: authInfo, userDefined: userDefined)
    }

    /// The session format: the one asked for, else the ledger's last, else what stored sessions show, else `split`.
    func sessionFormat() throws -> SessionTokenFormat {
        if let asked = request.sessionFormat { return asked }
        if let format = try MongoAuthBackend.recordedSessionFormat(in: database, usersCollection: request.names.users) { return format }
        let sample = try database.collection(request.names.sessions).find([:], projection: ["_id": 1, "secret_hash": 1], limit: 20)
        let detected = SessionTokenFormat.detect(
            hasSecretHashColumn: sample.contains { $0["secret_hash"] != nil },
            sampleSessionIDs: sample.compactMap { $0["_id"]?.stringValue })
        return detected ?? .defaultForNewDatabases
    }
}
