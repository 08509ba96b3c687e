public import DoctorCore

/// Diagnoses the last startup of a mongod log with the catalog.
///
/// ```swift
/// let catalog = try DiagnosticCatalog.load(directories: CatalogLocator().directories())
/// let analysis = try MongodLogAnalyzer(catalog: catalog, platform: nil).analyze(text, source: "mongod.log")
/// ```
public struct MongodLogAnalyzer: Sendable {
    /// The catalog matched against the log.
    public let catalog: DiagnosticCatalog
    /// The platform whose fixes to give; `nil` infers it from the log, else the current one.
    public let platform: Platform?
    /// Placeholder values to use when the log does not say (`user`, `serviceUser`, `config`).
    public let defaults: [String: String]

    /// Ids of generic terminating lines; `log.unrecognized` quotes the line that caused them.
    private static let genericFatalIDs: Set = [23091, 23092, 28595]

    /// Creates an analyzer. `platform: nil` infers the platform from the log (Windows paths or
    /// build info), falling back to the platform this binary runs on.
    public init(catalog: DiagnosticCatalog, platform: Platform?, defaults: [String: String] = [:]) {
        self.catalog = catalog
        self.platform = platform
        self.defaults = defaults
    }

    /// Analyses `text` (a pasted log, read whole); `source` names it in evidence and errors (a path, `stdin`).
    ///
    /// Throws `MongodDiagnosisError.notAMongodLog` when no line is a mongod log or stderr line.
    public func analyze(_ text: String, source: String) throws -> MongodLogAnalysis {
        let log = MongodLogParser().parse(text)
        let scope = LogReadScope(bytesRead: Int64(text.utf8.count), startedAtOffset: 0, truncated: false)
        return try analyze(log, startupCount: log.startupCount, scope: scope, source: source)
    }

    /// Analyses the last startup of `log`: catalog causes, startup warnings, the exit code and the verdict.
    func analyze(
        _ log: ParsedMongodLog, startupCount: Int, scope: LogReadScope, source: String
    ) throws -> MongodLogAnalysis {
        guard !log.events.isEmpty else { throw MongodDiagnosisError.notAMongodLog(source: source) }
        let facts = StartupFacts(log: log)
        let chosen = platform ?? facts.platform ?? .current
        let events = log.lastStartup
        let exit = Self.exitCode(in: events)
        let builder = FindingBuilder(
            base: Placeholders(platform: chosen, values: defaults).adding(facts.values), source: scope.evidenceSource(source))
        let matcher = CatalogMatcher(
            catalog: catalog, matcher: RuleMatcher(platform: chosen, exitCode: exit?.code), exitEvent: exit?.event)
        let hits = matcher.hits(in: events)
        var findings = hits.map { builder.finding($0.entry, events: $0.events, values: $0.values) }
        let matchedLines = Set(hits.flatMap { $0.events.map(\.lineNumber) })
        findings += startupWarnings(in: events, skipping: matchedLines, builder: builder)
        let verdict = StartupOutcome.of(events, exitCode: exit.map { ($0.code, $0.event) })
        findings += verdictFindings(verdict, events: events, known: findings, builder: builder)
        let exitCode = exit?.code ?? hits.first { $0.entry.severity == .error && $0.entry.exitCode != nil }?.entry.exitCode
        findings = findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
        if let exitCode {
            findings.append(exitCodeFinding(exitCode, exit: exit, hits: hits, builder: builder))
        }
        if scope.truncated {
            findings.append(builder.finding(
                BuiltInEntries.entry(BuiltInEntries.tailOnlyID, in: catalog), events: [],
                values: ["scanLimit": ByteCount.text(scope.scanLimit), "startedAtOffset": String(scope.startedAtOffset)]))
        }
        return MongodLogAnalysis(
            findings: findings, exitCode: exitCode, startupCount: startupCount, linesRead: log.linesRead,
            linesIgnored: log.linesIgnored, serverVersion: facts.values["serverVersion"], platform: chosen,
            outcome: verdict.outcome, scope: scope)
    }

    /// `log.unrecognized` when no catalog error explains a failed startup (an error) or an error
    /// line of a running one (a warning); `log.outcome-unknown` when the log does not show how it ended.
    private func verdictFindings(
        _ verdict: (outcome: StartupOutcome, cause: MongodLogEvent?), events: ArraySlice<MongodLogEvent>,
        known: [Finding], builder: FindingBuilder
    ) -> [Finding] {
        if verdict.outcome == .notShown {
            let entry = BuiltInEntries.entry(BuiltInEntries.outcomeUnknownID, in: catalog)
            return [builder.finding(entry, events: events.last.map { [$0] } ?? [])]
        }
        guard !known.contains(where: { $0.severity == .error }) else { return [] }
        let failed = verdict.outcome == .failed
        guard let cause = failed ? verdict.cause : Self.unexplainedFailure(in: events) else { return [] }
        let entry = BuiltInEntries.entry(BuiltInEntries.unrecognizedID, in: catalog)
        var finding = builder.finding(entry, events: [cause], values: ["message": FindingBuilder.quote(cause)])
        if failed { finding.severity = .error }
        return [finding]
    }

    /// The exit code a line states (fork parent, systemd, `attr.exitCode`), else the one the last
    /// terminating line implies.
    static func exitCode(in events: ArraySlice<MongodLogEvent>) -> (code: Int, event: MongodLogEvent, stated: Bool)? {
        if let event = events.last(where: { $0.statedExitCode != nil }), let code = event.statedExitCode {
            return (code, event, true)
        }
        for event in events.reversed() {
            if let code = MongodExitCodes.implied(by: event) { return (code, event, false) }
        }
        return nil
    }

    /// The first error line that is not a generic terminator, else the first error line.
    static func unexplainedFailure(in events: ArraySlice<MongodLogEvent>) -> MongodLogEvent? {
        let failures = events.filter { $0.severity >= .error && $0.statedExitCode == nil }
        return failures.first { !genericFatalIDs.contains($0.id ?? 0) } ?? failures.first
    }

    private func startupWarnings(
        in events: ArraySlice<MongodLogEvent>, skipping matched: Set<Int>, builder: FindingBuilder
    ) -> [Finding] {
        var seen: Set<String> = []
        let entry = BuiltInEntries.entry(BuiltInEntries.startupWarningID, in: catalog)
        return events.compactMap { event in
            guard event.isStartupWarning, event.severity >= .warning, !matched.contains(event.lineNumber),
                seen.insert(event.id.map(String.init) ?? event.message).inserted
            else { return nil }
            return builder.finding(entry, events: [event], values: ["message": FindingBuilder.quote(event)])
        }
    }

    private func exitCodeFinding(
        _ code: Int, exit: (code: Int, event: MongodLogEvent, stated: Bool)?, hits: [EntryHit], builder: FindingBuilder
    ) -> Finding {
        let meaning = MongodExitCodes.meaning(of: code)
        var values = ["exitCode": String(code), "exitName": meaning?.name ?? "unknown", "exitMeaning": meaning?.summary ?? "not a known mongod exit code"]
        var evidence: [MongodLogEvent] = []
        if let exit {
            evidence = [exit.event]
            let what = exit.event.id.map { "log id \($0)" } ?? "line \(exit.event.lineNumber)"
            values["exitSource"] = exit.stated ? "line \(exit.event.lineNumber), which states it" : "\(what), which mongod follows with this exit code"
            values["exitVerb"] = "mongod exited with code"
        } else {
            // No line shows the exit: the code is what mongod uses for the error found, not an observation.
            values["exitSource"] = "the catalog: it is the code mongod uses for the error found"
            values["exitVerb"] = "for this error mongod exits with code"
            evidence = hits.first?.events.prefix(1).map { $0 } ?? []
        }
        return builder.finding(BuiltInEntries.entry(BuiltInEntries.exitCodeID, in: catalog), events: evidence, values: values)
    }
}
