import Foundation
import Testing
import TestSupport

/// TestSupport's ProcessRunner, which every binary test runs the CLI through: both streams come back
/// whole, however much a child writes to one before it writes to the other or exits.
@Suite struct ProcessRunnerTests {
    @Test("a child that fills standard error before it writes standard output is read whole, not waited on forever",
          .timeLimit(.minutes(5)))
    func bothPipesDrain() throws {
        // 200 kB is three times a Linux pipe's 64 KiB: read one stream after the other, the child would block.
        let out = try ProcessRunner.run(at: URL(fileURLWithPath: "/bin/sh"),
                                        ["-c", "head -c 200000 /dev/zero | tr '\\0' e >&2; echo done"])
        #expect(out.status == 0)
        #expect(out.stdout == "done\n")
        #expect(out.stderr.utf8.count == 200_000)
        #expect(out.stderr.allSatisfy { $0 == "e" })
    }
}
