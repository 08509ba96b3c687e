import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing

/// `--platform windows`: Windows paths, commands and the service config path in fix text,
/// and no automatic action (they would touch this Linux host).
@Suite("--platform windows fix text")
struct WindowsTextTests {
    @Test(
        "missing dbpath gives mkdir with Windows quoting and icacls, never an automatic action",
        arguments: [
            (#"C:\data\db"#, #"mkdir C:\data\db"#),
            (#"C:\Program Files\MongoDB\data"#, #"mkdir "C:\Program Files\MongoDB\data""#),
        ])
    func missingDbPath(_ path: String, _ mkdir: String) async throws {
        let outcome = try await runCheck("dbpath", LocalSetup(dbPath: path), platform: .windows)
        let finding = try #require(outcome.finding("dbpath.missing"))
        #expect(finding.severity == .error)
        let fix = try #require(finding.fixes.first)
        #expect(fix.commands.first == mkdir)
        #expect(fix.commands.contains { $0.hasPrefix("icacls ") && $0.contains(#""NT AUTHORITY\NetworkService:(OI)(CI)M""#) })
        #expect(!fix.isAutomatic)
    }

    @Test("the default Windows dbpath is C:\\data\\db and the config path is the service's mongod.cfg")
    func defaultDbPath() async throws {
        let outcome = try await runCheck("dbpath", LocalSetup(), platform: .windows)
        let finding = try #require(outcome.finding("dbpath.missing"))
        #expect(finding.severity == .warning)
        #expect(finding.allCommands.first == #"mkdir C:\data\db"#)
        #expect(finding.fixes.contains { $0.summary.contains(#"C:\Program Files\MongoDB\Server\<version>\bin\mongod.cfg"#) })
    }

    @Test("port in use on Windows shows netstat | findstr and taskkill")
    func portInUse() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let outcome = try await runCheck("port", LocalSetup(port: listener.port), platform: .windows)
        let finding = try #require(outcome.finding("port.in-use"))
        #expect(finding.allCommands.contains("netstat -ano | findstr :\(listener.port)"))
        #expect(finding.allCommands.contains("taskkill /PID \(getpid())"))
    }

    @Test("missing log directory on Windows: mkdir of the parent, quoted")
    func logDirectory() async throws {
        let log = #"C:\Program Files\MongoDB\log\mongod.log"#
        let outcome = try await runCheck("logpath", LocalSetup(logPath: log), platform: .windows)
        let finding = try #require(outcome.finding("logpath.not-writable"))
        #expect(finding.allCommands.first == #"mkdir "C:\Program Files\MongoDB\log""#)
        #expect(finding.fixes.allSatisfy { !$0.isAutomatic })
    }

    @Test("mongod not found on Windows suggests winget, then starting the service")
    func install() async throws {
        let outcome = try await runCheck("mongod.binary", LocalSetup(searchPath: []), platform: .windows)
        let finding = try #require(outcome.finding("mongod.not-found"))
        #expect(finding.allCommands == ["winget install MongoDB.Server", "net start MongoDB"])
    }

    @Test("no Unix socket check on Windows")
    func socket() async throws {
        let outcome = try await runCheck("socket", LocalSetup(), platform: .windows)
        #expect(outcome.status == .skipped)
    }
}
