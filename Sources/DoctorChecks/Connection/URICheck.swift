import BlockingWork
import ConnectionString
public import DoctorCore
import MongoBridge

/// `uri`: lints the connection string to MongoDB's specification (no network), then asks libmongoc
/// 1.23 — the driver that will actually connect — for a second opinion (`uri.driver-rejects`).
/// Publishes a `ConnectionTarget` for the later stages.
public struct URICheck: DoctorCheck {
    public let id: CheckID = .uri
    public let title = "Connection string"

    let raw: String

    /// Creates the check for the connection string `raw` (as the user gave it).
    public init(uri raw: String) { self.raw = raw }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        let lint = URILinter.lint(raw)
        var findings = lint.issues.map(Self.finding(for:))
        guard let parsed = lint.connectionString else {
            return CheckOutcome(detail: findings.first?.title ?? "the connection string is not valid", findings: findings)
        }
        let cleaned = lint.cleanedInput
        if let opinion = await BlockingExecutor.dedicatedThread({ DriverURIOpinion.check(cleaned, scrubber: URIRedaction.scrubber(for: [cleaned])) }) {
            findings.append(opinion)
        }
        let target = ConnectionTarget(uri: lint.cleanedInput, parsed: parsed)
        context.publish(target)
        context.publish(lint)
        let hosts = parsed.hosts.map(\.description).joined(separator: ", ")
        let summary = "\(parsed.scheme.rawValue) → \(hosts)" + (target.usesTLS ? " (TLS)" : "")
        // The later stages can still run on a usable URI even when the raw text had errors
        // (quotes, whitespace): they show what else would go wrong once that is fixed.
        let status: CheckStatus? = findings.contains { $0.severity == .error } ? .warning : nil
        return CheckOutcome(detail: summary, findings: findings, status: status)
    }

    /// A finding for one lint issue; the suggestion becomes the fix. The parser builds messages and
    /// suggestions with the secrets masked, so nothing is scrubbed here.
    static func finding(for issue: URIIssue) -> Finding {
        let position = issue.position.map { ["at character \($0 + 1) of the connection string"] } ?? []
        let fixes: [Fix] = issue.suggestion.map { suggestion -> [Fix] in
            let summary = suggestion.hasPrefix("mongodb") ? "use: \(suggestion)" : suggestion
            return [Fix(id: FixID(rawValue: issue.id + ".rewrite"), summary: summary)]
        } ?? []
        return Finding(
            id: FindingID(rawValue: issue.id), severity: issue.severity == .error ? .error : .warning,
            title: issue.message, evidence: position, fixes: fixes)
    }
}
