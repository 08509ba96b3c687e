import Foundation
import Testing
import TestSupport

/// `mongo-doctor log` on large files, standard input, invalid UTF-8, and the verdict rule.
@Suite struct LogAtScaleCommandTests {
    static let date = #""t":{"$date":"2024-03-01T10:00:00.000+01:00"}"#
    static let starting = #"{\#(date),"s":"I","c":"CONTROL","id":4615611,"ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"h"}}"#
    static let waiting = #"{\#(date),"s":"I","c":"NETWORK","id":23016,"ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}"#
    static let portInUse = #"{\#(date),"s":"E","c":"NETWORK","id":20568,"ctx":"initandlisten","msg":"Error setting up listener","attr":{"error":{"code":9001,"codeName":"SocketException","errmsg":"Address already in use"}}}"#
    static let unknownError = #"{\#(date),"s":"E","c":"STORAGE","id":99997,"ctx":"initandlisten","msg":"Flux capacitor failed"}"#

    static func routine(count: Int) -> String {
        (0..<count).map { n in
            #"{\#(date),"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted","attr":{"remote":"127.0.0.1:\#(40000 + n % 20000)","connectionId":\#(n),"connectionCount":3}}"#
        }.joined(separator: "\n") + "\n"
    }

    func report(_ args: [String], stdin: String? = nil) throws -> (Int32, [String: Any]) {
        let out = try ProcessRunner.run("mongo-doctor", args, stdin: stdin)
        return (out.status, try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]))
    }

    func findings(_ json: [String: Any]) -> [[String: Any]] { json["findings"] as? [[String: Any]] ?? [] }
    func log(_ json: [String: Any]) -> [String: Any] { json["log"] as? [String: Any] ?? [:] }

    @Test func aLargeFileIsReadFromItsEndOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let text = Self.routine(count: 100_000) + [Self.starting, Self.portInUse].joined(separator: "\n") + "\n"
        try text.write(toFile: dir.appending("mongod.log"), atomically: true, encoding: .utf8)
        let (status, json) = try report(["log", dir.appending("mongod.log"), "--json"])
        #expect(status == 1)
        #expect(findings(json).map { $0["id"] as? String } == ["port.in-use", "log.exit-code"])
        let size = text.utf8.count
        #expect((log(json)["bytesRead"] as? Int ?? size) < size / 4)
        #expect(log(json)["startedAtOffset"] as? Int == size - ([Self.starting, Self.portInUse].joined(separator: "\n") + "\n").utf8.count)
        #expect(log(json)["truncated"] as? Bool == false)
        #expect(log(json)["outcome"] as? String == "failed")
        #expect(log(json)["linesRead"] as? Int == 2)
    }

    @Test func invalidUTF8FatalLinesExit1QuotingWithReplacementCharacters() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var bytes: [UInt8] = []
        for _ in 0..<1000 {
            bytes += Array(#"{\#(Self.date),"s":"F","c":"CONTROL","id":99998,"ctx":"main","msg":"bad "#.utf8) + [0xFF, 0xFE]
            bytes += Array(#" bytes"}"#.utf8) + [0x0A]
        }
        try Data(bytes).write(to: URL(fileURLWithPath: dir.appending("bad.log")))
        let (status, json) = try report(["log", dir.appending("bad.log"), "--json"])
        #expect(status == 1)
        let first = try #require(findings(json).first)
        #expect(first["id"] as? String == "log.unrecognized")
        #expect(first["severity"] as? String == "error")
        #expect((first["title"] as? String)?.contains("bad \u{FFFD}\u{FFFD} bytes") == true)
        #expect(log(json)["linesRead"] as? Int == 1000)
        #expect(log(json)["linesIgnored"] as? Int == 0)
    }

    @Test func standardInputIsStreamed() throws {
        let stdin = [Self.starting, Self.unknownError].joined(separator: "\n") + "\n" + Self.routine(count: 20_000)
            + [Self.starting, Self.portInUse].joined(separator: "\n")
        let (status, json) = try report(["log", "-", "--json"], stdin: stdin)
        #expect(status == 1)
        #expect(findings(json).map { $0["id"] as? String } == ["port.in-use", "log.exit-code"])
        #expect(log(json)["startups"] as? Int == 2)
        #expect(log(json)["bytesRead"] as? Int == stdin.utf8.count)
        #expect(log(json)["startedAtOffset"] as? Int == stdin.utf8.count - ([Self.starting, Self.portInUse].joined(separator: "\n")).utf8.count)
        #expect(log(json)["linesRead"] as? Int == 20_004)
    }

    @Test("the verdict rule decides the exit status", arguments: [
        ([starting, waiting], Int32(0), "running", [String]()),
        ([starting, unknownError], 1, "failed", ["log.unrecognized"]),
        ([starting, waiting, unknownError], 0, "running", ["log.unrecognized"]),
        ([starting], 0, "not shown", ["log.outcome-unknown"]),
    ])
    func verdict(lines: [String], status: Int32, outcome: String, ids: [String]) throws {
        let (exit, json) = try report(["log", "-", "--json"], stdin: lines.joined(separator: "\n"))
        #expect(exit == status)
        #expect(log(json)["outcome"] as? String == outcome)
        #expect(findings(json).map { $0["id"] as? String } == ids)
        if outcome == "failed" { #expect(findings(json).first?["severity"] as? String == "error") }
    }
}
