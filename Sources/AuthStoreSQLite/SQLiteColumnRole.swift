/// What a `session` or `user` column means to AuthStore, worked out once per schema
/// (`SQLiteSchema.sessionRoles`, `.userRoles`) so that a row is decoded by position, without
/// comparing every column's name against the known ones on every read.
enum SQLiteColumnRole: Sendable, Equatable {
    /// `id` of either table.
    case id
    /// `session.user_id`.
    case userID
    /// `session.expires_at`.
    case expiresAt
    /// `session.secret_hash` (`split`).
    case secretHash
    /// `user.username`.
    case username
    /// `user.hashed_password`.
    case hashedPassword
    /// Any other column: an attribute under its own name.
    case attribute(String)

    /// The role of a `session` column.
    static func session(_ name: String) -> Self {
        switch name {
        case "id": .id
        case "user_id": .userID
        case "expires_at": .expiresAt
        case "secret_hash": .secretHash
        default: .attribute(name)
        }
    }

    /// The role of a `user` column.
    static func user(_ name: String) -> Self {
        switch name {
        case "id": .id
        case "username": .username
        case "hashed_password": .hashedPassword
        default: .attribute(name)
        }
    }
}
