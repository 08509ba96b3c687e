import DoctorCore
import Foundation
import Redaction

/// Turns a catalog entry and the lines it matched into a `Finding` for one platform.
struct FindingBuilder: Sendable {
    /// Values known for the whole startup (paths, port, versions, caller's defaults).
    let base: Placeholders
    /// Shown in evidence before line numbers (`mongod.log:12: …`).
    let source: String

    /// Evidence lines are cut to about this many characters.
    static let evidenceLimit = 300
    /// At most this many lines are quoted per finding.
    static let evidenceLines = 3

    /// The finding for `entry`, with `values` laid over the startup's values.
    func finding(
        _ entry: DiagnosticEntry, events: [MongodLogEvent], values: [String: String] = [:]
    ) -> Finding {
        let placeholders = base.adding(values)
        let fixes = (entry.fixes[base.platform] ?? []).compactMap { template -> Fix? in
            let commands = template.commands.compactMap(placeholders.fillCommand)
            // A fix that would chown/chmod a directory that is not mongod's own is never offered.
            guard !commands.contains(where: SafeFix.touchesSharedDirectory) else { return nil }
            return Fix(id: template.id, summary: placeholders.fill(template.summary), commands: commands)
        }
        return Finding(
            id: entry.id, severity: entry.severity, title: placeholders.fill(entry.title),
            detail: placeholders.fill(entry.explanation),
            evidence: events.prefix(Self.evidenceLines).map(evidence), fixes: fixes)
    }

    /// `source:line: text`, the text cut to about 300 characters, embedded secrets masked.
    func evidence(_ event: MongodLogEvent) -> String {
        "\(source):\(event.lineNumber): \(Self.shorten(EmbeddedSecrets.redact(event.line)))"
    }

    /// `text` cut to `evidenceLimit` characters, ending in `…` when cut.
    static func shorten(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > evidenceLimit else { return trimmed }
        return String(trimmed.prefix(evidenceLimit - 1)) + "…"
    }

    /// The text a finding quotes for an unknown line: message, then the error when there is one.
    static func quote(_ event: MongodLogEvent) -> String {
        var text = event.message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let error = event.error?.text, !error.isEmpty, !text.contains(error) {
            text += text.isEmpty ? error : " (\(error))"
        }
        return shorten(EmbeddedSecrets.redact(text))
    }
}
