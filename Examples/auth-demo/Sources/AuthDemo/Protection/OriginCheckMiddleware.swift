public import Hummingbird
import Logging

/// Applies `OriginCheck` to every request that is not `GET`, `HEAD` or `OPTIONS`: a cross-site
/// `POST` gets 403 before any route runs.
public struct OriginCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let rule = OriginCheck()

    /// Creates the middleware.
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        let host = request.head.authority  // HTTP/1's Host, HTTP/2's :authority
        guard rule.verdict(origin: request.headers[.origin], referer: request.headers[.referer], host: host) == .allowed else {
            context.logger.notice("refused a cross-site \(request.method) \(request.uri.path)")
            throw HTTPError(.forbidden, message: "This form was sent from another site, so it was refused.")
        }
        return try await next(request, context)
    }
}
