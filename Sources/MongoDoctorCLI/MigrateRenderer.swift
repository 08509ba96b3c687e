import AuthStore
import DoctorCore
import Foundation
import Migration
import MongoBridge
import Provisioning

/// Renders a `MigrationOutcome`: a summary for people, or `{"schemaVersion":1,"migrate":{…}}` (README).
/// Samples are already redacted (no hash, no session id); skips name sessions by fingerprint.
enum MigrateRenderer {
    static func render(_ outcome: MigrationOutcome, json: Bool) -> String {
        json ? value(outcome).serialized + "\n" : text(outcome)
    }

    static func value(_ o: MigrationOutcome) -> JSONValue {
        let head: [(String, JSONValue)] = [
            ("migration", .string(o.migration)), ("source", .string(o.source)), ("sourceLayout", .string(o.sourceLayout)),
            ("database", .string(o.database)), ("sessionFormat", .string(o.sessionFormat.rawValue)), ("sessionIdsHashed", .bool(o.sessionIDsHashed)),
            ("dryRun", .bool(o.dryRun)),
        ]
        let countsValue: JSONValue = .object(MigrationKind.allCases.map { ($0.key, counts(o, $0)) })
        let conversions: JSONValue = .object(o.conversions.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int($0.value)) })
        let byReason: [(String, JSONValue)] = SkipReason.allCases.compactMap { r in o.skipCounts[r].map { (r.rawValue, JSONValue.int($0)) } }
        let skips: [JSONValue] = o.skips.map(skip)
        let samples: [(String, JSONValue)] = MigrationKind.allCases.compactMap { kind in o.samples[kind].map { (kind.key, json($0)) } }
        let data: [(String, JSONValue)] = [
            ("counts", countsValue), ("sourceKeys", .int(o.sourceKeys)), ("conversions", conversions),
            ("expiredLeftOut", .int(o.expiredLeftOut)), ("skipped", .int(o.skippedTotal)),
            ("skippedByReason", .object(byReason)), ("skips", .array(skips)), ("samples", .object(samples)),
        ]
        let tail: [(String, JSONValue)] = [
            ("verification", verification(o.verification)), ("provision", provision(o.provision)),
            ("keysDropped", o.keysDropped.map { JSONValue.bool($0) } ?? .null), ("keysNote", .string(o.keysNote)),
            ("exitStatus", .int(Int(o.exitStatus))), ("elapsedMs", .int(o.elapsedMs)),
            ("phaseMs", .object(o.phaseMs.map { ($0.phase, JSONValue.int($0.ms)) })),
            ("retries", .array(o.retries.map { r in
                .object([("stage", .string(r.stage.description)), ("attempts", .int(r.attempts)), ("cause", .string(r.cause))])
            })),
        ]
        return .object([("schemaVersion", .int(1)), ("migrate", .object(head + data + tail))])
    }

    static func counts(_ o: MigrationOutcome, _ kind: MigrationKind) -> JSONValue {
        let c = o.counts[kind] ?? MigrationOutcome.Counts()
        let inTarget: JSONValue = c.inTarget.map { .int($0) } ?? .null
        return .object([("source", .int(c.source)), ("converted", .int(c.converted)), ("written", .int(c.written)), ("inTarget", inTarget)])
    }

    static func skip(_ s: MigrationSkip) -> JSONValue {
        .object([("source", .string(s.source)), ("row", .string(s.row)), ("reason", .string(s.reason.rawValue)), ("detail", .string(s.detail))])
    }

    static func verification(_ v: MigrationOutcome.Verification?) -> JSONValue {
        guard let v else { return .null }
        return .object([("passed", .bool(v.passed)), ("sampled", .int(v.sampled)), ("problems", .array(v.problems.map { .string($0) }))])
    }

    static func provision(_ p: ProvisionOutcome?) -> JSONValue {
        guard let p else { return .null }
        return .array(p.steps.map { step in
            .object([("id", .string(step.id)), ("status", .string(step.status.rawValue)), ("detail", .string(step.detail)), ("finding", .string(step.finding?.rawValue))])
        })
    }

    static func text(_ o: MigrationOutcome) -> String {
        var lines = ["migrate \(o.migration): \(o.source) [\(o.sourceLayout)] → \(o.database), session format \(o.sessionFormat)"
                     + (o.sessionIDsHashed ? " (ids hashed)" : "") + (o.dryRun ? " (dry run: nothing written)" : "")]
        for kind in MigrationKind.allCases {
            let c = o.counts[kind] ?? MigrationOutcome.Counts()
            var line = "  \(kind.key): \(c.source) in the source, \(c.converted) converted"
            if !o.dryRun { line += ", \(c.written) written" + (c.inTarget.map { ", \($0) in the target" } ?? "") }
            lines.append(line)
        }
        if o.sourceKeys > 0 { lines.append("  keys: \(o.sourceKeys) in the source") }
        if o.expiredLeftOut > 0 { lines.append("  expired sessions left out: \(o.expiredLeftOut) (--keep-expired copies them)") }
        if !o.conversions.isEmpty {
            lines.append("  conversions: " + o.conversions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if o.skippedTotal > 0 {
            lines.append("  skipped: \(o.skippedTotal) (" + SkipReason.allCases.compactMap { r in o.skipCounts[r].map { "\(r.rawValue) \($0)" } }.joined(separator: ", ") + ")")
            for skip in o.skips { lines.append("    \(skip.source) \(skip.row): \(skip.reason.rawValue): \(skip.detail)") }
            if o.skips.count < o.skippedTotal { lines.append("    … \(o.skippedTotal - o.skips.count) more (the first \(o.skips.count) are listed)") }
        }
        for kind in MigrationKind.allCases {
            if let sample = o.samples[kind] { lines.append("  sample \(kind.key): \(json(sample).serialized)") }
        }
        if let v = o.verification {
            lines.append(v.passed ? "  verified: counts match, \(v.sampled) sampled documents equal their source rows"
                                  : "  VERIFICATION FAILED: " + v.problems.joined(separator: "; "))
        }
        if let p = o.provision {
            let problems = p.steps.filter(\.isProblem)
            lines.append("  provision: \(p.steps.filter { $0.status == .applied }.count) applied, \(p.steps.filter { $0.status == .unchanged }.count) unchanged"
                         + (problems.isEmpty ? "" : "; " + problems.map { "\($0.id) \($0.status.rawValue): \($0.detail)" }.joined(separator: "; ")))
        }
        if let note = o.keysNote { lines.append("  keys: \(note)") }
        if !o.retries.isEmpty {
            lines.append("  retried after transient errors: " + o.retries.prefix(5).map { "\($0.stage) (\($0.attempts) attempts; first error: \($0.cause))" }.joined(separator: "; ")
                         + (o.retries.count > 5 ? "; … \(o.retries.count - 5) more" : ""))
        }
        switch o.exitStatus {
        case 0: lines.append(o.dryRun ? "Dry run: nothing was written." : "Migrated and verified in \(o.elapsedMs) ms; recorded in the ledger.")
        case MigrationExitStatus.verificationFailed: lines.append("The verification failed: do not switch the application over yet.")
        default: lines.append(o.dryRun ? "Dry run: \(o.skippedTotal) rows would be skipped; nothing was written." : "Migrated with problems: see the skipped rows and steps above.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A BSON value as JSON for samples: numbers and strings as they are, dates as `{"$date": ISO-8601}`,
    /// binary as `{"$binary": base64}`.
    static func json(_ document: BSONDocument) -> JSONValue { .object(document.elements.map { ($0.key, json($0.value)) }) }

    static func json(_ value: BSONValue) -> JSONValue {
        switch value {
        case .string(let s): .string(s)
        case .int32(let v): .int(Int(v))
        case .int64(let v): .int(Int(v))
        case .double(let v): v.isFinite ? .double(v) : .string("\(v)")
        case .bool(let b): .bool(b)
        case .null: .null
        case .date(let d): .object([("$date", .string(ISO8601DateFormatter().string(from: d.date)))])
        case .binary(let b): .object([("$binary", .string(Data(b.bytes).base64EncodedString()))])
        case .document(let d): json(d)
        case .array(let a): .array(a.map(json))
        case .objectId(let oid): .object([("$oid", .string(oid.description))])
        default: .string("<\(MigrationConverter.typeName(value))>")
        }
    }
}
