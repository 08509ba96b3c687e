import AuthStore
import Foundation
import Hummingbird
import Logging

/// The pages of the Lucia + Astro flow: sign-up, login, the dashboard and logout.
public struct AuthRoutes: Sendable {
    let services: DemoServices

    /// The routes over `services`.
    public init(services: DemoServices) { self.services = services }

    static let invalidCredentials = "Invalid username or password"

    // MARK: Forms

    func signupForm(_ request: Request, context: DemoRequestContext) -> Response {
        if context.signedIn != nil { return Responses.redirect(to: "/dashboard") }
        return signupPage(username: "", error: nil, status: .ok)
    }

    func loginForm(_ request: Request, context: DemoRequestContext) -> Response {
        if context.signedIn != nil { return Responses.redirect(to: "/dashboard") }
        return loginPage(username: "", error: nil, status: .ok)
    }

    // MARK: Posts

    /// `POST /signup`: the rules, then the user (a taken name, compared case-insensitively, is 409),
    /// then a session and its cookie, 302 to `/dashboard`.
    func signup(_ request: Request, context: DemoRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = form["password"] ?? ""
        if let broken = SignupRules.violation(username: username, password: password) {
            return signupPage(username: username, error: broken, status: .badRequest)
        }
        let created: Result<AuthUser, AuthStoreError>
        do { created = .success(try await services.store.store.createUser(username: username, password: password, hasher: services.hasher)) } catch {
            created = .failure(error)
        }
        if case .failure(let error) = created, error.code == .usernameTaken {
            return signupPage(username: username, error: "The username \(username) is taken. Choose another one.", status: .conflict)
        }
        let user = try created.get()
        context.logger.info("signed up user \(user.id)")
        return try await startSession(for: user)
    }

    /// `POST /login`: 429 while the username is throttled; else the password is checked (an unknown
    /// user costs one hash too), failures are 400 with one wording, success sets the cookie, 302 to `/dashboard`.
    func login(_ request: Request, context: DemoRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        let username = (form["username"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = form["password"] ?? ""
        let key = Username.comparisonKey((try? Username.normalize(username)) ?? username)
        if case .refuse(let seconds) = services.throttle.begin(key) {
            context.logger.notice("login throttled")
            var response = loginPage(username: username, error: "Too many failed attempts for this username. Try again in \(seconds) seconds.", status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        let found: AuthUser?
        do {
            found = username.isEmpty || password.isEmpty
                ? nil : try await services.store.store.verifyPassword(username: username, password: password, hasher: services.hasher)
        } catch {
            services.throttle.finish(key, .abandoned)
            throw error
        }
        guard let user = found else {
            services.throttle.finish(key, .failed)
            context.logger.info("login failed")
            return loginPage(username: username, error: Self.invalidCredentials, status: .badRequest)
        }
        services.throttle.finish(key, .succeeded)
        context.logger.info("user \(user.id) signed in")
        return try await startSession(for: user)
    }

    /// `POST /logout` (behind `RequireSignIn(.unauthorizedPage)`): deletes the session, clears the cookie, 302 to `/login`.
    func logout(_ request: Request, context: DemoRequestContext) async throws -> Response {
        guard let signedIn = context.signedIn else { throw HTTPError(.unauthorized, message: "You are not signed in.") }
        try await services.store.store.invalidateSession(id: signedIn.session.id)
        context.logger.info("user \(signedIn.user.id) signed out")
        var response = Responses.redirect(to: "/login")
        response.setCookie(services.cookie.clearing())
        return response
    }

    // MARK: Dashboard

    /// `GET /dashboard` (behind `RequireSignIn(.redirectToLogin)`).
    func dashboard(_ request: Request, context: DemoRequestContext) async throws -> Response {
        guard let signedIn = context.signedIn else { return Responses.redirect(to: "/login") }
        let live = try await services.store.store.sessions(userID: signedIn.user.id)
        let name = signedIn.user.username ?? signedIn.user.id
        let page = DashboardPage(
            chrome: services.chrome("Dashboard", username: name), username: name, userID: signedIn.user.id,
            fingerprint: signedIn.session.fingerprint,
            expires: signedIn.session.expiresAt.formatted(.dateTime.year().month(.wide).day().hour().minute().timeZone()),
            sessionCount: live.count, extended: signedIn.session.fresh)
        return Responses.html(services.views.dashboard(page))
    }

    // MARK: Helpers

    func startSession(for user: AuthUser) async throws -> Response {
        let created = try await services.store.store.createSession(userID: user.id)
        var response = Responses.redirect(to: "/dashboard")
        response.setCookie(services.cookie.setting(created.token.value, expiresAt: created.session.expiresAt))
        return response
    }

    func loginPage(username: String, error: String?, status: HTTPResponse.Status) -> Response {
        let page = CredentialsPage(chrome: services.chrome("Sign in"), username: username, error: error, rules: [])
        return Responses.html(services.views.login(page), status: status)
    }

    func signupPage(username: String, error: String?, status: HTTPResponse.Status) -> Response {
        let page = CredentialsPage(chrome: services.chrome("Create account"), username: username, error: error, rules: SignupRules.descriptions)
        return Responses.html(services.views.signup(page), status: status)
    }

    /// The bounded form body, or the `HTTPError` its failure answers with.
    static func form(_ request: Request) async throws -> FormBody {
        do { return try await FormBody.read(request) } catch {
            switch error {
            case .tooLarge: throw HTTPError(.contentTooLarge, message: "The form is larger than \(FormBody.maximumBytes / 1024) KiB.")
            case .notAForm: throw HTTPError(.unsupportedMediaType, message: "Send the form as application/x-www-form-urlencoded.")
            case .malformed: throw HTTPError(.badRequest, message: "The form could not be read.")
            }
        }
    }
}
