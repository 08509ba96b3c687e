import Foundation

/// A port on 127.0.0.1 that refuses connections, reserved for as long as this value lives.
///
/// The socket is bound but never listens: connecting gets ECONNREFUSED, and no other test can
/// bind the same port in the meantime (a port that was merely closed could be reused at once).
public final class RefusingPort: @unchecked Sendable {
    /// The reserved port.
    public let port: Int
    private let fd: Int32  // owned; closed in deinit

    /// Reserves a free port.
    public init() throws {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(s)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        fd = s
    }

    deinit { close(fd) }
}
