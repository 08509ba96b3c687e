import Foundation
import Testing
import TestSupport

/// Issue 13's load: 64 concurrent tasks validating live, expired, unknown and forged tokens through
/// AuthStore for `MD_LOAD_SECONDS` (default 5 s; `scripts/load` runs 30 s), in a process of its own
/// (the `authstore-load` helper, so its RSS is its own and a crash is its exit status), on the
/// plain test server and on a SQLite file. Zero wrong answers, zero errors, zero crashes,
/// connections bounded by the pool size and released, RSS at the end within a bound of the RSS after warm-up.
@Suite("AuthStore: load", .serialized)
struct SessionLoadTests {
    static let callers = 64
    static let poolSize = 8
    /// RSS may grow by this much between the warm-up and the end (caches and allocator arenas settle).
    static let rssSlackKiB = 24 * 1024
    static var seconds: String { ProcessInfo.processInfo.environment["MD_LOAD_SECONDS"].flatMap { Double($0) }.map { String($0) } ?? "5" }

    static func load(_ arguments: [String]) throws -> [String: Any] {
        let out = try ProcessRunner.run("authstore-load", arguments + [seconds, String(callers), String(poolSize)])
        #expect(out.status == 0, "authstore-load ended with status \(out.status): \(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], "\(out.combined)")
        print("load: \(out.stdout)")
        let answers = report["answers"] as? Int ?? 0
        #expect(answers >= callers, "answers: \(answers)")
        #expect(report["wrong"] as? Int == 0, "wrong answers: \(report["wrong"] ?? "nil"), first: \(report["firstProblem"] ?? "nil")")
        #expect(report["errors"] as? Int == 0, "errors: \(report["errors"] ?? "nil"), first: \(report["firstProblem"] ?? "nil")")
        let warm = report["rssAfterWarmUpKiB"] as? Int ?? 0, end = report["rssEndKiB"] as? Int ?? Int.max
        #expect(warm > 0, "no RSS after warm-up")
        // Under a sanitizer RSS grows whatever the code does (ASan keeps freed blocks in a quarantine of up to
        // 256 MB, and its shadow memory grows with them; TSan keeps shadow and history per address): the bound
        // holds only in a plain run. A leak still fails there: LeakSanitizer ends the helper with status 23.
        if Sanitizer.active == nil {
            #expect(end <= warm + rssSlackKiB, "RSS \(warm) KiB after warm-up, \(end) KiB at the end")
        }
        return report
    }

    @Test("MongoDB: 64 tasks, every answer right, connections within the pool, memory flat",
          .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
    func mongo() throws {
        let report = try Self.load(["mongo", try TestServer.requireURI()])
        // libmongoc's pooled mode adds up to two monitoring connections per server (hello only).
        let peak = try #require(report["peakConnections"] as? Int), working = try #require(report["peakWorkingConnections"] as? Int)
        #expect(working >= 1 && working <= Self.poolSize, "application connections: \(working)")
        #expect(peak <= Self.poolSize + 2, "all connections of the run: \(peak)")
        #expect(report["connectionsAfterClose"] as? Int == 0, "connections left after the pool closed")
        #expect(report["serverConnectionsBefore"] is Int && report["serverConnectionsAfter"] is Int)
    }

    @Test("SQLite: 64 tasks, every answer right, memory flat")
    func sqlite() throws {
        let directory = try TemporaryDirectory(prefix: "authstore-load")
        defer { directory.remove() }
        _ = try Self.load(["sqlite", directory.appending("auth.db")])
    }
}
