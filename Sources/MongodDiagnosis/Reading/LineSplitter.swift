/// Splits chunks of bytes into lines (`\n` or `\r\n`) with bounded memory: a line longer than
/// `maxLineBytes` is cut to that length, the rest of it skipped.
struct LineSplitter {
    let maxLineBytes: Int
    private var partial: [UInt8] = []
    private var cutting = false
    /// Whether the bytes up to the first newline are dropped (reading began inside a line).
    private var skippingFirst: Bool

    init(maxLineBytes: Int, skipsFirstLine: Bool = false) {
        self.maxLineBytes = maxLineBytes
        self.skippingFirst = skipsFirstLine
    }

    /// Calls `line` with each line `chunk` completes; `offset` is the stream offset of `chunk`,
    /// and each line comes with the offset of its first byte.
    mutating func feed(_ chunk: [UInt8], offset: Int64, line: (ArraySlice<UInt8>, Int64) -> Void) {
        var start = 0
        while let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if skippingFirst {
                skippingFirst = false
            } else {
                append(chunk[start..<newline])
                emit(lineStart: offset + Int64(newline) - Int64(partialLength), line)
            }
            start = newline + 1
        }
        if !skippingFirst { append(chunk[start...]) }
    }

    /// Delivers a last line that has no newline.
    mutating func finish(offset: Int64, line: (ArraySlice<UInt8>, Int64) -> Void) {
        if !partial.isEmpty || cutting { emit(lineStart: offset - Int64(partialLength), line) }
    }

    private var partialLength = 0

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        partialLength += bytes.count
        guard !cutting else { return }
        let room = maxLineBytes - partial.count
        if bytes.count > room {
            partial += bytes.prefix(room)
            cutting = true
        } else {
            partial += bytes
        }
    }

    private mutating func emit(lineStart: Int64, _ line: (ArraySlice<UInt8>, Int64) -> Void) {
        var bytes = partial[...]
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        line(bytes, lineStart)
        partial.removeAll(keepingCapacity: partial.capacity <= 64 * 1024)
        partialLength = 0
        cutting = false
    }
}
