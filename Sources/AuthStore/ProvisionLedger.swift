/// Where `mongo-doctor provision` records what it applied, and what the backends read back from it
/// (the session token format the database was provisioned with).
public enum ProvisionLedger {
    /// The ledger collection: `<prefix>_provision` when the users collection is `<prefix>_…`, else
    /// `auth_provision`.
    public static func collection(forUsers users: String) -> String {
        if let underscore = users.firstIndex(of: "_"), underscore != users.startIndex {
            return users[..<underscore] + "_provision"
        }
        return "auth_provision"
    }

    /// The key of a ledger entry that holds the session token format.
    public static let sessionFormatKey = "sessionFormat"
    /// The key of a ledger entry that holds when it was applied (a Date).
    public static let appliedAtKey = "appliedAt"
}
