/// How `StreamSocket.sendAll(_:until:)` ended.
public enum SendOutcome: Sendable, Hashable {
    /// Every byte was handed to the kernel.
    case sent
    /// The socket stayed unwritable until the deadline; some bytes may have been sent.
    case timedOut
    /// send(2) or poll(2) failed (a reset or closed connection, say).
    case failed(SocketError)
}

/// How `StreamSocket.receive(upTo:until:)` ended.
public enum ReceiveOutcome: Sendable, Hashable {
    /// Some bytes arrived (at least one, at most the limit asked for).
    case received([UInt8])
    /// The peer closed its side: end of stream, nothing more will come.
    case closed
    /// Nothing arrived before the deadline.
    case timedOut
    /// recv(2) or poll(2) failed (a reset connection, say).
    case failed(SocketError)
}
