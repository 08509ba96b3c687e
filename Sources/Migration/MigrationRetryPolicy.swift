import MongoBridge

/// Where a migration is when it talks to the server: the stage, and for batch stages which batch.
public struct MigrationStage: Sendable, Equatable, CustomStringConvertible {
    /// What is being done: `writing users`, `verifying`, `recording the ledger`.
    public var name: String
    /// The batch (1-based), for batch stages.
    public var batch: Int?
    /// The source rows (or documents) in that batch.
    public var rows: Int?

    /// A stage, with its batch for batch stages.
    public init(_ name: String, batch: Int? = nil, rows: Int? = nil) {
        self.name = name
        self.batch = batch
        self.rows = rows
    }

    /// `writing sessions, batch 12 (100 rows)` (never a document's id: a session id is a secret).
    public var description: String {
        guard let batch else { return name }
        return "\(name), batch \(batch)" + (rows.map { " (\($0) \($0 == 1 ? "row" : "rows"))" } ?? "")
    }
}

/// A stage that succeeded only after transient errors: how many attempts it took, and the first error.
public struct MigrationRetry: Sendable, Equatable {
    /// The stage.
    public var stage: MigrationStage
    /// Attempts made (at least 2).
    public var attempts: Int
    /// The first error, the one that made it retry (codes only, never libmongoc's message).
    public var cause: String

    /// Creates a retry record.
    public init(stage: MigrationStage, attempts: Int, cause: String) {
        self.stage = stage
        self.attempts = attempts
        self.cause = cause
    }
}

/**
 How a migration treats a failed call to the server (every write, and the reads and finishing steps
 around them).

 A transient error (``MongoError/isTransient``: the connection dropped or was closed, no server could
 be selected, or a "not primary"/"shutting down"/network code) is retried, ``firstDelay`` after the first
 failure and doubling up to ``maxDelay``, for as long as fewer than ``attempts`` attempts were made or
 less than ``window`` has passed since the first failure; each attempt may itself wait up to the
 connection's `serverSelectionTimeoutMS` for a server. The window matters because libmongoc may forget
 a server that reported "shutting down" or "not primary" (in a write concern error, say) until its
 monitor checks it again, a `heartbeatFrequencyMS` (10 s by default) later: ``window(heartbeat:selection:)``.

 Retrying is safe because every write is idempotent: copies insert and replace by `_id`, user updates
 `$set` the same values, a v2 session is replaced only while it is still in v2 form (and a retry counts
 the ones an earlier attempt converted). Any other error, or a transient one past both bounds, stops the
 migration with ``MigrationStopped``.
 */
public struct MigrationRetryPolicy: Sendable {
    /// Attempts made at least (1: no retry unless within the window).
    public var attempts: Int
    /// How long after the first failure a transient error is still retried.
    public var window: Duration
    /// The wait after the first failure.
    public var firstDelay: Duration
    /// The longest wait between attempts.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(attempts: Int = 5, window: Duration = .seconds(13), firstDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(1)) {
        self.attempts = max(1, attempts)
        self.window = window
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
    }

    /// Five attempts at least, 0.1, 0.2, 0.4, 0.8 s apart and then every second, for 13 s after the
    /// first failure: libmongoc's default heartbeat (10 s) and server selection timeout of `--timeout 3`.
    public static let standard = MigrationRetryPolicy()

    /// The window for a connection: one heartbeat (the monitor has seen the server again) and one server
    /// selection timeout (the attempt after it found it).
    public static func window(heartbeat: Duration, selection: Duration) -> Duration { heartbeat + selection }

    /// The wait before attempt `attempt + 1`.
    public func delay(after attempt: Int) -> Duration {
        var delay = firstDelay
        for _ in 1..<max(1, attempt) where delay < maxDelay { delay *= 2 }
        return min(delay, maxDelay)
    }

    /**
     Runs `body` (given the attempt number, from 1) until it succeeds, retrying transient `MongoError`s;
     waits and measures on `clock` (the continuous clock; tests pass their own).

     - Returns: the value, and the retry when there was one.
     - Throws: ``MigrationStopped`` for a `MongoError` that is not transient or is still there past both
       bounds; any other error (a `MigrationError`, a cancellation) as it came.
     */
    public func run<T: Sendable, C: Clock>(_ stage: MigrationStage, clock: C, _ body: (Int) async throws -> T) async throws -> (value: T, retry: MigrationRetry?)
    where C.Duration == Duration {
        var attempt = 1
        var firstFailure: C.Instant?
        var firstCause = ""
        while true {
            do {
                let value = try await body(attempt)
                return (value, attempt > 1 ? MigrationRetry(stage: stage, attempts: attempt, cause: firstCause) : nil)
            } catch let error as MongoError {
                let cause = error.summary
                let since = firstFailure ?? clock.now
                if attempt == 1 { firstCause = cause }
                firstFailure = since
                let elapsed = since.duration(to: clock.now)
                guard error.isTransient, attempt < attempts || elapsed < window else {
                    throw MigrationStopped(stage: stage, attempts: attempt, transient: error.isTransient, cause: cause, seconds: Int(elapsed.components.seconds))
                }
                try await clock.sleep(for: delay(after: attempt))
                attempt += 1
            }
        }
    }

    /// ``run(_:clock:_:)`` on the continuous clock.
    public func run<T: Sendable>(_ stage: MigrationStage, _ body: (Int) async throws -> T) async throws -> (value: T, retry: MigrationRetry?) {
        try await run(stage, clock: ContinuousClock(), body)
    }
}
