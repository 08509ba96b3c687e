import Foundation

/// A scripted DNS server on 127.0.0.1 (UDP) answering SRV and TXT questions from a table.
///
/// It lets the real resolver path (libresolv's `res_nquery` aimed at this server, then our parser)
/// be tested without the outside world. Names not in the table get NXDOMAIN.
public final class LoopbackDNSServer: @unchecked Sendable {
    /// One answer record.
    public enum Record: Sendable {
        case srv(priority: UInt16, weight: UInt16, port: UInt16, target: String)
        case txt([String])
    }

    /// The UDP port it answers on.
    public let port: Int
    private let fd: Int32  // owned; shut down by stop(), closed by the serving thread
    private let records: [String: [Record]]

    /// Starts a server answering `records` (keyed by lower-case name, without the trailing dot).
    public init(records: [String: [Record]]) throws {
        self.records = records
        (fd, port) = try LoopbackSocket.bound(.datagram)
        Thread { [self] in serve() }.start()
    }

    /// Stops answering.
    public func stop() { shutdown(fd, Int32(SHUT_RDWR)) }

    private func serve() {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1500)
        while true {
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = withUnsafeMutablePointer(to: &peer) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &peerLength) }
            }
            guard count > 12 else { return }
            guard let reply = answer(Array(buffer.prefix(count))) else { continue }
            _ = withUnsafePointer(to: &peer) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, reply, reply.count, 0, $0, peerLength) }
            }
        }
    }

    /// The response to one query: the question echoed, then the table's records of that type.
    func answer(_ query: [UInt8]) -> [UInt8]? {
        var labels: [String] = []
        var index = 12
        while index < query.count, query[index] != 0 {
            let length = Int(query[index])
            guard index + 1 + length <= query.count else { return nil }
            labels.append(String(decoding: query[(index + 1)...(index + length)], as: UTF8.self))
            index += 1 + length
        }
        guard index + 5 <= query.count else { return nil }
        let type = Int(query[index + 1]) << 8 | Int(query[index + 2])
        let question = Array(query[12...(index + 4)])
        let name = labels.joined(separator: ".").lowercased()
        let matching = (records[name] ?? []).compactMap { Self.rdata($0, type: type) }
        let rcode: UInt8 = records[name] == nil ? 3 : 0  // NXDOMAIN for unknown names
        var reply: [UInt8] = [query[0], query[1], 0x81, 0x80 | rcode, 0, 1] + Self.u16(matching.count) + [0, 0, 0, 0]
        reply += question
        for data in matching {
            reply += [0xC0, 12] + Self.u16(type) + [0, 1, 0, 0, 0, 60] + Self.u16(data.count) + data
        }
        return reply
    }

    static func rdata(_ record: Record, type: Int) -> [UInt8]? {
        switch (record, type) {
        case (.srv(let priority, let weight, let port, let target), 33):
            return u16(Int(priority)) + u16(Int(weight)) + u16(Int(port))
                + target.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
        case (.txt(let strings), 16):
            return strings.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
        default:
            return nil
        }
    }

    static func u16(_ value: Int) -> [UInt8] { [UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
}
