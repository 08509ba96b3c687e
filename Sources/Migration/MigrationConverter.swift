import AuthStore
public import Foundation
public import MongoBridge

/// Turns source rows into Lucia v3 documents (pure: no I/O, tested offline), one row at a time, and
/// remembers what later rows depend on: the usernames taken so far (case-insensitively) and the users
/// that were skipped (their sessions are skipped too).
///
/// Memory: one lower-cased username per migrated user, and one id per skipped user.
public struct MigrationConverter: Sendable {
    /// How rows convert.
    public struct Options: Sendable {
        /// The session id plan.
        public var sessions: SessionFormatPlan
        /// The unit the source stores session expiry in.
        public var expiryUnit: ExpiryUnit
        /// Copy sessions that have expired (default: leave them out and count them).
        public var keepExpired: Bool
        /// In place (Lucia v2 in MongoDB): users stay where they are, so a skipped user's sessions are kept.
        public var inPlace: Bool
        /// The time expiry is compared with.
        public var now: Date

        /// Creates options.
        public init(sessions: SessionFormatPlan, expiryUnit: ExpiryUnit, keepExpired: Bool = false, inPlace: Bool = false, now: Date = Date()) {
            self.sessions = sessions
            self.expiryUnit = expiryUnit
            self.keepExpired = keepExpired
            self.inPlace = inPlace
            self.now = now
        }
    }

    /// A converted user.
    public struct User: Sendable {
        /// The Lucia v3 user document (`_id`, the source's fields, `username`, `hashed_password`, …).
        public var document: BSONDocument
        /// The fields the conversion added (what an in-place migration `$set`s).
        public var added: BSONDocument
        /// The user's OAuth keys as `oauth_accounts` documents.
        public var oauthAccounts: [BSONDocument]
        /// Keys that could not be read (`bad-key-id`).
        public var keySkips: [MigrationSkip]
    }

    /// What became of a session.
    public enum Session: Sendable {
        /// The Lucia v3 session document.
        case converted(BSONDocument)
        /// Expired: left out (not an error).
        case expired
        /// Not migrated, and why.
        case skipped(MigrationSkip)
    }

    /// The password columns of a v3 SQLite user table, in the order they are taken.
    public static let passwordColumns = ["hashed_password", "password_hash", "password"]
    /// Key providers whose keys name the user (`username:alice`, `email:a@example.com`), not an OAuth account.
    public static let loginProviders = ["username", "email"]
    /// The latest expiry accepted: 9999-12-31T23:59:59.999Z in milliseconds.
    static let maxMilliseconds: Double = 253_402_300_799_999

    /// The options.
    public let options: Options
    /// What was converted, by kind of conversion (`password-from-key`, `expiry-from-milliseconds`, …).
    public private(set) var conversions: [String: Int] = [:]
    private var usernames: Set<String> = []
    /// Users skipped so far (by id), whose sessions are skipped too (unless in place).
    public private(set) var skippedUsers: Set<String> = []

    /// Creates a converter.
    public init(options: Options) { self.options = options }

    /// Marks a user the server refused, so that its sessions are skipped.
    public mutating func markSkipped(userID: String) { skippedUsers.insert(userID) }

    /// Converts one user, or says why it is skipped.
    public mutating func convert(_ user: SourceUser) -> Result<User, MigrationSkip> {
        func skip(_ reason: SkipReason, _ detail: String, row: String = user.row) -> Result<User, MigrationSkip> {
            if case .string(let id)? = user.id { skippedUsers.insert(id) }
            return .failure(MigrationSkip(source: "users", row: row, reason: reason, detail: detail))
        }
        guard let idValue = user.id, idValue != .null else { return skip(.nullID, "the user has no id") }
        guard case .string(let id) = idValue, !id.isEmpty else { return skip(.nonTextID, "the user id is \(Self.typeName(idValue)), not text") }
        var document: BSONDocument = ["_id": .string(id)]
        var added = BSONDocument()
        var passwordTaken = false
        var counted: [String] = []  // conversions, counted only when the user is converted
        for (name, value) in user.fields where name != "_id" && name != "id" {
            if Self.passwordColumns.contains(name) {
                if !passwordTaken, case .string = value {
                    document["hashed_password"] = value
                    passwordTaken = true
                    if name != "hashed_password" { counted.append("password-from-column-\(name)") }
                    continue
                }
                // An empty password column adds nothing; a second hash column is carried as it is.
                if value == .null { continue }
                if name == "hashed_password", passwordTaken { continue }
            }
            document[name] = value
        }
        let keys = user.keys.sorted { Self.priority($0) < Self.priority($1) }
        func fill(_ field: String, _ value: BSONValue, _ conversion: String) {
            document[field] = value
            added[field] = value
            counted.append(conversion)
        }
        if document["hashed_password"]?.stringValue == nil,
           let hash = keys.lazy.compactMap({ $0.hashedPassword?.stringValue }).first {
            fill("hashed_password", .string(hash), "password-from-key")
        }
        for provider in Self.loginProviders where document[provider] == nil || document[provider] == .null {
            if let key = keys.first(where: { $0.parts?.provider == provider }), let name = key.parts?.providerUserID {
                fill(provider, .string(name), "\(provider)-from-key")
            }
        }
        if document["username"] == nil || document["username"] == .null, let email = document["email"]?.stringValue {
            fill("username", .string(email), "username-from-email")
        }
        guard let usernameValue = document["username"], usernameValue != .null else {
            return skip(.noUsername, "no username: no username column or attribute, no username: or email: key")
        }
        guard case .string(let username) = usernameValue else {
            return skip(.noUsername, "the username is \(Self.typeName(usernameValue)), not text")
        }
        let folded = username.lowercased()
        guard !usernames.contains(folded) else {
            return skip(.duplicateUsername, "the username \(username) is taken by an earlier user when case is ignored")
        }
        usernames.insert(folded)
        counted.forEach { count($0) }
        if document["hashed_password"]?.stringValue == nil { count("user-without-password") }
        var oauth: [BSONDocument] = []
        var keySkips: [MigrationSkip] = []
        for key in keys where key.hashedPassword == nil || key.hashedPassword == .null {
            guard let parts = key.parts else {
                keySkips.append(MigrationSkip(source: "keys", row: key.id?.stringValue ?? "(key of user \(id))", reason: .badKeyID,
                                              detail: "the key id is not provider:providerUserId"))
                continue
            }
            guard !Self.loginProviders.contains(parts.provider) else { continue }
            oauth.append(["_id": key.id ?? .null, "provider_id": .string(parts.provider), "provider_user_id": .string(parts.providerUserID), "user_id": .string(id)])
            count("oauth-account-from-key")
        }
        return .success(User(document: document, added: added, oauthAccounts: oauth, keySkips: keySkips))
    }

    /// Converts one session: expiry to a Date, the id kept or hashed, the other fields carried.
    public mutating func convert(_ session: SourceSession) -> Session {
        func skip(_ reason: SkipReason, _ detail: String, row: String) -> Session {
            .skipped(MigrationSkip(source: "sessions", row: row, reason: reason, detail: detail))
        }
        let rowSuffix = session.row.map { " (\($0))" } ?? ""
        guard let idValue = session.id, idValue != .null else { return skip(.nullID, "the session has no id", row: session.row ?? "(no id)") }
        guard case .string(let id) = idValue, !id.isEmpty else {
            return skip(.nonTextID, "the session id is \(Self.typeName(idValue)), not text", row: session.row ?? "(session id of type \(Self.typeName(idValue)))")
        }
        let row = "session \(AuthSession.fingerprint(ofStoredID: id))" + rowSuffix
        guard case .string(let userID)? = session.userID, !userID.isEmpty else {
            return skip(.nonTextID, "user_id is \(Self.typeName(session.userID ?? .null)), not text", row: row)
        }
        guard session.userExists else { return skip(.missingUser, "its user \(userID) does not exist", row: row) }
        if !options.inPlace, skippedUsers.contains(userID) { return skip(.userSkipped, "its user \(userID) was skipped", row: row) }
        guard let milliseconds = Self.milliseconds(session.expiry, unit: options.expiryUnit) else {
            return skip(.unparseableExpiry, "the expiry is \(Self.describe(session.expiry)), not a Unix time in \(options.expiryUnit.rawValue)", row: row)
        }
        if !options.keepExpired, Double(milliseconds) <= options.now.timeIntervalSince1970 * 1000 {
            count("expired-left-out")
            return .expired
        }
        if case .date = session.expiry {} else { count("expiry-from-\(options.expiryUnit.rawValue)") }
        let storedID = options.sessions.hashesIDs ? AuthCrypto.hexLowercase(AuthCrypto.sha256(id)) : id
        if options.sessions.hashesIDs { count("session-id-hashed") }
        var document: BSONDocument = ["_id": .string(storedID), "user_id": .string(userID), "expires_at": .date(BSONDate(millisecondsSinceEpoch: milliseconds))]
        for (name, value) in session.fields where !["_id", "id", "user_id", "expires_at", "idle_expires", "active_expires"].contains(name) {
            document[name] = value
        }
        return .converted(document)
    }

    /// A stored expiry as Unix milliseconds: int32, int64, double or numeric text in `unit`, or a BSON
    /// Date; `nil` when it is none of these or out of range (before 1970, after 9999).
    public static func milliseconds(_ value: BSONValue?, unit: ExpiryUnit) -> Int64? {
        let number: Double
        switch value {
        case .int32(let v)?: number = Double(v)
        case .int64(let v)?: number = Double(v)
        case .double(let v)?: number = v
        case .string(let text)?: guard let parsed = Double(text.trimmingCharacters(in: .whitespaces)) else { return nil }
            number = parsed
        case .date(let date)?: return date.millisecondsSinceEpoch
        default: return nil
        }
        let ms = unit == .seconds ? number * 1000 : number
        guard ms.isFinite, ms >= 0, ms <= maxMilliseconds else { return nil }
        return Int64(ms.rounded(.down))
    }

    mutating func count(_ conversion: String) { conversions[conversion, default: 0] += 1 }

    static func priority(_ key: SourceKey) -> Int {
        switch key.parts?.provider {
        case "username": 0
        case "email": 1
        default: 2
        }
    }

    static func describe(_ value: BSONValue?) -> String {
        switch value {
        case nil, .null?: "NULL"
        case .string?: "text that is not a number"
        case .double(let v)? where !v.isFinite: "\(v)"
        case let v?: "\(typeName(v)) out of range"
        }
    }

    /// The BSON type's name as `$type` gives it (`BSONValue.typeName`).
    public static func typeName(_ value: BSONValue) -> String { value.typeName }
}
