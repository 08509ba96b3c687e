import Foundation
import Setup

/// A one-line progress spinner on standard error while setup waits for mongod; drawn only on a
/// terminal (never in a pipe or a log), erased when the wait is over.
final class Spinner: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()  // guards `frame` and `drawn`
    private var frame = 0
    private var drawn = false
    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: SetupProgress) {
        guard enabled else { return }
        lock.withLock {
            switch progress {
            case .waiting(let elapsed, let limit):
                frame = (frame + 1) % Self.frames.count
                let text = "\r\(Self.frames[frame]) waiting for mongod to answer (\(elapsed.components.seconds) s of \(limit.components.seconds) s)"
                FileHandle.standardError.write(Data(text.utf8))
                drawn = true
            case .waited, .step:
                if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                drawn = false
            }
        }
    }
}
