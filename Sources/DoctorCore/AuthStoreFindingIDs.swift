/// The finding ids of the `authstore` area: the `authstore` check (`check --db NAME`, worded in
/// Diagnostics/authstore-check.json) and `provision`'s steps (Diagnostics/authstore.json); the two share
/// `authstore.index-conflict` and `authstore.duplicate-usernames`. API, listed in the README; never
/// renamed silently.
extension FindingID {
    /// `authstore.missing`: The users or sessions collection does not exist in the database.
    public static let authStoreMissing: FindingID = "authstore.missing"
    /// `authstore.index-missing`: An index the auth store needs is missing.
    public static let authStoreIndexMissing: FindingID = "authstore.index-missing"
    /// `authstore.index-conflict`: An index has the keys the auth store needs but other options.
    public static let authStoreIndexConflict: FindingID = "authstore.index-conflict"
    /// `authstore.validator-missing`: A collection of the auth store has no `$jsonSchema` validator.
    public static let authStoreValidatorMissing: FindingID = "authstore.validator-missing"
    /// `authstore.layout-v2`: The database has Lucia v2's layout (`keys`, numeric `active_expires`/`idle_expires`).
    public static let authStoreLayoutV2: FindingID = "authstore.layout-v2"
    /// `authstore.user-id-type-mismatch`: `users._id` and `sessions.user_id` have different BSON types.
    public static let authStoreUserIDTypeMismatch: FindingID = "authstore.user-id-type-mismatch"
    /// `authstore.orphan-sessions`: Sessions whose user does not exist.
    public static let authStoreOrphanSessions: FindingID = "authstore.orphan-sessions"
    /// `authstore.expired-sessions`: Expired sessions still stored.
    public static let authStoreExpiredSessions: FindingID = "authstore.expired-sessions"
    /// `authstore.duplicate-usernames`: Usernames that differ only in case.
    public static let authStoreDuplicateUsernames: FindingID = "authstore.duplicate-usernames"
    /// `security.app-user-privileged`: The URI's user has root-like roles.
    public static let securityAppUserPrivileged: FindingID = "security.app-user-privileged"
    /// `authstore.validator-conflict`: the collection has another `$jsonSchema` validator; left alone unless `--replace-conflicting`.
    public static let authStoreValidatorConflict: FindingID = "authstore.validator-conflict"
    /// `authstore.missing-privilege`: the connecting user lacks a privilege the step needs.
    public static let authStoreMissingPrivilege: FindingID = "authstore.missing-privilege"
    /// `authstore.role-conflict`: the app role or app user exists with other privileges or roles; left alone.
    public static let authStoreRoleConflict: FindingID = "authstore.role-conflict"
    /// `authstore.sharding-unavailable`: `--shard-sessions` was asked, but the server is no mongos (or sessions are sharded on another key).
    public static let authStoreShardingUnavailable: FindingID = "authstore.sharding-unavailable"
    /// `authstore.step-failed`: the server refused a step, or the step did not hold on re-check.
    public static let authStoreStepFailed: FindingID = "authstore.step-failed"
}
