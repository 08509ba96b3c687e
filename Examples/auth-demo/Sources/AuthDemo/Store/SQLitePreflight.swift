public import AuthStore
import AuthStoreSQLite
import DoctorCore
import LocalMongod
import Provisioning

/// The start-up check of a SQLite store: the schema report `provision --sqlite` plans from, read
/// without writing (so an unprovisioned file is never half-created by opening it).
public enum SQLitePreflight {
    /// What the check found, and the token format the store is then opened with.
    public struct Result: Sendable {
        /// Serve or refuse.
        public var readiness: StoreReadiness
        /// The format: the one asked for, else the one provision's ledger recorded, else what the file
        /// shows (`split` with `secret_hash`; a file without it is `lucia-v3`, as `mongo-doctor users` reads it).
        public var format: SessionTokenFormat
    }

    /**
     Checks the file at `path`.

     - Throws: `AuthStoreError` when the file cannot be read (not a database, corrupt).
     */
    public static func check(path: String, format asked: SessionTokenFormat?) async throws(AuthStoreError) -> Result {
        let report = try await SQLiteAuthBackend.inspect(path: path)
        let detected = report.flatMap { SessionTokenFormat.detect(hasSecretHashColumn: $0.hasSecretHash, sampleSessionIDs: $0.sampleSessionIDs) }
        let format = asked ?? report?.recordedSessionFormat ?? detected ?? (report?.hasSessionTable == true ? .luciaV3 : .defaultForNewDatabases)
        let pending = SQLiteProvisioner.plan(report, path: path, format: format).filter { $0.status != .unchanged }
        guard !pending.isEmpty else { return Result(readiness: .ready(notes: []), format: format) }
        var command = ["mongo-doctor", "provision", "--sqlite", path]
        if asked != nil { command += ["--session-format", format.rawValue] }
        let problems = report == nil
            ? ["no SQLite store at \(path)"]
            : pending.map { "\(path) is not provisioned: \($0.id): \($0.detail)" }
        return Result(readiness: .refused(problems: problems, fix: ShellQuoting.render(command, for: .current)), format: format)
    }
}
