public import Foundation
public import LocalMongod

/// A file system probe that sees a few extra regular files (a configuration file setup would
/// write) on top of another probe, so a dry run checks the setup it plans. Reads only.
public struct OverlayFileSystem: FileSystemProbe {
    let base: any FileSystemProbe
    let overlay: [String: Data]
    let owner: (uid: UInt32, gid: UInt32)

    /// `base` plus `overlay` (path → bytes), the extra files owned by `owner`.
    public init(base: any FileSystemProbe, overlay: [String: Data], owner: (uid: UInt32, gid: UInt32)) {
        self.base = base
        self.overlay = overlay
        self.owner = owner
    }

    public func status(ofPath path: String) -> FileStatus? {
        guard let data = overlay[path] else { return base.status(ofPath: path) }
        return FileStatus(kind: .regular, uid: owner.uid, gid: owner.gid, permissions: 0o644, size: Int64(data.count))
    }

    public func linkStatus(ofPath path: String) -> FileStatus? {
        overlay[path] == nil ? base.linkStatus(ofPath: path) : status(ofPath: path)
    }

    public func freeBytes(atPath path: String) -> UInt64? { base.freeBytes(atPath: path) }

    public func contentsOfDirectory(atPath path: String) -> [String]? { base.contentsOfDirectory(atPath: path) }

    public func readFile(atPath path: String, maxBytes: Int) throws(FileReadError) -> Data {
        guard let data = overlay[path] else { return try base.readFile(atPath: path, maxBytes: maxBytes) }
        return data.prefix(maxBytes)
    }

    public func lockState(ofFile path: String) -> LockState { base.lockState(ofFile: path) }
}
