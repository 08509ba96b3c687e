import Migration
import MongoBridge
import Testing

/// What a migration does with a call to the server that fails: which errors are retried, how often and
/// how far apart, and the one line it stops with.
@Suite struct MigrationRetryPolicyTests {
    static let dropped = MongoError(domain: MongoError.Domain.stream, code: 4, message: "Failed to read 4 bytes: socket error or timeout (password hunter2)")
    static let refused = MongoError(domain: MongoError.Domain.server, code: 2, message: "Failing command via 'failCommand' failpoint: {_id: \"s3cr3t\"}")
    static let noServer = MongoError(domain: MongoError.Domain.serverSelection, code: 13053, message: "No suitable servers found")
    static let policy = MigrationRetryPolicy(attempts: 3, window: .zero)

    @Test(arguments: [(1, 100), (2, 200), (3, 400), (4, 800), (5, 1000), (9, 1000)])
    func delaysDoubleUpToTheMaximum(_ attempt: Int, _ milliseconds: Int) {
        #expect(MigrationRetryPolicy.standard.delay(after: attempt) == .milliseconds(milliseconds))
    }

    @Test func theStandardWindowIsAHeartbeatAndATimeout() {
        #expect(MigrationRetryPolicy.standard.window == MigrationRetryPolicy.window(heartbeat: .seconds(10), selection: .seconds(3)))
        #expect(MigrationRetryPolicy.standard.attempts == 5)
    }

    /// A clock that only moves when slept on (or told to): the tests never wait, and never depend on how
    /// busy the machine is.
    final class StepClock: Clock, @unchecked Sendable {
        struct Instant: InstantProtocol {
            var offset: Duration
            func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
            func duration(to other: Instant) -> Duration { other.offset - offset }
            static func < (a: Instant, b: Instant) -> Bool { a.offset < b.offset }
        }
        private(set) var now = Instant(offset: .zero)
        var minimumResolution: Duration { .zero }
        private(set) var slept: [Duration] = []
        func sleep(until deadline: Instant, tolerance: Duration?) async throws {
            slept.append(now.duration(to: deadline))
            if now < deadline { now = deadline }
        }
        func advance(_ duration: Duration) { now = now.advanced(by: duration) }
    }

    /// Fails with `errors` in turn, then answers the attempt number.
    final class Script: @unchecked Sendable {
        var errors: [MongoError]
        var calls = 0
        init(_ errors: [MongoError]) { self.errors = errors }
        func call(_ attempt: Int) throws -> Int {
            calls += 1
            #expect(attempt == calls, "the attempt number counts the calls")
            if !errors.isEmpty { throw errors.removeFirst() }
            return attempt
        }
    }

    @Test func transientErrorsAreRetriedAndTheFirstIsReported() async throws {
        let script = Script([Self.dropped, Self.noServer]), clock = StepClock()
        let (value, retry) = try await Self.policy.run(MigrationStage("writing users", batch: 2, rows: 50), clock: clock) { try script.call($0) }
        #expect(value == 3 && script.calls == 3)
        #expect(clock.slept == [.milliseconds(100), .milliseconds(200)])
        #expect(retry == MigrationRetry(stage: MigrationStage("writing users", batch: 2, rows: 50), attempts: 3, cause: "the connection failed (MongoError 2/4)"))
    }

    @Test func aFirstAttemptThatWorksIsNoRetry() async throws {
        let clock = StepClock()
        let (value, retry) = try await Self.policy.run(MigrationStage("verifying"), clock: clock) { $0 }
        #expect(value == 1 && retry == nil && clock.slept.isEmpty)
    }

    @Test func anErrorThatIsNotTransientStopsAtOnce() async throws {
        let script = Script([Self.refused]), clock = StepClock()
        let stopped = await #expect(throws: MigrationStopped.self) {
            _ = try await Self.policy.run(MigrationStage("writing sessions", batch: 21, rows: 50), clock: clock) { try script.call($0) }
        }
        #expect(script.calls == 1 && clock.slept.isEmpty)
        #expect(stopped?.transient == false && stopped?.attempts == 1)
        #expect(stopped?.description.hasPrefix("stopped while writing sessions, batch 21 (50 rows): the server refused the command (MongoError 17/2), not a transient error") == true)
    }

    @Test func transientErrorsStopAfterTheAttemptsWhenTheWindowHasPassed() async throws {
        // Each attempt waits 1 s for a server (as with --timeout 1) before it fails.
        let script = Script(Array(repeating: Self.noServer, count: 10)), clock = StepClock()
        let stopped = await #expect(throws: MigrationStopped.self) {
            _ = try await Self.policy.run(MigrationStage("writing sessions", batch: 1, rows: 1), clock: clock) { attempt in
                clock.advance(.seconds(1))
                return try script.call(attempt)
            }
        }
        #expect(script.calls == 3 && stopped?.attempts == 3 && stopped?.transient == true)
        // From the first failure (after 1 s) to the third (after 3 s and 0.3 s of waits).
        #expect(stopped?.seconds == 2)
        #expect(stopped?.description.hasPrefix("stopped while writing sessions, batch 1 (1 row), after 3 attempts in 2 s: no server could be selected (MongoError 15/13053);") == true)
    }

    @Test func theWindowKeepsRetryingPastTheAttempts() async throws {
        // Failing at once, attempts 0.1, 0.2, 0.4, 0.8, 1, 1 s apart stay within 5 s of the first failure.
        let policy = MigrationRetryPolicy(attempts: 2, window: .seconds(5))
        let script = Script(Array(repeating: Self.dropped, count: 6)), clock = StepClock()
        let (value, retry) = try await policy.run(MigrationStage("writing users", batch: 1), clock: clock) { try script.call($0) }
        #expect(value == 7 && retry?.attempts == 7)
        // And once 5 s have passed, the next failure is the last.
        let again = Script(Array(repeating: Self.dropped, count: 20)), later = StepClock()
        let stopped = await #expect(throws: MigrationStopped.self) {
            _ = try await policy.run(MigrationStage("writing users", batch: 1), clock: later) { try again.call($0) }
        }
        #expect(stopped?.attempts == 9 && later.slept.reduce(.zero, +) == .milliseconds(5500))
    }

    @Test func otherErrorsPassThroughUnchanged() async throws {
        let error = await #expect(throws: MigrationError.self) {
            _ = try await Self.policy.run(MigrationStage("checking the recorded session format"), clock: StepClock()) { _ -> Int in throw MigrationError("mixed formats") }
        }
        #expect(error == MigrationError("mixed formats"))
    }

    @Test func theLineHoldsCodesNeverMessages() async throws {
        for error in [Self.dropped, Self.refused] {
            let stopped = await #expect(throws: MigrationStopped.self) {
                _ = try await MigrationRetryPolicy(attempts: 1, window: .zero).run(MigrationStage("writing users", batch: 1, rows: 2), clock: StepClock()) { _ -> Int in throw error }
            }
            let line = stopped?.description ?? ""
            #expect(!line.contains("hunter2") && !line.contains("s3cr3t") && !line.contains("failpoint") && !line.contains("\n"), "\(line)")
            #expect(line.contains("no migration is recorded in the ledger") && line.contains("run the same command again"))
        }
    }
}
