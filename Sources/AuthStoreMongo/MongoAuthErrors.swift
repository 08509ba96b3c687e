import AuthStore
import MongoBridge
import BlockingWork

/// MongoDB failures as `AuthStoreError`s. Only `MongoError.summary` (our words, the numeric domain and
/// code and the server's code name) is used: libmongoc's and the server's messages can quote a key value
/// (a username, a session id that is the token), so they never reach an `AuthStoreError`.
enum MongoAuthErrors {
    /// The server's duplicate-key error code.
    static let duplicateKey = 11000

    /// `error` thrown while `action` (e.g. "reading a session") ran, as an `AuthStoreError`.
    static func error(_ error: any Error, doing action: String) -> AuthStoreError {
        switch error {
        case let error as AuthStoreError:
            return error
        case let error as MongoError where error.isPoolClosed:
            return AuthStoreError(.closed, "the MongoDB client pool is closed")
        case let error as MongoError:
            // The summary carries libmongoc's domain and code, so no `backendCode` repeats half of it.
            return AuthStoreError(.backend, "MongoDB failed \(action): \(error.summary)")
        case is BlockingThreadPoolError:
            return AuthStoreError(.closed, "the MongoDB backend's threads are shut down")
        default:
            return AuthStoreError(.backend, "MongoDB failed \(action)")
        }
    }

    /// Whether `error` is a duplicate-key error (E11000).
    static func isDuplicateKey(_ error: MongoError) -> Bool {
        Int(error.code) == duplicateKey || error.serverCode == duplicateKey || firstWriteError(error)?["code"]?.intValue == duplicateKey
    }

    /// The key pattern the duplicate-key error names (`{username: 1}`, `{_id: 1}`), when the server said.
    static func duplicateKeyPattern(_ error: MongoError) -> BSONDocument? {
        firstWriteError(error)?["keyPattern"]?.documentValue ?? error.reply?["keyPattern"]?.documentValue
    }

    private static func firstWriteError(_ error: MongoError) -> BSONDocument? {
        error.reply?["writeErrors"]?.arrayValue?.first?.documentValue
    }
}
