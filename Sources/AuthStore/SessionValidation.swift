/// Why a cookie value did not validate (`AuthStore.check(_:)`).
public enum SessionRejection: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// No session has this token: never issued, revoked, already deleted, malformed for the
    /// database's format, or (`split`) a secret that does not match.
    case unknown
    /// The session's `expires_at` has passed; it was deleted.
    case expired
    /// The session's user no longer exists (an orphan); it was deleted.
    case userGone = "user-gone"

    /// `unknown`, `expired` or `user-gone`.
    public var description: String { rawValue }
}

/// The outcome of checking a cookie value: the live session and its user, or why not.
public enum SessionValidation: Sendable, Hashable {
    /// A live session (`session.fresh` when it was just extended).
    case valid(ValidatedSession)
    /// Not a live session, and why.
    case rejected(SessionRejection)

    /// The session when valid.
    public var validated: ValidatedSession? {
        if case .valid(let validated) = self { return validated }
        return nil
    }
}

extension AuthSession {
    /// A short, stable name for a session that does not reveal it: the first 8 lowercase hex
    /// characters of SHA-256 of the stored id (in `lucia-v3` the id is the cookie value).
    public var fingerprint: String { Self.fingerprint(ofStoredID: id) }

    /// The fingerprint of a stored session id.
    public static func fingerprint(ofStoredID id: String) -> String {
        String(AuthCrypto.hexLowercase(AuthCrypto.sha256(id)).prefix(8))
    }
}
