import DoctorCore
import DoctorRun
import MongodDiagnosis

/// Renders `explain` answers as text or JSON (keys are API, see the README).
struct ExplainRenderer {
    let catalog: DiagnosticCatalog
    /// The platforms whose fixes to show (all three unless `--platform`).
    let platforms: [Platform]

    /// The entry filled with each platform's defaults.
    private func worded(_ entry: DiagnosticEntry, on platform: Platform) -> Finding {
        catalog.genericFinding(entry.id, platform: platform)
            ?? Finding(id: entry.id, severity: entry.severity, title: entry.title, detail: entry.explanation)
    }

    func text(_ answer: Explainer.Answer) -> String {
        switch answer {
        case .entry(let entry):
            return entryText(entry)
        case .exitStatus(let code, let meaning, let signal, let likely, let nextSteps):
            var lines: [String] = []
            if let signal {
                lines.append("Signal \(signal.number) (SIG\(signal.name), exit status \(code)): \(signal.summary)")
            } else if let meaning {
                lines.append("mongod exit code \(code) (\(meaning.name)): \(meaning.summary)")
            } else {
                lines.append("Exit status \(code) is not one of mongod's own exit codes (src/mongo/util/exit_code.h).")
            }
            if likely.isEmpty {
                lines += ["", "mongo-doctor knows no specific cause for it; its log says why it stopped."]
            } else {
                lines += ["", "Likely causes:"]
                lines += likely.map { "  - \($0.id): \(worded($0, on: platforms[0]).title)" }
                lines.append("  (mongo-doctor explain <id> for any of them)")
            }
            lines += ["", "To tell them apart, run:"]
            lines += nextSteps.map { "  $ \($0)" }
            return lines.joined(separator: "\n") + "\n"
        case .unknown:
            return ""
        }
    }

    private func entryText(_ entry: DiagnosticEntry) -> String {
        let base = worded(entry, on: platforms[0])
        var lines = ["\(entry.id) (\(entry.severity.rawValue)): \(base.title)"]
        if !base.detail.isEmpty { lines += ["", "What it means:", "  " + base.detail] }
        if !entry.detection.isEmpty { lines += ["", "How mongo-doctor detects it:", "  " + entry.detection] }
        for platform in platforms {
            let fixes = worded(entry, on: platform).fixes
            guard !fixes.isEmpty else { continue }
            lines += ["", "Fixes on \(platform.displayName):"]
            for (index, fix) in fixes.enumerated() {
                lines.append("  \(index + 1). \(fix.summary) [\(fix.id)]")
                lines += fix.commands.map { "     $ \($0)" }
            }
        }
        if let exit = entry.exitCode, let meaning = MongodExitCodes.meaning(of: exit) {
            lines += ["", "mongod exits with code \(exit) (\(meaning.name)): \(meaning.summary)."]
        }
        if let manual = entry.manual { lines += ["", "Manual: \(manual)"] }
        return lines.joined(separator: "\n") + "\n"
    }

    func listText() -> String {
        catalog.entries.sorted { $0.id < $1.id }
            .map { "\($0.id)  \($0.severity.rawValue)  \(worded($0, on: platforms[0]).title)" }
            .joined(separator: "\n") + "\n"
    }

    func listJSON() -> JSONValue {
        .object([("schemaVersion", .int(1)), ("kind", .string("list")), ("entries", .array(catalog.entries.sorted { $0.id < $1.id }.map { entry in
            .object([("id", .string(entry.id.rawValue)), ("severity", .string(entry.severity.rawValue)),
                     ("title", .string(worded(entry, on: platforms[0]).title))])
        }))])
    }

    func json(_ answer: Explainer.Answer) -> JSONValue {
        switch answer {
        case .entry(let entry):
            return .object([("schemaVersion", .int(1)), ("kind", .string("finding")), ("entry", entryJSON(entry))])
        case .exitStatus(let code, let meaning, let signal, let likely, let nextSteps):
            return .object([
                ("schemaVersion", .int(1)), ("kind", .string("exitStatus")),
                ("exitStatus", .object([
                    ("code", .int(code)), ("name", .string(meaning?.name)), ("meaning", .string(meaning?.summary)),
                    ("signal", signal.map { .object([("number", .int($0.number)), ("name", .string($0.name)), ("meaning", .string($0.summary))]) } ?? .null),
                ])),
                ("likely", .array(likely.map(entryJSON))), ("nextSteps", .array(nextSteps.map { .string($0) })),
            ])
        case .unknown:
            return .null
        }
    }

    private func entryJSON(_ entry: DiagnosticEntry) -> JSONValue {
        let base = worded(entry, on: platforms[0])
        return .object([
            ("id", .string(entry.id.rawValue)), ("severity", .string(entry.severity.rawValue)), ("title", .string(base.title)),
            ("explanation", .string(base.detail)), ("detection", .string(entry.detection)), ("manual", .string(entry.manual)),
            ("exitCode", entry.exitCode.map { .int($0) } ?? .null),
            ("fixes", .object(platforms.map { platform in
                (platform.rawValue, .array(worded(entry, on: platform).fixes.map { fix in
                    .object([("id", .string(fix.id.rawValue)), ("summary", .string(fix.summary)),
                             ("commands", .array(fix.commands.map { .string($0) }))])
                }))
            })),
        ])
    }
}

extension Platform {
    /// The platform's usual name.
    var displayName: String {
        switch self {
        case .linux: "Linux"
        case .macos: "macOS"
        case .windows: "Windows"
        }
    }
}
