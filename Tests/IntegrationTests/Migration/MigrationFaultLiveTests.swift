import Foundation
import MongoBridge
import Testing
import TestSupport

/// Issue 13, faults during a migration, through the binary: writes that fail on the way are retried and
/// the run ends with exactly the source's documents; a refused write or a server that stays down stops
/// the run with one line naming the stage and batch, exit 2, no ledger record; and a rerun then ends
/// with exactly the source's documents, verified. Each test starts a SecantusDB of its own
/// (`--test-commands`: failpoints are server-wide, and one test kills its server) and stops it whatever
/// happens. One at a time: each keeps its server and a core busy for seconds.
@Suite(.serialized, .enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct MigrationFaultLiveTests {
    /// A connection closed by the server before it answers (the write is not done), and a write concern
    /// error after the write was done (the reply says it failed; a retry finds the documents there).
    static let dropped: [(label: String, data: BSONDocument, times: Int, cause: String)] = [
        ("closeConnection", ["closeConnection": true], 3, "the connection failed (MongoError 2/"),
        ("writeConcernError 91", ["writeConcernError": ["code": 91, "errmsg": "injected"]], 2, "the server did not confirm the write concern (MongoError 16/91"),
    ]

    /// The cause of an attempt that found no server (libmongoc forgot it after the fault, until its monitor's next check).
    static let noServer = "no server could be selected"

    /// The failpoint's `data`: `fault` on `commands`.
    static func on(_ commands: [String], _ fault: BSONDocument) -> BSONDocument {
        var data = fault
        data["failCommands"] = .array(commands.map { .string($0) })
        return data
    }

    static func retries(_ report: [String: Any]) -> [(stage: String, attempts: Int, cause: String)] {
        ((report["retries"] as? [[String: Any]]) ?? []).map { ($0["stage"] as? String ?? "", $0["attempts"] as? Int ?? 0, $0["cause"] as? String ?? "") }
    }

    /// The one line of a stopped run: on stderr, naming the stage, without a document id or hash.
    static func expectStopped(_ out: ProcessRunner.Output, command: String, stage: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(out.status == 2, "\(out.combined)", sourceLocation: sourceLocation)
        #expect(out.stdout.isEmpty, "\(out.stdout)", sourceLocation: sourceLocation)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("mongo-doctor: \(command): "), "\(out.stderr)", sourceLocation: sourceLocation)
        #expect(out.stderr.contains("stopped while \(stage)"), "\(out.stderr)", sourceLocation: sourceLocation)
        #expect(out.stderr.contains("no migration is recorded in the ledger") && out.stderr.contains("run the same command again"), sourceLocation: sourceLocation)
        for secret in [LuciaSQLiteFixture.s2Hash, String(MigrationFaultFixture.sessionID(0).prefix(20)), String(MigrationFaultFixture.v2SessionID(0).prefix(20))] {
            #expect(!out.stderr.contains(secret), "a hash or session id in: \(out.stderr)", sourceLocation: sourceLocation)
        }
    }

    // MARK: migrate sqlite

    @Test("migrate sqlite: inserts dropped or unconfirmed are retried; exactly the source's documents")
    func sqliteRetriesDroppedWrites() async throws {
        try await MigrationFaultFixture.with("faults-mig-sq-retry", users: 300, sessions: 2000) { f in
            try await f.makeSQLite()
            for (index, fault) in Self.dropped.enumerated() {
                let database = "retry\(index)"
                try await f.failpoint(["times": .int32(Int32(fault.times))], Self.on(["insert"], fault.data))
                let out = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"], database: database)
                try await f.failpoint("off")
                let report = try await f.expectEndsExact(out, database: database, migration: "sqlite", expected: f.sqliteExpected, label: fault.label)
                let retries = Self.retries(report)
                // The first batch's insert failed `times` times, so it took at least one attempt more (more when an
                // attempt found no server while libmongoc's monitor had not seen it again); nothing else was retried.
                #expect(retries.count == 1 && retries.first?.stage == "writing users, batch 1 (50 rows)" && (retries.first?.attempts ?? 0) > fault.times,
                        "\(fault.label): \(retries)")
                #expect(retries.first?.cause.hasPrefix(fault.cause) == true, "\(fault.label): \(retries)")
                let counts = report["counts"] as? [String: [String: Any]]
                #expect(counts?["users"]?["written"] as? Int == f.users && counts?["sessions"]?["written"] as? Int == f.sessions, "\(fault.label): \(counts ?? [:])")
            }
        }
    }

    @Test("migrate sqlite: a refused insert stops the run naming the batch; the rerun ends exact and verified")
    func sqliteStopsOnRefusedWriteThenReruns() async throws {
        try await MigrationFaultFixture.with("faults-mig-sq-refused", users: 300, sessions: 2000) { f in
            try await f.makeSQLite()
            // 6 batches of users and 20 of sessions go in (one insert each), then every insert fails with BadValue.
            try await f.failpoint(["skip": 26], ["failCommands": ["insert"], "errorCode": 2])
            let stopped = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"], database: "refused")
            try await f.failpoint("off")
            Self.expectStopped(stopped, command: "migrate sqlite", stage: "writing sessions, batch 21 (50 rows): the server refused the command (MongoError 17/2)")
            #expect(stopped.stderr.contains("not a transient error"), "\(stopped.stderr)")
            #expect(try await f.count("refused", "users") == f.users)
            #expect(try await f.count("refused", "sessions") == 20 * 50)
            #expect(try await f.ledger("refused", "sqlite").isEmpty, "a stopped run is not recorded")

            let rerun = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"], database: "refused")
            let report = try await f.expectEndsExact(rerun, database: "refused", migration: "sqlite", expected: f.sqliteExpected)
            #expect(Self.retries(report).isEmpty)
        }
    }

    @Test("migrate sqlite: the server killed mid-run: the stage is named, exit 2; revived, the rerun ends exact")
    func sqliteServerKilledThenReruns() async throws {
        try await MigrationFaultFixture.with("faults-mig-sq-kill", users: 300, sessions: 2000) { f in
            try await f.makeSQLite()
            let (killed, seconds) = try await f.killDuring(["migrate", "sqlite", "--from", f.sqlitePath], database: "killed", when: [:], in: "sessions")
            // Five attempts, each waiting --timeout 1 for a server, 0.1 to 0.8 s apart: the run gives up within seconds.
            #expect(seconds < 15, "\(seconds) s after the kill")
            Self.expectStopped(killed, command: "migrate sqlite", stage: "writing sessions, batch ")
            #expect(killed.stderr.contains(" attempts in ") && (killed.stderr.contains(Self.noServer) || killed.stderr.contains("the connection failed")),
                    "\(killed.stderr)")

            try f.server.revive()
            #expect(try await f.ledger("killed", "sqlite").isEmpty, "the killed run is not recorded")
            let partial = try await f.count("killed", "sessions")
            #expect(partial < f.sessions, "\(partial) sessions before the rerun")
            let rerun = try await f.run(["migrate", "sqlite", "--from", f.sqlitePath, "--json"], database: "killed")
            try await f.expectEndsExact(rerun, database: "killed", migration: "sqlite", expected: f.sqliteExpected)
        }
    }

    // MARK: migrate lucia-v2-to-v3

    @Test("migrate lucia-v2-to-v3: updates dropped or unconfirmed are retried; exactly the v3 documents")
    func v2RetriesDroppedWrites() async throws {
        try await MigrationFaultFixture.with("faults-mig-v2-retry", users: 100, sessions: 600) { f in
            let expected = f.v2Expected
            for (index, fault) in Self.dropped.enumerated() {
                let database = "retry\(index)"
                // With the write concern error, the users have their v3 fields already, so the first update is
                // the first sessions batch: done, then reported failed, the retry must count what it finds done.
                let unconfirmed = fault.data["writeConcernError"] != nil
                try await f.seedV2(database, migratedUsers: unconfirmed)
                // Once for the write concern error: a second would hit the next batch's first attempt.
                let times = unconfirmed ? 1 : fault.times
                try await f.failpoint(["times": .int32(Int32(times))], Self.on(["update"], fault.data))
                let out = try await f.run(["migrate", "lucia-v2-to-v3", "--json"], database: database)
                try await f.failpoint("off")
                let report = try await f.expectEndsExact(out, database: database, migration: "lucia-v2-to-v3", expected: expected, label: fault.label)
                let retries = Self.retries(report)
                let stage = unconfirmed ? "writing sessions, batch 1 (50 rows)" : "writing users, batch 1 (50 rows)"
                // The retried sessions batch sends only what is still in v2 form (nothing: the first attempt was done).
                let attempts = times + 1
                #expect(retries.count == 1 && retries.first?.stage == stage && (retries.first?.attempts ?? 0) >= attempts, "\(fault.label): \(retries)")
                #expect(retries.first?.cause.hasPrefix(fault.cause) == true, "\(fault.label): \(retries)")
                let counts = report["counts"] as? [String: [String: Any]]
                #expect(counts?["sessions"]?["written"] as? Int == f.sessions, "\(fault.label): \(counts ?? [:])")
                #expect(try await f.count(database, "keys") == f.users, "keys are kept")
            }
        }
    }

    @Test("migrate lucia-v2-to-v3: a refused update stops the run naming the batch; the rerun ends exact and verified")
    func v2StopsOnRefusedWriteThenReruns() async throws {
        try await MigrationFaultFixture.with("faults-mig-v2-refused", users: 100, sessions: 600) { f in
            try await f.seedV2("refused")
            // 2 batches of users and 6 of sessions are updated (one update each), then every update fails.
            try await f.failpoint(["skip": 8], ["failCommands": ["update"], "errorCode": 2])
            let stopped = try await f.run(["migrate", "lucia-v2-to-v3", "--json"], database: "refused")
            try await f.failpoint("off")
            Self.expectStopped(stopped, command: "migrate lucia-v2-to-v3",
                               stage: "writing sessions, batch 7 (50 rows): the server refused the command (MongoError 17/2)")
            #expect(try await f.count("refused", "sessions", ["expires_at": ["$exists": true]]) == 6 * 50)
            #expect(try await f.count("refused", "sessions", ["idle_expires": ["$exists": true]]) == f.sessions - 6 * 50)
            #expect(try await f.ledger("refused", "lucia-v2-to-v3").isEmpty, "a stopped run is not recorded")

            let rerun = try await f.run(["migrate", "lucia-v2-to-v3", "--json"], database: "refused")
            let report = try await f.expectEndsExact(rerun, database: "refused", migration: "lucia-v2-to-v3", expected: f.v2Expected)
            #expect((report["conversions"] as? [String: Int])?["sessions-already-v3"] == 6 * 50)
        }
    }

    @Test("migrate lucia-v2-to-v3: the server killed mid-run: the stage is named, exit 2; revived, the rerun ends exact")
    func v2ServerKilledThenReruns() async throws {
        try await MigrationFaultFixture.with("faults-mig-v2-kill", users: 100, sessions: 800) { f in
            try await f.seedV2("killed")
            let (killed, seconds) = try await f.killDuring(["migrate", "lucia-v2-to-v3"], database: "killed", when: ["expires_at": ["$exists": true]], in: "sessions")
            #expect(seconds < 15, "\(seconds) s after the kill")
            Self.expectStopped(killed, command: "migrate lucia-v2-to-v3", stage: "")
            #expect(killed.stderr.contains("sessions, batch "), "\(killed.stderr)")

            try f.server.revive()
            #expect(try await f.ledger("killed", "lucia-v2-to-v3").isEmpty, "the killed run is not recorded")
            let rerun = try await f.run(["migrate", "lucia-v2-to-v3", "--json"], database: "killed")
            try await f.expectEndsExact(rerun, database: "killed", migration: "lucia-v2-to-v3", expected: f.v2Expected)
        }
    }
}
