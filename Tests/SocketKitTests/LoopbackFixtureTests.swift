#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SocketKit
import Testing
import TestSupport

/// What every test relies on from TestSupport's loopback sockets: descriptors are close-on-exec,
/// a reserved port stays held (even against a binder using SO_REUSEADDR, as BindTrial and mongod
/// do) and refuses, and the IPv6 loopback is used when it is there.
@Suite("loopback test sockets")
struct LoopbackFixtureTests {
    static let addresses = ["127.0.0.1", "::1"].filter(LoopbackSocket.isAvailable)

    @Test("bound and listening sockets are close-on-exec and bound to the address asked for", arguments: addresses)
    func closeOnExec(_ ip: String) throws {
        let bound = try LoopbackSocket.bound(.stream, on: ip)
        defer { close(bound.fd) }
        let datagram = try LoopbackSocket.bound(.datagram, on: ip)
        defer { close(datagram.fd) }
        let listening = try LoopbackSocket.listening(on: ip, backlog: 1)
        defer { close(listening.fd) }
        for fd in [bound.fd, datagram.fd, listening.fd] {
            #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        }
        #expect(BindTrial.isInUse(try #require(SocketAddress(ip: ip, port: bound.port))))
        #expect(LoopbackSocket.waitUntilAccepting(ip: ip, port: listening.port, timeout: .seconds(2)))
    }

    @Test("a reserved refusing port cannot be bound by anyone else and refuses connections", arguments: addresses)
    func refusingPortHeld(_ ip: String) throws {
        let reserved = try RefusingPort(on: ip)
        defer { withExtendedLifetime(reserved) {} }
        let address = try #require(SocketAddress(ip: ip, port: reserved.port))
        #expect(BindTrial.isInUse(address))
        #expect(throws: POSIXError(.EADDRINUSE)) { try LoopbackSocket.listening(on: ip, port: reserved.port) }
        guard case .refused = StreamSocket.connect(to: address, until: Deadline(after: .seconds(5))) else {
            Issue.record("expected a refused connection to \(address)")
            return
        }
    }

    @Test("a port reserved for the process stays held after the call returns")
    func reservedForProcess() throws {
        let port = try RefusingPort.reservedForProcess()
        #expect(BindTrial.isInUse(try #require(SocketAddress(ip: "127.0.0.1", port: port))))
        #expect(!LoopbackSocket.waitUntilAccepting(ip: "127.0.0.1", port: port, timeout: .milliseconds(100)))
    }

    @Test("Unix sockets: a live one accepts and is close-on-exec, a stale one leaves only its file")
    func unixSockets() throws {
        let directory = try TemporaryDirectory(prefix: "unixsock")
        defer { directory.remove() }
        let live = directory.appending("live.sock"), stale = directory.appending("stale.sock")
        let fd = try UnixSocket.makeLive(at: live, owner: getuid(), group: getgid())
        defer { close(fd) }
        try UnixSocket.makeStale(at: stale, owner: getuid(), group: getgid())
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        let deadline = Deadline(after: .seconds(5))
        #expect(StreamSocket.connect(to: try #require(SocketAddress(unixPath: live)), until: deadline).socket != nil)
        #expect(StreamSocket.connect(to: try #require(SocketAddress(unixPath: stale)), until: deadline).socket == nil)
        #expect(FileManager.default.fileExists(atPath: stale))
    }
}
