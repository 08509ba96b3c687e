import Foundation
import LocalMongod
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real port probe against real sockets: loopback TCP and AF_UNIX sockets in a temporary directory.
@Suite("live port probe")
struct LivePortProbeTests {
    @Test("a listening Unix socket accepts")
    func unixListening() throws {
        let dir = try TestDirectory("probe")
        defer { dir.remove() }
        let path = dir.sub("mongodb-1.sock")
        let fd = try UnixSocket.makeLive(at: path, owner: getuid(), group: getgid())
        defer { close(fd) }
        #expect(LivePortProbe().unixSocketAccepts(path: path))
    }

    @Test("a stale Unix socket (bound, nobody listening) does not accept")
    func unixStale() throws {
        let dir = try TestDirectory("probe")
        defer { dir.remove() }
        let path = dir.sub("mongodb-2.sock")
        try UnixSocket.makeStale(at: path, owner: getuid(), group: getgid())
        #expect(!LivePortProbe().unixSocketAccepts(path: path))
    }

    @Test("a missing Unix socket path, or one too long for sun_path, does not accept", arguments: [
        "mongodb-3.sock", String(repeating: "x", count: 200) + ".sock",
    ])
    func unixMissing(_ name: String) throws {
        let dir = try TestDirectory("probe")
        defer { dir.remove() }
        #expect(!LivePortProbe().unixSocketAccepts(path: dir.sub(name)))
    }

    @Test("a loopback listener is listening; a port nobody listens on is not")
    func tcp() throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        #expect(LivePortProbe().isListening(port: listener.port, timeout: .seconds(1)))
        #expect(!LivePortProbe().isListening(port: try RefusingPort.reservedForProcess(), timeout: .seconds(1)))
        #expect(!LivePortProbe().isListening(port: 0, timeout: .seconds(1)))
    }
}
