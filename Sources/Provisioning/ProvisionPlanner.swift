public import AuthStore
import MongoBridge
import DoctorCore

/// Turns what the database holds into the ordered steps of a plan: a pure function, so every
/// decision (create, leave alone, conflict, blocked) is tested without a server.
///
/// Order: the collections (users, sessions, keys), their indexes, sharding, the app role, the app user.
public enum ProvisionPlanner {
    /// The plan for `request` against `state`, with validators for `format`.
    public static func plan(_ state: ProvisionState, _ request: ProvisionRequest, format: SessionTokenFormat) -> [ProvisionStep] {
        var steps: [ProvisionStep] = []
        for role in CollectionRole.all(for: request.layout) {
            steps.append(collectionStep(role, state, request, format: format))
        }
        for spec in AuthSchemas.indexes(for: request.layout) {
            steps.append(indexStep(spec, state, request))
        }
        if request.shardSessions { steps.append(shardStep(state, request)) }
        if let appUser = request.appUser { steps.append(contentsOf: appUserSteps(appUser, state, request)) }
        return steps
    }

    static func collectionStep(_ role: CollectionRole, _ state: ProvisionState, _ request: ProvisionRequest, format: SessionTokenFormat) -> ProvisionStep {
        let id = "collection.\(role.rawValue)"
        let name = role.name(in: request.names)
        let schema = AuthSchemas.validator(for: role, layout: request.layout, format: format)
        let options = AuthSchemas.collectionOptions(validator: schema)
        guard let existing = state.collections[name] else {
            return ProvisionStep(id: id, status: .planned, detail: "create \(name) with a $jsonSchema validator (validationLevel moderate)",
                                 action: .createCollection(name: name, options: options))
        }
        if existing.jsonSchema == schema && existing.validationLevel == "moderate" {
            return ProvisionStep(id: id, status: .unchanged, detail: "\(name) exists with the validator")
        }
        if existing.jsonSchema == nil && !existing.hasOtherValidator {
            return ProvisionStep(id: id, status: .planned, detail: "\(name) exists without a validator: add it (collMod, validationLevel moderate)",
                                 action: .collMod(name: name, options: options))
        }
        let what = existing.jsonSchema == schema ? "validationLevel \(existing.validationLevel ?? "strict")" : "another validator"
        if request.replaceConflicting {
            return ProvisionStep(id: id, status: .planned, detail: "\(name) has \(what): replace it (collMod, --replace-conflicting)",
                                 action: .collMod(name: name, options: options))
        }
        return ProvisionStep(id: id, status: .conflict, detail: "\(name) has \(what); left alone (--replace-conflicting replaces it)",
                             finding: .authStoreValidatorConflict)
    }

    static func indexStep(_ spec: IndexSpec, _ state: ProvisionState, _ request: ProvisionRequest) -> ProvisionStep {
        let collection = spec.role.name(in: request.names)
        let what = describe(spec)
        if spec.unique, !state.duplicateUsernames.isEmpty {
            let groups = state.duplicateUsernames.map { $0.joined(separator: " = ") }
            return ProvisionStep(
                id: spec.stepID, status: .blocked,
                detail: "\(state.duplicateUsernames.count) group(s) of usernames in \(collection) differ only in case and block \(what): \(groups.joined(separator: "; "))",
                finding: .authStoreDuplicateUsernames, items: state.duplicateUsernames.flatMap { $0 })
        }
        let existing = state.collections[collection]?.indexes.first(where: spec.hasSameKey)
        guard let existing else {
            return ProvisionStep(id: spec.stepID, status: .planned, detail: "create \(what) on \(collection)",
                                 action: .createIndex(collection: collection, model: spec.model, dropFirst: nil))
        }
        let differences = spec.optionDifferences(existing)
        let existingName = existing["name"]?.stringValue ?? spec.name
        if differences.isEmpty {
            return ProvisionStep(id: spec.stepID, status: .unchanged, detail: "\(collection) has \(what) (\(existingName))")
        }
        let found = "\(collection) has index \(existingName) on {\(spec.field): 1} with \(differences.joined(separator: ", "))"
        if request.replaceConflicting {
            return ProvisionStep(id: spec.stepID, status: .planned, detail: "\(found): drop it and create \(what) (--replace-conflicting)",
                                 action: .createIndex(collection: collection, model: spec.model, dropFirst: existingName))
        }
        return ProvisionStep(id: spec.stepID, status: .conflict, detail: "\(found), not \(what); left alone (--replace-conflicting replaces it)",
                             finding: .authStoreIndexConflict)
    }

    static func describe(_ spec: IndexSpec) -> String {
        var parts = ["{\(spec.field): 1}"]
        if let ttl = spec.expireAfterSeconds { parts.append("TTL expireAfterSeconds \(ttl)") }
        if spec.unique { parts.append("unique") }
        if spec.collation != nil { parts.append("case-insensitive (collation en, strength 2)") }
        return parts.joined(separator: " ")
    }

    static let hashedID: BSONDocument = ["_id": "hashed"]

    static func shardStep(_ state: ProvisionState, _ request: ProvisionRequest) -> ProvisionStep {
        let namespace = "\(request.database).\(request.names.sessions)"
        guard state.isMongos else {
            return ProvisionStep(id: "shard.sessions", status: .blocked, detail: "not connected through a mongos (hello has no msg: isdbgrid): \(namespace) is not sharded",
                                 finding: .authStoreShardingUnavailable)
        }
        guard let key = state.sessionsShardKey else {
            return ProvisionStep(id: "shard.sessions", status: .planned, detail: "shard \(namespace) on {_id: \"hashed\"}",
                                 action: .shardCollection(namespace: namespace, key: hashedID))
        }
        if key == hashedID { return ProvisionStep(id: "shard.sessions", status: .unchanged, detail: "\(namespace) is sharded on {_id: \"hashed\"}") }
        return ProvisionStep(id: "shard.sessions", status: .conflict, detail: "\(namespace) is sharded on another key; a shard key stays (left alone)",
                             finding: .authStoreShardingUnavailable)
    }
}
