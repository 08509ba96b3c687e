import BlockingWork
import ConnectionString
public import DoctorCore
import MongoBridge

/// `uri`: lints the connection string to MongoDB's specification (no network), then asks libmongoc
/// 1.23 — the driver the later stages connect with — for a second opinion (`uri.driver-rejects`, a
/// warning). Publishes a `DriverURIOpinion` and a `ConnectionTarget` for the later stages, whose URI
/// is the equivalent form libmongoc accepts when the given one is refused.
public struct URICheck: DoctorCheck {
    public let id: CheckID = .uri
    public let title = "Connection string"

    let raw: String

    /// Creates the check for the connection string `raw` (as the user gave it).
    public init(uri raw: String) { self.raw = raw }

    public func run(in context: CheckContext) async throws -> CheckOutcome {
        let lint = URILinter.lint(raw)
        var findings = lint.issues.map(Self.finding(for:))
        let cleaned = lint.cleanedInput
        let scrubber = URIRedaction.scrubber(for: [raw, cleaned])
        let given = await BlockingExecutor.dedicatedThread { DriverURIOpinion.ask(raw, scrubber: scrubber) }
        context.publish(DriverURIOpinion(given, scrubber: scrubber))
        guard let parsed = lint.connectionString else {
            return CheckOutcome(detail: findings.first?.title ?? "the connection string is not valid", findings: findings)
        }
        // libmongoc's opinion on what the spec accepted; the later stages run on an equivalent form
        // it accepts when there is one.
        var stageURI = cleaned
        let verdict = cleaned == raw ? given : await BlockingExecutor.dedicatedThread { DriverURIOpinion.ask(cleaned, scrubber: scrubber) }
        if !verdict.accepted {
            var accepted: EquivalentForm?
            if let form = EquivalentForm.of(cleaned) {
                let formVerdict = await BlockingExecutor.dedicatedThread { DriverURIOpinion.ask(form.uri, scrubber: scrubber) }
                if formVerdict.accepted { accepted = form }
            }
            if let finding = DriverURIOpinion.finding(for: verdict, equivalent: accepted, scrubber: scrubber) { findings.append(finding) }
            if let accepted { stageURI = accepted.uri }
        }
        let target = ConnectionTarget(uri: stageURI, parsed: parsed)
        context.publish(target)
        context.publish(lint)
        let hosts = parsed.hosts.map(\.description).joined(separator: ", ")
        let summary = "\(parsed.scheme.rawValue) → \(hosts)" + (target.usesTLS ? " (TLS)" : "")
        // The later stages can still run on a usable URI even when the raw text had errors
        // (quotes, whitespace): they show what else would go wrong once that is fixed.
        let status: CheckStatus? = findings.contains { $0.severity == .error } ? .warning : nil
        return CheckOutcome(detail: summary, findings: findings, status: status)
    }

    /// The command that prints a password percent-encoded (read from stdin, never echoed).
    public static let encodePasswordCommand = "mongo-doctor uri --encode-password"

    /// A finding for one lint issue; the suggestion becomes the fix. The parser builds messages and
    /// suggestions with the secrets masked, so nothing is scrubbed here.
    static func finding(for issue: URIIssue) -> Finding {
        let position = issue.position.map { ["at character \($0 + 1) of the connection string"] } ?? []
        let fixes: [Fix] = issue.suggestion.map { suggestion -> [Fix] in
            var summary = suggestion.hasPrefix("mongodb") ? "use: \(suggestion)" : suggestion
            guard issue.passwordFix else { return [Fix(id: FixID(rawValue: issue.id + ".rewrite"), summary: summary)] }
            // The suggestion can only show the password masked: say how to get its encoded form.
            summary += ", with ***** replaced by your password percent-encoded: run the command below and type the password"
            return [Fix(id: FixID(rawValue: issue.id + ".rewrite"), summary: summary, commands: [Self.encodePasswordCommand])]
        } ?? []
        return Finding(
            id: FindingID(rawValue: issue.id), severity: issue.severity == .error ? .error : .warning,
            title: issue.message, evidence: position, fixes: fixes,
            values: ["message": issue.message, "suggestion": issue.suggestion].compactMapValues { $0 })
    }
}
