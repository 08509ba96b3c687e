internal import CLibMongoC
public import Redaction

/// An error from libmongoc or the server, with libmongoc's raw domain and code kept.
///
/// The doctor matches failure signatures on `(domain, code)` and on the message, so
/// nothing is collapsed. libmongoc's message can echo a URI with its password, so it is never
/// part of ``description`` (safe by construction, as postgres-nio's `PSQLError` is): checks match
/// on ``rawMessage`` and show ``message(scrubbing:)``.
public struct MongoError: Error, Sendable, CustomStringConvertible {
    /// libmongoc's error domain (`MONGOC_ERROR_*`), or `0` for errors raised by the bridge itself.
    public var domain: UInt32
    /// libmongoc's error code in that domain, or the server's code for server errors (domain 17).
    public var code: UInt32
    /// libmongoc's message as it came. It may quote a password: match on it, never show it;
    /// show ``message(scrubbing:)``.
    package var rawMessage: String
    /// The server's reply document, when there was one.
    public var reply: BSONDocument?

    /// Creates an error from its parts.
    public init(domain: UInt32, code: UInt32, message: String, reply: BSONDocument? = nil) {
        self.domain = domain
        self.code = code
        self.rawMessage = message
        self.reply = reply
    }

    /// "MongoError 1/11 (AuthenticationFailed)": the codes only, never libmongoc's message.
    public var description: String {
        "MongoError \(domain)/\(code)" + (serverCodeName.map { " (\($0))" } ?? "")
    }

    /// libmongoc's message with every secret `scrubber` knows removed.
    public func message(scrubbing scrubber: TextScrubber) -> String {
        scrubber.scrub(rawMessage)
    }

    /// The server's `codeName` from the reply, when present (e.g. `AuthenticationFailed`).
    public var serverCodeName: String? { reply?["codeName"]?.stringValue }

    /// The server's numeric error code from the reply, when present.
    public var serverCode: Int? { reply?["code"]?.intValue }

    /// An error raised by the bridge itself, not by libmongoc.
    static func bridge(_ message: String) -> MongoError {
        MongoError(domain: 0, code: 0, message: message)
    }

    /// Copies a `bson_error_t` and an optional reply into a Swift error.
    init(_ error: bson_error_t, reply: BSONDocument? = nil) {
        var copy = error
        let message = withUnsafeBytes(of: &copy.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        self.init(domain: error.domain, code: error.code, message: message, reply: reply)
    }
}

extension MongoError {
    /// libmongoc's error domains (`mongoc-error.h`), as the doctor matches them.
    public enum Domain {
        /// Errors raised by the bridge itself; the code is one of `MongoError.BridgeCode`.
        public static let bridge: UInt32 = 0
        /// MONGOC_ERROR_CLIENT (authentication failures land here, code 11).
        public static let client: UInt32 = 1
        /// MONGOC_ERROR_STREAM (name resolution 3, socket 4, connect 5).
        public static let stream: UInt32 = 2
        /// MONGOC_ERROR_PROTOCOL (bad wire version 15).
        public static let `protocol`: UInt32 = 3
        /// MONGOC_ERROR_SASL.
        public static let sasl: UInt32 = 7
        /// MONGOC_ERROR_COMMAND (invalid argument 22).
        public static let command: UInt32 = 11
        /// MONGOC_ERROR_SCRAM.
        public static let scram: UInt32 = 14
        /// MONGOC_ERROR_SERVER_SELECTION (failure 13053).
        public static let serverSelection: UInt32 = 15
        /// MONGOC_ERROR_SERVER (error API v2: the server's own code).
        public static let server: UInt32 = 17
    }
}

extension MongoError {
    /// libmongoc's error codes (`mongoc_error_code_t` in `mongoc-error.h`) that the doctor matches,
    /// each meaningful with the domain named in its comment.
    public enum Code {
        /// MONGOC_ERROR_STREAM_NAME_RESOLUTION (stream domain).
        public static let streamNameResolution: UInt32 = 3
        /// MONGOC_ERROR_STREAM_SOCKET (stream domain).
        public static let streamSocket: UInt32 = 4
        /// MONGOC_ERROR_STREAM_CONNECT (stream domain).
        public static let streamConnect: UInt32 = 5
        /// MONGOC_ERROR_CLIENT_AUTHENTICATE (client domain): the credentials were refused.
        public static let clientAuthenticate: UInt32 = 11
        /// MONGOC_ERROR_PROTOCOL_BAD_WIRE_VERSION (protocol domain).
        public static let protocolBadWireVersion: UInt32 = 15
        /// MONGOC_ERROR_COMMAND_INVALID_ARG (command domain): libmongoc rejects an argument, e.g. the URI.
        public static let commandInvalidArgument: UInt32 = 22
        /// MONGOC_ERROR_SERVER_SELECTION_FAILURE (server-selection domain).
        public static let serverSelectionFailure: UInt32 = 13053
    }

    /// Whether this is libmongoc's "authentication failed" (client domain, code 11).
    public var isAuthenticationFailure: Bool { domain == Domain.client && code == Code.clientAuthenticate }

    /// Whether libmongoc rejected an argument (command domain, code 22), such as the connection string.
    public var isInvalidArgument: Bool { domain == Domain.command && code == Code.commandInvalidArgument }
}
