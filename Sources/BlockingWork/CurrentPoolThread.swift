#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `BlockingThreadPool` owns the calling thread, kept in a POSIX thread-specific slot: it is read
/// on every `run`, and a slot read costs a few nanoseconds where Foundation's thread dictionary costs
/// an allocation and a lock.
enum CurrentPoolThread {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        return key
    }()

    /// Marks the calling thread as `pool`'s (a worker does this once, before its first item).
    static func mark(_ pool: AnyObject) {
        pthread_setspecific(key, UnsafeRawPointer(Unmanaged.passUnretained(pool).toOpaque()))
    }

    /// Whether the calling thread was marked as `pool`'s.
    static func isOwned(by pool: AnyObject) -> Bool {
        pthread_getspecific(key) == UnsafeMutableRawPointer(Unmanaged.passUnretained(pool).toOpaque())
    }
}
