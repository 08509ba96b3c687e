@testable import DoctorChecks
import DoctorCore
import MongoBridge
import TLSProbe
import Testing
import TestSupport

/// The whole ladder with the real resolver, dialer and libmongoc, against real loopback peers.
@Suite struct ConnectionLadderLoopbackTests {
    let live = ConnectionProbes(resolver: LiveResolver(), dialer: LiveDialer(), tlsProber: nil, server: LiveServerProbe())

    @Test func refusedPort() async throws {
        let refusing = try RefusingPort()
        defer { withExtendedLifetime(refusing) {} }
        let results = await runLadder("mongodb://127.0.0.1:\(refusing.port)/", probes: live)
        #expect(results.errorIDs == ["tcp.refused"])
        #expect(results["hello"]?.detail == "skipped: tls skipped")
    }

    @Test func droppedConnectionTimesOut() async throws {
        let listener = try SaturatedListener()
        defer { listener.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(listener.port)/", probes: live, timeout: .milliseconds(500))
        #expect(results.errorIDs == ["tcp.timeout"])
    }

    @Test("peers that are not MongoDB", arguments: [
        ("silent", "tcp.not-mongodb"), ("close", "tcp.closed"), ("http", "tcp.not-mongodb"),
    ])
    func notMongo(kind: String, expected: String) async throws {
        let behaviour: LoopbackListener.Behaviour = switch kind {
        case "silent": .silent
        case "close": .close
        default: .reply(Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8))
        }
        let listener = try LoopbackListener(behaviour)
        defer { listener.stop() }
        // Only the silent peer waits the whole timeout; the others answer at once.
        let results = await runLadder("mongodb://127.0.0.1:\(listener.port)/", probes: live,
                                      timeout: kind == "silent" ? .milliseconds(500) : .seconds(5))
        #expect(results.errorIDs == [expected])
        if kind == "http" { #expect(results["tcp"]?.findings.first?.detail.contains("HTTP/1.1 400") == true, "\(String(describing: results["tcp"]?.findings.first))") }
    }

    @Test("unknown names", arguments: [
        ("mongodb://nosuchhost.invalid:27017/", "dns.not-found"),
        ("mongodb+srv://cluster0.nosuch.invalid/", "dns.srv-not-found"),
    ])
    func unknownNames(uri: String, expected: String) async {
        let results = await runLadder(uri, probes: live)
        #expect(results.errorIDs == [expected])
    }

    @Test func membersAdvertisingUnresolvableAndUnreachableNames() async throws {
        // A scripted wire peer: a real replica set cannot be built here, and the classic failure is a
        // set whose members advertise docker-compose names (mongo1) that this machine cannot resolve.
        let dead = try RefusingPort()
        defer { withExtendedLifetime(dead) {} }
        let peer = try ScriptedWirePeer(reply: [
            "ok": 1.0, "isWritablePrimary": true, "setName": "rs0", "maxWireVersion": 17, "minWireVersion": 0,
            "hosts": ["mongo1.invalid:27017", .string("127.0.0.1:\(dead.port)")], "primary": "mongo1.invalid:27017",
            "me": "mongo1.invalid:27017", "maxBsonObjectSize": 16_777_216, "maxMessageSizeBytes": 48_000_000,
            "maxWriteBatchSize": 100_000, "version": "7.0.4",
        ])
        defer { peer.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(peer.port)/", probes: live, timeout: .seconds(5))
        #expect(results["hello"]?.status == .passed, "\(results.values.map { "\($0.id): \($0.status) \($0.detail)" })")
        let topology = try #require(results["topology"])
        #expect(topology.findings.map(\.id) == ["topology.member-unresolvable", "topology.member-unreachable"])
        #expect(topology.findings.first?.evidence.first?.hasPrefix("mongo1.invalid:27017") == true)
        #expect(topology.findings.first?.fixes.first?.summary.contains("directConnection=true") == true)
        #expect(results["auth"]?.status == .skipped)
    }
}

extension ConnectionLadderLoopbackTests {
    static func helloReply(_ extra: BSONDocument) -> BSONDocument {
        var reply: BSONDocument = ["ok": 1.0, "maxWireVersion": 17, "minWireVersion": 0, "maxBsonObjectSize": 16_777_216,
                                   "maxMessageSizeBytes": 48_000_000, "maxWriteBatchSize": 100_000, "version": "7.0.4"]
        for (key, value) in zip(extra.keys, extra.values) { reply[key] = value }
        return reply
    }

    @Test func serverTooOldForLibmongoc() async throws {
        // Scripted: no MongoDB older than 3.6 can run here. libmongoc 1.23 needs wire version 6.
        let peer = try ScriptedWirePeer(reply: Self.helloReply(["isWritablePrimary": true, "ismaster": true, "maxWireVersion": 5, "version": "3.4.24"]))
        defer { peer.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(peer.port)/", probes: live, timeout: .seconds(5))
        #expect(results.errorIDs == ["server.wire-version"])
    }

    @Test func replicaSetWithoutPrimary() async throws {
        let peer = try ScriptedWirePeer(reply: Self.helloReply([
            "isWritablePrimary": false, "secondary": true, "setName": "rs0", "hosts": .array([.string("127.0.0.1:\(0)")]),
        ]))
        defer { peer.stop() }
        let results = await runLadder("mongodb://127.0.0.1:\(peer.port)/?directConnection=true", probes: live, timeout: .seconds(5))
        #expect(results["topology"]?.findings.map(\.id) == ["topology.no-primary"])
    }
}
