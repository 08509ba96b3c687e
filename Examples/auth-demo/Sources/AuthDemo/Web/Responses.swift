import Foundation
import Hummingbird

/// The error body of the JSON API: `{"error": "…"}`.
public struct APIError: Codable, Sendable, Equatable {
    /// What went wrong, in a few words.
    public var error: String
}

/// The signed-in user as `GET /api/me` returns it: `{"id": "…", "username": "…"}`.
public struct APIUser: Codable, Sendable, Equatable {
    /// The user id.
    public var id: String
    /// The username.
    public var username: String?
}

/// The few response shapes the demo answers with.
enum Responses {
    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: text)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// A JSON body (keys sorted, so the output is stable), never cached.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        let buffer = ByteBuffer(bytes: data)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// 302 to `path` (a path of this site only), never cached.
    static func redirect(to path: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = path
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = "0"
        return Response(status: .found, headers: headers)
    }

    /// Plain text.
    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: text)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}
