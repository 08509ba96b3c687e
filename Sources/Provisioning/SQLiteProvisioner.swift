public import AuthStore
public import AuthStoreSQLite
import Foundation
import DoctorCore

/// `provision --sqlite PATH`: the embedded store's file, tables and indexes, created by
/// `SQLiteAuthBackend` itself (its DDL, not a copy), planned from a read-only look at the file first.
public enum SQLiteProvisioner {
    /// Plans and (unless `dryRun`) applies; the format is `format`, else the one the file's ledger
    /// recorded, else what its sessions show, else `split`. Applied steps go to the ledger
    /// (`auth_provision`: step, time, `toolVersion`, session format).
    ///
    /// - Throws: `AuthStoreError` when the file cannot be read (not a database, corrupt).
    public static func run(path: String, format asked: SessionTokenFormat?, dryRun: Bool, toolVersion: String = "unknown") async throws -> ProvisionOutcome {
        let before = try await SQLiteAuthBackend.inspect(path: path)
        let format = asked
            ?? before?.recordedSessionFormat
            ?? before.flatMap { SessionTokenFormat.detect(hasSecretHashColumn: $0.hasSecretHash, sampleSessionIDs: $0.sampleSessionIDs) }
            ?? .defaultForNewDatabases
        let planned = plan(before, path: path, format: format)
        func outcome(_ steps: [ProvisionStep]) -> ProvisionOutcome {
            ProvisionOutcome(database: path, layout: "sqlite", sessionFormat: format, dryRun: dryRun, steps: steps.map { var s = $0; s.action = nil; return s })
        }
        guard !dryRun, planned.contains(where: { $0.status == .planned }) else { return outcome(planned) }
        var failure: String?
        do {
            let backend = try await SQLiteAuthBackend.open(path: path)
            defer { backend.close() }
            do {
                try await backend.prepare(for: format)
            } catch {
                failure = "\(error)"
            }
            let applied = plan(try await SQLiteAuthBackend.inspect(path: path), path: path, format: format)
            let done = planned.filter { step in step.status == .planned && applied.first { $0.id == step.id }?.status == .unchanged }
            try await backend.recordProvision(steps: done.map(\.id), format: format, toolVersion: toolVersion)
        } catch {
            failure = failure ?? "\(error)"
        }
        let after = try await SQLiteAuthBackend.inspect(path: path)
        let recheck = plan(after, path: path, format: format)
        return outcome(planned.map { step in
            guard step.status == .planned else { return step }
            var done = step
            if recheck.first(where: { $0.id == step.id })?.status == .unchanged {
                done.status = .applied
            } else {
                done.status = .failed
                done.finding = .authStoreStepFailed
                done.detail += ": not done" + (failure.map { " (\($0))" } ?? "")
            }
            return done
        })
    }

    /// The steps for a file described by `report` (`nil`: no file yet).
    public static func plan(_ report: SQLiteSchemaReport?, path: String, format: SessionTokenFormat) -> [ProvisionStep] {
        let r = report ?? SQLiteSchemaReport()
        let action = ProvisionAction.sqliteEnsure(path: path)
        func step(_ id: String, _ done: Bool, _ todo: String, _ have: String) -> ProvisionStep {
            done ? ProvisionStep(id: id, status: .unchanged, detail: have) : ProvisionStep(id: id, status: .planned, detail: todo, action: action)
        }
        var steps = [
            step("sqlite.file", report != nil, "create \(path)", "\(path) exists"),
            step("sqlite.table.user", r.hasUserTable, "create table user (Lucia v3, username, hashed_password)", "table user exists"),
            step("sqlite.table.session", r.hasSessionTable, "create table session (Lucia v3: id, expires_at seconds, user_id)", "table session exists"),
        ]
        if !r.duplicateUsernames.isEmpty, !r.hasUsernameIndex {
            let groups = r.duplicateUsernames.map { $0.joined(separator: " = ") }.joined(separator: "; ")
            steps.append(ProvisionStep(id: "sqlite.index.username-nocase", status: .blocked,
                                       detail: "usernames differing only in case block the unique NOCASE index: \(groups)",
                                       finding: .authStoreDuplicateUsernames, items: r.duplicateUsernames.flatMap { $0 }))
        } else {
            steps.append(step("sqlite.index.username-nocase", r.hasUsernameIndex, "create the unique index on username COLLATE NOCASE", "the unique NOCASE index on username exists"))
        }
        steps.append(step("sqlite.index.session-user_id", r.hasUserIDIndex, "create the index on session(user_id)", "the index on session(user_id) exists"))
        if format.storesSecretHash {
            steps.append(step("sqlite.column.secret_hash", r.hasSecretHash, "add session.secret_hash BLOB (the split format)", "session.secret_hash exists"))
        }
        return steps
    }
}
