import BlockingWork
public import DoctorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates a missing directory (a dbpath or a log directory) owned by the service user with
/// mode 0750, using `mkdir`/`chmod`/`chown` system calls, never a shell.
///
/// Missing parents are created as `mkdir -p` would (mode 0755, owned by whoever runs the fix).
/// An existing directory is left exactly as it is: existing data is never re-owned.
public struct CreateDirectoryAction: FixAction, Equatable {
    /// The directory to create.
    public let path: String
    /// Owner uid for the new directory.
    public let uid: UInt32
    /// Owner gid for the new directory.
    public let gid: UInt32
    /// Mode for the new directory (0750).
    public let mode: UInt32

    /// Creates the action.
    public init(path: String, uid: UInt32, gid: UInt32, mode: UInt32 = 0o750) {
        self.path = path
        self.uid = uid
        self.gid = gid
        self.mode = mode
    }

    /// Makes the change on a dedicated thread (file-system calls block).
    public func apply() async throws {
        try await BlockingExecutor.dedicatedThread { try self.applyBlocking() }
    }

    /// The change itself; blocks.
    func applyBlocking() throws {
        let absolute = PathText.absolute(path)
        var st = stat()
        if stat(absolute, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return }
            throw FixActionError("\(path) exists and is not a directory; left alone")
        }
        for ancestor in PathText.ancestors(of: absolute) where stat(ancestor, &st) != 0 {
            guard mkdir(ancestor, 0o755) == 0 || errno == EEXIST else {
                throw FixActionError("mkdir \(ancestor): \(Self.lastError())")
            }
        }
        guard mkdir(absolute, mode_t(mode)) == 0 else { throw FixActionError("mkdir \(path): \(Self.lastError())") }
        // Set owner and mode through a descriptor of the directory just made, opened without following
        // a symlink: if someone swapped the path for a link meanwhile, nothing else is changed.
        let fd = open(absolute, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw FixActionError("open \(path): \(Self.lastError())") }
        defer { close(fd) }
        // mkdir applies the umask; set the mode exactly.
        guard fchmod(fd, mode_t(mode)) == 0 else { throw FixActionError("chmod \(path): \(Self.lastError())") }
        guard fchown(fd, uid_t(uid), gid_t(gid)) == 0 else {
            throw FixActionError("chown \(path) to \(uid):\(gid): \(Self.lastError())")
        }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
