#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a connection attempt ended.
public enum ConnectOutcome {
    /// Connected; the socket is the sole owner of its descriptor.
    case connected(StreamSocket)
    /// The peer refused (ECONNREFUSED): nothing listens there, or a Unix socket nobody accepts on.
    case refused
    /// No answer before the deadline (or the kernel gave up itself, ETIMEDOUT).
    case timedOut
    /// Any other failure (no route, network down, no such file, a full Unix backlog, poll failed).
    case failed(SocketError)

    /// The outcome for a connect(2) (or SO_ERROR) errno: refused, timed out, or failed.
    init(connectErrno code: Int32) {
        switch code {
        case ECONNREFUSED: self = .refused
        case ETIMEDOUT: self = .timedOut
        default: self = .failed(SocketError(.connect, code: code))
        }
    }

    /// The connected socket, or `nil` for every other outcome.
    public var socket: StreamSocket? {
        if case .connected(let socket) = self { return socket }
        return nil
    }
}
