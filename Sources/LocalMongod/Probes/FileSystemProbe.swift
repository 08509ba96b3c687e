public import Foundation

/// What kind of file a path names.
public enum FileKind: String, Sendable, Equatable {
    case regular, directory, socket, symlink, other
}

/// The `stat` facts the checks use.
public struct FileStatus: Sendable, Equatable {
    /// File type.
    public var kind: FileKind
    /// Owner uid.
    public var uid: UInt32
    /// Owner gid.
    public var gid: UInt32
    /// Permission bits (`mode & 0o7777`).
    public var permissions: UInt32
    /// Size in bytes.
    public var size: Int64
    /// Inode number (used to match lock holders in `/proc/locks`).
    public var inode: UInt64
    /// Device number.
    public var device: UInt64

    /// Creates a status.
    public init(
        kind: FileKind, uid: UInt32, gid: UInt32, permissions: UInt32,
        size: Int64 = 0, inode: UInt64 = 0, device: UInt64 = 0
    ) {
        self.kind = kind
        self.uid = uid
        self.gid = gid
        self.permissions = permissions
        self.size = size
        self.inode = inode
        self.device = device
    }
}

/// The state of a lock file as seen by a non-blocking lock attempt.
public enum LockState: Sendable, Equatable {
    /// Nobody holds it (the probe could lock it and released it at once).
    case free
    /// A live process holds it; its pid when it could be found.
    case held(pid: Int32?)
    /// The probe could not tell (the reason, e.g. `Permission denied`).
    case unknown(String)
}

/// Why a file could not be read.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// The system's reason (`Permission denied`).
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Read-only access to the file system, injected so checks can be tested offline.
///
/// Whether another user may read or write a path is derived from `status` by
/// `canAccess(_:_:as:)`, which walks the ancestors the way the kernel does.
public protocol FileSystemProbe: Sendable {
    /// `stat` (following symbolic links); `nil` when nothing is there.
    func status(ofPath path: String) -> FileStatus?
    /// `lstat` (not following symbolic links); `nil` when nothing is there.
    func linkStatus(ofPath path: String) -> FileStatus?
    /// Bytes available to unprivileged users on the file system holding `path` (`statvfs`).
    func freeBytes(atPath path: String) -> UInt64?
    /// Names in a directory, or `nil` when it cannot be listed.
    func contentsOfDirectory(atPath path: String) -> [String]?
    /// Up to `maxBytes` of a file, as this process can read it.
    func readFile(atPath path: String, maxBytes: Int) throws(FileReadError) -> Data
    /// Up to `maxBytes` of a file from byte `offset` on (how large logs are read from their end).
    func readFile(atPath path: String, offset: Int64, maxBytes: Int) throws(FileReadError) -> Data
    /// Tries a non-blocking exclusive `flock` on the file, as mongod does on `mongod.lock`.
    func lockState(ofFile path: String) -> LockState
}

extension FileSystemProbe {
    /// Reads the file up to `offset + maxBytes` and drops the first `offset` bytes: correct for
    /// any probe; the live one reads only the bytes asked for.
    public func readFile(atPath path: String, offset: Int64, maxBytes: Int) throws(FileReadError) -> Data {
        let data = try readFile(atPath: path, maxBytes: Int(offset) + maxBytes)
        return data.count > Int(offset) ? data.subdata(in: Int(offset)..<data.count) : Data()
    }

    /// Whether `user` may access `path` in the given way: every ancestor directory must be
    /// searchable, then the path's own permission bits decide (root may do anything).
    /// Access-control lists are not considered.
    public func canAccess(_ path: String, _ access: FileAccess, as user: UserIdentity) -> Bool {
        AccessEvaluator(files: self).canAccess(path, access, as: user)
    }
}
