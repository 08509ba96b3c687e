/// Which part of a log an analysis read: reported in the JSON `log` section.
public struct LogReadScope: Sendable, Equatable {
    /// Bytes fetched from the log (re-reads of the same bytes included).
    public var bytesRead: Int64
    /// The byte offset where the analysed lines begin: the last startup's first line, the edge of
    /// the scan limit when no startup was found there, or 0 when the whole log was read.
    public var startedAtOffset: Int64
    /// Whether no startup was found within `scanLimit` bytes of the end, so only those were analysed.
    public var truncated: Bool
    /// The scan limit that applied.
    public var scanLimit: Int64

    /// Creates a scope.
    public init(bytesRead: Int64, startedAtOffset: Int64, truncated: Bool, scanLimit: Int64 = LogReadLimits.standard.scanLimit) {
        self.bytesRead = bytesRead
        self.startedAtOffset = startedAtOffset
        self.truncated = truncated
        self.scanLimit = scanLimit
    }

    /// How evidence names the log: line numbers count from `startedAtOffset`, so say so when it is not 0.
    func evidenceSource(_ source: String) -> String {
        startedAtOffset == 0 ? source : "\(source) (from byte \(startedAtOffset))"
    }
}

/// Byte counts for people: `64 MiB`, `1.5 GiB`, `812 bytes`.
enum ByteCount {
    static func text(_ bytes: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = "bytes"
        for next in units where value >= 1024 {
            value /= 1024
            unit = next
        }
        if unit == "bytes" { return "\(bytes) bytes" }
        return value.rounded() == value ? "\(Int(value)) \(unit)" : "\((value * 10).rounded() / 10) \(unit)"
    }
}
