import AuthStore
public import MongoBridge
import Redaction

/// What a dry run (and every report) may show of a document: hashes, secret-named fields and session
/// ids replaced. A session `_id` becomes `<session 1a2b3c4d>` (its fingerprint), `hashed_password` and
/// any field whose name marks a secret (`…token…`, `…secret…`, `…pass…`) become `<redacted>`.
public enum SampleRedactor {
    /// The text secrets are replaced with.
    public static let redacted = "<redacted>"

    /// `document` (of `kind`) without secrets.
    public static func redact(_ document: BSONDocument, kind: MigrationKind) -> BSONDocument {
        var result = BSONDocument()
        for (key, value) in document.elements {
            if kind == .sessions, key == "_id", case .string(let id) = value {
                result[key] = .string("<session \(AuthSession.fingerprint(ofStoredID: id))>")
            } else if key == "hashed_password" || key == "secret_hash" || SecretNames.isSecret(configKey: key) {
                result[key] = value == .null ? .null : .string(redacted)
            } else {
                result[key] = value
            }
        }
        return result
    }
}
