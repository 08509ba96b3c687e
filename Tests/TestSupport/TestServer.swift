import Foundation

/// The SecantusDB test servers that `scripts/test` starts, found through the environment.
///
/// `MONGODB_TEST_URI` (plain), `MONGODB_TEST_AUTH_URI` (SCRAM auth, admin user) and
/// `MONGODB_TEST_TLS_URI` (TLS with a throwaway CA). Under `CI=true` a missing server is a
/// failure: tests call `TestServer.require…` which fails the test instead of skipping it.
public enum TestServer {
    /// The plain test server's URI, when one is running.
    public static var uri: String? { value("MONGODB_TEST_URI") }
    /// The auth-enabled test server's URI (with the admin password), when one is running.
    public static var authURI: String? { value("MONGODB_TEST_AUTH_URI") }
    /// The TLS test server's URI (with `tlsCAFile`), when one is running.
    public static var tlsURI: String? { value("MONGODB_TEST_TLS_URI") }

    /// The `--standalone` server's URI (no replica-set advertisement), when one is running.
    public static var standaloneURI: String? { value("MONGODB_TEST_STANDALONE_URI") }
    /// The migration tests' own standalone server (`MONGODB_TEST_MIGRATE_URI`), when one is running.
    public static var migrateURI: String? { value("MONGODB_TEST_MIGRATE_URI") }

    /// Whether a missing server must fail the run (CI).
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether live tests should run: a server is configured, or CI demands one (and will fail without it).
    public static var shouldRun: Bool { uri != nil || isRequired }

    private static func value(_ name: String) -> String? {
        guard let v = ProcessInfo.processInfo.environment[name], !v.isEmpty else { return nil }
        return v
    }
}

/// Thrown when a live test runs without its server (only happens under CI=true, where it must fail).
public struct MissingTestServer: Error, CustomStringConvertible {
    public let variable: String
    public init(variable: String) { self.variable = variable }
    public var description: String { "\(variable) is not set: start the test database with scripts/test" }
}

extension TestServer {
    /// The plain server's URI, or an error naming the missing variable.
    public static func requireURI() throws -> String {
        guard let uri else { throw MissingTestServer(variable: "MONGODB_TEST_URI") }
        return uri
    }

    /// The auth server's URI, or an error naming the missing variable.
    public static func requireAuthURI() throws -> String {
        guard let authURI else { throw MissingTestServer(variable: "MONGODB_TEST_AUTH_URI") }
        return authURI
    }

    /// The TLS server's URI, or an error naming the missing variable.
    public static func requireTLSURI() throws -> String {
        guard let tlsURI else { throw MissingTestServer(variable: "MONGODB_TEST_TLS_URI") }
        return tlsURI
    }

    /// The standalone server's URI, or an error naming the missing variable.
    public static func requireStandaloneURI() throws -> String {
        guard let standaloneURI else { throw MissingTestServer(variable: "MONGODB_TEST_STANDALONE_URI") }
        return standaloneURI
    }

    /// A database name unique to one test, so tests never see each other's data.
    public static func uniqueDatabaseName(_ prefix: String = "mdtest") -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}
