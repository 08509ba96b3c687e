#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected, non-blocking TCP socket; the only owner of its file descriptor, closed on deinit.
final class TCPSocket {
    /// The file descriptor.
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Connects to the numeric address `ip` on `port`, giving up at `deadline`.
    static func open(ip: String, port: Int, deadline: Deadline) throws(ProbeAbort) -> TCPSocket {
        let endpoint = IPAddressText.endpoint(ip, port: port)
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        hints.ai_socktype = Self.streamType
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(ip, String(port), &hints, &list) == 0, let first = list else {
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): not a numeric IP address and port"))
        }
        defer { freeaddrinfo(list) }

        let fd = socket(first.pointee.ai_family, Self.streamType | Self.closeOnExec, 0)
        guard fd >= 0 else {
            throw ProbeAbort(.handshakeFailed("cannot create a socket: \(ProbeAbort.systemText(errno))"))
        }
        let owned = TCPSocket(descriptor: fd)
        #if canImport(Darwin)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var noSignal: Int32 = 1  // Darwin has no MSG_NOSIGNAL for OpenSSL's writes; SIGPIPEGuard covers Linux.
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
        #endif
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)

        if connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 { return owned }
        guard errno == EINPROGRESS else {
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): \(ProbeAbort.systemText(errno))"))
        }
        switch owned.wait(for: Int16(POLLOUT), until: deadline) {
        case .ready: break
        case .timedOut:
            throw ProbeAbort(.handshakeFailed(
                "connecting to \(endpoint) timed out after \(deadline.budgetDescription)"))
        case .failed(let code):
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): \(ProbeAbort.systemText(code))"))
        }
        var status: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &status, &length) == 0 else {
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): \(ProbeAbort.systemText(errno))"))
        }
        guard status == 0 else {
            throw ProbeAbort(.handshakeFailed("cannot connect to \(endpoint): \(ProbeAbort.systemText(status))"))
        }
        return owned
    }

    #if canImport(Darwin)
    private static let streamType = SOCK_STREAM
    private static let closeOnExec: Int32 = 0
    #else
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let closeOnExec = Int32(SOCK_CLOEXEC.rawValue)
    #endif

    /// How a wait ended.
    enum WaitOutcome: Equatable {
        /// The socket is readable or writable (or has an error or hang-up to collect).
        case ready
        /// The deadline passed first.
        case timedOut
        /// poll itself failed with this errno.
        case failed(Int32)
    }

    /// Waits until the socket reports one of `events` (POLLIN, POLLOUT) or `deadline` passes.
    func wait(for events: Int16, until deadline: Deadline) -> WaitOutcome {
        while true {
            let remaining = deadline.remainingMilliseconds
            if remaining == 0 { return .timedOut }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let count = poll(&entry, 1, remaining)
            if count > 0 { return .ready }
            if count == 0 { continue }  // re-check the clock: poll may wake a hair early
            if errno != EINTR { return .failed(errno) }
        }
    }
}
