public import DoctorCore

/// Paths and names that differ between platforms (`serviceName` is public: `setup` starts that service).
public enum PlatformDefaults {
    /// The Windows service's configuration file, as the installer lays it out.
    static let windowsConfigPattern = #"C:\Program Files\MongoDB\Server\<version>\bin\mongod.cfg"#
    /// The Windows installer's server directory.
    static let windowsServerRoot = #"C:\Program Files\MongoDB\Server"#
    /// The account the Windows service runs as by default.
    static let windowsServiceAccount = #"NT AUTHORITY\NetworkService"#

    /// mongod's own default dbpath when run bare (Windows: `\data\db` on the current drive).
    static func dbPath(_ platform: Platform) -> String {
        platform == .windows ? #"C:\data\db"# : "/data/db"
    }

    /// Where packages put the configuration file.
    static func configCandidates(_ platform: Platform) -> [String] {
        switch platform {
        case .linux: ["/etc/mongod.conf"]
        case .macos: ["/usr/local/etc/mongod.conf", "/opt/homebrew/etc/mongod.conf"]
        case .windows: []  // listed from the installer's directory, see ConfigLocator
        }
    }

    /// Directories holding `mongod` besides `$PATH`.
    static func binaryDirectories(_ platform: Platform) -> [String] {
        switch platform {
        case .linux: ["/usr/bin", "/usr/local/bin", "/opt/mongodb/bin"]
        case .macos:
            ["/usr/local/bin", "/opt/homebrew/bin", "/usr/local/opt/mongodb-community/bin", "/opt/homebrew/opt/mongodb-community/bin"]
        case .windows: []  // listed from the installer's directory
        }
    }

    /// The service name used to start and stop mongod.
    public static func serviceName(_ platform: Platform) -> String {
        switch platform {
        case .linux: "mongod"
        case .macos: "mongodb-community"
        case .windows: "MongoDB"
        }
    }

    /// The parent directory of a path in the platform's syntax.
    static func parent(of path: String, on platform: Platform) -> String {
        guard platform == .windows else { return PathText.parent(of: path) }
        var trimmed = path
        while trimmed.count > 3, trimmed.hasSuffix("\\") || trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let separator = trimmed.lastIndex(where: { $0 == "\\" || $0 == "/" }) else { return "." }
        let head = String(trimmed[..<separator])
        return head.hasSuffix(":") ? head + "\\" : head
    }

    /// `dir` + `name` in the platform's syntax.
    static func join(_ dir: String, _ name: String, on platform: Platform) -> String {
        guard platform == .windows else { return PathText.join(dir, name) }
        return dir.hasSuffix("\\") ? dir + name : dir + "\\" + name
    }
}
