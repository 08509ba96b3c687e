import DoctorCore
import MongodDiagnosis
import Testing

/// The verdict rule: a failed last startup is an error even when the catalog does not know the
/// cause; only a startup shown running (or stopped cleanly) is without error.
@Suite("Verdict of the last startup")
struct VerdictTests {
    static let unknownError = #"{\#(Fixtures.date),"s":"E","c":"STORAGE","id":99997,"ctx":"initandlisten","msg":"Flux capacitor failed","attr":{"error":"SomethingNew: mongodb://admin:hunter2@db.example.com went missing"}}"#
    static let fassert = #"{\#(Fixtures.date),"s":"F","c":"-","id":23091,"ctx":"conn12","msg":"Fatal assertion","attr":{"msgid":12345,"file":"src/mongo/db/x.cpp","line":7}}"#
    static let shutdown = #"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":23138,"ctx":"SignalHandler","msg":"Shutting down","attr":{"exitCode":0}}"#
    static let legacyWaiting = "2019-03-22T10:20:31.000+0000 I NETWORK  [initandlisten] waiting for connections on port 27017"
    static let legacyStarting = "2019-03-22T10:20:30.123+0000 I CONTROL  [initandlisten] MongoDB starting : pid=1 port=27017 dbpath=/data/db 64-bit host=h"

    @Test("outcome, error findings and the id of the first finding", arguments: [
        ([Fixtures.starting(), Fixtures.waiting], StartupOutcome.running, false, nil as String?),
        ([Fixtures.starting(), Fixtures.openFiles, Fixtures.waiting], .running, false, "limits.open-files"),
        ([Fixtures.starting(), unknownError], .failed, true, "log.unrecognized"),
        ([Fixtures.starting(), Fixtures.waiting, unknownError], .running, false, "log.unrecognized"),
        ([Fixtures.starting(), Fixtures.waiting, fassert], .failed, true, "log.unrecognized"),
        ([Fixtures.starting(), Fixtures.waiting, shutdown], .stopped, false, "log.exit-code"),
        ([Fixtures.starting()], .notShown, false, "log.outcome-unknown"),
        ([legacyStarting, legacyWaiting], .running, false, nil),
        ([Fixtures.starting(), Fixtures.portInUse], .failed, true, "port.in-use"),
    ])
    func verdict(lines: [String], outcome: StartupOutcome, hasError: Bool, first: String?) throws {
        let analysis = try Fixtures.analyze(lines)
        #expect(analysis.outcome == outcome)
        #expect(analysis.findings.contains { $0.severity == .error } == hasError)
        #expect(analysis.findings.first?.id.rawValue == first)
    }

    @Test("an unknown E line of a failed startup is an error quoting the line with secrets masked")
    func unknownErrorQuoted() throws {
        let analysis = try Fixtures.analyze([Fixtures.starting(), Self.unknownError])
        let finding = try #require(analysis.findings.first)
        #expect(finding.id == .logUnrecognized)
        #expect(finding.severity == .error)
        #expect(finding.title.contains("Flux capacitor failed"))
        #expect(!finding.title.contains("hunter2"))
        #expect(!finding.evidence.joined().contains("hunter2"))
    }

    @Test("a log that ends mid-startup says the outcome is not shown, as a warning")
    func outcomeUnknown() throws {
        let analysis = try Fixtures.analyze([Fixtures.starting(), Fixtures.uncleanShutdown])
        let finding = try #require(analysis.findings.first { $0.id == .logOutcomeUnknown })
        #expect(finding.severity == .warning)
        #expect(finding.evidence.first?.contains("Detected unclean shutdown") == true)
    }
}
