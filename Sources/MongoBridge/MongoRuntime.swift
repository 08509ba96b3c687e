internal import CLibMongoC
import Foundation

/// Process-wide libmongoc setup: `mongoc_init` exactly once, handshake metadata and log capture.
///
/// Every entry point of the bridge calls `MongoRuntime.ensureInitialized()`; it is cheap after the first call.
public enum MongoRuntime {
    /// The application name sent in the handshake metadata (servers log which tool connected).
    public static let driverName = "mongo-doctor"

    private static let initialize: Void = {
        mongoc_init()
        _ = mongoc_handshake_data_append(driverName, MongoDoctorVersion.current, nil)
        // libmongoc logs to stderr by default, and its messages can contain passwords:
        // route everything into the in-memory capture instead.
        mongoc_log_set_handler({ level, domain, message, _ in
            let entry = MongoLogEntry(
                level: MongoLogEntry.Level(rawValue: Int(level.rawValue)) ?? .debug,
                domain: domain.map { String(cString: $0) } ?? "",
                rawMessage: message.map { String(cString: $0) } ?? ""
            )
            MongoLogCapture.shared.record(entry)
        }, nil)
    }()

    /// Initialises libmongoc once for this process.
    public static func ensureInitialized() {
        _ = initialize
    }

    /// libmongoc's version string ("1.23.1").
    public static var libmongocVersion: String {
        ensureInitialized()
        return String(cString: mongoc_get_version())
    }
}

/// The version of mongo-doctor, sent in handshakes and reported in JSON output.
public enum MongoDoctorVersion {
    /// The current release.
    public static let current = "0.1.0"
}
