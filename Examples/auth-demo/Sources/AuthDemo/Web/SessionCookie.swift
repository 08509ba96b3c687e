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
            if let presence = presence(inHeader: header) { return presence }
        }
        return .absent
    }

    /// What one `Cookie` header value (`a=1; auth_session=…`) says about the session cookie: nil when it
    /// has no `auth_session` pair. Read as bytes (RFC 6265: pairs split at `;`, spaces and tabs around
    /// names and values ignored), so a request pays no Unicode or Foundation string work for it.
    static func presence(inHeader header: String) -> Presence? {
        let bytes = header.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
            let pair = bytes[start..<end]
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")), trimmed(pair[..<equals]).elementsEqual(name.utf8) {
                let value = trimmed(pair[pair.index(after: equals)...])
                return isPlausibleToken(value) ? .token(String(Substring(value))) : .malformed
            }
            start = end == bytes.endIndex ? end : bytes.index(after: end)
        }
        return nil
    }

    /// `bytes` without the spaces and tabs at either end.
    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }

    /// Whether `value` can be a token of any format: 1 to `maximumValueLength` bytes of `[A-Za-z0-9._-]`.
    static func isPlausibleToken(_ value: some Collection<UInt8>) -> Bool {
        !value.isEmpty && value.count <= maximumValueLength && value.allSatisfy { byte in
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
