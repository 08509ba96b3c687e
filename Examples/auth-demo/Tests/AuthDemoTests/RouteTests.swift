import Testing

@Suite("auth-demo routes on SQLite")
struct SQLiteRouteTests {
    @Test func publicPages() async throws { try await RouteScenarios.publicPages(.sqlite) }
    @Test func signUpAndSignIn() async throws { try await RouteScenarios.signUpAndSignIn(.sqlite) }
    @Test func signUpRefusals() async throws { try await RouteScenarios.signUpRefusals(.sqlite) }
    @Test func loginFailures() async throws { try await RouteScenarios.loginFailures(.sqlite) }
    @Test func protectedWithoutSession() async throws { try await RouteScenarios.protectedWithoutSession(.sqlite) }
    @Test func logout() async throws { try await RouteScenarios.logout(.sqlite) }
    @Test func sessionLifetime() async throws { try await RouteScenarios.sessionLifetime(.sqlite) }
    @Test func crossSite() async throws { try await RouteScenarios.crossSite(.sqlite) }
    @Test func bruteForce() async throws { try await RouteScenarios.bruteForce(.sqlite) }
    @Test func bodies() async throws { try await RouteScenarios.bodies(.sqlite) }
    @Test func noSecretsLeak() async throws { try await RouteScenarios.noSecretsLeak(.sqlite) }
}

/// The same cases on a fresh database of the test server (`MONGODB_TEST_URI`, from `scripts/test`),
/// provisioned by each test; under `CI=true` a missing server fails them.
@Suite("auth-demo routes on MongoDB", .enabled(if: TestEnvironment.runsMongo, "needs MONGODB_TEST_URI (scripts/test starts the server)"))
struct MongoRouteTests {
    @Test func publicPages() async throws { try await RouteScenarios.publicPages(.mongo) }
    @Test func signUpAndSignIn() async throws { try await RouteScenarios.signUpAndSignIn(.mongo) }
    @Test func signUpRefusals() async throws { try await RouteScenarios.signUpRefusals(.mongo) }
    @Test func loginFailures() async throws { try await RouteScenarios.loginFailures(.mongo) }
    @Test func protectedWithoutSession() async throws { try await RouteScenarios.protectedWithoutSession(.mongo) }
    @Test func logout() async throws { try await RouteScenarios.logout(.mongo) }
    @Test func sessionLifetime() async throws { try await RouteScenarios.sessionLifetime(.mongo) }
    @Test func crossSite() async throws { try await RouteScenarios.crossSite(.mongo) }
    @Test func bruteForce() async throws { try await RouteScenarios.bruteForce(.mongo) }
    @Test func bodies() async throws { try await RouteScenarios.bodies(.mongo) }
    @Test func noSecretsLeak() async throws { try await RouteScenarios.noSecretsLeak(.mongo) }
}

/// Issue 13's secret corpus on the rejection paths, on both stores.
@Suite("auth-demo: no secret on rejection paths")
struct RejectionSecretTests {
    @Test func sqlite() async throws { try await RejectionSecretScenarios.run(.sqlite) }
    @Test(.enabled(if: TestEnvironment.runsMongo, "needs MONGODB_TEST_URI (scripts/test starts the server)"))
    func mongo() async throws { try await RejectionSecretScenarios.run(.mongo) }
}
