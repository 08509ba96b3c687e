import AuthStore
public import Foundation
public import MongoBridge

/// The ledger record of a migration, in `provision`'s ledger collection (`ProvisionLedger`), with the
/// session format under the same key, so AuthStore and `provision` read the migrated format from it.
public enum MigrationLedger {
    /// The record's `step`: `migrate.sqlite` or `migrate.lucia-v2-to-v3`.
    public static func step(_ migration: String) -> String { "migrate." + migration }

    /// The record: source, counts, skips by reason, times, tool version, format, verification (no secret).
    public static func record(_ outcome: MigrationOutcome, startedAt: Date, endedAt: Date, toolVersion: String) -> BSONDocument {
        var counts = BSONDocument()
        for kind in MigrationKind.allCases {
            let c = outcome.counts[kind] ?? MigrationOutcome.Counts()
            counts[kind.key] = .document(["source": .int64(Int64(c.source)), "migrated": .int64(Int64(c.written)), "inTarget": c.inTarget.map { .int64(Int64($0)) } ?? .null])
        }
        var skipped = BSONDocument()
        for reason in SkipReason.allCases { if let n = outcome.skipCounts[reason] { skipped[reason.rawValue] = .int64(Int64(n)) } }
        return [
            "step": .string(step(outcome.migration)), "toolVersion": .string(toolVersion),
            ProvisionLedger.appliedAtKey: .date(BSONDate(endedAt)), "startedAt": .date(BSONDate(startedAt)),
            ProvisionLedger.sessionFormatKey: .string(outcome.sessionFormat.rawValue), "layout": "lucia-v3",
            "source": .string(outcome.source), "sourceLayout": .string(outcome.sourceLayout),
            "sessionIdsHashed": .bool(outcome.sessionIDsHashed), "counts": .document(counts), "skipped": .document(skipped),
            "expiredLeftOut": .int64(Int64(outcome.expiredLeftOut)),
            "verified": .bool(outcome.verification?.passed ?? false), "keysDropped": .bool(outcome.keysDropped ?? false),
            "detail": .string("\(outcome.counts[.users]?.written ?? 0) users, \(outcome.counts[.sessions]?.written ?? 0) sessions, \(outcome.counts[.oauthAccounts]?.written ?? 0) OAuth accounts; \(outcome.skippedTotal) rows skipped"),
        ]
    }
}
