import Foundation

/// Real AF_UNIX stream sockets at a path, as mongod makes them (close-on-exec descriptors).
public enum UnixSocket {
    /// Binds a socket at `path`, gives the file to `owner`:`group`, and closes it, leaving a stale
    /// socket file behind (nobody listens there).
    public static func makeStale(at path: String, owner: UInt32, group: UInt32) throws {
        close(try make(at: path, owner: owner, group: group, listening: false))
    }

    /// Binds and listens on a socket at `path` owned by `owner`:`group`, like a live mongod; the
    /// caller owns the descriptor and closes it to end the socket.
    public static func makeLive(at path: String, owner: UInt32, group: UInt32) throws -> Int32 {
        try make(at: path, owner: owner, group: group, listening: true)
    }

    private static func make(at path: String, owner: UInt32, group: UInt32, listening: Bool) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw LoopbackSocket.currentError() }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, chown(path, owner, group) == 0, !listening || listen(fd, 4) == 0 else {
            throw LoopbackSocket.failure(closing: fd)
        }
        return fd
    }
}
