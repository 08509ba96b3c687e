public import Foundation
public import Hummingbird

/// The `auth_session` cookie (Lucia v3's name): HttpOnly, SameSite=Lax, Path=/, Secure when asked,
/// Expires at the session's expiry. Read defensively: a malformed header or value is no session.
public struct SessionCookie: Sendable {
    /// The cookie's name.
    public static let name = "auth_session"
    /// The longest value taken as a token (every format's tokens are at most 49 characters).
    public static let maximumValueLength = 128

    /// Whether the cookie carries `Secure` (`--secure-cookies`, for HTTPS).
    public var secure: Bool

    /// Creates the cookie settings.
    public init(secure: Bool) { self.secure = secure }

    /// The cookie for a session token expiring at `expiresAt`.
    public func setting(_ value: String, expiresAt: Date) -> Cookie {
        Cookie(name: Self.name, value: value, expires: expiresAt, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The cookie that removes it from the browser.
    public func clearing() -> Cookie {
        Cookie(name: Self.name, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// What the request's `Cookie` headers say about the session cookie.
    public enum Presence: Sendable, Equatable {
        /// No `auth_session` cookie.
        case absent
        /// A value that cannot be a token (too long, characters outside `[A-Za-z0-9._-]`).
        case malformed
        /// A value worth looking up.
        case token(String)
    }

    /// The first `auth_session` cookie of `request`, checked before any lookup.
    public static func read(_ request: Request) -> Presence {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " || $0 == "\t" }
                guard let eq = trimmed.firstIndex(of: "="), trimmed[..<eq].trimmingCharacters(in: .whitespaces) == name else { continue }
                let value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                return isPlausibleToken(value) ? .token(value) : .malformed
            }
        }
        return .absent
    }

    static func isPlausibleToken(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= maximumValueLength && value.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}

extension Response {
    /// Whether this response already sets or clears the session cookie.
    var setsSessionCookie: Bool {
        headers[values: .setCookie].contains { $0.hasPrefix(SessionCookie.name + "=") }
    }
}
