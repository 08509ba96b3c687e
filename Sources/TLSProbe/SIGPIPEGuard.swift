#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a write to a socket the peer has reset from killing the process with SIGPIPE.
///
/// OpenSSL writes with write(2), which raises SIGPIPE on a reset connection. The signal is
/// blocked on the calling thread only while `body` runs; one left pending is consumed before the
/// thread's mask is restored, so nothing changes for the rest of the process. (Linux; on Darwin
/// the socket's SO_NOSIGPIPE does the job.)
enum SIGPIPEGuard {
    /// Runs `body` with SIGPIPE blocked on this thread.
    static func run<Result>(_ body: () -> Result) -> Result {
        #if canImport(Darwin)
        return body()  // Darwin sockets carry SO_NOSIGPIPE instead (see SocketKit.StreamSocket).
        #else
        var pipeOnly = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        var previous = sigset_t()
        guard pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous) == 0 else { return body() }
        defer {
            if sigismember(&previous, SIGPIPE) == 0 {
                var pending = sigset_t()
                sigemptyset(&pending)
                if sigpending(&pending) == 0, sigismember(&pending, SIGPIPE) == 1 {
                    var immediately = timespec(tv_sec: 0, tv_nsec: 0)
                    _ = sigtimedwait(&pipeOnly, nil, &immediately)
                }
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        return body()
        #endif
    }
}
