import AuthStore
public import Foundation
public import MongoBridge
import DoctorCore

/// `provision` against MongoDB: read the state, plan, apply the planned steps in order (each
/// applied step recorded in the ledger), then read again and check every applied step now holds.
/// A dry run stops after planning and writes nothing.
public enum MongoProvisioner {
    /// Runs `request` on a client of `pool`.
    ///
    /// - Throws: `MongoError` (or `ProvisionError`) when the state cannot be read: no step was applied then.
    public static func run(_ request: ProvisionRequest, pool: ClientPool, now: @escaping @Sendable () -> Date = { Date() }) async throws -> ProvisionOutcome {
        try await pool.withClient { client in try run(request, client: client, now: now) }
    }

    /// The blocking body (on a pool thread).
    static func run(_ request: ProvisionRequest, client: MongoClient, now: @escaping @Sendable () -> Date) throws -> ProvisionOutcome {
        let reader = MongoStateReader(client: client, request: request)
        let format = try reader.sessionFormat()
        // Applying, a missing unique username index is built without a scan of every user first: a
        // refusal for duplicate keys is when the usernames are listed (below). A dry run scans to plan.
        let planned = ProvisionPlanner.plan(try reader.read(scanWithoutIndex: request.dryRun), request, format: format)
        func outcome(_ steps: [ProvisionStep]) -> ProvisionOutcome {
            ProvisionOutcome(database: request.database, layout: request.layout.rawValue, sessionFormat: format, dryRun: request.dryRun,
                             steps: steps.map { var s = $0; s.action = nil; return s })
        }
        if request.dryRun { return outcome(planned) }
        let applier = MongoStepApplier(client: client, request: request) { step in
            ledgerEntry(step, request: request, format: format, at: now())
        }
        var steps = planned.map(applier.apply)
        try listCaseDuplicates(in: &steps, planned: planned, reader: reader, request: request)
        guard steps.contains(where: { $0.status == .applied }) else { return outcome(steps) }
        // Re-check: every applied step must plan as unchanged now.
        let recheck = ProvisionPlanner.plan(try reader.read(), request, format: format)
        for index in steps.indices where steps[index].status == .applied {
            if let again = recheck.first(where: { $0.id == steps[index].id }), again.status != .unchanged {
                steps[index].status = .failed
                steps[index].finding = .authStoreStepFailed
                steps[index].detail += "; the re-check finds: \(again.detail)"
            }
        }
        return outcome(steps)
    }

    /// Replaces a unique index step the server refused for duplicate keys (planned, then `blocked` by
    /// the applier) with the step the planner gives once the usernames that differ only in case are
    /// known: the same status and finding, with the groups in its detail and items. Usernames equal only
    /// under the collation's wider rules (beyond ASCII case) leave the applier's step as it is.
    static func listCaseDuplicates(in steps: inout [ProvisionStep], planned: [ProvisionStep], reader: MongoStateReader, request: ProvisionRequest) throws {
        for spec in AuthSchemas.indexes(for: request.layout) where spec.unique {
            guard let index = steps.firstIndex(where: { $0.id == spec.stepID }), steps[index].status == .blocked,
                  planned[index].status == .planned else { continue }
            var state = ProvisionState()
            state.duplicateUsernames = try reader.duplicateUsernames()
            if !state.duplicateUsernames.isEmpty { steps[index] = ProvisionPlanner.indexStep(spec, state, request) }
        }
    }

    /// The ledger document of an applied step: tool version, time, step id, session format (never a secret).
    static func ledgerEntry(_ step: ProvisionStep, request: ProvisionRequest, format: SessionTokenFormat, at date: Date) -> BSONDocument {
        [
            "step": .string(step.id), "toolVersion": .string(request.toolVersion), ProvisionLedger.appliedAtKey: .date(BSONDate(date)),
            ProvisionLedger.sessionFormatKey: .string(format.rawValue), "layout": .string(request.layout.rawValue), "detail": .string(step.detail),
        ]
    }

    /// The database `provision` works on: `--db`, else the URI's path, else `auth`.
    public static func databaseName(flag: String?, uriDatabase: String?) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let uriDatabase, !uriDatabase.isEmpty { return uriDatabase }
        return "auth"
    }
}
