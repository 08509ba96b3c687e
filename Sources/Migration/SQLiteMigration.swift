import AuthStore
public import BlockingWork
import Foundation
import Provisioning
public import MongoBridge

/// `migrate sqlite --from auth.db`: a Lucia SQLite file (v2 `user`/`user_key`/`user_session`, v1's
/// `auth_*`, v3 `user`/`session`) into Lucia v3's MongoDB layout, streamed in batches: each batch is read
/// (on `threads`), converted, and written (on the pool) while the next one is read. Memory holds about two
/// batches, the sample, and one lower-cased username per user.
public enum SQLiteMigration {
    /// How many batches are written at once (the pool needs as many clients).
    public static let inFlight = 1

    /**
     Runs the migration from `path` (`pool` may be `nil` for a dry run, which never connects).

     - Throws: `MigrationError` for bad input (exit 2); `MigrationStopped` when a call to the server failed
       for good (not transient, or past `request.retry`).
     */
    public static func run(path: String, tables: [String]? = nil, request: MigrationRequest, pool: ClientPool?,
                           threads: BlockingThreadPool = .shared, progress: MigrationProgressHandler? = nil) async throws -> MigrationOutcome {
        let started = Date()
        let source = try await threads.run { () throws -> SQLiteSource in try SQLiteSource(path: path, tables: tables) }
        defer { source.close() }
        let layout = source.layout
        let plan = try SessionFormatPlan.resolve(source: source.sessionFormat, requested: request.sessionFormat)
        let tableList = [layout.userTable, layout.sessionTable] + (layout.keyTable.map { [$0] } ?? [])
        var outcome = MigrationOutcome(migration: "sqlite", source: path, sourceLayout: "\(layout.version.rawValue) (\(tableList.joined(separator: ", ")))",
                                       database: request.database, sessionFormat: plan.format, sessionIDsHashed: plan.hashesIDs, dryRun: request.dryRun)
        outcome.add(.users, source: source.counts.users)
        outcome.add(.sessions, source: source.counts.sessions)
        outcome.sourceKeys = source.counts.keys
        let writing: ClientPool? = request.dryRun ? nil : pool
        if !request.dryRun, pool == nil { throw MigrationError("no MongoDB connection to migrate into") }
        let retry = request.retry
        /// Runs one call to the server under the retry policy, noting a retry in the outcome.
        func attempt<T: Sendable>(_ stage: MigrationStage, _ body: (Int) async throws -> T) async throws -> T {
            let result = try await retry.run(stage, body)
            outcome.note(result.retry)
            return result.value
        }
        if let writing {
            try await attempt(MigrationStage("checking the recorded session format")) { _ in
                try await MigrationFinisher.checkRecordedFormat(request, format: plan.format, pool: writing)
            }
        }

        var converter = MigrationConverter(options: .init(sessions: plan, expiryUnit: layout.expiryUnit, keepExpired: request.keepExpired, now: request.now))
        var samples: [MigrationKind: DocumentSample] = [:]
        let total = source.counts.users + source.counts.sessions
        var done = 0
        let names = request.names, database = request.database, oauthName = request.oauthAccounts, batch = request.batchSize

        // Users (with their keys), and the OAuth accounts the keys give.
        var rejectedByKind: [MigrationKind: Int] = [:]
        var rejectedIDs: Set<String> = []  // documents the server refused: not in the target, so not sampled
        // Up to `inFlight` batches are written at once while the next one is read (the server overlaps them).
        typealias UsersWritten = (value: (users: WriteTally, oauth: WriteTally), retry: MigrationRetry?)
        var pending: [(task: Task<UsersWritten, any Error>, ids: [String], oauthIDs: [String])] = []
        func settle() async throws {
            guard !pending.isEmpty else { return }
            // The task is read through `next` (not bound by a tuple pattern, which Swift 6.3 then treats
            // as if awaiting it did nothing, with two bogus warnings).
            let next = pending.removeFirst()
            let (ids, oauthIDs) = (next.ids, next.oauthIDs)
            let ((users, oauth), retried) = try await next.task.value
            outcome.note(retried)
            outcome.add(.users, written: users.written)
            outcome.add(.oauthAccounts, written: oauth.written)
            rejectedByKind[.users, default: 0] += users.rejected.count
            rejectedByKind[.oauthAccounts, default: 0] += oauth.rejected.count
            for rejected in users.rejected {
                converter.markSkipped(userID: ids[rejected.index])
                rejectedIDs.insert(ids[rejected.index])
                outcome.record(MigrationSkip(source: "users", row: ids[rejected.index], reason: rejected.duplicateUsername ? .duplicateUsername : .writeRejected,
                                             detail: rejected.duplicateUsername ? "the target already has this username (case-insensitively)" : "the server refused the document (code \(rejected.code))"))
            }
            for rejected in oauth.rejected {
                rejectedIDs.insert(oauthIDs[rejected.index])
                outcome.record(MigrationSkip(source: "keys", row: oauthIDs[rejected.index], reason: .writeRejected, detail: "the server refused the document (code \(rejected.code))"))
            }
        }
        var cursor: Int64 = 0
        var batchNumber = 0
        while true {
            let after = cursor
            let (rows, last) = try await threads.run { () throws -> ([SourceUser], Int64?) in try source.users(after: after, limit: batch) }
            guard let last else { break }
            cursor = last
            var users: [BSONDocument] = [], ids: [String] = [], oauth: [BSONDocument] = []
            for row in rows {
                switch converter.convert(row) {
                case .success(let user):
                    users.append(user.document)
                    ids.append(user.document["_id"]?.stringValue ?? "")
                    oauth += user.oauthAccounts
                    user.keySkips.forEach { outcome.record($0) }
                    samples[.users, default: DocumentSample()].offer(user.document)
                    user.oauthAccounts.forEach { samples[.oauthAccounts, default: DocumentSample()].offer($0) }
                case .failure(let skip): outcome.record(skip)
                }
            }
            outcome.add(.users, converted: users.count)
            outcome.add(.oauthAccounts, source: oauth.count, converted: oauth.count)
            done += rows.count
            batchNumber += 1
            if let writing {
                if pending.count >= Self.inFlight { try await settle() }
                let (u, o) = (users, oauth)
                // The users, then their OAuth accounts: both copies are idempotent, so a retry sends both again.
                let stage = MigrationStage("writing users", batch: batchNumber, rows: rows.count)
                let task = Task { () async throws -> UsersWritten in
                    try await retry.run(stage) { _ in
                        try await writing.withClient { client in
                            let db = client.database(database)
                            return (try MigrationWriter.copy(u, into: db.collection(names.users)), try MigrationWriter.copy(o, into: db.collection(oauthName)))
                        }
                    }
                }
                pending.append((task, ids, oauth.map { $0["_id"]?.stringValue ?? "" }))
            }
            progress?(MigrationProgress(kind: "users", done: done, total: total))
        }
        while !pending.isEmpty { try await settle() }
        let orphans = try await threads.run { () throws -> (skips: [MigrationSkip], count: Int) in try source.orphanKeys(limit: MigrationOutcome.skipListLimit) }
        outcome.record(orphans.skips, count: orphans.count, reason: .missingUser)

        // Sessions.
        var pendingSessions: [(task: Task<(value: WriteTally, retry: MigrationRetry?), any Error>, ids: [String])] = []
        func settleSessions() async throws {
            guard !pendingSessions.isEmpty else { return }
            let next = pendingSessions.removeFirst()
            let ids = next.ids
            let (tally, retried) = try await next.task.value
            outcome.note(retried)
            outcome.add(.sessions, written: tally.written)
            rejectedByKind[.sessions, default: 0] += tally.rejected.count
            for rejected in tally.rejected {
                rejectedIDs.insert(ids[rejected.index])
                outcome.record(MigrationSkip(source: "sessions", row: "session \(AuthSession.fingerprint(ofStoredID: ids[rejected.index]))", reason: .writeRejected, detail: "the server refused the document (code \(rejected.code))"))
            }
        }
        cursor = 0
        batchNumber = 0
        while true {
            let after = cursor
            let (rows, last) = try await threads.run { () throws -> ([SourceSession], Int64?) in try source.sessions(after: after, limit: batch) }
            guard let last else { break }
            cursor = last
            var sessions: [BSONDocument] = []
            for row in rows {
                switch converter.convert(row) {
                case .converted(let document):
                    sessions.append(document)
                    samples[.sessions, default: DocumentSample()].offer(document)
                case .expired: outcome.expiredLeftOut += 1
                case .skipped(let skip): outcome.record(skip)
                }
            }
            outcome.add(.sessions, converted: sessions.count)
            done += rows.count
            batchNumber += 1
            if let writing {
                if pendingSessions.count >= Self.inFlight { try await settleSessions() }
                let s = sessions
                let stage = MigrationStage("writing sessions", batch: batchNumber, rows: rows.count)
                let task = Task {
                    try await retry.run(stage) { _ in
                        try await writing.withClient { client in try MigrationWriter.copy(s, into: client.database(database).collection(names.sessions)) }
                    }
                }
                pendingSessions.append((task, s.map { $0["_id"]?.stringValue ?? "" }))
            }
            progress?(MigrationProgress(kind: "sessions", done: done, total: total))
        }
        while !pendingSessions.isEmpty { try await settleSessions() }
        outcome.conversions = converter.conversions
        for (kind, sample) in samples { if let first = sample.documents.first { outcome.samples[kind] = SampleRedactor.redact(first, kind: kind) } }
        guard let writing else {
            outcome.elapsedMs = Int(Date().timeIntervalSince(started) * 1000)
            return outcome
        }

        outcome.timed("copy", since: started)
        // Verification, provision, ledger.
        let verifying = Date()
        let expected = outcome.counts
        let refused = rejectedIDs
        let sampled = samples.mapValues { $0.documents.filter { !refused.contains($0["_id"]?.stringValue ?? "") } }
        let rejected = rejectedByKind
        let results = try await attempt(MigrationStage("verifying")) { _ in try await writing.withClient { client -> [MigrationKind: MigrationVerifier.Result] in
            let db = client.database(database)
            var results: [MigrationKind: MigrationVerifier.Result] = [:]
            for (kind, name) in [(MigrationKind.users, names.users), (.sessions, names.sessions), (.oauthAccounts, oauthName)] {
                let counts = expected[kind] ?? MigrationOutcome.Counts()
                results[kind] = try MigrationVerifier.verify(kind, collection: db.collection(name), expected: counts.converted - (rejected[kind] ?? 0),
                                                             written: counts.written, sample: sampled[kind] ?? [])
            }
            return results
        } }
        outcome.verification = MigrationOutcome.Verification(
            passed: results.values.allSatisfy { $0.problems.isEmpty }, sampled: results.values.map(\.sampled).reduce(0, +),
            problems: MigrationKind.allCases.flatMap { results[$0]?.problems ?? [] })
        for (kind, result) in results { outcome.counts[kind]?.inTarget = result.inTarget }
        outcome.timed("verify", since: verifying)
        try await MigrationFinisher.finish(&outcome, request: request, pool: writing, startedAt: started)
        return outcome
    }
}
