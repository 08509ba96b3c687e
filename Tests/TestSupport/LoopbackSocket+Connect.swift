import Foundation

extension LoopbackSocket {
    /// A non-blocking connection attempt to `ip:port` (left pending); the caller owns it.
    public static func connectPending(to port: Int, on ip: String = "127.0.0.1") -> Int32? {
        try? withLoopbackAddress(ip, port: port) { family, address, length in
            let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw currentError() }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = connect(fd, address, length)
            return fd
        }
    }

    /// Waits until something accepts TCP connections on `ip:port`; `false` after `timeout`.
    public static func waitUntilAccepting(ip: String, port: Int, timeout: Duration = .seconds(10)) -> Bool {
        let end = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < end {
            if canConnect(ip: ip, port: port) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// A port on `ip` that was free a moment ago: bound, then closed at once.
    ///
    /// Racy by nature (another test may bind it before the caller does), so only for a child
    /// process that must bind the port itself, such as `openssl s_server -accept`. Where a port
    /// nobody listens on is needed, hold a `RefusingPort` instead.
    public static func releasedPort(on ip: String = "127.0.0.1") -> Int? {
        guard let (fd, port) = try? bound(.stream, on: ip) else { return nil }
        close(fd)
        return port
    }

    /// Whether a blocking connect to `ip:port` succeeds (loopback answers at once).
    private static func canConnect(ip: String, port: Int) -> Bool {
        (try? withLoopbackAddress(ip, port: port) { family, address, length in
            let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return connect(fd, address, length) == 0
        }) ?? false
    }
}
