public import AuthStore
public import Foundation
public import Provisioning

/// What a migration is asked to do.
public struct MigrationRequest: Sendable {
    /// The target database.
    public var database: String
    /// The collection names (users, sessions; keys for Lucia v2 in MongoDB).
    public var names: AuthCollectionNames
    /// The OAuth accounts collection (default `oauth_accounts`).
    public var oauthAccounts: String
    /// `--session-format` (`nil`: keep the source's).
    public var sessionFormat: SessionTokenFormat?
    /// Read, convert and report; write nothing.
    public var dryRun: Bool
    /// Copy expired sessions too (SQLite; by default they are left out and counted).
    public var keepExpired: Bool
    /// Drop the keys collection after the verification passed (Lucia v2 in MongoDB).
    public var dropKeys: Bool
    /// Rows per read and documents per bulk write.
    public var batchSize: Int
    /// The tool's version, for the ledger.
    public var toolVersion: String
    /// The time expiry is compared with.
    public var now: Date
    /// How calls to the server that fail on the way are retried.
    public var retry: MigrationRetryPolicy

    /// Creates a request.
    public init(database: String, names: AuthCollectionNames = AuthCollectionNames(), oauthAccounts: String = "oauth_accounts",
                sessionFormat: SessionTokenFormat? = nil, dryRun: Bool = false, keepExpired: Bool = false, dropKeys: Bool = false,
                batchSize: Int = 1000, toolVersion: String, now: Date = Date(), retry: MigrationRetryPolicy = .standard) {
        self.database = database
        self.names = names
        self.oauthAccounts = oauthAccounts
        self.sessionFormat = sessionFormat
        self.dryRun = dryRun
        self.keepExpired = keepExpired
        self.dropKeys = dropKeys
        self.batchSize = max(1, batchSize)
        self.toolVersion = toolVersion
        self.now = now
        self.retry = retry
    }
}

/// How far a migration is: rows of `kind` done out of `total`, for a progress bar.
public struct MigrationProgress: Sendable {
    /// The kind being read.
    public var kind: String
    /// Rows read so far (all kinds).
    public var done: Int
    /// Rows to read (all kinds).
    public var total: Int
}

/// Called after each batch (on the migration's task).
public typealias MigrationProgressHandler = @Sendable (MigrationProgress) -> Void
