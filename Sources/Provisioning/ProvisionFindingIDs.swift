public import DoctorCore

/// The finding ids `provision` reports on its steps: API, listed in the README and worded in
/// Diagnostics/authstore.json; never renamed silently.
extension FindingID {
    /// `authstore.index-conflict`: an index with the same keys but other options exists; left alone unless `--replace-conflicting`.
    public static let authstoreIndexConflict: FindingID = "authstore.index-conflict"
    /// `authstore.validator-conflict`: the collection has another `$jsonSchema` validator; left alone unless `--replace-conflicting`.
    public static let authstoreValidatorConflict: FindingID = "authstore.validator-conflict"
    /// `authstore.duplicate-usernames`: usernames that differ only in case block the unique index.
    public static let authstoreDuplicateUsernames: FindingID = "authstore.duplicate-usernames"
    /// `authstore.missing-privilege`: the connecting user lacks a privilege the step needs.
    public static let authstoreMissingPrivilege: FindingID = "authstore.missing-privilege"
    /// `authstore.role-conflict`: the app role or app user exists with other privileges or roles; left alone.
    public static let authstoreRoleConflict: FindingID = "authstore.role-conflict"
    /// `authstore.sharding-unavailable`: `--shard-sessions` was asked, but the server is no mongos (or sessions are sharded on another key).
    public static let authstoreShardingUnavailable: FindingID = "authstore.sharding-unavailable"
    /// `authstore.step-failed`: the server refused a step, or the step did not hold on re-check.
    public static let authstoreStepFailed: FindingID = "authstore.step-failed"
}
