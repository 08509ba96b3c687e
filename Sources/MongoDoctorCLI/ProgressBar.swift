import Foundation
import Migration

/// A one-line progress bar on standard error (rows done, rate, ETA), only when standard error is a
/// terminal; redrawn at most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A bar when standard error is a terminal, else `nil`.
    static func onTerminal() -> ProgressBar? { isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil }

    /// The handler the migration calls after each batch.
    var handler: MigrationProgressHandler { { [self] progress in self.draw(progress) } }

    func draw(_ progress: MigrationProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.done >= progress.total else { return }
        lastDraw = now
        let fraction = progress.total > 0 ? min(1, Double(progress.done) / Double(progress.total)) : 1
        let width = 30, filled = Int(fraction * Double(width))
        let elapsed = max(0.001, now.timeIntervalSince(started))
        let rate = Double(progress.done) / elapsed
        let eta = rate > 0 ? Double(max(0, progress.total - progress.done)) / rate : 0
        let line = "[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(progress.done)/\(progress.total) rows (\(progress.kind)), \(Int(rate))/s, ETA \(Int(eta.rounded())) s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Clears the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
