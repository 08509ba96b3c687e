import DoctorCore

/// `config.parse`: reads and parses the mongod configuration file, checks its options
/// against the known ones, and publishes the effective `LocalSettings` as a fact.
struct ConfigParseCheck: BlockingCheck {
    let id: CheckID = .configParse
    let title = "mongod configuration file"
    let state: LocalState

    func evaluate(in context: CheckContext) throws -> CheckOutcome {
        let settings = state.settings(in: context)
        context.publish(settings)
        guard let path = settings.configPath else {
            let searched = settings.configSearched.joined(separator: ", ")
            return CheckOutcome(detail: "no configuration file (looked at \(searched)); mongod runs with defaults")
        }
        switch settings.configState {
        case .absent, .parsed:
            var findings = unknownOptions(settings.config, file: path.value)
            if let bad = invalidPort(settings.config, file: path.value) { findings.append(bad) }
            let detail = "\(path.value): \(settings.config.entries.count) options"
                + (findings.isEmpty ? "" : ", \(findings.count) unknown")
            if settings.platform != .windows, let account = state.serviceAccount(settings),
                !state.probes.files.canAccess(path.value, .read, as: account)
            {
                let who = FileDescription.describe(user: account)
                findings.append(unreadable(path, reason: "not readable by the service user \(who)", settings))
            }
            return CheckOutcome(detail: detail, findings: findings)
        case .unreadable(let reason):
            return CheckOutcome(detail: "\(path.value) cannot be read", findings: [unreadable(path, reason: reason, settings)])
        case .invalid(let problem):
            return CheckOutcome(detail: "\(path.value) is not valid YAML", findings: [invalid(path.value, problem)])
        }
    }

    /// `config.invalid-value`: a `net.port` that is not a port number (mongod refuses to start).
    private func invalidPort(_ config: MongodConfig, file: String) -> Finding? {
        guard let raw = config.string("net.port") else { return nil }
        if let port = Int(raw.trimmingSpaces), (1...65535).contains(port) { return nil }
        return Finding(
            id: .configInvalidValue, severity: .error,
            title: "net.port in \(file) is not a port number from 1 to 65535: \(raw)",
            detail: "mongod stops with a BadValue error while reading its options (exit code 2); mongo-doctor checks the default 27017 meanwhile.",
            evidence: [config.origin("net.port", file: file)],
            fixes: [Fix(id: .configFixPort, summary: "Set net.port to a number from 1 to 65535 (27017 is the default)")],
            values: ["config": file, "value": raw])
    }

    private func unreadable(_ path: Setting<String>, reason: String, _ settings: LocalSettings) -> Finding {
        let commands = state.commands(settings)
        let severity = SeverityPolicy.severity(.error, for: path.provenance, serverAnswers: nil) ?? .warning
        return Finding(
            id: .configUnreadable, severity: severity, title: "The configuration file cannot be read: \(reason)",
            detail: "mongod exits at once when it cannot read the file given with --config.",
            evidence: [fileEvidence(path.value), "config: \(path.described)"],
            fixes: [Fix(
                id: .configFixPermissions,
                summary: "Check the path, and make the file readable by the service user \(settings.serviceUser.value)",
                commands: commands.groupReadable(path.value))],
            values: CatalogValues.known([
                "config": path.value, "reason": reason, "serviceUser": settings.serviceUser.value,
                "serviceGroup": commands.serviceGroup,
            ]))
    }

    private func invalid(_ path: String, _ problem: YAMLProblem) -> Finding {
        let hint = problem.hints.first.map { ": \($0)" } ?? ""
        return Finding(
            id: .configInvalidYaml, severity: .error,
            title: "\(path) is not valid YAML at line \(problem.line), column \(problem.column)\(hint)",
            detail: "mongod stops with 'Error parsing YAML config file' (exit code 2). Parser: \(problem.problem).",
            evidence: ["\(path):\(problem.line):\(problem.column): \(problem.problem)"]
                + problem.snippet.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + problem.hints,
            fixes: [Fix(
                id: .configFixYaml,
                summary: "Edit line \(problem.line): indent with spaces only, put a space after each ':', "
                    + "and write Windows paths in single quotes")],
            values: [
                "config": path, "line": String(problem.line), "column": String(problem.column),
                "detail": "\(problem.problem) at line \(problem.line), column \(problem.column)\(hint)",
            ])
    }

    private func unknownOptions(_ config: MongodConfig, file: String) -> [Finding] {
        config.entries.filter { !ConfigOptions.isKnown($0) }.map { entry in
            let suggestion = ConfigOptions.suggestion(for: entry.key)
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return Finding(
                id: .configUnknownOption, severity: .error,
                title: "Unknown option \(entry.key) at line \(entry.line)\(hint)",
                detail: "mongod refuses to start with 'Unrecognized option: \(entry.key)'. Option names are case-sensitive.",
                evidence: ["\(file):\(entry.line):\(entry.column): \(entry.key)"],
                fixes: [Fix(
                    id: .configRenameOption,
                    summary: suggestion.map { "Rename \(entry.key) to \($0)" } ?? "Remove \(entry.key) or check the spelling")],
                values: CatalogValues.known(["option": entry.key, "didYouMean": hint.isEmpty ? nil : hint]))
        }
    }

    private func fileEvidence(_ path: String) -> String {
        guard let status = state.probes.files.status(ofPath: path) else { return "\(path): does not exist" }
        return FileDescription.describe(path, status, users: state.probes.users)
    }
}
