import Foundation
import DoctorCore

/// Reads the startup options of a text log line (2.x – 4.2):
/// `options: { config: "/etc/mongod.conf", net: { port: 27217 }, storage: { dbPath: "/srv/db" } }`
/// (3.0+ nests them; 2.x writes `dbpath: "/var/lib/mongodb", port: 27217` flat).
enum StartupOptionsText {
    private static let port = Pattern(#"\bport: (\d+)"#)
    private static let dbPath = Pattern(#"\bdb[pP]ath: "([^"]+)""#)
    private static let config = Pattern(#"\bconfig: "([^"]+)""#)
    private static let logPath = Pattern(#"(?:\blogpath: |systemLog: \{[^}]*?\bpath: )"([^"]+)""#)

    /// The options as attributes named like the 4.4+ options (`port`, `dbPath`, `config`, `logPath`).
    static func values(in message: String) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        if let number = port.firstMatch(in: message)?[1].flatMap({ Int($0) }) { values["port"] = .int(number) }
        for (key, pattern) in [("dbPath", dbPath), ("config", config), ("logPath", logPath)] {
            if let text = pattern.firstMatch(in: message)?[1] ?? nil { values[key] = .string(text) }
        }
        return values
    }
}
