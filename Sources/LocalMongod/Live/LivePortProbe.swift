import DoctorCore
import SocketKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real port probe: the kernel's listening-socket table, then a TCP connect to the
/// loopback addresses 127.0.0.1 and ::1 only (closed at once, nothing is sent).
public struct LivePortProbe: PortProbe {
    /// Creates the probe.
    public init() {}

    public func isListening(port: Int, timeout: Duration) -> Bool {
        guard (1...65535).contains(port) else { return false }
        if !ProcNet.listeningInodes(port: port).isEmpty { return true }
        let millis = min(timeout.milliseconds, 1000)
        return ["127.0.0.1", "::1"].contains { ip in
            guard let address = SocketAddress(ip: ip, port: port) else { return false }
            return StreamSocket.connect(to: address, until: Deadline(after: .milliseconds(millis))).socket != nil
        }
    }

    public func unixSocketAccepts(path: String) -> Bool {
        guard let address = SocketAddress(unixPath: path) else { return false }
        switch StreamSocket.connect(to: address, until: Deadline(after: .seconds(1))) {
        case .connected: return true
        // A full backlog: something is there. Refused or missing: nobody is.
        case .failed(let failure): return failure.code == EAGAIN
        case .refused, .timedOut: return false
        }
    }

    public func isFree(port: Int, timeout: Duration) -> Bool {
        guard (1...65535).contains(port), let address = SocketAddress(ip: "127.0.0.1", port: port) else { return false }
        return !isListening(port: port, timeout: timeout) && !BindTrial.isInUse(address)
    }

    public func listenerPIDs(port: Int) -> [Int32] {
        ProcNet.pids(holding: ProcNet.listeningInodes(port: port))
    }
}
