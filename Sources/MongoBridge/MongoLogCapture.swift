import Foundation
public import Redaction

/// One message libmongoc logged.
public struct MongoLogEntry: Sendable, Equatable {
    /// libmongoc's log levels (`mongoc_log_level_t`).
    public enum Level: Int, Sendable, Comparable {
        case error = 0, critical, warning, message, info, debug, trace
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Severity.
    public var level: Level
    /// libmongoc's log domain ("mongoc", "uri", "stream", …).
    public var domain: String
    /// The raw message. It may quote a password: match on it, show ``message(scrubbing:)``.
    package var rawMessage: String

    /// The message with every secret `scrubber` knows removed.
    public func message(scrubbing scrubber: TextScrubber) -> String {
        scrubber.scrub(rawMessage)
    }
}

/// Keeps the most recent libmongoc log messages in memory instead of printing them.
///
/// libmongoc reports several problems only as log warnings (an unknown URI option, a missing
/// `/` before `?`), so checks read them from here. Nothing is ever printed raw.
public final class MongoLogCapture: @unchecked Sendable {
    /// The process-wide capture that the libmongoc log handler writes to.
    public static let shared = MongoLogCapture(capacity: 500)

    private let lock = NSLock()  // guards `entries`; the handler may run on any libmongoc thread
    private var entries: [MongoLogEntry] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func record(_ entry: MongoLogEntry) {
        guard entry.level <= .info else { return }  // debug/trace are noise for a doctor
        lock.lock()
        defer { lock.unlock() }
        entries.append(entry)
        if entries.count > capacity {
            let excess = entries.count - capacity
            entries.removeFirst(excess)
            dropped += excess
        }
    }

    /// A marker for "now"; pass it to `entries(since:)` to read only what was logged afterwards.
    public func mark() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return totalRecorded
    }

    private var totalRecorded: Int { entries.count + dropped }
    private var dropped = 0

    /// Entries logged after `mark` was taken (best effort when the buffer wrapped).
    public func entries(since mark: Int) -> [MongoLogEntry] {
        lock.lock()
        defer { lock.unlock() }
        let start = max(0, mark - dropped)
        return start < entries.count ? Array(entries[start...]) : []
    }
}
