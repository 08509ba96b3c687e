/// Loopback port probing, injected for tests. Only loopback addresses are ever contacted.
public protocol PortProbe: Sendable {
    /// Whether something listens on TCP `port` on this host (the listening-socket table,
    /// then a connect to 127.0.0.1 and ::1 within `timeout`).
    func isListening(port: Int, timeout: Duration) -> Bool
    /// The pids of the processes holding a listening socket on `port`; best effort
    /// (empty when they cannot be seen, e.g. without privileges or off Linux).
    func listenerPIDs(port: Int) -> [Int32]
    /// Whether a server could listen on TCP `port` of 127.0.0.1 now: nothing listens there and a
    /// trial bind (never listening, closed at once) succeeds. Used to suggest a free port.
    func isFree(port: Int, timeout: Duration) -> Bool

    /// Whether a process accepts connections on the Unix domain socket at `path` (a live socket,
    /// whatever TCP address its server listens on).
    func unixSocketAccepts(path: String) -> Bool
}
