import AuthStore
import MongoBridge

/// The words an error is shown with at the end of a command's one-line error: an `AuthStoreError`
/// by its ``AuthStore/AuthStoreError/message`` (reason, file, code; not its type), a `MongoError` by
/// its ``MongoBridge/MongoError/summary`` (codes and fixed phrases, never libmongoc's message), any other
/// by its description (our own error types carry no secret in theirs).
public enum ErrorWords {
    /// `error` in words, for `<command>: … : <words>`.
    public static func of(_ error: any Error) -> String {
        switch error {
        case let error as AuthStoreError: error.message
        case let error as MongoError: error.summary
        default: "\(error)"
        }
    }
}
