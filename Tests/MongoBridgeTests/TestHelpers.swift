internal import CLibMongoC
import MongoBridge

/// Frees a document made by `BSONWriter.make` (tests own what they make).
func bson_destroy_for_tests(_ doc: OpaquePointer) {
    bson_destroy(doc)
}

/// The handshake metadata every MongoBridgeTests suite configures before it touches libmongoc,
/// so that the handshake test sees the same values whichever suite runs first.
enum TestRuntime {
    static let appName = "mongo-doctor-bridge-tests"
    static let version = "9.8.7-test"

    private static let configured: Void = { try? MongoRuntime.configure(appName: appName, version: version) }()

    /// Configures the runtime once for this test process.
    static func configureOnce() { _ = configured }
}
