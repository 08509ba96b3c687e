internal import CLibMongoC
import Foundation

/// Process-wide libmongoc setup: `mongoc_init` exactly once, handshake metadata, log capture, and
/// no counter segment left in shared memory (see `SharedMemoryCounters`).
///
/// The application that links the bridge names itself once, before first use, with
/// `configure(appName:version:)` (mongo-doctor's CLI does so at start). Every entry point of the
/// bridge calls `ensureInitialized()`; it is cheap after the first call.
public enum MongoRuntime {
    static let setup = RuntimeSetup { metadata in
        // libmongoc logs to stderr by default, and its messages can contain passwords:
        // route everything into the in-memory capture instead, before `mongoc_init` can log.
        mongoc_log_set_handler({ level, domain, message, _ in
            let entry = MongoLogEntry(
                level: MongoLogEntry.Level(rawValue: Int(level.rawValue)) ?? .debug,
                domain: domain.map { String(cString: $0) } ?? "",
                rawMessage: message.map { String(cString: $0) } ?? ""
            )
            MongoLogCapture.shared.record(entry)
        }, nil)
        mongoc_init()
        SharedMemoryCounters.release()
        if let metadata {
            _ = mongoc_handshake_data_append(metadata.appName, metadata.version, nil)
        }
    }

    /**
     Names the application in every handshake (servers log which tool connected). Call once,
     before the first URI, client or pool is made; repeating the same values is harmless.

     - Parameters:
       - appName: the application's name, e.g. "mongo-doctor".
       - version: the application's version, e.g. "0.1.0".
     - Throws: `MongoError` in the bridge domain with code `BridgeCode.alreadyInitialized` when
       libmongoc is already initialised or other metadata was configured first.
     */
    public static func configure(appName: String, version: String) throws(MongoError) {
        try setup.configure(HandshakeMetadata(appName: appName, version: version))
    }

    /// The metadata set with `configure(appName:version:)`, which handshakes carry; `nil` when none was.
    public static var handshakeMetadata: HandshakeMetadata? { setup.metadata }

    /// Initialises libmongoc once for this process (with the configured handshake metadata).
    ///
    /// A program that links the bridge should call this at start, even if it may never talk to
    /// MongoDB: libmongoc's counter segment exists from load time, and only this removes its name.
    public static func ensureInitialized() {
        setup.ensureInitialized()
    }

    /// libmongoc's version string ("1.23.1").
    public static var libmongocVersion: String {
        ensureInitialized()
        return String(cString: mongoc_get_version())
    }
}
