import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("port and bindIp")
struct PortTests {
    @Test("a real listener on 127.0.0.1 that is not mongod is port.in-use, naming the process")
    func portInUse() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let outcome = try await runCheck("port", LocalSetup(port: listener.port))
        let finding = try #require(outcome.finding("port.in-use"))
        #expect(finding.severity == .error)
        #expect(finding.title.contains("pid \(getpid())"))
        #expect(finding.allCommands.contains(AsThisUser.sudo("ss -ltnp 'sport = :\(listener.port)'")))
        #expect(finding.fixes.allSatisfy { !$0.isAutomatic })
    }

    @Test("when the caller says the server answers on the port, it is not flagged")
    func serverAnswers() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let outcome = try await runCheck("port", LocalSetup(port: listener.port, serverAnswers: true))
        #expect(outcome.findings.isEmpty)
    }

    @Test("a free port passes")
    func freePort() async throws {
        let port = try RefusingPort.reservedForProcess()
        let outcome = try await runCheck("port", LocalSetup(port: port))
        #expect(outcome.findings.isEmpty)
    }

    static var nonLocalAddress: String {
        let local = Set(LiveHost().interfaceAddresses())
        return ["198.51.100.77", "203.0.113.77", "192.0.2.250"].first { !local.contains($0) } ?? "198.51.100.77"
    }

    @Test("a configured bindIp that is not on this host's interfaces is bindip.not-local; local ones pass")
    func bindIp() async throws {
        let dir = try TestDirectory("bind")
        defer { dir.remove() }
        let foreign = Self.nonLocalAddress
        let local = LiveHost().interfaceAddresses().first { !$0.hasPrefix("127.") && $0 != "::1" && !$0.hasPrefix("fe80") }
        let entries = ["127.0.0.1", foreign, "::1", "localhost"] + (local.map { [$0] } ?? [])
        let config = try dir.write("mongod.conf", "net:\n  bindIp: \(entries.joined(separator: ","))\n")
        let outcome = try await runCheck("port", LocalSetup(configPath: config, port: try RefusingPort.reservedForProcess()))
        #expect(outcome.findings.map(\.id) == ["bindip.not-local"])
        #expect(outcome.finding("bindip.not-local")?.title.contains(foreign) == true)
        #expect(outcome.finding("bindip.not-local")?.severity == .error)
    }
}

@Suite("socket")
struct SocketTests {
    /// A config whose Unix socket lives in `dir` (so the test never touches /tmp/mongodb-*.sock).
    func setup(_ dir: TestDirectory, port: Int, serviceUser: String) throws -> LocalSetup {
        let config = try dir.write("mongod.conf", "net:\n  unixDomainSocket:\n    pathPrefix: \(dir.path)\n")
        return LocalSetup(configPath: config, port: port, serviceUser: serviceUser)
    }

    @Test("a stale socket owned by another user, with nothing listening, is reported and removed by the automatic fix")
    func staleRemoved() async throws {
        let dir = try TestDirectory("sock")
        defer { dir.remove() }
        let port = try RefusingPort.reservedForProcess()
        let path = dir.sub("mongodb-\(port).sock")
        try UnixSocket.makeStale(at: path, owner: TestUsers.nobody.uid, group: TestUsers.nobody.gid)
        let setup = try setup(dir, port: port, serviceUser: "daemon")

        let outcome = try await runCheck("socket", setup)
        let finding = try #require(outcome.finding("socket.stale"))
        #expect(finding.severity == .error)
        #expect(finding.evidence.first == "srwxr-xr-x nobody:nogroup \(path)")
        let fix = try #require(finding.fixes.first)
        #expect(fix.isAutomatic)
        #expect(fix.commands == [AsThisUser.sudo("rm \(path)")])
        try await fix.action?.apply()
        #expect(!FileManager.default.fileExists(atPath: path))
        let after = try await runCheck("socket", setup)
        #expect(after.findings.isEmpty)
    }

    /// The socket check reports nothing for `path`, and the automatic fix refuses to remove it.
    func expectKept(_ path: String, port: Int, setup: LocalSetup) async throws {
        let outcome = try await runCheck("socket", setup)
        #expect(outcome.findings.isEmpty)
        let action = RemoveStaleSocketAction(
            path: path, port: port, serviceUID: TestUsers.daemon.uid, files: LiveFileSystem(), ports: LivePortProbe())
        await #expect(throws: FixActionError.self) { try await action.apply() }
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a live socket whose server listens elsewhere is neither reported nor removed")
    func liveUnixSocketKept() async throws {
        let dir = try TestDirectory("sock")
        defer { dir.remove() }
        let port = try RefusingPort.reservedForProcess()  // nothing on TCP: the server listens on another address
        let path = dir.sub("mongodb-\(port).sock")
        let fd = try UnixSocket.makeLive(at: path, owner: TestUsers.nobody.uid, group: TestUsers.nobody.gid)
        defer { close(fd) }
        try await expectKept(path, port: port, setup: try setup(dir, port: port, serviceUser: "daemon"))
    }

    @Test("not reported and not removed while something listens on the port")
    func listeningKeepsSocket() async throws {
        let dir = try TestDirectory("sock")
        defer { dir.remove() }
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let path = dir.sub("mongodb-\(listener.port).sock")
        try UnixSocket.makeStale(at: path, owner: TestUsers.nobody.uid, group: TestUsers.nobody.gid)
        try await expectKept(path, port: listener.port, setup: try setup(dir, port: listener.port, serviceUser: "daemon"))
    }

    @Test("not reported and not removed when the service user owns it")
    func ownedByServiceUser() async throws {
        let dir = try TestDirectory("sock")
        defer { dir.remove() }
        let port = try RefusingPort.reservedForProcess()
        let path = dir.sub("mongodb-\(port).sock")
        try UnixSocket.makeStale(at: path, owner: TestUsers.daemon.uid, group: TestUsers.daemon.gid)
        try await expectKept(path, port: port, setup: try setup(dir, port: port, serviceUser: "daemon"))
    }

    @Test("a regular file at the socket path is never removed")
    func regularFileKept() async throws {
        let dir = try TestDirectory("sock")
        defer { dir.remove() }
        let port = try RefusingPort.reservedForProcess()
        let path = try dir.write("mongodb-\(port).sock", "data", owner: TestUsers.nobody.uid, group: TestUsers.nobody.gid)
        try await expectKept(path, port: port, setup: try setup(dir, port: port, serviceUser: "daemon"))
    }
}

