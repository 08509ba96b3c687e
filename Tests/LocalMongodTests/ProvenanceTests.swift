import DoctorCore
import Foundation
import LocalMongod
import Testing

/// "A healthy server is never reported broken because of a default path it does not use."
@Suite("provenance rule")
struct ProvenanceTests {
    static let defaultDbPathMissing = !FileManager.default.fileExists(atPath: "/data/db")
        && !FileManager.default.fileExists(atPath: "/etc/mongod.conf")

    @Test(
        "the default /data/db missing: suppressed when the server answers, a warning when unknown, an error when it does not",
        .enabled(if: defaultDbPathMissing, "this host has /data/db or /etc/mongod.conf"),
        arguments: [(Bool?.some(true), Severity?.none), (nil, .warning), (false, .error)])
    func defaultDbPath(_ answers: Bool?, _ expected: Severity?) async throws {
        let outcome = try await runCheck("dbpath", LocalSetup(serviceUser: "root", serverAnswers: answers))
        #expect(outcome.finding("dbpath.missing")?.severity == expected)
        if expected == nil { #expect(outcome.findings.isEmpty) }
    }

    @Test("an explicit missing dbpath stays an error even when the server answers")
    func explicitStaysError() async throws {
        let dir = try TestDirectory("prov")
        defer { dir.remove() }
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: dir.sub("nope"), serviceUser: "root", serverAnswers: true))
        #expect(outcome.finding("dbpath.missing")?.severity == .error)
    }

    @Test("a dbpath set by the config file keeps error severity and cites the config line")
    func configuredStaysError() async throws {
        let dir = try TestDirectory("prov")
        defer { dir.remove() }
        let config = try dir.write("mongod.conf", "# comment\nstorage:\n  dbPath: \(dir.sub("missing"))\n")
        let outcome = try await runCheck("dbpath", LocalSetup(configPath: config, serviceUser: "root", serverAnswers: true))
        let finding = try #require(outcome.finding("dbpath.missing"))
        #expect(finding.severity == .error)
        #expect(finding.evidence.contains("dbpath: \(dir.sub("missing")) (\(config) line 3)"))
    }
}
