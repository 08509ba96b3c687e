public import AuthStore
public import MongoBridge
public import Provisioning
import DoctorCore
public import Foundation

/// The result of one migration: counts per kind, what was converted and skipped (and why), a redacted
/// sample per kind, the verification, the provision steps that followed, and the exit status.
public struct MigrationOutcome: Sendable {
    /// Counts of one kind.
    public struct Counts: Sendable, Equatable {
        /// Rows the source holds.
        public var source = 0
        /// Documents the conversion produced (skipped and expired rows not included).
        public var converted = 0
        /// Documents the server confirmed written (0 in a dry run).
        public var written = 0
        /// Documents in the target collection after the run (`nil` in a dry run).
        public var inTarget: Int?

        /// Zero counts.
        public init() {}
    }

    /// The verification at the end.
    public struct Verification: Sendable, Equatable {
        /// Whether every count matched and every sampled document equals its conversion.
        public var passed: Bool
        /// How many documents were compared field by field.
        public var sampled: Int
        /// What did not match (never a secret: field names and fingerprints only).
        public var problems: [String]

        /// Creates a verification.
        public init(passed: Bool, sampled: Int, problems: [String]) {
            self.passed = passed
            self.sampled = sampled
            self.problems = problems
        }
    }

    /// `sqlite` or `lucia-v2-to-v3`.
    public var migration: String
    /// The source: the file, or `database.users/sessions/keys`.
    public var source: String
    /// The source's layout (`lucia-v2`, `lucia-v3`) and its tables or collections.
    public var sourceLayout: String
    /// The target database.
    public var database: String
    /// The session format of the result.
    public var sessionFormat: SessionTokenFormat
    /// Whether session ids were replaced by their SHA-256.
    public var sessionIDsHashed: Bool
    /// Whether only a dry run was made.
    public var dryRun: Bool
    /// Counts per kind.
    public var counts: [MigrationKind: Counts] = [:]
    /// The source's keys (Lucia v2), counted.
    public var sourceKeys = 0
    /// Conversions by kind (`password-from-key`: 12, `expiry-from-milliseconds`: 40, …).
    public var conversions: [String: Int] = [:]
    /// Expired sessions left out (not skips).
    public var expiredLeftOut = 0
    /// The skipped rows (at most `skipListLimit` listed; `skipCounts` counts them all).
    public var skips: [MigrationSkip] = []
    /// Skipped rows by reason.
    public var skipCounts: [SkipReason: Int] = [:]
    /// One document per kind as it is (or would be) written, with secrets redacted.
    public var samples: [MigrationKind: BSONDocument] = [:]
    /// The verification (`nil` in a dry run).
    public var verification: Verification?
    /// The `provision` steps run after the data (`nil` in a dry run).
    public var provision: ProvisionOutcome?
    /// `--drop-keys`: `true` dropped, `false` not dropped (see `keysNote`), `nil` not asked.
    public var keysDropped: Bool?
    /// Why the keys were not dropped, or what a dry run would do.
    public var keysNote: String?
    /// The stages that succeeded only after transient errors (retried; see `MigrationRetryPolicy`).
    public var retries: [MigrationRetry] = []
    /// Milliseconds the run took.
    public var elapsedMs = 0
    /// Milliseconds per phase, in order: `copy` (read, convert, write), `verify`, `provision` (validators
    /// and indexes, built after the data), `ledger`.
    public var phaseMs: [(phase: String, ms: Int)] = []

    /// Records how long `phase` took since `start`.
    public mutating func timed(_ phase: String, since start: Date) {
        phaseMs.append((phase, Int(Date().timeIntervalSince(start) * 1000)))
    }

    /// How many skipped rows are listed one by one.
    public static let skipListLimit = 1000

    /// Creates an outcome.
    public init(migration: String, source: String, sourceLayout: String, database: String, sessionFormat: SessionTokenFormat,
                sessionIDsHashed: Bool, dryRun: Bool) {
        self.migration = migration
        self.source = source
        self.sourceLayout = sourceLayout
        self.database = database
        self.sessionFormat = sessionFormat
        self.sessionIDsHashed = sessionIDsHashed
        self.dryRun = dryRun
        for kind in MigrationKind.allCases { counts[kind] = Counts() }
    }

    /// Every skipped row, listed or not.
    public var skippedTotal: Int { skipCounts.values.reduce(0, +) }

    /// Records a skip (listing it while under the limit).
    public mutating func record(_ skip: MigrationSkip) {
        skipCounts[skip.reason, default: 0] += 1
        if skips.count < Self.skipListLimit { skips.append(skip) }
    }

    /// Records skips counted elsewhere (`count` of which `listed` are known one by one).
    public mutating func record(_ listed: [MigrationSkip], count: Int, reason: SkipReason) {
        for skip in listed where skips.count < Self.skipListLimit { skips.append(skip) }
        if count > 0 { skipCounts[reason, default: 0] += count }
    }

    /// Records a retry, when there was one.
    public mutating func note(_ retry: MigrationRetry?) {
        if let retry { retries.append(retry) }
    }

    /// Adds to the counts of `kind`.
    public mutating func add(_ kind: MigrationKind, source: Int = 0, converted: Int = 0, written: Int = 0) {
        counts[kind, default: Counts()].source += source
        counts[kind, default: Counts()].converted += converted
        counts[kind, default: Counts()].written += written
    }

    /// 0 migrated and verified with nothing skipped; 1 rows skipped (or a provision step in conflict,
    /// blocked or failed, or `--drop-keys` refused); 3 the verification failed. (2, no run, is an error.)
    public var exitStatus: Int32 {
        if let verification, !verification.passed { return MigrationExitStatus.verificationFailed }
        if skippedTotal > 0 || provision?.exitStatus ?? 0 != 0 || keysDropped == false { return ExitStatus.findings }
        return ExitStatus.clean
    }
}

/// The exit statuses of `migrate` beyond mongo-doctor's 0, 1 and 2 (README, exit codes).
public enum MigrationExitStatus {
    /// The data was written but the verification found a difference: do not switch over.
    public static let verificationFailed: Int32 = 3
}
