import Foundation

/// libmongoc's performance counters, which live in a shared-memory segment `/mongoc-<pid>`
/// (`/dev/shm/mongoc-<pid>` on Linux) that only the `mongoc-stat` debugging tool reads.
///
/// Debian's libmongoc initialises itself from a library constructor, so the segment exists before
/// `main` whether or not the program ever talks to MongoDB. It is removed only by `mongoc_cleanup`
/// at a normal exit; a process ended by a signal or `kill -9` leaves the file behind, and a later
/// process that gets the same pid cannot create its own (libmongoc opens it exclusively) and prints
/// "Falling back to malloc for counters." on stderr, before any log handler can be installed.
///
/// The bridge therefore removes this process's segment name as soon as it initialises: the mapping
/// stays valid, so the counters keep working in memory, and nothing is left to trip a later process.
/// (A name left by a dead process with the same pid, which made libmongoc fall back, goes too.)
enum SharedMemoryCounters {
    /// The POSIX shared-memory name libmongoc uses for process `pid`.
    static func name(pid: Int32 = getpid()) -> String {
        "/mongoc-\(pid)"
    }

    /// Removes this process's counter segment name; `true` when there was one.
    @discardableResult
    static func release() -> Bool {
        shm_unlink(name()) == 0
    }
}
