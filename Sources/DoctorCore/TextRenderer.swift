/// Renders a report as a `flutter doctor`-style checklist: a mark per check, the one-line
/// cause, the fix under it; details and timings only with `verbose`.
public struct TextRenderer: Sendable {
    /// Whether to use ANSI colour (only on a TTY, never with `NO_COLOR`).
    public var color: Bool
    /// Whether to show details, evidence and per-check timings.
    public var verbose: Bool

    /// Creates a renderer.
    public init(color: Bool = false, verbose: Bool = false) {
        self.color = color
        self.verbose = verbose
    }

    /// The report as text, ending with a newline.
    public func render(_ report: Report) -> String {
        var lines: [String] = []
        if let target = report.target {
            let source = report.targetSource.map { " (from \($0))" } ?? ""
            lines.append("mongo-doctor \(report.toolVersion): target \(Self.escaped(target))\(source)")
        } else {
            lines.append("mongo-doctor \(report.toolVersion)")
        }
        lines.append("")
        for check in report.checks {
            lines.append(contentsOf: render(check))
        }
        if verbose, !report.checks.isEmpty { lines.append(waterfall(report)) }
        lines.append("")
        lines.append(summary(report))
        if let first = report.findings.first(where: { $0.severity == .error }) {
            lines.append("  More on the first error: mongo-doctor explain \(first.id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ check: CheckResult) -> [String] {
        let timing = verbose ? " (\(check.elapsedMs) ms)" : ""
        var lines = ["\(mark(check.status)) \(check.title)\(timing): \(Self.escaped(check.detail))"]
        for finding in check.findings where finding.severity != .info || verbose {
            lines.append("    \(findingMark(finding.severity)) \(Self.escaped(finding.title)) [\(finding.id)]")
            if verbose, !finding.detail.isEmpty { lines.append("      \(Self.escaped(finding.detail))") }
            if verbose { lines.append(contentsOf: finding.evidence.map { "      evidence: \(Self.escaped($0))" }) }
            for fix in finding.fixes {
                let state = fix.applied ? "fixed" : (fix.isAutomatic ? "fix (automatic with --fix)" : "fix")
                lines.append("      \(paint(state, .cyan)): \(Self.escaped(fix.summary))")
                lines.append(contentsOf: fix.commands.map { "        $ \(Self.escaped($0))" })
            }
        }
        return lines
    }

    /// `text` on one line: line breaks, tabs and other control characters shown as escapes
    /// (`\n`, `\r`, `\t`, `\u{1B}`), so that a connection string pasted with a newline (a
    /// Kubernetes secret made with `echo`) shows where the newline is instead of breaking the line.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private func waterfall(_ report: Report) -> String {
        let stages = report.checks.filter { $0.status != .skipped }.map { "\($0.id) \($0.elapsedMs)ms" }
        return "    timings: " + stages.joined(separator: " → ") + " (total \(report.elapsedMs)ms)"
    }

    private func summary(_ report: Report) -> String {
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        if errors == 0, warnings == 0 { return paint("• No issues found!", .green) }
        let text = "! Doctor found \(errors) error\(errors == 1 ? "" : "s") and \(warnings) warning\(warnings == 1 ? "" : "s")."
        return paint(text, errors > 0 ? .red : .yellow)
    }

    private func mark(_ status: CheckStatus) -> String {
        switch status {
        case .passed: paint("[✓]", .green)
        case .warning: paint("[!]", .yellow)
        case .failed: paint("[✗]", .red)
        case .skipped: paint("[-]", .dim)
        case .crashed: paint("[☠]", .magenta)
        }
    }

    private func findingMark(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("✗", .red)
        case .warning: paint("!", .yellow)
        case .info: "•"
        }
    }

    private enum Tint: String {
        case green = "32", yellow = "33", red = "31", magenta = "35", cyan = "36", dim = "2"
    }

    private func paint(_ text: String, _ tint: Tint) -> String {
        color ? "\u{1B}[\(tint.rawValue)m\(text)\u{1B}[0m" : text
    }
}
