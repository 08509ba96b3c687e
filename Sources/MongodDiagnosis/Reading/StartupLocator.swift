/// Finds where the last startup of a log file begins by reading the file backwards, at most
/// `scanLimit` bytes from its end, and the Build Info line of the startup before it.
struct StartupLocator {
    /// Where forward analysis starts, and what the backward scan learnt.
    struct Start {
        /// The offset of the last startup's first line; with no startup, the scan limit's edge.
        var offset: Int64
        /// Whether a startup marker was found (else only the end of the file is analysed).
        var foundStartup: Bool
        /// The last version line (Build Info) before the last startup, when one was near.
        var previousVersion: MongodLogEvent?
        /// Bytes fetched while scanning.
        var bytesRead: Int64
    }

    /// Texts of the lines that begin a startup (the parser decides whether a line really does).
    /// (JSON id 4615611 is `MongoDB starting`, 20698 `***** SERVER RESTARTED *****`.)
    static let markerPatterns = ["MongoDB starting", "SERVER RESTARTED"]
    /// Texts of the lines that state a server version (`StartupFacts.version(of:)`): JSON id 23403.
    static let versionPatterns = ["Build Info", "db version v"]

    let limits: LogReadLimits
    private let parser = MongodLogParser()

    init(limits: LogReadLimits) { self.limits = limits }

    func locate(in file: some LogFileAccess) throws -> Start {
        let floor = max(0, file.size - limits.scanLimit)
        var scanner = BackwardLineScanner(
            file: file, floor: floor, patterns: Self.markerPatterns + Self.versionPatterns, limits: limits)
        var start: Int64?
        var pairing = false
        var previousVersion: MongodLogEvent?
        var lookbackFloor = floor
        while let (offset, bytes) = try scanner.next(), offset >= lookbackFloor {
            guard let event = parser.parseLine(Substring(String(decoding: bytes, as: UTF8.self)), lineNumber: 0) else {
                continue
            }
            if let marker = event.startupMarker {
                if start == nil {
                    start = offset
                    // `SERVER RESTARTED` just before `MongoDB starting` begins the same startup.
                    pairing = marker == .starting
                    lookbackFloor = max(floor, offset - limits.versionLookback)
                    scanner.floor = lookbackFloor
                } else if pairing {
                    if marker == .restarted { start = offset }
                    pairing = false
                }
                continue
            }
            if start != nil, StartupFacts.version(of: event) != nil {
                previousVersion = event
                break
            }
        }
        return Start(
            offset: start ?? floor, foundStartup: start != nil, previousVersion: previousVersion,
            bytesRead: scanner.bytesRead)
    }
}
