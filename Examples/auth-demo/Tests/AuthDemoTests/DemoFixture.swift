@testable import AuthDemo
import AuthStore
import AuthStoreMongo
import AuthStoreSQLite
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MongoBridge
import NIOCore
import PasswordHashing
import Provisioning
import Testing

/// Which backend a route test runs on.
enum StoreKind: String, Sendable, CustomStringConvertible {
    case sqlite, mongo
    var description: String { rawValue }
}

/// A provisioned store of one kind (a temporary SQLite file, or a fresh database on the test
/// server), with a hand-moved clock shared by the sessions and the login throttle, a cheap argon2id
/// hasher, and every log line kept.
struct DemoFixture {
    let services: DemoServices
    let clock: TestClock
    let logs: LogLines
    let kind: StoreKind
    /// The SQLite file (SQLite only), to look inside it.
    let sqlitePath: String?
    private let cleanup: @Sendable () async -> Void

    /// Cheap parameters: the tests check behaviour, not cost.
    static let testHashParameters = Argon2Parameters(memoryKiB: 1024, iterations: 1, parallelism: 1)

    /// `mongoURI` replaces the shared test server's (`MONGODB_TEST_URI`) for the MongoDB kind.
    static func make(_ kind: StoreKind, format: SessionTokenFormat = .split, mongoURI: String? = nil) async throws -> DemoFixture {
        let clock = TestClock()
        let configuration = AuthStoreConfiguration(tokenFormat: format, clock: { clock.read() })
        let hasher = PasswordHasher(parameters: testHashParameters, maxConcurrentHashes: 2)
        let views = try await Views.load()
        let logs = LogLines()
        switch kind {
        case .sqlite:
            let directory = try TemporaryDirectory()
            let path = directory.path + "/auth.db"
            let outcome = try await SQLiteProvisioner.run(path: path, format: format, dryRun: false)
            #expect(outcome.steps.allSatisfy { $0.status == .applied })
            let backend = try await SQLiteAuthBackend.open(path: path)
            let store = try await AuthStore.open(backend: backend, configuration: configuration)
            let services = DemoServices(store: DemoStore(store: store, label: "SQLite \(path)"), hasher: hasher,
                                        throttle: LoginThrottleGate(clock: { clock.read() }), views: views)
            return DemoFixture(services: services, clock: clock, logs: logs, kind: kind, sqlitePath: path) {
                backend.close()
                await hasher.shutdown()
                directory.remove()
            }
        case .mongo:
            let uri = try #require(mongoURI ?? TestEnvironment.mongoURI, "MONGODB_TEST_URI is not set: run the tests through scripts/test")
            let database = "authdemo_" + UUID().uuidString.prefix(8).lowercased()
            let pool = try ClientPool(uri: MongoURI(uri), maxSize: 4)
            let outcome = try await MongoProvisioner.run(ProvisionRequest(database: database, sessionFormat: format, toolVersion: "auth-demo-tests"), pool: pool)
            #expect(outcome.steps.allSatisfy { $0.status == .applied || $0.status == .unchanged })
            let backend = MongoAuthBackend(pool: pool, configuration: MongoAuthConfiguration(database: database))
            let store = try await AuthStore.open(backend: backend, configuration: configuration)
            let services = DemoServices(store: DemoStore(store: store, label: "MongoDB \(database)"), hasher: hasher,
                                        throttle: LoginThrottleGate(clock: { clock.read() }), views: views)
            return DemoFixture(services: services, clock: clock, logs: logs, kind: kind, sqlitePath: nil) {
                _ = try? await pool.withClient { client in try client.database(database).drop() }
                await pool.close()
                await hasher.shutdown()
            }
        }
    }

    /// Runs `body` against the router (no sockets), then removes the store.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let logs = self.logs
        let logger = Logger(label: "auth-demo-tests") { _ in CapturingLogHandler(lines: logs) }
        let app = AuthDemoApp.application(services, host: "127.0.0.1", port: 0, logger: logger)
        do {
            try await app.test(.router, body)
        } catch {
            await cleanup()
            throw error
        }
        await cleanup()
    }
}

// MARK: Requests

/// The `Origin` of the router tests' own site (HummingbirdTesting's `.router` sets `authority: localhost`).
let testOrigin = "http://localhost"

/// `application/x-www-form-urlencoded` of `fields`, in order.
func formBody(_ fields: KeyValuePairs<String, String>) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    return ByteBuffer(string: text)
}

/// Headers of a same-site form post, with `cookie` when given.
func formHeaders(cookie: String? = nil, origin: String? = testOrigin) -> HTTPFields {
    var headers = HTTPFields()
    headers[.contentType] = "application/x-www-form-urlencoded"
    if let origin { headers[.origin] = origin }
    if let cookie { headers[.cookie] = "\(SessionCookie.name)=\(cookie)" }
    return headers
}

/// Headers of a page request carrying `cookie`.
func cookieHeaders(_ cookie: String?) -> HTTPFields {
    var headers = HTTPFields()
    if let cookie { headers[.cookie] = "\(SessionCookie.name)=\(cookie)" }
    return headers
}

/// The `auth_session` Set-Cookie of a response: its value and attributes (lowercased names).
struct SetCookie {
    let value: String
    let attributes: [String: String]

    init?(_ response: TestResponse) {
        guard let line = response.headers[values: .setCookie].first(where: { $0.hasPrefix(SessionCookie.name + "=") }) else { return nil }
        var parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        value = String(parts.removeFirst().dropFirst(SessionCookie.name.count + 1))
        var attributes: [String: String] = [:]
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1)
            attributes[pair[0].lowercased()] = pair.count > 1 ? String(pair[1]) : ""
        }
        self.attributes = attributes
    }

    /// Whether it removes the cookie.
    var clears: Bool { value.isEmpty && attributes["max-age"] == "0" }
}

extension TestResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
}

/// Signs up `username` through `POST /signup` and returns the session cookie.
func signUp(_ client: some TestClientProtocol, _ username: String, _ password: String) async throws -> String {
    let response = try await client.execute(uri: "/signup", method: .post, headers: formHeaders(),
                                            body: formBody(["username": username, "password": password]))
    #expect(response.status == .found)
    #expect(response.headers[.location] == "/dashboard")
    return try #require(SetCookie(response)).value
}
