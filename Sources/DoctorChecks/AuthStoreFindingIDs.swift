public import DoctorCore

/// The finding ids of the `authstore` check (`check --db NAME`): API, listed in the README; never renamed
/// silently. Their wording is in `Diagnostics/authstore-check.json`.
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
}
