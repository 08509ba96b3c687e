import Foundation

/// The `file:` URI a read-only connection opens a file by, so that reading writes nothing beside it.
///
/// A read-only connection to a database in WAL mode creates `-wal` and `-shm` files next to it and, unable
/// to checkpoint, leaves them behind: a dry run or an inspection would write into the user's directory.
/// When the file's header says WAL and no `-wal` file exists, no connection has it open and nothing is
/// waiting to be checkpointed, so it is opened `immutable` (no locks, no side files). Otherwise (a rollback
/// journal, which a read-only connection never creates, or a `-wal` that is already there) it is opened as usual.
enum SQLiteReadOnlyName {
    /// The URI for `path` (opened with `SQLITE_OPEN_URI`): `immutable=1` in the case above, else `mode=ro`.
    static func uri(for path: String) -> String {
        let wal = isInWALMode(path) && !FileManager.default.fileExists(atPath: path + "-wal")
        return escaped(path) + (wal ? "?mode=ro&immutable=1" : "?mode=ro")
    }

    /// `file:` and the path with `%`, `?` and `#` escaped (SQLite decodes them back).
    private static func escaped(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        // A relative path that looks like a URI authority ("//host") must not be read as one.
        return "file:" + (escaped.hasPrefix("//") ? "/" + escaped.drop { $0 == "/" } : escaped)
    }

    /// Whether the header's read and write versions (bytes 18 and 19) are 2: the WAL journal mode.
    private static func isInWALMode(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 20)
        guard pread(fd, &header, 20, 0) == 20 else { return false }
        return header.starts(with: Array("SQLite format 3\0".utf8)) && header[18] == 2 && header[19] == 2
    }
}
