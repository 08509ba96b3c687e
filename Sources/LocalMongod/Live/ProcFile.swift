import Foundation

/// Reads files under /proc (and /sys) completely.
///
/// procfs reports a size of 0, and Foundation's `String(contentsOfFile:)` then reads only the first
/// page: on a busy machine `/proc/net/tcp` loses every socket past line 27. Reading until end of
/// file is the only reliable way.
enum ProcFile {
    /// The whole file as bytes, or `nil` when it cannot be opened.
    static func data(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.readToEnd() ?? Data()
    }

    /// The whole file as UTF-8 text, or `nil` when it cannot be opened.
    static func text(_ path: String) -> String? {
        data(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
