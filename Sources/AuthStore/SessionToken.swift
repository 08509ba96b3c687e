/// A session's cookie value. Its `description` never shows it; read `value` to set the cookie.
public struct SessionToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The cookie value.
    public let value: String

    /// Wraps a cookie value received from a client.
    public init(_ value: String) { self.value = value }

    /// Masked: a token never reaches a log.
    public var description: String { "SessionToken(****)" }
    /// Masked as `description`.
    public var debugDescription: String { description }
}

/// A token just generated for a format, and what the backend stores for it.
public struct GeneratedSessionToken: Sendable {
    /// The cookie value.
    public let token: SessionToken
    /// The stored session id.
    public let sessionID: String
    /// The stored `secret_hash` (`split` only).
    public let secretHash: [UInt8]?
}

/// What a received token asks the backend for: the stored id, and for `split` the secret to check.
public struct SessionTokenLookup: Sendable {
    /// The stored session id to fetch.
    public let sessionID: String
    /// The secret part (`split` only), compared against the stored hash in constant time; a slice of
    /// the token, never copied.
    let secret: Substring?

    /// Whether `record` carries the credential this token presents (always for `lucia-v3`/`sha256`,
    /// whose id is the credential; for `split`, SHA-256 of the secret equals `secret_hash`).
    public func matches(_ record: SessionRecord) -> Bool {
        guard let secret else { return true }
        guard let stored = record.secretHash else { return false }
        return AuthCrypto.sha256(of: secret, equals: stored)
    }
}

extension SessionTokenFormat {
    /// Lengths of the random parts, in bytes.
    static let luciaV3Bytes = 25, sha256Bytes = 20, splitPartBytes = 24

    /// A new token from OS randomness and what to store for it.
    public func generate() throws(AuthStoreError) -> GeneratedSessionToken {
        switch self {
        case .luciaV3:
            let id = LuciaEncoding.base32LowercaseNoPadding(try AuthCrypto.randomBytes(Self.luciaV3Bytes))
            return GeneratedSessionToken(token: SessionToken(id), sessionID: id, secretHash: nil)
        case .sha256:
            let token = LuciaEncoding.base32LowercaseNoPadding(try AuthCrypto.randomBytes(Self.sha256Bytes))
            return GeneratedSessionToken(token: SessionToken(token), sessionID: Self.hashedID(token), secretHash: nil)
        case .split:
            let id = LuciaEncoding.humanReadable(try AuthCrypto.randomBytes(Self.splitPartBytes))
            let secret = LuciaEncoding.humanReadable(try AuthCrypto.randomBytes(Self.splitPartBytes))
            return GeneratedSessionToken(token: SessionToken("\(id).\(secret)"), sessionID: id, secretHash: AuthCrypto.sha256(secret))
        }
    }

    /// What to look up for a received token, or `nil` when the token cannot be one of this format
    /// (empty, over 256 bytes, or for `split` not exactly `<id>.<secret>`): it is rejected unread.
    public func lookup(for token: SessionToken) -> SessionTokenLookup? {
        let value = token.value
        guard !value.isEmpty, value.utf8.count <= 256 else { return nil }
        switch self {
        case .luciaV3:
            return SessionTokenLookup(sessionID: value, secret: nil)
        case .sha256:
            return SessionTokenLookup(sessionID: Self.hashedID(value), secret: nil)
        case .split:
            // Byte-wise on the UTF-8 view, in place: this runs on every request, and splitting by
            // Character (grapheme breaking) cost more than the database lookup that follows. The dot
            // is ASCII, so its index is a scalar boundary the string can be cut at.
            let utf8 = value.utf8
            guard let dot = utf8.firstIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex else { return nil }
            let secretStart = utf8.index(after: dot)
            guard secretStart != utf8.endIndex, !utf8[secretStart...].contains(UInt8(ascii: ".")) else { return nil }
            return SessionTokenLookup(sessionID: String(value[..<dot]), secret: value[secretStart...])
        }
    }

    /// The `sha256` format's stored id: lowercase hex SHA-256 of the token's UTF-8.
    static func hashedID(_ token: String) -> String { AuthCrypto.hexLowercase(AuthCrypto.sha256(token)) }
}
