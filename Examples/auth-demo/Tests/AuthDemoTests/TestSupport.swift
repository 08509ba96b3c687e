import Foundation
import Logging
import Synchronization

/// The environment the tests read: `MONGODB_TEST_URI` (from `scripts/test`) and `CI`.
enum TestEnvironment {
    static var mongoURI: String? { ProcessInfo.processInfo.environment["MONGODB_TEST_URI"].flatMap { $0.isEmpty ? nil : $0 } }
    /// Under `CI=true` a missing test server fails the MongoDB cases instead of skipping them.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// Whether the MongoDB cases run (they fail inside when the server is missing under CI).
    static var runsMongo: Bool { mongoURI != nil || isCI }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let now: Mutex<Date>
    init(_ start: Date = Date()) { now = Mutex(start) }
    func read() -> Date { now.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { now.withLock { $0 += seconds } }
}

/// The lines a `CapturingLogHandler` kept.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// A log handler that keeps every line (level, message and metadata) in memory.
struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.append("\(event.level) \(event.message) \(merged)")
    }
}

/// A temporary directory removed by `remove()`.
struct TemporaryDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "auth-demo-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
