/// Why a password could not be hashed or checked.
///
/// Like postgres-nio's `PSQLError`, the description is generic by design: it holds the kind and a
/// fixed reason written in this module, never the password, the stored hash or any part of them.
public struct PasswordHashError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The three kinds of failure.
    public enum Kind: Sendable, Equatable {
        /// The stored string is no format this module knows (`PasswordHashFormat.detect` returned nil).
        case unsupportedFormat
        /// The stored string has a known format's prefix but not its shape.
        case malformed
        /// The libraries failed (memory, random bytes, refused parameters) or the pool was shut down.
        case internalFailure
    }

    /// What went wrong.
    public let kind: Kind
    /// A fixed explanation from this module (empty for `unsupportedFormat`).
    public let reason: String

    private init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// The stored string is no format this module verifies.
    public static let unsupportedFormat = PasswordHashError(kind: .unsupportedFormat, reason: "")

    /// The stored string has a known prefix but cannot be read; `reason` must not quote it.
    public static func malformed(_ reason: String) -> PasswordHashError {
        PasswordHashError(kind: .malformed, reason: reason)
    }

    /// A library or the pool failed; `reason` must not quote the password or the hash.
    public static func internalFailure(_ reason: String) -> PasswordHashError {
        PasswordHashError(kind: .internalFailure, reason: reason)
    }

    /// One line: the kind and the fixed reason.
    public var description: String {
        switch kind {
        case .unsupportedFormat: "unsupported hash format"
        case .malformed: "malformed password hash: \(reason)"
        case .internalFailure: "password hashing failed: \(reason)"
        }
    }
}
