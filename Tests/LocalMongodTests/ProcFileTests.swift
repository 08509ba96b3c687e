import Foundation
@testable import LocalMongod
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// procfs files report size 0; reading them must not stop at the first page.
@Suite struct ProcFileTests {
    @Test func readsAllOfABusyProcNetTCP() throws {
        // 200 real listeners push /proc/net/tcp far past one page (about 27 lines).
        let listeners = try (0..<200).map { _ in try LoopbackSocket.listening(backlog: 1) }
        defer { listeners.forEach { close($0.fd) } }
        let lines = try #require(ProcFile.text("/proc/net/tcp")).split(separator: "\n").count
        #expect(lines > 200)
        // The last listener is found, and this process holds it.
        let port = listeners[199].port
        #expect(LivePortProbe().listenerPIDs(port: port).contains(getpid()))
    }
}
