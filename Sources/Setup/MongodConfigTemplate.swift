public import DoctorCore
import Foundation

/// The configuration file setup writes when there is none: the data directory, the log file, the
/// port, and `bindIp: 127.0.0.1` (nothing beyond this machine). Pure: the text only.
public struct MongodConfigTemplate: Sendable, Equatable {
    /// `storage.dbPath`.
    public var dbPath: String
    /// `systemLog.path`.
    public var logPath: String
    /// `net.port`.
    public var port: Int

    /// Creates a template.
    public init(dbPath: String, logPath: String, port: Int) {
        self.dbPath = dbPath
        self.logPath = logPath
        self.port = port
    }

    /// The settings for a new configuration on `platform`: the given data directory (else where
    /// the platform's packages keep it) and a log file next to it (else the packages' log).
    public static func defaults(platform: Platform, dbPath: String?, port: Int?) -> MongodConfigTemplate {
        let port = port ?? 27017
        if let dbPath {
            let parent = platform == .windows ? windowsParent(dbPath) : posixParent(dbPath)
            let separator = platform == .windows ? "\\" : "/"
            let directory = parent.hasSuffix(separator) ? parent : parent + separator
            return MongodConfigTemplate(dbPath: dbPath, logPath: directory + "mongod.log", port: port)
        }
        switch platform {
        case .linux: return MongodConfigTemplate(dbPath: "/var/lib/mongodb", logPath: "/var/log/mongodb/mongod.log", port: port)
        case .macos:
            return MongodConfigTemplate(dbPath: "/opt/homebrew/var/mongodb", logPath: "/opt/homebrew/var/log/mongodb/mongo.log", port: port)
        case .windows:
            return MongodConfigTemplate(dbPath: #"C:\data\db"#, logPath: #"C:\data\log\mongod.log"#, port: port)
        }
    }

    /// The YAML text (mongod's configuration format), quoting every path.
    public var text: String {
        """
        # mongod configuration written by mongo-doctor setup
        storage:
          dbPath: \(Self.quoted(dbPath))
        systemLog:
          destination: file
          path: \(Self.quoted(logPath))
          logAppend: true
        net:
          port: \(port)
          bindIp: 127.0.0.1

        """
    }

    /// A YAML double-quoted scalar (backslashes of Windows paths escaped).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func posixParent(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    static func windowsParent(_ path: String) -> String {
        var trimmed = path
        while trimmed.count > 3, trimmed.hasSuffix("\\") || trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let separator = trimmed.lastIndex(where: { $0 == "\\" || $0 == "/" }) else { return "." }
        return String(trimmed[..<separator])
    }
}
