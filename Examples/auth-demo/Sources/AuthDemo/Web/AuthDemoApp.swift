public import Hummingbird
public import Logging
import NIOCore

/// Builds the demo's router and application.
///
/// | route | answers |
/// |---|---|
/// | `GET /` | 302 to `/dashboard` or `/login` |
/// | `GET /signup`, `POST /signup` | the form; 302 to `/dashboard` with the cookie; 400 broken rule; 409 taken |
/// | `GET /login`, `POST /login` | the form; 302 to `/dashboard` with the cookie; 400 "Invalid username or password"; 429 throttled |
/// | `GET /dashboard` | the page (no-store); 302 to `/login` without a session |
/// | `POST /logout`, `POST /api/logout` | 302 to `/login`, cookie cleared; 401 without a session |
/// | `GET /api/me` | `{"id","username"}` (no-store); 401 JSON without a session |
/// | `GET /healthz` | `ok` |
///
/// Every `POST` from another site is 403; bodies over 8 KiB are 413.
public enum AuthDemoApp {
    /// The router with every route and middleware, in order: security headers, error pages, the
    /// cross-site check, the session, then the routes (protected ones behind `RequireSignIn`).
    public static func router(_ services: DemoServices) -> Router<DemoRequestContext> {
        let router = Router(context: DemoRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPages(services: services))
        router.add(middleware: OriginCheckMiddleware())
        router.add(middleware: SessionMiddleware(store: services.store.store, cookie: services.cookie))

        let pages = AuthRoutes(services: services)
        let api = APIRoutes(services: services)
        let stylesheet = services.views.stylesheet

        router.get("/healthz") { _, _ in Responses.text("ok\n") }
        router.get("/static/app.css") { _, _ in
            var response = Responses.text(stylesheet)
            response.headers[.contentType] = "text/css; charset=utf-8"
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.get("/") { _, context in Responses.redirect(to: context.signedIn == nil ? "/login" : "/dashboard") }
        router.get("/signup", use: pages.signupForm)
        router.post("/signup", use: pages.signup)
        router.get("/login", use: pages.loginForm)
        router.post("/login", use: pages.login)
        router.group().add(middleware: RequireSignIn(.redirectToLogin)).get("/dashboard", use: pages.dashboard)
        router.group().add(middleware: RequireSignIn(.unauthorizedPage)).post("/logout", use: pages.logout)
        router.group("/api").add(middleware: RequireSignIn(.unauthorizedJSON))
            .get("/me", use: api.me)
            .post("/logout", use: api.logout)
        return router
    }

    /// The application on `host:port`; `onServerRunning` gets the bound port (useful with port 0).
    public static func application(
        _ services: DemoServices, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(services),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "auth-demo"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
            logger: logger)
    }
}
