public import Hummingbird

/// The protected layout: the one middleware in front of every page and API route that needs a
/// session. Without one it answers as its `mode` says; with one, it marks the response
/// `Cache-Control: no-store` so that no cache (nor the back button) shows it after sign-out.
public struct RequireSignIn: RouterMiddleware {
    public typealias Context = DemoRequestContext

    /// What a request without a session gets.
    public enum Mode: Sendable {
        /// 302 to `/login` (pages).
        case redirectToLogin
        /// 401 with a page (form posts such as `/logout`).
        case unauthorizedPage
        /// 401 with `{"error": "…"}` (API routes).
        case unauthorizedJSON
    }

    let mode: Mode

    /// Creates the middleware.
    public init(_ mode: Mode) { self.mode = mode }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.signedIn != nil else {
            switch mode {
            case .redirectToLogin: return Responses.redirect(to: "/login")
            case .unauthorizedPage: throw HTTPError(.unauthorized, message: "You are not signed in.")
            case .unauthorizedJSON: return Responses.json(APIError(error: "not signed in"), status: .unauthorized)
            }
        }
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
