import MongoBridge

/// mongo-doctor's name and version: sent in handshakes and reported in JSON output.
public enum MongoDoctorVersion {
    /// The tool's name, as handshakes and reports show it.
    public static let toolName = "mongo-doctor"
    /// The current release.
    public static let current = "0.1.0"

    /// Names mongo-doctor in libmongoc's handshake metadata and initialises the bridge; call at start.
    /// A bridge that was already initialised (only possible in-process, in tests) keeps its metadata.
    public static func configureRuntime() {
        try? MongoRuntime.configure(appName: toolName, version: current)
        MongoRuntime.ensureInitialized()
    }
}
