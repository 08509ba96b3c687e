import DoctorCore
import MongodDiagnosis
import Testing

@Suite("Analyzer behaviour")
struct AnalyzerBehaviourTests {
    @Test("an unknown fatal line becomes log.unrecognized, an error (the verdict rule), quoting its message and error")
    func unrecognized() throws {
        let line = #"{\#(Fixtures.date),"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"SomethingNew: the flux capacitor is empty"}}"#
        let analysis = try Fixtures.analyze([Fixtures.starting(), line])
        let finding = try #require(analysis.findings.first)
        #expect(finding.id == "log.unrecognized")
        #expect(finding.severity == .error)
        #expect(finding.title.contains("SomethingNew: the flux capacitor is empty"))
        #expect(analysis.exitCode == 100)
    }

    @Test("unknown startup warnings are reported as warnings")
    func unknownStartupWarning() throws {
        let line = #"{\#(Fixtures.date),"s":"W","c":"CONTROL","id":22167,"ctx":"initandlisten","msg":"You are running on a NUMA machine","tags":["startupWarnings"]}"#
        let analysis = try Fixtures.analyze([Fixtures.starting(), line, Fixtures.openFiles, Fixtures.waiting])
        #expect(analysis.findings.map(\.id) == ["limits.open-files", "log.startup-warning"])
        #expect(analysis.findings.allSatisfy { $0.severity == .warning })
        #expect(analysis.exitCode == nil)
    }

    @Test("storage.downgrade is dropped when the chain is a permission problem")
    func suppression() throws {
        let analysis = try Fixtures.analyze(Fixtures.wiredTigerDenied)
        #expect(analysis.findings.map(\.id) == ["dbpath.wrong-owner", "log.exit-code"])
        #expect(analysis.findings.first?.evidence.count == 2)
    }

    @Test("the platform is inferred from the log", arguments: [
        (#"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":51765,"ctx":"initandlisten","msg":"Operating System","attr":{"os":{"name":"Microsoft Windows 10","version":"10.0 (build 19045)"}}}"#, Platform.windows),
        (#"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":51765,"ctx":"initandlisten","msg":"Operating System","attr":{"os":{"name":"Mac OS X","version":"21.6.0"}}}"#, Platform.macos),
        (#"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":51765,"ctx":"initandlisten","msg":"Operating System","attr":{"os":{"name":"Ubuntu","version":"22.04"}}}"#, Platform.linux),
        (Fixtures.transparentHugePages, Platform.linux),
    ])
    func platformInference(line: String, platform: Platform) throws {
        let analysis = try Fixtures.analyze([Fixtures.starting(), line], platform: nil)
        #expect(analysis.platform == platform)
    }

    @Test("kernel.thp applies to Linux only")
    func platformRule() throws {
        let analysis = try Fixtures.analyze([Fixtures.transparentHugePages], platform: .windows)
        #expect(!analysis.findings.contains { $0.id == "kernel.thp" })
    }

    @Test("server version and previous version come from Build Info lines")
    func versions() throws {
        func buildInfo(_ version: String) -> String {
            #"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":23403,"ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"\#(version)","environment":{"distmod":"ubuntu2204"}}}}"#
        }
        let lines = [Fixtures.starting(), buildInfo("7.0.5"), Fixtures.starting(), buildInfo("6.0.1"), Fixtures.wiredTigerDowngrade]
        let analysis = try Fixtures.analyze(lines, platform: nil)
        #expect(analysis.serverVersion == "6.0.1")
        #expect(analysis.platform == .linux)
        let finding = try #require(analysis.findings.first { $0.id == "storage.downgrade" })
        #expect(finding.detail.contains("(7.0.5)"))
    }

    @Test("MongodLogCheck returns the findings as a check outcome")
    func check() async throws {
        let analyzer = try MongodLogAnalyzer(catalog: Fixtures.builtInCatalog(), platform: .linux)
        let check = MongodLogCheck(source: "mongod.log", analyzer: analyzer) { Fixtures.portInUse }
        let outcome = try await check.run(in: CheckContext(platform: .linux))
        #expect(outcome.resolvedStatus == .failed)
        #expect(outcome.findings.first?.id == "port.in-use")
        #expect(outcome.detail.contains("exit code 48"))
    }
}
