import MongoBridge

/**
 A migration stopped part-way by the server: an error that is not transient (a bad value, the whole
 command refused), or a transient one still there after the last attempt (the server down).

 What was written stays (every write is idempotent), nothing is verified, and no migration is recorded in
 the ledger: the same command run again resumes and ends with exactly the source's documents. One line,
 codes only (libmongoc's and the server's messages can quote documents or a URI); exit 2.
 */
public struct MigrationStopped: Error, Sendable, CustomStringConvertible, Equatable {
    /// Where it stopped.
    public var stage: MigrationStage
    /// Attempts made.
    public var attempts: Int
    /// Whether the last error was transient (then the attempts ran out).
    public var transient: Bool
    /// What failed, in words and codes (``cause(_:)``).
    public var cause: String
    /// Seconds from the first failure to the last.
    public var seconds: Int

    /// Creates the error.
    public init(stage: MigrationStage, attempts: Int, transient: Bool, cause: String, seconds: Int = 0) {
        self.stage = stage
        self.attempts = attempts
        self.transient = transient
        self.cause = cause
        self.seconds = seconds
    }

    /// `stopped while writing users, batch 3 (100 rows), after 5 attempts in 16 s: no server could be selected (MongoError 15/13053); …`
    public var description: String {
        let tries = transient ? ", after \(attempts) attempts in \(seconds) s" : ""
        let why = transient ? "" : ", not a transient error, so not retried"
        return "stopped while \(stage)\(tries): \(cause)\(why); what was written stays and no migration is recorded in the ledger: "
            + "run the same command again to finish (documents are upserted by _id)"
    }
}
