import DoctorChecks
import DoctorCore
import TestSupport
import Testing

/// The real resolver (libresolv `res_nquery`, then our parser) against a scripted DNS server on loopback.
@Suite struct SystemResolverTests {
    @Test func srvAndTXTRecordsComeBackParsed() async throws {
        let dns = try LoopbackDNSServer(records: [
            "_mongodb._tcp.cluster0.example.test": [
                .srv(priority: 0, weight: 5, port: 27017, target: "node1.cluster0.example.test"),
                .srv(priority: 1, weight: 0, port: 27018, target: "node2.cluster0.example.test"),
            ],
            "cluster0.example.test": [.txt(["authSource=admin&replicaSet=rs0"])],
        ])
        defer { dns.stop() }
        let resolver = LiveResolver(nameserver: (ip: "127.0.0.1", port: dns.port))
        let srv = try await resolver.srvRecords(of: "_mongodb._tcp.cluster0.example.test", timeout: .seconds(2))
        #expect(srv == [
            SRVRecord(priority: 0, weight: 5, port: 27017, target: "node1.cluster0.example.test"),
            SRVRecord(priority: 1, weight: 0, port: 27018, target: "node2.cluster0.example.test"),
        ])
        #expect(try await resolver.txtRecords(of: "cluster0.example.test", timeout: .seconds(2)) == ["authSource=admin&replicaSet=rs0"])
    }

    @Test func unknownNameIsNotFound() async throws {
        let dns = try LoopbackDNSServer(records: [:])
        defer { dns.stop() }
        let resolver = LiveResolver(nameserver: (ip: "127.0.0.1", port: dns.port))
        await #expect(throws: DNSFailure.notFound) {
            try await resolver.srvRecords(of: "_mongodb._tcp.nothing.example.test", timeout: .seconds(2))
        }
    }

    @Test func txtRecordWithForbiddenOptionsThroughTheWholeDNSStage() async throws {
        let dns = try LoopbackDNSServer(records: [
            "_mongodb._tcp.c.example.test": [.srv(priority: 0, weight: 0, port: 27017, target: "n.c.example.test")],
            "c.example.test": [.txt(["tls=false&authSource=admin"])],
        ])
        defer { dns.stop() }
        // SRV/TXT through the real resolver; the seed's A record from a table (no outside DNS here).
        struct Split: HostResolver {
            let real: LiveResolver
            func addresses(of host: String, timeout: Duration) async throws(DNSFailure) -> [ResolvedAddress] {
                [ResolvedAddress(ip: "127.0.0.1", family: .ipv4)]
            }
            func srvRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [SRVRecord] {
                try await real.srvRecords(of: name, timeout: timeout)
            }
            func txtRecords(of name: String, timeout: Duration) async throws(DNSFailure) -> [String] {
                try await real.txtRecords(of: name, timeout: timeout)
            }
        }
        let probes = ConnectionProbes(resolver: Split(real: LiveResolver(nameserver: (ip: "127.0.0.1", port: dns.port))),
                                      dialer: LiveDialer(), tlsProber: nil, server: LiveServerProbe())
        let results = await runLadder("mongodb+srv://c.example.test/", probes: probes)
        #expect(results["dns"]?.findings.map(\.id) == ["dns.srv-txt-invalid"])
        #expect(results["dns"]?.findings.first?.evidence == ["TXT tls=false&authSource=admin"])
    }
}
