#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sending and receiving, each bounded by a deadline.
extension StreamSocket {
    /// Sends every byte of `bytes`, waiting for the socket to become writable when its buffer is
    /// full, until `deadline`. Never raises SIGPIPE (MSG_NOSIGNAL on Linux, SO_NOSIGPIPE on Darwin).
    public func sendAll(_ bytes: [UInt8], until deadline: Deadline) -> SendOutcome {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress! + offset, raw.count - offset, Self.sendFlags)
            }
            if sent > 0 {
                offset += sent
                continue
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { return .failed(SocketError(.send, code: code)) }
            switch wait(for: .writable, until: deadline) {
            case .ready: continue
            case .timedOut: return .timedOut
            case .failed(let failure): return .failed(failure)
            }
        }
        return .sent
    }

    /// Receives what has arrived, at most `limit` bytes, waiting for the first of them until
    /// `deadline`. An orderly close by the peer is `.closed`; EINTR and spurious wake-ups are retried.
    public func receive(upTo limit: Int = 4096, until deadline: Deadline) -> ReceiveOutcome {
        var chunk = [UInt8](repeating: 0, count: max(1, limit))
        while true {
            switch wait(for: .readable, until: deadline) {
            case .ready: break
            case .timedOut: return .timedOut
            case .failed(let failure): return .failed(failure)
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { return .received(Array(chunk.prefix(count))) }
            if count == 0 { return .closed }
            let code = errno
            if code == EINTR || code == EAGAIN || code == EWOULDBLOCK { continue }
            return .failed(SocketError(.receive, code: code))
        }
    }

    /// The flags for send(2): MSG_NOSIGNAL where it exists (Darwin has SO_NOSIGPIPE instead).
    #if canImport(Darwin)
    private static let sendFlags: Int32 = 0
    #else
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #endif
}
