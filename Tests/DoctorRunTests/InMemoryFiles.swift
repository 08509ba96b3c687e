import Foundation
import LocalMongod

/// A file system of a few regular files held in memory (everything else is absent), to show that
/// the configured-log check reads only through the injected probe.
struct InMemoryFiles: FileSystemProbe {
    var files: [String: String]
    var unreadable: Set<String> = []

    func status(ofPath path: String) -> FileStatus? {
        files[path].map { FileStatus(kind: .regular, uid: 0, gid: 0, permissions: 0o644, size: Int64($0.utf8.count)) }
    }
    func linkStatus(ofPath path: String) -> FileStatus? { status(ofPath: path) }
    func freeBytes(atPath path: String) -> UInt64? { nil }
    func contentsOfDirectory(atPath path: String) -> [String]? { nil }
    func readFile(atPath path: String, maxBytes: Int) throws(FileReadError) -> Data {
        guard let text = files[path], !unreadable.contains(path) else { throw FileReadError(path: path, reason: "Permission denied") }
        return Data(text.utf8.prefix(maxBytes))
    }
    func lockState(ofFile path: String) -> LockState { .free }
}
