import Foundation

/// Gives the calling thread a kernel-visible name (`/proc/self/task/*/comm`, at most 15 bytes),
/// so that tools and tests can tell blocking threads apart. Foundation's `Thread.name` does not
/// reach the kernel on Linux. Does nothing where `/proc/thread-self` does not exist.
enum KernelThreadName {
    /// Names the calling thread `name` (truncated to 15 bytes).
    static func set(_ name: String) {
        #if os(Linux)
        guard let handle = FileHandle(forWritingAtPath: "/proc/thread-self/comm") else { return }
        defer { try? handle.close() }
        try? handle.write(contentsOf: Data(name.utf8.prefix(15)))
        #endif
    }
}
