import Foundation
@testable import MongoDoctorCLI
import Setup
import Testing

/// The wait spinner, with its writes captured instead of going to standard error.
@Suite struct SpinnerTests {
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()  // guards `writes`
        private var stored: [String] = []
        var writes: [String] { lock.withLock { stored } }
        func append(_ text: String) { lock.withLock { stored.append(text) } }
    }

    static let erase = "\r\u{1B}[K"

    /// (progress shown in order, what is written).
    static let cases: [([SetupProgress], [String])] = [
        ([.step("mongod.wait"), .waited], []),  // nothing drawn, nothing to erase
        ([.waiting(elapsed: .seconds(1), limit: .seconds(30))],
         ["\r⠙ waiting for mongod to answer (1 s of 30 s)"]),
        ([.waiting(elapsed: .seconds(1), limit: .seconds(30)), .waiting(elapsed: .milliseconds(2500), limit: .seconds(30)), .waited, .waited],
         ["\r⠙ waiting for mongod to answer (1 s of 30 s)", "\r⠹ waiting for mongod to answer (2 s of 30 s)", erase]),
        ([.waiting(elapsed: .zero, limit: .seconds(5)), .step("provision")],
         ["\r⠙ waiting for mongod to answer (0 s of 5 s)", erase]),
    ]

    @Test("frames advance, the line is erased once when the wait ends", arguments: cases)
    func drawing(progress: [SetupProgress], expected: [String]) {
        let captured = Captured()
        let spinner = Spinner(enabled: true) { captured.append($0) }
        progress.forEach(spinner.show)
        #expect(captured.writes == expected)
    }

    @Test func offATerminalNothingIsWritten() {
        let captured = Captured()
        let spinner = Spinner(enabled: false) { captured.append($0) }
        [SetupProgress.waiting(elapsed: .seconds(1), limit: .seconds(9)), .waited].forEach(spinner.show)
        #expect(captured.writes.isEmpty)
    }

    @Test func theFramesWrapAround() {
        let captured = Captured()
        let spinner = Spinner(enabled: true) { captured.append($0) }
        for second in 0..<(Spinner.frames.count + 1) { spinner.show(.waiting(elapsed: .seconds(second), limit: .seconds(60))) }
        #expect(captured.writes.map { String($0.dropFirst().prefix(1)) } == Array(Spinner.frames.dropFirst() + Spinner.frames.prefix(2)))
    }
}
