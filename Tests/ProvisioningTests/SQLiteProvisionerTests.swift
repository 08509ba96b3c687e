import AuthStore
import AuthStoreSQLite
import Foundation
import Provisioning
import Testing
import TestSupport

/// `provision --sqlite`: a real file in a temporary directory.
@Suite struct SQLiteProvisionerTests {
    @Test func createsTheFileTablesAndIndexOnceThenNothing() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        let dry = try await SQLiteProvisioner.run(path: path, format: nil, dryRun: true)
        #expect(dry.steps.allSatisfy { $0.status == .planned })
        #expect(!FileManager.default.fileExists(atPath: path), "a dry run created the file")
        let first = try await SQLiteProvisioner.run(path: path, format: nil, dryRun: false)
        #expect(first.steps.map(\.id) == ["sqlite.file", "sqlite.table.user", "sqlite.table.session", "sqlite.index.username-nocase",
                                          "sqlite.index.session-user_id", "sqlite.column.secret_hash"])
        #expect(first.steps.allSatisfy { $0.status == .applied }, "\(first.steps)")
        let second = try await SQLiteProvisioner.run(path: path, format: nil, dryRun: false)
        #expect(second.steps.allSatisfy { $0.status == .unchanged })
        #expect(second.changedNothing && second.exitStatus == 0)
    }

    @Test func theUsernameIndexIsUniqueCaseInsensitively() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        _ = try await SQLiteProvisioner.run(path: path, format: .luciaV3, dryRun: false)
        let report = try #require(try await SQLiteAuthBackend.inspect(path: path))
        #expect(report.hasUsernameIndex && report.hasUserTable && report.hasSessionTable && !report.hasSecretHash)
        // Python's sqlite3 (another client) is refused the second, case-different name.
        let out = try python("import sqlite3\ndb = sqlite3.connect('\(path)')\ndb.execute(\"INSERT INTO user (id, username) VALUES ('1', 'Alice')\")\ntry:\n    db.execute(\"INSERT INTO user (id, username) VALUES ('2', 'alice')\")\n    print('inserted')\nexcept sqlite3.IntegrityError as e:\n    print('refused', e)\ndb.commit()\n")
        #expect(out.hasPrefix("refused UNIQUE"), "\(out)")
        // Now Alice exists: a second provision is unchanged.
        let again = try await SQLiteProvisioner.run(path: path, format: .luciaV3, dryRun: false)
        #expect(again.steps.allSatisfy { $0.status == .unchanged })
    }

    @Test func duplicateUsernamesBlockTheIndexAndAreListed() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        _ = try python("import sqlite3\ndb = sqlite3.connect('\(path)')\ndb.execute('CREATE TABLE user (id TEXT NOT NULL PRIMARY KEY, username TEXT NOT NULL, hashed_password TEXT)')\ndb.execute(\"INSERT INTO user VALUES ('1', 'Bob', NULL), ('2', 'BOB', NULL)\")\ndb.execute('CREATE TABLE session (id TEXT NOT NULL PRIMARY KEY, expires_at INTEGER NOT NULL, user_id TEXT NOT NULL)')\ndb.commit()\n")
        let outcome = try await SQLiteProvisioner.run(path: path, format: .luciaV3, dryRun: false)
        let index = outcome.steps.first { $0.id == "sqlite.index.username-nocase" }
        #expect(index?.status == .blocked)
        #expect(index?.items == ["BOB", "Bob"])
        #expect(outcome.exitStatus == 1)
    }

    /// An empty file says nothing about its format: the ledger does, for every format, so a later
    /// `provision` and `AuthStore.open` without a format pick the one provisioned.
    @Test(arguments: SessionTokenFormat.allCases)
    func theLedgerRecordsTheFormatOfAnEmptyStore(format: SessionTokenFormat) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("auth.db")
        _ = try await SQLiteProvisioner.run(path: path, format: format, dryRun: false, toolVersion: "9.9.9")
        let report = try #require(try await SQLiteAuthBackend.inspect(path: path))
        #expect(report.sampleSessionIDs.isEmpty && report.recordedSessionFormat == format)
        let again = try await SQLiteProvisioner.run(path: path, format: nil, dryRun: false)
        #expect(again.sessionFormat == format && again.changedNothing)
        let backend = try await SQLiteAuthBackend.open(path: path)
        defer { backend.close() }
        #expect(try await AuthStore.open(backend: backend).tokenFormat == format)
        // One row per applied step, with the tool's version; the unchanged second run added none.
        let rows = try python("import sqlite3\nprint(sqlite3.connect('\(path)').execute(\"SELECT count(*), min(tool_version), min(session_format) FROM auth_provision\").fetchone())\n")
        let applied = format.storesSecretHash ? 6 : 5
        #expect(rows.trimmingCharacters(in: .whitespacesAndNewlines) == "(\(applied), '9.9.9', '\(format.rawValue)')")
    }

    func python(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let pipe = try ChildProcess.spawning { () throws -> Pipe in
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            return pipe
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        ChildProcess.waitForExit(process)
        return String(decoding: data, as: UTF8.self)
    }
}
