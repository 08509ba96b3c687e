import BlockingWork
import DoctorCore
import SocketKit

/// The real dialer: a non-blocking TCP connect bounded by a deadline, then an optional OP_MSG `hello`.
///
/// Ownership: the socket (SocketKit's `StreamSocket`, sole owner of its descriptor) lives inside one
/// call and is closed when it ends. Blocking work runs on `BlockingExecutor`.
public struct LiveDialer: Dialer {
    /// Creates the dialer.
    public init() {}

    public func dial(_ address: ResolvedAddress, port: Int, timeout: Duration, sendHello: Bool) async -> DialOutcome {
        let ms = max(1, timeout.milliseconds)
        return await BlockingExecutor.dedicatedThread { Self.dialBlocking(address, port: port, timeoutMs: ms, sendHello: sendHello) }
    }

    /// Connects within `timeoutMs`, then (when `sendHello`) exchanges a `hello` within `timeoutMs` again.
    static func dialBlocking(_ address: ResolvedAddress, port: Int, timeoutMs: Int, sendHello: Bool) -> DialOutcome {
        guard let socketAddress = SocketAddress(ip: address.ip, port: port) else {
            return .failed("not a numeric address: \(address.ip)")
        }
        switch StreamSocket.connect(to: socketAddress, until: Deadline(after: .milliseconds(timeoutMs))) {
        case .connected(let socket):
            guard sendHello else { return .connected(answer: nil) }
            return .connected(answer: exchangeHello(socket, until: Deadline(after: .milliseconds(timeoutMs))))
        case .refused: return .refused
        case .timedOut: return .timedOut
        case .failed(let failure): return .failed(failure.text)
        }
    }

    /// Sends `hello` and reads until a whole reply, a close, or the deadline.
    static func exchangeHello(_ socket: StreamSocket, until deadline: Deadline) -> WireAnswer {
        guard socket.sendAll(WireHello.request(), until: deadline) == .sent else { return .closed }
        var received: [UInt8] = []
        while true {
            switch socket.receive(until: deadline) {
            case .received(let chunk):
                received += chunk
            case .timedOut:
                return received.isEmpty ? .silent : WireHello.classify(received)
            case .closed, .failed:
                return received.isEmpty ? .closed : WireHello.classify(received)
            }
            // A whole header tells how long the reply is; anything implausible is not MongoDB.
            if received.count >= 16, let total = WireHello.announcedLength(received),
                total < 16 || total > 48_000_000 || received.count >= total
            {
                return WireHello.classify(received)
            }
        }
    }
}
