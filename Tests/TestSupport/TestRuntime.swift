import MongoBridge

/// The handshake metadata test suites configure before they touch libmongoc. Suites in other
/// targets may start libmongoc first (the process is shared), so tests read back what took effect.
public enum TestRuntime {
    /// The application name tests configure.
    public static let appName = "mongo-doctor-bridge-tests"
    /// The version tests configure.
    public static let version = "9.8.7-test"

    private static let configured: Void = { try? MongoRuntime.configure(appName: appName, version: version) }()

    /// Configures the runtime once for this test process.
    public static func configureOnce() { _ = configured }
}
