import AuthStore
import Foundation
import Migration
import MongoBridge
import Testing
import TestSupport

/// `migrate sqlite --dry-run` as a library call on every layout: what would be written and skipped,
/// secret-free samples, and a source file that is byte for byte and timestamp for timestamp unchanged.
@Suite struct SQLiteDryRunTests {
    static let now = Date()

    @Test(arguments: LuciaSQLiteFixture.Layout.allCases)
    func reportsWithoutWriting(_ layout: LuciaSQLiteFixture.Layout) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        try LuciaSQLiteFixture.make(at: path, layout: layout, now: Self.now)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let mtime = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()

        let request = MigrationRequest(database: "unused", dryRun: true, batchSize: 2, toolVersion: "test", now: Self.now)
        let outcome = try await SQLiteMigration.run(path: path, request: request, pool: nil)

        #expect(outcome.dryRun && outcome.verification == nil && outcome.provision == nil)
        #expect(outcome.counts[.users]?.converted == 2 && outcome.counts[.sessions]?.converted == 3)
        #expect(outcome.counts[.oauthAccounts]?.converted == (layout.hasKeys ? 1 : 0))
        #expect(outcome.expiredLeftOut == 1)
        var reasons: [SkipReason: Int] = [.duplicateUsername: 1, .nullID: 1, .nonTextID: 2, .missingUser: 1, .unparseableExpiry: 1, .userSkipped: 1]
        if layout.hasKeys { reasons[.missingUser] = 2; reasons[.badKeyID] = 1 }
        #expect(outcome.skipCounts == reasons)
        #expect(outcome.exitStatus == 1)
        #expect(outcome.conversions[layout == .v3 ? "expiry-from-seconds" : "expiry-from-milliseconds"] == 3)
        if layout == .v3 { #expect(outcome.conversions["password-from-column-password_hash"] == 2) }
        else { #expect(outcome.conversions["password-from-key"] == 2 && outcome.conversions["username-from-email"] == 1) }

        let secrets = [LuciaSQLiteFixture.s2Hash, LuciaSQLiteFixture.legacyHash, LuciaSQLiteFixture.v3ScryptHash, LuciaSQLiteFixture.sessionU1,
                       LuciaSQLiteFixture.sessionU2, LuciaSQLiteFixture.sessionReal, LuciaSQLiteFixture.sessionGhost, LuciaSQLiteFixture.sessionBadExpiry,
                       LuciaSQLiteFixture.sessionU3, LuciaSQLiteFixture.sessionExpired]
        let shown = "\(outcome.samples) \(outcome.skips)"
        for secret in secrets { #expect(!shown.contains(secret), "a secret in the report") }
        #expect(outcome.samples[.users]?["hashed_password"] == .string(SampleRedactor.redacted))
        #expect(outcome.samples[.sessions]?["_id"]?.stringValue?.hasPrefix("<session ") == true)

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == mtime)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == listing)
    }

    @Test func splitIsRefusedWithItsReason() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        try LuciaSQLiteFixture.make(at: path, layout: .v2)
        let request = MigrationRequest(database: "unused", sessionFormat: .split, dryRun: true, toolVersion: "test")
        let error = await #expect(throws: MigrationError.self) { try await SQLiteMigration.run(path: path, request: request, pool: nil) }
        #expect(error?.description.contains("split cannot be derived from existing tokens") == true)
    }
}
