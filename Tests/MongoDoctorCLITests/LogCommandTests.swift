import Foundation
import Testing
import TestSupport

/// `mongo-doctor log` on real mongod log lines (from mongodb-failures.md §2).
@Suite struct LogCommandTests {
    /// The seed: mongod 4.4+ on Windows with no C:\data\db (mongodb-failures.md §2, row 1).
    static let seed = #"{"t":{"$date":"2024-03-01T10:00:00.000+01:00"},"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory C:\\data\\db\\ not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file."}}"#

    func report(_ args: [String], stdin: String? = nil) throws -> (Int32, [String: Any]) {
        let out = try ProcessRunner.run("mongo-doctor", args, stdin: stdin)
        return (out.status, try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]))
    }

    @Test func seedLineIsAMissingDataDirectoryWithExitCode100() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try (Self.seed + "\n").write(toFile: dir.appending("mongod.log"), atomically: true, encoding: .utf8)
        let (status, json) = try report(["log", dir.appending("mongod.log"), "--json"])
        #expect(status == 1)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == ["dbpath.missing", "log.exit-code"])
        let commands = (findings[0]["fixes"] as? [[String: Any]])?.first?["commands"] as? [String]
        #expect(commands == [#"mkdir C:\data\db"#])
        #expect((json["log"] as? [String: Any])?["exitCode"] as? Int == 100)
        #expect((json["log"] as? [String: Any])?["platform"] as? String == "windows")
        #expect((findings[1]["title"] as? String)?.contains("100") == true)
    }

    @Test func standardInputAndPlatformOverride() throws {
        let (status, json) = try report(["log", "-", "--json", "--platform", "linux"], stdin: Self.seed)
        #expect(status == 1)
        #expect((json["log"] as? [String: Any])?["platform"] as? String == "linux")
    }

    /// The fragment articles and Compass show (no timestamp, no closing brace): id 20557 of
    /// src/mongo/db/mongod_main.cpp with the NonExistentPath text (mongodb-failures.md §2 row 1).
    static let fragment = #""DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory C:\\data\\db\\ not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file."}"#

    @Test func pastedFragmentFromAFileAndFromStandardInput() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try (Self.fragment + "\n").write(toFile: dir.appending("paste.txt"), atomically: true, encoding: .utf8)
        for (args, stdin) in [(["log", dir.appending("paste.txt"), "--json"], nil), (["log", "-", "--json"], Self.fragment)] {
            let (status, json) = try report(args, stdin: stdin)
            #expect(status == 1)
            let findings = try #require(json["findings"] as? [[String: Any]])
            #expect(findings.first?["id"] as? String == "dbpath.missing")
            let commands = (findings.first?["fixes"] as? [[String: Any]])?.first?["commands"] as? [String]
            #expect(commands == [#"mkdir C:\data\db"#])
            #expect((json["log"] as? [String: Any])?["exitCode"] as? Int == 100)
            #expect((json["log"] as? [String: Any])?["platform"] as? String == "windows")
        }
    }

    @Test("unusable input exits 2 with one line", arguments: [
        (["log", "/nonexistent/mongod.log"], "", "cannot read log /nonexistent/mongod.log: no such file"),
        (["log", "-"], "just some text\nnothing to see\n", "not a mongod log"),
        (["log", "-", "--catalog", "/nonexistent/catalog"], "", "/nonexistent/catalog"),
    ])
    func unusable(args: [String], stdin: String, message: String) throws {
        let out = try ProcessRunner.run("mongo-doctor", args, stdin: stdin)
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains(message))
        #expect(out.stderr.split(separator: "\n").count == 1)
    }

    @Test func badUserCatalogNamesFileAndEntry() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try #"{"entries":[{"id":"x.broken","severity":"fatal","title":"t","match":{"messagePattern":"("}}]}"#
            .write(toFile: dir.appending("mine.json"), atomically: true, encoding: .utf8)
        let out = try ProcessRunner.run("mongo-doctor", ["log", "-", "--catalog", dir.path], stdin: Self.seed)
        #expect(out.status == 2)
        #expect(out.stderr.contains("mine.json"))
        #expect(out.stderr.contains("x.broken"))
    }
}
