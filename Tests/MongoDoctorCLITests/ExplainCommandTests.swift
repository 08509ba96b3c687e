import Foundation
import Testing
import TestSupport

/// `mongo-doctor explain`, through the real binary.
@Suite struct ExplainCommandTests {
    @Test func anEntryShowsMeaningDetectionAndEveryPlatformsFixes() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["explain", "dbpath.missing"])
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("dbpath.missing (error): The data directory "))
        for section in ["What it means:", "Fixes on Linux:", "Fixes on macOS:", "Fixes on Windows:", "exits with code 100"] {
            #expect(out.stdout.contains(section), "\(section)")
        }
        #expect(!out.stdout.contains("{"), "no unfilled placeholder: \(out.stdout)")
    }

    @Test func onePlatformOnlyWithPlatform() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["explain", "dbpath.missing", "--platform", "windows"])
        #expect(out.stdout.contains("Fixes on Windows:") && !out.stdout.contains("Fixes on Linux:"))
    }

    @Test("exit codes and statuses name their likely causes", arguments: [
        (["explain", "100"], "dbpath.missing"), (["explain", "48"], "port.in-use"), (["explain", "status=100"], "dbpath.missing"),
        (["explain", "status=4/ILL"], "SIGILL"),
    ])
    func exitStatuses(args: [String], expected: String) throws {
        let out = try ProcessRunner.run("mongo-doctor", args)
        #expect(out.status == 0)
        #expect(out.stdout.contains(expected), "\(out.stdout)")
        #expect(out.stdout.contains("$ mongo-doctor "))
    }

    @Test func anUnknownIdSaysDidYouMeanAndExitsTwo() throws {
        let out = try ProcessRunner.run("mongo-doctor", ["explain", "dbpath.mising"])
        #expect(out.status == 2)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr == "mongo-doctor: nothing is known as 'dbpath.mising'; did you mean dbpath.missing?\n")
    }

    @Test func jsonOfAnEntryAndOfTheList() throws {
        let entry = try ProcessRunner.run("mongo-doctor", ["explain", "port.in-use", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(entry.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "finding")
        let fields = try #require(object["entry"] as? [String: Any])
        #expect(fields["id"] as? String == "port.in-use" && fields["severity"] as? String == "error")
        #expect(Set((fields["fixes"] as? [String: Any])?.keys.map { $0 } ?? []) == ["linux", "macos", "windows"])

        let list = try ProcessRunner.run("mongo-doctor", ["explain", "--list", "--json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let ids = (listed["entries"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids.contains("dbpath.missing") && ids.contains("log.exit-code"))
        #expect(ids == ids.sorted())
    }

    @Test func neitherQueryNorListIsABadArgument() throws {
        #expect(try ProcessRunner.run("mongo-doctor", ["explain"]).status == 2)
        #expect(try ProcessRunner.run("mongo-doctor", ["explain", "x", "--list"]).status == 2)
    }

    @Test func aReportWithAnErrorEndsWithTheExplainHint() throws {
        let refusing = try RefusingPort()
        let out = try ProcessRunner.run("mongo-doctor", ["check", "--uri", "mongodb://127.0.0.1:\(refusing.port)"])
        #expect(out.stdout.hasSuffix("More on the first error: mongo-doctor explain tcp.refused\n"), "\(out.stdout)")
        let clean = try ProcessRunner.run("mongo-doctor", ["uri", "mongodb://127.0.0.1:27017/"])
        #expect(!clean.stdout.contains("mongo-doctor explain"))
    }
}
