public import DoctorCore

/// The fix ids of the `authstore` check: API, listed in the README; never renamed silently.
extension FixID {
    /// `authstore.provision`: Create the missing collections, indexes and validators with `mongo-doctor provision`.
    public static let authStoreProvision: FixID = "authstore.provision"
    /// `authstore.drop-conflicting-index`: Drop the index with the other options, then provision.
    public static let authStoreDropConflictingIndex: FixID = "authstore.drop-conflicting-index"
    /// `authstore.migrate`: Migrate the v2 layout to v3 with `mongo-doctor migrate`.
    public static let authStoreMigrate: FixID = "authstore.migrate"
    /// `authstore.match-user-id-type`: Write `sessions.user_id` with the BSON type of `users._id`.
    public static let authStoreMatchUserIDType: FixID = "authstore.match-user-id-type"
    /// `authstore.delete-orphan-sessions`: Delete the sessions whose user does not exist.
    public static let authStoreDeleteOrphanSessions: FixID = "authstore.delete-orphan-sessions"
    /// `authstore.delete-expired-sessions`: Delete the expired sessions (and let a TTL index keep them away).
    public static let authStoreDeleteExpiredSessions: FixID = "authstore.delete-expired-sessions"
    /// `authstore.merge-duplicate-usernames`: Rename or merge the users whose names differ only in case.
    public static let authStoreMergeDuplicateUsernames: FixID = "authstore.merge-duplicate-usernames"
    /// `security.least-privilege-user`: Give the application a user with readWrite on its own database only.
    public static let securityLeastPrivilegeUser: FixID = "security.least-privilege-user"
}
