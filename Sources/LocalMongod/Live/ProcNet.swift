import Foundation

/// Parses `/proc/net/tcp` and `/proc/net/tcp6`: which socket inodes listen on a port.
///
/// A line looks like `0: 0100007F:6989 00000000:0000 0A ... 1000 0 123456 ...`: the local
/// address and port in hex, state `0A` = LISTEN, then uid, timeout and inode.
enum ProcNet {
    /// The inodes of listening sockets on `port` in one table's text.
    static func listeningInodes(port: Int, in text: String) -> [UInt64] {
        var inodes: [UInt64] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 10, fields[3] == "0A" else { continue }
            guard let colon = fields[1].lastIndex(of: ":"),
                let localPort = Int(fields[1][fields[1].index(after: colon)...], radix: 16), localPort == port,
                let inode = UInt64(fields[9])
            else { continue }
            inodes.append(inode)
        }
        return inodes
    }

    /// Listening inodes on `port` from the live tables (empty off Linux).
    static func listeningInodes(port: Int) -> [UInt64] {
        ["/proc/net/tcp", "/proc/net/tcp6"].flatMap { path in
            ProcFile.text(path).map { listeningInodes(port: port, in: $0) } ?? []
        }
    }

    /// The pids with an open file descriptor on any of the socket `inodes` (scans `/proc/*/fd`).
    static func pids(holding inodes: [UInt64]) -> [Int32] {
        guard !inodes.isEmpty else { return [] }
        let targets = Set(inodes.map { "socket:[\($0)]" })
        var pids: [Int32] = []
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry) else { continue }
            let fdDir = "/proc/\(entry)/fd"
            for fd in (try? manager.contentsOfDirectory(atPath: fdDir)) ?? [] {
                if let target = try? manager.destinationOfSymbolicLink(atPath: "\(fdDir)/\(fd)"), targets.contains(target) {
                    pids.append(pid)
                    break
                }
            }
        }
        return pids.sorted()
    }
}
