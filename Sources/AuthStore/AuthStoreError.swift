/// Why an AuthStore operation failed. Like postgres-nio's `PSQLError`, a `code` to switch on and a
/// description that never holds a token, a hash, a password, or a database's own message: only our
/// wording, the file (a path is not a secret), an attribute name, and the backend's numeric code.
public struct AuthStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's name (`usernameTaken`, `notADatabase`, …).
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The username is empty after trimming, or too long.
        public static let invalidUsername = Code("invalidUsername")
        /// Another user has this username (compared case-insensitively).
        public static let usernameTaken = Code("usernameTaken")
        /// A user or session with this id exists already.
        public static let duplicateID = Code("duplicateID")
        /// The user does not exist.
        public static let userNotFound = Code("userNotFound")
        /// An attribute name is reserved, malformed, or not a column of the table.
        public static let invalidAttribute = Code("invalidAttribute")
        /// The system random generator failed.
        public static let randomUnavailable = Code("randomUnavailable")
        /// The password hasher failed.
        public static let passwordHashing = Code("passwordHashing")
        /// The file is not a database (SQLite's header is missing: another kind of file).
        public static let notADatabase = Code("notADatabase")
        /// The database is damaged (truncated, malformed).
        public static let corruptDatabase = Code("corruptDatabase")
        /// The database could not be opened (missing directory, permissions).
        public static let cannotOpen = Code("cannotOpen")
        /// The database is read-only.
        public static let readOnly = Code("readOnly")
        /// The database stayed locked by another writer past the busy timeout.
        public static let busy = Code("busy")
        /// The tables exist with a shape AuthStore cannot use.
        public static let schemaMismatch = Code("schemaMismatch")
        /// A stored id has a BSON type AuthStore cannot use: `users._id` or `sessions.user_id` is an
        /// ObjectId or a number where Lucia's layout needs a string (the `$lookup` join then fails).
        public static let unsupportedIDType = Code("unsupportedIDType")
        /// An index with the same keys exists with other options (e.g. `{username: 1}` not unique
        /// or without the case-insensitive collation); it is left alone.
        public static let indexConflict = Code("indexConflict")
        /// Stored usernames collide case-insensitively, so the unique username index cannot be built.
        public static let duplicateUsernames = Code("duplicateUsernames")
        /// The backend was closed.
        public static let closed = Code("closed")
        /// Any other backend failure.
        public static let backend = Code("backend")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// Our one-line explanation (no secrets).
    public let reason: String
    /// The database file concerned, when there is one.
    public let file: String?
    /// The backend's numeric code (SQLite's extended result code), when there is one.
    public let backendCode: Int32?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, file: String? = nil, backendCode: Int32? = nil) {
        self.code = code
        self.reason = reason
        self.file = file
        self.backendCode = backendCode
    }

    /// `AuthStoreError.<code>: <reason> (file: <path>, code <n>)`.
    public var description: String { "AuthStoreError.\(code): \(message)" }

    /// The line a person reads: `<reason> (file: <path>, code <n>)`, without the type and code name.
    public var message: String {
        var extras: [String] = []
        if let file { extras.append("file: \(file)") }
        if let backendCode { extras.append("code \(backendCode)") }
        return extras.isEmpty ? reason : "\(reason) (\(extras.joined(separator: ", ")))"
    }
}
