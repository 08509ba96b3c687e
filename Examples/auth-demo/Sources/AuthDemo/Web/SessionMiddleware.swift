public import AuthStore
public import Hummingbird
import Logging

/// Reads `auth_session`, validates it with `AuthStore.validate` (Lucia v3's rules: an expired or
/// orphaned session is deleted, one past half its life is extended) and puts the result in the context.
/// An extended session gets its cookie again with the new expiry; a cookie that names no live session,
/// or cannot be a token at all, is cleared. Routes that set the cookie themselves win.
public struct SessionMiddleware: RouterMiddleware {
    public typealias Context = DemoRequestContext

    let store: AuthStore
    let cookie: SessionCookie

    /// Creates the middleware over `store`.
    public init(store: AuthStore, cookie: SessionCookie) {
        self.store = store
        self.cookie = cookie
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var replacement: Cookie?
        switch SessionCookie.read(request) {
        case .absent:
            break
        case .malformed:
            replacement = cookie.clearing()
        case .token(let value):
            do {
                if let found = try await store.validate(SessionToken(value)) {
                    context.signedIn = found
                    if found.session.fresh { replacement = cookie.setting(value, expiresAt: found.session.expiresAt) }
                } else {
                    replacement = cookie.clearing()
                }
            } catch {
                // AuthStoreError's description holds no token, hash or password.
                context.logger.error("session validation failed: \(error)")
                throw HTTPError(.serviceUnavailable, message: ErrorPages.storeUnavailable)
            }
        }
        var response = try await next(request, context)
        if let replacement, !response.setsSessionCookie { response.setCookie(replacement) }
        return response
    }
}
