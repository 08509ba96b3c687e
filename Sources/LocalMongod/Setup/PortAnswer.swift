/// What answered on the local mongod's port when the connection stage tried it: the local checks
/// use it to tell a healthy server from another program holding mongod's port.
///
/// `nil` where a `PortAnswer?` is expected means nobody knows (the port was not tried).
public enum PortAnswer: Sendable, Equatable, CustomStringConvertible {
    /// A MongoDB server answered there (its `hello`, or a TLS handshake when the URI asks for TLS).
    case mongodb
    /// Something accepted the connection, but it does not speak MongoDB.
    case notMongoDB(ForeignAnswer)
    /// Nothing accepted a connection (refused or timed out).
    case nothing

    /// How a program that is not MongoDB behaved when it got a MongoDB `hello`.
    public enum ForeignAnswer: Sendable, Equatable, CustomStringConvertible {
        /// It answered with other bytes; up to 40 printable characters of them (`HTTP/1.1 400 Bad Request`).
        case replied(preview: String)
        /// It closed the connection without answering.
        case closed
        /// It accepted and said nothing.
        case silent

        /// `it answered "HTTP/1.1 400 Bad Request"`, for evidence lines.
        public var description: String {
            switch self {
            case .replied(let preview): "it answered \"\(preview)\" to a MongoDB hello"
            case .closed: "it closed the connection without answering a MongoDB hello"
            case .silent: "it accepted the connection but did not answer a MongoDB hello"
            }
        }
    }

    /// Whether the server answers: `true` only for `.mongodb`.
    public var serverAnswers: Bool { self == .mongodb }

    /// `MongoDB answers`, `something that is not MongoDB answers (…)`, `nothing answers`.
    public var description: String {
        switch self {
        case .mongodb: "MongoDB answers"
        case .notMongoDB(let answer): "something that is not MongoDB answers (\(answer))"
        case .nothing: "nothing answers"
        }
    }
}
