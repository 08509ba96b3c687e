import Foundation
import Testing
import TestSupport

/// The built binary given garbage: binary files as logs, configurations and `auth.db`, a PNG named
/// `auth.db`, a truncated SQLite file, connection strings that are far too long or not UTF-8. Each gets
/// a one-line error naming what is wrong and where, the documented exit code, never a crash, a signal
/// or a stack trace; and the file given is left exactly as it was (bytes, modification time, and no
/// journal or WAL file beside it).
@Suite("the CLI given garbage")
struct GarbageInputTests {
    /// The garbage files, each alone in a directory of its own (so anything written beside it shows).
    enum Garbage: String, CaseIterable, CustomTestStringConvertible {
        case binary, png, truncatedSQLite, shortText
        var testDescription: String { rawValue }

        /// The file's name: a PNG and a truncated database are called `auth.db`, as a user would.
        var fileName: String { self == .binary ? "garbage.bin" : "auth.db" }

        func bytes() throws -> [UInt8] {
            switch self {
            case .binary:
                // 64 KiB from a fixed xorshift sequence: reproducible, and not UTF-8 (nor any text).
                var state: UInt64 = 0x9E37_79B9_7F4A_7C15
                return (0..<65536).map { _ in
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17
                    return UInt8(truncatingIfNeeded: state >> 32)
                }
            case .png:
                return GarbageInputTests.png
            case .shortText:
                // Shorter than a page: SQLite alone would open it as an empty database and write over it.
                return Array("notes: buy milk\n".utf8)
            case .truncatedSQLite:
                let dir = try TemporaryDirectory()
                defer { dir.remove() }
                let path = dir.appending("auth.db")
                let out = try ProcessRunner.run("mongo-doctor", ["provision", "--sqlite", path])
                #expect(out.status == 0, "provision: \(out.combined)")
                let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                #expect(whole.count > 4096)
                return Array(whole.prefix(whole.count / 2 + 100))
            }
        }
    }

    /// A 1x1 PNG (signature, IHDR, IDAT, IEND).
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0x0F, 0x00, 0x00,
        0x01, 0x01, 0x00, 0x05, 0x18, 0xD8, 0x4E, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ]

    /// One garbage file written into a fresh directory, with what it held and when it was written.
    struct Planted {
        let directory: TemporaryDirectory
        let path: String
        let bytes: [UInt8]
        let modified: Date

        init(_ garbage: Garbage) throws {
            directory = try TemporaryDirectory()
            path = directory.appending(garbage.fileName)
            bytes = try garbage.bytes()
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            // An old modification time, so that a rewrite within the same second would still show.
            modified = Date(timeIntervalSince1970: 1_700_000_000)
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        }

        /// The file holds what it held, has its old modification time, and nothing was written beside it.
        func expectUntouched(_ what: String) throws {
            #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "\(what) changed the file")
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect(attributes[.modificationDate] as? Date == modified, "\(what) touched the file's mtime")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(names == [URL(fileURLWithPath: path).lastPathComponent], "\(what) wrote beside the file: \(names)")
        }
    }

    /// What a crash, a signal or an uncaught Swift error would print.
    static let crashMarks = ["Fatal error", "Stack dump", "stack trace", "Segmentation fault", "SIGSEGV", "SIGILL", "SIGABRT", "Illegal instruction", "AddressSanitizer", "#0 0x"]

    /// `status` is the expected exit code; `words` must all be in the one-line error on stderr.
    static func expectOneLineError(_ out: ProcessRunner.Output, status: Int32 = 2, _ words: [String], _ what: String) {
        #expect(out.status == status, "\(what): exit \(out.status): \(out.combined)")
        #expect(out.stdout.isEmpty, "\(what) printed on stdout: \(out.stdout.prefix(300))")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(what): expected one line on stderr: \(out.stderr.prefix(600))")
        #expect(out.stderr.hasPrefix("mongo-doctor: "), "\(what): \(out.stderr.prefix(300))")
        #expect(!out.stderr.contains("AuthStoreError."), "\(what): an error type's name in: \(out.stderr.prefix(300))")
        for word in words { #expect(out.stderr.contains(word), "\(what): no '\(word)' in: \(out.stderr)") }
        for mark in crashMarks { #expect(!out.combined.contains(mark), "\(what) crashed: \(out.combined.prefix(600))") }
    }

    /// `log FILE`, `users list --sqlite FILE`, `provision --sqlite FILE --dry-run` on every garbage file.
    @Test("a garbage file as a log or an auth.db", arguments: Garbage.allCases)
    func garbageFile(garbage: Garbage) throws {
        let file = try Planted(garbage)
        defer { file.directory.remove() }
        let sqliteReason = garbage == .truncatedSQLite ? "damaged" : "not an SQLite database"
        let invocations: [(args: [String], words: [String])] = [
            (["log", file.path], ["not a mongod log", file.path]),
            (["users", "list", "--sqlite", file.path], [sqliteReason, file.path]),
            (["provision", "--sqlite", file.path, "--dry-run"], [sqliteReason, file.path]),
            (["provision", "--sqlite", file.path], [sqliteReason, file.path]),
            (["sessions", "purge-expired", "--sqlite", file.path], [sqliteReason, file.path]),
        ]
        for (args, words) in invocations {
            let what = "mongo-doctor \(args.joined(separator: " "))"
            Self.expectOneLineError(try ProcessRunner.run("mongo-doctor", args), words, what)
            try file.expectUntouched(what)
        }
    }

    /// A real SQLite database that is not an auth store (an app's own file) is refused by the admin
    /// commands, never given AuthStore's tables.
    @Test func anotherAppsSQLiteDatabaseIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("app.db")
        _ = try TestPython.run("import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\ndb.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')\ndb.execute(\"INSERT INTO notes (body) VALUES ('keep me')\")\ndb.commit()\ndb.close()", [path])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let invocations: [(args: [String], stdin: String?)] = [
            (["users", "list", "--sqlite", path], nil),
            (["users", "add", "alice", "--password-stdin", "--sqlite", path], "correct horse battery\n"),
            (["sessions", "purge-expired", "--sqlite", path], nil),
        ]
        for (args, stdin) in invocations {
            let what = "mongo-doctor \(args.joined(separator: " "))"
            Self.expectOneLineError(try ProcessRunner.run("mongo-doctor", args, stdin: stdin), ["without the auth tables", path, "provision --sqlite"], what)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(what) changed the file")
        }
        let tables = try TestPython.run("import sqlite3, sys\nprint(','.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute(\"SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name\")))", [path])
        #expect(tables.trimmingCharacters(in: .whitespacesAndNewlines) == "notes")
    }

    /// `check --config FILE`: a configuration that is not text is a finding of the check (exit 1, the
    /// documented code for an error finding) that names the file, the line and column and the bad byte.
    @Test("a garbage file as mongod's configuration", arguments: [Garbage.binary, .png])
    func garbageConfig(garbage: Garbage) throws {
        let file = try Planted(garbage)
        defer { file.directory.remove() }
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--config", file.path, "--uri", "mongodb://127.0.0.1:1/", "--json"])
        #expect(out.status == 1, "exit \(out.status): \(out.stderr)")
        for mark in Self.crashMarks { #expect(!out.combined.contains(mark), "crashed: \(out.combined.prefix(600))") }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        let finding = try #require(findings.first { $0["id"] as? String == "config.invalid-yaml" }, "\(findings.map { $0["id"] })")
        let title = finding["title"] as? String ?? ""
        #expect(title.contains("not UTF-8 text (byte 0x\(String(format: "%02X", file.bytes[0]))") && title.contains("line 1, column 1"), "\(title)")
        let evidence = (finding["evidence"] as? [String] ?? []).joined(separator: "\n")
        #expect(evidence.contains("\(file.path):1:1: not UTF-8 text (byte 0x"), "\(evidence)")
        #expect(!findings.contains { $0["id"] as? String == "config.unreadable" }, "a readable file is not config.unreadable")
        try file.expectUntouched("check --config")
    }

    /// Invalid UTF-8 in a connection string on the command line and on standard input.
    @Test func connectionStringThatIsNotUTF8() throws {
        let binary = ProcessRunner.productsDirectory.appendingPathComponent("mongo-doctor").path
        // "mongodb://app:" is 14 bytes; the 0xFF follows. Through sh, since a Swift String cannot hold the byte.
        let argv = try ProcessRunner.run(at: URL(fileURLWithPath: "/bin/sh"), ["-c", #"exec "$0" uri "$(printf 'mongodb://app:\377pw@127.0.0.1/')""#, binary])
        Self.expectOneLineError(argv, ["argument 2 (after uri) is not valid UTF-8", "0xFF", "offset 14"], "uri ARG")
        #expect(!argv.combined.contains("pw@"), "the connection string is not quoted back")
        let checkArgv = try ProcessRunner.run(at: URL(fileURLWithPath: "/bin/sh"), ["-c", #"exec "$0" check --uri "$(printf 'mongodb://\300\200h/')""#, binary])
        Self.expectOneLineError(checkArgv, ["argument 3 (after --uri) is not valid UTF-8", "0xC0", "offset 10"], "check --uri ARG")
        let stdin = try ProcessRunner.run(at: URL(fileURLWithPath: "/bin/sh"), ["-c", #"printf 'mongodb://127.0.0.1/db\376\n' | exec "$0" uri -"#, binary])
        Self.expectOneLineError(stdin, ["standard input is not valid UTF-8", "0xFE", "offset 22"], "uri -")
    }

    /// A 10 MB connection string (on standard input: a command line holds at most 128 KiB per argument on
    /// Linux) is refused at once; a long one that fits (100 kB, on the command line) is linted, not crashed on.
    @Test func connectionStringThatIsFarTooLong() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let huge = dir.appending("uri.txt")
        try Data(("mongodb://127.0.0.1/?appName=" + String(repeating: "a", count: 10 << 20) + "\n").utf8).write(to: URL(fileURLWithPath: huge))
        let binary = ProcessRunner.productsDirectory.appendingPathComponent("mongo-doctor").path
        let clock = ContinuousClock()
        let start = clock.now
        let out = try ProcessRunner.run(at: URL(fileURLWithPath: "/bin/sh"), ["-c", #"exec "$0" uri - < "$1""#, binary, huge])
        Self.expectOneLineError(out, ["standard input is longer than 1 MiB"], "uri - (10 MB)")
        #expect(start.duration(to: clock.now) < .seconds(20))

        let long = "mongodb://127.0.0.1/?appName=" + String(repeating: "b", count: 100_000)
        let fits = try ProcessRunner.run("mongo-doctor", ["uri", long, "--json"])
        #expect(fits.status == 0 || fits.status == 1, "\(fits.stderr.prefix(300))")
        for mark in Self.crashMarks { #expect(!fits.combined.contains(mark)) }
        #expect(try JSONSerialization.jsonObject(with: Data(fits.stdout.utf8)) is [String: Any])
        let piped = try ProcessRunner.run("mongo-doctor", ["uri", "-", "--json"], stdin: "mongodb://127.0.0.1:27017/shop\n")
        #expect(piped.status == 0, "\(piped.combined)")
        #expect(piped.stdout.contains(#""targetSource":"standard input""#), "\(piped.stdout)")
    }

    /// A real log with bytes that are not UTF-8 inside its lines is still read and explained (mongod
    /// writes paths as it finds them), never crashed on; the file is left as it was.
    @Test func logWithInvalidUTF8IsStillExplained() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("mongod.log")
        // "@@" stands for a raw 0xFF byte in the data directory's path.
        let text = [
            #"{"t":{"$date":"2026-01-02T03:04:05.000+00:00"},"s":"I","c":"CONTROL","id":20698,"ctx":"main","msg":"***** SERVER RESTARTED *****"}"#,
            #"{"t":{"$date":"2026-01-02T03:04:05.100+00:00"},"s":"E","c":"STORAGE","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory /data/@@db not found."}}"#,
            #"{"t":{"$date":"2026-01-02T03:04:05.300+00:00"},"s":"I","c":"CONTROL","id":23138,"ctx":"initandlisten","msg":"Shutting down","attr":{"exitCode":100}}"#,
        ].joined(separator: "\n") + "\n"
        let parts = text.components(separatedBy: "@@")
        let bytes = Array(parts[0].utf8) + [0xFF] + Array(parts[1].utf8)
        #expect(String(data: Data(bytes), encoding: .utf8) == nil)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let out = try ProcessRunner.run("mongo-doctor", ["log", path, "--json"])
        #expect(out.status == 1, "a failed startup is an error finding: \(out.combined.prefix(600))")
        for mark in Self.crashMarks { #expect(!out.combined.contains(mark)) }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let ids = (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ids.contains("dbpath.missing"), "\(ids)")
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
    }
}
