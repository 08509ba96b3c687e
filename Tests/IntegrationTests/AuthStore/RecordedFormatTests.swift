import AuthStore
import AuthStoreMongo
import Foundation
import Testing
import TestSupport

/// The session token format `provision` records is the one AuthStore then uses, over what the data shows.
@Suite(.enabled(if: TestServer.shouldRun, "set MONGODB_TEST_URI (scripts/test starts SecantusDB)"))
struct RecordedFormatTests {
    @Test("provision --session-format is what AuthStore opens with", arguments: [SessionTokenFormat.luciaV3, .sha256, .split])
    func recordedFormatWins(format: SessionTokenFormat) async throws {
        let fixture = try MongoAuthFixture.make()
        let out = try ProcessRunner.run("mongo-doctor", [
            "provision", "--uri", try TestServer.requireURI(), "--db", fixture.database, "--session-format", format.rawValue, "--json",
        ])
        #expect(out.status == 0, "\(out.combined)")
        let store = try await AuthStore.open(backend: fixture.backend)
        #expect(store.tokenFormat == format)
        await fixture.tearDown()
    }

    @Test func anUnprovisionedEmptyDatabaseGetsTheDefault() async throws {
        let fixture = try MongoAuthFixture.make()
        let store = try await AuthStore.open(backend: fixture.backend)
        #expect(store.tokenFormat == .defaultForNewDatabases)
        await fixture.tearDown()
    }
}
