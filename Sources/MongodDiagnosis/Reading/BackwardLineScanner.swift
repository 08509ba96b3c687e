#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a file backwards in blocks and returns, last first, the lines holding any of a few
/// byte patterns (`MongoDB starting`, `23403`). Never reads below `floor`, except to finish a
/// line that straddles it.
struct BackwardLineScanner<File: LogFileAccess> {
    let file: File
    /// Nothing below this is searched; the caller may raise it between calls.
    var floor: Int64
    let patterns: [[UInt8]]
    let limits: LogReadLimits
    /// Bytes fetched from the file so far.
    private(set) var bytesRead: Int64 = 0
    /// Everything at or above this offset has been searched.
    private(set) var searchedDownTo: Int64
    private var pending: [Int64] = []
    private var lastLineStart = Int64.max

    init(file: File, floor: Int64, patterns: [String], limits: LogReadLimits) {
        self.file = file
        self.floor = floor
        self.patterns = patterns.map { Array($0.utf8) }
        self.limits = limits
        self.searchedDownTo = file.size
    }

    /// The next line (its offset and bytes, without the newline) holding a pattern, going back.
    mutating func next() throws -> (offset: Int64, bytes: [UInt8])? {
        while true {
            while let hit = pending.popLast() {
                let line = try self.line(around: hit)
                guard line.offset < lastLineStart else { continue }
                lastLineStart = line.offset
                return line
            }
            guard searchedDownTo > floor else { return nil }
            try searchBlock()
        }
    }

    /// Searches the block below `searchedDownTo`; hits go to `pending`, lowest first.
    private mutating func searchBlock() throws {
        let high = searchedDownTo
        let low = max(floor, high - Int64(limits.blockSize))
        let overlap = Int64((patterns.map(\.count).max() ?? 1) - 1)
        let end = min(file.size, high + overlap)
        let block = try file.read(offset: low, count: Int(end - low))
        bytesRead += Int64(block.count)
        var hits: [Int64] = []
        block.withUnsafeBytes { raw in
            for pattern in patterns {
                for index in ByteSearch.offsets(of: pattern, in: raw) where low + Int64(index) < high {
                    hits.append(low + Int64(index))
                }
            }
        }
        pending = hits.sorted()
        searchedDownTo = low
    }

    /// The whole line holding the byte at `offset`, cut to `maxLineBytes` around it.
    private mutating func line(around offset: Int64) throws -> (offset: Int64, bytes: [UInt8]) {
        var window = Int64(4096)
        while true {
            let low = max(0, offset - window)
            let high = min(file.size, offset + window)
            let bytes = try file.read(offset: low, count: Int(high - low))
            bytesRead += Int64(bytes.count)
            let at = Int(offset - low)
            let before = bytes[..<at].lastIndex(of: UInt8(ascii: "\n"))
            let after = bytes[at...].firstIndex(of: UInt8(ascii: "\n"))
            let startKnown = before != nil || low == 0
            let endKnown = after != nil || high == file.size
            if (startKnown && endKnown) || window * 2 > Int64(limits.maxLineBytes) {
                let start = before.map { $0 + 1 } ?? 0
                var line = Array(bytes[start..<(after ?? bytes.count)])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return (low + Int64(start), line)
            }
            window *= 4
        }
    }
}

/// Finds a byte pattern in a buffer: `memchr` for its rarest byte (an upper-case letter rather
/// than a digit or a quote, which log lines are full of), then `memcmp` for the whole.
enum ByteSearch {
    /// Every offset where `needle` starts in `haystack`.
    static func offsets(of needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> [Int] {
        guard !needle.isEmpty, let base = haystack.baseAddress, haystack.count >= needle.count else { return [] }
        let anchor = needle.indices.min { rarity(needle[$0]) < rarity(needle[$1]) } ?? 0
        var found: [Int] = []
        var index = anchor
        let last = haystack.count - needle.count + anchor
        needle.withUnsafeBytes { pattern in
            while index <= last, let hit = memchr(base + index, Int32(needle[anchor]), last - index + 1) {
                let at = base.distance(to: UnsafeRawPointer(hit)) - anchor
                if memcmp(base + at, pattern.baseAddress!, needle.count) == 0 { found.append(at) }
                index = at + anchor + 1
            }
        }
        return found
    }

    /// Lower is rarer in mongod logs.
    private static func rarity(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): "ISTCENROAL".utf8.contains(byte) ? 2 : 1
        case UInt8(ascii: "a")...UInt8(ascii: "z"): "vbkwygpf".utf8.contains(byte) ? 3 : 4
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 5
        default: 6
        }
    }
}
