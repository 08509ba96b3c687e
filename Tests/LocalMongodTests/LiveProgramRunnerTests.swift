import BlockingWork
import Foundation
import LocalMongod
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `LiveProgramRunner` with real programs: exit codes, signals, timeouts, floods of output, children
/// that leave a process behind, and what descriptors a child gets.
@Suite struct LiveProgramRunnerTests {
    /// Runs on a thread of its own: the runner blocks, and the cooperative pool has two threads here.
    func run(_ argv: [String], timeout: Duration = .seconds(20)) async -> ProgramOutput? {
        await BlockingExecutor.dedicatedThread { LiveProgramRunner().run(argv, timeout: timeout) }
    }

    /// (shell script, exit status, text the output must contain).
    static let scripts: [(String, Int32, [String])] = [
        ("echo out; echo err >&2; exit 3", 3, ["out", "err"]),
        ("exit 0", 0, []),
        ("printf 'no newline'", 0, ["no newline"]),
        ("kill -TERM $$", 128 + SIGTERM, []),
        ("read line; echo \"read: [$line] $?\"", 0, ["read: [] 1"]),  // stdin is /dev/null: end of file at once
    ]

    @Test("exit status, signal and output of a script", arguments: scripts)
    func scriptOutcome(script: String, status: Int32, texts: [String]) async throws {
        let output = try #require(await run(["/bin/sh", "-c", script]))
        #expect(output.exitCode == status && !output.timedOut)
        for text in texts { #expect(output.output.contains(text), "\(text) in \(output.output)") }
    }

    @Test("a program that cannot be started gives nil", arguments: [[], ["/no/such/program"], ["/etc/hostname"]])
    func cannotStart(argv: [String]) async {
        #expect(await run(argv) == nil)
    }

    @Test func aBareNameIsLookedUpOnThePathAsAShellWould() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tool = dir.appending("fake-tool")
        try "#!/bin/sh\necho \"got $*\"\nexit 4\n".write(toFile: tool, atomically: true, encoding: .utf8)
        chmod(tool, 0o755)
        try "not executable".write(toFile: dir.appending("plain"), atomically: true, encoding: .utf8)
        let runner = LiveProgramRunner(searchPath: ["", "/nonexistent", dir.path])
        let output = try #require(await BlockingExecutor.dedicatedThread { runner.run(["fake-tool", "start", "mongod"], timeout: .seconds(20)) })
        #expect(output.exitCode == 4 && output.output == "got start mongod\n")
        #expect(await BlockingExecutor.dedicatedThread { runner.run(["plain"], timeout: .seconds(5)) } == nil, "a file that is not executable is skipped")
        #expect(await run(["sh", "-c", "exit 9"])?.exitCode == 9, "without a search path, this process's PATH")
        #expect(ChildSpawner.resolve("./x", searchPath: [dir.path]) == "./x", "a name with a slash is a path, not searched")
    }

    @Test func aProgramPastItsTimeoutIsKilledAndReaped() async throws {
        let output = try #require(await run(["/bin/sh", "-c", "echo begun; exec sleep 30"], timeout: .milliseconds(300)))
        #expect(output.timedOut && output.exitCode == nil)
        #expect(output.output.contains("begun"), "what it printed before the timeout is kept")
    }

    @Test func aFloodOfOutputIsCutNotBlocking() async throws {
        let output = try #require(await run(["/bin/sh", "-c", "head -c 3000000 /dev/zero | tr '\\\\0' x; echo; echo end >&2; exit 5"]))
        #expect(output.exitCode == 5 && !output.timedOut)
        #expect(output.output.utf8.count == 256 * 1024, "kept at most 256 KiB")
    }

    @Test func aChildThatLeavesADaemonBehindStillReturns() async throws {
        let output = try #require(await run(["/bin/sh", "-c", "sleep 30 & echo $!"]))
        #expect(output.exitCode == 0 && !output.timedOut, "the orphan holding the pipe does not hold the run up to the timeout")
        let orphan = try #require(Int32(output.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(orphan, SIGKILL)
    }

    #if os(Linux)
    @Test func theChildGetsOnlyItsStandardDescriptors() async throws {
        var inheritable: [Int32] = [-1, -1]
        #expect(pipe(&inheritable) == 0, "a descriptor without close-on-exec, as a caller's shell may leave")
        defer { inheritable.forEach { close($0) } }
        let output = try #require(await run(["/bin/ls", "/proc/self/fd"]))
        let listed = Set(output.output.split(whereSeparator: \.isWhitespace).map(String.init))
        #expect(listed == ["0", "1", "2", "3"], "0-2 and the directory ls itself opened, got \(listed)")
    }
    #endif

    @Test func aLongChildDoesNotHoldUpTheOthers() async throws {
        async let long = run(["/bin/sleep", "30"], timeout: .seconds(12))
        try await Task.sleep(for: .milliseconds(50))
        // Timed on the runner's own thread: the whole suite may keep the cooperative pool busy for seconds.
        let quick = await BlockingExecutor.dedicatedThread {
            (0..<10).map { index in
                let clock = ContinuousClock()
                let start = clock.now
                let output = LiveProgramRunner().run(["/bin/echo", "quick \(index)"], timeout: .seconds(20))
                return (index, output, clock.now - start)
            }
        }
        for (index, output, took) in quick {
            #expect(output?.exitCode == 0 && output?.output == "quick \(index)\n")
            #expect(took < .seconds(8), "a quick program returns without waiting for the long one (12 s)")
        }
        #expect(await long?.timedOut == true)
    }

    @Test func aTemporaryFileIsCloseOnExecAndUnlinkedFromTheStart() throws {
        let dir = try TestDirectory("unlinked")
        defer { dir.remove() }
        let fd = try ChildSpawner.unlinkedTemporaryFile(in: dir.path, prefix: "capture-")
        defer { close(fd) }
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0, "close-on-exec from the start: no window for a spawn on another thread")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "unlinked: only the descriptor reaches it")
        let text = Array("kept\n".utf8)
        #expect(write(fd, text, text.count) == text.count)
        var back = [UInt8](repeating: 0, count: 16)
        #expect(pread(fd, &back, back.count, 0) == text.count && Array(back.prefix(text.count)) == text)
    }

    @Test func aTemporaryFileWhereNoneCanBeMadeIsThePOSIXError() {
        let error = #expect(throws: POSIXError.self) { try ChildSpawner.unlinkedTemporaryFile(in: "/no/such/dir", prefix: "x-") }
        #expect(error?.code == .ENOENT)
    }
}
