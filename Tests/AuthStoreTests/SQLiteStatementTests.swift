import AuthStore
import Foundation
import Testing
import TestSupport
@testable import AuthStoreSQLite

/// The statement layer on a real SQLite file: text bound from a String's own storage reads back the same,
/// and the process-wide settings were applied before SQLite's first use.
@Suite struct SQLiteStatementTests {
    static let texts = ["", "a", "bench-user-123", "ünïcödé ✓ 𝄞", String(repeating: "x", count: 40), "nul\u{0}inside"]

    @Test("bound text reads back exactly, and empty text stays text, not NULL", arguments: texts)
    func boundTextRoundTrips(text: String) throws {
        let directory = try TemporaryDirectory(prefix: "sqlite-statement")
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.appending("auth.db"), busyTimeoutMilliseconds: 1000)
        defer { connection.close() }
        let row = try connection.withStatement("SELECT ?1, typeof(?1), length(CAST(?1 AS BLOB))") { (s) throws(AuthStoreError) -> [AuthValue] in
            try s.bind([.text(text)])
            #expect(try s.step())
            return [s.value(0), s.value(1), s.value(2)]
        }
        #expect(row == [.text(text), .text("text"), .integer(Int64(text.utf8.count))])
    }

    @Test("text bound in place reads back, and is unbound once its body returns, even mid-row", arguments: texts.filter { !$0.isEmpty })
    func textBoundInPlaceIsUnboundAfterItsBody(text: String) throws {
        let directory = try TemporaryDirectory(prefix: "sqlite-statement")
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.appending("auth.db"), busyTimeoutMilliseconds: 1000)
        defer { connection.close() }
        let (read, boundAfter) = try connection.withStatement("SELECT ?1 FROM (SELECT 1 UNION ALL SELECT 2)") { (s) throws(AuthStoreError) -> (AuthValue, String?) in
            // The body stops after the first of two rows: the statement is still stepping when it returns.
            let read = try s.withText(text, boundAt: 1) { () throws(AuthStoreError) -> AuthValue in
                #expect(try s.step())
                return s.value(0)
            }
            return (read, s.expandedSQL)
        }
        #expect(read == .text(text))
        // SQLite's own rendering of the parameter: NULL once nothing points at the String's buffer any more.
        #expect(boundAfter == "SELECT NULL FROM (SELECT 1 UNION ALL SELECT 2)")
    }

    @Test func memoryStatisticsWereTurnedOffBeforeSQLiteStarted() throws {
        let directory = try TemporaryDirectory(prefix: "sqlite-statement")
        defer { directory.remove() }
        _ = try SQLiteConnection(path: directory.appending("auth.db"), busyTimeoutMilliseconds: 1000)
        // 0 is SQLITE_OK: nothing in this process had initialised SQLite before the first connection.
        #expect(SQLiteProcessSettings.memoryStatisticsResult == 0)
    }
}
