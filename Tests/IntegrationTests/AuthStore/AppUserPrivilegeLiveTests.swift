import BlockingWork
import DoctorChecks
import DoctorCore
import Foundation
import MongoBridge
import Testing
import TestSupport

/// `security.app-user-privileged` against the auth test server: its admin user (root) is root-like, a
/// least-privilege user made with createRole/createUser is not. SecantusDB lists no privileges in
/// connectionStatus, so the first case goes through the role names and the second through rolesInfo.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_AUTH_URI (scripts/test starts SecantusDB)"))
struct AppUserPrivilegeLiveTests {
    let live = ConnectionProbes(resolver: LiveResolver(), dialer: LiveDialer(), tlsProber: nil, server: LiveServerProbe())

    func authStore(_ uri: String, db: String) async throws -> CheckResult {
        let checks = ConnectionChecks.make(uri: uri, probes: live, authStore: AuthStoreTarget(database: db))
        let results = await CheckRunner().run(checks, in: CheckContext(timeout: .seconds(5)))
        #expect(results.first { $0.id == .auth }?.status == .passed)
        return try #require(results.first { $0.id == .authStore })
    }

    @Test func theAdminUserIsRootLike() async throws {
        let uri = try TestServer.requireAuthURI()
        let result = try await authStore(uri, db: TestServer.uniqueDatabaseName("authstore"))
        let finding = try #require(result.findings.first { $0.id == .securityAppUserPrivileged })
        #expect(finding.severity == .warning)
        #expect(finding.evidence.contains("role root@admin"))
        #expect(!finding.title.contains(URLComponentsPassword.of(uri)))
    }

    @Test func aLeastPrivilegeUserIsNot() async throws {
        let adminURI = try TestServer.requireAuthURI()
        let db = TestServer.uniqueDatabaseName("authstore")
        let user = "app_" + db.suffix(8), password = UUID().uuidString
        try await BlockingExecutor.dedicatedThread {
            TestRuntime.configureOnce()
            let target = try MongoClient(uri: MongoURI(adminURI)).database(db)
            let resource = { (collection: String) -> BSONValue in ["db": .string(db), "collection": .string(collection)] }
            let crud: BSONValue = ["find", "insert", "update", "remove"]
            let privileges: BSONValue = .array(["users", "sessions"].map { ["resource": resource($0), "actions": crud] }
                + [["resource": ["db": .string(db), "collection": ""], "actions": ["listCollections", "listIndexes"]]])
            _ = try target.runCommand(["createRole": "authStoreApp", "privileges": privileges, "roles": []])
            _ = try target.runCommand(["createUser": .string(user), "pwd": .string(password), "roles": [["role": "authStoreApp", "db": .string(db)]]])
            // The role document is what the check reads through rolesInfo (SecantusDB does not enforce
            // collection-level resources for CRUD, so no insert elsewhere is expected to fail).
            let info = try target.runCommand(["rolesInfo": ["role": "authStoreApp", "db": .string(db)], "showPrivileges": true])
            #expect(info["roles"]?.arrayValue?.count == 1)
        }
        let port = try #require(adminURI.split(separator: ":").last?.split(separator: "/").first)
        let appURI = "mongodb://\(user):\(password)@127.0.0.1:\(port)/\(db)"
        let result = try await authStore(appURI, db: db)
        #expect(!result.findings.contains { $0.id == .securityAppUserPrivileged })
        #expect(result.findings.map(\.id) == [.authStoreMissing, .authStoreMissing])
    }
}

/// The password of a test URI, to prove it never reaches a title.
enum URLComponentsPassword {
    static func of(_ uri: String) -> String { URLComponents(string: uri)?.password ?? "\u{0}" }
}
