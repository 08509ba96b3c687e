import DoctorCore
import MongodDiagnosis
import Testing

@Suite("Log parsing")
struct ParserTests {
    @Test("JSON line: id, severity, component and a string error split into code name and message")
    func jsonLine() throws {
        let log = MongodLogParser().parse(Fixtures.missingDbpathWindows)
        let event = try #require(log.events.first)
        #expect(event.format == .json)
        #expect(event.id == 20557)
        #expect(event.severity == .error)
        #expect(event.component == "CONTROL")
        #expect(event.error?.codeName == "NonExistentPath")
        #expect(event.error?.message.hasPrefix(#"Data directory C:\data\db\ not found."#) == true)
    }

    @Test("JSON line: an error object gives code, codeName and errmsg")
    func errorObject() throws {
        let event = try #require(MongodLogParser().parse(Fixtures.portInUse).events.first)
        #expect(event.error == LoggedError(code: 9001, codeName: "SocketException", message: "Address already in use"))
    }

    @Test("legacy text format is parsed and diagnosed")
    func legacy() throws {
        let log = MongodLogParser().parse(Fixtures.missingDbpathLegacy)
        let event = try #require(log.events.first)
        #expect(event.format == .legacy)
        #expect(event.severity == .error)
        #expect(event.component == "STORAGE")
        #expect(event.error?.code == 29)
        #expect(event.error?.codeName == "NonExistentPath")
        let analysis = try Fixtures.analyze([Fixtures.missingDbpathLegacy])
        #expect(analysis.findings.first?.id == "dbpath.missing")
        #expect(analysis.findings.first?.title == "The data directory /data/db does not exist")
        #expect(analysis.exitCode == 100)
    }

    @Test("journal and syslog prefixes are stripped", arguments: [
        "Nov 29 10:00:00 host mongod[123]: " + Fixtures.portInUse,
        "2024-03-01T10:00:00+0100 host mongod[123]: " + Fixtures.portInUse,
        "mongo-1  | " + Fixtures.portInUse,
    ])
    func journalPrefix(line: String) throws {
        let analysis = try Fixtures.analyze([line])
        #expect(analysis.findings.first?.id == "port.in-use")
        #expect(analysis.linesIgnored == 0)
        #expect(analysis.findings.first?.evidence.first?.contains(String(line.prefix(10))) == true)
    }

    @Test("systemd status line gives the exit code")
    func systemdStatus() throws {
        let analysis = try Fixtures.analyze(
            Fixtures.staleSocket + ["Nov 29 10:00:01 host systemd[1]: mongod.service: Main process exited, code=exited, status=14/n/a"])
        #expect(analysis.exitCode == 14)
        #expect(analysis.findings.first?.id == "socket.stale")
    }

    @Test("fork parent message: error number N is the exit code")
    func forkMessage() throws {
        let analysis = try Fixtures.analyze(Fixtures.forkFailure)
        #expect(analysis.exitCode == 48)
        let exit = try #require(analysis.findings.first { $0.id == "log.exit-code" })
        #expect(exit.title.contains("48"))
        #expect(exit.title.contains("netError"))
        // Exit code 48 and no catalog cause: still an error, which says the cause is in mongod's own
        // log and what to read next (the fork parent never shows it).
        let unknown = try #require(analysis.findings.first { $0.severity == .error })
        #expect(unknown.id == "mongod.failed-no-cause")
        #expect(unknown.fixes.contains { $0.id == "log.read-log-file" })
        #expect(analysis.outcome == .failed)
    }

    @Test("only the last of two startups is analysed")
    func twoStartups() throws {
        let restarted = #"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":20698,"ctx":"-","msg":"***** SERVER RESTARTED *****"}"#
        let lines = [
            restarted, Fixtures.starting(), Fixtures.portInUse,
            restarted, Fixtures.starting(), Fixtures.missingDbpathLinux,
        ]
        let analysis = try Fixtures.analyze(lines)
        #expect(analysis.startupCount == 2)
        #expect(analysis.findings.map(\.id) == ["dbpath.missing", "log.exit-code"])
        #expect(analysis.exitCode == 100)
    }

    @Test("routine JSON lines of earlier startups are counted but kept only on request", arguments: [false, true])
    func earlierStartups(keep: Bool) throws {
        let text = [Fixtures.starting(), Fixtures.openFiles, Fixtures.starting(), Fixtures.portInUse].joined(separator: "\n")
        let log = MongodLogParser(keepsEarlierStartups: keep).parse(text + "\n")
        #expect(log.linesRead == 4)
        #expect(log.linesIgnored == 0)
        #expect(log.startupCount == 2)
        #expect(log.events.count == (keep ? 4 : 3))
        #expect(log.lastStartup.map(\.lineNumber) == [3, 4])
    }

    @Test("legacy startups are counted")
    func legacyStartups() throws {
        let start = "2019-03-22T10:20:30.000+0000 I CONTROL  [initandlisten] MongoDB starting : pid=1 port=27017 dbpath=/srv/db 64-bit host=h"
        let log = MongodLogParser().parse([start, Fixtures.missingDbpathLegacy, start].joined(separator: "\n"))
        #expect(log.startupCount == 2)
        #expect(log.lastStartup.count == 1)
    }

    @Test("lines that are not log lines are counted, not fatal")
    func mixedGarbage() throws {
        let analysis = try Fixtures.analyze(["hello", Fixtures.portInUse, "{not json", "", "   "])
        #expect(analysis.linesRead == 5)
        #expect(analysis.linesIgnored == 2)
        #expect(analysis.findings.first?.id == "port.in-use")
    }

    @Test("input without any log line is an error naming the source", arguments: ["", "just some text\nand more", #"{"a":1}"#])
    func garbage(text: String) throws {
        let analyzer = try MongodLogAnalyzer(catalog: Fixtures.builtInCatalog(), platform: .linux)
        #expect(throws: MongodDiagnosisError.notAMongodLog(source: "notes.txt")) {
            try analyzer.analyze(text, source: "notes.txt")
        }
        let message = MongodDiagnosisError.notAMongodLog(source: "notes.txt").description
        #expect(message == "not a mongod log: no JSON or legacy log line found in notes.txt")
    }

    @Test("CRLF line endings are accepted")
    func crlf() throws {
        let analysis = try Fixtures.analyze([Fixtures.starting() + "\r", Fixtures.portInUse + "\r"])
        #expect(analysis.findings.first?.id == "port.in-use")
        #expect(analysis.linesIgnored == 0)
    }
}
