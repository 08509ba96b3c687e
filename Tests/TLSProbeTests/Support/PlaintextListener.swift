#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A loopback TCP listener that does not speak TLS, served by one background thread.
final class PlaintextListener: @unchecked Sendable {
    /// What it does with each connection.
    enum Behaviour: Sendable {
        /// Accepts and never says anything (keeps the connection open until `stop()`).
        case silent
        /// Accepts and closes at once.
        case closeAtOnce
        /// Accepts, writes this text, and closes.
        case reply(String)
    }

    /// The port it listens on (127.0.0.1).
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var held: [Int32] = []
    private let finished = DispatchSemaphore(value: 0)

    /// Starts listening and serving.
    init(_ behaviour: Behaviour) throws {
        guard let (fd, port) = LoopbackSocket.makeListener(on: "127.0.0.1") else { throw SetupError("cannot listen on 127.0.0.1") }
        listener = fd
        self.port = port
        let thread = Thread { [self] in serve(behaviour) }
        thread.start()
    }

    /// Stops accepting, closes every connection, and waits for the thread to end.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        finished.wait()
        close(listener)
        lock.lock()
        held.forEach { close($0) }
        held.removeAll()
        lock.unlock()
    }

    private func serve(_ behaviour: Behaviour) {
        defer { finished.signal() }
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            switch behaviour {
            case .silent:
                lock.lock()
                held.append(client)
                lock.unlock()
            case .closeAtOnce:
                close(client)
            case .reply(let text):
                _ = text.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                close(client)
            }
        }
    }
}
