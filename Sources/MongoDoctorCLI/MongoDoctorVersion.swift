import MongoBridge

/// mongo-doctor's name and version: sent in handshakes and reported in JSON output.
public enum MongoDoctorVersion {
    /// The tool's name, as handshakes and reports show it.
    public static let toolName = "mongo-doctor"
    /// The current release.
    public static let current = "0.1.0"

    /// Names mongo-doctor in libmongoc's handshake metadata; call before any Mongo work.
    /// A bridge that was already initialised (only possible in-process, in tests) is left as it is.
    public static func configureRuntime() {
        try? MongoRuntime.configure(appName: toolName, version: current)
    }
}
