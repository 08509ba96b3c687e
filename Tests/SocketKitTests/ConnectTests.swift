#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SocketKit
import Testing
import TestSupport

/// Real connections, to 127.0.0.1 only, through TestSupport's loopback listeners.
@Suite("stream sockets on loopback")
struct ConnectTests {
    static func loopback(_ port: Int) throws -> SocketAddress {
        try #require(SocketAddress(ip: "127.0.0.1", port: port))
    }

    @Test("a listening loopback port connects; the descriptor is close-on-exec and non-blocking")
    func connects() throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let outcome = StreamSocket.connect(to: try Self.loopback(listener.port), until: Deadline(after: .seconds(5)))
        let socket = try #require(outcome.socket, "\(outcome)")
        #expect(fcntl(socket.descriptor, F_GETFD) & FD_CLOEXEC != 0)
        #expect(socket.isCloseOnExec)
        #expect(fcntl(socket.descriptor, F_GETFL) & O_NONBLOCK != 0)
    }

    @Test("a bound port nobody listens on is refused")
    func refused() throws {
        let port = try RefusingPort()
        defer { withExtendedLifetime(port) {} }
        let outcome = StreamSocket.connect(to: try Self.loopback(port.port), until: Deadline(after: .seconds(5)))
        guard case .refused = outcome else {
            Issue.record("expected refused, got \(outcome)")
            return
        }
    }

    @Test("a full accept backlog gets no answer: the deadline makes it a timeout")
    func fullBacklogTimesOut() throws {
        let listener = try SaturatedListener()
        defer { listener.stop() }
        let clock = ContinuousClock()
        var outcome: ConnectOutcome?
        let elapsed = try clock.measure {
            outcome = StreamSocket.connect(to: try Self.loopback(listener.port), until: Deadline(after: .milliseconds(300)))
        }
        guard case .timedOut = outcome else {
            Issue.record("expected timedOut, got \(String(describing: outcome))")
            return
        }
        #expect(elapsed >= .milliseconds(300))
    }

    @Test("bytes sent reach the peer, its reply is received, then its close")
    func sendAndReceive() throws {
        let reply = Array("pong".utf8)
        let listener = try LoopbackListener(.reply(reply))
        defer { listener.stop() }
        let deadline = Deadline(after: .seconds(5))
        let socket = try #require(StreamSocket.connect(to: try Self.loopback(listener.port), until: deadline).socket)
        #expect(socket.sendAll(Array("ping".utf8), until: deadline) == .sent)
        var received: [UInt8] = []
        while case .received(let chunk) = socket.receive(upTo: 2, until: deadline) { received += chunk }
        #expect(received == reply)
        #expect(socket.receive(until: deadline) == .closed)
    }

    @Test("a silent peer makes receive time out at the deadline")
    func silentPeer() throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let socket = try #require(StreamSocket.connect(to: try Self.loopback(listener.port), until: Deadline(after: .seconds(5))).socket)
        #expect(socket.receive(until: Deadline(after: .milliseconds(100))) == .timedOut)
    }

    @Test("a Unix socket path that does not exist fails with ENOENT")
    func missingUnixPath() throws {
        let directory = try TemporaryDirectory(prefix: "socketkit")
        defer { directory.remove() }
        let address = try #require(SocketAddress(unixPath: directory.appending("mongodb-1.sock")))
        let outcome = StreamSocket.connect(to: address, until: Deadline(after: .seconds(1)))
        guard case .failed(let failure) = outcome else {
            Issue.record("expected failed, got \(outcome)")
            return
        }
        #expect(failure == SocketError(.connect, code: ENOENT))
    }
}
