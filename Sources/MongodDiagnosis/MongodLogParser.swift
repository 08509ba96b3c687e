/// The events of a mongod log, split into startups.
public struct ParsedMongodLog: Sendable {
    /// Every recognised line, in input order.
    public var events: [MongodLogEvent]
    /// Lines in the input (blank ones included).
    public var linesRead: Int
    /// Non-blank lines that were not recognised as log, stderr or journal lines.
    public var linesIgnored: Int
    /// Index into `events` where each startup begins (empty when the log has no startup marker).
    public var startupStarts: [Int]

    /// The number of startups; a fragment with events but no startup marker counts as one.
    public var startupCount: Int { startupStarts.isEmpty ? (events.isEmpty ? 0 : 1) : startupStarts.count }

    /// The events of the last startup (the whole log when it has no startup marker).
    public var lastStartup: ArraySlice<MongodLogEvent> {
        events[(startupStarts.last ?? 0)...]
    }

    /// The events before the last startup.
    public var earlierStartups: ArraySlice<MongodLogEvent> {
        events[..<(startupStarts.last ?? 0)]
    }
}

/// Turns mongod log text into events: JSON (4.4+), legacy text, journal-prefixed lines, and
/// mongod's stderr (YAML/option errors, the `--fork` parent). Never fails on odd input:
/// unrecognised lines are counted in `linesIgnored`.
public struct MongodLogParser: Sendable {
    private let json = JSONLogLineParser()
    private let legacy = LegacyLogLineParser()
    private let stderr = StderrLineParser()

    /// Creates a parser.
    public init() {}

    /// Parses `text`.
    public func parse(_ text: String) -> ParsedMongodLog {
        var events: [MongodLogEvent] = []
        var linesRead = 0
        var linesIgnored = 0
        var starts: [Int] = []
        var startupHasStarting = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            linesRead += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let event = parseLine(line, lineNumber: linesRead) else {
                linesIgnored += 1
                continue
            }
            // `SERVER RESTARTED` is followed by `MongoDB starting` in the same startup.
            switch event.startupMarker {
            case .restarted?:
                starts.append(events.count)
                startupHasStarting = false
            case .starting?:
                let followsRestart = !starts.isEmpty && !startupHasStarting
                if !followsRestart { starts.append(events.count) }
                startupHasStarting = true
            case nil:
                break
            }
            events.append(event)
        }
        if text.hasSuffix("\n") { linesRead -= 1 }
        return ParsedMongodLog(
            events: events, linesRead: linesRead, linesIgnored: linesIgnored, startupStarts: starts)
    }

    /// Parses one line (without its newline), trying each format in turn.
    func parseLine(_ line: Substring, lineNumber: Int) -> MongodLogEvent? {
        let whole = String(line)
        if let event = parseBody(line, lineNumber: lineNumber, line: whole) { return event }
        if let body = JournalPrefix.strip(line), let event = parseBody(body, lineNumber: lineNumber, line: whole) {
            return event
        }
        return nil
    }

    private func parseBody(_ body: Substring, lineNumber: Int, line: String) -> MongodLogEvent? {
        // A JSON line may sit behind any prefix (journal, `docker compose` service names).
        if let brace = body.range(of: #"{"t":"#),
            let event = json.parse(body[brace.lowerBound...], lineNumber: lineNumber, line: line)
        {
            return event
        }
        if body.first == "{", let event = json.parse(body, lineNumber: lineNumber, line: line) {
            return event
        }
        return legacy.parse(body, lineNumber: lineNumber, line: line)
            ?? stderr.parse(body, lineNumber: lineNumber, line: line)
    }
}
