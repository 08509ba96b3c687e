/// How a session's cookie value relates to the stored session: one format per database.
///
/// | format | cookie | stored `_id` | extra column |
/// |---|---|---|---|
/// | `lucia-v3` | 40 base32 characters (25 random bytes) | the cookie value itself | none |
/// | `sha256` | 32 base32 characters (20 random bytes) | lowercase hex SHA-256 of the cookie | none |
/// | `split` | `<id>.<secret>` (24 + 24 characters, 120 bits each) | the id | `secret_hash`: SHA-256 of the secret (32 bytes) |
///
/// `lucia-v3` is what a lucia@3 application reads and writes: choose it when one shares the
/// database. `split` (the default for new databases) and `sha256` store no usable token, so a
/// leaked database yields no session; `split` also compares the secret in constant time.
public enum SessionTokenFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case luciaV3 = "lucia-v3"
    case sha256 = "sha256"
    case split = "split"

    /// The format for a database that records none and has no data to tell: `split`.
    public static let defaultForNewDatabases = SessionTokenFormat.split

    /// Whether stored sessions carry `secret_hash`.
    public var storesSecretHash: Bool { self == .split }

    /// The format's name (`lucia-v3`, `sha256`, `split`).
    public var description: String { rawValue }

    /**
     The format a database's data implies, or `nil` when it tells nothing.

     - Parameters:
       - hasSecretHashColumn: whether the session table/collection has `secret_hash`.
       - sampleSessionIDs: some stored session ids (any order).
     - Returns: `split` when `secret_hash` exists; `sha256` when every sampled id is 64 lowercase
       hex characters; `lucia-v3` when some id is not; `nil` without sessions.
     */
    public static func detect(hasSecretHashColumn: Bool, sampleSessionIDs: [String]) -> SessionTokenFormat? {
        if hasSecretHashColumn { return .split }
        guard !sampleSessionIDs.isEmpty else { return nil }
        let hex = Set("0123456789abcdef".utf8)
        let allHex = sampleSessionIDs.allSatisfy { $0.utf8.count == 64 && $0.utf8.allSatisfy(hex.contains) }
        return allHex ? .sha256 : .luciaV3
    }
}
