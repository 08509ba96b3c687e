import DoctorCore
import Foundation
import MongodDiagnosis
import Testing

/// Reading real log files from their end, and standard-input-like streams, with bounded work.
@Suite("Reading large logs")
struct LogReadingTests {
    /// Small blocks and bounds, so files of a few MiB exercise every path.
    static let limits = LogReadLimits(blockSize: 64 << 10, scanLimit: 1 << 20, versionLookback: 128 << 10)

    /// A routine line of a running server (connection accepted, id 22943), about 200 bytes.
    static func routine(_ n: Int) -> String {
        #"{\#(Fixtures.date),"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"Connection accepted","attr":{"remote":"127.0.0.1:\#(40000 + n % 20000)","uuid":"5a4e1c2b-\#(n)","connectionId":\#(n),"connectionCount":3}}"#
    }

    static func routineLines(bytes: Int) -> [String] {
        var lines: [String] = []
        var total = 0
        while total < bytes {
            lines.append(routine(lines.count))
            total += lines.last!.utf8.count + 1
        }
        return lines
    }

    static func write(_ lines: [String], to dir: TempDir, _ name: String = "mongod.log") throws -> String {
        let path = dir.url.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func analyzer() throws -> MongodLogAnalyzer {
        MongodLogAnalyzer(catalog: try Fixtures.builtInCatalog(), platform: .linux)
    }

    /// What a finding says, without its evidence (whose line numbers count from where reading began).
    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.id) \($0.severity) \($0.title) | \($0.detail) | \($0.fixes.map(\.commands))" }
    }

    @Test("weeks of normal lines then a failed startup: the same findings as the whole text, from the tail only")
    func failedStartupAtTheEnd() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let startup = [Fixtures.starting(dbPath: "/srv/db", port: 27018), Fixtures.openFiles, Fixtures.portInUse]
        let lines = Self.routineLines(bytes: 3 << 20) + startup
        let path = try Self.write(lines, to: dir)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let analysis = try Self.analyzer().analyze(file: try LogFileDescriptor(path: path), source: "mongod.log", limits: Self.limits)
        let whole = try Self.analyzer().analyze(lines.joined(separator: "\n"), source: "mongod.log")
        #expect(Self.summary(analysis.findings) == Self.summary(whole.findings))
        #expect(analysis.findings.map(\.id) == ["port.in-use", "limits.open-files", "log.exit-code"])
        #expect(analysis.scope.bytesRead < Int64(size / 4), "read \(analysis.scope.bytesRead) of \(size)")
        #expect(analysis.scope.startedAtOffset == Int64(size - (startup.joined(separator: "\n") + "\n").utf8.count))
        #expect(!analysis.scope.truncated)
        #expect(analysis.linesRead == 3)
        #expect(analysis.outcome == .failed)
        #expect(analysis.findings[0].evidence.first?.hasPrefix("mongod.log (from byte \(analysis.scope.startedAtOffset)):3: ") == true)
    }

    @Test("no startup within the scan limit: only that much is read, and log.tail-only says so")
    func noStartupMarker() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try Self.write(Self.routineLines(bytes: 3 << 20), to: dir)
        let analysis = try Self.analyzer().analyze(file: try LogFileDescriptor(path: path), source: "mongod.log", limits: Self.limits)
        #expect(analysis.scope.truncated)
        #expect(analysis.scope.bytesRead <= 2 * Self.limits.scanLimit + 64 << 10)
        #expect(analysis.scope.startedAtOffset >= (3 << 20) - Self.limits.scanLimit)
        #expect(analysis.linesRead < (1 << 20) / 150)
        let note = try #require(analysis.findings.first { $0.id == "log.tail-only" })
        #expect(note.severity == .info)
        #expect(note.title.contains("last 1 MiB"))
        #expect(analysis.outcome == .running)
        #expect(!analysis.findings.contains { $0.severity == .error })
    }

    @Test("the Build Info line of the startup before is found reading back (storage.downgrade names it)")
    func previousVersion() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        func buildInfo(_ version: String) -> String {
            #"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":23403,"ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"\#(version)","environment":{"distmod":"ubuntu2204"}}}}"#
        }
        let lines = Self.routineLines(bytes: 1 << 20) + [Fixtures.starting(), buildInfo("7.0.5")] + Self.routineLines(bytes: 64 << 10)
            + [Fixtures.starting(), buildInfo("6.0.1"), Fixtures.wiredTigerDowngrade]
        let path = try Self.write(lines, to: dir)
        let analysis = try Self.analyzer().analyze(file: try LogFileDescriptor(path: path), source: "mongod.log", limits: Self.limits)
        #expect(analysis.serverVersion == "6.0.1")
        let finding = try #require(analysis.findings.first { $0.id == "storage.downgrade" })
        #expect(finding.detail.contains("(7.0.5)"))
    }

    @Test("SERVER RESTARTED just before MongoDB starting begins the same startup")
    func restartedMarker() throws {
        let restarted = #"{\#(Fixtures.date),"s":"I","c":"CONTROL","id":20698,"ctx":"-","msg":"***** SERVER RESTARTED *****"}"#
        let startup = [restarted, Self.routine(1), Fixtures.starting(), Fixtures.missingDbpathLinux]
        let bytes = Array((Self.routineLines(bytes: 512 << 10) + startup).joined(separator: "\n").utf8)
        let analysis = try Self.analyzer().analyze(file: InMemoryLog(bytes), source: "x", limits: Self.limits)
        #expect(analysis.scope.startedAtOffset == Int64(bytes.count - startup.joined(separator: "\n").utf8.count))
        #expect(analysis.startupCount == 1)
        #expect(analysis.findings.map(\.id) == ["dbpath.missing", "log.exit-code"])
    }

    @Test("a stream keeps only the last startup: same findings as the text, offset of that startup")
    func stream() throws {
        let text = ([Fixtures.starting(), Fixtures.portInUse] + Self.routineLines(bytes: 256 << 10)
            + [Fixtures.starting(), Fixtures.openFiles] + Self.routineLines(bytes: 256 << 10) + [Fixtures.dbpathInUse])
            .joined(separator: "\n")
        var input = InMemoryLog(Array(text.utf8))
        let analysis = try Self.analyzer().analyze(stream: &input, source: "standard input", limits: Self.limits)
        let whole = try Self.analyzer().analyze(text, source: "standard input")
        #expect(Self.summary(analysis.findings) == Self.summary(whole.findings))
        #expect(analysis.findings.first?.evidence == whole.findings.first?.evidence)
        #expect(analysis.findings.map(\.id) == ["dbpath.in-use", "limits.open-files", "log.exit-code"])
        #expect(analysis.startupCount == 2)
        #expect(analysis.scope.bytesRead == Int64(text.utf8.count))
        #expect(analysis.scope.startedAtOffset == Int64(text.utf8.count) - Int64(text.components(separatedBy: Fixtures.starting()).last!.utf8.count + Fixtures.starting().utf8.count))
    }

    @Test("more lines that matter than are kept: the first cause and the last line are still found")
    func boundedRetention() throws {
        let unknown = #"{\#(Fixtures.date),"s":"W","c":"STORAGE","id":99999,"ctx":"initandlisten","msg":"Something odd","tags":[]}"#
        let lines = [Fixtures.starting(), Fixtures.openFiles] + Array(repeating: unknown, count: 5000) + Fixtures.staleSocket
        var input = InMemoryLog(Array(lines.joined(separator: "\n").utf8))
        let tight = LogReadLimits(headEvents: 50, pinnedEvents: 10, tailEvents: 50)
        let analysis = try Self.analyzer().analyze(stream: &input, source: "x", limits: tight)
        #expect(analysis.findings.map(\.id) == ["socket.stale", "limits.open-files", "log.exit-code"])
        #expect(analysis.exitCode == 14)
        #expect(analysis.linesRead == 5004)
    }

    @Test("invalid UTF-8 is decoded with U+FFFD, never dropped: unknown fatal lines fail the startup")
    func invalidUTF8() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var bytes: [UInt8] = []
        for _ in 0..<1000 {
            bytes += Array(#"{"t":{"$date":"2024-03-01T10:00:00.000+01:00"},"s":"F","c":"CONTROL","id":99998,"ctx":"main","msg":"bad "#.utf8)
            bytes += [0xFF, 0xC3]
            bytes += Array(#" bytes"}"#.utf8) + [0x0A]
        }
        let path = dir.url.appendingPathComponent("bad.log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let analysis = try Self.analyzer().analyze(file: try LogFileDescriptor(path: path), source: "bad.log")
        #expect(analysis.linesRead == 1000)
        #expect(analysis.linesIgnored == 0)
        #expect(analysis.outcome == .failed)
        let finding = try #require(analysis.findings.first)
        #expect(finding.id == "log.unrecognized")
        #expect(finding.severity == .error)
        #expect(finding.title.contains("bad \u{FFFD}\u{FFFD} bytes"))
    }

    @Test("an unreadable file throws LogReadError naming it")
    func unreadable() throws {
        #expect(throws: LogReadError.self) { try LogFileDescriptor(path: "/nonexistent/mongod.log") }
    }
}
