import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real temporary directory (mode 0755, so other users such as `nobody` can traverse it).
struct TestDirectory {
    let path: String

    init(_ label: String = "lm") throws {
        path = "/tmp/localmongod-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
    }

    /// A path inside.
    func sub(_ name: String) -> String { "\(path)/\(name)" }

    /// Creates a directory with an owner and mode.
    @discardableResult
    func makeDirectory(_ name: String, owner: UInt32 = 0, group: UInt32 = 0, mode: mode_t = 0o755) throws -> String {
        let full = sub(name)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        chown(full, owner, group)
        chmod(full, mode)
        return full
    }

    /// Writes a file with an owner and mode.
    @discardableResult
    func write(_ name: String, _ text: String, owner: UInt32 = 0, group: UInt32 = 0, mode: mode_t = 0o644) throws -> String {
        let full = sub(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        chown(full, owner, group)
        chmod(full, mode)
        return full
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Real accounts of this machine used by the tests.
enum TestUsers {
    /// `nobody` (uid 65534 on Debian).
    static var nobody: (uid: UInt32, gid: UInt32) { lookup("nobody") }
    /// `daemon` (uid 1), a second real non-root account.
    static var daemon: (uid: UInt32, gid: UInt32) { lookup("daemon") }

    static func lookup(_ name: String) -> (uid: UInt32, gid: UInt32) {
        guard let entry = getpwnam(name) else { return (65534, 65534) }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }
}

/// `stat` of a path, for asserting what a fix did.
func statOf(_ path: String) -> (uid: UInt32, gid: UInt32, mode: UInt32, isDirectory: Bool)? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return (st.st_uid, st.st_gid, UInt32(st.st_mode) & 0o7777, (st.st_mode & S_IFMT) == S_IFDIR)
}
