/// Renders a report as exactly one JSON object (schema version 1, keys in documented order).
public struct JSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as one line of JSON.
    public func render(_ report: Report) -> String {
        value(for: report).serialized
    }

    /// The report as a JSON value.
    public func value(for report: Report) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("schemaVersion", .int(Report.schemaVersion)),
            ("tool", .object([("name", .string(report.toolName)), ("version", .string(report.toolVersion))])),
            ("target", .string(report.target)),
            ("targetSource", .string(report.targetSource)),
            ("verdict", .string(report.verdict.rawValue)),
            ("elapsedMs", .int(report.elapsedMs)),
            ("checks", .array(report.checks.map(checkValue))),
            ("findings", .array(report.findings.map(findingValue))),
        ]
        pairs.append(contentsOf: report.sections.map { ($0.key, $0.value) })
        return .object(pairs)
    }

    private func checkValue(_ check: CheckResult) -> JSONValue {
        .object([
            ("id", .string(check.id.rawValue)),
            ("title", .string(check.title)),
            ("status", .string(check.status.rawValue)),
            ("elapsedMs", .int(check.elapsedMs)),
            ("detail", .string(check.detail)),
        ])
    }

    private func findingValue(_ finding: Finding) -> JSONValue {
        .object([
            ("id", .string(finding.id.rawValue)),
            ("severity", .string(finding.severity.rawValue)),
            ("check", .string(finding.check.rawValue)),
            ("title", .string(finding.title)),
            ("detail", .string(finding.detail)),
            ("evidence", .array(finding.evidence.map { .string($0) })),
            ("fixes", .array(finding.fixes.map(fixValue))),
        ])
    }

    private func fixValue(_ fix: Fix) -> JSONValue {
        .object([
            ("id", .string(fix.id.rawValue)),
            ("summary", .string(fix.summary)),
            ("commands", .array(fix.commands.map { .string($0) })),
            ("automatic", .bool(fix.isAutomatic)),
            ("applied", .bool(fix.applied)),
        ])
    }
}
