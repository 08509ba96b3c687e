/// The wrapping application's name and version that libmongoc adds to its handshake
/// (`mongoc_handshake_data_append`): a server then shows `driver.name` as "mongoc / <appName>"
/// and `driver.version` as "<libmongoc version> / <version>" in its logs and `currentOp`.
public struct HandshakeMetadata: Sendable, Equatable, CustomStringConvertible {
    /// The application's name ("mongo-doctor").
    public var appName: String
    /// The application's version ("0.1.0").
    public var version: String

    /// Creates the metadata.
    public init(appName: String, version: String) {
        self.appName = appName
        self.version = version
    }

    /// "appName version".
    public var description: String { "\(appName) \(version)" }
}
