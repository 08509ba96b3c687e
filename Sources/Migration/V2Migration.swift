import AuthStore
import Foundation
public import MongoBridge
import Provisioning

/// `migrate lucia-v2-to-v3`: Lucia v2's collections (adapter-mongoose) turned into Lucia v3's, in place,
/// in `_id` order, batch by batch:
///
/// - users get `hashed_password` from their password key (`username:…` first, then `email:…`, then any;
///   the first non-null hash), and `username`/`email` from the key ids when they lack them; a user that
///   has a `hashed_password` already keeps it (a rerun never undoes a re-hash);
/// - OAuth keys (null hash) are copied into `oauth_accounts`;
/// - sessions still in v2 form (`idle_expires`) are replaced by their v3 form (`expires_at` a Date from
///   `idle_expires` in milliseconds; `active_expires`/`idle_expires` removed); migrated ones are left alone;
/// - with `sha256`, each session is copied under the SHA-256 hex of its id and the v2 original deleted.
///
/// Validators that `provision --layout lucia-v2` created are replaced by the v3 ones first, so that the
/// rewritten documents pass. `keys` is kept unless `--drop-keys` (after the verification passed).
public enum V2Migration {
    /// Runs the migration on `pool` (a dry run reads and converts only).
    ///
    /// - Throws: `MigrationError` for bad input (no v2 collections, a refused format); `MigrationStopped` when a
    ///   call to the server failed for good (not transient, or past `request.retry`).
    public static func run(request: MigrationRequest, pool: ClientPool, progress: MigrationProgressHandler? = nil) async throws -> MigrationOutcome {
        let started = Date()
        let names = request.names, database = request.database, oauthName = request.oauthAccounts, batch = request.batchSize
        let source = MongoV2Source(database: database, users: names.users, sessions: names.sessions, keys: names.keys)
        let plan = try SessionFormatPlan.resolve(source: .luciaV3, requested: request.sessionFormat)
        var retries: [MigrationRetry] = []  // noted before the outcome exists
        let retry = request.retry
        func attempt<T: Sendable>(_ stage: MigrationStage, _ body: (Int) async throws -> T) async throws -> T {
            let result = try await retry.run(stage, body)
            if let done = result.retry { retries.append(done) }
            return result.value
        }
        let (existing, userCount, sessionCount, v2Sessions, keyCount) = try await attempt(MigrationStage("reading the source's collections")) { _ in try await pool.withClient { client in
            let existing = try source.existing(client)
            let db = client.database(database)
            func count(_ name: String, _ filter: BSONDocument = [:]) throws -> Int { existing.contains(name) ? try db.collection(name).countDocuments(filter) : 0 }
            return (existing, try count(names.users), try count(names.sessions), try count(names.sessions, MongoV2Source.v2SessionFilter), try count(names.keys))
        } }
        guard existing.contains(names.users), existing.contains(names.sessions) else {
            let missing = [names.users, names.sessions].filter { !existing.contains($0) }
            throw MigrationError("\(database): no collection \(missing.joined(separator: " or ")) (collections: \(existing.sorted().joined(separator: ", ").nonEmpty ?? "none")); name them with --users, --sessions, --keys")
        }
        let layout = "lucia-v2 (\([names.users, names.sessions, names.keys].filter(existing.contains).joined(separator: ", ")))"
        var outcome = MigrationOutcome(migration: "lucia-v2-to-v3", source: "\(database).\(names.users)/\(names.sessions)/\(names.keys)", sourceLayout: layout,
                                       database: database, sessionFormat: plan.format, sessionIDsHashed: plan.hashesIDs, dryRun: request.dryRun)
        outcome.add(.users, source: userCount)
        outcome.add(.sessions, source: v2Sessions)
        outcome.sourceKeys = keyCount
        outcome.conversions["sessions-already-v3"] = sessionCount - v2Sessions
        if !request.dryRun {
            try await attempt(MigrationStage("checking the recorded session format")) { _ in
                try await MigrationFinisher.checkRecordedFormat(request, format: plan.format, pool: pool)
            }
            try await attempt(MigrationStage("replacing the v2 validators")) { _ in
                try await pool.withClient { client in try replaceV2Validators(client.database(database), names: names, format: plan.format) }
            }
        }
        var converter = MigrationConverter(options: .init(sessions: plan, expiryUnit: .milliseconds, keepExpired: true, inPlace: true, now: request.now))
        var samples: [MigrationKind: DocumentSample] = [:]
        var rejected: [MigrationKind: Int] = [:]
        var sessionSkips = 0
        var rejectedIDs: Set<String> = []  // documents the server refused: not in the target, so not sampled
        let total = userCount + v2Sessions
        var done = 0

        var after: String?
        var batchNumber = 0
        while true {
            let cursor = after
            batchNumber += 1
            let rows = try await attempt(MigrationStage("reading users", batch: batchNumber)) { _ in
                try await pool.withClient { client in try source.users(client, after: cursor, limit: batch) }
            }
            guard let last = rows.last?.id?.stringValue else { break }
            after = last
            var updates: [(id: String, added: BSONDocument)] = [], oauth: [BSONDocument] = []
            var convertedHere = 0
            for row in rows {
                switch converter.convert(row) {
                case .success(let user):
                    let id = user.document["_id"]?.stringValue ?? ""
                    if !user.added.isEmpty { updates.append((id, user.added)) }
                    oauth += user.oauthAccounts
                    user.keySkips.forEach { outcome.record($0) }
                    samples[.users, default: DocumentSample()].offer(user.document)
                    user.oauthAccounts.forEach { samples[.oauthAccounts, default: DocumentSample()].offer($0) }
                    outcome.add(.users, converted: 1)
                    convertedHere += 1
                case .failure(let skip): outcome.record(skip)
                }
            }
            outcome.add(.oauthAccounts, source: oauth.count, converted: oauth.count)
            done += rows.count
            if !request.dryRun {
                let (u, o) = (updates, oauth)
                // `$set`s of the same values and a copy by `_id`: both idempotent, so a retry sends both again.
                let (users, accounts) = try await attempt(MigrationStage("writing users", batch: batchNumber, rows: rows.count)) { _ in
                    try await pool.withClient { client in
                        let db = client.database(database)
                        return (try MigrationWriter.updateUsers(u, in: db.collection(names.users)), try MigrationWriter.copy(o, into: db.collection(oauthName)))
                    }
                }
                outcome.add(.users, written: convertedHere - users.rejected.count)
                outcome.add(.oauthAccounts, written: accounts.written)
                rejected[.users, default: 0] += users.rejected.count
                rejected[.oauthAccounts, default: 0] += accounts.rejected.count
                for r in users.rejected {
                    rejectedIDs.insert(u[r.index].id)
                    outcome.record(MigrationSkip(source: "users", row: u[r.index].id, reason: r.duplicateUsername ? .duplicateUsername : .writeRejected,
                                                 detail: r.duplicateUsername ? "another user has this username (case-insensitively)" : "the server refused the update (code \(r.code))"))
                }
                for r in accounts.rejected {
                    rejectedIDs.insert(o[r.index]["_id"]?.stringValue ?? "")
                    outcome.record(MigrationSkip(source: "keys", row: o[r.index]["_id"]?.stringValue ?? "", reason: .writeRejected, detail: "the server refused the OAuth account (code \(r.code))"))
                }
            }
            progress?(MigrationProgress(kind: "users", done: done, total: total))
        }
        let (badUsers, orphans) = try await attempt(MigrationStage("reading the users and keys that cannot be migrated")) { _ in
            try await pool.withClient { client in
                (try source.nonStringUsers(client, limit: MigrationOutcome.skipListLimit),
                 existing.contains(names.keys) ? try source.orphanKeys(client, limit: MigrationOutcome.skipListLimit) : (skips: [], count: 0))
            }
        }
        outcome.record(badUsers.skips, count: badUsers.count, reason: .nonTextID)
        outcome.record(orphans.skips, count: orphans.count, reason: .missingUser)

        after = nil
        batchNumber = 0
        while true {
            let cursor = after
            batchNumber += 1
            let rows = try await attempt(MigrationStage("reading sessions", batch: batchNumber)) { _ in
                try await pool.withClient { client in try source.sessions(client, after: cursor, limit: batch) }
            }
            guard let last = rows.last?.id?.stringValue else { break }
            after = last
            var rewrites: [(oldID: String, document: BSONDocument)] = []
            for row in rows {
                switch converter.convert(row) {
                case .converted(let document):
                    rewrites.append((row.id?.stringValue ?? "", document))
                    samples[.sessions, default: DocumentSample()].offer(document)
                    outcome.add(.sessions, converted: 1)
                case .expired: outcome.expiredLeftOut += 1
                case .skipped(let skip):
                    outcome.record(skip)
                    sessionSkips += 1
                }
            }
            done += rows.count
            if !request.dryRun {
                let r = rewrites
                let tally = try await attempt(MigrationStage("writing sessions", batch: batchNumber, rows: rows.count)) { attempt in
                    try await pool.withClient { client in
                        let sessions = client.database(database).collection(names.sessions)
                        return plan.hashesIDs ? try MigrationWriter.rekeySessions(r, in: sessions)
                                              : try MigrationWriter.replaceSessions(r, in: sessions, retrying: attempt > 1)
                    }
                }
                outcome.add(.sessions, written: tally.written)
                rejected[.sessions, default: 0] += tally.rejected.count
                sessionSkips += tally.rejected.count
                for x in tally.rejected {
                    rejectedIDs.insert(r[x.index].document["_id"]?.stringValue ?? "")
                    outcome.record(MigrationSkip(source: "sessions", row: "session \(AuthSession.fingerprint(ofStoredID: r[x.index].oldID))", reason: .writeRejected,
                                                 detail: "the server refused the v3 session (code \(x.code))"))
                }
            }
            progress?(MigrationProgress(kind: "sessions", done: done, total: total))
        }
        let badSessions = try await attempt(MigrationStage("reading the sessions that cannot be migrated")) { _ in
            try await pool.withClient { client in try source.nonStringSessions(client, limit: MigrationOutcome.skipListLimit) }
        }
        outcome.record(badSessions.skips, count: badSessions.count, reason: .nonTextID)
        sessionSkips += badSessions.count
        outcome.conversions.merge(converter.conversions) { $0 + $1 }
        for (kind, sample) in samples { if let first = sample.documents.first { outcome.samples[kind] = SampleRedactor.redact(first, kind: kind) } }
        outcome.retries = retries
        guard !request.dryRun else {
            outcome.elapsedMs = Int(Date().timeIntervalSince(started) * 1000)
            return outcome
        }

        outcome.timed("copy", since: started)
        let verifying = Date()
        let refused = rejectedIDs
        let expected = outcome.counts, rejectedCounts = rejected
        let sampled = samples.mapValues { $0.documents.filter { !refused.contains($0["_id"]?.stringValue ?? "") } }
        let (results, leftV2) = try await attempt(MigrationStage("verifying")) { _ in try await pool.withClient { client -> ([MigrationKind: MigrationVerifier.Result], Int) in
            let db = client.database(database)
            var results: [MigrationKind: MigrationVerifier.Result] = [:]
            let users = db.collection(names.users)
            results[.users] = MigrationVerifier.Result(inTarget: try users.countDocuments(), sampled: sampled[.users]?.count ?? 0,
                                                       problems: try MigrationVerifier.compare(.users, sampled[.users] ?? [], in: users))
            let sessionCounts = expected[.sessions] ?? MigrationOutcome.Counts()
            results[.sessions] = try MigrationVerifier.verify(.sessions, collection: db.collection(names.sessions), expected: sessionCounts.converted - (rejectedCounts[.sessions] ?? 0),
                                                              written: sessionCounts.written, sample: sampled[.sessions] ?? [], filter: ["expires_at": ["$type": "date"]])
            let oauth = expected[.oauthAccounts] ?? MigrationOutcome.Counts()
            results[.oauthAccounts] = try MigrationVerifier.verify(.oauthAccounts, collection: db.collection(oauthName), expected: oauth.converted - (rejectedCounts[.oauthAccounts] ?? 0),
                                                                   written: oauth.written, sample: sampled[.oauthAccounts] ?? [])
            return (results, try db.collection(names.sessions).countDocuments(MongoV2Source.v2SessionFilter))
        } }
        var problems = MigrationKind.allCases.flatMap { results[$0]?.problems ?? [] }
        if leftV2 != sessionSkips {
            problems.append("sessions: \(leftV2) documents are still in v2 form, but \(sessionSkips) were skipped")
        }
        outcome.verification = MigrationOutcome.Verification(passed: problems.isEmpty, sampled: results.values.map(\.sampled).reduce(0, +), problems: problems)
        for (kind, result) in results { outcome.counts[kind]?.inTarget = result.inTarget }
        outcome.timed("verify", since: verifying)
        outcome.retries = retries
        let keys = names.keys
        try await MigrationFinisher.finish(&outcome, request: request, pool: pool, startedAt: started) { db in try db.collection(keys).drop() }
        return outcome
    }

    /// Replaces the validators `provision --layout lucia-v2` created with the v3 ones (collMod, moderate),
    /// so that v3 documents pass; any other validator is left for `provision` to report.
    static func replaceV2Validators(_ db: MongoDatabase, names: AuthCollectionNames, format: SessionTokenFormat) throws {
        for info in try db.listCollections() {
            guard let name = info["name"]?.stringValue, let schema = info.value(atPath: "options.validator.$jsonSchema")?.documentValue else { continue }
            let role: CollectionRole? = name == names.users ? .users : name == names.sessions ? .sessions : nil
            guard let role, schema == AuthSchemas.validator(for: role, layout: .luciaV2, format: format) else { continue }
            try db.collMod(name, options: AuthSchemas.collectionOptions(validator: AuthSchemas.validator(for: role, layout: .luciaV3, format: format)))
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
