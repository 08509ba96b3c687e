import Foundation
import Testing
import TestSupport

/// What a person at a terminal sees: the password prompt never echoes the password, and `--fix`
/// asks before it applies anything, doing nothing unless the answer is yes.
@Suite(.timeLimit(.minutes(5)), .enabled(if: PseudoTerminal.isAvailable, "needs a pseudo-terminal (/dev/ptmx and /dev/pts)"))
struct TerminalPromptTests {
    static var doctor: URL { ProcessRunner.productsDirectory.appendingPathComponent("mongo-doctor") }

    @Test func theHarnessSeesWhatATerminalEchoes() throws {
        // The control: `cat` leaves echo on, so the typed line shows (twice: the echo and cat's copy).
        let terminal = try PseudoTerminal(URL(fileURLWithPath: "/bin/cat"), [])
        terminal.send("visible-text\n")
        #expect(terminal.waitFor("visible-text"))
        terminal.send("\u{4}")  // end of input
        #expect(terminal.finish() == 0)
    }

    @Test func aTypedPasswordIsNotEchoedAndIsStoredExactly() throws {
        let directory = try TemporaryDirectory(prefix: "terminal-password")
        defer { directory.remove() }
        let database = directory.appending("auth.db")
        let password = "correct horse battery"
        #expect(try ProcessRunner.run("mongo-doctor", ["provision", "--sqlite", database]).status == 0)
        let terminal = try PseudoTerminal(Self.doctor, ["users", "add", "alice", "--password-stdin", "--sqlite", database])
        #expect(terminal.waitFor("Password (not echoed): "), "\(terminal.transcript)")
        terminal.send(password + "\n")
        let status = terminal.finish()
        #expect(status == 0, "\(terminal.transcript)")
        #expect(!terminal.transcript.contains(password))
        #expect(!terminal.transcript.contains("horse"))
        // The password was read without its line break: the same text verifies, another does not.
        #expect(try ProcessRunner.run("mongo-doctor", ["users", "verify", "alice", "--password-stdin", "--sqlite", database], stdin: password).status == 0)
        #expect(try ProcessRunner.run("mongo-doctor", ["users", "verify", "alice", "--password-stdin", "--sqlite", database], stdin: password + " ").status == 1)
    }

    @Test("--fix asks first and applies only on yes", arguments: [("n\n", false), ("\n", false), ("yes\n", true), ("Y\n", true)])
    func fixAsksFirst(answer: String, applies: Bool) throws {
        let directory = try TemporaryDirectory(prefix: "terminal-fix")
        defer { directory.remove() }
        let dbpath = directory.appending("db")
        let terminal = try PseudoTerminal(Self.doctor, ["check", "--dbpath", dbpath, "--fix"])
        #expect(terminal.waitFor("Apply? [y/N] "), "\(terminal.transcript)")
        #expect(terminal.transcript.contains("mongo-doctor can fix"))
        #expect(!FileManager.default.fileExists(atPath: dbpath), "nothing is applied before the answer")
        terminal.send(answer)
        let status = terminal.finish()
        #expect(FileManager.default.fileExists(atPath: dbpath) == applies, "\(terminal.transcript)")
        // The report after the answer: the finding is gone when the fix ran, and still an error when not.
        let report = terminal.transcript.components(separatedBy: "Apply? [y/N] ").last ?? ""
        #expect(report.contains("[dbpath.missing]") == !applies, "\(report)")
        if !applies { #expect(status == 1) }
    }
}
