#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call on a socket that failed: which call, its errno, and the system's text for it.
public struct SocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The system call that failed.
    public enum Call: String, Sendable, Hashable {
        /// socket(2) or setting up the new descriptor (fcntl, setsockopt).
        case socket
        /// connect(2), or the connection's result read with getsockopt(SO_ERROR).
        case connect
        /// poll(2) itself (not the socket: a wait that failed, never a timeout).
        case poll
        /// send(2).
        case send
        /// recv(2).
        case receive
    }

    /// The call that failed.
    public let call: Call
    /// The errno value.
    public let code: Int32

    /// A failure of `call` with errno `code`.
    public init(_ call: Call, code: Int32) {
        self.call = call
        self.code = code
    }

    /// The system's text for the errno, e.g. "Connection refused".
    public var text: String {
        String(cString: strerror(code))
    }

    /// The call and the system's text, e.g. "connect: Network is unreachable".
    public var description: String {
        "\(call.rawValue): \(text)"
    }
}
