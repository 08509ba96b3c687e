import Foundation
/// The events of a mongod log, split into startups.
public struct ParsedMongodLog: Sendable {
    /// Recognised lines, in input order. Routine JSON lines of earlier startups are left out
    /// unless the parser keeps them (`keepsEarlierStartups`); they still count as read.
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

    /// Whether JSON lines before the last startup are kept as events (`false`: only counted,
    /// except startup and Build Info lines, which keeps long logs fast).
    public var keepsEarlierStartups: Bool

    /// Creates a parser.
    public init(keepsEarlierStartups: Bool = false) {
        self.keepsEarlierStartups = keepsEarlierStartups
    }

    /// Parses `text`.
    public func parse(_ text: String) -> ParsedMongodLog {
        var events: [MongodLogEvent] = []
        var linesIgnored = 0
        var starts: [Int] = []
        var startupHasStarting = false
        let lines = Self.lines(of: text)
        let lastStartLine = keepsEarlierStartups ? 0 : lastStartupLine(lines)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            if line.allSatisfy(\.isWhitespace) { continue }
            if index < lastStartLine && Self.isRoutineJSONLine(line) { continue }
            var parsed = parseLine(line, lineNumber: index + 1)
            if parsed == nil || parsed?.format == .stderr, let (event, used) = joinWrapped(lines, from: index) {
                parsed = event
                index += used - 1
            }
            guard let event = parsed else {
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
        return ParsedMongodLog(
            events: events, linesRead: lines.count, linesIgnored: linesIgnored, startupStarts: starts)
    }

    /// The lines of `text` without line ends (`\n`, `\r\n`); no empty last line after a final newline.
    static func lines(of text: String) -> [Substring] {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Index of the line that begins the last startup (0 when there is none).
    private func lastStartupLine(_ lines: [Substring]) -> Int {
        for index in lines.indices.reversed() where Self.mayMatterEarlier(lines[index]) {
            if parseLine(lines[index], lineNumber: index + 1)?.startupMarker != nil { return index }
        }
        return 0
    }

    /// A JSON line that needs no parsing before the last startup.
    private static func isRoutineJSONLine(_ line: Substring) -> Bool {
        line.containsBytes(#"{"t":"#) && !mayMatterEarlier(line)
    }

    /// Startup markers and Build Info lines (read for the previous server version).
    private static func mayMatterEarlier(_ line: Substring) -> Bool {
        line.containsBytes("4615611") || line.containsBytes("MongoDB starting")
            || line.containsBytes("SERVER RESTARTED") || line.containsBytes("23403")
    }

    /// Parses one line (without its newline), trying each format in turn; when none fits,
    /// strips one wrapper (journal, compose, svlogd, timestamp, test harness) and tries again.
    func parseLine(_ line: Substring, lineNumber: Int) -> MongodLogEvent? {
        let whole = String(line)
        var body = line
        var fallback: MongodLogEvent?
        for _ in 0..<4 {
            if let event = parseBody(body, lineNumber: lineNumber, line: whole) {
                // A loose stderr reading may hide a real log line behind one more prefix.
                guard event.format == .stderr else { return event }
                fallback = fallback ?? event
            }
            guard let rest = LinePrefix.strip(body) else { break }
            body = rest
        }
        return fallback
    }

    /// A JSON line the paste wrapped over several lines (at most 12), joined back; the event
    /// and the number of lines it used.
    private func joinWrapped(_ lines: [Substring], from start: Int) -> (MongodLogEvent, Int)? {
        let first = lines[start]
        guard first.contains("{\"t\":") || first.contains("{\"t\" :"), !first.hasSuffix("}") else { return nil }
        var joinedTight = String(first)
        var joinedSpaced = String(first)
        for end in (start + 1)..<min(lines.count, start + 12) {
            let next = lines[end]
            if next.contains("{\"t\":") { return nil }
            joinedTight += next.drop(while: \.isWhitespace)
            joinedSpaced += " " + next.drop(while: \.isWhitespace)
            for joined in [joinedTight, joinedSpaced] {
                if let event = parseLine(Substring(joined), lineNumber: start + 1), event.format == .json {
                    return (event, end - start + 1)
                }
            }
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
        if let event = legacy.parse(body, lineNumber: lineNumber, line: line) { return event }
        if Self.mayBeFragment(body), let event = json.parseFragment(body, lineNumber: lineNumber, line: line) {
            return event
        }
        return stderr.parse(body, lineNumber: lineNumber, line: line)
    }

    /// A piece of a JSON log line: quoted keys a mongod line has.
    private static func mayBeFragment(_ body: Substring) -> Bool {
        body.containsBytes(#""msg":"#) || body.containsBytes(#""attr":"#) || body.containsBytes(#"","attr""#)
            || body.containsBytes(#""error":"#) || body.containsBytes(#""ctx":"#)
    }
}

extension Substring {
    /// Whether the UTF-8 bytes of `needle` occur in this text; a plain byte search, much
    /// cheaper than a Unicode-aware search on long logs.
    func containsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            let lastStart = bytes.count - pattern.count
            while index <= lastStart {
                if bytes[index] == first && pattern.indices.allSatisfy({ bytes[index + $0] == pattern[$0] }) {
                    return true
                }
                index += 1
            }
            return false
        }
        return found ?? contains(String(describing: needle))
    }
}
