#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected, non-blocking stream socket (TCP over IPv4/IPv6, or a Unix domain socket).
///
/// Ownership: the only owner of its file descriptor, which is close-on-exec from birth (SOCK_CLOEXEC
/// on Linux, FD_CLOEXEC right after socket(2) on Darwin) and closed exactly once, in deinit. On
/// Darwin the socket carries SO_NOSIGPIPE; on Linux `sendAll` passes MSG_NOSIGNAL. Every wait is
/// bounded by a `Deadline`, retries EINTR, and reports a failing poll as a failure, not a timeout.
public final class StreamSocket {
    /// The descriptor, **borrowed**: valid only while this object lives, never to be closed or
    /// made blocking by the borrower. For C libraries that must be handed a descriptor (OpenSSL's
    /// SSL_set_fd); keep this object alive for as long as they may use it.
    public let descriptor: Int32

    private init(owning descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Connects to `address`, giving up at `deadline`.
    ///
    /// ECONNREFUSED is `.refused`; the deadline passing, or ETIMEDOUT, is `.timedOut`; any other
    /// errno (from socket, connect, poll or SO_ERROR) is `.failed` with that errno.
    public static func connect(to address: SocketAddress, until deadline: Deadline) -> ConnectOutcome {
        let fd = socket(address.domain, SocketAddress.streamType | closeOnExecFlag, 0)
        guard fd >= 0 else { return .failed(SocketError(.socket, code: errno)) }
        let owned = StreamSocket(owning: fd)
        if let failure = owned.prepare() { return .failed(failure) }

        if address.withSockaddr({ systemConnect(fd, $0, $1) }) == 0 { return .connected(owned) }
        let code = errno
        // EINTR: the connection goes on in the background, exactly as for EINPROGRESS.
        guard code == EINPROGRESS || code == EINTR else { return ConnectOutcome(connectErrno: code) }
        switch owned.wait(for: .writable, until: deadline) {
        case .ready: break
        case .timedOut: return .timedOut
        case .failed(let failure): return .failed(failure)
        }
        var status: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &status, &length) == 0 else {
            return .failed(SocketError(.connect, code: errno))
        }
        return status == 0 ? .connected(owned) : ConnectOutcome(connectErrno: status)
    }

    /// Waits until the socket reports one of `events` or `deadline` passes. EINTR is retried;
    /// a poll(2) failure is `.failed`, never `.timedOut`.
    public func wait(for events: SocketEvents, until deadline: Deadline) -> WaitOutcome {
        Readiness.wait(descriptor, for: events, until: deadline)
    }

    /// Whether the descriptor is close-on-exec (it always should be; for tests and assertions).
    public var isCloseOnExec: Bool {
        let flags = fcntl(descriptor, F_GETFD)
        return flags >= 0 && flags & FD_CLOEXEC != 0
    }

    /// Makes the new descriptor close-on-exec (Darwin), SIGPIPE-free (Darwin) and non-blocking;
    /// the failure, if any.
    private func prepare() -> SocketError? {
        #if canImport(Darwin)
        guard fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0 else { return SocketError(.socket, code: errno) }
        var noSignal: Int32 = 1
        guard setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size)) == 0
        else { return SocketError(.socket, code: errno) }
        #endif
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            return SocketError(.socket, code: errno)
        }
        return nil
    }

    /// The flag that makes socket(2) create a close-on-exec descriptor (none on Darwin: see `prepare`).
    #if canImport(Darwin)
    private static let closeOnExecFlag: Int32 = 0
    #else
    private static let closeOnExecFlag = Int32(SOCK_CLOEXEC.rawValue)
    #endif
}

/// connect(2), under a name the static `connect(to:until:)` does not shadow.
private func systemConnect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(descriptor, address, length)
}
