import AuthStore
import Hummingbird

/// The protected API: `GET /api/me` and `POST /api/logout` (both behind `RequireSignIn(.unauthorizedJSON)`).
public struct APIRoutes: Sendable {
    let services: DemoServices

    /// The routes over `services`.
    public init(services: DemoServices) { self.services = services }

    /// `{"id": "…", "username": "…"}` of the signed-in user.
    func me(_ request: Request, context: DemoRequestContext) -> Response {
        guard let signedIn = context.signedIn else { return Responses.json(APIError(error: "not signed in"), status: .unauthorized) }
        return Responses.json(APIUser(id: signedIn.user.id, username: signedIn.user.username))
    }

    /// Deletes the session, clears the cookie, 302 to `/login` (as `POST /logout`).
    func logout(_ request: Request, context: DemoRequestContext) async throws -> Response {
        try await AuthRoutes(services: services).logout(request, context: context)
    }
}
