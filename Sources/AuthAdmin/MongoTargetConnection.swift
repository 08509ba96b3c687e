import ConnectionString
public import DoctorRun
public import MongoBridge

/// A resolved MongoDB target opened as a client pool, with the stage timeout applied: what
/// `provision` and the `users`/`sessions` commands both start from. Errors are `RunError`s that
/// name the command and where the URI came from, never the URI's password.
public struct MongoTargetConnection: Sendable {
    /// The target as resolved (`--uri`, `MONGODB_URI`, `.env`, default); its `uri` is unredacted.
    public let target: TargetResolver.Target
    /// The parsed connection string (its path database is `uri.database`).
    public let uri: MongoURI
    /// The pool every call goes through.
    public let pool: ClientPool

    /**
     Parses the target's URI, applies `serverSelectionTimeoutMS` and `connectTimeoutMS` of `timeout`
     seconds, and opens a pool of `maxSize` clients (no connection is made until first use).

     - Parameter command: the command's name, at the head of every error (`provision`, `users list`).
     - Throws: `RunError` for a connection string libmongoc refuses or a pool it cannot create.
     */
    public static func open(_ target: TargetResolver.Target, timeout: Double, maxSize: Int = 1, command: String) throws(RunError) -> MongoTargetConnection {
        let uri: MongoURI
        do { uri = try MongoURI(target.uri) } catch {
            throw RunError("\(command): the connection string (from \(target.source)) is not valid: \(error)")
        }
        let millis = Int32(timeout * 1000)
        do {
            let pool = try ClientPool(uri: uri.with(intOptions: ["serverSelectionTimeoutMS": millis, "connectTimeoutMS": millis]), maxSize: maxSize)
            return MongoTargetConnection(target: target, uri: uri, pool: pool)
        } catch {
            throw RunError("\(command): \(error)")
        }
    }

    /// The target without secrets: `mongodb://user:****@host/ (from --uri)`.
    public var redactedTarget: String { "\(URIRedaction.redact(target.uri)) (from \(target.source))" }

    /// A `RunError` for a failure while working on this target: `<command>: <redacted URI> (from …): <error>`.
    /// The error is shown by ``ErrorWords/of(_:)``.
    public func failure(_ command: String, _ error: any Error) -> RunError {
        RunError("\(command): \(redactedTarget): \(ErrorWords.of(error))")
    }

    /// Closes the pool.
    public func close() async { await pool.close() }
}
