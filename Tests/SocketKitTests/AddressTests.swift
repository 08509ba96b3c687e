@testable import SocketKit
import Testing

@Suite("numeric address text")
struct IPAddressTextTests {
    @Test("numeric addresses are told from host names", arguments: [
        ("127.0.0.1", true), ("::1", true), ("0:0:0:0:0:0:0:1", true), ("2001:db8::7", true),
        ("db.example", false), ("localhost", false), ("", false), ("127.0.0.256", false), ("fe80::1%eth0", false),
    ])
    func numeric(_ text: String, _ expected: Bool) {
        #expect(IPAddressText.isNumeric(text) == expected)
    }

    @Test("address literals are canonicalised; host names are not addresses", arguments: [
        ("127.0.0.1", "127.0.0.1"), ("0:0:0:0:0:0:0:1", "::1"), ("fe80::1%eth0", "fe80::1"), ("db.example", nil),
        ("2001:0DB8:0000::0001", "2001:db8::1"), ("::ffff:127.0.0.1", "::ffff:127.0.0.1"), ("", nil),
    ])
    func canonical(_ text: String, _ expected: String?) {
        #expect(IPAddressText.canonical(text) == expected)
    }

    @Test("loopback is 127.0.0.0/8 and ::1, nothing else", arguments: [
        ("127.0.0.1", true), ("127.255.0.9", true), ("::1", true),
        ("128.0.0.1", false), ("0.0.0.0", false), ("::", false), ("10.0.0.1", false), ("fe80::1", false),
    ])
    func loopback(_ canonical: String, _ expected: Bool) {
        #expect(IPAddressText.isLoopback(canonical) == expected)
    }

    @Test("endpoints bracket IPv6 addresses", arguments: [
        ("127.0.0.1", 27017, "127.0.0.1:27017"), ("::1", 27017, "[::1]:27017"),
        ("fe80::1%eth0", 1, "[fe80::1%eth0]:1"), ("db.example", 80, "db.example:80"),
    ])
    func endpoint(_ ip: String, _ port: Int, _ expected: String) {
        #expect(IPAddressText.endpoint(ip, port: port) == expected)
    }

    @Test("address bytes become text; other lengths do not", arguments: [
        ([127, 0, 0, 1], "127.0.0.1"), ([UInt8](repeating: 0, count: 15) + [1], "::1"),
        ([1, 2, 3], nil), ([], nil),
    ] as [([UInt8], String?)])
    func fromBytes(_ bytes: [UInt8], _ expected: String?) {
        #expect(IPAddressText.text(fromBytes: bytes) == expected)
    }
}

@Suite("socket addresses")
struct SocketAddressTests {
    @Test("numeric IPs and ports make addresses; names and bad ports do not", arguments: [
        ("127.0.0.1", 27017, SocketAddress.Family?.some(.ipv4), "127.0.0.1:27017"),
        ("::1", 0, .ipv6, "[::1]:0"),
        ("::1", 65535, .ipv6, "[::1]:65535"),
        ("localhost", 27017, nil, ""),
        ("127.0.0.1", 65536, nil, ""),
        ("127.0.0.1", -1, nil, ""),
        ("", 27017, nil, ""),
    ])
    func ip(_ ip: String, _ port: Int, _ family: SocketAddress.Family?, _ description: String) {
        let address = SocketAddress(ip: ip, port: port)
        #expect(address?.family == family)
        if family != nil { #expect(address?.description == description) }
    }

    @Test("unix paths must be non-empty, NUL-free and fit sun_path")
    func unixPaths() {
        #expect(SocketAddress(unixPath: "/tmp/mongodb-27017.sock")?.family == .unix)
        #expect(SocketAddress(unixPath: "/tmp/mongodb-27017.sock")?.description == "/tmp/mongodb-27017.sock")
        #expect(SocketAddress(unixPath: "") == nil)
        #expect(SocketAddress(unixPath: "/tmp/a\u{0}b") == nil)
        #expect(SocketAddress(unixPath: "/" + String(repeating: "x", count: 200)) == nil)
    }

    @Test("the same address is equal however it was written")
    func equality() {
        #expect(SocketAddress(ip: "::1", port: 1) == SocketAddress(ip: "::1", port: 1))
        #expect(SocketAddress(ip: "::1", port: 1) != SocketAddress(ip: "::1", port: 2))
    }
}
