/// Turns lines read forward into the events of the last startup, keeping only what the analysis
/// needs (bounded by `EventRetention`): each line's bytes are decoded with U+FFFD for invalid
/// UTF-8, never dropped; routine JSON lines are counted without being parsed.
struct StartupCollector {
    private let parser = MongodLogParser()
    private let filter: RoutineLineFilter
    private let limits: LogReadLimits
    /// Lines seen (blank ones included); also the number of the last line.
    private(set) var linesRead = 0
    /// Non-blank lines that were not mongod log, stderr or journal lines.
    private(set) var linesIgnored = 0
    /// Startup markers that began a startup.
    private(set) var startups = 0
    /// The stream offset of the last startup's first line (0 before any).
    private(set) var startupOffset: Int64 = 0
    private var startupHasStarting = false
    private var retention: EventRetention
    private var runningSeen = false
    private var previousVersion: MongodLogEvent?
    private var versionInStartup: MongodLogEvent?

    /// Creates a collector; `previousVersion` is a Build Info line found before the stream's start.
    init(catalog: DiagnosticCatalog, limits: LogReadLimits, previousVersion: MongodLogEvent? = nil) {
        self.filter = RoutineLineFilter(catalog: catalog)
        self.limits = limits
        self.retention = EventRetention(limits: limits)
        self.previousVersion = previousVersion
    }

    /// Reads one line (without its newline) that begins at stream offset `offset`.
    mutating func consume(_ bytes: ArraySlice<UInt8>, offset: Int64) {
        linesRead += 1
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) { return }
        if filter.isRoutine(bytes, runningSeen: runningSeen) { return }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) { return }
        guard let event = parser.parseLine(Substring(text), lineNumber: linesRead) else {
            linesIgnored += 1
            return
        }
        // `SERVER RESTARTED` is followed by `MongoDB starting` in the same startup.
        switch event.startupMarker {
        case .restarted?:
            beginStartup(at: offset)
            startupHasStarting = false
        case .starting?:
            if !(startups > 0 && !startupHasStarting) { beginStartup(at: offset) }
            startupHasStarting = true
        case nil:
            break
        }
        if StartupFacts.version(of: event) != nil { versionInStartup = event }
        if StartupOutcome.showsRunning(event) {
            if runningSeen && !matters(event) { return }
            runningSeen = true
            retention.add(event)
            return
        }
        if matters(event) { retention.add(event) }
    }

    /// The events: the Build Info line of an earlier startup (when known), then the last startup's.
    var log: ParsedMongodLog {
        let events = retention.events
        let earlier = previousVersion.map { [$0] } ?? []
        return ParsedMongodLog(
            events: earlier + events, linesRead: linesRead, linesIgnored: linesIgnored,
            startupStarts: startups > 0 || !earlier.isEmpty ? [earlier.count] : [])
    }

    private mutating func beginStartup(at offset: Int64) {
        startups += 1
        startupOffset = offset
        if let versionInStartup { previousVersion = versionInStartup }
        versionInStartup = nil
        retention = EventRetention(limits: limits)
        runningSeen = false
    }

    /// Lines the matcher, the facts, the exit code or the verdict may use.
    private func matters(_ event: MongodLogEvent) -> Bool {
        event.format != .json || event.severity >= .warning || event.startupMarker != nil
            || event.statedExitCode != nil || event.id.map(filter.keptIDs.contains) == true
    }
}
