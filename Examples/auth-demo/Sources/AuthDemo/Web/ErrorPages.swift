import AuthStore
public import Hummingbird
import Logging

/// Turns errors into pages people can read (or `{"error": …}` under `/api/`), with the status kept:
/// 401, 403, 404, 413, 429, 503 and the rest. Anything that is not an `HTTPError` is a 500 whose
/// page says nothing about the cause; the log line has the error, which never holds a secret.
public struct ErrorPages: RouterMiddleware {
    public typealias Context = DemoRequestContext

    let services: DemoServices

    /// What a 503 says when the account store does not answer (the session check and every handler).
    static let storeUnavailable = "The account store is not answering. Try again in a moment."

    /// Creates the middleware.
    public init(services: DemoServices) { self.services = services }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return page(error.status, message: error.body, headers: error.headers, request: request, context: context)
        } catch let error as AuthStoreError {
            // The store failed under a handler (the database down, locked, closed): the request may
            // succeed again in a moment, which is what 503 says. The description holds no secret.
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return page(.serviceUnavailable, message: Self.storeUnavailable, headers: [:], request: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return page(.internalServerError, message: nil, headers: [:], request: request, context: context)
        }
    }

    func page(_ status: HTTPResponse.Status, message: String?, headers: HTTPFields, request: Request, context: Context) -> Response {
        let wording = Self.wording(status, signedIn: context.signedIn != nil)
        var response: Response
        if request.uri.path.hasPrefix("/api/") {
            response = Responses.json(APIError(error: message ?? wording.heading.lowercased()), status: status)
        } else {
            let page = MessagePage(
                chrome: services.chrome(wording.heading, username: context.signedIn?.user.username), status: status.code,
                heading: wording.heading, message: message ?? wording.message, linkHref: wording.href, linkLabel: wording.label)
            response = Responses.html(services.views.message(page), status: status)
        }
        for field in headers where field.name != .contentLength && field.name != .contentType { response.headers.append(field) }
        return response
    }

    /// A page's heading, default message and link for a status.
    static func wording(_ status: HTTPResponse.Status, signedIn: Bool) -> (heading: String, message: String, href: String, label: String) {
        let (href, label) = signedIn ? ("/dashboard", "Go to your dashboard") : ("/login", "Go to sign in")
        switch status.code {
        case 401: return ("You are not signed in", "Sign in first.", "/login", "Sign in")
        case 403: return ("Request refused", "This request is not allowed.", href, label)
        case 404: return ("Page not found", "There is no page at this address.", href, label)
        case 405: return ("Method not allowed", "This address does not take that kind of request.", href, label)
        case 413: return ("That was too much", "The form was larger than this site accepts.", href, label)
        case 415: return ("Unsupported form", "Send the form as the page does (application/x-www-form-urlencoded).", href, label)
        case 503: return ("Temporarily unavailable", "Try again in a moment.", href, label)
        case 500...: return ("Something went wrong", "Something went wrong on our side.", href, label)
        default: return ("Bad request", "The request could not be understood.", href, label)
        }
    }
}
