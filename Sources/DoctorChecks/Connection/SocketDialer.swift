import BlockingWork
import DoctorCore
import Foundation
import MongoBridge

/// The real dialer: a non-blocking TCP connect bounded by `poll`, then an optional OP_MSG `hello`.
///
/// Ownership: the socket descriptor is opened and closed inside one call. Blocking work runs on
/// `BlockingExecutor`.
public struct SocketDialer: Dialer {
    /// Creates the dialer.
    public init() {}

    public func dial(_ address: ResolvedAddress, port: Int, timeout: Duration, sendHello: Bool) async -> DialOutcome {
        let ms = Int32(clamping: max(1, timeout.milliseconds))
        return await BlockingExecutor.dedicatedThread { Self.dialBlocking(address, port: port, timeoutMs: ms, sendHello: sendHello) }
    }

    static func dialBlocking(_ address: ResolvedAddress, port: Int, timeoutMs: Int32, sendHello: Bool) -> DialOutcome {
        guard let socketAddress = SocketAddress(address, port: port) else { return .failed("not a numeric address: \(address.ip)") }
        let fd = socket(socketAddress.family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { close(fd) }  // this call's descriptor
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let started = socketAddress.withPointer { connect(fd, $0, $1) }
        if started != 0 && errno != EINPROGRESS { return outcome(forErrno: errno) }
        if started != 0 {
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&pfd, 1, timeoutMs) > 0 else { return .timedOut }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error != 0 { return outcome(forErrno: error) }
        }
        guard sendHello else { return .connected(answer: nil) }
        return .connected(answer: exchangeHello(fd, timeoutMs: timeoutMs))
    }

    static func outcome(forErrno code: Int32) -> DialOutcome {
        switch code {
        case ECONNREFUSED: .refused
        case ETIMEDOUT: .timedOut
        default: .failed(String(cString: strerror(code)))
        }
    }

    /// Sends `hello` and reads until a whole reply, a close, or the timeout.
    static func exchangeHello(_ fd: Int32, timeoutMs: Int32) -> WireAnswer {
        let request = WireHello.request()
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { return .closed }
        var received: [UInt8] = []
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(timeoutMs)))
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline).milliseconds
            guard remaining > 0 else { return received.isEmpty ? .silent : WireHello.classify(received) }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(remaining)) > 0 else { return received.isEmpty ? .silent : WireHello.classify(received) }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return received.isEmpty ? .closed : WireHello.classify(received) }
            received += chunk.prefix(count)
            // A whole header tells how long the reply is; anything implausible is not MongoDB.
            if received.count >= 16, let total = WireHello.announcedLength(received),
                total < 16 || total > 48_000_000 || received.count >= total
            {
                return WireHello.classify(received)
            }
        }
    }
}

/// A `sockaddr_in`/`sockaddr_in6` for a numeric address, owned as a value.
struct SocketAddress {
    private var storage = sockaddr_storage()
    let family: Int32
    private let length: socklen_t

    init?(_ address: ResolvedAddress, port: Int) {
        if address.family == .ipv4 {
            var sin = sockaddr_in()
            sin.sin_family = sa_family_t(AF_INET)
            sin.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, address.ip, &sin.sin_addr) == 1 else { return nil }
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: sin) { raw.copyMemory(from: $0) } }
            family = AF_INET
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        } else {
            var sin6 = sockaddr_in6()
            sin6.sin6_family = sa_family_t(AF_INET6)
            sin6.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, address.ip, &sin6.sin6_addr) == 1 else { return nil }
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: sin6) { raw.copyMemory(from: $0) } }
            family = AF_INET6
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        }
    }

    func withPointer<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var copy = storage
        return withUnsafePointer(to: &copy) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) } }
    }
}
