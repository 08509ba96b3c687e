import Foundation

/// A kind of access to a file, as in `access(2)`: read 4, write 2, execute/search 1.
public struct FileAccess: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Read a file, list a directory.
    public static let read = FileAccess(rawValue: 4)
    /// Write a file, create or remove entries in a directory.
    public static let write = FileAccess(rawValue: 2)
    /// Run a file, traverse a directory.
    public static let execute = FileAccess(rawValue: 1)
}

/// Decides from permission bits whether a user may access a path, since the doctor usually
/// runs as someone other than the service user and `access(2)` only answers for itself.
struct AccessEvaluator {
    let files: any FileSystemProbe

    /// Every ancestor must be searchable, then the path's own bits decide.
    func canAccess(_ path: String, _ access: FileAccess, as user: UserIdentity) -> Bool {
        let absolute = PathText.absolute(path)
        for ancestor in PathText.ancestors(of: absolute) {
            guard let status = files.status(ofPath: ancestor), status.kind == .directory,
                Self.allows(status, .execute, user)
            else { return false }
        }
        guard let status = files.status(ofPath: absolute) else { return false }
        return Self.allows(status, access, user)
    }

    /// The owner, group or other bits that apply to `user`; root bypasses all but execute of files.
    static func allows(_ status: FileStatus, _ access: FileAccess, _ user: UserIdentity) -> Bool {
        if user.isRoot {
            if access.contains(.execute), status.kind != .directory { return status.permissions & 0o111 != 0 }
            return true
        }
        let shift: UInt32 = status.uid == user.uid ? 6 : (user.groups.contains(status.gid) ? 3 : 0)
        let bits = (status.permissions >> shift) & 0o7
        return bits & access.rawValue == access.rawValue
    }
}

/// Small POSIX path helpers (no normalisation of `..`; paths are reported as given).
enum PathText {
    /// `path` made absolute against the current directory.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
    }

    /// The directories above an absolute path, outermost first: `/a/b/c` → `/`, `/a`, `/a/b`.
    static func ancestors(of path: String) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        var result = ["/"]
        var current = ""
        for part in parts.dropLast() {
            current += "/" + part
            result.append(current)
        }
        return parts.isEmpty ? [] : result
    }

    /// The parent directory of a POSIX path (`/a/b` → `/a`, `b` → `.`).
    static func parent(of path: String) -> String {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// `dir/name`.
    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
}
