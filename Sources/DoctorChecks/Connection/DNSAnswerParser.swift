/// A SRV record: where a `mongodb+srv` name says the servers are.
public struct SRVRecord: Sendable, Hashable {
    /// Priority (lower first).
    public var priority: Int
    /// Weight among equal priorities.
    public var weight: Int
    /// TCP port.
    public var port: Int
    /// Target host name, without the trailing dot.
    public var target: String

    /// Creates a record.
    public init(priority: Int, weight: Int, port: Int, target: String) {
        self.priority = priority
        self.weight = weight
        self.port = port
        self.target = target
    }
}

/// Reads SRV and TXT records out of a raw DNS response (RFC 1035 §4, RFC 2782).
///
/// Pure: works on bytes, so it is tested with hand-built packets. Malformed input gives
/// `nil`, never a crash.
public enum DNSAnswerParser {
    /// The SRV records in `message`, or `nil` when it is malformed.
    public static func srvRecords(in message: [UInt8]) -> [SRVRecord]? {
        answers(in: message, type: 33)?.compactMap { rdata, offset in
            guard rdata.count >= 7 else { return nil }
            let base = offset
            let priority = Int(message[base]) << 8 | Int(message[base + 1])
            let weight = Int(message[base + 2]) << 8 | Int(message[base + 3])
            let port = Int(message[base + 4]) << 8 | Int(message[base + 5])
            guard let (target, _) = readName(message, at: base + 6) else { return nil }
            return SRVRecord(priority: priority, weight: weight, port: port, target: target)
        }
    }

    /// The TXT records in `message` (each record's strings joined), or `nil` when malformed.
    public static func txtRecords(in message: [UInt8]) -> [String]? {
        answers(in: message, type: 16)?.map { rdata, _ in
            // <character-string>s: a length byte, then that many bytes (slice indices are absolute).
            var text = ""
            var index = rdata.startIndex
            while index < rdata.endIndex {
                let length = Int(rdata[index])
                let end = min(rdata.endIndex, index + 1 + length)
                text += String(decoding: rdata[(index + 1)..<end], as: UTF8.self)
                index = end
            }
            return text
        }
    }

    /// The rdata (and its offset in `message`) of every answer of `type`.
    static func answers(in message: [UInt8], type wanted: Int) -> [(ArraySlice<UInt8>, Int)]? {
        guard message.count >= 12 else { return nil }
        let questions = Int(message[4]) << 8 | Int(message[5])
        let answerCount = Int(message[6]) << 8 | Int(message[7])
        var offset = 12
        for _ in 0..<questions {
            guard let (_, next) = readName(message, at: offset), next + 4 <= message.count else { return nil }
            offset = next + 4
        }
        var result: [(ArraySlice<UInt8>, Int)] = []
        for _ in 0..<answerCount {
            guard let (_, next) = readName(message, at: offset), next + 10 <= message.count else { return nil }
            let type = Int(message[next]) << 8 | Int(message[next + 1])
            let length = Int(message[next + 8]) << 8 | Int(message[next + 9])
            let start = next + 10
            guard start + length <= message.count else { return nil }
            if type == wanted { result.append((message[start..<(start + length)], start)) }
            offset = start + length
        }
        return result
    }

    /// A (possibly compressed) domain name at `offset`, and the offset just past it.
    static func readName(_ message: [UInt8], at offset: Int) -> (String, Int)? {
        var labels: [String] = []
        var index = offset
        var end: Int?
        var jumps = 0
        while index < message.count {
            let length = Int(message[index])
            if length == 0 {
                return (labels.joined(separator: "."), end ?? index + 1)
            } else if length & 0xC0 == 0xC0 {
                guard index + 1 < message.count, jumps < 32 else { return nil }
                if end == nil { end = index + 2 }
                index = (length & 0x3F) << 8 | Int(message[index + 1])
                jumps += 1
            } else {
                guard index + 1 + length <= message.count else { return nil }
                labels.append(String(decoding: message[(index + 1)...(index + length)], as: UTF8.self))
                index += 1 + length
            }
        }
        return nil
    }
}
