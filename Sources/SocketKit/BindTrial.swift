#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a server could bind an address right now: a trial bind(2) that never listens.
///
/// The socket is created close-on-exec, gets SO_REUSEADDR as mongod's listener does (so a port
/// left in TIME_WAIT counts as free), is bound, and is closed at once: nothing can connect to it.
public enum BindTrial {
    /// Whether binding `address` fails with EADDRINUSE (another socket holds it, listening or not).
    /// Any other failure (an address this host does not have, no IPv6) is not "in use".
    public static func isInUse(_ address: SocketAddress) -> Bool {
        guard address.family != .unix else { return false }
        let fd = socket(address.domain, SocketAddress.streamType | closeOnExecFlag, 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        if address.withSockaddr({ bind(fd, $0, $1) }) == 0 { return false }
        return errno == EADDRINUSE
    }

    #if canImport(Darwin)
    private static let closeOnExecFlag: Int32 = 0  // a descriptor closed before this function returns
    #else
    private static let closeOnExecFlag = Int32(SOCK_CLOEXEC.rawValue)
    #endif
}
