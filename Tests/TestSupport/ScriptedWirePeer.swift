import Foundation
public import MongoBridge

/// A scripted MongoDB wire-protocol peer: answers every command with one fixed reply document.
///
/// Used only for server behaviour nothing here can produce (replica-set members advertising
/// hostnames this machine cannot resolve or reach). It speaks OP_QUERY/OP_REPLY (libmongoc's first
/// handshake) and OP_MSG, on 127.0.0.1 only.
public final class ScriptedWirePeer: Sendable {
    private let listener: LoopbackListener

    /// The port it listens on.
    public var port: Int { listener.port }

    /// Starts a peer whose every reply is `reply` (add `ok: 1`, `maxWireVersion`, … yourself).
    public init(reply: BSONDocument) throws {
        let body = try reply.bsonBytes()
        listener = try LoopbackListener(.custom { fd in Self.serve(fd, body: body) })
    }

    /// Stops the peer.
    public func stop() { listener.stop() }

    private static func serve(_ fd: Int32, body: [UInt8]) {
        while let (requestID, opCode) = readMessage(fd) {
            var message: [UInt8] = []
            if opCode == 2004 {  // OP_QUERY → OP_REPLY
                let length = 16 + 20 + body.count
                message = int32(length) + int32(1) + int32(requestID) + int32(1)
                message += int32(0) + [UInt8](repeating: 0, count: 8) + int32(0) + int32(1) + body
            } else {  // OP_MSG → OP_MSG
                let length = 16 + 5 + body.count
                message = int32(length) + int32(1) + int32(requestID) + int32(2013) + int32(0) + [0] + body
            }
            let sent = message.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent != message.count { return }
        }
    }

    /// Reads one whole message; returns its requestID and opCode, or nil when the peer closed.
    private static func readMessage(_ fd: Int32) -> (Int32, Int32)? {
        guard let header = readExactly(fd, 16) else { return nil }
        let length = Int(le(header, 0)), requestID = le(header, 4), opCode = le(header, 12)
        guard length >= 16, length < 16_000_000, readExactly(fd, length - 16) != nil else { return nil }
        return (requestID, opCode)
    }

    private static func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var data = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = data.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
            if n <= 0 { return nil }
            got += n
        }
        return data
    }

    private static func le(_ bytes: [UInt8], _ offset: Int) -> Int32 {
        (0..<4).reduce(Int32(0)) { $0 | Int32(bytes[offset + $1]) << (8 * $1) }
    }

    private static func int32(_ value: Int) -> [UInt8] { int32(Int32(value)) }
    private static func int32(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
}
