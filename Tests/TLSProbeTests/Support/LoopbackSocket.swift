#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Small loopback-only socket helpers for the tests.
enum LoopbackSocket {
    /// A socket listening on `ip` ("127.0.0.1" or "::1") at a kernel-chosen port, or `nil`.
    static func makeListener(on ip: String, backlog: Int32 = 16) -> (descriptor: Int32, port: Int)? {
        let family = ip.contains(":") ? AF_INET6 : AF_INET
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var storage = sockaddr_storage()
        let length: socklen_t
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            inet_pton(AF_INET6, ip, &address.sin6_addr)
            withUnsafeBytes(of: address) { raw in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) } }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            inet_pton(AF_INET, ip, &address.sin_addr)
            withUnsafeBytes(of: address) { raw in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) } }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        }
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, backlog) == 0, let port = boundPort(fd) else {
            close(fd)
            return nil
        }
        return (fd, port)
    }

    /// A port on `ip` that was free a moment ago (bound, then released).
    static func freePort(on ip: String = "127.0.0.1") -> Int? {
        guard let (fd, port) = makeListener(on: ip) else { return nil }
        close(fd)
        return port
    }

    /// Whether `ip` can be bound here (IPv6 loopback may be missing in containers).
    static func isAvailable(_ ip: String) -> Bool {
        freePort(on: ip) != nil
    }

    /// Waits until something accepts TCP connections on `ip:port`; `false` after `timeout`.
    static func waitUntilAccepting(ip: String, port: Int, timeout: Duration = .seconds(10)) -> Bool {
        let end = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < end {
            if canConnect(ip: ip, port: port) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    private static func canConnect(ip: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(ip, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0
    }

    private static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return nil }
        let bigEndianPort: UInt16 = withUnsafeBytes(of: storage) { raw in
            // sin_port and sin6_port both sit right after the 2-byte family.
            raw.load(fromByteOffset: 2, as: UInt16.self)
        }
        return Int(UInt16(bigEndian: bigEndianPort))
    }
}
