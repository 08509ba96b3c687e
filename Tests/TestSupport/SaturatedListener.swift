import Foundation

/// A loopback listener that never accepts and whose accept queue is already full, so a new
/// connection attempt gets no answer at all: Linux drops its SYN, and the connect times out —
/// the loopback stand-in for a firewall that drops packets.
public final class SaturatedListener: @unchecked Sendable {
    /// The port it listens on (127.0.0.1).
    public let port: Int
    private let listener: Int32  // owned, closed in stop()
    private var fillers: [Int32] = []

    /// Listens with a backlog of zero and fills the queue with non-blocking connections.
    public init() throws {
        (listener, port) = try LoopbackSocket.listening(backlog: 0)
        fillers = (0..<4).compactMap { _ in LoopbackSocket.connectPending(to: port) }
    }

    /// Closes the fillers and the listener.
    public func stop() {
        fillers.forEach { close($0) }
        fillers.removeAll()
        close(listener)
    }
}
