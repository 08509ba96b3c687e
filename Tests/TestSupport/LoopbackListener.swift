import Foundation

/// A real TCP listener on 127.0.0.1 with a scripted behaviour, for network tests.
///
/// Only ever binds loopback. Each accepted connection is handled on its own thread. Descriptors are
/// closed only by the thread that uses them; `stop()` just shuts them down, which wakes those threads
/// (closing from another thread could let a reused descriptor number be accepted from by mistake).
public final class LoopbackListener: @unchecked Sendable {
    /// What the listener does with a connection.
    public enum Behaviour: Sendable {
        /// Accepts and never says anything.
        case silent
        /// Accepts and closes at once.
        case close
        /// Reads a little, answers with these bytes, and closes.
        case reply([UInt8])
        /// Handles the connection with a closure (reads/writes the descriptor itself).
        case custom(@Sendable (Int32) -> Void)
    }

    /// The port it listens on.
    public let port: Int
    private let fd: Int32
    private let lock = NSLock()  // guards `connections` and `stopped`
    private var connections: [Int32] = []
    private var stopped = false

    /// Starts listening on a free loopback port.
    public init(_ behaviour: Behaviour) throws {
        (fd, port) = try LoopbackSocket.listening(backlog: 16)
        let thread = Thread { [self] in acceptLoop(behaviour) }
        thread.start()
    }

    deinit { stop() }

    /// Stops listening and ends every connection (their threads close them).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        shutdown(fd, Int32(SHUT_RDWR))
        for c in connections { shutdown(c, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop(_ behaviour: Behaviour) {
        defer { close(fd) }  // only this thread closes the listening socket
        while true {
            let connection = accept(fd, nil, nil)
            guard connection >= 0 else { return }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)  // children of other tests must not inherit it
            lock.lock()
            if stopped { lock.unlock(); close(connection); return }
            connections.append(connection)
            lock.unlock()
            Thread { [self] in handle(connection, behaviour) }.start()
        }
    }

    private func handle(_ connection: Int32, _ behaviour: Behaviour) {
        switch behaviour {
        case .silent:
            // Say nothing; wait until the peer closes or stop() shuts the connection down.
            var buffer = [UInt8](repeating: 0, count: 1024)
            while recv(connection, &buffer, buffer.count, 0) > 0 {}
            release(connection)
        case .close: release(connection)
        case .reply(let bytes):
            var buffer = [UInt8](repeating: 0, count: 1024)
            _ = recv(connection, &buffer, buffer.count, 0)
            _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            release(connection)
        case .custom(let body):
            body(connection)
            release(connection)
        }
    }

    private func release(_ connection: Int32) {
        lock.lock()
        defer { lock.unlock() }
        connections.removeAll { $0 == connection }
        close(connection)
    }
}
