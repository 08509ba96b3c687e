import Foundation
@testable import LocalMongod
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// procfs files report size 0; reading them must not stop at the first page.
@Suite struct ProcFileTests {
    @Test func readsAllOfABusyProcNetTCP() throws {
        // 200 real listeners push /proc/net/tcp far past one page (about 27 lines).
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            listen(fd, 1)
            sockets.append(fd)
        }
        let lines = try #require(ProcFile.text("/proc/net/tcp")).split(separator: "\n").count
        #expect(lines > 200)
        // The last listener is found, and this process holds it.
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(sockets[199], $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        #expect(LivePortProbe().listenerPIDs(port: port).contains(getpid()))
    }
}
