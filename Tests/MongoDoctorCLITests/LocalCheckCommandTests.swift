import Foundation
import Testing
import TestSupport

/// `check` with local flags and `--fix`, through the real binary, on real temporary directories.
@Suite struct LocalCheckCommandTests {
    func report(_ args: [String]) throws -> (Int32, [String: Any], String) {
        let out = try ProcessRunner.run("mongo-doctor", args)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        return (out.status, json, out.stderr)
    }

    func ids(_ report: [String: Any]) -> [String] {
        (report["findings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    }

    @Test func missingDbPathIsReportedThenFixedWithOwnerAndMode() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dbpath = dir.appending("data/db")
        let (status, before, _) = try report(["check", "--dbpath", dbpath, "--json"])
        #expect(status == 1)
        #expect(ids(before).contains("dbpath.missing"))
        let fix = (before["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "dbpath.missing" }?["fixes"] as? [[String: Any]]
        #expect(fix?.first?["automatic"] as? Bool == true)
        #expect(!FileManager.default.fileExists(atPath: dbpath))  // showing a fix never applies it

        let (_, after, stderr) = try report(["check", "--dbpath", dbpath, "--fix", "--yes", "--json"])
        #expect(!ids(after).contains("dbpath.missing"))
        #expect(stderr.contains("mongo-doctor can fix"))
        let applied = try #require((after["fixesApplied"] as? [[String: Any]])?.first)
        #expect(applied["finding"] as? String == "dbpath.missing" && applied["ok"] as? Bool == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: dbpath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o750)
        #expect((attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid())
    }

    @Test func underSudoTheDirectoryGoesToTheInvokingUserNotRoot() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dbpath = dir.appending("db")
        var env = ProcessInfo.processInfo.environment
        env["SUDO_USER"] = "nobody"
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--dbpath", dbpath, "--fix", "--yes", "--json"], environment: env)
        #expect(out.stderr.contains("owned by nobody"))
        let attributes = try FileManager.default.attributesOfItem(atPath: dbpath)
        #expect(attributes[.ownerAccountName] as? String == "nobody")
    }

    @Test func fixWithoutATerminalAndWithoutYesAppliesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let dbpath = dir.appending("db")
        let (status, after, stderr) = try report(["check", "--dbpath", dbpath, "--fix", "--json"])
        #expect(status == 1)
        #expect(ids(after).contains("dbpath.missing"))
        #expect(stderr.contains("pass --yes to apply"))
        #expect(!FileManager.default.fileExists(atPath: dbpath))
    }

    @Test func windowsPlatformShowsWindowsCommandsAndAppliesNothing() throws {
        let (_, json, _) = try report(["check", "--dbpath", #"C:\data\db"#, "--platform", "windows", "--fix", "--yes", "--json"])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "dbpath.missing" })
        let commands = (finding["fixes"] as? [[String: Any]])?.flatMap { $0["commands"] as? [String] ?? [] } ?? []
        #expect(commands.contains { $0.contains(#"mkdir C:\data\db"#) || $0.contains(#"mkdir "C:\data\db""#) })
        #expect((json["fixesApplied"] as? [Any])?.isEmpty == true)
    }

    @Test func configuredLogIsExplained() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try (LogCommandTests.seed + "\n").write(toFile: dir.appending("mongod.log"), atomically: true, encoding: .utf8)
        let (status, json, _) = try report(["check", "--log", dir.appending("mongod.log"), "--dbpath", dir.path, "--json"])
        #expect(status == 1)
        let logCheck = (json["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "mongod.log" }
        #expect(logCheck?["status"] as? String == "failed")
        #expect(ids(json).contains("log.exit-code"))
    }

    @Test func badYAMLConfigIsAFindingWithLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try "storage:\n\tdbPath: /data/db\n".write(toFile: dir.appending("mongod.conf"), atomically: true, encoding: .utf8)
        let (status, json, _) = try report(["check", "--config", dir.appending("mongod.conf"), "--json"])
        #expect(status == 1)
        let finding = try #require((json["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "config.invalid-yaml" })
        #expect((finding["title"] as? String)?.contains("line 2") == true)
    }

    @Test func anotherProgramOnThePortIsNamedAsTheHolder() throws {
        let listener = try LoopbackListener(.reply(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)))
        defer { listener.stop() }
        let (status, report, _) = try report(["check", "--port", String(listener.port), "--json"])
        #expect(status == 1)
        #expect(ids(report).contains("tcp.not-mongodb"))
        let finding = try #require((report["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "port.in-use" })
        #expect(finding["severity"] as? String == "error")
        #expect((finding["title"] as? String)?.contains("pid \(getpid())") == true)
        #expect((finding["title"] as? String)?.hasSuffix("which is not MongoDB") == true)
        let port = (report["checks"] as? [[String: Any]])?.first { $0["id"] as? String == "port" }
        #expect(port?["detail"] as? String == "port \(listener.port) is taken; bindIp localhost")

        let text = try ProcessRunner.run("mongo-doctor", ["check", "--port", String(listener.port)])
        #expect(text.stdout.contains("which is not MongoDB"))
        #expect(!text.stdout.contains("the server answers there"))
    }
}

/// `check --catalog DIR` rewords the local findings with the user's entries.
@Suite struct LocalCatalogCommandTests {
    @Test func aUserCatalogRewordsDbPathMissing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let catalog = dir.appending("catalog")
        try FileManager.default.createDirectory(atPath: catalog, withIntermediateDirectories: false)
        let entry = #"{"area": "ours", "entries": [{"id": "dbpath.missing", "severity": "error", "title": "Bitte {dbpath} anlegen"}]}"#
        try entry.write(toFile: catalog + "/ours.json", atomically: true, encoding: .utf8)
        let dbpath = dir.appending("db")
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--dbpath", dbpath, "--catalog", catalog, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "dbpath.missing" })
        #expect(finding["title"] as? String == "Bitte \(dbpath) anlegen")
        #expect(out.status == 1)
        let text = try ProcessRunner.run("mongo-doctor", ["check", "--dbpath", dbpath, "--catalog", catalog])
        #expect(text.stdout.contains("Bitte \(dbpath) anlegen"))
        let fixes = finding["fixes"] as? [[String: Any]]
        #expect(fixes?.first?["automatic"] as? Bool == true, "the automatic fix the user's entry does not list is kept")
    }
}
