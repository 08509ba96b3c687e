@testable import DoctorChecks
import MongoBridge
import Testing

@Suite struct WireHelloTests {
    @Test func requestIsAWellFormedOpMsgHello() throws {
        let bytes = WireHello.request(requestID: 7)
        #expect(WireHello.announcedLength(bytes) == bytes.count)
        #expect(Array(bytes[12..<16]) == [0xDD, 0x07, 0, 0])  // 2013 little-endian
        let body = try BSONDocument(bsonBytes: Array(bytes[21...]))
        #expect(body == ["hello": 1, "$db": "admin"])
    }

    @Test func opMsgReplyIsMongoDBWithItsWireVersion() throws {
        let body = try (["ok": 1.0, "maxWireVersion": 21] as BSONDocument).bsonBytes()
        var reply: [UInt8] = []
        for v: Int32 in [Int32(21 + body.count), 9, 7, 2013, 0] { reply += withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        reply += [0] + body
        #expect(WireHello.classify(reply) == .mongodb(maxWireVersion: 21))
    }

    @Test("anything else is not MongoDB", arguments: [
        ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 400 Bad Request..Content-Length"),
        ("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", "SSH-2.0-OpenSSH_9.2p1 Debian-2.."),
        ("-ERR unknown command\r\n", "-ERR unknown command.."),
    ])
    func notMongo(text: String, preview: String) {
        #expect(WireHello.classify(Array(text.utf8)) == .notMongoDB(preview: preview))
    }
}

@Suite struct DNSAnswerParserTests {
    /// A DNS response for `_mongodb._tcp.c.example.com` with two SRV answers; the second target
    /// uses a compression pointer back into the first.
    static func srvResponse() -> [UInt8] {
        var m: [UInt8] = [0x12, 0x34, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0]
        let qname = labels(["_mongodb", "_tcp", "c", "example", "com"])
        m += qname + [0, 33, 0, 1]
        // answer 1: name = pointer to offset 12, type SRV, class IN, ttl, rdata
        let target1 = labels(["node1", "c", "example", "com"])
        m += [0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60] + u16(6 + target1.count) + u16(0) + u16(5) + u16(27017) + target1
        let target1Offset = m.count - target1.count
        // answer 2: target "node2" + pointer to "c.example.com" inside target 1 (after "node1")
        let target2: [UInt8] = [5] + Array("node2".utf8) + [0xC0, UInt8(target1Offset + 6)]
        m += [0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60] + u16(6 + target2.count) + u16(1) + u16(0) + u16(27018) + target2
        return m
    }

    static func labels(_ parts: [String]) -> [UInt8] { parts.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0] }
    static func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }

    @Test func readsSRVRecordsWithCompression() throws {
        let records = try #require(DNSAnswerParser.srvRecords(in: Self.srvResponse()))
        #expect(records == [
            SRVRecord(priority: 0, weight: 5, port: 27017, target: "node1.c.example.com"),
            SRVRecord(priority: 1, weight: 0, port: 27018, target: "node2.c.example.com"),
        ])
    }

    @Test func readsTXTRecords() throws {
        var m: [UInt8] = [0, 1, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0] + Self.labels(["c", "example", "com"]) + [0, 16, 0, 1]
        let strings: [UInt8] = [11] + Array("authSource=".utf8) + [5] + Array("admin".utf8)
        m += [0xC0, 12, 0, 16, 0, 1, 0, 0, 0, 60] + Self.u16(strings.count) + strings
        #expect(DNSAnswerParser.txtRecords(in: m) == ["authSource=admin"])
    }

    @Test("malformed packets give nil, never a crash", arguments: [
        [UInt8](), [0, 1, 2], Array(srvResponse().prefix(40)), [0, 0, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0xC0, 12],
    ])
    func malformed(bytes: [UInt8]) {
        #expect(DNSAnswerParser.srvRecords(in: bytes) == nil)
    }

    @Test("endpoints parse", arguments: [
        ("mongo1:27017", "mongo1", 27017), ("[::1]:27018", "::1", 27018), ("db.example.com", "db.example.com", 27017),
    ])
    func endpoint(text: String, host: String, port: Int) {
        #expect(Endpoint(parsing: text) == Endpoint(host: host, port: port))
    }
}
