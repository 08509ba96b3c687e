extension MongoError.Domain {
    /// MONGOC_ERROR_WRITE_CONCERN (error API v2: a write concern error, with the server's code).
    public static let writeConcern: UInt32 = 16
}

extension MongoError {
    /**
     The server codes after which the same write may be sent again: the retryable-writes specification's
     list (the node shut down, stepped down, is not primary, or a network error between mongos and a
     shard) and `ExceededTimeLimit`.

     6 HostUnreachable, 7 HostNotFound, 89 NetworkTimeout, 91 ShutdownInProgress, 189 PrimarySteppedDown,
     262 ExceededTimeLimit, 9001 SocketException, 10107 NotWritablePrimary, 11600 InterruptedAtShutdown,
     11602 InterruptedDueToReplStateChange, 13435 NotPrimaryNoSecondaryOk, 13436 NotPrimaryOrSecondary.
     */
    public static let transientServerCodes: Set<Int> = [6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]

    /// libmongoc's stream codes of a connection that failed or was closed: name resolution (3), socket (4),
    /// connect (5), not established (6).
    static let transientStreamCodes: Set<UInt32> = [3, 4, 5, 6]

    /**
     Whether the operation failed on the way rather than being refused: a network error (the connection
     dropped, closed or timed out), no server selectable within `serverSelectionTimeoutMS` (it is down,
     restarting, or electing), or a server or write-concern error with one of ``transientServerCodes`` or
     the `RetryableWriteError` label. Sending the same idempotent operation again may succeed.

     Anything else (a bad value, a failed validation of the whole command, an authorization error, a
     bridge error) is not: the same operation would fail the same way.
     */
    public var isTransient: Bool {
        switch domain {
        case Domain.stream: return Self.transientStreamCodes.contains(code)
        case Domain.serverSelection: return true
        case Domain.server, Domain.writeConcern:
            if Self.transientServerCodes.contains(Int(code)) { return true }
            let labels = (reply?["errorLabels"]?.arrayValue ?? []).compactMap(\.stringValue)
            if labels.contains("RetryableWriteError") { return true }
            // A bulk reply keeps its write concern errors in a list, each with its own code.
            let concern = (reply?["writeConcernErrors"]?.arrayValue ?? []).compactMap { $0.documentValue?["code"]?.intValue }
            return !concern.isEmpty && concern.allSatisfy(Self.transientServerCodes.contains)
        default: return false
        }
    }
}
