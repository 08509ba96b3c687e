import DoctorCore
import Foundation
import LocalMongod
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `port.in-use` when a real program that is not MongoDB holds mongod's port, with what the
/// connection stage saw there (as `check` passes it on).
@Suite("port holder")
struct PortHolderTests {
    static let http = PortAnswer.notMongoDB(.replied(preview: "HTTP/1.1 400 Bad Request"))

    /// The port of a `mongod --port M` command among the fix's commands.
    func suggestedPort(_ fix: Fix?) -> Int? {
        fix?.commands.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.first
    }

    @Test("something that is not MongoDB answers on the port: port.in-use names pid and command line, says not MongoDB, offers a free port")
    func foreignListener() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let ports = RecordingPortProbe()
        let outcome = try await runCheck(
            "port", LocalSetup(port: listener.port, portAnswer: Self.http), probes: .live(ports: ports))
        let finding = try #require(outcome.finding("port.in-use"))
        #expect(finding.severity == .error)
        let me = try #require(LiveProcessProbe().process(pid: getpid()))
        #expect(finding.title == "Port \(listener.port) is already in use by \(me.summary), which is not MongoDB")
        #expect(finding.detail.contains(#"answered "HTTP/1.1 400 Bad Request" to a MongoDB hello, so no MongoDB server runs there"#))
        #expect(finding.evidence.contains(
            #"on port \#(listener.port): something that is not MongoDB answers (it answered "HTTP/1.1 400 Bad Request" to a MongoDB hello)"#))
        #expect(finding.fixes.map(\.id.rawValue) == ["port.stop-holder", "port.choose-other", "port.find-holder"])
        #expect(finding.fixes.first?.commands == [AsThisUser.sudo("kill \(getpid())")])
        let other = try #require(suggestedPort(finding.fixes[1]))
        #expect(other != listener.port && (1024...65535).contains(other))
        #expect(other == ports.firstFree, "the suggestion is the first neighbour the live probe found free")
        #expect(finding.fixes[1].commands == ["mongod --port \(other)"])
        #expect(finding.fixes[1].summary.contains("then connect to mongodb://localhost:\(other)"))
        #expect(outcome.detail.hasPrefix("port \(listener.port) is taken"))
    }

    @Test("MongoDB answers on the port: never port.in-use, whoever the kernel says holds it")
    func mongodbAnswers() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let outcome = try await runCheck("port", LocalSetup(port: listener.port, portAnswer: .mongodb))
        #expect(outcome.findings.isEmpty)
        #expect(outcome.detail.hasPrefix("port \(listener.port): the server answers there"))
    }

    @Test("nothing answered the connection stage (another address family), yet a listener holds the port: it is named")
    func refusedButHeld() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let outcome = try await runCheck("port", LocalSetup(port: listener.port, portAnswer: .nothing))
        let finding = try #require(outcome.finding("port.in-use"))
        #expect(finding.severity == .error)
        #expect(finding.title.contains("pid \(getpid())"))
        #expect(finding.evidence.contains("on port \(listener.port): nothing answers"))
    }

    @Test("net.port set in the config file: the other-port fix gives the exact line for that file")
    func configLine() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let dir = try TestDirectory("portcfg")
        defer { dir.remove() }
        let config = try dir.write("mongod.conf", "net:\n  port: \(listener.port)\n")
        let ports = RecordingPortProbe()
        let outcome = try await runCheck(
            "port", LocalSetup(configPath: config, portAnswer: Self.http), probes: .live(ports: ports))
        let fix = try #require(outcome.finding("port.in-use")?.fixes.first { $0.id == "port.choose-other" })
        let other = try #require(fix.summary.split(separator: "`").dropFirst().first.flatMap { Int($0.dropFirst("port: ".count)) })
        #expect(other != listener.port && (1024...65535).contains(other))
        #expect(other == ports.firstFree, "the suggestion is the first neighbour the live probe found free")
        #expect(fix.summary.contains("set net.port to \(other) in \(config) (\(config) line 2), the line `port: \(other)` under `net:`; restart mongod"))
        #expect(fix.commands.isEmpty)
    }

    @Test("busy neighbours are skipped, above then below; with none free, the fix says to check the port")
    func busyNeighbours() async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let p = listener.port
        let aboveBusy = RecordingPortProbe(busy: Set((1...20).map { p + $0 }))
        let below = try await runCheck(
            "port", LocalSetup(port: p, portAnswer: Self.http), probes: .live(ports: aboveBusy))
        let belowFix = try #require(below.finding("port.in-use")?.fixes.first { $0.id == "port.choose-other" })
        #expect(Array(aboveBusy.freeAnswers.prefix(20).map(\.port)) == (1...20).map { p + $0 })
        #expect(suggestedPort(belowFix) == aboveBusy.firstFree)
        #expect(aboveBusy.firstFree.map { $0 < p && $0 >= p - 20 } == true)
        #expect(belowFix.summary.contains("(free now)"))

        let allBusy = RecordingPortProbe(busy: Set((1...20).flatMap { [p + $0, p - $0] }))
        let none = try await runCheck(
            "port", LocalSetup(port: p, portAnswer: Self.http), probes: .live(ports: allBusy))
        let noneFix = try #require(none.finding("port.in-use")?.fixes.first { $0.id == "port.choose-other" })
        #expect(allBusy.freeAnswers.count == 40 && allBusy.firstFree == nil)
        #expect(noneFix.commands == ["mongod --port \(p + 1)"])
        #expect(noneFix.summary.contains("another port, such as \(p + 1) (check it is free)"))
    }

    @Test("--port with a config file: the other-port command keeps --config",
          arguments: [Platform.linux, .macos])
    func flagWithConfig(_ platform: Platform) async throws {
        let listener = try LoopbackListener(.silent)
        defer { listener.stop() }
        let dir = try TestDirectory("portflag")
        defer { dir.remove() }
        let config = try dir.write("mongod.conf", "storage:\n  dbPath: \(dir.path)\n")
        let outcome = try await runCheck("port", LocalSetup(configPath: config, port: listener.port, portAnswer: Self.http), platform: platform)
        let finding = try #require(outcome.finding("port.in-use"))
        let fix = try #require(finding.fixes.first { $0.id == "port.choose-other" })
        let other = try #require(suggestedPort(fix))
        #expect(fix.commands == ["mongod --config \(config) --port \(other)"])
    }

    @Test(
        "the holder's command line is shown with its secrets masked",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3"))
    func maskedCommandLine() async throws {
        let holder = try ScriptedHolder(secret: "hunter2-port-secret")
        defer { holder.stop() }
        let outcome = try await runCheck("port", LocalSetup(port: holder.port, portAnswer: .notMongoDB(.closed)))
        let finding = try #require(outcome.finding("port.in-use"))
        #expect(finding.title.contains("pid \(holder.pid) (/usr/bin/python3 \(holder.script) --password "))
        let text = ([finding.title, finding.detail] + finding.evidence + finding.fixes.flatMap { [$0.summary] + $0.commands })
            .joined(separator: "\n")
        #expect(!text.contains("hunter2-port-secret"))
        #expect(finding.detail.contains("it closed the connection without answering a MongoDB hello"))
        #expect(finding.fixes.first?.commands == [AsThisUser.sudo("kill \(holder.pid)")])
    }
}

/// A real python3 process listening on a free loopback port, with a password on its command line.
final class ScriptedHolder: @unchecked Sendable {
    let process = Process()
    let directory: TestDirectory
    let script: String
    let port: Int

    init(secret: String) throws {
        directory = try TestDirectory("holder")
        script = try directory.write(
            "holder.py",
            "import socket, time\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(4)\n"
                + "print(s.getsockname()[1], flush=True)\ntime.sleep(60)\n")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, "--password", secret]
        let process = self.process
        let out = try ChildProcess.spawning { () throws -> Pipe in
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            return out
        }
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            directory.remove()
            throw HolderError(description: "python3 listener did not start: \(line)")
        }
        self.port = port
    }

    var pid: Int32 { process.processIdentifier }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        ChildProcess.waitForExit(process)
        directory.remove()
    }
}

/// The python3 holder did not start.
struct HolderError: Error, CustomStringConvertible {
    let description: String
}
