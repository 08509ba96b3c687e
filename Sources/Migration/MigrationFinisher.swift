import AuthStore
import AuthStoreMongo
import Foundation
import MongoBridge
import Provisioning
import DoctorCore

/// The end of every migration that wrote: `provision`'s v3 validators and indexes (with the migrated
/// session format), the unique index of `oauth_accounts`, and the ledger record.
enum MigrationFinisher {
    /// The unique index on `{provider_id: 1, provider_user_id: 1}` (Lucia v3's `oauth_account` primary key).
    static let oauthIndex: BSONDocument = [
        "key": ["provider_id": 1, "provider_user_id": 1], "name": "provider_id_1_provider_user_id_1", "unique": true,
    ]

    /// Refuses to mix formats: a ledger that recorded another session format while sessions are stored.
    static func checkRecordedFormat(_ request: MigrationRequest, format: SessionTokenFormat, pool: ClientPool) async throws {
        let names = request.names, database = request.database
        let clash: SessionTokenFormat? = try await pool.withClient { client in
            let db = client.database(database)
            guard let recorded = try MongoAuthBackend.recordedSessionFormat(in: db, usersCollection: names.users), recorded != format else { return nil }
            let v3 = try db.collection(names.sessions).findOne(["expires_at": ["$exists": true]], projection: ["_id": 1])
            return v3 == nil ? nil : recorded
        }
        if let clash {
            throw MigrationError("\(database) was recorded with session format \(clash) and holds sessions; migrating \(format) sessions into it would mix formats (use --session-format \(clash))")
        }
    }

    /// Provisions, indexes `oauth_accounts`, writes the ledger record; fills `outcome`.
    static func finish(_ outcome: inout MigrationOutcome, request: MigrationRequest, pool: ClientPool, startedAt: Date, dropKeys: (@Sendable (MongoDatabase) throws -> Void)? = nil) async throws {
        let provisionRequest = ProvisionRequest(database: request.database, layout: .luciaV3, names: request.names,
                                                sessionFormat: outcome.sessionFormat, toolVersion: request.toolVersion)
        let retry = request.retry
        func attempt<T: Sendable>(_ stage: String, _ body: (Int) async throws -> T) async throws -> T {
            let result = try await retry.run(MigrationStage(stage), body)
            outcome.note(result.retry)
            return result.value
        }
        let provisioning = Date()
        var provision = try await attempt("provisioning the validators and indexes") { _ in try await MongoProvisioner.run(provisionRequest, pool: pool) }
        let oauthName = request.oauthAccounts, database = request.database
        if (outcome.counts[.oauthAccounts]?.written ?? 0) > 0 {
            let step: ProvisionStep
            do {
                let existed = try await attempt("indexing \(oauthName)") { _ in
                    try await pool.withClient { client -> Bool in
                        let collection = client.database(database).collection(oauthName)
                        if try collection.listIndexes().contains(where: { $0["key"]?.documentValue?.keys == ["provider_id", "provider_user_id"] && $0["unique"]?.boolValue == true }) { return true }
                        _ = try collection.createIndexes([oauthIndex])
                        return false
                    }
                }
                step = ProvisionStep(id: "index.oauth_accounts.provider-unique", status: existed ? .unchanged : .applied,
                                     detail: "\(oauthName) has {provider_id: 1, provider_user_id: 1} unique")
            } catch {
                step = ProvisionStep(id: "index.oauth_accounts.provider-unique", status: .failed,
                                     detail: "{provider_id: 1, provider_user_id: 1} unique on \(oauthName): refused (\((error as? MigrationStopped)?.cause ?? "\(error)"))", finding: .authStoreStepFailed)
            }
            provision.steps.append(step)
        }
        outcome.provision = provision
        outcome.timed("provision", since: provisioning)
        if request.dropKeys {
            if outcome.verification?.passed != true {
                outcome.keysDropped = false
                outcome.keysNote = "\(request.names.keys) kept: the verification did not pass"
            } else if outcome.skippedTotal > 0 {
                outcome.keysDropped = false
                outcome.keysNote = "\(request.names.keys) kept: \(outcome.skippedTotal) rows were skipped, and their keys may be all that is left of them"
            } else if let dropKeys {
                try await attempt("dropping \(request.names.keys)") { _ in try await pool.withClient { client in try dropKeys(client.database(database)) } }
                outcome.keysDropped = true
                outcome.keysNote = "\(request.names.keys) dropped after the verification passed"
            }
        }
        let recording = Date()
        // The record's `_id` is made here, once: a retry whose insert finds it there (the reply to an earlier
        // attempt was lost) knows that attempt landed, and the ledger holds the record once.
        var record = MigrationLedger.record(outcome, startedAt: startedAt, endedAt: Date(), toolVersion: request.toolVersion)
        record["_id"] = .objectId(ObjectId())
        let ledger = request.names.ledger, entry = record
        try await attempt("recording the ledger") { attempt in
            try await pool.withClient { client in
                do { _ = try client.database(database).collection(ledger).insertOne(entry) } catch let error as MongoError where attempt > 1 && error.code == 11000 {}
            }
        }
        outcome.timed("ledger", since: recording)
        outcome.elapsedMs = Int(Date().timeIntervalSince(startedAt) * 1000)
    }
}
