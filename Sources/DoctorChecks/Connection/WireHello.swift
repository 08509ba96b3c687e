import MongoBridge

/// Builds a MongoDB `hello` as an OP_MSG and classifies the bytes a peer sends back.
///
/// Wire format (MongoDB wire protocol): a 16-byte header (length, requestID, responseTo, opCode),
/// then for OP_MSG (2013) a 4-byte flag word, a section kind byte (0) and one BSON document.
enum WireHello {
    static let opMsg: Int32 = 2013
    static let opReply: Int32 = 1

    /// The OP_MSG bytes of `{hello: 1, $db: "admin"}`.
    static func request(requestID: Int32 = 1) -> [UInt8] {
        let body = (try? (["hello": 1, "$db": "admin"] as BSONDocument).bsonBytes()) ?? []
        var message: [UInt8] = []
        let length = Int32(16 + 4 + 1 + body.count)
        for value in [length, requestID, 0, opMsg] { message += littleEndian(value) }
        message += littleEndian(Int32(0))  // flagBits
        message.append(0)  // section kind 0: body
        message += body
        return message
    }

    /// Classifies the first bytes a peer sent in answer to the request.
    static func classify(_ bytes: [UInt8]) -> WireAnswer {
        guard bytes.count >= 16 else { return .notMongoDB(preview: preview(bytes)) }
        let length = readInt32(bytes, at: 0)
        let opCode = readInt32(bytes, at: 12)
        guard length >= 16, length <= 48_000_000, opCode == opMsg || opCode == opReply else {
            return .notMongoDB(preview: preview(bytes))
        }
        let documentStart = opCode == opMsg ? 21 : 36  // OP_REPLY: flags, cursorID, startingFrom, numberReturned
        guard bytes.count > documentStart + 4 else { return .mongodb(maxWireVersion: nil) }
        let docLength = Int(readInt32(bytes, at: documentStart))
        guard docLength >= 5, documentStart + docLength <= bytes.count,
            let reply = try? BSONDocument(bsonBytes: Array(bytes[documentStart..<(documentStart + docLength)]))
        else { return .mongodb(maxWireVersion: nil) }
        return .mongodb(maxWireVersion: reply["maxWireVersion"]?.intValue)
    }

    /// The total message length announced in a header, when 4 bytes are there.
    static func announcedLength(_ bytes: [UInt8]) -> Int? {
        bytes.count >= 4 ? Int(readInt32(bytes, at: 0)) : nil
    }

    /// Up to 40 printable characters of what the peer sent ("HTTP/1.1 400 Bad Request").
    static func preview(_ bytes: [UInt8]) -> String {
        let printable = bytes.prefix(40).map { (32...126).contains($0) ? Character(UnicodeScalar($0)) : "." }
        return String(printable)
    }

    private static func littleEndian(_ value: Int32) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    private static func readInt32(_ bytes: [UInt8], at offset: Int) -> Int32 {
        var value: Int32 = 0
        for i in 0..<4 { value |= Int32(bytes[offset + i]) << (8 * i) }
        return value
    }
}
