import Foundation
import Setup

/// A one-line progress spinner on standard error while setup waits for mongod; drawn only on a
/// terminal (never in a pipe or a log), erased when the wait is over.
final class Spinner: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()  // guards `frame` and `drawn`
    private var frame = 0
    private var drawn = false
    private let write: @Sendable (String) -> Void
    static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// A spinner drawing with `write` (standard error unless a test injects another), only when `enabled`.
    init(enabled: Bool, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.enabled = enabled
        self.write = write
    }

    /// Draws the next frame for `.waiting`; erases the line (if drawn) when the wait is over or a step starts.
    func show(_ progress: SetupProgress) {
        guard enabled else { return }
        lock.withLock {
            switch progress {
            case .waiting(let elapsed, let limit):
                frame = (frame + 1) % Self.frames.count
                let text = "\r\(Self.frames[frame]) waiting for mongod to answer (\(elapsed.components.seconds) s of \(limit.components.seconds) s)"
                write(text)
                drawn = true
            case .waited, .step:
                if drawn { write("\r\u{1B}[K") }
                drawn = false
            }
        }
    }
}
