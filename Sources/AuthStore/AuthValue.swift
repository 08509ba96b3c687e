/// One attribute value of a user or a session, as a database holds it: Lucia keeps every column or
/// field it does not know ("attributes") and hands it through unchanged; so do we.
public enum AuthValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case blob([UInt8])
    case null
}

/// Attributes by column (SQLite) or field (MongoDB) name.
public typealias AuthAttributes = [String: AuthValue]

/// The column and field names the layout owns; attributes may not use them.
public enum AuthLayoutNames {
    /// User columns (`user` table / `users` collection) besides attributes.
    public static let userColumns: Set<String> = ["id", "_id", "username", "hashed_password"]
    /// Session columns (`session` table / `sessions` collection) besides attributes.
    public static let sessionColumns: Set<String> = ["id", "_id", "user_id", "expires_at", "secret_hash"]

    /// Whether `name` may be an attribute next to `reserved`: not reserved, not empty, and made of
    /// letters, digits and underscores only (so that a backend may use it as a column name).
    public static func isValidAttributeName(_ name: String, reserved: Set<String>) -> Bool {
        guard !name.isEmpty, !reserved.contains(name), name.utf8.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
