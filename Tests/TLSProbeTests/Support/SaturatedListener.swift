#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback listener that never accepts and whose accept queue is already full, so a new
/// connection attempt gets no answer at all (the kernel drops its SYN).
final class SaturatedListener {
    /// The port it listens on (127.0.0.1).
    let port: Int
    private let listener: Int32
    private var fillers: [Int32] = []

    /// Listens with a backlog of zero and fills the queue with non-blocking connections.
    init() throws {
        guard let (fd, port) = LoopbackSocket.makeListener(on: "127.0.0.1", backlog: 0) else {
            throw SetupError("cannot listen on 127.0.0.1")
        }
        listener = fd
        self.port = port
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        for _ in 0..<4 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard filler >= 0 else { continue }
            _ = fcntl(filler, F_SETFL, fcntl(filler, F_GETFL) | O_NONBLOCK)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            fillers.append(filler)
        }
    }

    /// Closes the fillers and the listener.
    func stop() {
        fillers.forEach { close($0) }
        fillers.removeAll()
        close(listener)
    }
}
